package io.steward.imports.file;

import jakarta.ws.rs.core.MediaType;

/** The two file formats an import accepts. */
public enum UploadFormat {
    CSV("text/csv"),
    NDJSON("application/x-ndjson");

    private final String mediaType;

    UploadFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a request's media type; null when it is neither (the resource answers 415). */
    public static UploadFormat of(MediaType type) {
        if (type == null) {
            return null;
        }
        for (UploadFormat format : values()) {
            if (MediaType.valueOf(format.mediaType).isCompatible(type)) {
                return format;
            }
        }
        return null;
    }

    /** Only UTF-8 is accepted: a charset parameter, if present, must name it. */
    public static boolean utf8(MediaType type) {
        String charset = type == null ? null : type.getParameters().get("charset");
        return charset == null || charset.equalsIgnoreCase("utf-8");
    }
}
