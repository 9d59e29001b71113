package io.steward.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.steward.audit.AuditLog;
import io.steward.audit.ChainWriter;
import io.steward.audit.Outcome;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the role the service connects as may not do to the record tables, tried directly in SQL.
 * Each refusal is asserted by its SQLSTATE: 42501 (insufficient privilege) where the role lacks the
 * right, P0001 where the owner's trigger refuses a change the role's column rights would allow.
 */
@QuarkusTest
class RuntimeRoleTest {

    static final String NO_PRIVILEGE = "42501";
    static final String TRIGGER = "P0001";
    static final List<String> CHAIN = List.of("seq", "prev_hash", "hash");

    /** A column of each record table besides audit_event that the service never updates. */
    static final Map<String, String> RECORD_COLUMNS =
            Map.of(
                    "consent", "purpose",
                    "consent_revocation", "revoked_by",
                    "disclosure", "purpose",
                    "agreement_destruction", "reason",
                    "backup_event", "detail");

    @Inject DataSource ds;
    @Inject AuditLog audit;
    @Inject ChainWriter writer;

    @Test
    void auditEvent_updateOfEveryColumnButTheChain_isRefused() throws SQLException {
        long linked = linkedEvent();
        long unlinked = unlinkedEvent();
        List<String> others = new ArrayList<>(columns("audit_event"));
        others.removeAll(CHAIN);
        assertTrue(
                others.containsAll(List.of("id", "at", "actor", "action", "outcome")),
                others.toString());

        for (String column : others) {
            String sql = "update audit_event set " + column + " = default where id = ?";
            assertRefused(NO_PRIVILEGE, sql, linked);
            assertRefused(NO_PRIVILEGE, sql, unlinked);
        }
    }

    @Test
    void auditEvent_chainColumnsOfALinkedEvent_cannotChange() throws SQLException {
        long linked = linkedEvent();
        List<Object> before = event(linked);

        assertRefused(TRIGGER, "update audit_event set seq = seq + 1000000 where id = ?", linked);
        assertRefused(TRIGGER, "update audit_event set prev_hash = hash where id = ?", linked);
        assertRefused(
                TRIGGER, "update audit_event set hash = repeat('0', 64) where id = ?", linked);
        assertRefused(
                TRIGGER,
                "update audit_event set seq = null, prev_hash = null, hash = null where id = ?",
                linked);

        assertEquals(before, event(linked));
    }

    @Test
    void auditEvent_insertLinked_deleteAndTruncate_areRefused() throws SQLException {
        long linked = linkedEvent();

        assertRefused(
                NO_PRIVILEGE,
                "insert into audit_event (at, actor, role, action, resource, outcome, seq,"
                        + " prev_hash, hash) values (now(), 'x', 'system', 'test.forged',"
                        + " 'tests/forged', 'SUCCESS', 999999999, repeat('0', 64),"
                        + " repeat('0', 64))");
        assertRefused(NO_PRIVILEGE, "delete from audit_event where id = ?", linked);
        assertRefused(NO_PRIVILEGE, "truncate audit_event");

        assertNotNull(event(linked).get(0));
    }

    @Test
    void otherRecordTables_updateDeleteAndTruncate_areRefused() {
        RECORD_COLUMNS.forEach(
                (table, column) -> {
                    assertRefused(
                            NO_PRIVILEGE,
                            "update " + table + " set " + column + " = " + column + " where true");
                    assertRefused(NO_PRIVILEGE, "delete from " + table + " where true");
                    assertRefused(NO_PRIVILEGE, "truncate " + table);
                });
    }

    @Test
    void participantClaim_updateDeleteAndTruncate_areRefused() {
        assertRefused(NO_PRIVILEGE, "update participant_claim set kind = kind where true");
        assertRefused(NO_PRIVILEGE, "delete from participant_claim where true");
        assertRefused(NO_PRIVILEGE, "truncate participant_claim");
    }

    @Test
    void triggersAndTables_cannotBeDroppedDisabledOrAltered() {
        assertRefused(NO_PRIVILEGE, "drop trigger audit_event_no_update on audit_event");
        assertRefused(NO_PRIVILEGE, "drop trigger audit_event_no_truncate on audit_event");
        assertRefused(NO_PRIVILEGE, "drop function audit_event_link_once() cascade");
        assertRefused(
                NO_PRIVILEGE,
                "create or replace function audit_event_link_once() returns trigger"
                        + " language plpgsql as 'begin return new; end'");
        assertRefused(
                NO_PRIVILEGE,
                "create trigger audit_event_zz before update on audit_event for each row"
                        + " execute function steward_append_only()");
        assertRefused(NO_PRIVILEGE, "set session_replication_role = replica");
        assertRefused(NO_PRIVILEGE, "create table audit_event_copy (id bigint)");
        for (String table : DatabaseRoleCheck.RECORDS) {
            assertRefused(NO_PRIVILEGE, "alter table " + table + " disable trigger all");
            assertRefused(NO_PRIVILEGE, "alter table " + table + " add column note text");
            assertRefused(NO_PRIVILEGE, "alter table " + table + " owner to current_user");
            assertRefused(NO_PRIVILEGE, "drop table " + table + " cascade");
        }
    }

    @Test
    void runtimeRole_passesTheStartCheck() throws SQLException {
        try (Connection c = ds.getConnection()) {
            assertEquals(List.of(), DatabaseRoleCheck.problems(c));
        }
    }

    private long linkedEvent() {
        long id = unlinkedEvent();
        writer.linkPending();
        try {
            assertNotNull(event(id).get(1), "the chain writer linked the event");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private long unlinkedEvent() {
        String actor = "system:roles-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(
                        () ->
                                audit.recordSystem(
                                        actor,
                                        "test.roles",
                                        "tests/roles",
                                        List.of(),
                                        Outcome.SUCCESS));
        try (Connection c = ds.getConnection();
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

    /** id, seq, prev_hash, hash, actor and at of one event. */
    private List<Object> event(long id) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "select id, seq, prev_hash, hash, actor, at from audit_event"
                                        + " where id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= 6; i++) {
                    row.add(rs.getObject(i));
                }
                return row;
            }
        }
    }

    private List<String> columns(String table) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement st =
                        c.prepareStatement(
                                "select attname from pg_attribute where attrelid = cast(? as"
                                        + " regclass) and attnum > 0 and not attisdropped"
                                        + " order by attnum")) {
            st.setString(1, table);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    private void assertRefused(String state, String sql, Object... params) {
        SQLException e =
                assertThrows(
                        SQLException.class,
                        () -> {
                            try (Connection c = ds.getConnection();
                                    PreparedStatement st = c.prepareStatement(sql)) {
                                for (int i = 0; i < params.length; i++) {
                                    st.setObject(i + 1, params[i]);
                                }
                                st.execute();
                            }
                        },
                        sql);
        assertEquals(state, e.getSQLState(), sql + ": " + e.getMessage());
    }
}
