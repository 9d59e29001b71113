package io.steward.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.steward.imports.file.Spool;
import io.steward.imports.job.ImportRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

/**
 * Runs jobs on a small managed executor ({@code steward.imports.workers} at a time, no request
 * context carried over) and limits how many may wait. Jobs run on the instance that received their
 * file, which holds them ({@link ImportHeartbeat}) from queueing to their end.
 */
@ApplicationScoped
public class ImportQueue {

    private static final Logger LOG = Logger.getLogger(ImportQueue.class);

    @Inject ImportConfig config;
    @Inject ImportRunner runner;
    @Inject ImportHeartbeat heartbeat;

    private final AtomicInteger waiting = new AtomicInteger();
    private ManagedExecutor executor;

    void start(@Observes StartupEvent event) {
        executor =
                ManagedExecutor.builder()
                        .maxAsync(config.workers())
                        .propagated(ThreadContext.NONE)
                        .cleared(ThreadContext.ALL_REMAINING)
                        .build();
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Whether another job may be accepted now. */
    public boolean full() {
        return waiting.get() >= config.maxWaiting();
    }

    /** Runs the job once a worker is free; the spool is deleted when it ends. */
    public void enqueue(UUID jobId, Spool spool) {
        heartbeat.hold(jobId);
        waiting.incrementAndGet();
        try {
            executor.runAsync(
                    () -> {
                        waiting.decrementAndGet();
                        try {
                            runner.run(jobId, spool);
                        } catch (RuntimeException e) {
                            LOG.errorf("STW-IMPORT-0503 job %s: %s", jobId, e.getClass().getName());
                        } finally {
                            heartbeat.release(jobId);
                            spool.delete();
                        }
                    });
        } catch (RuntimeException e) {
            waiting.decrementAndGet();
            heartbeat.release(jobId);
            throw e;
        }
    }
}
