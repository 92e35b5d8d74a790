#!/usr/bin/env bash
# Builds target/benchmarks.jar, runs the JMH benchmarks with GC and CPU-time profiling and writes
#   benchmarks/results/jmh-<mode>-<UTC time>.json  (JMH JSON, git-ignored)
#   benchmarks/results/latest.md                  (the Markdown table, see report.py)
#
# Usage (from anywhere):
#   bash benchmarks/run.sh            full run, every benchmark on 1 and 2 threads (~14 min on 2 cores)
#   bash benchmarks/run.sh quick      smoke test: every benchmark once, 1 thread, short (~3 min)
#   bash benchmarks/run.sh targets    the issue's targets only (certificate, eddsa-rdfc-2022, iron,
#                                     Ed25519 floor), long warmup for converged numbers (~6 min)
#   bash benchmarks/run.sh full 'OneThread.credkitVerify' -p suite=eddsa-rdfc-2022
#                                     extra arguments go to JMH (a benchmark regex, -p, -prof ...)
# The table goes to benchmarks/results/latest.md (full), quick.md or targets.md.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
if [ $# -gt 0 ] && { [ "$1" = quick ] || [ "$1" = full ] || [ "$1" = targets ]; }; then
  mode=$1
  shift
fi

mvn -B -q -ntp -pl benchmarks -am package -DskipTests -Pbenchmarks-jar

# JSON-LD code needs a long JIT warmup (longer still when other processes share the cores):
# full spends 10 s warming and 3 s measuring per benchmark; targets 20 s and 10 s.
case "$mode" in
  quick)   jmh=(-wi 1 -w 1s -i 1 -r 1s -f 1 -e 'TwoThreads'); table=quick.md ;;
  full)    jmh=(-wi 5 -w 2s -i 3 -r 1s -f 1); table=latest.md ;;
  targets) jmh=(-wi 10 -w 2s -i 5 -r 2s -f 1 '(credkitVerify|credkitSign|ironVerify|ironSign|ed25519Verify|ed25519Sign)$'
                -p document=course-completion -p suite=eddsa-rdfc-2022); table=targets.md ;;
esac

mkdir -p benchmarks/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
json=benchmarks/results/jmh-$mode-$stamp.json
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

# -foe: a benchmark whose setup sanity check fails (e.g. a signature that does not verify) fails the run.
java -jar benchmarks/target/benchmarks.jar "${jmh[@]}" -foe true -prof gc -prof dev.credkit.benchmarks.CpuTimeProfiler -rf json -rff "$json" "$@"

load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
python3 benchmarks/report.py "$json" \
  --note "Mode \`$mode\`, $(nproc) cores, load average before/after: $load_before / $load_after; commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')." \
  > "benchmarks/results/$table"
echo
echo "JMH JSON: $json"
echo "Table:    benchmarks/results/$table"
cat "benchmarks/results/$table"
