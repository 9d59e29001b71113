"""Import: POST /imports/enrollments polled to SUCCEEDED, against COPY of the same rows.

Rows are made here, seeded, in the import CSV format the tools' city generator writes
(CityWriter.enrollmentCsv); the generator itself would also build millions of attendance rows
in memory for a city with this many enrollments.
"""

import random
import time
import uuid

from lib.setup import DISTRICT

PROVIDER = "bench-p1"
COLUMNS = ("programId,firstName,lastName,dateOfBirth,gradeLevel,districtCode,districtStudentId,"
           "schoolCode,guardianName,guardianRelationship,guardianEmail,startDate")
FIRST = ["Sofia", "Liam", "Amara", "Mateo", "Nia", "Kai", "Priya", "Omar", "Lucia", "Jonah",
         "Zoe", "Ethan", "Aaliyah", "Diego", "Mei", "Samuel", "Ines", "Tariq", "Hana", "Luca"]
LAST = ["Bennett", "Rossi", "Nguyen", "Okafor", "Garcia", "Kowalski", "Haddad", "Smith",
        "Tanaka", "Moreau", "Silva", "Johnson", "Ahmed", "Fischer", "Lopez", "Murphy"]
RELATIONS = ["Mother", "Father", "Grandmother", "Aunt", "Guardian"]
GRADES = ["PK", "K"] + [str(g) for g in range(1, 13)]
POLL_SECONDS = 0.2


def write_csv(path, programs, rows, offset):
    rng = random.Random(20261204 + offset)
    with open(path, "w") as out:
        out.write(COLUMNS + "\n")
        for i in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            guardian = rng.choice(FIRST)
            grade = rng.choice(GRADES)
            out.write(",".join([
                programs[i % len(programs)], first, last,
                f"{2008 + rng.randrange(14)}-{1 + rng.randrange(12):02d}-"
                f"{1 + rng.randrange(28):02d}",
                grade, DISTRICT, str(7_000_000 + offset + i),
                f"2559011{rng.randrange(20):02d}",
                f"{guardian} {last}", rng.choice(RELATIONS),
                f"{guardian.lower()}.{last.lower()}{i}@example.org",
                f"2025-09-{1 + rng.randrange(28):02d}",
            ]) + "\n")


def steward_import(client, path):
    token = client.token("provider-staff", PROVIDER)
    with open(path, "rb") as f:
        body = f.read()
    start = time.perf_counter()
    job = client.request("POST", "/api/v1/imports/enrollments", token, body,
                         content_type="text/csv",
                         headers={"Idempotency-Key": str(uuid.uuid4())})
    while True:
        state = client.request("GET", f"/api/v1/imports/{job['id']}", token)
        if state["status"] == "SUCCEEDED":
            return time.perf_counter() - start, state
        if state["status"] == "FAILED":
            raise RuntimeError(f"import failed: {str(state.get('errors'))[:500]}")
        time.sleep(POLL_SECONDS)


def copy_baseline(client, path):
    out = client.psql(f"""
drop table if exists bench_import_plain;
create table bench_import_plain (
    program_id uuid, first_name text, last_name text, date_of_birth date, grade_level text,
    district_code text, district_student_id text, school_code text, guardian_name text,
    guardian_relationship text, guardian_email text, start_date date);
\\timing on
\\copy bench_import_plain from '{path}' with (format csv, header true)
\\timing off
drop table bench_import_plain;
""")
    return client.timings_ms(out)[-1] / 1000


def measure(client, world, rows, offset):
    print(f"==> import: {rows} rows through POST /imports/enrollments, then COPY")
    path = f"{client.work}/import-{rows}.csv"
    write_csv(path, world["programs"][PROVIDER], rows, offset)
    steward_s, state = steward_import(client, path)
    copy_s = copy_baseline(client, path)
    result = {
        "rows": rows,
        "steward_seconds": round(steward_s, 3),
        "baseline_seconds": round(copy_s, 3),
        "steward_rows_per_second": round(rows / steward_s),
        "copy_rows_per_second": round(rows / copy_s),
        "ratio": round(copy_s / steward_s, 4),
        "goal": 0.25,
        "created": state.get("created"),
        "matched_existing": state.get("matchedExisting"),
        "baseline": "psql \\copy of the same CSV into one plain table (no indexes)",
    }
    print(f"    Steward {result['steward_rows_per_second']} rows/s, COPY"
          f" {result['copy_rows_per_second']} rows/s, ratio {result['ratio']}")
    return result
