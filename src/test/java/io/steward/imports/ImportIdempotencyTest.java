package io.steward.imports;

import static io.steward.imports.ImportFixtures.HEADER;
import static io.steward.imports.ImportFixtures.finished;
import static io.steward.imports.ImportFixtures.given;
import static io.steward.imports.ImportFixtures.post;
import static io.steward.imports.ImportFixtures.postCsv;
import static io.steward.imports.ImportFixtures.youth;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.steward.support.Tokens;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportIdempotencyTest {

    @Inject ImportFixtures db;

    @Test
    void post_sameKeySameBody_replaysTheSameJobAndChangesNothing() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("script-" + UUID.randomUUID(), List.of("provider-staff"), org);
        byte[] body = file(program);
        String key = "nightly-" + UUID.randomUUID();

        Response first =
                post(token, "text/csv", body, key).then().statusCode(202).extract().response();
        String id = first.path("id");
        finished(token, id).then().body("status", equalTo("SUCCEEDED"));
        long[] after = db.youthCounts();

        post(token, "text/csv", body, key)
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .body("id", equalTo(id))
                .body("status", equalTo("PENDING"));
        assertEquals(1, db.count("select count(*) from import_job where org_code = ?", org));
        assertEquals(after[0], db.youthCounts()[0]);
        assertEquals(after[2], db.youthCounts()[2]);
    }

    @Test
    void post_sameKeyOtherBody_returns409AndNoJob() {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("script-" + UUID.randomUUID(), List.of("provider-staff"), org);
        String key = "k-" + UUID.randomUUID();
        String id = post(token, "text/csv", file(program), key).path("id");

        post(token, "text/csv", file(program), key)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo(
                                "This Idempotency-Key was already used with another request"
                                        + " body."));
        finished(token, id);
        assertEquals(1, db.count("select count(*) from import_job where org_code = ?", org));
    }

    @Test
    void post_sameKeyFromAnotherCaller_isItsOwnJob() {
        String org = db.provider();
        UUID program = db.program(org);
        String key = "shared-" + UUID.randomUUID();
        byte[] body = file(program);
        String a = Tokens.of("a-" + UUID.randomUUID(), List.of("provider-staff"), org);
        String b = Tokens.of("b-" + UUID.randomUUID(), List.of("provider-staff"), org);

        String first = post(a, "text/csv", body, key).path("id");
        finished(a, first);
        String second = post(b, "text/csv", body, key).then().statusCode(202).extract().path("id");
        finished(b, second).then().body("matchedExisting", equalTo(1));

        assertEquals(2, db.count("select count(*) from import_job where org_code = ?", org));
    }

    @Test
    void post_concurrentRetriesWithOneKey_makeOneJob() throws Exception {
        String org = db.provider();
        UUID program = db.program(org);
        String token = Tokens.of("script-" + UUID.randomUUID(), List.of("provider-staff"), org);
        byte[] body = file(program);
        String key = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(pool.submit(() -> post(token, "text/csv", body, key)));
        }
        Set<String> ids = new HashSet<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            assertEquals(202, response.statusCode());
            ids.add(response.path("id"));
        }
        pool.shutdown();

        assertEquals(1, ids.size());
        assertEquals(1, db.count("select count(*) from import_job where org_code = ?", org));
        finished(token, ids.iterator().next()).then().body("status", equalTo("SUCCEEDED"));
    }

    @Test
    void post_malformedKey_returns400NamingTheHeader() {
        String org = db.provider();
        String token = Tokens.of("provider-staff", org);
        post(token, "text/csv", file(db.program(org)), "has space")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, db.count("select count(*) from import_job where org_code = ?", org));
    }

    @Test
    void get_byAnotherOrganization_returns404LikeAnAbsentJob() {
        String org = db.provider();
        String token = Tokens.of("provider-staff", org);
        String id =
                postCsv(token, new String(file(db.program(org)), StandardCharsets.UTF_8))
                        .path("id");
        finished(token, id);

        given(Tokens.of("case-manager", org)).get("/api/v1/imports/" + id).then().statusCode(200);
        String hidden =
                given(Tokens.of("provider-staff", db.provider()))
                        .get("/api/v1/imports/" + id)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .extract()
                        .path("detail");
        String absent =
                given(token)
                        .get("/api/v1/imports/" + UUID.randomUUID())
                        .then()
                        .statusCode(404)
                        .extract()
                        .path("detail");
        assertEquals(absent, hidden);
        given(Tokens.of("city-admin", "CITY")).get("/api/v1/imports/" + id).then().statusCode(404);
        given(token).get("/api/v1/imports/not-a-uuid").then().statusCode(404);
    }

    @Test
    void post_withoutOrganizationOrRole_returns403() {
        UUID program = db.program(db.provider());
        post(Tokens.of("provider-staff", null), "text/csv", file(program), null)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        post(Tokens.of("evaluator", "EVAL"), "text/csv", file(program), null)
                .then()
                .statusCode(403);
    }

    private static byte[] file(UUID program) {
        String text = HEADER + "\n" + youth(program, "K-" + UUID.randomUUID(), "2012-06-06") + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
