#!/usr/bin/env python3
"""Turns a JMH JSON result of the xcluster suite into the Markdown tables of the README.

Usage: python3 bench/report.py bench/results/<run>.json

Query times are medians (p50 of JMH's sample mode); allocation is -prof gc's gc.alloc.rate.norm
(bytes per operation). A benchmark missing from the file (skipped or failed) shows as "-".
"""
import json
import sys

TARGET_HAND, TARGET_COLOCATED, TARGET_ALLOC, TARGET_POINT = 1.2, 2.5, 1.5, 1.10


def load(path):
    results = {}
    for entry in json.load(open(path)):
        cls, method = entry["benchmark"].rsplit(".", 2)[-2:]
        params = entry.get("params", {})
        metric = entry["primaryMetric"]
        if entry["mode"] == "sample":
            score = metric["scorePercentiles"]["50.0"]
        else:
            score = metric["score"]
        alloc = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        if cls == "StreamingMemoryBenchmark":
            key = (cls, method, params.get("topology"), (params.get("fetchSize"), params.get("scoreBelow")))
            results[key] = {"score": score, "alloc": alloc, "scale": params.get("scale"),
                            "held": per_iteration(entry, "heldBytes"), "rows": per_iteration(entry, "rows")}
            continue
        key = (cls, method, params.get("topology"), params.get("keys"))
        results[key] = {"score": score, "alloc": alloc, "scale": params.get("scale")}
    return results


def per_iteration(entry, counter):
    """The mean over iterations of an event counter that holds one value per iteration (JMH sums them)."""
    raw = entry.get("secondaryMetrics", {}).get(counter, {}).get("rawData")
    values = [v for fork in raw or [] for v in fork]
    return sum(values) / len(values) if values else None


def fmt(value, digits=0):
    if value is None:
        return "-"
    if digits == 0:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def verdict(value, limit):
    if value is None:
        return "-"
    return f"{value:.2f}x {'ok' if value <= limit else 'MISSED'}"


def get(results, cls, method, topology=None, keys=None, field="score"):
    entry = results.get((cls, method, topology, keys))
    return entry[field] if entry else None


def joins(results, out):
    topologies = sorted({k[2] for k in results if k[0] == "JoinBenchmarks"})
    if not topologies:
        return
    out.append("| topology | query | colocated µs | hand-written µs | xcluster µs | xcluster / hand (≤1.2) "
               "| xcluster / colocated (≤2.5) | alloc KB/op colocated / hand / xcluster | alloc xcluster / hand (≤1.5) |")
    out.append("|---|---|---:|---:|---:|---|---|---|---|")
    for topology in topologies:
        for q in ("q1", "q2", "q3", "q4"):
            c = get(results, "JoinBenchmarks", q + "Colocated", topology)
            h = get(results, "JoinBenchmarks", q + "HandWritten", topology)
            x = get(results, "JoinBenchmarks", q + "Xcluster", topology)
            allocs = [get(results, "JoinBenchmarks", q + m, topology, field="alloc")
                      for m in ("Colocated", "HandWritten", "Xcluster")]
            kb = " / ".join(fmt(a / 1024, 1) if a is not None else "-" for a in allocs)
            out.append(f"| {topology} | {q.upper()} | {fmt(c)} | {fmt(h)} | {fmt(x)} "
                       f"| {verdict(ratio(x, h), TARGET_HAND)} | {verdict(ratio(x, c), TARGET_COLOCATED)} "
                       f"| {kb} | {verdict(ratio(allocs[2], allocs[1]), TARGET_ALLOC)} |")
    out.append("")


def point(results, out):
    p = get(results, "PointQueryBenchmark", "q5PlainHikari")
    x = get(results, "PointQueryBenchmark", "q5Xcluster")
    if p is None and x is None:
        return
    pa = get(results, "PointQueryBenchmark", "q5PlainHikari", field="alloc")
    xa = get(results, "PointQueryBenchmark", "q5Xcluster", field="alloc")
    out.append("| Q5 point query | plain pgjdbc + HikariCP µs | xcluster µs | xcluster / plain (≤1.10) "
               "| alloc KB/op plain / xcluster |")
    out.append("|---|---:|---:|---|---|")
    out.append(f"| users by id | {fmt(p, 1)} | {fmt(x, 1)} | {verdict(ratio(x, p), TARGET_POINT)} "
               f"| {fmt(pa and pa / 1024, 1)} / {fmt(xa and xa / 1024, 1)} |")
    out.append("")


def scaling(results, out):
    rows = sorted({(k[2], int(k[3])) for k in results if k[0] == "KeyScalingBenchmark"})
    if not rows:
        return
    out.append("| topology | keys | hand-written µs | xcluster µs | xcluster / hand | xcluster µs per key "
               "| alloc KB/op hand / xcluster |")
    out.append("|---|---:|---:|---:|---|---:|---|")
    for topology, keys in rows:
        h = get(results, "KeyScalingBenchmark", "handWritten", topology, str(keys))
        x = get(results, "KeyScalingBenchmark", "xcluster", topology, str(keys))
        ha = get(results, "KeyScalingBenchmark", "handWritten", topology, str(keys), "alloc")
        xa = get(results, "KeyScalingBenchmark", "xcluster", topology, str(keys), "alloc")
        r = ratio(x, h)
        out.append(f"| {topology} | {keys:,} | {fmt(h)} | {fmt(x)} | {'-' if r is None else f'{r:.2f}x'} "
                   f"| {fmt(x and x / keys, 2)} | {fmt(ha and ha / 1024, 1)} / {fmt(xa and xa / 1024, 1)} |")
    out.append("")


def streaming(results, out):
    rows = sorted({(k[2], k[3]) for k in results if k[0] == "StreamingMemoryBenchmark"},
                  key=lambda r: (r[0], int(r[1][0]), int(r[1][1])))
    if not rows:
        return
    paths = ("colocated", "handWritten", "xclusterStreamed", "xclusterSorted")
    out.append("| topology | fetch size | rows | held MB colocated / hand-written / xcluster streamed / "
               "xcluster sorted | ms per query colocated / hand / streamed / sorted (with 2 full GCs) |")
    out.append("|---|---:|---:|---|---|")
    for topology, (fetch, score_below) in rows:
        entries = [results.get(("StreamingMemoryBenchmark", p, topology, (fetch, score_below))) for p in paths]
        count = next((e["rows"] for e in entries if e and e["rows"]), None)
        held = " / ".join(fmt(e["held"] / 1e6, 1) if e and e["held"] is not None else "-" for e in entries)
        times = " / ".join(fmt(e["score"]) if e else "-" for e in entries)
        out.append(f"| {topology} | {fetch} | {fmt(count)} | {held} | {times} |")
    out.append("")


def planner(results, out):
    methods = sorted(k[1] for k in results if k[0] == "PlannerBenchmark")
    if not methods:
        return
    out.append("| parse + plan | mean µs | target | alloc B/op |")
    out.append("|---|---:|---|---:|")
    for method in methods:
        score = get(results, "PlannerBenchmark", method)
        target = "< 2 µs" if method.startswith("cached") else ("< 150 µs" if method == "coldQ3" else "")
        limit = 2 if method.startswith("cached") else (150 if method == "coldQ3" else None)
        mark = "" if limit is None else (" ok" if score < limit else " MISSED")
        out.append(f"| {method} | {fmt(score, 3)} | {target}{mark} "
                   f"| {fmt(get(results, 'PlannerBenchmark', method, field='alloc'))} |")
    out.append("")


def result_set(results, out):
    methods = sorted(k[1] for k in results if k[0] == "ResultSetBenchmark")
    if not methods:
        return
    out.append("| synthetic ResultSet (6 columns) | rows/s, one thread | target ≥ 2,000,000 | alloc B/row |")
    out.append("|---|---:|---|---:|")
    for method in methods:
        score = get(results, "ResultSetBenchmark", method)
        out.append(f"| {method} | {fmt(score)} | {'ok' if score >= 2e6 else 'MISSED'} "
                   f"| {fmt(get(results, 'ResultSetBenchmark', method, field='alloc'), 1)} |")
    out.append("")


def shardingsphere(results, out):
    topologies = sorted({k[2] for k in results if k[0] == "ShardingSphereBenchmark"})
    if not topologies:
        return
    out.append("| topology | query | ShardingSphere-JDBC federation µs | xcluster µs | ShardingSphere / xcluster "
               "| alloc KB/op ShardingSphere / xcluster |")
    out.append("|---|---|---:|---:|---|---|")
    for topology in topologies:
        for q in ("q1", "q2", "q3", "q4", "q5"):
            s = get(results, "ShardingSphereBenchmark", q + "ShardingSphere", topology)
            x = get(results, "ShardingSphereBenchmark", q + "Xcluster", topology)
            sa = get(results, "ShardingSphereBenchmark", q + "ShardingSphere", topology, field="alloc")
            xa = get(results, "ShardingSphereBenchmark", q + "Xcluster", topology, field="alloc")
            r = ratio(s, x)
            times = "-" if r is None else f"{r:,.0f}x" if r >= 10 else f"{r:.2f}x"
            out.append(f"| {topology} | {q.upper()} | {fmt(s)} | {fmt(x)} | {times} "
                       f"| {fmt(sa and sa / 1024, 1)} / {fmt(xa and xa / 1024, 1)} |")
    out.append("")


def settings(path):
    """The bench's own system properties the forks ran with (-Dxcluster.bench.*), which change what is measured."""
    found = {arg for entry in json.load(open(path)) for arg in entry.get("jvmArgs", [])
             if arg.startswith("-Dxcluster.bench.")}
    return sorted(found)


def main():
    results = load(sys.argv[1])
    scales = sorted({v["scale"] for v in results.values() if v["scale"]})
    out = [f"Scale {', '.join(scales) or '-'}; query times are medians (JMH sample mode).", ""]
    if settings(sys.argv[1]):
        out[-1:] = [f"Settings: {' '.join(settings(sys.argv[1]))}", ""]
    for section in (joins, point, scaling, streaming, planner, result_set, shardingsphere):
        section(results, out)
    print("\n".join(out))


if __name__ == "__main__":
    main()
