"""Import: POST /imports/enrollments polled to SUCCEEDED, against COPY of the same rows.

Rows are made here, seeded, in the import CSV format the tools' city generator writes
(CityWriter.enrollmentCsv); the generator itself would also build millions of attendance rows
in memory for a city with this many enrollments.
"""

import csv
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


EQUIVALENT_TABLES = """
drop table if exists bench_enrollment, bench_guardian, bench_participant;
create table bench_participant (
    id uuid primary key, first_name text not null, last_name text not null,
    date_of_birth date not null, grade_level text not null, district_code text,
    district_student_id text, school_code text, created_at timestamptz not null,
    unique (district_code, district_student_id));
create table bench_guardian (
    id uuid primary key, participant_id uuid not null references bench_participant (id),
    position int not null, name text not null, relationship text, email text, phone text,
    unique (participant_id, position));
create table bench_enrollment (
    id uuid primary key, program_id uuid not null references program (id),
    participant_id uuid not null references bench_participant (id), start_date date not null,
    status text not null, created_at timestamptz not null);
create unique index bench_enrollment_active on bench_enrollment (program_id, participant_id)
    where status = 'ACTIVE';
create index bench_enrollment_participant on bench_enrollment (participant_id);
"""


def split_for_tables(path, offset):
    """The import CSV as three files, one per equivalent table, with ids made beforehand."""
    rng = random.Random(4242 + offset)
    made = "2026-12-04T00:00:00Z"
    paths = [f"{path}.{name}" for name in ("participant", "guardian", "enrollment")]
    with open(path, newline="") as src, open(paths[0], "w", newline="") as p, \
            open(paths[1], "w", newline="") as g, open(paths[2], "w", newline="") as e:
        writers = [csv.writer(f) for f in (p, g, e)]
        for row in csv.DictReader(src):
            youth, guardian, enrollment = (
                str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(3))
            writers[0].writerow([youth, row["firstName"], row["lastName"], row["dateOfBirth"],
                                 row["gradeLevel"], row["districtCode"],
                                 row["districtStudentId"], row["schoolCode"], made])
            writers[1].writerow([guardian, youth, 0, row["guardianName"],
                                 row["guardianRelationship"], row["guardianEmail"], ""])
            writers[2].writerow([enrollment, row["programId"], youth, row["startDate"],
                                 "ACTIVE", made])
    return paths


def copy_equivalent(client, path, offset):
    """COPY of the same rows into tables shaped like the ones the import fills.

    Same keys, unique constraints, lookup indexes and foreign keys as participant, guardian
    and enrollment, with plaintext columns and no blind index, claims or audit: the rows and
    their relational shape cost the same, so what remains between the two is what stewardship
    adds (authorization, validation, matching, encryption, access claims, audit).
    """
    participants, guardians, enrollments = split_for_tables(path, offset)
    out = client.psql(EQUIVALENT_TABLES + f"""
\\timing on
begin;
\\copy bench_participant from '{participants}' with (format csv)
\\copy bench_guardian from '{guardians}' with (format csv)
\\copy bench_enrollment from '{enrollments}' with (format csv)
commit;
\\timing off
drop table bench_enrollment, bench_guardian, bench_participant;
""")
    return sum(client.timings_ms(out)) / 1000


def measure(client, world, rows, offset):
    print(f"==> import: {rows} rows through POST /imports/enrollments, then COPY")
    path = f"{client.work}/import-{rows}.csv"
    write_csv(path, world["programs"][PROVIDER], rows, offset)
    steward_s, state = steward_import(client, path)
    copy_s = copy_equivalent(client, path, offset)
    bare_s = copy_baseline(client, path)
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
        "baseline": "psql \\copy of the same rows, in one transaction, into three plaintext"
                    " tables with the keys, unique constraints, indexes and foreign keys of"
                    " participant, guardian and enrollment",
        "bare_table_seconds": round(bare_s, 3),
        "ratio_bare_table": round(bare_s / steward_s, 4),
        "bare_table": "psql \\copy of the same CSV into one plain table (no indexes)",
    }
    print(f"    Steward {result['steward_rows_per_second']} rows/s, COPY into equivalent"
          f" tables {result['copy_rows_per_second']} rows/s, ratio {result['ratio']};"
          f" into one bare table {round(rows / bare_s)} rows/s, ratio"
          f" {result['ratio_bare_table']}")
    return result
