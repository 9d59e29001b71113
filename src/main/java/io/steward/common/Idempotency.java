package io.steward.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.steward.crypto.Envelope;
import io.steward.crypto.FieldContext;
import io.steward.security.Caller;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code Idempotency-Key} for writes that scripts retry. A key is scoped by the caller's subject,
 * the method and the path. The first request with a key claims it and its answer (status, body,
 * {@code Content-Type}, {@code Location}, {@code ETag}) is stored in the same transaction as the
 * change; a later request with the same key and the same body hash gets that answer again, with the
 * same headers and {@code Idempotent-Replayed: true} added, and changes nothing; with another body
 * it gets 409. Keys expire after {@code steward.idempotency.ttl} (24 hours).
 *
 * <p>Concurrent retries: the claim is an insert under a unique index, so a second request with the
 * same key waits for the first one's transaction. When the first commits, the second replays its
 * answer; when it rolls back, the second proceeds as the first. A second request that waits longer
 * than {@code steward.idempotency.wait} (5 s) gets 409 and may retry. Failures (exceptions) are not
 * stored: their transaction rolls back with the claim, so a retry runs again.
 *
 * <p>Adopt it by wrapping the act step: {@code return idempotency.run(key,
 * idempotency.hash(request), () -> service.create(request).created(uri));} where the service method
 * joins the transaction.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final String SCOPE = "idempotency";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** The media type of the JSON answers the runtime writes for an entity without one. */
    static final String JSON = "application/json;charset=UTF-8";

    @Inject EntityManager em;
    @Inject Caller caller;
    @Inject Instance<RoutingContext> routingContext;
    @Inject ObjectMapper mapper;
    @Inject Envelope envelope;

    @ConfigProperty(name = "steward.idempotency.ttl", defaultValue = "PT24H")
    Duration ttl;

    @ConfigProperty(name = "steward.idempotency.wait", defaultValue = "PT5S")
    Duration wait;

    /**
     * Runs {@code act} once per key; without a key it simply runs it. The header as sent decides:
     * one that is present but empty or blank (which the resource's parameter cannot tell from an
     * absent one) or given twice is a 400, like a key over 200 characters.
     */
    @Transactional
    public Response run(String key, byte[] requestHash, Supplier<Response> act) {
        return run(key, requestHash, act, replayed -> {});
    }

    /**
     * As {@link #run(String, byte[], Supplier)}; an answer given again is passed to {@code
     * replayed} before it is sent, so that the resource can audit the disclosure it repeats.
     */
    @Transactional
    public Response run(
            String key, byte[] requestHash, Supplier<Response> act, Consumer<Response> replayed) {
        var request = routingContext.get().request();
        List<String> sent = request.headers().getAll(HEADER);
        if (sent.size() > 1) {
            throw ApiException.invalid(HEADER, "must be given only once");
        }
        if (!sent.isEmpty()) {
            key = sent.get(0);
        }
        if (key == null) {
            return act.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        List<Object> scope =
                List.of(caller.subject(), request.method().name(), request.path(), key);

        UUID id = UUID.randomUUID();
        if (claim(scope, id, requestHash)) {
            Response answer = typed(act.get());
            remember(id, answer);
            return answer;
        }
        Response answer = replay(scope, requestHash);
        replayed.accept(answer);
        return answer;
    }

    /** The hash of a JSON request as the server read it (insensitive to spacing and order). */
    public byte[] hash(Object request) {
        try {
            return sha256(mapper.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("STW-IDEM-0001 request not serializable");
        }
    }

    public static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "1h", delayed = "5m")
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("delete from idempotency_key where expires_at <= now()")
                .executeUpdate();
    }

    private boolean claim(List<Object> scope, UUID id, byte[] requestHash) {
        em.createNativeQuery(
                        "delete from idempotency_key where subject = ?1 and method = ?2"
                                + " and path = ?3 and key = ?4 and expires_at <= now()")
                .setParameter(1, scope.get(0))
                .setParameter(2, scope.get(1))
                .setParameter(3, scope.get(2))
                .setParameter(4, scope.get(3))
                .executeUpdate();
        String before =
                (String)
                        em.createNativeQuery("select current_setting('lock_timeout')")
                                .getSingleResult();
        try {
            setLockTimeout(wait.toMillis() + "ms");
            int inserted =
                    em.createNativeQuery(
                                    "insert into idempotency_key (id, subject, method, path, key,"
                                            + " request_hash, created_at, expires_at) values (?1,"
                                            + " ?2, ?3, ?4, ?5, ?6, now(), now() + ?7 *"
                                            + " interval '1 millisecond') on conflict (subject,"
                                            + " method, path, key) do nothing")
                            .setParameter(1, id)
                            .setParameter(2, scope.get(0))
                            .setParameter(3, scope.get(1))
                            .setParameter(4, scope.get(2))
                            .setParameter(5, scope.get(3))
                            .setParameter(6, requestHash)
                            .setParameter(7, ttl.toMillis())
                            .executeUpdate();
            setLockTimeout(before);
            return inserted == 1;
        } catch (PersistenceException e) {
            if (LOCK_NOT_AVAILABLE.equals(sqlState(e))) {
                throw busy();
            }
            throw e;
        }
    }

    private void setLockTimeout(String value) {
        em.createNativeQuery("select set_config('lock_timeout', ?1, true)")
                .setParameter(1, value)
                .getSingleResult();
    }

    private void remember(UUID id, Response answer) {
        Object entity = answer.getEntity();
        String body;
        try {
            body =
                    entity == null || entity instanceof String
                            ? (String) entity
                            : mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("STW-IDEM-0002 answer not serializable");
        }
        String type = answer.getMediaType() == null ? null : answer.getMediaType().toString();
        em.createNativeQuery(
                        "update idempotency_key set status = ?1, body = ?2, content_type = ?3,"
                                + " location = ?4, etag = ?5 where id = ?6")
                .setParameter(1, answer.getStatus())
                .setParameter(2, seal(body, id))
                .setParameter(3, type)
                .setParameter(4, answer.getHeaderString(HttpHeaders.LOCATION))
                .setParameter(5, answer.getHeaderString(HttpHeaders.ETAG))
                .setParameter(6, id)
                .executeUpdate();
    }

    private Response replay(List<Object> scope, byte[] requestHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "select id, request_hash, status, body, content_type, location,"
                                        + " etag from idempotency_key where subject = ?1 and"
                                        + " method = ?2 and path = ?3 and key = ?4")
                        .setParameter(1, scope.get(0))
                        .setParameter(2, scope.get(1))
                        .setParameter(3, scope.get(2))
                        .setParameter(4, scope.get(3))
                        .getResultList();
        if (rows.isEmpty() || rows.get(0)[2] == null) {
            throw busy();
        }
        Object[] row = rows.get(0);
        if (!MessageDigest.isEqual(requestHash, (byte[]) row[1])) {
            throw ApiException.conflict(
                    "This Idempotency-Key was already used with another request body.");
        }
        UUID id = (UUID) row[0];
        String body =
                row[3] == null
                        ? null
                        : envelope.decrypt(
                                (byte[]) row[3], FieldContext.of("idempotency_key", "body", id));
        Response.ResponseBuilder replay =
                Response.status(((Number) row[2]).intValue()).header(REPLAYED, "true");
        if (body != null) {
            replay.entity(body).type(row[4] == null ? JSON : (String) row[4]);
        }
        if (row[5] != null) {
            replay.header(HttpHeaders.LOCATION, row[5]);
        }
        if (row[6] != null) {
            replay.header(HttpHeaders.ETAG, row[6]);
        }
        return replay.build();
    }

    /**
     * The answer with its media type named, as the runtime would have named it ({@link #JSON}), so
     * that the type stored for a replay is the one the first answer went out with.
     */
    private static Response typed(Response answer) {
        if (answer.getEntity() == null || answer.getMediaType() != null) {
            return answer;
        }
        return Response.fromResponse(answer).type(JSON).build();
    }

    private byte[] seal(String body, UUID id) {
        return envelope.encrypt(SCOPE, body, FieldContext.of("idempotency_key", "body", id));
    }

    private static ApiException busy() {
        return ApiException.conflict(
                "A request with this Idempotency-Key is still in progress; retry shortly.");
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
