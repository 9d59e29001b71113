package io.steward.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps JSON bodies at {@code steward.http.max-json-bytes} even when they arrive chunked, without a
 * Content-Length for {@link HttpEdge} to check. The server-wide limit is set high for uploads,
 * which are streamed; JSON bodies are small by nature.
 */
@Provider
public class JsonBodyLimit implements ContainerRequestFilter {

    @ConfigProperty(name = "steward.http.max-json-bytes", defaultValue = "1048576")
    long maxJsonBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            request.setEntityStream(new Capped(request.getEntityStream(), maxJsonBytes));
        }
    }

    /** Counts bytes as they are read and fails once the cap is passed. */
    static final class Capped extends FilterInputStream {
        private final long cap;
        private long read;

        Capped(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > cap) {
                throw ApiException.of(
                        ProblemKind.PAYLOAD_TOO_LARGE,
                        "The body is larger than " + cap + " bytes.");
            }
        }
    }
}
