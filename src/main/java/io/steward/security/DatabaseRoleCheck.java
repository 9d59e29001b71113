package io.steward.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The service refuses to start when the role it connects as could rewrite a record table behind its
 * triggers: a superuser, the owner of such a table or a member of the owner (who may drop or
 * disable the triggers), or a role with UPDATE, DELETE, TRUNCATE or TRIGGER on the whole table. It
 * also refuses when a record table has no enabled trigger that refuses updates and deletes, and
 * when the role may not append audit events (no grants were made to it). Changeset 0047 grants the
 * runtime role what the service needs; this check runs at every start, so that pointing the service
 * at the owner later, or granting it more by hand, is seen too.
 */
@ApplicationScoped
public class DatabaseRoleCheck {

    /** Tables whose rows, once written, stay as written (bar the updates their triggers allow). */
    static final List<String> RECORDS =
            List.of(
                    "audit_event",
                    "consent",
                    "consent_revocation",
                    "disclosure",
                    "agreement_destruction",
                    "backup_event");

    static final String REFUSED =
            "STW-SEC-0003 the service's database role is not a runtime role set apart from the"
                    + " owner of the schema; connect as a separate runtime role"
                    + " (QUARKUS_DATASOURCE_USERNAME and _PASSWORD) and migrate as the owner"
                    + " (QUARKUS_LIQUIBASE_USERNAME and _PASSWORD), see docs/deployment.md: ";

    // ROW | BEFORE | DELETE | UPDATE in pg_trigger.tgtype; 'O' and 'A' fire in a normal session.
    private static final String TABLES =
            "select t.name, c.oid is not null,"
                    + " coalesce(pg_has_role(current_user, c.relowner, 'MEMBER'), false),"
                    + " coalesce(has_table_privilege(c.oid, 'UPDATE, DELETE, TRUNCATE, TRIGGER'),"
                    + " false),"
                    + " exists (select 1 from pg_trigger g where g.tgrelid = c.oid"
                    + " and not g.tgisinternal and g.tgenabled in ('O', 'A')"
                    + " and g.tgtype & 27 = 27)"
                    + " from unnest(cast(? as text[])) with ordinality as t(name, n)"
                    + " left join pg_class c on c.relname = t.name"
                    + " and c.relnamespace = cast('public' as regnamespace) order by t.n";

    @Inject AgroalDataSource db;

    void check(@Observes @Priority(1) StartupEvent event) throws SQLException {
        List<String> problems;
        try (Connection c = db.getConnection()) {
            problems = problems(c);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(REFUSED + String.join("; ", problems));
        }
    }

    /** What the connection's role could do to the record tables; empty when nothing. */
    public static List<String> problems(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (PreparedStatement st =
                        c.prepareStatement(
                                "select rolsuper or rolbypassrls from pg_roles"
                                        + " where rolname = current_user");
                ResultSet rs = st.executeQuery()) {
            if (rs.next() && rs.getBoolean(1)) {
                problems.add("the role is a superuser or bypasses row security");
            }
        }
        try (PreparedStatement st =
                        c.prepareStatement(
                                "select case when to_regclass('public.audit_event') is null"
                                        + " then true else has_column_privilege("
                                        + "'public.audit_event', 'actor', 'INSERT') end");
                ResultSet rs = st.executeQuery()) {
            if (rs.next() && !rs.getBoolean(1)) {
                problems.add("the role may not append audit events (no grants for it yet)");
            }
        }
        try (PreparedStatement st = c.prepareStatement(TABLES)) {
            st.setArray(1, c.createArrayOf("text", RECORDS.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (!rs.getBoolean(2)) {
                        problems.add(table + " is missing");
                        continue;
                    }
                    if (rs.getBoolean(3)) {
                        problems.add(table + " is owned by the role or a role it belongs to");
                    } else if (rs.getBoolean(4)) {
                        problems.add(
                                table
                                        + ": the role may update, delete, truncate or add"
                                        + " triggers");
                    }
                    if (!rs.getBoolean(5)) {
                        problems.add(table + " has no enabled trigger refusing changes");
                    }
                }
            }
        }
        return problems;
    }
}
