package io.steward.tools.check;

/** Placeholder replaced below. */
public final class DemoChecks {
    private DemoChecks() {}

    public static int run(String[] args) {
        return 0;
    }
}
