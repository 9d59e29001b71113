package io.steward.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A connection as the owner of the schema, the role the migrations run as, for what the service's
 * own role may not do: changing a record behind the service's back, as an intruder holding the
 * owner's rights would, or showing that a trigger holds against the owner too.
 */
public final class OwnerDb {

    private OwnerDb() {}

    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.liquibase.username", String.class),
                config.getValue("quarkus.liquibase.password", String.class));
    }
}
