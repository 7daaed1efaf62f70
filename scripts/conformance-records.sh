#!/usr/bin/env bash
# Runs the shared DMARC/DKIM record vectors against `mailzone parse`, once per DMARC profile.
# Usage: scripts/conformance-records.sh path/to/mailzone
# The vectors live in ../shared/conformance beside the checkout (or $MAILZONE_SHARED/conformance).
# Exits non-zero unless both runs pass 100% of the non-disputed vectors.
set -euo pipefail

binary="${1:?usage: $0 path/to/mailzone}"
[ -x "$binary" ] || { echo "conformance-records: $binary is not an executable" >&2; exit 2; }
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
shared="${MAILZONE_SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}"
runner="$shared/conformance/record_vectors.py"
[ -f "$runner" ] || { echo "conformance-records: $runner not found (set MAILZONE_SHARED)" >&2; exit 2; }

status=0
# The runner's profile picks the vectors; --dmarc-spec makes mailzone read DMARC the same way.
for run in "dmarcbis 9989" "rfc7489 7489"; do
  read -r profile spec <<<"$run"
  echo "== record vectors, dmarc profile $profile (mailzone parse --dmarc-spec $spec)"
  python3 "$runner" --dmarc-profile "$profile" --min 1.0 \
    --cmd "$binary parse {kind} --dmarc-spec $spec --format json -- {record}" || status=1
done
exit "$status"
