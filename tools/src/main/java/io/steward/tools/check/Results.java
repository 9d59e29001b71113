package io.steward.tools.check;

/** Counts checks and prints each one; the last line reads "N passed, M failed". */
final class Results {

    private int passed;
    private int failed;

    void check(String name, boolean ok, String detail) {
        if (ok) {
            passed++;
            System.out.println("ok     " + name);
        } else {
            failed++;
            System.out.println("FAILED " + name + " (" + detail + ")");
        }
    }

    int finish() {
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
