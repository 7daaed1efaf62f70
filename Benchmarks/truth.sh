#!/usr/bin/env bash
# Audits the bench corpus (../shared/bench) served by NSD on loopback and scores the NDJSON
# against its truth.json.   Benchmarks/truth.sh path/to/mailzone [--domains N] [--port P]
set -euo pipefail
binary="${1:?usage: $0 path/to/mailzone [--domains N] [--port P]}"; shift
domains=1000; port=5391
while [ $# -gt 0 ]; do
  case "$1" in
    --domains) domains="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "truth.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done
here="$(cd "$(dirname "$0")" && pwd)"
bench="${MAILZONE_SHARED:-$here/../../shared}/bench"
[ -f "$bench/corpus.py" ] || { echo "truth.sh: $bench/corpus.py not found (set MAILZONE_SHARED)" >&2; exit 2; }
corpus="/tmp/mailzone-truth-corpus-$domains"
[ -f "$corpus/truth.json" ] || python3 "$bench/corpus.py" --domains "$domains" --seed 1 --out "$corpus" >/dev/null
"$bench/serve.sh" start --corpus "$corpus" --port "$port" >/dev/null
trap '"$bench/serve.sh" stop --port "$port" >/dev/null 2>&1 || true' EXIT
out="$(mktemp /tmp/mailzone-truth.XXXXXX.ndjson)"
start=$(date +%s.%N)
status=0
"$binary" audit --nameserver "127.0.0.1:$port" --domains-file "$corpus/domains.txt" --format ndjson \
  --fail-on never > "$out" || status=$?
end=$(date +%s.%N)
echo "audited $domains domains in $(echo "$end - $start" | bc) s (exit $status), output $out"
python3 "$here/score_truth.py" "$corpus/truth.json" "$out" -v
