package io.steward.common;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Map;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;

/**
 * Starts the service. Liquibase writes its messages and update summary straight to standard output
 * unless told to use the logger; through the logger they become log records, JSON in {@code prod}
 * like every other line.
 */
@QuarkusMain
public final class Main {

    private Main() {}

    public static void main(String... args) throws Exception {
        System.setProperty("liquibase.command.showSummaryOutput", "LOG");
        Scope.enter(Map.of(Scope.Attr.ui.name(), new LoggerUIService()));
        Quarkus.run(args);
    }
}
