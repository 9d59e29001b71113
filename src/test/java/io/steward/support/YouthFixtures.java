package io.steward.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds youth-record fixtures through the HTTP API: providers, programs, synthetic youth and
 * enrollments. Every value is made up and unique per call, so tests do not depend on order.
 */
public final class YouthFixtures {

    public static final String PROGRAM_START = "2025-09-01";
    public static final String PROGRAM_END = "2026-06-30";

    private YouthFixtures() {}

    public static String admin() {
        return Tokens.of("city-admin", "CITY");
    }

    public static String staff(String org) {
        return Tokens.of("provider-staff", org);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an organization of a type, returning its code. */
    public static String organization(String type) {
        String code = unique(type.substring(0, 3));
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Org " + code, "type", type))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        return code;
    }

    public static String provider() {
        return organization("PROVIDER");
    }

    /** Creates a program of the provider, as its staff, returning the id. */
    public static String program(String providerCode) {
        return program(providerCode, null);
    }

    public static String program(String providerCode, Integer capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Robotics club");
        body.put("site", "Main library");
        body.put("startDate", PROGRAM_START);
        body.put("endDate", PROGRAM_END);
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        return given().auth()
                .oauth2(staff(providerCode))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/programs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A synthetic youth with a unique natural key, names and guardian contacts. */
    public static Map<String, Object> body() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, Object> guardian = new HashMap<>();
        guardian.put("name", "Guardianname" + tag);
        guardian.put("relationship", "parent");
        guardian.put("email", "g" + tag + "@example.test");
        guardian.put("phone", "+1 555 " + tag.substring(0, 7).replaceAll("[a-f]", "7"));
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", "Firstname" + tag);
        body.put("lastName", "Lastname" + tag);
        body.put("dateOfBirth", "2014-03-17");
        body.put("gradeLevel", "5");
        body.put("districtCode", "DIST-" + tag.substring(0, 4));
        body.put("districtStudentId", "SID" + tag);
        body.put("schoolCode", "SCH-1");
        body.put("guardians", new ArrayList<>(List.of(guardian)));
        return body;
    }

    /** Posts a youth as the token's caller, expecting a new record; returns its id. */
    public static String create(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/participants")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Enrolls a youth from the program's first day, as staff of the provider; returns the id. */
    public static String enroll(String providerCode, String programId, String participantId) {
        return given().auth()
                .oauth2(staff(providerCode))
                .contentType(ContentType.JSON)
                .body(Map.of("participantId", participantId, "startDate", PROGRAM_START))
                .post("/api/v1/programs/" + programId + "/enrollments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
