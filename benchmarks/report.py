#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json, run with -prof gc and -prof dev.credkit.benchmarks.CpuTimeProfiler)
into the Markdown table of benchmarks/README.md: median ops/s per benchmark, µs/op, CPU µs/op,
allocation per op, ratios to the iron baseline and to the bare Ed25519 floor, 2-thread scaling.

Ratios use CPU time per operation when the run has it (robust on a shared machine, where wall
time depends on what else runs), else throughput.

Usage: python3 benchmarks/report.py RESULT.json [--note TEXT]... > latest.md
Standard library only.
"""
import argparse
import json
import statistics
import sys

# Display order; any benchmark not listed here is appended after these.
ORDER = [
    "credkitVerify", "ironVerify", "credkitSign", "ironSign", "ironSignCompacted",
    "jwtVerify", "jwtSign", "rdfcCanonicalize", "ed25519Verify", "ed25519Sign",
]
SUITES = ["eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020"]
DOCUMENTS = ["course-completion", "course-record"]
IRON_SUITE = "eddsa-rdfc-2022"


def median_score(entry):
    raw = [x for fork in entry["primaryMetric"].get("rawData", []) for x in fork]
    return statistics.median(raw) if raw else entry["primaryMetric"]["score"]


def median_secondary(metric):
    if not metric:
        return None
    raw = [x for fork in metric.get("rawData", []) for x in fork]
    return statistics.median(raw) if raw else metric.get("score")


def cost(result):
    """Cost of one operation for ratios: CPU µs if measured, else wall µs (1 / throughput)."""
    if result is None:
        return None
    return result["cpu"] if result.get("cpu") else 1e6 / result["ops"]


def load(path):
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)
    results = {}
    for e in entries:
        method = e["benchmark"].rsplit(".", 1)[1]
        params = e.get("params", {})
        suite = params.get("suite") or (IRON_SUITE if method.startswith("iron")
                                        else "vc+jwt" if method.startswith("jwt") else "-")
        document = params.get("document", "-")
        if "results" in params:  # CourseRecordScaling
            document = f"course-record ({params['results']} results)"
            suite = IRON_SUITE
        key = (method, document, suite, e["threads"])
        secondary = e.get("secondaryMetrics", {})
        alloc = secondary.get("gc.alloc.rate.norm", {}).get("score")
        cpu = median_secondary(secondary.get("cpu.worker.norm"))
        cpu_process = median_secondary(secondary.get("cpu.time.norm"))
        share = median_secondary(secondary.get("cpu.share"))
        raw = [x for fork in e["primaryMetric"].get("rawData", []) for x in fork]
        results[key] = {
            "ops": median_score(e),
            "alloc": alloc,
            "cpu": cpu,
            "cpu_process": cpu_process,
            "share": share,
            "n": len(raw),
            "spread": (max(raw) - min(raw)) / statistics.median(raw) if len(raw) > 1 and statistics.median(raw) else None,
        }
    return entries, results


def fmt_ops(ops):
    if ops is None:
        return "–"
    if ops >= 1000:
        return f"{ops:,.0f}"
    if ops >= 10:
        return f"{ops:.1f}"
    return f"{ops:.2f}"


def fmt_us(ops, threads=1):
    if not ops:
        return "–"
    us = threads * 1e6 / ops
    return f"{us:,.0f}" if us >= 100 else f"{us:.1f}"


def fmt_cpu(us):
    if not us:
        return "–"
    return f"{us:,.0f}" if us >= 100 else f"{us:.1f}"


def fmt_share(cores):
    return "–" if cores is None else f"{cores:.2f}"


def fmt_bytes(b):
    if b is None:
        return "–"
    if b >= 1 << 20:
        return f"{b / (1 << 20):.2f} MB"
    if b >= 1 << 10:
        return f"{b / (1 << 10):.1f} KB"
    return f"{b:.0f} B"


def fmt_ratio(r, suffix="×"):
    if r is None:
        return "–"
    return f"{r:.1f}{suffix}" if r >= 10 else f"{r:.2f}{suffix}"


def op_kind(method):
    m = method.lower()
    if "verify" in m:
        return "verify"
    if "sign" in m:
        return "sign"
    return None


def sort_key(key):
    method, document, suite, _ = key
    m = ORDER.index(method) if method in ORDER else len(ORDER)
    d = DOCUMENTS.index(document) if document in DOCUMENTS else len(DOCUMENTS)
    s = SUITES.index(suite) if suite in SUITES else len(SUITES)
    return (d, m, s, method)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("result")
    ap.add_argument("--note", action="append", default=[], help="a line printed under the header")
    args = ap.parse_args()
    entries, results = load(args.result)
    if not entries:
        sys.exit("no benchmark results in " + args.result)

    def get(method, document, suite, threads=1):
        return results.get((method, document, suite, threads))

    def floor(kind, threads=1):
        return get("ed25519Verify" if kind == "verify" else "ed25519Sign", "-", "-", threads)

    first = entries[0]
    out = []
    out.append("# credkit benchmarks: latest run")
    out.append("")
    out.append(f"- Source: `{args.result}`; JMH {first.get('jmhVersion', '?')}, "
               f"{first.get('vmName', '?')} {first.get('jdkVersion', '?')}, "
               f"warmup {first.get('warmupIterations')}×{first.get('warmupTime')}, "
               f"measurement {first.get('measurementIterations')}×{first.get('measurementTime')}, "
               f"{first.get('forks')} fork(s), JVM args `{' '.join(first.get('jvmArgs', []))}`.")
    for note in args.note:
        out.append(f"- {note}")
    has_cpu = any(v.get("cpu") for v in results.values())
    basis = "CPU time per operation" if has_cpu else "throughput"
    out.append("- ops/s: median of the measurement iterations (all threads together); µs/op: wall time "
               "per operation on one thread (1e6 ÷ ops/s); CPU µs/op: CPU time of the benchmark threads "
               "per operation (`cpu.worker.norm`; GC and JIT threads not included); cores: the CPU the "
               "whole JVM got during the iterations (1.00 = a whole core; less means other load took it); "
               "alloc/op: `gc.alloc.rate.norm`.")
    out.append(f"- Ratios use {basis}. vs iron: how many times cheaper than iron for the same operation "
               "and document (iron does eddsa-rdfc-2022 only; the other suites are compared with it too; "
               "sign rows against `ironSign`, iron's sign without compaction, the conservative reference). "
               "alloc vs iron: iron's allocation ÷ this one's.")
    out.append("- vs floor: how many times the cost of a bare Ed25519 sign/verify of 64 bytes "
               "(sign rows against `ed25519Sign`, verify rows against `ed25519Verify`).")
    out.append("- 2T ÷ 1T: throughput with 2 threads ÷ with 1 (ideal 2.0 on 2 idle cores; meaningless when "
               "the cores column shows the machine was busy); CPU/op 2T ÷ 1T: above 1.0 means threads "
               "get in each other's way (contention, shared caches, GC).")
    out.append("")
    out.append("| document | benchmark | suite | ops/s | µs/op | CPU µs/op | cores | alloc/op | vs iron "
               "| alloc vs iron | vs floor | ops/s (2T) | cores (2T) | 2T ÷ 1T | CPU/op 2T ÷ 1T |")
    out.append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    keys = sorted({(m, d, s) for (m, d, s, _t) in results}, key=lambda k: sort_key(k + (1,)))
    for method, document, suite in keys:
        one = get(method, document, suite, 1)
        two = get(method, document, suite, 2)
        kind = op_kind(method)
        vs_iron = alloc_vs_iron = vs_floor = None
        if one and kind and method.startswith(("credkit", "jwt", "iron")) and document != "-":
            iron = get("ironVerify" if kind == "verify" else "ironSign", document, IRON_SUITE, 1)
            if iron:
                vs_iron = cost(iron) / cost(one)
                if one["alloc"] and iron["alloc"]:
                    alloc_vs_iron = iron["alloc"] / one["alloc"]
        if one and kind:
            f = floor(kind)
            if f and not method.startswith("ed25519"):
                vs_floor = cost(one) / cost(f)
        scaling = two["ops"] / one["ops"] if one and two else None
        cpu_scaling = two["cpu"] / one["cpu"] if one and two and one.get("cpu") and two.get("cpu") else None
        out.append("| " + " | ".join([
            document, f"`{method}`", suite,
            fmt_ops(one["ops"]) if one else "–",
            fmt_us(one["ops"]) if one else "–",
            fmt_cpu(one.get("cpu")) if one else "–",
            fmt_share(one.get("share")) if one else "–",
            fmt_bytes(one["alloc"]) if one else fmt_bytes(two["alloc"]) if two else "–",
            fmt_ratio(vs_iron), fmt_ratio(alloc_vs_iron), fmt_ratio(vs_floor),
            fmt_ops(two["ops"]) if two else "–",
            fmt_share(two.get("share")) if two else "–",
            fmt_ratio(scaling), fmt_ratio(cpu_scaling),
        ]) + " |")

    # The targets, checked against this run.
    out.append("")
    out.append("## Targets (course-completion certificate, eddsa-rdfc-2022)")
    out.append("")
    verify = get("credkitVerify", "course-completion", IRON_SUITE, 1)
    iron_verify = get("ironVerify", "course-completion", IRON_SUITE, 1)
    sign = get("credkitSign", "course-completion", IRON_SUITE, 1)
    iron_sign = get("ironSign", "course-completion", IRON_SUITE, 1)
    floor_verify = floor("verify")
    verify2 = get("credkitVerify", "course-completion", IRON_SUITE, 2)

    def line(label, ok, detail):
        mark = "not judged" if ok is None else ("met" if ok else "NOT met")
        out.append(f"- {label}: **{mark}** ({detail})")

    unit = "CPU µs" if has_cpu else "µs"
    if verify and iron_verify:
        r = cost(iron_verify) / cost(verify)
        line("verify ≥ 10× iron's throughput", r >= 10,
             f"{r:.1f}× by {basis}: {cost(verify):,.0f} vs {cost(iron_verify):,.0f} {unit}/op; "
             f"wall clock {fmt_ops(verify['ops'])} vs {fmt_ops(iron_verify['ops'])} ops/s")
    else:
        line("verify ≥ 10× iron's throughput", None, "not measured")
    if verify and floor_verify:
        r = cost(verify) / cost(floor_verify)
        line("verify within 3× of a bare Ed25519 verify", r <= 3,
             f"{r:.2f}× by {basis}: {cost(verify):,.0f} vs {cost(floor_verify):,.0f} {unit}/op")
    else:
        line("verify within 3× of a bare Ed25519 verify", None, "not measured")
    if verify and verify2:
        r = verify2["ops"] / verify["ops"]
        detail = f"{r:.2f}× on a 2-core machine"
        if verify2.get("share") is not None:
            detail += f", the 2-thread run got {verify2['share']:.2f} cores"
        if verify.get("cpu") and verify2.get("cpu"):
            detail += f"; CPU per operation {verify2['cpu'] / verify['cpu']:.2f}× the 1-thread run's"
        starved = verify2.get("share") is not None and verify2["share"] < 1.8
        line("2 threads ≈ 2× one thread (verify)", None if starved else r >= 1.7,
             detail + ("; not judged: the run did not get two cores" if starved else ""))
    else:
        line("2 threads ≈ 2× one thread (verify)", None, "not measured")
    if sign and iron_sign and sign["alloc"] and iron_sign["alloc"]:
        r = iron_sign["alloc"] / sign["alloc"]
        line("allocation per sign far below iron's", r >= 5,
             f"{fmt_bytes(sign['alloc'])} vs iron {fmt_bytes(iron_sign['alloc'])}, {r:.1f}× less")
    else:
        line("allocation per sign far below iron's", None, "not measured (run with -prof gc)")
    scaling_rows = sorted(((int(d.split("(")[1].split()[0]), m, v) for (m, d, _s, t), v in results.items()
                           if m.startswith("scaling") and t == 1), key=lambda r: (r[1], r[0]))
    if scaling_rows:
        out.append("")
        out.append("## Course record: cost per number of results (eddsa-rdfc-2022, 1 thread)")
        out.append("")
        out.append(f"| benchmark | results | {unit}/op | {unit} per result | alloc/op | growth vs fewest results |")
        out.append("|---|--:|--:|--:|--:|--:|")
        first_cost = {}
        for n, method, v in scaling_rows:
            c = cost(v)
            first = first_cost.setdefault(method, (n, c))
            growth = f"{c / first[1]:.2f}× cost for {n / first[0]:.0f}× results" if n != first[0] else "–"
            out.append(f"| `{method}` | {n} | {c:,.0f} | {c / n:,.1f} | {fmt_bytes(v['alloc'])} | {growth} |")
        for method in sorted({m for _n, m, _v in scaling_rows}):
            rows = [(n, cost(v)) for n, m, v in scaling_rows if m == method]
            if len(rows) > 1:
                (n0, c0), (n1, c1) = rows[0], rows[-1]
                line(f"`{method}` grows at most linearly with the results", c1 / c0 <= n1 / n0 * 1.1,
                     f"{c1 / c0:.2f}× the cost for {n1 / n0:.0f}× the results")
    spreads = [(k, v["spread"]) for k, v in results.items() if v["spread"] is not None and v["spread"] > 0.2]
    if spreads:
        out.append("")
        out.append(f"Noisy: {len(spreads)} result(s) whose iterations spread by more than 20 % of the median "
                   "(a shared or loaded machine); compare ratios from the same run rather than absolute numbers.")
    print("\n".join(out))


if __name__ == "__main__":
    main()
