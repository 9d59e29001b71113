"""Writes bench/results/latest.json and latest.md."""

import json
import os

RESULTS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "results")


def verdict(value, goal):
    return "met" if value >= goal else "MISSED"


def row(name, result, line):
    if result.get("ratio") is None:
        return f"| {name} | not measured: {result.get('error')} | | | |"
    return line(result)


def write(r):
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "latest.json"), "w") as f:
        json.dump(r, f, indent=2)
        f.write("\n")
    imp, out, gated, svc, m = r["import"], r["outcomes"], r["gated_read"], r["service"], r["machine"]
    lines = [
        f"# Steward benchmark ({'quick' if r['quick'] else 'full'} run)",
        "",
        f"{r['date']} on {m['cpus']} CPUs ({m['cpu']}), {m['memory_gb']} GB,"
        f" PostgreSQL {m['postgresql']}, {m['java']}; service -Xmx{svc['xmx']}.",
        "",
        "| measure | Steward | baseline | ratio | goal |",
        "|---|---|---|---|---|",
        row("import", imp, lambda i: (
            f"| import, {i['rows']} rows | {i['steward_rows_per_second']} rows/s"
            f" | COPY {i['copy_rows_per_second']} rows/s | {i['ratio']}"
            f" | >= {i['goal']} {verdict(i['ratio'], i['goal'])} |")),
        f"| outcomes, {out['attendance_rows']} attendance rows, {out['youth']} youth"
        f" | {out['steward_seconds'] * 1000:.0f} ms (first {out['steward_first_seconds'] * 1000:.0f}"
        f" ms) | SQL {out['baseline_seconds'] * 1000:.0f} ms | {out['ratio']}"
        f" | >= {out['goal']} {verdict(out['ratio'], out['goal'])} |",
        f"| gated read, {gated['load']} | {gated['gated']['requests_per_second']:.0f} req/s"
        f" | program read {gated['plain']['requests_per_second']:.0f} req/s | {gated['ratio']}"
        f" | >= {gated['goal']} {verdict(gated['ratio'], gated['goal'])} |",
        "",
        "| gated read latency | p50 ms | p99 ms | requests | errors (non-2xx, socket) |",
        "|---|---|---|---|---|",
    ]
    for name in ("gated", "plain"):
        g = gated[name]
        lines.append(f"| {name} | {g['p50_ms']} | {g['p99_ms']} | {g['requests']}"
                     f" | {g['errors']} |")
    lines += [
        "",
        f"Outcomes: {out['cells']} cells, {out['suppressed_cells']} suppressed; median of"
        f" {out['runs']} runs after warm-up; data {out['data']}.",
        f"Service peak RSS (VmHWM): {svc['peak_rss_mb']} MB (goal < {svc['peak_rss_goal_mb']} MB:"
        f" {'met' if svc['peak_rss_ok'] else 'MISSED'}).",
    ]
    for key, label in (("import", "import"), ("outcomes", "outcomes")):
        scale = r[key].get("scale")
        if scale:
            size = "rows" if key == "import" else "attendance_rows"
            lines += ["", f"Scale, {label}:", "",
                      "| rows | Steward s | baseline s | ratio |", "|---|---|---|---|"]
            for p in scale:
                lines.append(f"| {p[size]} | {p['steward_seconds']} | {p['baseline_seconds']}"
                             f" | {p['ratio']} |")
    with open(os.path.join(RESULTS, "latest.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
