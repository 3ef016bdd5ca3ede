#!/usr/bin/env python3
"""`notices extract --format csv|ics` and `-o FILE` as a user runs them. The CSV is read
back with Python's csv module and the iCalendar with a small RFC 5545 parser (below),
and every field is checked against the JSON Lines of the same run.
Usage: extract_output_test.py NOTICES_BINARY SOURCE_DIR"""
import csv
import glob
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

BINARY = sys.argv[1]
SOURCE = sys.argv[2]
SAMPLES = sorted(glob.glob(os.path.join(SOURCE, "samples", "*.txt")) +
                 glob.glob(os.path.join(SOURCE, "samples", "*.pdf")))


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, timeout=120)


def extract(*args):
    r = run("extract", "--quiet", *args)
    assert r.returncode in (0, 1), r.stderr
    return r.stdout


def names(agencies):
    return "; ".join(a["name"] for a in agencies)


def unfold(data):
    """RFC 5545 3.1: content lines end in CRLF; a CRLF followed by one space or tab is a
    fold. Checks every physical line (75 octets at most, whole UTF-8 sequences) and
    returns the unfolded logical lines."""
    assert data.endswith(b"\r\n"), "the last line ends in CRLF"
    physical = data[:-2].split(b"\r\n")
    lines = []
    for p in physical:
        assert b"\n" not in p and b"\r" not in p, p
        assert len(p) <= 75, (len(p), p)
        p.decode("utf-8")  # a fold never splits a UTF-8 sequence
        if p[:1] in (b" ", b"\t"):
            assert lines, "a continuation line follows a content line"
            lines[-1] += p[1:]
        else:
            lines.append(p)
    return [l.decode("utf-8") for l in lines]


def unescape(text):
    """RFC 5545 3.3.11 TEXT: \\\\ \\; \\, \\n or \\N."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            out.append("\n" if n in "nN" else n)
            assert n in "\\;,nN", f"bad escape \\{n}"
            i += 2
            continue
        assert c not in ";,", f"unescaped {c!r} in a TEXT value"
        out.append(c)
        i += 1
    return "".join(out)


def parse_ics(data):
    """The VTODOs of a VCALENDAR, each a dict name -> (params, value)."""
    lines = unfold(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR", (lines[0], lines[-1])
    props = {l.split(":", 1)[0] for l in lines[1:] if not l.startswith(("BEGIN:", "END:"))}
    assert {"VERSION", "PRODID"} <= props, props
    todos, cur = [], None
    for l in lines[1:-1]:
        if l == "BEGIN:VTODO":
            assert cur is None
            cur = {}
        elif l == "END:VTODO":
            todos.append(cur)
            cur = None
        elif cur is not None:
            head, value = l.split(":", 1)
            name, *params = head.split(";")
            assert name not in cur, f"{name} twice in a VTODO"
            cur[name] = (params, value)
    assert cur is None, "unterminated VTODO"
    return todos


class ExtractOutputTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.records = [json.loads(l) for l in extract(*SAMPLES).splitlines()]
        cls.tasks = [(r, t) for r in cls.records for t in r.get("tasks", [])]
        assert len(cls.tasks) > 50 and any(len(t["lead"]) > 1 for _, t in cls.tasks)
        cls.csv = extract("--format", "csv", "-j", "2", *SAMPLES)
        cls.ics = extract("--format", "ics", "-j", "2", *SAMPLES)

    def test_csv_rows_equal_the_json_tasks(self):
        out = self.csv
        self.assertFalse(out.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"), newline="")))
        self.assertEqual(len(rows), len(self.tasks))
        for row, (rec, t) in zip(rows, self.tasks):
            d = t.get("deadline") or {}
            self.assertEqual(row["task_id"], t["id"])
            self.assertEqual(row["lead"], names(t["lead"]))
            self.assertEqual(row["coordinate"], names(t["coordinate"]))
            self.assertEqual(row["report_to"], names(t["report_to"]))
            self.assertEqual(row["task"], t["text"])
            self.assertEqual(row["deadline"], d.get("text") or "")
            self.assertEqual(row["due"], d.get("due") or "")
            self.assertEqual(row["source_path"], rec["source"]["path"])
            self.assertEqual((int(row["span_start"]), int(row["span_end"])), tuple(t["span"]))

    def test_excel_csv_has_a_bom_and_the_chosen_separator(self):
        out = extract("--format", "csv", "--excel", "--separator", ";", *SAMPLES)
        self.assertTrue(out.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"), newline=""), delimiter=";"))
        self.assertEqual(rows[0][:3], ["task_id", "lead", "coordinate"])
        self.assertEqual(len(rows) - 1, len(self.tasks))
        self.assertTrue(all(len(r) == len(rows[0]) for r in rows))
        for row in rows[1:]:
            for cell in row:
                self.assertFalse(cell[:1] in ("=", "+", "-", "@"), cell)  # made inert with '
        self.assertIn("Sở Khoa học và Công nghệ", out.decode("utf-8-sig"))

    def test_one_lead_per_row(self):
        out = extract("--format", "csv", "--one-lead-per-row", *SAMPLES)
        rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"), newline="")))
        want = []
        for _, t in self.tasks:
            leads = [a["name"] for a in t["lead"]] or [""]
            want += [(t["id"], i + 1 if t["lead"] else 0, len(t["lead"]), name) for i, name in enumerate(leads)]
        got = [(r["task_id"], int(r["lead_index"]), int(r["lead_count"]), r["lead"]) for r in rows]
        self.assertEqual(got, want)

    def test_ics_has_one_todo_per_task_with_a_due_day(self):
        out = self.ics
        todos = parse_ics(out)
        due = [(r, t) for r, t in self.tasks if (t.get("deadline") or {}).get("due")]
        self.assertGreater(len(due), 10)
        self.assertEqual(len(todos), len(due))
        for todo, (rec, t) in zip(todos, due):
            self.assertEqual(todo["UID"][1], t["id"] + "@notices.invalid")
            self.assertEqual(todo["DUE"], (["VALUE=DATE"], t["deadline"]["due"].replace("-", "")))
            self.assertRegex(todo["DTSTAMP"][1], r"^\d{8}T\d{6}Z$")
            self.assertEqual(todo["STATUS"][1], "NEEDS-ACTION")
            description = unescape(todo["DESCRIPTION"][1])
            self.assertTrue(description.startswith(t["text"]), description[:80])
            self.assertIn(rec["source"]["path"], description)
            summary = unescape(todo["SUMMARY"][1])
            if t["lead"]:
                self.assertTrue(summary.startswith(", ".join(a["name"] for a in t["lead"]) + ": "), summary)

    def test_ics_is_read_by_python_icalendar(self):
        try:
            import icalendar  # Debian's python3-icalendar
        except ImportError:
            self.skipTest("python3-icalendar is not installed")
        todos = icalendar.Calendar.from_ical(self.ics).walk("VTODO")
        mine = parse_ics(self.ics)
        self.assertEqual([str(t["UID"]) for t in todos], [t["UID"][1] for t in mine])
        self.assertEqual([str(t["SUMMARY"]) for t in todos], [unescape(t["SUMMARY"][1]) for t in mine])
        self.assertEqual([t["DUE"].dt.strftime("%Y%m%d") for t in todos], [t["DUE"][1] for t in mine])

    def test_csv_and_ics_are_identical_whatever_the_job_count(self):
        self.assertEqual(extract("--format", "csv", "-j", "1", *SAMPLES), self.csv)
        self.assertEqual(extract("--format", "ics", "-j", "1", *SAMPLES), self.ics)

    def test_output_file_is_renamed_into_place_and_never_an_input(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "tasks.ics")
            with open(out, "wb") as f:
                f.write(b"previous")
            r = run("extract", "-q", "--format", "ics", "-o", out, *SAMPLES)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, b"")
            with open(out, "rb") as f:
                self.assertEqual(f.read(), self.ics)
            self.assertEqual(os.listdir(d), ["tasks.ics"], "no temporary left behind")

            notice = os.path.join(d, "notice.txt")
            with open(SAMPLES[0], "rb") as f:
                original = f.read()
            with open(notice, "wb") as f:
                f.write(original)
            link = os.path.join(d, "link.txt")
            os.symlink(notice, link)
            for args in (["-o", notice, notice], ["-o", link, notice], ["-o", notice, d]):
                r = run("extract", "-q", *args)
                self.assertEqual(r.returncode, 2, (args, r.stderr))
                self.assertIn(b"refusing to overwrite", r.stderr)
                with open(notice, "rb") as f:
                    self.assertEqual(f.read(), original, args)
            listing = os.path.join(d, "list.txt")
            with open(listing, "w") as f:
                f.write(notice + "\n")
            r = run("extract", "-q", "--from-list", listing, "-o", listing)
            self.assertEqual(r.returncode, 2, r.stderr)

            r = run("extract", "-q", "--format", "csv", "-o", out, "--excel", "--format", "ics", notice)
            self.assertEqual(r.returncode, 2, "--excel without csv is a usage error")
            with open(out, "rb") as f:
                self.assertTrue(f.read().startswith(b"BEGIN:VCALENDAR"), "a failed run keeps the old file")
            self.assertEqual(sorted(os.listdir(d)), ["link.txt", "list.txt", "notice.txt", "tasks.ics"])

    def test_failed_inputs_are_named_on_stderr_for_csv(self):
        r = run("extract", "--format", "csv", "/nonexistent/a.txt", SAMPLES[0])
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"/nonexistent/a.txt", r.stderr)
        self.assertTrue(r.stdout.startswith(b"task_id,"))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
