#!/usr/bin/env bash
# Downloads the pyspf 2.0.14 sdist, which carries the openspf SPF test suites (rfc7208-tests.yml,
# rfc4408-tests.yml), into a cache folder and checks its sha256. The suites are BSD-licensed
# third-party files: they are downloaded, never committed.
# Usage: scripts/fetch-spf-suite.sh [DIR]     (DIR defaults to .cache/pyspf beside this script)
# A file already there with the right digest is kept, so this is cheap to call every time.
set -euo pipefail

version=2.0.14
sha256=57a7ef01bda090173aafb6af0106251686ed73f03db4e911fcd34c57fc347186
dest="${1:-$(cd "$(dirname "$0")/.." && pwd)/.cache/pyspf}"
file="$dest/pyspf-$version.tar.gz"

digest() {
  if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

if [ -f "$file" ] && [ "$(digest "$file")" = "$sha256" ]; then
  exit 0
fi

# pip as the interpreter on PATH has it, else a standalone pip.
pip=()
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -m pip --version >/dev/null 2>&1; then
    pip=("$candidate" -m pip)
    break
  fi
done
if [ ${#pip[@]} -eq 0 ]; then
  for candidate in pip3 pip; do
    if command -v "$candidate" >/dev/null; then pip=("$candidate"); break; fi
  done
fi
[ ${#pip[@]} -gt 0 ] || { echo "fetch-spf-suite: pip is needed to download pyspf==$version from PyPI" >&2; exit 2; }

mkdir -p "$dest"
tmp="$(mktemp -d "$dest/.download.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
echo "fetch-spf-suite: downloading pyspf==$version (sdist) into $dest"
for attempt in 1 2 3; do
  if "${pip[@]}" download --no-deps --no-binary :all: --disable-pip-version-check -q -d "$tmp" "pyspf==$version"; then
    break
  fi
  [ "$attempt" -lt 3 ] || { echo "fetch-spf-suite: pip download failed 3 times" >&2; exit 1; }
  sleep $((attempt * 5))
done
got="$tmp/pyspf-$version.tar.gz"
[ -f "$got" ] || { echo "fetch-spf-suite: pip did not produce pyspf-$version.tar.gz" >&2; exit 1; }
actual="$(digest "$got")"
if [ "$actual" != "$sha256" ]; then
  echo "fetch-spf-suite: pyspf-$version.tar.gz has sha256 $actual, expected $sha256; not kept" >&2
  exit 1
fi
mv -f "$got" "$file"
echo "fetch-spf-suite: $file (sha256 $sha256)"
