package io.steward.tools.load;

import com.fasterxml.jackson.databind.JsonNode;

/** An answer the loader did not expect; the message carries the problem's title and detail. */
public final class ApiException extends RuntimeException {

    private final int status;

    ApiException(String method, String path, int status, JsonNode problem) {
        super(method + " " + path + " answered " + status + describe(problem));
        this.status = status;
    }

    public int status() {
        return status;
    }

    private static String describe(JsonNode problem) {
        if (problem == null || !problem.isObject()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {"title", "detail", "errors", "correlationId"}) {
            if (problem.hasNonNull(field)) {
                text.append(' ').append(field).append('=').append(problem.get(field));
            }
        }
        return text.toString();
    }
}
