package io.steward.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON bodies are UTF-8 (RFC 8259): a JSON Content-Type whose {@code charset} names anything else
 * is a 415, as for imports, instead of its bytes being read as UTF-8 regardless.
 */
@Provider
public class JsonCharset implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !isJson(type)) {
            return;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !unquote(charset.strip()).equalsIgnoreCase("utf-8")) {
            throw ApiException.of(
                    ProblemKind.UNSUPPORTED_MEDIA_TYPE, "Send JSON in UTF-8, or name no charset.");
        }
    }

    static boolean isJson(MediaType type) {
        return "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype())
                        || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
