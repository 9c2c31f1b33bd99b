#!/usr/bin/env python3
"""Measures Nolan on the national data set (bench/national.sh): p50/p95/p99 per case, the 20,000-versus-2,000
ratios, and the EXPLAIN ANALYZE plans (auto_explain) of what each case runs."""
import argparse
import datetime
import hashlib
import http.client
import os
import re
import statistics
import subprocess
import time
import urllib.parse
import uuid

PASSWORD = "nolan-demo"


def md5_uuid(text):
    return str(uuid.UUID(hashlib.md5(text.encode()).hexdigest()))


class Client:
    """One keep-alive connection, with a bearer token or a signed-in cookie."""

    def __init__(self, url, token=None):
        u = urllib.parse.urlparse(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        h = dict(self.headers)
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        h.update(headers or {})
        self.conn.request(method, path, body=body, headers=h)
        r = self.conn.getresponse()
        data = r.read()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return r.status, data

    def sign_in(self, email):
        status, page = self.request("GET", "/sign-in")
        token = re.search(rb'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page) \
            or re.search(rb'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page)
        form = urllib.parse.urlencode({"Email": email, "Password": PASSWORD,
                                       "__RequestVerificationToken": token.group(1).decode()})
        status, _ = self.request("POST", "/sign-in", form, {"Content-Type": "application/x-www-form-urlencoded"})
        if status not in (302, 303):
            raise SystemExit(f"national: could not sign in as {email}: {status}")
        return self


def measure(client, path, n, warmup=10):
    for _ in range(warmup):
        status, body = client.request("GET", path)
        if status != 200:
            raise SystemExit(f"national: {path} answered {status}: {body[:300]!r}")
    times = []
    size = 0
    for _ in range(n):
        t = time.perf_counter()
        status, body = client.request("GET", path)
        times.append((time.perf_counter() - t) * 1000)
        size = len(body)
        if status != 200:
            raise SystemExit(f"national: {path} answered {status}")
    times.sort()

    def pct(p):
        return times[min(len(times) - 1, int(round(p / 100 * len(times) + 0.5)) - 1)]

    return {"p50": statistics.median(times), "p95": pct(95), "p99": pct(99), "bytes": size}


def psql(sql):
    cmd = os.environ["NATIONAL_PSQL"].split() + ["-Atc", sql]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()


def main():
    a = argparse.ArgumentParser()
    for name in ("url", "requests", "scale", "pg-log", "generated", "figures", "sizes", "results", "plans"):
        a.add_argument("--" + name, required=True)
    args = a.parse_args()
    n = int(args.requests)
    url = args.url
    council = md5_uuid("council:1")
    today = datetime.date.today()
    q_start = datetime.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    prev_q = datetime.date(q_start.year - (1 if q_start.month == 1 else 0), (q_start.month - 4) % 12 + 1, 1)
    prev_q_end = q_start - datetime.timedelta(days=1)
    quarter = f"{prev_q.year}-Q{(prev_q.month - 1) // 3 + 1}"
    reference = psql(f"SELECT reference FROM enquiries WHERE council_id = '{council}' ORDER BY received_at DESC OFFSET 5000 LIMIT 1")

    officer = Client(url, "nolan_national-officer")
    hub = Client(url, "nolan_national-hub")
    m20 = Client(url, "nolan_national-member-20k")
    m2 = Client(url, "nolan_national-member-2k")
    mo = Client(url).sign_in("manager@national.bench")
    m20page = Client(url).sign_in("member-20k@national.bench")
    m2page = Client(url).sign_in("member-2k@national.bench")
    ninety = (today - datetime.timedelta(days=90)).isoformat()
    mine = "/api/v1/enquiries?scope=assigned-to-me"
    cases = [
        ("officer: open (default: overdue first)", officer, mine),
        ("officer: all stages, newest first", officer, mine + "&stage=all&sort=newest"),
        ("officer: overdue", officer, mine + "&due=overdue"),
        ("officer: very overdue", officer, mine + "&due=very-overdue"),
        ("officer: due this week", officer, mine + "&due=due-this-week"),
        ("officer: status closed", officer, mine + "&stage=all&status=closed"),
        ("officer: ward", officer, mine + "&stage=all&ward=" + md5_uuid("ward:1:3")),
        ("officer: service", officer, mine + "&stage=all&service=" + md5_uuid("service:1:5")),
        ("officer: received in the last 90 days", officer, mine + f"&stage=all&from={ninety}&to={today.isoformat()}"),
        ("officer: sorted by status", officer, mine + "&stage=all&sort=status"),
        ("Hub: council's enquiries, newest first", hub, "/api/v1/enquiries?scope=council"),
        ("Hub: search by reference", hub, "/api/v1/enquiries?scope=council&q=" + urllib.parse.quote(reference)),
        ("Hub: search by text", hub, "/api/v1/enquiries?scope=council&q=pothole"),
        ("Hub: CSV of the council's last quarter", hub,
         f"/api/v1/enquiries/export.csv?scope=council&from={prev_q.isoformat()}&to={prev_q_end.isoformat()}"),
        ("MO: council dashboard (page)", mo, f"/monitoring?view=council&council={council}"),
        ("MO: quarterly report (page)", mo, f"/monitoring/report?council={council}&quarter={quarter}"),
        ("MO: quarterly report CSV", mo, f"/monitoring/report.csv?council={council}&quarter={quarter}"),
        ("manager: team dashboard (page)", mo, "/monitoring?view=team"),
        ("member, 20,000 enquiries: my enquiries", m20, "/api/v1/enquiries?scope=mine"),
        ("member, 2,000 enquiries: my enquiries", m2, "/api/v1/enquiries?scope=mine"),
        ("member, 20,000 enquiries: my figures (page)", m20page, "/monitoring?view=mine"),
        ("member, 2,000 enquiries: my figures (page)", m2page, "/monitoring?view=mine"),
    ]

    results = []
    for name, client, path in cases:
        r = measure(client, path, n)
        results.append((name, path, r))
        print(f"  {name:<48} p50 {r['p50']:7.1f} ms  p95 {r['p95']:7.1f} ms  p99 {r['p99']:7.1f} ms  {r['bytes']:>9} bytes", flush=True)

    # The plans: auto_explain on for one request of each case, each preceded by a marker in the server log.
    psql("ALTER SYSTEM SET auto_explain.log_analyze = on")
    psql("ALTER SYSTEM SET auto_explain.log_buffers = on")
    psql("ALTER SYSTEM SET auto_explain.log_min_duration = 0")
    psql("SELECT pg_reload_conf()")
    time.sleep(1)
    for i, (name, client, path) in enumerate(cases):
        psql(f"DO $$ BEGIN RAISE LOG 'national-case {i}'; END $$")
        client.request("GET", path)
    psql(f"DO $$ BEGIN RAISE LOG 'national-case {len(cases)}'; END $$")
    psql("ALTER SYSTEM RESET auto_explain.log_min_duration")
    psql("SELECT pg_reload_conf()")
    with open(args.pg_log, encoding="utf-8", errors="replace") as f:
        log = f.read()
    plans = []
    for i, (name, _, path) in enumerate(cases):
        start = log.find(f"national-case {i}\n")
        end = log.find(f"national-case {i + 1}\n", start + 1)
        chunk = log[start:end] if start >= 0 and end > start else ""
        kept = []
        for m in re.finditer(r"LOG:  duration: ([0-9.]+) ms  plan:\n(.*?)(?=\n\S|\Z)", chunk, re.S):
            text = m.group(2)
            if re.search(r"\b(enquiries|monthly_figures)\b", text):
                kept.append(f"-- {m.group(1)} ms\n" + "\n".join(l[1:] if l.startswith("\t") else l for l in text.splitlines()))
        plans.append((name, path, kept))

    ratio_list = results[18][2]["p95"] / results[19][2]["p95"]
    ratio_dash = results[20][2]["p95"] / results[21][2]["p95"]
    worst = max(results, key=lambda r: r[2]["p95"])
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    councils, officers, enquiries, events, *size = args.sizes.split(" ")
    lines = [
        "<!-- bench/national.sh: generated results begin -->",
        f"### National scale: run of {stamp} (scale {args.scale})",
        "",
        f"Data set: {int(councils):,} councils, {int(officers):,} officers, {int(enquiries):,} enquiries, {int(events):,} audit events, "
        f"{' '.join(size)} (generated in {args.generated} s; monitoring figures built in {args.figures} s). "
        f"{n} sequential requests per case after 10 warm-up requests, one keep-alive connection, Nolan and PostgreSQL "
        "on the same 2-core machine.",
        "",
        "| case | p50 ms | p95 ms | p99 ms | response bytes |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, _, r in results:
        lines.append(f"| {name} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['bytes']:,} |")
    lines += [
        "",
        f"- Every page p95 < 100 ms: **{'met' if worst[2]['p95'] < 100 else 'missed'}** (slowest: {worst[0]}, p95 {worst[2]['p95']:.1f} ms).",
        f"- My enquiries at 20,000 over 2,000, p95: **{ratio_list:.2f}x** (target ≤ 1.5x: {'met' if ratio_list <= 1.5 else 'missed'}).",
        f"- My figures at 20,000 over 2,000, p95: **{ratio_dash:.2f}x** (target ≤ 1.5x: {'met' if ratio_dash <= 1.5 else 'missed'}).",
        "- The plans of each case: bench/NATIONAL_PLANS.md.",
        "<!-- bench/national.sh: generated results end -->",
    ]
    block = "\n".join(lines)
    with open(args.results, encoding="utf-8") as f:
        text = f.read()
    pattern = re.compile(r"<!-- bench/national.sh: generated results begin -->.*?<!-- bench/national.sh: generated results end -->", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n## National scale\n\n" + block + "\n"
    with open(args.results, "w", encoding="utf-8") as f:
        f.write(text)

    out = [f"# Plans at national scale ({stamp}, scale {args.scale})", "",
           "Written by bench/national.sh: `auto_explain` (ANALYZE, BUFFERS) of every statement touching `enquiries` or",
           "`monthly_figures` that one request of each case ran. Session and actor look-ups are left out.", ""]
    for name, path, kept in plans:
        out += [f"## {name}", "", f"`GET {path}`", ""]
        out += ["```", *(kept or ["(no statement on enquiries or monthly_figures)"]), "```", ""]
    with open(args.plans, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print("\n".join(lines[4:]))


if __name__ == "__main__":
    main()
