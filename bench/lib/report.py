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
    kind = "quick" if r["quick"] else "full"
    for name in ("latest.json", f"{kind}.json"):
        with open(os.path.join(RESULTS, name), "w") as f:
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
            f" | COPY into equivalent tables {i['copy_rows_per_second']} rows/s | {i['ratio']}"
            f" | >= {i['goal']} {verdict(i['ratio'], i['goal'])} |")),
        row("import, bare table", imp, lambda i: (
            f"| import against one bare table | {i['steward_rows_per_second']} rows/s"
            f" | COPY into one unindexed table {round(i['rows'] / i['bare_table_seconds'])}"
            f" rows/s | {i['ratio_bare_table']} | (context, no goal) |")),
        row("outcomes", out, lambda o: (
            f"| outcomes, {o['attendance_rows']} attendance rows, {o['youth']} youth"
            f" | {o['steward_seconds'] * 1000:.0f} ms (first"
            f" {o['steward_first_seconds'] * 1000:.0f} ms) | SQL"
            f" {o['baseline_seconds'] * 1000:.0f} ms | {o['ratio']}"
            f" | >= {o['goal']} {verdict(o['ratio'], o['goal'])} |")),
        row("gated read", gated, lambda g: (
            f"| gated read, {g['load']} | {g['gated']['requests_per_second']:.0f} req/s"
            f" | program read {g['plain']['requests_per_second']:.0f} req/s | {g['ratio']}"
            f" | >= {g['goal']} {verdict(g['ratio'], g['goal'])} |")),
        "",
        "| gated read latency | p50 ms | p99 ms | requests | errors (non-2xx, socket) |",
        "|---|---|---|---|---|",
    ]
    for name in ("gated", "plain") if gated.get("ratio") is not None else ():
        g = gated[name]
        lines.append(f"| {name} | {g['p50_ms']} | {g['p99_ms']} | {g['requests']}"
                     f" | {g['errors']} |")
    lines += [""]
    if out.get("ratio") is not None:
        lines.append(
        f"Outcomes: {out['cells']} cells, {out['suppressed_cells']} suppressed; median of"
        f" {out['runs']} runs after warm-up; data {out['data']}."
        + (f" The service's fine-cell GROUP BY alone takes"
           f" {out['fine_cells_sql_seconds'] * 1000:.0f} ms in psql."
           if "fine_cells_sql_seconds" in out else ""))
    lines += [
        f"Service peak RSS (VmHWM): {svc['peak_rss_mb']} MB (goal < {svc['peak_rss_goal_mb']} MB:"
        f" {'met' if svc['peak_rss_ok'] else 'MISSED'}).",
    ]
    for key, label in (("import", "import"), ("outcomes", "outcomes")):
        scale = r[key].get("scale")
        if scale:
            size = "rows" if key == "import" else "attendance_rows"
            bare = key == "import"
            lines += ["", f"Scale, {label}:", "",
                      "| rows | Steward s | baseline s | ratio |"
                      + (" bare table s | ratio |" if bare else ""),
                      "|---|---|---|---|" + ("---|---|" if bare else "")]
            for p in scale:
                lines.append(f"| {p.get(size, '-')} | {p.get('steward_seconds', '-')}"
                             f" | {p.get('baseline_seconds', '-')} | {p.get('ratio')} |"
                             + (f" {p.get('bare_table_seconds', '-')}"
                                f" | {p.get('ratio_bare_table', '-')} |" if bare else ""))
    for name in ("latest.md", f"{kind}.md"):
        with open(os.path.join(RESULTS, name), "w") as f:
            f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
