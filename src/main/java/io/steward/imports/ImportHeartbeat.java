package io.steward.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.steward.imports.file.Spooler;
import io.steward.imports.job.ImportRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps replicas off each other's jobs. Every {@code steward.imports.heartbeat-interval} this
 * instance renews the heartbeat of the jobs it holds (waiting in its queue or running), then fails
 * the jobs whose heartbeat is older than {@code steward.imports.stale-after}, whichever instance
 * held them, and deletes the spool files no live job uses. It does the same once at start. A job's
 * file is sealed with a key only its holder's memory has, so a job whose holder stopped can only be
 * submitted again.
 */
@ApplicationScoped
public class ImportHeartbeat {

    private static final Logger LOG = Logger.getLogger(ImportHeartbeat.class);

    @Inject ImportConfig config;
    @Inject ImportJobs jobs;
    @Inject ImportRunner runner;
    @Inject Spooler spooler;

    private final String instance = instanceName();
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent event) {
        check(config.heartbeatInterval(), config.staleAfter());
        LOG.infof("STW-IMPORT-0040 import jobs held as instance %s", instance);
        reap();
        long every = config.heartbeatInterval().toMillis();
        timer =
                Executors.newSingleThreadScheduledExecutor(
                        task -> {
                            Thread thread = new Thread(task, "import-heartbeat");
                            thread.setDaemon(true);
                            return thread;
                        });
        timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /**
     * Refuses settings under which a live holder could look stopped: both durations positive, and
     * the stale timeout at least three heartbeat intervals (two missed beats are tolerated).
     */
    static void check(Duration heartbeatInterval, Duration staleAfter) {
        if (heartbeatInterval.isNegative() || heartbeatInterval.toMillis() < 1) {
            throw new IllegalStateException(
                    "STW-IMPORT-0041 steward.imports.heartbeat-interval must be positive");
        }
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalStateException(
                    "STW-IMPORT-0042 steward.imports.stale-after must be at least three times"
                            + " steward.imports.heartbeat-interval");
        }
    }

    /** The name this instance writes on the jobs it holds; new at every start. */
    public String instance() {
        return instance;
    }

    /** Marks a job as held here: its heartbeat is renewed until {@link #release}. */
    public void hold(UUID jobId) {
        held.add(jobId);
    }

    public void release(UUID jobId) {
        held.remove(jobId);
    }

    /** Fails the jobs whose holder stopped and sweeps the spool; returns how many were failed. */
    public int reap() {
        int failed = 0;
        for (UUID id : jobs.stale(config.staleAfter())) {
            if (runner.abandon(id)) {
                failed++;
            }
        }
        spooler.sweep(() -> jobs.liveSpools(config.staleAfter()), config.staleAfter());
        return failed;
    }

    void beat() {
        try {
            jobs.heartbeat(instance, Set.copyOf(held));
            reap();
        } catch (RuntimeException e) {
            LOG.warnf("STW-IMPORT-0505 heartbeat not written: %s", e.getClass().getName());
        }
    }

    private static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "steward");
        return host + "/" + UUID.randomUUID();
    }
}
