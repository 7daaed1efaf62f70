#!/usr/bin/env bash
# `make bench`: mailzone against checkdmarc 6.0.4 on the shared bench corpus (NSD on loopback,
# ../shared/bench/compare.sh), then the micro-benchmarks (Benchmarks/Micro). Run `make release`
# first (make bench does).
#
#   Benchmarks/bench.sh [SCENARIO...]     default: a b c micro
#     a      1,000 domains, no added RTT
#     b      1,000 domains, --rtt 20 (through rttproxy.py)
#     c      10,000 domains, no added RTT
#     micro  swift package --package-path Benchmarks/Micro benchmark (release build)
#
# Environment:
#   BENCH_PORT=5410          server port (with --rtt, NSD itself listens on port + 10000)
#   BENCH_RUNS=1             timed runs per tool (compare.sh reports the median)
#   BENCH_OUT=.build/bench/results.md   where the figures are written (they are also printed)
#   BENCH_FRESH_ANCHOR=1     re-measure checkdmarc instead of reusing its saved numbers
#   BENCH_10K_CHECKDMARC=1   run checkdmarc on 10,000 domains when no saved numbers exist
#   MAILZONE_SHARED=DIR      the shared folder holding bench/ (default: ../shared)
#
# checkdmarc is the slow side: about 20 s on 1,000 domains, 3-4 minutes on 10,000, and about
# 15 minutes on 1,000 domains at 20 ms RTT (sequential queries). Its numbers are saved per
# corpus, RTT and run count (compare.sh --reuse-anchor) and reused unless BENCH_FRESH_ANCHOR=1.
# Without saved 10,000-domain numbers, scenario c times mailzone alone (no ratio) unless
# BENCH_10K_CHECKDMARC=1. Times are this machine's; quote the ratios of one run, not the times.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
bench="${MAILZONE_SHARED:-$root/../shared}/bench"
bin="$root/.build/release/mailzone"
port="${BENCH_PORT:-5410}"
runs="${BENCH_RUNS:-1}"
out="${BENCH_OUT:-$root/.build/bench/results.md}"
fresh="${BENCH_FRESH_ANCHOR:-0}"
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(a b c micro)

needs_corpus=0
for s in "${scenarios[@]}"; do
  case "$s" in
    a|b|c) needs_corpus=1 ;;
    micro) ;;
    *) echo "bench.sh: unknown scenario '$s' (a, b, c or micro)" >&2; exit 64 ;;
  esac
done
if [ $needs_corpus = 1 ]; then
  [ -x "$bin" ] || { echo "bench.sh: $bin not found; run make release" >&2; exit 2; }
  [ -x "$bench/compare.sh" ] || { echo "bench.sh: $bench/compare.sh not found (set MAILZONE_SHARED)" >&2; exit 2; }
fi

work="$(mktemp -d /tmp/mailzone-bench.XXXXXX)"
mkdir -p "$(dirname "$out")"
# Every server this script starts listens on $port; stop it however the script ends.
trap '[ $needs_corpus = 0 ] || "$bench/serve.sh" stop --port "$port" >/dev/null 2>&1 || true' EXIT

# The audit command as compare.sh runs it: NDJSON through first-line.py, which notes the time to
# the first line in $work/ttfl-LABEL (the last run's).
audit_command() {
  local label="$1"
  echo "set -o pipefail; start=\$(date +%s.%N); $bin audit --nameserver {ns}:{port} --domains-file {domains} --format ndjson" \
    "--fail-on never | python3 $here/first-line.py \"\$start\" $work/$label.ndjson $work/ttfl-$label"
}

{
  echo "# mailzone benchmarks"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -srm), $(nproc) cores, $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')."
  echo "Absolute times are this machine's under whatever else it was running: quote the ratios of one run (with BENCH_FRESH_ANCHOR=1 both tools are timed in it)."
} > "$out"

# compare LABEL DOMAINS RTT: one compare.sh run, its table and ratio line appended to $out.
compare() {
  local label="$1" domains="$2" rtt="$3" reuse=(--reuse-anchor) started
  [ "$fresh" = 1 ] && reuse=()
  local anchor="/tmp/bench-corpus-$domains-1/anchor-checkdmarc-rtt$rtt-runs$runs.tsv"
  echo "== bench $label: $domains domains, rtt $rtt ms (port $port)" >&2
  started=$(date +%s)
  "$bench/compare.sh" --domains "$domains" --rtt "$rtt" --runs "$runs" --port "$port" "${reuse[@]}" \
    --name mailzone "$(audit_command "$label")" > "$work/$label.txt"
  {
    echo
    echo "## $label: $domains domains, RTT $rtt ms"
    echo
    echo '```'
    cat "$work/$label.txt"
    echo "time to first NDJSON line (mailzone, last run): $(cat "$work/ttfl-$label" 2>/dev/null || echo n/a) s"
    # A reused anchor was measured at another time, under another load: say when.
    if [ -s "$anchor" ] && [ "$(stat -c %Y "$anchor")" -lt "$started" ]; then
      echo "checkdmarc figures reused from $(date -u -r "$anchor" '+%Y-%m-%d %H:%M UTC') ($anchor; BENCH_FRESH_ANCHOR=1 re-measures)"
    fi
    echo '```'
  } >> "$out"
}

# mailzone_only LABEL DOMAINS: scenario c without checkdmarc numbers; served and timed here.
mailzone_only() {
  local label="$1" domains="$2" corpus="/tmp/bench-corpus-$2-1" t0 t1 rc=0
  echo "== bench $label: $domains domains, rtt 0 ms, mailzone only (no saved checkdmarc numbers)" >&2
  local want have
  want="$domains 1 $(sed -n 's/^GENERATOR_VERSION = //p' "$bench/corpus.py")"
  have="$(python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(m['domains'], m['seed'], m['generator_version'])" "$corpus/meta.json" 2>/dev/null || true)"
  [ "$want" = "$have" ] || python3 "$bench/corpus.py" --domains "$domains" --seed 1 --out "$corpus" >&2
  "$bench/serve.sh" start --corpus "$corpus" --port "$port" >&2
  "$bench/serve.sh" stats --port "$port" --reset >/dev/null
  local cmd
  cmd="$(audit_command "$label")"
  cmd="${cmd//\{ns\}/127.0.0.1}"; cmd="${cmd//\{port\}/$port}"; cmd="${cmd//\{domains\}/$corpus/domains.txt}"
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$work/$label.time" bash -c "$cmd" 2>"$work/$label.err" || rc=$?
  t1=$(date +%s.%N)
  "$bench/serve.sh" stats --port "$port" > "$work/$label.stats"
  local wall rss queries
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/$label.time")
  queries=$(awk -F= '$1 == "num.queries" {print $2}' "$work/$label.stats")
  {
    echo
    echo "## $label: $domains domains, RTT 0 ms (mailzone only: no saved checkdmarc numbers)"
    echo
    echo '```'
    echo "mailzone wall ${wall} s, peak RSS ${rss} MB, $(awk -v q="$queries" -v n="$domains" 'BEGIN {printf "%.1f", q / n}') queries/domain, exit $rc"
    echo "time to first NDJSON line: $(cat "$work/ttfl-$label" 2>/dev/null || echo n/a) s"
    echo "(checkdmarc: BENCH_10K_CHECKDMARC=1 measures it once, 3-4 minutes; then it is reused)"
    echo '```'
  } >> "$out"
}

micro() {
  echo "== bench micro: Benchmarks/Micro (release build)" >&2
  swift package --package-path "$here/Micro" benchmark --format markdown --path stdout --no-progress \
    > "$work/micro.raw" 2> "$work/micro.err" || { cat "$work/micro.raw" "$work/micro.err" >&2; exit 1; }
  # The plugin notes its Linux runtime-interposer workaround on stdout, in colour: not a figure.
  grep -v -e "runtime interposer" -e "skipping LD_PRELOAD" "$work/micro.raw" > "$work/micro.md" || true
  { echo; echo "## micro-benchmarks (Benchmarks/Micro)"; echo; cat "$work/micro.md"; } >> "$out"
}

for s in "${scenarios[@]}"; do
  case "$s" in
    a) compare a 1000 0 ;;
    b) compare b 1000 20 ;;
    c)
      if [ "$fresh" = 1 ] || [ "${BENCH_10K_CHECKDMARC:-0}" = 1 ] \
        || [ -s "/tmp/bench-corpus-10000-1/anchor-checkdmarc-rtt0-runs$runs.tsv" ]; then
        compare c 10000 0
      else
        mailzone_only c 10000
      fi ;;
    micro) micro ;;
  esac
done
echo "(work files in $work)" >> "$out"
cat "$out"
