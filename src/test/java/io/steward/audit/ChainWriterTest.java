package io.steward.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Events are inserted unlinked and linked into the chain afterwards, each exactly once. */
@QuarkusTest
class ChainWriterTest {

    @Inject EntityManager em;
    @Inject DataSource ds;
    @Inject AuditLog audit;
    @Inject ChainWriter writer;
    @Inject AuditQuery query;

    /** One stored event: its insertion id and its chain fields (null until linked). */
    record Stored(long id, Long seq, String prevHash, String hash) {}

    @Test
    void concurrentAuditedRequests_areEachLinkedOnce_andChainIsValid() throws Exception {
        String prefix = "chain-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        int requests = 32;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String subject = prefix + i;
                work.add(pool.submit(() -> createOrganizationAs(subject)));
                if (i % 8 == 0) {
                    work.add(pool.submit(writer::linkPending));
                }
            }
            for (Future<?> f : work) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        writer.linkPending();

        List<Stored> events = stored("actor like ?", prefix + "%");
        assertEquals(requests, events.size());
        Set<Long> seqs = new HashSet<>();
        for (Stored e : events) {
            assertNotNull(e.seq(), "every committed event is linked");
            assertNotNull(e.hash());
            assertTrue(seqs.add(e.seq()), "no chain position is given twice");
        }
        assertEquals(
                count("select count(*) from audit_event where seq is not null"),
                count("select max(seq) from audit_event"),
                "chain positions run from 1 without gaps");
        given().auth()
                .oauth2(Tokens.of("auditor", "CITY"))
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("firstInvalidSeq", nullValue())
                .body("unlinkedOverdue", equalTo(0));
    }

    @Test
    void eventRolledBackWithItsRequest_neverAppears() {
        String actor = "system:rollback-" + UUID.randomUUID();
        assertThrows(
                IllegalStateException.class,
                () ->
                        QuarkusTransaction.requiringNew()
                                .run(
                                        () -> {
                                            audit.recordSystem(
                                                    actor,
                                                    "test.rollback",
                                                    "tests/rollback",
                                                    List.of(),
                                                    Outcome.SUCCESS);
                                            throw new IllegalStateException("request failed");
                                        }));
        String kept = "system:kept-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                audit.recordSystem(
                                        kept,
                                        "test.commit",
                                        "tests/commit",
                                        List.of(),
                                        Outcome.SUCCESS));

        writer.linkPending();

        assertEquals(List.of(), stored("actor = ?", actor));
        Stored linked = stored("actor = ?", kept).get(0);
        Stored before = stored("seq = ?", linked.seq() - 1).get(0);
        assertEquals(before.hash(), linked.prevHash(), "the rolled-back event left no gap");
        given().auth()
                .oauth2(Tokens.of("auditor", "CITY"))
                .get("/api/v1/audit/verification")
                .then()
                .body("valid", equalTo(true));
    }

    @Test
    void committedEvent_isLinkedInTheBackground() throws InterruptedException {
        String actor = "system:background-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                audit.recordSystem(
                                        actor,
                                        "test.commit",
                                        "tests/bg",
                                        List.of(),
                                        Outcome.FAILED));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Stored event = stored("actor = ?", actor).get(0);
        while (event.seq() == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
            event = stored("actor = ?", actor).get(0);
        }

        assertNotNull(event.seq(), "linked without anyone asking");
        AuditEventView view =
                QuarkusTransaction.requiringNew()
                        .call(() -> query.find(new AuditFilter(null, null, actor, null), 0, 2))
                        .get(0);
        assertEquals(event.hash(), view.hash());
        assertEquals(
                AuditLog.hash(view.seq(), ChainVerifier.entry(view), view.prevHash()),
                view.hash(),
                "an auditor can recompute the hash from what the list shows");
    }

    @Test
    void tamperedHashOfLinkedEvent_isDetected() {
        String subject = "chain-" + UUID.randomUUID();
        createOrganizationAs(subject);
        writer.linkPending();
        Stored event = stored("actor = ?", subject).get(0);

        AuditResourceTest.tamper(event.seq(), "hash", "f".repeat(64));
        try {
            given().auth()
                    .oauth2(Tokens.of("auditor", "CITY"))
                    .get("/api/v1/audit/verification")
                    .then()
                    .body("valid", equalTo(false))
                    .body("firstInvalidSeq", equalTo(event.seq().intValue()));
        } finally {
            AuditResourceTest.tamper(event.seq(), "hash", event.hash());
        }
        given().auth()
                .oauth2(Tokens.of("auditor", "CITY"))
                .get("/api/v1/audit/verification")
                .then()
                .body("valid", equalTo(true));
    }

    @Test
    void linkingByApplication_onlyOnceAndNothingElse() {
        String subject = "chain-" + UUID.randomUUID();
        createOrganizationAs(subject);
        writer.linkPending();
        Stored linked = stored("actor = ?", subject).get(0);

        assertThrows(
                Exception.class,
                () -> update("update audit_event set seq = seq + 1000000 where id = ?1", linked));
        assertThrows(
                Exception.class,
                () ->
                        update(
                                "update audit_event set hash = prev_hash, prev_hash = hash"
                                        + " where id = ?1",
                                linked));
        assertThrows(
                Exception.class,
                () ->
                        update(
                                "update audit_event set seq = null, prev_hash = null,"
                                        + " hash = null where id = ?1",
                                linked));
        assertEquals(linked, stored("id = ?", linked.id()).get(0));
    }

    @Test
    void unlinkedEvent_canOnlyBeLinkedAsRecorded() throws SQLException {
        String actor = "chain-" + UUID.randomUUID();
        try (Connection holder = ds.getConnection()) {
            lockChain(holder);
            QuarkusTransaction.requiringNew()
                    .run(
                            () ->
                                    audit.recordSystem(
                                            actor,
                                            "test.commit",
                                            "tests/x",
                                            List.of(),
                                            Outcome.SUCCESS));
            Stored unlinked = stored("actor = ?", actor).get(0);
            assertEquals(null, unlinked.seq());
            assertEquals(null, unlinked.hash());

            assertThrows(
                    Exception.class,
                    () ->
                            update(
                                    "update audit_event set seq = 999999999,"
                                            + " prev_hash = repeat('0', 64),"
                                            + " hash = repeat('0', 64), actor = 'someone-else'"
                                            + " where id = ?1",
                                    unlinked));
            assertThrows(
                    Exception.class,
                    () -> update("delete from audit_event where id = ?1", unlinked));
            unlockChain(holder);
        }
        writer.linkPending();
        assertNotNull(stored("actor = ?", actor).get(0).seq());
    }

    @Test
    void eventLeftUnlinkedPastGrace_makesTheChainInvalid() throws SQLException {
        String actor = "chain-overdue-" + UUID.randomUUID();
        try (Connection holder = ds.getConnection()) {
            lockChain(holder);
            try (PreparedStatement st =
                    holder.prepareStatement(
                            "insert into audit_event (at, actor, role, action, resource, outcome)"
                                    + " values (?, ?, 'system', 'test.overdue', 'tests/overdue',"
                                    + " 'SUCCESS')")) {
                st.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(600)));
                st.setString(2, actor);
                st.executeUpdate();
            }

            given().auth()
                    .oauth2(Tokens.of("auditor", "CITY"))
                    .get("/api/v1/audit/verification")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstInvalidSeq", nullValue())
                    .body("unlinkedOverdue", equalTo(1));
            unlockChain(holder);
        }

        given().auth()
                .oauth2(Tokens.of("auditor", "CITY"))
                .get("/api/v1/audit/verification")
                .then()
                .body("valid", equalTo(true))
                .body("unlinkedOverdue", equalTo(0));
    }

    /** Holds the chain writer's lock on a connection of the test's own, as another instance. */
    private static void lockChain(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_lock(?)")) {
            st.setLong(1, ChainWriter.CHAIN_LOCK);
            st.executeQuery().close();
        }
    }

    private static void unlockChain(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_unlock(?)")) {
            st.setLong(1, ChainWriter.CHAIN_LOCK);
            st.executeQuery().close();
        }
    }

    private void update(String sql, Stored event) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(sql).setParameter(1, event.id()).executeUpdate());
    }

    private List<Stored> stored(String where, Object param) {
        try (Connection c = ds.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "select id, seq, prev_hash, hash from audit_event where "
                                        + where
                                        + " order by id")) {
            st.setObject(1, param);
            List<Stored> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(
                            new Stored(
                                    rs.getLong(1),
                                    rs.getObject(2) == null ? null : rs.getLong(2),
                                    rs.getString(3),
                                    rs.getString(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        return ((Number)
                        QuarkusTransaction.requiringNew()
                                .call(() -> em.createNativeQuery(sql).getSingleResult()))
                .longValue();
    }

    private static void createOrganizationAs(String subject) {
        String code = "CHN-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Tokens.of(subject, List.of("city-admin"), "CITY"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Chain test", "type", "PROVIDER"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
    }
}
