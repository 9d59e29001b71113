package io.steward.imports.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.steward.imports.file.RawRow;
import io.steward.imports.file.RowError;
import io.steward.imports.file.RowSource;
import io.steward.imports.file.Spool;
import io.steward.imports.file.UnreadableFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads, checks and seals the rows of a file on a thread of its own, one batch ahead of the thread
 * that looks them up and writes them, so that parsing and crypto run while the database works. At
 * most two batches wait, so memory does not grow with the file.
 */
final class RowReader implements AutoCloseable {

    /** Rows read up to the end of this batch, the rows that passed and the errors of the rest. */
    record Batch(long rowsRead, List<SealedRow> rows, List<RowError> errors, boolean last) {}

    private static final Batch POISON = new Batch(0, List.of(), List.of(), true);

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
    private final Thread thread;
    private volatile Throwable failure;
    private boolean done;

    private RowReader(RowSource source, RowCipher cipher, UUID jobId, int batchSize) {
        this.thread =
                new Thread(() -> read(source, cipher, jobId, batchSize), "steward-import-reader");
        thread.setDaemon(true);
    }

    static RowReader start(
            Spool spool,
            ObjectMapper mapper,
            int maxRowBytes,
            RowCipher cipher,
            UUID jobId,
            int batchSize)
            throws IOException {
        RowReader reader =
                new RowReader(RowSource.open(spool, mapper, maxRowBytes), cipher, jobId, batchSize);
        reader.thread.start();
        return reader;
    }

    /** The next batch, or null after the last. */
    Batch next() throws InterruptedException {
        if (done) {
            return null;
        }
        Batch batch = queue.take();
        if (batch == POISON) {
            done = true;
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException("STW-IMPORT-0032 rows not read", t);
        }
        done = batch.last();
        return batch;
    }

    private void read(RowSource source, RowCipher cipher, UUID jobId, int batchSize) {
        try (source) {
            long rows = 0;
            List<SealedRow> sealed = new ArrayList<>(batchSize);
            ErrorList errors = new ErrorList(Integer.MAX_VALUE);
            boolean end = false;
            while (!end) {
                RawRow raw;
                try {
                    raw = source.next();
                } catch (UnreadableFile e) {
                    errors.add(e.error());
                    raw = null;
                }
                if (raw == null) {
                    end = true;
                } else {
                    rows++;
                    CheckedRow row = RowCheck.check(raw, errors);
                    if (row != null) {
                        sealed.add(SealedRow.of(row, cipher, jobId));
                    }
                }
                if (end || sealed.size() == batchSize || errors.count() >= batchSize) {
                    queue.put(new Batch(rows, sealed, errors.sorted(), end));
                    sealed = new ArrayList<>(batchSize);
                    errors = new ErrorList(Integer.MAX_VALUE);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            queue.clear();
            queue.offer(POISON);
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
