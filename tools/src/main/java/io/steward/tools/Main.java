package io.steward.tools;

import io.steward.tools.check.DemoChecks;
import io.steward.tools.load.LoadCommand;
import java.util.Arrays;

/**
 * Entry point of the developer tools: {@code java -jar tools/target/steward-tools.jar COMMAND}.
 *
 * <ul>
 *   <li>{@code keyset FILE}: writes a fresh Tink AES-256-GCM JSON keyset for local runs.
 *   <li>{@code generate --out DIR [--scale N] [--seed S]}: writes a synthetic city as CSV and
 *       NDJSON files.
 *   <li>{@code load ...}: loads a synthetic city or an Ed-Fi folder through the public API.
 *   <li>{@code check ...}: asserts what the demo users see after an Ed-Fi or a synthetic load.
 * </ul>
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int status;
        try {
            status =
                    switch (args[0]) {
                        case "keyset" -> KeysetCommand.run(rest);
                        case "generate" -> GenerateCommand.run(rest);
                        case "load" -> LoadCommand.run(rest);
                        case "check" -> DemoChecks.run(rest);
                        default -> {
                            usage();
                            yield 2;
                        }
                    };
        } catch (IllegalArgumentException e) {
            System.err.println("steward-tools: " + e.getMessage());
            status = 2;
        } catch (Exception e) {
            System.err.println("steward-tools " + args[0] + " failed: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    private static void usage() {
        System.err.println(
                "usage: steward-tools keyset FILE | generate --out DIR [--scale N] [--seed S]"
                        + " | load [options] | check [options]");
    }
}
