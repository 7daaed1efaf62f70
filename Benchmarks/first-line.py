#!/usr/bin/env python3
"""Copies stdin to OUT and writes, to TTFL, the seconds from START (a `date +%s.%N` stamp) to
the first line: time to first NDJSON line.   first-line.py START OUT TTFL"""
import sys
import time

start, out_path, ttfl_path = float(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(out_path, "wb") as out:
    first = True
    for line in sys.stdin.buffer:
        if first:
            with open(ttfl_path, "w") as ttfl:
                ttfl.write(f"{time.time() - start:.3f}\n")
            first = False
        out.write(line)
if first:
    with open(ttfl_path, "w") as ttfl:
        ttfl.write("n/a\n")
