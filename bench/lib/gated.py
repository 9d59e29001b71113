"""Gated read: consent-gated academic records against a program read, both under wrk."""

import re
import subprocess

from lib.setup import DISTRICT, EVALUATOR

PROVIDER = "bench-p2"
STUDENT = "9900001"
CONNECTIONS = 16
THREADS = 2
WARMUP_SECONDS = 3

RECORDS = (
    "districtStudentId,schoolYear,category,daysEnrolled,daysAbsent,course,mark,subject,"
    "scaleScore,proficient\n"
    + "".join(
        f"{STUDENT},{y}-{y + 1},SCHOOL_ATTENDANCE,{170 - y % 3},{y % 7},,,,,\n"
        f"{STUDENT},{y}-{y + 1},GRADES,,,Algebra I,B,,,\n"
        f"{STUDENT},{y}-{y + 1},ASSESSMENTS,,,,,Reading,{700 + y % 50},true\n"
        for y in (2022, 2023, 2024)
    )
)


def world(client, programs):
    """A youth of PROVIDER with school records under an active agreement and a paper consent."""
    admin = client.token("city-admin", "grand-bend-city")
    staff = client.token("provider-staff", PROVIDER)
    steward = client.token("district-steward", DISTRICT)
    program = programs[PROVIDER][0]
    youth = client.request("POST", "/api/v1/participants", staff, {
        "firstName": "Ada", "lastName": "Bench", "dateOfBirth": "2012-05-04",
        "gradeLevel": "7", "districtCode": DISTRICT, "districtStudentId": STUDENT,
        "schoolCode": "255901101",
        "guardians": [{"name": "Rae Bench", "relationship": "Mother"}],
    })["id"]
    client.request("POST", f"/api/v1/programs/{program}/enrollments", staff,
                   {"participantId": youth, "startDate": "2025-09-02"})
    agreement = client.request("POST", "/api/v1/agreements", admin, {
        "districtCode": DISTRICT, "recipientCode": EVALUATOR, "basis": "STUDIES",
        "purpose": "Measure the effect of afterschool programs on attendance",
        "dataCategories": ["SCHOOL_ATTENDANCE", "GRADES", "ASSESSMENTS"],
        "effectiveFrom": today(-30), "effectiveUntil": today(300), "destroyBy": today(330),
    })["id"]
    client.request("POST", f"/api/v1/agreements/{agreement}/signature", steward)
    client.request("POST", f"/api/v1/agreements/{agreement}/academic-records", steward,
                   RECORDS.encode(), content_type="text/csv")
    client.request("POST", f"/api/v1/participants/{youth}/consents", staff, {
        "grantor": {"name": "Rae Bench", "relationship": "mother"},
        "recipientCode": PROVIDER,
        "dataCategories": ["SCHOOL_ATTENDANCE", "GRADES", "ASSESSMENTS"],
        "purpose": "Coordinate tutoring with the school",
        "signedOn": today(-2), "validFrom": today(-2), "validUntil": today(200),
        "method": "PAPER",
        "evidence": {"sha256": "a" * 64, "mediaType": "application/pdf"},
    })
    return youth, program


def today(days):
    import datetime
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


def wrk(client, path, token, seconds):
    out = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency",
         "-H", f"Authorization: Bearer {token}", client.base + path],
        capture_output=True, text=True, check=True).stdout
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "requests_per_second": float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50_ms": latency(out, "50%"),
        "p99_ms": latency(out, "99%"),
        "errors": (int(non2xx.group(1)) if non2xx else 0)
        + (sum(int(g) for g in socket.groups()) if socket else 0),
    }


def latency(out, pct):
    m = re.search(rf"^\s+{re.escape(pct)}\s+([0-9.]+)(us|ms|s)\s*$", out, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return round(value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 3)


def measure(client, world_, seconds):
    print(f"==> gated read: wrk {THREADS} threads, {CONNECTIONS} connections, {seconds} s each")
    youth, program = world(client, world_["programs"])
    token = client.token("case-manager", PROVIDER)
    gated_path = f"/api/v1/participants/{youth}/academic-records"
    plain_path = f"/api/v1/programs/{program}"
    items = client.request("GET", gated_path, token)["items"]
    if len(items) != 9:
        raise RuntimeError(f"gated read answered {len(items)} records, expected 9")
    client.request("GET", plain_path, token)
    before = int(client.sql_value("select count(*) from disclosure"))
    wrk(client, plain_path, token, WARMUP_SECONDS)
    wrk(client, gated_path, token, WARMUP_SECONDS)
    plain = wrk(client, plain_path, token, seconds)
    gated = wrk(client, gated_path, token, seconds)
    disclosures = int(client.sql_value("select count(*) from disclosure")) - before
    result = {
        "ratio": round(gated["requests_per_second"] / plain["requests_per_second"], 3),
        "goal": 0.70,
        "gated": gated,
        "plain": plain,
        "gated_path": "GET /api/v1/participants/{id}/academic-records (case-manager, consent)",
        "plain_path": "GET /api/v1/programs/{id} (same token)",
        "records_per_answer": len(items),
        "disclosures_recorded": disclosures,
        "load": f"wrk -t{THREADS} -c{CONNECTIONS} -d{seconds}s, after {WARMUP_SECONDS} s"
                " warm-up of each",
    }
    print(f"    gated {gated['requests_per_second']:.0f} req/s (p50 {gated['p50_ms']} ms,"
          f" p99 {gated['p99_ms']} ms, {gated['errors']} errors), plain"
          f" {plain['requests_per_second']:.0f} req/s, ratio {result['ratio']}")
    return result
