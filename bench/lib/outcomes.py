"""Outcomes: GET /outcomes/participation against the hand-written GROUP BY, same data.

The youth, enrollments and attendance are inserted with SQL (seeded), not through the API: the
participants' encrypted columns hold placeholder bytes, which outcomes never decrypt.
"""

import statistics
import time

QUERY = "/api/v1/outcomes/participation?groupBy=gradeLevel,provider"
WARMUP = 2
RUNS = 7

GRADES = ["PK", "K"] + [str(g) for g in range(1, 13)]

# The service's own cohort rule (outcomes/CohortSql.java: one program per youth, program days
# across programs), grouped straight by provider and grade level, without suppression: what a
# hand-written report over the same tables would run.
CTES = """
with enrolled as (
    select e.participant_id, e.program_id, min(e.start_date) as first_start
    from enrollment e
    where e.start_date <= date '9999-12-31' and coalesce(e.end_date, date '9999-12-31')
        >= date '1900-01-01'
    group by e.participant_id, e.program_id
),
program_days as (
    select participant_id, program_id, count(*) as days
    from attendance where minutes > 0 and date between date '1900-01-01' and date '9999-12-31'
    group by participant_id, program_id
),
youth_programs as (
    select participant_id, count(*) as programs, sum(days) as days
    from program_days group by participant_id
),
youth_days as (
    select participant_id, days from youth_programs where programs = 1
    union all
    select a.participant_id, count(distinct a.date)
    from attendance a
    join youth_programs m on m.participant_id = a.participant_id and m.programs > 1
    where a.minutes > 0 and a.date between date '1900-01-01' and date '9999-12-31'
    group by a.participant_id
),
counted_in as (
    select distinct on (en.participant_id) en.participant_id, en.program_id
    from enrolled en
    left join program_days pd
        on pd.participant_id = en.participant_id and pd.program_id = en.program_id
    order by en.participant_id, coalesce(pd.days, 0) desc, en.first_start, en.program_id
)
"""
BASELINE = CTES + """
select o.code, p.grade_level, count(*), avg(coalesce(yd.days, 0))
from counted_in c
join participant p on p.id = c.participant_id
join program pr on pr.id = c.program_id
join organization o on o.id = pr.provider_id
left join youth_days yd on yd.participant_id = c.participant_id
group by o.code, p.grade_level
"""

# Diagnostic only: the finest cross-classification the service groups before suppression
# (OutcomeRepository), to tell SQL time from the rest of a request.
FINE = CTES + """
select o.code, c.program_id, p.grade_level, p.school_code,
    case when coalesce(yd.days, 0) < 30 then '0-29' when yd.days < 60 then '30-59'
        else '60+' end as band,
    count(*), sum(coalesce(yd.days, 0))
from counted_in c
join participant p on p.id = c.participant_id
join program pr on pr.id = c.program_id
join organization o on o.id = pr.provider_id
left join youth_days yd on yd.participant_id = c.participant_id
group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
"""


def load(client, world, attendance, youth):
    """Replaces the youth data with `youth` participants and about `attendance` rows."""
    programs = [p for ids in world["programs"].values() for p in ids]
    program_array = "array[" + ",".join(f"'{p}'::uuid" for p in programs) + "]"
    grades = "array[" + ",".join(f"'{g}'" for g in GRADES) + "]"
    enrollments = int(youth * 1.2)
    days = max(1, round(attendance / enrollments))
    client.psql(f"""
truncate attendance, enrollment, guardian, guardian_link, participant cascade;
select setseed(0.42);
insert into participant (id, first_name, last_name, date_of_birth, grade_level, school_code,
    created_at)
select gen_random_uuid(), '\\x00'::bytea, '\\x00'::bytea, '\\x00'::bytea,
    ({grades})[1 + floor(random() * 14)::int],
    '2559011' || lpad((floor(random() * 20))::int::text, 2, '0'), now()
from generate_series(1, {youth});
create temp table y as select id, row_number() over (order by id) as n from participant;
insert into enrollment (id, program_id, participant_id, start_date, status, created_at)
select gen_random_uuid(), ({program_array})[1 + floor(random() * {len(programs)})::int],
    y.id, date '2025-09-02' + floor(random() * 20)::int, 'ACTIVE', now()
from y
union all
select gen_random_uuid(), ({program_array})[1 + floor(random() * {len(programs)})::int],
    y.id, date '2025-10-01', 'ACTIVE', now()
from y where y.n <= {enrollments - youth}
on conflict do nothing;
insert into attendance (program_id, participant_id, date, minutes, updated_at)
select e.program_id, e.participant_id, e.start_date + g,
    case when random() < 0.05 then 0 else 60 + floor(random() * 60)::int end, now()
from enrollment e cross join generate_series(0, {days} - 1) g
on conflict do nothing;
analyze participant; analyze enrollment; analyze attendance;
""")
    return {
        "youth": int(client.sql_value("select count(*) from participant")),
        "enrollments": int(client.sql_value("select count(*) from enrollment")),
        "attendance_rows": int(client.sql_value("select count(*) from attendance")),
    }


def measure(client, world, attendance, youth):
    print(f"==> outcomes: loading {youth} youth and about {attendance} attendance rows with SQL")
    sizes = load(client, world, attendance, youth)
    token = client.token("dashboard", "grand-bend-city")

    first = timed(lambda: client.request("GET", QUERY, token))
    for _ in range(WARMUP - 1):
        client.request("GET", QUERY, token)
    steward = [timed(lambda: client.request("GET", QUERY, token)) for _ in range(RUNS)]
    answer = client.request("GET", QUERY, token)

    script = "\\o /dev/null\n" + (BASELINE + ";\n") * (WARMUP + RUNS)
    sql = sql_timings(client, script)[WARMUP:]

    fine = sql_timings(client, "\\o /dev/null\n" + (FINE + ";\n") * (WARMUP + RUNS))[WARMUP:]

    steward_s = statistics.median(steward)
    sql_s = statistics.median(sql)
    result = dict(sizes)
    result.update({
        "query": QUERY,
        "steward_seconds": round(steward_s, 4),
        "steward_first_seconds": round(first, 4),
        "baseline_seconds": round(sql_s, 4),
        "ratio": round(sql_s / steward_s, 3),
        "fine_cells_sql_seconds": round(statistics.median(fine), 4),
        "goal": 0.67,
        "runs": RUNS,
        "cells": len(answer["cells"]),
        "suppressed_cells": sum(1 for c in answer["cells"] if c["suppressed"]),
        "data": "inserted with SQL (seeded); encrypted columns hold placeholder bytes",
        "baseline": "hand-written GROUP BY via psql (\\timing), same counting rule,"
                    " no suppression",
    })
    print(f"    Steward {steward_s * 1000:.0f} ms (first {first * 1000:.0f} ms),"
          f" SQL {sql_s * 1000:.0f} ms, ratio {result['ratio']}")
    return result


def sql_timings(client, script):
    return [ms / 1000 for ms in client.timings_ms(client.psql(script, timing=True))]


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start
