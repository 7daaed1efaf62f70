#!/usr/bin/env python3
"""Score mailzone's audit NDJSON (or JSON) against the bench corpus's truth.json, fact by fact.

  score_truth.py TRUTH.json AUDIT.ndjson [-v]

Facts (issue 5's list): SPF lookups, void lookups (static and IP-dependent) and validity; DMARC
existence, p, sp, effective policy and external authorization; null MX, implicit MX and MX hosts
(host, preference, cname, exists, addresses, ptr_ok); every DKIM key at a common selector (bits,
type, revoked, testing, via_cname). Prints one line per fact, `N passed, M failed` last, and exits
0 only when every fact agrees.
"""

import json
import sys


def load(path):
    text = open(path).read().strip()
    if not text:
        return {}
    if text[0] == "[" or (text[0] == "{" and "\n{" not in text):
        data = json.loads(text)
        rows = data if isinstance(data, list) else [data]
    else:
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {row["domain"]: row for row in rows}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    if len(args) != 2:
        sys.exit(__doc__)
    truth = json.load(open(args[0]))["domains"]
    results = load(args[1])
    verbose = "-v" in sys.argv
    agree, total, examples = {}, {}, {}

    def tally(fact, ok, example):
        total[fact] = total.get(fact, 0) + 1
        agree[fact] = agree.get(fact, 0) + bool(ok)
        if not ok:
            examples.setdefault(fact, []).append(example)

    for domain, t in truth.items():
        r = results.get(domain)
        tally("domain present", r is not None, domain)
        if r is None:
            continue
        score_spf(domain, r["spf"], t["spf"], tally)
        score_dmarc(domain, r["dmarc"], t["dmarc"], tally)
        score_mx(domain, r["mx"], t["mx"], tally)
        score_dkim(domain, r["dkim"], t["dkim"], tally)

    for fact in total:
        print(f"{fact}: {agree[fact]}/{total[fact]}")
        if verbose and fact in examples:
            for example in examples[fact][:8]:
                print(f"    {example}")
    passed = sum(agree.values())
    failed = sum(total.values()) - passed
    print(f"truth agreement: {passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 else 1)


def score_spf(domain, spf, t, tally):
    tally("spf exists", bool(spf["exists"]) == bool(t["exists"]), (domain, spf["exists"], t["exists"]))
    tally("spf valid", spf["valid"] == t.get("valid"), (domain, spf["valid"], t.get("valid"), t.get("errors")))
    if t.get("lookups") is not None:
        tally("spf lookups", spf["lookups"] == t["lookups"], (domain, spf["lookups"], t["lookups"]))
        tally("spf void lookups", spf["void_lookups"] == t["void_lookups"],
              (domain, spf["void_lookups"], t["void_lookups"]))
        tally("spf ip-dependent void lookups",
              spf["void_lookups_ip_dependent"] == t["void_lookups_ip_dependent"],
              (domain, spf["void_lookups_ip_dependent"], t["void_lookups_ip_dependent"]))


def score_dmarc(domain, dmarc, t, tally):
    tally("dmarc exists", bool(dmarc["exists"]) == bool(t["exists"]), (domain, dmarc["exists"], t["exists"]))
    if not t["exists"]:
        return
    for key in ("p", "effective_p"):
        if key in t:
            tally(f"dmarc {key}", dmarc.get(key) == t[key], (domain, dmarc.get(key), t[key]))
    # truth.json gives sp as written (null when absent); mailzone's contract gives the policy
    # applied to subdomains, which is p when sp is absent (RFC 7489 §6.3 "sp": "If absent, the
    # policy specified by the "p" tag MUST be applied for subdomains").
    if t.get("valid"):
        expected = t.get("sp") or t.get("p") or t.get("effective_p")
        tally("dmarc sp (applied)", dmarc.get("sp") == expected, (domain, dmarc.get("sp"), expected))
    ours = sorted((e["uri"], e["domain"], bool(e["authorized"])) for e in dmarc.get("external") or [])
    theirs = sorted((e["uri"], e["domain"], bool(e["authorized"])) for e in t.get("external") or [])
    tally("dmarc external authorization", ours == theirs, (domain, ours, theirs))


def score_mx(domain, mx, t, tally):
    tally("mx null", mx["null_mx"] == t["null_mx"], (domain, mx["null_mx"], t["null_mx"]))
    tally("mx implicit", mx["implicit"] == t["implicit"], (domain, mx["implicit"], t["implicit"]))

    def hosts(rows):
        return sorted(
            (h["host"].lower().rstrip("."), h["preference"], bool(h["cname"]), bool(h["exists"]),
             tuple(sorted(h["addresses"])), h["ptr_ok"])
            for h in rows)

    tally("mx hosts", hosts(mx["hosts"]) == hosts(t["hosts"]), (domain, hosts(mx["hosts"]), hosts(t["hosts"])))


def score_dkim(domain, dkim, t, tally):
    ours = {k["selector"]: k for k in dkim}
    for key in t:
        if not key.get("common"):
            continue
        mine = ours.get(key["selector"])
        tally("dkim key found", mine is not None, (domain, key["selector"]))
        if mine is None:
            continue
        same = (mine["key_bits"] == key["bits"] and mine["key_type"] == key["key_type"]
                and bool(mine["revoked"]) == bool(key["revoked"]) and bool(mine["testing"]) == bool(key["testing"])
                and bool(mine["via_cname"]) == bool(key["via_cname"]))
        tally("dkim key facts", same, (domain, key["selector"], {k: mine.get(k) for k in
              ("key_bits", "key_type", "revoked", "testing", "via_cname")}, key))


if __name__ == "__main__":
    main()
