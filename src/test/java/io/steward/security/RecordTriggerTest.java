package io.steward.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.steward.audit.AuditLog;
import io.steward.audit.ChainWriter;
import io.steward.audit.Outcome;
import io.steward.support.OwnerDb;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The owner's triggers refuse changes to records even to the owner, who alone could disable them:
 * they bound the column rights the runtime role holds, and stand whatever role is used by mistake.
 * Every statement runs in a transaction that is rolled back, so a failing test changes nothing.
 */
@QuarkusTest
class RecordTriggerTest {

    @Inject AuditLog audit;
    @Inject ChainWriter writer;

    @Test
    void auditEvent_asOwner_onlyLinkingAnUnlinkedEventOnceIsAllowed() throws SQLException {
        long linked = event();
        writer.linkPending();

        for (String sql :
                List.of(
                        "update audit_event set actor = 'someone-else' where id = ?",
                        "update audit_event set hash = repeat('0', 64) where id = ?",
                        "update audit_event set seq = null, prev_hash = null, hash = null"
                                + " where id = ?",
                        "delete from audit_event where id = ?")) {
            assertRefusedToOwner(sql, linked);
        }
        assertRefusedToOwner("truncate audit_event");
    }

    @Test
    void auditEvent_asOwner_linkingMayChangeNothingElse() throws SQLException {
        try (Connection c = OwnerDb.connect()) {
            c.setAutoCommit(false);
            // Uncommitted, so that no chain writer sees it: it stays unlinked.
            long unlinked;
            try (PreparedStatement st =
                            c.prepareStatement(
                                    "insert into audit_event (at, actor, role, action, resource,"
                                            + " outcome) values (now(), 'system:trigger',"
                                            + " 'system', 'test.trigger', 'tests/trigger',"
                                            + " 'SUCCESS') returning id");
                    ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                unlinked = rs.getLong(1);
            }
            for (String sql :
                    List.of(
                            "update audit_event set seq = 999999999, prev_hash = repeat('0', 64),"
                                    + " hash = repeat('0', 64), actor = 'someone-else'"
                                    + " where id = ?",
                            "update audit_event set actor = 'someone-else' where id = ?",
                            "delete from audit_event where id = ?")) {
                assertTriggerRefuses(c, sql, unlinked);
            }
            c.rollback();
        }
    }

    @Test
    void backupEvent_asOwner_isAppendOnly() throws SQLException {
        try (Connection c = OwnerDb.connect()) {
            c.setAutoCommit(false);
            UUID id = UUID.randomUUID();
            try (PreparedStatement st =
                    c.prepareStatement(
                            "insert into backup_event (id, kind, completed_at, recorded_by,"
                                    + " recorded_at) values (?, 'BACKUP', now(), 'test', now())")) {
                st.setObject(1, id);
                assertEquals(1, st.executeUpdate());
            }
            for (String sql :
                    List.of(
                            "update backup_event set detail = 'rewritten' where id = ?",
                            "delete from backup_event where id = ?")) {
                assertTriggerRefuses(c, sql, id);
            }
            c.rollback();
        }
    }

    @Test
    void everyRecordTable_hasAnEnabledTriggerRefusingUpdatesAndDeletes() throws SQLException {
        try (Connection c = OwnerDb.connect()) {
            List<String> problems = DatabaseRoleCheck.problems(c);
            for (String table : DatabaseRoleCheck.RECORDS) {
                assertTrue(
                        problems.contains(table + " is owned by the role or a role it belongs to"),
                        problems.toString());
                assertFalse(
                        problems.contains(table + " has no enabled trigger refusing changes"),
                        problems.toString());
            }
        }
    }

    @Test
    void startCheck_disabledTrigger_isReported() throws SQLException {
        try (Connection c = OwnerDb.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement st =
                    c.prepareStatement(
                            "alter table backup_event disable trigger backup_event_append_only")) {
                st.execute();
            }
            assertTrue(
                    DatabaseRoleCheck.problems(c)
                            .contains("backup_event has no enabled trigger refusing changes"));
            c.rollback();
        }
    }

    private long event() {
        String actor = "system:trigger-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                audit.recordSystem(
                                        actor,
                                        "test.trigger",
                                        "tests/trigger",
                                        List.of(),
                                        Outcome.SUCCESS));
        try (Connection c = OwnerDb.connect();
                PreparedStatement st =
                        c.prepareStatement("select id from audit_event where actor = ?")) {
            st.setString(1, actor);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefusedToOwner(String sql, Object... params) throws SQLException {
        try (Connection c = OwnerDb.connect()) {
            c.setAutoCommit(false);
            assertTriggerRefuses(c, sql, params);
            c.rollback();
        }
    }

    private static void assertTriggerRefuses(Connection c, String sql, Object... params)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("savepoint attempt")) {
            st.execute();
        }
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () -> {
                            try (PreparedStatement st = c.prepareStatement(sql)) {
                                for (int i = 0; i < params.length; i++) {
                                    st.setObject(i + 1, params[i]);
                                }
                                st.execute();
                            }
                        },
                        sql);
        assertEquals(RuntimeRoleTest.TRIGGER, e.getSQLState(), sql + ": " + e.getMessage());
        try (PreparedStatement st = c.prepareStatement("rollback to savepoint attempt")) {
            st.execute();
        }
    }
}
