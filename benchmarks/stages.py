#!/usr/bin/env python3
"""Where does the time go? Attributes the CPU samples of a JMH JFR recording to stages.

Record (one benchmark, longer measurement for more samples):
  java -jar benchmarks/target/benchmarks.jar 'OneThread.credkitVerify' \
      -p document=course-completion -p suite=eddsa-rdfc-2022 -wi 8 -w 2s -i 1 -r 15s -f 1 \
      -prof 'jfr:dir=benchmarks/results/jfr;configName=default;stackDepth=256'
Then:
  python3 benchmarks/stages.py benchmarks/results/jfr/<benchmark dir>/profile.jfr [--top 15]

Each sample of a JMH worker thread goes to the innermost stage marker on its stack (so SHA-256
inside RDFC counts as RDFC, and JSON-LD expansion feeding RDFC counts as expansion); samples
with no marker are "other". Needs the JDK's `jfr` tool. Standard library only.
"""
import argparse
import collections
import json
import shutil
import subprocess
import sys

# (stage, class-name prefixes or "Class.method" prefixes), with '.' separators.
STAGES = [
    ("JSON parse", ["dev.credkit.json.JsonReader", "dev.credkit.internal.json.", "com.fasterxml.jackson.",
                    "org.eclipse.parsson.", "jakarta.json.Json."]),
    ("data model", ["dev.credkit.model.", "dev.credkit.internal.model."]),
    ("context allow-list", ["dev.credkit.jsonld.ContextRegistry.checkAllowed"]),
    ("JSON-LD: tree conversion", ["dev.credkit.internal.jsonld.JakartaJson"]),
    ("JSON-LD: safe-mode checks", ["dev.credkit.internal.jsonld.InputSafetyCheck",
                                   "dev.credkit.internal.jsonld.ExpandedFormCheck"]),
    ("JSON-LD: context processing", ["com.apicatalog.jsonld.context."]),
    ("JSON-LD: expansion", ["com.apicatalog.jsonld.expansion.", "com.apicatalog.jsonld.api.ExpansionApi",
                            "com.apicatalog.jsonld.processor.ExpansionProcessor"]),
    ("JSON-LD: node map + toRdf", ["com.apicatalog.jsonld.flattening.", "com.apicatalog.jsonld.deseralization.",
                                   "com.apicatalog.jsonld.processor.ToRdfProcessor"]),
    ("JSON-LD: credkit's plain-subset path", ["dev.credkit.internal.jsonld.FastJsonLd"]),
    ("JSON-LD: compaction", ["com.apicatalog.jsonld.compaction.", "com.apicatalog.jsonld.processor.CompactionProcessor"]),
    ("RDFC-1.0 / URDNA2015", ["com.apicatalog.rdf.canon.", "dev.credkit.internal.jsonld.BudgetedRdfc",
                              "dev.credkit.internal.jsonld.Rdfc10", "dev.credkit.internal.jsonld.NQuadsParser",
                              "io.setl.rdf.normalization.", "com.apicatalog.ld.signature.primitive.Urdna2015"]),
    ("JCS", ["dev.credkit.json.Jcs", "com.apicatalog.jcs."]),
    ("document/proof hash (SHA-256)", ["dev.credkit.internal.proof.DataIntegrity.sha256",
                                       "com.apicatalog.ld.signature.primitive.MessageDigest"]),
    # Key decoding (point decompression and checks) happens under did:key resolution, so the
    # Ed25519 marker is the verify/sign entry point, not Bouncy Castle's code.
    ("did:key + public key decoding", ["dev.credkit.keys.DidKey", "dev.credkit.keys.Ed25519PublicKey.from",
                                       "dev.credkit.keys.Multibase", "com.apicatalog.did.",
                                       "com.apicatalog.vc.method.resolver.", "com.apicatalog.multikey."]),
    ("Ed25519 sign/verify", ["dev.credkit.keys.Ed25519PublicKey.verify", "dev.credkit.keys.Ed25519KeyPair.sign",
                             "sun.security.ec.ed.", "com.apicatalog.ld.signature.eddsa."]),
]


def frame_name(frame):
    method = frame["method"]
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def stage_of(frames):
    """frames: leaf first. The innermost (closest to the leaf) marker wins."""
    for frame in frames:
        name = frame_name(frame)
        for stage, prefixes in STAGES:
            if any(name.startswith(p) for p in prefixes):
                return stage
    return "other"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("jfr")
    ap.add_argument("--top", type=int, default=12, help="also list the N hottest methods (self time)")
    ap.add_argument("--thread", default="jmh-worker", help="only threads whose name contains this")
    ap.add_argument("--explain", metavar="STAGE", help="list the innermost non-JDK frames of the samples in STAGE")
    args = ap.parse_args()
    jfr = shutil.which("jfr")
    if not jfr:
        sys.exit("the JDK's jfr tool is not on PATH")
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "1024", "--events", "jdk.ExecutionSample", args.jfr],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    stages = collections.Counter()
    explained = collections.Counter()
    hottest = collections.Counter()
    truncated = 0
    total = 0
    for e in events:
        v = e["values"]
        thread = (v.get("sampledThread") or {}).get("javaName") or ""
        if args.thread not in thread:
            continue
        trace = v.get("stackTrace") or {}
        frames = trace.get("frames") or []
        if not frames:
            continue
        total += 1
        truncated += bool(trace.get("truncated"))
        stage = stage_of(frames)
        stages[stage] += 1
        if args.explain and stage == args.explain:
            own = [frame_name(f) for f in frames if not frame_name(f).startswith(("java.", "jdk.", "sun."))]
            explained[" < ".join(own[:3]) if own else frame_name(frames[0])] += 1
        hottest[frame_name(frames[0])] += 1
    if not total:
        sys.exit("no samples of threads named *%s* in %s" % (args.thread, args.jfr))
    print(f"{total} samples of the benchmark thread(s){' (' + str(truncated) + ' truncated stacks)' if truncated else ''}")
    print()
    print("| stage | share of CPU samples |")
    print("|---|--:|")
    for stage, n in stages.most_common():
        print(f"| {stage} | {100.0 * n / total:.1f} % |")
    if args.explain:
        print()
        print(f"Samples in '{args.explain}', by innermost non-JDK frames:")
        print()
        for name, n in explained.most_common(args.top or 12):
            print(f"- {100.0 * n / total:5.1f} %  `{name}`")
    if args.top:
        print()
        print(f"Hottest methods (self time, top {args.top}):")
        print()
        for name, n in hottest.most_common(args.top):
            print(f"- {100.0 * n / total:5.1f} %  `{name}`")


if __name__ == "__main__":
    main()
