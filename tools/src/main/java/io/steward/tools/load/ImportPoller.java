package io.steward.tools.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/** Polls {@code GET /imports/{id}} until the import ends, printing its progress. */
public final class ImportPoller {

    private ImportPoller() {}

    /** Waits for SUCCEEDED (answers the final state) or fails on FAILED, with the row errors. */
    public static JsonNode await(Api api, Supplier<String> token, String id, Progress progress)
            throws InterruptedException {
        String last = "";
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode state =
                    Api.expect(
                                    "GET /api/v1/imports/" + id,
                                    api.get(token, "/api/v1/imports/" + id),
                                    200)
                            .body();
            String status = state.path("status").asText();
            String line =
                    status
                            + " "
                            + state.path("processedRows").asText("?")
                            + "/"
                            + state.path("totalRows").asText("?");
            if (!line.equals(last)) {
                progress.step("import " + id + ": " + line);
                last = line;
            }
            if (status.equals("SUCCEEDED")) {
                progress.step(
                        "import "
                                + id
                                + ": created "
                                + state.path("created").asText("?")
                                + ", matched existing "
                                + state.path("matchedExisting").asText("?"));
                return state;
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException(
                        "import " + id + " failed: " + state.path("errors"));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("import " + id + " did not finish in 30 minutes");
    }
}
