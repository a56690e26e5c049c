#!/bin/sh
# Runs every sealmail benchmark in one JMH run (so the ratios hold on a noisy machine), then the
# whole-process comparison against openssl, and writes bench/RESULTS.md.
#
#   bench/run.sh            the measurement: about 9 minutes on 2 cores; run it on a quiet machine
#   bench/run.sh --smoke    seconds-long iterations and a 16 MiB CLI message: proves the pipeline
#                           works; RESULTS.md is then labelled "smoke run, not a measurement"
#   --no-cli                skip bench/vs-openssl.sh (RESULTS.md says the CLI targets were not measured)
#   --label TEXT            a line shown at the top of RESULTS.md, e.g. that the machine was shared
#
# JMH's JSON goes to bench/target/jmh-result.json, the CLI medians to bench/target/vs-openssl.tsv.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
smoke=false
cli=true
user_label=""
while [ $# -gt 0 ]; do
    case "$1" in
        --smoke) smoke=true; shift ;;
        --no-cli) cli=false; shift ;;
        --label) [ $# -ge 2 ] || { echo "$0: --label needs a text" >&2; exit 64; }; user_label=$2; shift 2 ;;
        *) echo "usage: $0 [--smoke] [--no-cli] [--label TEXT]" >&2; exit 64 ;;
    esac
done

cd "$here"
echo "run.sh: building (tests skipped)" >&2
mvn -o -q -B -Dstyle.color=never -DskipTests -pl cli,bench -am package >&2

json=bench/target/jmh-result.json
tsv=bench/target/vs-openssl.tsv
rm -f "$json" "$tsv"
if $smoke; then
    # one short iteration each: numbers from a cold JIT, meaningless except that everything ran
    jmh_options="-f 1 -wi 1 -w 200ms -i 1 -r 300ms"
    cli_options="--size-mib 16 --runs 1"
    label="smoke run, not a measurement"
else
    # 58 benchmarks x (JVM fork + 2 s warmup + 3 s measurement): about 7 minutes
    jmh_options="-f 1 -wi 2 -w 1s -i 3 -r 1s"
    cli_options="--size-mib 256 --runs 3"
    label=""
fi
if [ -n "$user_label" ]; then
    label=${label:+$label; }$user_label
fi
# shellcheck disable=SC2086 # the options are words on purpose
java -jar bench/target/benchmarks.jar $jmh_options -foe true -rf json -rff "$json"

if $cli; then
    # shellcheck disable=SC2086
    bench/vs-openssl.sh $cli_options --tsv "$tsv"
fi

java -cp bench/target/benchmarks.jar org.sealmail.bench.report.Report --json "$json" --cli "$tsv" \
    --notes bench/results-notes.md --label "$label" --out bench/RESULTS.md
echo "run.sh: wrote bench/RESULTS.md" >&2
