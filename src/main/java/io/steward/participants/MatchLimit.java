package io.steward.participants;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.steward.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;

/**
 * Limits birth-date guessing through {@code POST /participants}: a refused match (natural key with
 * another birth date, 409) is counted per natural key (its blind index) and per caller, in the
 * database so that every replica sees the same counts. Once either count reaches its limit within
 * the window, posts for that key or by that caller answer 429 with {@code Retry-After}. The check
 * runs before the natural key is looked up, so a 429 is the same answer, after the same work,
 * whether or not a youth has the key.
 *
 * <p>Bulk imports count and check the same rows, set-based, once per job ({@code
 * imports.job.StagedChecks}), with the settings of {@link MatchLimitConfig}.
 */
@ApplicationScoped
public class MatchLimit {

    static final Duration SHORTEST = Duration.ofMinutes(1);
    static final Duration LONGEST = Duration.ofDays(30);

    @Inject MatchLimitConfig config;
    @Inject EntityManager em;

    void start(@Observes StartupEvent event) {
        check(config.perKey(), config.perCaller(), config.window());
    }

    /** Refuses settings that would turn the limit off or keep refusals forever. */
    static void check(int perKey, int perCaller, Duration window) {
        if (perKey < 1 || perCaller < 1) {
            throw new IllegalStateException(
                    "STW-PARTICIPANT-0001 steward.participants.match-limit.per-key and"
                            + " .per-caller must be at least 1");
        }
        if (window.compareTo(SHORTEST) < 0 || window.compareTo(LONGEST) > 0) {
            throw new IllegalStateException(
                    "STW-PARTICIPANT-0002 steward.participants.match-limit.window must be from"
                            + " PT1M to P30D");
        }
    }

    /**
     * Throws 429 if this key or this caller has had its limit of refused matches within the window.
     * {@code Retry-After} is when the oldest refusal that counts leaves the window.
     */
    public void check(byte[] studentKey, String caller) {
        long wait =
                Math.max(
                        waitSeconds("student_key", studentKey, config.perKey()),
                        waitSeconds("caller", caller, config.perCaller()));
        if (wait > 0) {
            throw ApiException.tooManyRequests(
                    "Too many refused matches; retry after the time given.", wait);
        }
    }

    /** Counts a refused match, in a transaction of its own: the refused request rolls back. */
    public void refused(byte[] studentKey, String caller) {
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                em.createNativeQuery(
                                                "insert into participant_match_denial"
                                                        + " (student_key, caller) values (?1, ?2)")
                                        .setParameter(1, studentKey)
                                        .setParameter(2, caller)
                                        .executeUpdate());
    }

    /** Seconds until fewer than {@code limit} refusals of this key or caller are in the window. */
    private long waitSeconds(String column, Object value, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> rows =
                em.createNativeQuery(
                                "select ceil(extract(epoch from at + ?2 * interval '1 second'"
                                        + " - now())) from participant_match_denial where "
                                        + column
                                        + " = ?1 and at > now() - ?2 * interval '1 second'"
                                        + " order by at desc offset ?3 limit 1")
                        .setParameter(1, value)
                        .setParameter(2, config.window().toSeconds())
                        .setParameter(3, limit - 1)
                        .getResultList();
        return rows.isEmpty() ? 0 : Math.max(1, rows.get(0).longValue());
    }

    /** Deletes refusals that no longer count. */
    @Scheduled(
            identity = "participant-match-denials",
            every = "5m",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                em.createNativeQuery(
                                                "delete from participant_match_denial"
                                                        + " where at <= now() - ?1 * interval"
                                                        + " '1 second'")
                                        .setParameter(1, config.window().toSeconds())
                                        .executeUpdate());
    }
}
