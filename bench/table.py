#!/usr/bin/env python3
"""The markdown table of bench/run.sh: medians of the runs in a results folder.

Usage: table.py <folder> <runs>. Reads run<N>.json (kocmoc-bench) and
pgbench-<script>-<N>.txt (pgbench), prints markdown.
"""
import json
import re
import statistics
import sys
from pathlib import Path


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=1):
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.{digits}f}"
    return f"{int(value):,}"


def main():
    folder = Path(sys.argv[1])
    runs = int(sys.argv[2])
    results = []
    for n in range(1, runs + 1):
        path = folder / f"run{n}.json"
        if path.exists() and path.read_text().strip():
            results.append(json.loads(path.read_text()))
    lines = []
    if results:
        first = results[0]
        get = lambda key, sub=None: median(
            [(r.get(key) or {}).get(sub) if sub else r.get(key) for r in results])
        lines.append(
            f"kocmoc-server, {first['connections']:,} connections in {first['groups']} groups of "
            f"{first['groupSize']}, target {fmt(first.get('targetRate'))} messages/s, "
            f"medians of {len(results)} runs:\n")
        lines.append("| figure | value |")
        lines.append("|---|---|")
        rows = [
            ("messages/s sent (measured window)", get("messagesPerSecond")),
            ("deliveries/s", get("deliveriesPerSecond")),
            ("delivery latency p50 / p90 / p99 / max (ms)",
             " / ".join(fmt(get("latencyMs", q), 1) for q in ("p50", "p90", "p99", "max"))),
            ("ack latency p50 / p90 / p99 / max (ms)",
             " / ".join(fmt(get("ackLatencyMs", q), 1) for q in ("p50", "p90", "p99", "max"))),
            ("of which the bench's own send lag p50 / p90 / p99 / max (ms)",
             " / ".join(fmt(get("sendLagMs", q), 1) for q in ("p50", "p90", "p99", "max"))),
            ("deliveries lost (not there after the drain) / duplicated, all runs",
             f"{sum(r.get('lost', 0) for r in results)} / "
             f"{sum(r.get('duplicates', 0) for r in results)}"),
            ("ack errors (all runs)", sum(r.get("ackErrors", 0) for r in results)),
            ("rows stored = messages sent (every run)",
             "yes" if all(r.get("rowsStored") == r.get("messagesSent") for r in results)
             else "no"),
            ("server CPU (% of one core)", get("serverCpuPercent")),
            ("PostgreSQL CPU (% of one core)", get("postgresCpuPercent")),
            ("kocmoc-bench CPU (% of one core)", get("benchCpuPercent")),
            ("server memory per idle authenticated connection (KB)",
             get("memoryPerConnectionKb")),
            ("connect time for all sockets (s)", get("connectSeconds")),
        ]
        for name, value in rows:
            lines.append(f"| {name} | {value if isinstance(value, str) else fmt(value)} |")
        errors = [r["error"] for r in results if "error" in r]
        if errors:
            lines.append(f"\nErrors: {errors}")
    pg = {}
    scripts = {
        "single": ("single-row INSERT", 1),
        "batch50": ("50-row INSERT", 50),
        "spread256": ("256-row INSERT over many chats and senders", 256),
        "spread256x1": ("the same from one client", 256),
    }
    for script in scripts:
        tps, latency = [], []
        for n in range(1, runs + 1):
            path = folder / f"pgbench-{script}-{n}.txt"
            if not path.exists():
                continue
            text = path.read_text()
            m = re.search(r"^tps = ([0-9.]+)", text, re.M)
            if m:
                tps.append(float(m.group(1)))
            m = re.search(r"latency average = ([0-9.]+) ms", text)
            if m:
                latency.append(float(m.group(1)))
        pg[script] = (median(tps), median(latency))
    if any(v[0] for v in pg.values()):
        lines.append("\npgbench on the same messages table and PostgreSQL (medians):\n")
        lines.append("| script | transactions/s | rows/s | latency average (ms) |")
        lines.append("|---|---|---|---|")
        for script, (label, rows_per) in scripts.items():
            tps, latency = pg[script]
            if tps:
                lines.append(f"| {label} | {fmt(tps)} | {fmt(tps * rows_per)} | {fmt(latency, 2)} |")
        if results and pg["single"][0]:
            sent = median([r.get("messagesPerSecond") for r in results])
            lines.append(f"\nThe offered message rate as a share of PostgreSQL's single-row "
                         f"INSERTs/s: {100 * sent / pg['single'][0]:.0f}%"
                         + (f"; of its rows/s in 50-row batches: "
                            f"{100 * sent / (pg['batch50'][0] * 50):.1f}%"
                            if pg["batch50"][0] else ""))
    stores = []
    for n in range(1, runs + 1):
        path = folder / f"store{n}.json"
        if path.exists() and path.read_text().strip():
            stores.append(json.loads(path.read_text()))
    if stores:
        first = stores[0]
        lines.append(f"\nThe writer alone (kocmoc-store-bench: MessageWriter and MessageService on "
                     f"the same PostgreSQL, {first['groups']} groups of {first['members']}, "
                     f"{first['workers']} workers, no network; medians of {len(stores)}):\n")
        lines.append("| figure | value |")
        lines.append("|---|---|")
        lines.append(f"| messages stored/s | {fmt(median([r['storedPerSecond'] for r in stores]))} |")
        lines.append("| rows counted = messages stored (every run) | "
                     + ("yes" if all(r["rows"] == r["stored"] for r in stores) else "no") + " |")
        lines.append(f"| send errors (all runs) | {sum(r['errors'] for r in stores)} |")
        if pg.get("batch50", (0,))[0]:
            lines.append(f"\nThat is {100 * median([r['storedPerSecond'] for r in stores]) / (pg['batch50'][0] * 50):.0f}% "
                         f"of pgbench's rows/s in 50-row batches"
                         + (f", {100 * median([r['storedPerSecond'] for r in stores]) / (pg['spread256x1'][0] * 256):.0f}% "
                            f"of what one client inserts in 256-row batches over many chats"
                            if pg.get("spread256x1", (0,))[0] else "")
                         + ".")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
