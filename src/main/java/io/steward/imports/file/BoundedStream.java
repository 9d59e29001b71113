package io.steward.imports.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes bytes through while {@link RecordBounds} caps the length of each record. */
final class BoundedStream extends FilterInputStream {

    private final RecordBounds bounds;

    BoundedStream(InputStream in, RecordBounds bounds) {
        super(in);
        this.bounds = bounds;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bounds.accept(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            bounds.accept(buffer[offset + i]);
        }
        return n;
    }
}
