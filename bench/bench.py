#!/usr/bin/env python3
"""Helpers of bench/run.sh: free ports, CPU snapshots, wrk output parsing and the RESULTS.md report.

Standard library only (Debian's python3). Subcommands:
  freeport                         print a free TCP port on 127.0.0.1
  cpu --pg PID --app PID [--app PID]...
                                   print a JSON snapshot of CPU ticks: the PostgreSQL postmaster and its children,
                                   and each app process (utime + stime, from /proc)
  record --runs FILE --name N --round R --wrk OUT --load L --before JSON --after JSON [--pgss FILE]
                                   parse one wrk run and append it to the runs file (JSON lines)
  warmstep --wrk OUT --before JSON --after JSON
                                   print requests/s and app CPU ms per request of one warm-up run
  report --runs FILE --meta FILE --results FILE
                                   print the table and write the generated part of RESULTS.md
"""
import argparse
import json
import os
import re
import socket
import statistics
import sys

TICKS = os.sysconf("SC_CLK_TCK")

# Endpoint name -> (label, what it is compared with, target ratio or None). The order is the table's order.
ENDPOINTS = {
    "constant": ("Baseline: constant JSON (GET /constant)", None, None),
    "select": ("Baseline: one SELECT, 25 rows (GET /select)", "constant", None),
    "select-page": ("Baseline: the same page as my enquiries in raw SQL (GET /select-page)", "constant", None),
    "list": ("Nolan: list my enquiries (GET /api/v1/enquiries?scope=mine)", "select-page", 0.5),
    "list-live": ("Nolan: list my enquiries, open ones (GET ...?scope=mine&stage=live)", "select-page", None),
    "insert": ("Baseline: one INSERT (POST /insert)", "constant", None),
    "insert-tx": ("Baseline: the rows of one logged enquiry in one transaction (POST /insert-tx)", "constant", None),
    "log": ("Nolan: log an enquiry (POST /api/v1/enquiries)", "insert-tx", 0.5),
    "log-idem": ("Nolan: log an enquiry with Idempotency-Key", "insert", None),
}

BEGIN = "<!-- bench/run.sh: generated results begin -->"
END = "<!-- bench/run.sh: generated results end -->"


def freeport(_args):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
    s.close()


def _ticks(pid, reaped=False):
    """utime + stime of a process (and, with reaped, of its children that have exited: cutime + cstime)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # fields[0] is the state (field 3 of proc(5)); utime, stime, cutime, cstime are fields 14-17.
        return int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if reaped else 0)
    except (OSError, IndexError, ValueError):
        return 0


def _children(ppid):
    kids = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", encoding="ascii") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == ppid:
                    kids.append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    return kids


def cpu(args):
    snap = {"pg": 0, "app": {}}
    if args.pg:
        snap["pg"] = _ticks(args.pg, reaped=True) + sum(_ticks(p) for p in _children(args.pg))
    for pid in args.app or []:
        snap["app"][str(pid)] = _ticks(pid)
    print(json.dumps(snap))


def _ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(text):
    r = {}
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if not m:
        raise ValueError("no 'Requests/sec' in the wrk output")
    r["rps"] = float(m.group(1))
    for pct in ("50", "75", "90", "99"):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        r[f"p{pct}"] = _ms(*m.groups()) if m else None
    m = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", text)
    r["requests"] = int(m.group(1)) if m else 0
    r["seconds"] = _ms(m.group(2), m.group(3)) / 1000 if m else 0
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    r["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    r["socket_errors"] = sum(int(x) for x in m.groups()) if m else 0
    return r


def _pgss(path, requests):
    """Statements per request and DB time per request from a pg_stat_statements dump (calls, ms, rows, query)."""
    if not path or not os.path.exists(path) or requests <= 0:
        return None
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t", 3)
            if len(parts) == 4 and parts[0].isdigit():
                rows.append((int(parts[0]), float(parts[1]), int(parts[2]), parts[3]))
    ignore = re.compile(r"^(DISCARD ALL|SELECT pg_stat_statements_reset|select pg_stat_statements_reset)", re.I)
    work = [r for r in rows if not ignore.match(r[3])]
    top = sorted(work, key=lambda r: r[1], reverse=True)[:8]
    return {
        "statements_per_request": sum(r[0] for r in work) / requests,
        "discard_all_per_request": sum(r[0] for r in rows if r[3].upper().startswith("DISCARD ALL")) / requests,
        "db_ms_per_request": sum(r[1] for r in work) / requests,
        "top": [{"calls_per_request": r[0] / requests, "ms_per_request": r[1] / requests, "query": r[3][:300]} for r in top],
    }


def record(args):
    with open(args.wrk, encoding="utf-8") as f:
        text = f.read()
    r = parse_wrk(text)
    before, after = json.loads(args.before), json.loads(args.after)
    n = max(r["requests"], 1)
    r["pg_cpu_ms"] = (after["pg"] - before["pg"]) * 1000 / TICKS / n
    r["app_cpu_ms"] = sum(after["app"][p] - before["app"].get(p, 0) for p in after["app"]) * 1000 / TICKS / n
    r["pgss"] = _pgss(args.pgss, r["requests"])
    r.update(name=args.name, round=args.round, load=args.load, warmup=args.warmup)
    with open(args.runs, "a", encoding="utf-8") as f:
        f.write(json.dumps(r) + "\n")
    p99 = f"{r['p99']:.2f} ms" if r["p99"] is not None else "?"
    print(f"    {r['rps']:,.0f} req/s, p99 {p99}, {r['requests']:,} requests, non-2xx {r['non2xx']}, "
          f"socket errors {r['socket_errors']}")
    if r["non2xx"] or r["socket_errors"]:
        print(f"bench: {args.name}: {r['non2xx']} non-2xx responses and {r['socket_errors']} socket errors", file=sys.stderr)


def warmstep(args):
    """One warm-up step: print requests/s and app CPU ms per request."""
    with open(args.wrk, encoding="utf-8") as f:
        r = parse_wrk(f.read())
    before, after = json.loads(args.before), json.loads(args.after)
    n = max(r["requests"], 1)
    app = sum(after["app"][p] - before["app"].get(p, 0) for p in after["app"]) * 1000 / TICKS / n
    print(f"{r['rps']:.1f} {app:.4f}")


def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _fmt(v, spec, unit=""):
    return "n/a" if v is None else format(v, spec) + unit


def report(args):
    with open(args.runs, encoding="utf-8") as f:
        runs = [json.loads(line) for line in f if line.strip()]
    with open(args.meta, encoding="utf-8") as f:
        meta = json.load(f)
    by = {}
    for r in runs:
        by.setdefault(r["name"], []).append(r)
    rounds = sorted({r["round"] for r in runs})

    def ratio(name):
        base = ENDPOINTS[name][1]
        if not base or base not in by:
            return None
        per_round = []
        for rd in rounds:
            a = [r for r in by[name] if r["round"] == rd]
            b = [r for r in by[base] if r["round"] == rd]
            if a and b and b[0]["rps"] > 0:
                per_round.append(a[0]["rps"] / b[0]["rps"])
        return _median(per_round)

    rows, verdicts, failed = [], [], False
    for name, (label, base, target) in ENDPOINTS.items():
        if name not in by:
            continue
        rs = by[name]
        rt = ratio(name)
        pg = [r["pgss"] for r in rs if r.get("pgss")]
        verdict = ""
        if target is not None:
            ok = rt is not None and rt >= target
            failed |= not ok
            verdict = ("PASS" if ok else "FAIL") + f" (>= {target:.0%})"
            verdicts.append(f"- {label}: {_fmt(rt, '.1%')} of {ENDPOINTS[base][0].split(' (')[0]} -> **{'PASS' if ok else 'FAIL'}** (target >= {target:.0%})")
        rows.append([
            label,
            _fmt(_median([r["rps"] for r in rs]), ",.0f"),
            _fmt(_median([r["p50"] for r in rs]), ".2f", " ms"),
            _fmt(_median([r["p99"] for r in rs]), ".2f", " ms"),
            (_fmt(rt, ".1%") + f" of {base}") if base else "-",
            verdict or "-",
            _fmt(_median([p["statements_per_request"] for p in pg]), ".1f") if pg else "n/a",
            _fmt(_median([p["db_ms_per_request"] for p in pg]), ".3f") if pg else "n/a",
            _fmt(_median([r["app_cpu_ms"] for r in rs]), ".3f"),
            _fmt(_median([r["pg_cpu_ms"] for r in rs]), ".3f"),
            str(sum(r["non2xx"] + r["socket_errors"] for r in rs)),
        ])

    head = ["endpoint", "req/s", "p50", "p99", "ratio", "target", "SQL stmts/req", "DB exec ms/req",
            "app CPU ms/req", "PG CPU ms/req", "errors"]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    print()
    print("  ".join(h.ljust(w) for h, w in zip(head, widths)))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))
    print()
    for v in verdicts:
        print(v.replace("**", ""))

    md = [BEGIN, "", f"## Latest run: {meta['date']}", ""]
    md += [f"- Machine: {meta['machine']}", f"- Load: {meta['load_start']} (uptime before the first run)",
           f"- wrk: `{meta['wrk']}`, warm-up {meta['warmup']} per endpoint before each measured run, "
           f"{len(rounds)} round(s); figures are medians over rounds, ratios are per round (same run) then median",
           f"- PostgreSQL: {meta['postgres']}",
           f"- Data set: {meta['dataset']}", ""]
    md += ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    md += ["| " + " | ".join(r) + " |" for r in rows]
    md += ["", "### Targets", ""] + verdicts
    md += ["", "### Load (uptime) before each measured run, and its warm-up (steps: req/s, app CPU per request)", ""]
    for r in runs:
        md.append(f"- round {r['round']}, {r['name']}: {r['load']}; warm-up {r.get('warmup') or 'n/a'}")
    md += ["", "### Where the database time goes (pg_stat_statements, per request, top statements by time)", ""]
    for name in ENDPOINTS:
        pg = [r["pgss"] for r in by.get(name, []) if r.get("pgss")]
        if not pg:
            continue
        p = pg[-1]
        md.append(f"**{name}**: {p['statements_per_request']:.1f} statements/request "
                  f"(+ {p['discard_all_per_request']:.1f} DISCARD ALL), {p['db_ms_per_request']:.3f} ms executing")
        md.append("")
        md.append("| calls/req | exec ms/req | statement |")
        md.append("|---|---|---|")
        for t in p["top"]:
            q = t["query"].replace("|", "\\|")
            md.append(f"| {t['calls_per_request']:.2f} | {t['ms_per_request']:.3f} | `{q}` |")
        md.append("")
    md += [END]
    block = "\n".join(md) + "\n"

    if os.path.exists(args.results):
        with open(args.results, encoding="utf-8") as f:
            old = f.read()
        if BEGIN in old and END in old:
            new = old[: old.index(BEGIN)] + block.rstrip("\n") + old[old.index(END) + len(END):]
        else:
            new = old.rstrip("\n") + "\n\n" + block
    else:
        new = ("# Load benchmark results\n\nWritten by `bench/run.sh` (see bench/README.md); the generated part below is "
               "replaced on every run, the rest of this file is kept.\n\n" + block)
    with open(args.results, "w", encoding="utf-8") as f:
        f.write(new)
    print(f"\nwrote {args.results}")
    return 1 if failed else 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("freeport")
    c = sub.add_parser("cpu")
    c.add_argument("--pg", type=int)
    c.add_argument("--app", type=int, action="append")
    r = sub.add_parser("record")
    for a in ("runs", "name", "wrk", "load", "before", "after"):
        r.add_argument("--" + a, required=True)
    r.add_argument("--round", type=int, required=True)
    r.add_argument("--pgss")
    r.add_argument("--warmup", default="")
    w = sub.add_parser("warmstep")
    for a in ("wrk", "before", "after"):
        w.add_argument("--" + a, required=True)
    rp = sub.add_parser("report")
    for a in ("runs", "meta", "results"):
        rp.add_argument("--" + a, required=True)
    args = p.parse_args()
    return {"freeport": freeport, "cpu": cpu, "record": record, "warmstep": warmstep, "report": report}[args.cmd](args) or 0


if __name__ == "__main__":
    sys.exit(main())
