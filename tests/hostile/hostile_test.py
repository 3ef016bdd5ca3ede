#!/usr/bin/env python3
"""The hostile-input corpus through the `notices` binary.

    hostile_test.py NOTICES SOURCE_DIR WORK_DIR [--big] [--table FILE]

Builds the corpus (make_corpus.py) in WORK_DIR, then (with --ocr never: these are the
text-layer outcomes; scans through OCR are tested in tests/ingest/ocr_*):
  - runs the whole corpus as ONE batch: one record per input, in input order, each with
    its expected outcome, exit code 1 (some inputs fail, the batch goes on);
  - checks every limit (--max-bytes, --max-pages, --timeout, --rules with a hostile or a
    broken rule file);
  - with --big: the multi-megabyte inputs, each run alone with its wall time and peak
    memory (os.wait4) checked against a ceiling; --table writes the Markdown table
    (input, outcome, time, peak memory) of every input run alone.
"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# input -> (expected error code, or "ok"; a warning kind the record must carry, or None;
#           the least number of tasks when ok)
EXPECTED = {
    "empty.txt": ("empty_input", None, 0),
    "one-byte.txt": ("ok", None, 0),
    "whitespace.txt": ("empty_input", None, 0),
    "bom-only.txt": ("empty_input", None, 0),
    "garbage.bin.txt": ("bad_encoding", None, 0),
    "garbage.pdf": ("not_pdf", None, 0),
    "broken-xref.pdf": ("ok", None, 10),
    "truncated.pdf": ("pdf_corrupt", None, 0),
    "header-only.pdf": ("pdf_corrupt", None, 0),
    "encrypted.pdf": ("pdf_encrypted", None, 0),
    "image-only.pdf": ("pdf_no_text", None, 0),
    "blank-pages-20.pdf": ("pdf_no_text", None, 0),
    "pages-ascii.pdf": ("ok", None, 1),
    "nested-numbering.txt": ("ok", None, 300),
    "mixed-encodings.txt": ("ok", "invalid_bytes", 2),
    "seed-x1000.txt": ("ok", None, 1000),
    "mixed-encodings-utf16.txt": ("bad_encoding", None, 0),
    "nul-some.txt": ("ok", "nul_bytes", 10),
    "nul-all.txt": ("bad_encoding", None, 0),
    "nul-utf16-like.txt": ("ok", None, 1),
    "all-footnotes.txt": ("ok", None, 0),
    "all-footnotes-superscript.txt": ("ok", "footnote_unreferenced", 0),
    "long-line-1mb.txt": ("ok", "paragraph_not_split", 1),
    "pathological-regex-text.txt": ("ok", None, 0),
    "control-chars.txt": ("bad_encoding", None, 0),
    "deep-brackets.txt": ("ok", None, 0),
    "combining-marks.txt": ("ok", None, 0),
    "utf16-odd.txt": ("ok", "invalid_bytes", 0),
    "name with spaces ; and 'quotes'.txt": ("ok", None, 1),
}
BIG = {
    "bullets-100k.txt": ("ok", None, 100_000),
    "blank-pages-2000.pdf": ("pdf_no_text", None, 0),
    "blank-pages-2001.pdf": ("pdf_too_many_pages", None, 0),
    "line-10mb.txt": ("ok", "paragraph_not_split", 1),
    "text-60mb.txt": ("ok", None, 4000),
}
# Ceilings for one input run alone (the machine may be loaded: generous on time).
MAX_SECONDS = 120
MAX_RSS_MB = 1500


# The first record of a JSON Lines file, with its tasks replaced by empty stand-ins.
SUMMARY = """
import json, sys
with open(sys.argv[1], "rb") as f:
    line = f.readline()
if line:
    r = json.loads(line)
    r["tasks"] = [0] * len(r.get("tasks", []))
    print(json.dumps(r))
"""


def outcome(record):
    return record["error"]["code"] if "error" in record else "ok"


def check(name, record, expected):
    code, warning, min_tasks = expected
    problems = []
    if record["source"]["path"] != name:
        problems.append(f"record for {record['source']['path']}, expected {name}")
    if outcome(record) != code:
        problems.append(f"{name}: {outcome(record)} ({record.get('error', {}).get('message')}), expected {code}")
    if code == "ok":
        if len(record["tasks"]) < min_tasks:
            problems.append(f"{name}: {len(record['tasks'])} tasks, expected at least {min_tasks}")
        kinds = [w.split(":")[0] for w in record["warnings"]]
        if warning and warning not in kinds:
            problems.append(f"{name}: no warning {warning} in {kinds[:5]}")
    else:
        if not record["error"]["message"].startswith(name + ":"):
            problems.append(f"{name}: the message does not name the file: {record['error']['message']}")
    return problems


def run_alone(binary, work, name, *flags):
    """Runs one input alone; returns (record, exit code, seconds, peak RSS in MB)."""
    start = time.monotonic()
    with open(os.path.join(work, "out.jsonl"), "wb") as out:
        p = subprocess.Popen([binary, "extract", "--ocr", "never", "-q", "-j", "1", *flags, name], cwd=work,
                             stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
    seconds = time.monotonic() - start
    # Read in a child process: a 130 MB record would grow this one, and a child's peak
    # RSS counts its parent's at fork time.
    summary = subprocess.run([sys.executable, "-c", SUMMARY, os.path.join(work, "out.jsonl")],
                             capture_output=True, check=True).stdout
    record = json.loads(summary) if summary.strip() else None
    return record, os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024


def main():
    binary, source, work = (os.path.abspath(a) for a in sys.argv[1:4])
    big = "--big" in sys.argv[4:]
    table = sys.argv[sys.argv.index("--table") + 1] if "--table" in sys.argv else None
    subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), work, source] +
                   (["--big"] if big else []), check=True)
    problems = []

    corpus = dict(EXPECTED)
    if big:
        corpus.update(BIG)
    names = sorted(corpus)

    # Every input alone: time and peak memory, for the ceilings and the table. First,
    # while this process is small: a child's peak RSS counts the parent's at fork time.
    if big:
        rows = []
        for name in names:
            record, code, seconds, rss = run_alone(binary, work, name)
            got = outcome(record) if record else "no record"
            detail = f"{len(record['tasks'])} tasks" if record and got == "ok" else ""
            rows.append((name, os.path.getsize(os.path.join(work, name)), got, detail, seconds, rss))
            if seconds > MAX_SECONDS or rss > MAX_RSS_MB:
                problems.append(f"{name}: {seconds:.1f} s, {rss:.0f} MB over the ceiling")
        if table:
            with open(table, "w") as f:
                f.write("| input | bytes | outcome | time (s) | peak RSS (MB) |\n|---|---:|---|---:|---:|\n")
                for name, size, got, detail, seconds, rss in rows:
                    f.write(f"| {name} | {size} | {got} {detail} | {seconds:.2f} | {rss:.0f} |\n")

    # The whole corpus as one batch, in a fixed order, on 2 workers.
    r = subprocess.run([binary, "extract", "--ocr", "never", "-q", "-j", "2", *names], cwd=work, capture_output=True,
                       timeout=1800)
    records = [json.loads(line) for line in r.stdout.splitlines()]
    if r.returncode != 1:
        problems.append(f"batch exit code {r.returncode}, expected 1; stderr: {r.stderr[-500:]!r}")
    if len(records) != len(names):
        problems.append(f"batch gave {len(records)} records for {len(names)} inputs")
    for name, record in zip(names, records):
        problems += check(name, record, corpus[name])
    del records, r

    # Limits, each with the record it must give.
    limits = [
        ("--max-bytes", "pages-ascii.pdf", ["--max-bytes", "100"], "too_large"),
        ("--max-bytes (text)", "nul-some.txt", ["--max-bytes", "13993"], "too_large"),
        ("--max-bytes (at the limit)", "nul-some.txt", ["--max-bytes", "13994"], "ok"),
        ("--max-pages", "blank-pages-20.pdf", ["--max-pages", "19"], "pdf_too_many_pages"),
        ("--timeout", "seed-x1000.txt", ["--timeout", "0.2"], "timeout"),
        ("--timeout 0 (no limit)", "seed-x1000.txt", ["--timeout", "0"], "ok"),
        ("catastrophic-looking rule", "pathological-regex-text.txt",
         ["--rules", "rules-catastrophic"], "ok"),
    ]
    for label, name, flags, want in limits:
        record, code, seconds, _ = run_alone(binary, work, name, *flags)
        got = outcome(record) if record else "no record"
        if got != want:
            problems.append(f"{label}: {name} gave {got}, expected {want}")
        if code != (0 if want == "ok" else 1):
            problems.append(f"{label}: exit code {code}")
    # A rule file that does not compile is a usage error that names the file and rule.
    r = subprocess.run([binary, "extract", "--ocr", "never", "-q", "--rules", "rules-broken", "one-byte.txt"],
                       cwd=work, capture_output=True, timeout=120)
    if r.returncode != 2 or b"zz-broken.toml" not in r.stderr or r.stdout:
        problems.append(f"broken rule file: exit {r.returncode}, stderr {r.stderr[:300]!r}")
    # The budget holds in a batch too: the 2nd input times out, the others go on. The
    # budget is set from this machine and build (a sanitized build is 3-8x slower): twice
    # the CPU of a whole process that reads nul-some.txt alone, start-up included. That
    # bounds what the document costs in the batch, where it may be a thread's first and
    # build RE2's lazy caches; seed-x1000.txt costs 6x more than the budget in release.
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen([binary, "extract", "--ocr", "never", "-q", "nul-some.txt"], cwd=work,
                             stdout=null, stderr=null)
        _, _, usage = os.wait4(p.pid, 0)
    budget = max(0.2, 2 * (usage.ru_utime + usage.ru_stime))
    r = subprocess.run([binary, "extract", "--ocr", "never", "-q", "-j", "2", "--timeout", f"{budget:.2f}",
                        "one-byte.txt", "seed-x1000.txt", "nul-some.txt"], cwd=work, capture_output=True,
                       timeout=300)
    got = [outcome(json.loads(line)) for line in r.stdout.splitlines()]
    if got != ["ok", "timeout", "ok"] or r.returncode != 1:
        problems.append(f"timeout in a batch (budget {budget:.2f} s): {got}, exit {r.returncode}")

    for p in problems:
        print("FAIL:", p)
    print(f"hostile: {len(names)} inputs, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
