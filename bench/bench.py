"""Measures Steward against raw PostgreSQL baselines in one run; started by bench/run."""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lib.client import Client  # noqa: E402
from lib import gated, imports, outcomes, report, setup  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--issuer", required=True)
    parser.add_argument("--xmx", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--import-only", help="only the import, at these sizes (comma-separated)")
    args = parser.parse_args()

    client = Client(args.port, args.db, args.work, args.issuer)
    world = setup.world(client)
    if args.import_only:
        import_only(client, world, [int(n) for n in args.import_only.split(",")], args)
        return
    results = {"quick": args.quick}

    if args.quick:
        results["outcomes"] = attempt(outcomes.measure, client, world, attendance=200_000,
                                      youth=20_000)
        results["gated_read"] = attempt(gated.measure, client, world, seconds=10)
        results["import"] = attempt(imports.measure, client, world, rows=20_000, offset=0)
    else:
        series = []
        for attendance in (10_000, 100_000, 1_000_000):
            series.append(attempt(outcomes.measure, client, world, attendance=attendance,
                                  youth=attendance // 10))
        results["outcomes"] = dict(series[-1])
        results["outcomes"]["scale"] = [scale_point(s, "attendance_rows") for s in series]
        results["gated_read"] = attempt(gated.measure, client, world, seconds=30)
        series = []
        for n, offset in ((10_000, 0), (100_000, 100_000), (1_000_000, 1_000_000)):
            series.append(attempt(imports.measure, client, world, rows=n, offset=offset))
        results["import"] = dict(series[1])
        results["import"]["scale"] = [scale_point(s, "rows") for s in series]

    results["service"] = service_memory(args.pid, args.xmx)
    results["machine"] = machine(client)
    results["date"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    report.write(results)


def import_only(client, world, sizes, args):
    """The import alone, each size on fresh student ids; results go to the work folder."""
    series, offset = [], 0
    for n in sizes:
        before = cpu_seconds(args.pid, args.db)
        result = attempt(imports.measure, client, world, rows=n, offset=offset)
        after = cpu_seconds(args.pid, args.db)
        # CPU drifts less than wall time on a shared machine: the service's, and its pooled
        # database connections' (the psql COPY baseline's own backend is gone by then).
        result["cpu_seconds"] = {k: round(after[k] - before[k], 2) for k in after}
        series.append(result)
        offset += n
    result = {"import": series, "service": service_memory(args.pid, args.xmx),
              "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    with open(os.path.join(args.work, "import-only.json"), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    for s in series:
        print(f"    {s.get('rows')} rows: Steward {s.get('steward_seconds')} s,"
              f" COPY into equivalent tables {s.get('baseline_seconds')} s, ratio"
              f" {s.get('ratio')}, into one bare table {s.get('bare_table_seconds')} s, ratio"
              f" {s.get('ratio_bare_table')}, CPU s {s.get('cpu_seconds')}")
    print(f"    peak RSS {result['service']['peak_rss_mb']} MB")


def cpu_seconds(pid, db):
    """User and system CPU seconds of the service and of the database's backends for db."""
    ticks = os.sysconf("SC_CLK_TCK")

    def of(p):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / ticks
        except OSError:
            return 0.0

    postgres = 0.0
    for p in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{p}/cmdline", "rb") as f:
                cmd = f.read().decode(errors="replace")
        except OSError:
            continue
        if cmd.startswith("postgres: ") and f" {db} " in cmd:
            postgres += of(p)
    return {"service": of(pid), "postgres": postgres}


def attempt(measure, *args, **kwargs):
    """A measurement, or its error in the results when it could not run."""
    try:
        return measure(*args, **kwargs)
    except Exception as e:  # noqa: BLE001 - the other measurements still count
        print(f"    not measured: {e}", file=sys.stderr)
        return {"ratio": None, "error": str(e)[:300]}


def scale_point(result, size_key):
    keys = (size_key, "youth", "steward_seconds", "baseline_seconds", "ratio",
            "steward_rows_per_second", "copy_rows_per_second", "bare_table_seconds",
            "ratio_bare_table")
    return {k: result[k] for k in keys if k in result}


def service_memory(pid, xmx):
    status = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            status[key] = value.strip()
    peak_kb = int(status["VmHWM"].split()[0])
    return {
        "pid_checked": pid,
        "xmx": xmx,
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "peak_rss_goal_mb": 768,
        "peak_rss_ok": peak_kb / 1024 < 768,
    }


def machine(client):
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "os": platform.platform(),
        "java": java.splitlines()[0] if java else "unknown",
        "postgresql": client.sql_value("show server_version"),
        "note": "shared machine; figures are ratios measured in the same run",
    }


if __name__ == "__main__":
    start = time.time()
    main()
    print(f"==> done in {time.time() - start:.0f} s")
