package io.steward.tools.load;

import java.io.PrintStream;

/** Progress lines for people watching a load: counts only, never personal values. */
public final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void step(String text) {
        out.printf("[load %5.1fs] %s%n", seconds(), text);
        out.flush();
    }

    /** Prints {@code done/total} when a tenth more is done, and at the end. */
    public Counter counter(String what, int total) {
        return new Counter(what, total);
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** A running count for one step. */
    public final class Counter {
        private final String what;
        private final int total;
        private int done;
        private int shownTenth = -1;

        private Counter(String what, int total) {
            this.what = what;
            this.total = total;
        }

        public void add(int count) {
            done += count;
            int tenth = total == 0 ? 10 : (int) (10L * done / total);
            if (tenth != shownTenth) {
                shownTenth = tenth;
                step(what + " " + done + "/" + total);
            }
        }
    }
}
