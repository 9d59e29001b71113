package io.steward.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as a deployment runs it: a
 * fresh process in the {@code prod} profile whose environment holds only the variables given.
 */
public final class PackagedApp implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private PackagedApp(Process process) {
        this.process = process;
        Thread reader = new Thread(this::drain, "packaged-app-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the jar with exactly these environment variables (plus PATH for the JVM). */
    public static PackagedApp start(Map<String, String> env) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the package phase first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(java, "-Xmx256m", "-jar", JAR.toAbsolutePath().toString())
                        .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(env);
        return new PackagedApp(builder.start());
    }

    /** A deployment's environment: the test database, the test realm and a free HTTP port. */
    public static Map<String, String> deploymentEnv() throws IOException {
        Map<String, String> env = databaseEnv();
        env.putAll(realmEnv());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(freePort()));
        return env;
    }

    /** The database the tests use, as a deployment names it: runtime role and owner. */
    public static Map<String, String> databaseEnv() {
        String db = System.getenv().getOrDefault("STEWARD_TEST_DB", "steward_test");
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + db);
        env.put(
                "QUARKUS_DATASOURCE_USERNAME",
                test("STEWARD_TEST_DB_USER", "steward_test_runtime"));
        env.put(
                "QUARKUS_DATASOURCE_PASSWORD",
                test("STEWARD_TEST_DB_PASSWORD", "steward_test_runtime"));
        env.put("QUARKUS_LIQUIBASE_USERNAME", test("STEWARD_TEST_DB_OWNER", "steward_test"));
        env.put(
                "QUARKUS_LIQUIBASE_PASSWORD",
                test("STEWARD_TEST_DB_OWNER_PASSWORD", "steward_test"));
        return env;
    }

    private static String test(String variable, String fallback) {
        return System.getenv().getOrDefault(variable, fallback);
    }

    /** The realm the test tokens come from. */
    public static Map<String, String> realmEnv() {
        TestKeys.ensure();
        return Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                TestKeys.DIR.resolve("jwks.json").toAbsolutePath().toString(),
                "MP_JWT_VERIFY_ISSUER",
                Tokens.ISSUER);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until a line containing the text appears; false if the process ended first. */
    public boolean awaitLine(String text, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (output.stream().anyMatch(line -> line.contains(text))) {
                return true;
            }
            if (!process.isAlive()) {
                Thread.sleep(200);
                return output.stream().anyMatch(line -> line.contains(text));
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The exit code, or null when the process is still running after the timeout. */
    public Integer awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            Thread.sleep(200);
            return process.exitValue();
        }
        return null;
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    public String outputText() {
        return String.join("\n", output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void drain() {
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("(output closed: " + e.getMessage() + ")");
        }
    }
}
