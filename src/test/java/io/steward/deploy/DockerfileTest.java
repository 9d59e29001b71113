package io.steward.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image runs the packaged service as a numeric non-root user, from pinned base images. */
class DockerfileTest {

    static List<String> instructions() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("Dockerfile"))) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                lines.add(trimmed);
            }
        }
        return lines;
    }

    static List<String> finalStage() throws Exception {
        List<String> all = instructions();
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("FROM ")) {
                from = i;
            }
        }
        return all.subList(from, all.size());
    }

    @Test
    void finalStage_user_isNumericAndNotRoot() throws Exception {
        List<String> users = finalStage().stream().filter(l -> l.startsWith("USER ")).toList();
        assertFalse(users.isEmpty(), "a USER instruction");
        String user = users.get(users.size() - 1).substring(5).trim().split(":")[0];
        assertTrue(user.matches("\\d+") && Integer.parseInt(user) > 0, "USER " + user);
    }

    @Test
    void baseImages_arePinnedToAVersion() throws Exception {
        for (String line : instructions()) {
            if (line.startsWith("FROM ")) {
                String image = line.split("\\s+")[1];
                assertTrue(image.contains(":") && !image.endsWith(":latest"), image);
            }
        }
    }

    @Test
    void buildContext_excludesEverythingButBuildInputs() throws Exception {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
        assertTrue(ignore.contains("*"), ".dockerignore starts from nothing");
        assertFalse(ignore.stream().anyMatch(l -> l.contains(".local")), "local keys stay out");
    }

    @Test
    void buildStage_copiesTheApiDocumentItServes() throws Exception {
        assertTrue(
                instructions().contains("COPY openapi/openapi.yaml openapi/openapi.yaml"),
                "the build copies openapi/openapi.yaml into META-INF");
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
        assertTrue(ignore.contains("!openapi/openapi.yaml"), ".dockerignore lets it in");
    }

    @Test
    void finalStage_runsThePackagedApp() throws Exception {
        String stage = String.join("\n", finalStage());
        assertTrue(stage.contains("quarkus-app/"), "copies target/quarkus-app");
        assertTrue(stage.contains("ENTRYPOINT [\"java\""), "exec-form java entrypoint");
        assertTrue(stage.contains("quarkus-run.jar"), "runs quarkus-run.jar");
        assertTrue(stage.contains("EXPOSE 8443"), "exposes the HTTPS port");
    }
}
