#!/usr/bin/env bash
# Reads `mailzone check --format sarif` of the broken fixture repository with Microsoft's
# sarif-tools (PyPI), the way a CI pipeline's SARIF consumers would: `sarif summary` and
# `sarif html` must exit 0 and write something.
# Usage: scripts/sarif-tools-check.sh path/to/mailzone
# sarif-tools is installed into .cache/sarif-venv (python3 -m venv; pip from PyPI) on first use.
# When it cannot be installed the check is skipped with a notice, unless CI=true, which makes
# that an error. Exits 0 passed (or skipped), 1 sarif-tools rejected the log, 2 cannot run.
set -euo pipefail

binary="${1:?usage: scripts/sarif-tools-check.sh path/to/mailzone}"
[ -x "$binary" ] || { echo "sarif-tools-check: $binary is not an executable (run swift build)" >&2; exit 2; }
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.cache/sarif-venv"

if [ ! -x "$venv/bin/sarif" ]; then
  echo "== installing sarif-tools into $venv"
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check sarif-tools; }; then
    rm -rf "$venv"
    if [ "${CI:-}" = "true" ]; then
      echo "sarif-tools-check: ERROR: could not install sarif-tools from PyPI (CI=true: not skipping)" >&2
      exit 2
    fi
    echo "sarif-tools-check: SKIPPED: could not install sarif-tools from PyPI (no network?)" >&2
    exit 0
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
(cd "$root/Tests/Fixtures/check/broken" && "$binary" check zones/*.zone --offline --format sarif) \
  > "$work/mailzone.sarif" || status=$?
[ "$status" -eq 1 ] || { echo "sarif-tools-check: mailzone check exited $status, expected 1" >&2; exit 1; }

echo "== sarif summary"
"$venv/bin/sarif" summary "$work/mailzone.sarif" | tee "$work/summary.txt"
[ -s "$work/summary.txt" ] || { echo "sarif-tools-check: sarif summary printed nothing" >&2; exit 1; }
grep -q "error" "$work/summary.txt" || { echo "sarif-tools-check: the summary lists no error" >&2; exit 1; }

echo "== sarif html"
"$venv/bin/sarif" html -o "$work/mailzone.html" "$work/mailzone.sarif"
[ -s "$work/mailzone.html" ] || { echo "sarif-tools-check: sarif html wrote nothing" >&2; exit 1; }
grep -q "zone.relative-name-suspect" "$work/mailzone.html" \
  || { echo "sarif-tools-check: the HTML report lacks the fixture's findings" >&2; exit 1; }
echo "sarif-tools-check: sarif summary and sarif html read the log"
