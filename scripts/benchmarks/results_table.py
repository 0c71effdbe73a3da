#!/usr/bin/env python3
"""Turns a scripts/bench log into the Markdown results section of BENCHMARKS.md.

The log holds `RESULT name key=value ...` lines from the bench-* scripts, `DIFF ...` lines from
the email comparison, `TIME script seconds` lines and the `MACHINE` and `RUN` lines scripts/bench
adds. Prints the section; with --update FILE, replaces the part of FILE between the
`<!-- bench-results:start -->` and `<!-- bench-results:end -->` markers (or inserts it after the
first heading when the markers are missing).

Usage: results_table.py LOG            results_table.py --update BENCHMARKS.md LOG
"""
import re
import sys

START, END = "<!-- bench-results:start -->", "<!-- bench-results:end -->"


def fields(line):
    return dict(part.split("=", 1) for part in line.split()[2:] if "=" in part)


def parse(path):
    results, diffs, times, info = [], [], {}, {}
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            line = line.rstrip("\n")
            if line.startswith("RESULT "):
                results.append((line.split()[1], fields(line)))
            elif line.startswith("DIFF "):
                diffs.append(line[5:])
            elif line.startswith("TIME "):
                _, script, seconds = line.split()
                times[script] = times.get(script, 0) + int(seconds)
            elif line.startswith(("MACHINE ", "RUN ")):
                info.update(dict(p.split("=", 1) for p in line.split()[1:] if "=" in p))
    return results, diffs, times, info


def num(value, digits=0):
    try:
        return f"{float(value):,.{digits}f}"
    except (TypeError, ValueError):
        return str(value)


def spread(r, key, digits=0):
    return f"{num(r[key], digits)} ({num(r[key + '_min'], digits)}–{num(r[key + '_max'], digits)})"


def feed_option(r):
    """The `--feed` option that reproduces a digest or render result (none for the default feed)."""
    feed = r.get("feed", "10,12").replace(",", " ")
    return "" if feed == "10 12" else f' --feed "{feed}"'


def verdict(ok):
    return "**met**" if ok else "not met"


def digest_rows(results):
    rows, memory = [], []
    for name, r in results:
        if name != "digest":
            continue
        n = int(r["n"])
        memory.append((n, float(r["rss_mb"]), r))
        if r["source"] == "nan":
            rows.append(
                f"| digest send, {n:,} subscribers (as above; memory run) | `scripts/bench-digest --repeat {r['runs']} "
                f"--no-reference {n}` | {spread(r, 'herald')} msg/s | smtp-source not run at this size | — |")
            continue
        option = feed_option(r)
        ratio = float(r["ratio"])
        bare = float(r["ratio_curl"]) if r.get("ratio_curl", "nan") != "nan" else None
        reference = (f"bare libcurl (Herald's options, 4 reused connections, same bytes): {spread(r, 'curl')} msg/s; "
                     if bare is not None else "")
        verdicts = (f"{bare:.2f} of bare libcurl (#21 target ≥ 0.90: {verdict(bare >= 0.9)}); " if bare is not None else "")
        if r.get("durable", "nan") != "nan":
            reference += (f"the same client keeping Herald's durable per-recipient state (SQLite, grouped commits): "
                          f"{spread(r, 'durable')} msg/s, {float(r['durable_of_curl']):.2f} of bare libcurl; ")
            verdicts += f"{float(r['ratio_durable']):.2f} of the durable-state client; "
        rows.append(
            f"| digest send, {n:,} confirmed subscribers, personalised, 4 SMTP connections to `smtp-sink`, "
            f"durable per-recipient state (SQLite); {num(r['bytes'])}-byte messages; {r['runs']} run(s), "
            f"load {r.get('load', '?')} | `scripts/bench-digest --repeat {r['runs']}{option} {n}` "
            f"| {spread(r, 'herald')} msg/s "
            f"| {reference}`smtp-source -d -s 4`, same size, same sink: {spread(r, 'source')} msg/s "
            f"| {verdicts}{ratio:.2f} of smtp-source |")
    if memory:
        cells = "; ".join(f"{rss:.1f} MB at {n:,} (min {num(r['rss_min'], 1)}, max {num(r['rss_max'], 1)}"
                          f"{resident_parts(r)})" for n, rss, r in memory)
        worst = max(rss for _, rss, _ in memory)
        flat = max(rss for _, rss, _ in memory) - min(rss for _, rss, _ in memory) <= 10
        rows.append(f"| digest send peak RSS (GNU time `%M`; the parts: the largest read from `/proc` every 0.2 s) "
                    f"| same runs | {cells} | — "
                    f"| #21 target ≤ 40 MB and flat: {verdict(worst <= 40 and flat)} |")
    return rows


def resident_parts(r):
    """The largest anonymous and file-backed parts bench-digest saw (runs before stop 45 have none)."""
    if r.get("anon_max_mb", "nan") == "nan":
        return ""
    return f"; anonymous up to {num(r['anon_max_mb'], 1)}, file-backed up to {num(r['file_max_mb'], 1)}"


def signup_rows(results):
    rows = []
    for name, r in results:
        if name != "signup":
            continue
        wrk = r["wrk"].replace("/", " ")
        ratio = float(r["ratio"])
        rows.append(
            f"| signups: wrk `{wrk}`, unique addresses posted as a form to `POST /subscribe`, SQLite, each 303 "
            f"only after its transaction committed (confirmation queued in it) | `scripts/bench-signup --repeat {r['runs']}` "
            f"| {spread(r, 'signup')} req/s, p99 {num(r['signup_p99_ms'], 1)} ms (worst run {num(r['signup_p99_max'], 1)} ms) "
            f"| same server's `GET /healthz`: {spread(r, 'healthz')} req/s, p99 {num(r['healthz_p99_ms'], 1)} ms "
            f"| {ratio:.3f} (#21 target ≥ 0.30: {verdict(ratio >= 0.3)}) |")
        p99 = float(r["confirm_p99_ms"])
        rows.append(
            f"| signup → confirmation accepted by the SMTP server, under the load above (request handed to the "
            f"socket by wrk → message complete at `smtp-sink`) | same runs | p50 {num(r['confirm_p50_ms'], 1)} ms, "
            f"p99 {spread(r, 'confirm_p99_ms', 1)} ms | — | target p99 < 250 ms: {verdict(p99 < 250)} |")
        for key, share in (("paced", "half"), ("slow", "tenth")):
            if f"{key}_p99_ms" in r:
                rows.append(
                    f"| signup → confirmation at a steady {share} of that rate (wrk `delay()`, "
                    f"`scripts/benchmarks/signup_paced.lua`) | same runs | {num(r[f'{key}_rps'])} req/s: "
                    f"p50 {num(r[f'{key}_p50_ms'], 1)} ms, p99 {spread(r, f'{key}_p99_ms', 1)} ms | — "
                    f"| target p99 < 250 ms: {verdict(float(r[f'{key}_p99_ms']) < 250)} |")
    for name, r in results:
        if name != "signup_postgres":
            continue
        wrk = r["wrk"].replace("/", " ")
        ratio = float(r["ratio"])
        rows.append(
            f"| signups on PostgreSQL, two `herald serve` processes on one database, one wrk each (`{wrk}`), "
            f"each 303 only after its transaction committed | `scripts/bench-signup-postgres --repeat {r['runs']}` "
            f"| {spread(r, 'signup')} req/s together, worse p99 {num(r['signup_p99_ms'], 1)} ms "
            f"(worst run {num(r['signup_p99_max'], 1)} ms) | the same two servers' `GET /healthz`: "
            f"{spread(r, 'healthz')} req/s | {ratio:.3f} (reported; #21 asks for the figure, not a target) |")
    return rows


def email_rows(results):
    rows = []
    for name, r in results:
        if name == "email":
            ratio = float(r["ratio_inproc"])
            rows.append(
                f"| email validation, {int(r['n']):,} generated addresses (≈80 % valid), one core, in process "
                f"(inputs read first, no output) | `scripts/bench-email --repeat {r['runs']}` "
                f"(`herald check-email --measure -`) | {spread(r, 'herald_inproc')} addresses/s "
                f"| Python `email-validator` {r['python_email_validator']}, deliverability off, `validate_email()` "
                f"calls only: {spread(r, 'python_inproc')} addresses/s | {ratio:.1f}× (#21 target ≥ 100×: {verdict(ratio >= 100)}) |")
            rows.append(
                f"| email validation, whole process incl. reading and writing | same run: "
                f"`herald check-email - < in > out` / `--json` | text {spread(r, 'herald_text')}/s; "
                f"JSON {spread(r, 'herald_json')}/s | the Python script writing JSON lines: {spread(r, 'python_cli')}/s "
                f"| JSON: {float(r['ratio_json']):.1f}× |")
        elif name == "email_agreement":
            rows.append(
                f"| verdicts on the same {int(r['total']):,} inputs | same run | agree on {num(r['agree'])} "
                f"({r['agree_pct']} %): {num(r['both_valid'])} valid, {num(r['both_invalid'])} invalid; "
                f"valid only for Herald {num(r['herald_only'])}, only for Python {num(r['python_only'])}; "
                f"both valid, normalised differently {num(r['normalized_differ'])} | | see the differences below |")
    return rows


def other_rows(results):
    rows = []
    for name, r in results:
        if name == "render":
            option = feed_option(r)
            rows.append(
                f"| rendering one personalised digest (manage token, greeting and links, HTML + text + MIME, "
                f"{num(r['bytes'])} bytes) | `scripts/bench-render --repeat {r['runs']} --count {r['count']}{option}` "
                f"| {num(r['us_per_message'], 1)} ({num(r['us_min'], 1)}–{num(r['us_max'], 1)}) µs per message | — "
                f"| reported |")
        elif name == "import" and "rows_per_s" in r:
            rate = float(r["rows_per_s"])
            flat = abs(float(r["peak_rss_mb"]) - float(r["tenth_peak_rss_mb"])) <= 10
            small = float(r["peak_rss_mb"]) < 64
            rows.append(
                f"| CSV import of {int(r['rows']):,} generated rows into SQLite (`herald subscribers import`, "
                f"batches of {num(r['batch'])}), whole command | `scripts/bench-import --repeat {r['runs']}` "
                f"| {spread(r, 'rows_per_s')} rows/s; peak RSS {num(r['peak_rss_mb'])} MB "
                f"({num(r['tenth_peak_rss_mb'])} MB at {int(r['tenth_rows']):,} rows) | — "
                f"| #21 target ≥ 200,000 rows/s: {verdict(rate >= 200_000)}; under 64 MB and flat: {verdict(small and flat)} |")
        elif name == "import_postgres" and "rows_per_s" in r:
            rows.append(
                f"| CSV import of {int(r['rows']):,} generated rows into PostgreSQL (COPY into a staging table, "
                f"batches of {num(r['batch'])}; server with fsync off), whole command "
                f"| `scripts/bench-import-postgres --repeat {r['runs']}` "
                f"| {spread(r, 'rows_per_s')} rows/s; herald's CPU {spread(r, 'cpu_s', 1)} s, peak RSS "
                f"{num(r['peak_rss_mb'])} MB | — | #21: reported |")
        elif name == "import":
            text = ", ".join(f"{k} {v}" for k, v in r.items())
            rows.append(f"| CSV import | `scripts/bench-import` | {text} | — | #21 target ≥ 200,000 rows/s, under 64 MB and flat |")
    return rows


def redirect_rows(results):
    rows = []
    for name, r in results:
        if name != "redirect":
            continue
        wrk = r["wrk"].replace("/", " ")
        p99 = float(r["link_p99_ms"])
        rows.append(
            f"| tracked link `GET /l/{{id}}` (aggregate: signed id checked, 302 to the article, click handed to the "
            f"in-memory recorder flushed to SQLite every second): wrk `{wrk}` "
            f"| `scripts/bench-redirect --repeat {r['runs']}` | {spread(r, 'link_rps')} req/s, p50 "
            f"{num(r['link_p50_ms'], 2)} ms, p99 {spread(r, 'link_p99_ms', 2)} ms "
            f"| same server's `GET /healthz`: {spread(r, 'healthz_rps')} req/s, p99 {spread(r, 'healthz_p99_ms', 2)} ms "
            f"| target p99 < 5 ms: {verdict(p99 < 5)} |")
        rows.append(
            f"| open pixel `GET /o/{{id}}` (1x1 GIF, load counted the same way), same wrk settings | same runs "
            f"| {num(r['pixel_rps'])} req/s, p99 {spread(r, 'pixel_p99_ms', 2)} ms | as above "
            f"| counted afterwards: {num(r['clicks'])} clicks, {num(r['filtered'])} filtered, {num(r['opens'])} opens |")
    return rows


def console_rows(results):
    """One row per database: every console page's p95 (median across runs), the worst against 100 ms."""
    by_backend = {}
    for name, r in results:
        if name == "console":
            by_backend.setdefault(r["backend"], []).append(r)
    rows = []
    for backend, pages in by_backend.items():
        first = pages[0]
        cells = "; ".join(
            f"{r['page']} {num(r['p95_ms'], 1)}" + (f" ({num(r['p95_ms_min'], 1)}–{num(r['p95_ms_max'], 1)})"
                                                   if r["runs"] != "1" else "") for r in pages)
        worst = max(pages, key=lambda r: float(r["p95_ms"]))
        name = {"sqlite": "SQLite", "postgres": "PostgreSQL"}.get(backend, backend)
        rows.append(
            f"| operator console, {name}, {int(first['subscribers']):,} subscribers and {int(first['events']):,} "
            f"consent events: each page requested {first['count']} times after warm-up, one at a time, signed in "
            f"| `scripts/bench-console --repeat {first['runs']}` | p95 ms per page: {cells} | — "
            f"| worst p95 {num(worst['p95_ms'], 1)} ms ({worst['page']}), target < 100 ms: "
            f"{verdict(float(worst['p95_ms']) < 100)} |")
    return rows


def build_label(info):
    """The build the figures come from, as the measured binary reported it (`herald --version`)."""
    build = info.get("build", "unknown")
    if build == "release":
        return "release build"
    if build == "debug":
        return "**debug build** (a smoke run: its figures say nothing about production speed)"
    return "build configuration unknown (the binary did not say)"


def section(path):
    results, diffs, times, info = parse(path)
    cpu = info.get("cpu", "?").replace("_", " ")
    lines = [
        START,
        f"Run of `scripts/bench` started {info.get('started', '?').replace('_', ' ')}: {info.get('cores', '?')} cores "
        f"({cpu}), {info.get('memory_gib', '?')} GiB, Linux {info.get('kernel', '?')}, Swift {info.get('swift', '?')} "
        f"{build_label(info)}. Load average before/after: {info.get('load_before', '?')} / {info.get('load_after', '?')}; "
        f"Swift compiler processes of other work running before/after: {info.get('builds_before', '?')} / "
        f"{info.get('builds_after', '?')} (non-zero means the machine was shared and figures are noisy; the "
        f"ratios to the same-run references are the comparable numbers). Medians with (min–max).",
        "",
        "| what | command | Herald | reference (same run) | ratio / target |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += digest_rows(results) + signup_rows(results) + email_rows(results) + other_rows(results)
    lines += redirect_rows(results) + console_rows(results)
    if diffs:
        lines += ["", "Largest groups of verdict differences (Herald's code vs Python's message, one example each):", ""]
        lines += [f"- {d}" for d in diffs]
    if times:
        lines += ["", "Wall-clock time per script: " + ", ".join(f"{k} {v} s" for k, v in times.items()) + "."]
    lines.append(END)
    return "\n".join(lines) + "\n"


def update(markdown_path, log_path):
    new = section(log_path)
    with open(markdown_path, encoding="utf-8") as f:
        text = f.read()
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1].lstrip("\n")
        text = before + new + "\n" + after
    else:
        match = re.search(r"^# .*\n", text, re.MULTILINE)
        at = match.end() if match else 0
        text = text[:at] + "\n" + new + "\n" + text[at:]
    with open(markdown_path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    if sys.argv[1] == "--update":
        update(sys.argv[2], sys.argv[3])
    else:
        sys.stdout.write(section(sys.argv[1]))
