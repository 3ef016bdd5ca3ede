#!/usr/bin/env python3
"""Parses the CSV files written by write_samples with Python's csv module and checks
them field by field against expected.json. Usage: check_csv.py WRITE_SAMPLES_BINARY"""
import csv
import io
import json
import subprocess
import sys
import tempfile

BOM = b"\xef\xbb\xbf"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def joined(values):
    return "; ".join(values)


def expected_row(t):
    row = dict(t)
    row["leads"] = t["lead"]
    for role in ("lead", "coordinate", "requested", "report_to", "warnings"):
        row[role] = joined(t[role])
    row["before"] = "true" if t["before"] else "false"
    row["product"] = ""
    return row


def excel_cell(value):
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def read(path, encoding, delimiter):
    with open(path, "rb") as f:
        raw = f.read()
    check(raw.endswith(b"\r\n"), f"{path}: does not end in CRLF")
    text = raw.decode(encoding)
    # Every record ends in CRLF: outside quotes, no bare LF.
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    return raw, rows


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([binary, d], check=True)
        with open(f"{d}/expected.json", encoding="utf-8") as f:
            expected = [expected_row(t) for t in json.load(f)]

        raw, rows = read(f"{d}/tasks.csv", "utf-8", ",")
        check(not raw.startswith(BOM), "tasks.csv: unexpected BOM")
        check(len(rows) == len(expected), f"tasks.csv: {len(rows)} rows, want {len(expected)}")
        for got, want in zip(rows, expected):
            for key, value in want.items():
                if key == "leads":
                    continue
                check(got.get(key) == value, f"tasks.csv {want['task_id']} {key}: {got.get(key)!r} != {value!r}")

        raw, rows = read(f"{d}/tasks-excel.csv", "utf-8", ";")
        check(raw.startswith(BOM), "tasks-excel.csv: no BOM")
        rows = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=";"))
        check(len(rows) == len(expected), f"tasks-excel.csv: {len(rows)} rows")
        for got, want in zip(rows, expected):
            for key, value in want.items():
                if key == "leads":
                    continue
                check(got.get(key) == excel_cell(value),
                      f"tasks-excel.csv {want['task_id']} {key}: {got.get(key)!r} != {excel_cell(value)!r}")

        raw, rows = read(f"{d}/tasks-one-lead.csv", "utf-8", ",")
        want_rows = []
        for t in expected:
            leads = t["leads"]
            if not leads:
                want_rows.append((t["task_id"], "0", "0", ""))
            for i, name in enumerate(leads):
                want_rows.append((t["task_id"], str(i + 1), str(len(leads)), name))
        got_rows = [(r["task_id"], r["lead_index"], r["lead_count"], r["lead"]) for r in rows]
        check(got_rows == want_rows, f"tasks-one-lead.csv: {got_rows} != {want_rows}")
        three = [r for r in rows if r["lead_count"] == "3"]
        check(len(three) == 3 and len({r["task_id"] for r in three}) == 1,
              "tasks-one-lead.csv: the 3-lead task is not 3 rows of one task")
        for r in three:
            check(r["task"] == three[0]["task"] and r["due"] == three[0]["due"],
                  "tasks-one-lead.csv: split rows differ outside lead")

        raw, rows = read(f"{d}/errors.csv", "utf-8", ",")
        check(len(rows) == 1 and rows[0]["code"] == "pdf_encrypted" and rows[0]["source_path"] == "scans/khoa.pdf",
              f"errors.csv: {rows}")

    if failures:
        print("\n".join(failures))
        print(f"check_csv: {len(failures)} failures")
        return 1
    print("check_csv: all fields match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
