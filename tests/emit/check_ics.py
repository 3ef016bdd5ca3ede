#!/usr/bin/env python3
"""Parses the iCalendar files written by write_samples with python3-icalendar and checks
VTODO count, DUE, UID, escaping, folding and determinism against expected.json.
Usage: check_ics.py WRITE_SAMPLES_BINARY"""
import json
import re
import subprocess
import sys
import tempfile

import icalendar

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def rfc5545_unescape(value):
    """TEXT unescaping as RFC 5545 3.3.11 defines it, in one pass. python3-icalendar 4.0.3
    replaces "\\n" before "\\\\", so it reads an escaped backslash followed by "n" as a
    newline; texts with backslashes are checked with this instead."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def raw_properties(raw):
    """Unfolded content lines of every VTODO, as {UID: {NAME: raw value}}."""
    text = raw.decode("utf-8").replace("\r\n ", "")
    todos, current = {}, None
    for line in text.split("\r\n"):
        if line == "BEGIN:VTODO":
            current = {}
        elif line == "END:VTODO":
            todos[current["UID"]] = current
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name.split(";")[0]] = value
    return todos


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([binary, d], check=True)
        with open(f"{d}/expected.json", encoding="utf-8") as f:
            expected = json.load(f)
        with open(f"{d}/tasks.ics", "rb") as f:
            raw = f.read()
        with open(f"{d}/tasks-again.ics", "rb") as f:
            check(f.read() == raw, "two runs differ: output is not deterministic")

        # Physical lines: CRLF, at most 75 octets, each valid UTF-8 on its own.
        check(raw.endswith(b"\r\n"), "does not end in CRLF")
        lines = raw.split(b"\r\n")[:-1]
        for line in lines:
            check(b"\n" not in line and b"\r" not in line, f"bare line break in {line!r}")
            check(len(line) <= 75, f"line of {len(line)} octets: {line!r}")
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                failures.append(f"fold split a UTF-8 sequence: {line!r}")
        check(any(l.startswith(b" ") for l in lines), "nothing was folded")

        cal = icalendar.Calendar.from_ical(raw)
        todos = [c for c in cal.walk("VTODO")]
        with_due = [t for t in expected if t["due"]]
        check(len(todos) == len(with_due), f"{len(todos)} VTODOs, want {len(with_due)}")
        by_uid = {str(t["UID"]): t for t in todos}
        raw_by_uid = raw_properties(raw)
        for t in with_due:
            uid = t["task_id"] + "@notices.invalid"
            todo = by_uid.get(uid)
            check(todo is not None, f"no VTODO with UID {uid}")
            if todo is None:
                continue
            check(todo["DUE"].dt.isoformat() == t["due"], f"{uid}: DUE {todo['DUE'].dt} != {t['due']}")
            desc = str(todo["DESCRIPTION"])
            if "\\" in t["task"]:
                desc = rfc5545_unescape(raw_by_uid[uid]["DESCRIPTION"])
            # Escaping: the full text comes back verbatim (commas, semicolons, quotes,
            # backslashes, newlines), and so do the deadline phrase and the source path.
            check(desc.startswith(t["task"] + "\n"), f"{uid}: DESCRIPTION does not start with the task text")
            check(t["deadline"] in desc, f"{uid}: deadline phrase missing")
            check(t["source_path"] in desc, f"{uid}: source path missing")
            summary = str(todo["SUMMARY"])
            if t["lead"]:
                check(summary.startswith(", ".join(t["lead"]) + ": "), f"{uid}: SUMMARY {summary!r}")
                # Split on unescaped commas, then unescape (icalendar 4.0.3 leaves "\\;" in).
                cats = raw_by_uid[uid].get("CATEGORIES", "")
                names = [rfc5545_unescape(c) for c in re.split(r"(?<!\\),", cats)] if cats else []
                check(names == t["lead"], f"{uid}: CATEGORIES {names} != {t['lead']}")
            rrule = todo.get("RRULE")
            if t["recurrence"] == "monthly":
                check(rrule is not None and rrule.get("FREQ") == ["MONTHLY"], f"{uid}: RRULE {rrule}")
                check(todo["DTSTART"].dt.isoformat() == t["due"], f"{uid}: DTSTART")
            else:
                check(rrule is None, f"{uid}: unexpected RRULE")
        hostile = [t for t in with_due if "DROP TABLE" in t["task"]]
        check(len(hostile) == 1, "hostile task missing from expected")
        for t in hostile:
            desc = rfc5545_unescape(raw_by_uid[t["task_id"] + "@notices.invalid"]["DESCRIPTION"])
            check(desc.split("\n\n")[0] == t["task"], "hostile text not verbatim")
            check("\n" in t["task"] and ";" in t["task"] and "," in t["task"] and "\\" in t["task"],
                  "hostile text lost its hard characters")

    if failures:
        print("\n".join(failures))
        print(f"check_ics: {len(failures)} failures")
        return 1
    print("check_ics: all VTODOs match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
