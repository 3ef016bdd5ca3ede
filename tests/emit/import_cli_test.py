#!/usr/bin/env python3
"""`notices import` as a user runs it: a database from the samples, idempotent re-import,
shards from `notices extract` merged into one database (compared with the single run's
database by a canonical dump of every table), a reader querying while an import runs, an
import killed mid-way and run again, usage errors. Exits 77 (skipped) while the binary
has no `import` subcommand.
Usage: import_cli_test.py NOTICES_BINARY SOURCE_DIR"""
import glob
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

BINARY = sys.argv[1]
SOURCE = sys.argv[2]
SAMPLES = os.path.join(SOURCE, "samples")
# Text and PDF, in a fixed order (a text and a PDF of one notice are two versions of it).
MIXED = sorted(glob.glob(os.path.join(SAMPLES, "*.txt")) + glob.glob(os.path.join(SAMPLES, "*.pdf")))


def run(*args, stdin=None):
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True, timeout=120)


def rows(db, sql):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        return c.execute(sql).fetchall()


# Every table, with the store's integer ids replaced by the natural keys they stand for
# (document sha256, task id, agency name), so that two databases holding the same notices
# compare equal however their rows were numbered. Runs differ by nature (times, pids,
# one run per shard): only their summed counts are compared.
DUMP = {
    "documents": """SELECT d.sha256, d.path, d.format, d.encoding, d.pages, d.bytes, d.type, d.number,
                          d.issuer, d.place, d.date, d.subject, d.meeting_date, d.meeting_chair,
                          d.signer_name, d.signer_title, d.recipients, d.warnings, d.text, d.series,
                          (SELECT s.sha256 FROM documents s WHERE s.id = d.supersedes)
                   FROM documents d ORDER BY d.sha256""",
    "tasks": """SELECT t.task_id, d.sha256, t.ordinal, t.section, t.text, t.span_start, t.span_end,
                      t.page, t.product, t.also_at, t.warnings
               FROM tasks t JOIN documents d ON d.id = t.document_id ORDER BY t.task_id""",
    "agencies": "SELECT name, collective, known FROM agencies ORDER BY name",
    "task_agencies": """SELECT t.task_id, ta.role, ta.position, a.name, ta.text, ta.span_start, ta.span_end
                       FROM task_agencies ta JOIN tasks t ON t.id = ta.task JOIN agencies a ON a.id = ta.agency
                       ORDER BY 1, 2, 3""",
    "deadlines": """SELECT t.task_id, dl.text, dl.due, dl.before, dl.kind, dl.recurrence, dl.span_start, dl.span_end
                   FROM deadlines dl JOIN tasks t ON t.id = dl.task ORDER BY 1""",
    "doc_references": """SELECT d.sha256, r.position, r.kind, r.number, r.date, r.span_start, r.span_end
                        FROM doc_references r JOIN documents d ON d.id = r.document ORDER BY 1, 2""",
    "errors": "SELECT path, sha256, code, message, detail FROM errors ORDER BY 1, 2, 3",
    "runs": """SELECT sum(records), sum(documents_added), sum(documents_new_versions),
                      sum(documents_unchanged), sum(errors), min(status), max(status) FROM runs""",
    "schema_version": "SELECT version FROM schema_version ORDER BY version",
    "task_fts": """SELECT t.task_id FROM task_fts JOIN tasks t ON t.id = task_fts.rowid
                  WHERE task_fts MATCH 'bao cao' ORDER BY t.task_id""",
}


def dump(db):
    names = {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                    "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'task_fts_%'")}
    assert names == set(DUMP), f"tables changed: {sorted(names ^ set(DUMP))}; update DUMP"
    return {name: rows(db, sql) for name, sql in DUMP.items()}


def distinct_notices(folder, count):
    """`count` notices with distinct bytes (a sample plus a numbered closing line)."""
    with open(os.path.join(SAMPLES, "seed-001.txt"), "rb") as f:
        base = f.read()
    paths = []
    for i in range(count):
        path = os.path.join(folder, f"n{i:04d}.txt")
        with open(path, "wb") as f:
            f.write(base + f"\nBản số {i}.\n".encode())
        paths.append(path)
    return paths


class ImportCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "notices.db")

    def tearDown(self):
        self.dir.cleanup()

    def test_import_samples_then_again(self):
        # A folder with a subfolder, as offices keep them; samples/ itself also holds
        # scans, whose OCR would make this test minutes long.
        folder = os.path.join(self.dir.name, "inbox")
        os.makedirs(os.path.join(folder, "pdf"))
        for path in MIXED:
            sub = "pdf" if path.endswith(".pdf") else ""
            shutil.copy(path, os.path.join(folder, sub))
        r = run("import", "--db", self.db, "--jobs", "2", folder)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertIn(b"documents added", r.stderr)
        docs = rows(self.db, "SELECT count(*) FROM documents")[0][0]
        tasks = rows(self.db, "SELECT count(*) FROM tasks")[0][0]
        self.assertGreater(docs, 5)
        self.assertGreater(tasks, docs)
        self.assertEqual(rows(self.db, "SELECT status FROM runs"), [("completed",)])
        self.assertEqual(docs, len(MIXED))
        again = run("import", "--db", self.db, folder)
        self.assertEqual(again.returncode, r.returncode, again.stderr)
        self.assertIn(b" 0 documents added", again.stderr)
        self.assertEqual(rows(self.db, "SELECT count(*) FROM tasks")[0][0], tasks)
        self.assertEqual(rows(self.db, "SELECT count(*) FROM runs WHERE status = 'completed'")[0][0], 2)

    def test_shards_from_extract_merge_into_one_database(self):
        names = MIXED + ["/nonexistent/notice.txt"]  # an error record too
        half = len(names) // 2
        shards = []
        for i, part in enumerate((names[:half], names[half:])):
            out = run("extract", "--with-text", "-j", "2", *part)
            self.assertIn(out.returncode, (0, 1), out.stderr)
            path = os.path.join(self.dir.name, f"part-{i}.jsonl")
            with open(path, "wb") as f:
                f.write(out.stdout)
            shards.append(path)
        with open(shards[1], "rb") as f:
            r = run("import", "--db", self.db, "--jsonl", shards[0], "--jsonl", "-", stdin=f.read())
        self.assertIn(r.returncode, (0, 1), r.stderr)
        direct = os.path.join(self.dir.name, "direct.db")
        d = run("import", "--db", direct, "-j", "1", *names)
        self.assertEqual(d.returncode, 1, d.stderr)
        self.assertEqual(rows(self.db, "SELECT source FROM runs"), [("jsonl",), ("jsonl",)])
        sharded, single = dump(self.db), dump(direct)
        self.assertGreater(len(single["tasks"]), 100)
        self.assertEqual(len(single["errors"]), 1)
        self.assertGreater(len(single["task_fts"]), 0)
        for table in DUMP:
            self.assertEqual(sharded[table], single[table], table)

    def test_gnu_parallel_shards_imported_equal_the_single_run(self):
        import shutil
        if shutil.which("parallel") is None:
            self.skipTest("GNU parallel is not installed")
        listing = ("\n".join(MIXED) + "\n").encode()
        shards = subprocess.run(
            ["parallel", "--will-cite", "-k", "--pipe", "-N", "4", BINARY, "extract", "--quiet", "-j", "1",
             "--from-list", "-"], input=listing, capture_output=True, timeout=300)
        self.assertEqual(shards.returncode, 0, shards.stderr)
        r = run("import", "-q", "--db", self.db, "--jsonl", "-", stdin=shards.stdout)
        self.assertEqual(r.returncode, 0, r.stderr)
        direct = os.path.join(self.dir.name, "direct.db")
        self.assertEqual(run("import", "-q", "--db", direct, *MIXED).returncode, 0)
        sharded, single = dump(self.db), dump(direct)
        for table in DUMP:
            if table != "documents":  # JSON Lines without --with-text carry no text
                self.assertEqual(sharded[table], single[table], table)
        without_text = [row[:18] + row[19:] for row in single["documents"]]
        self.assertEqual([row[:18] + row[19:] for row in sharded["documents"]], without_text)

    def test_progress_is_drawn_on_a_terminal(self):
        import pty
        import select
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(BINARY, [BINARY, "import", "-j", "1", "--db", self.db, *MIXED])
        out = b""
        while True:
            try:
                ready, _, _ = select.select([fd], [], [], 60)
                if not ready:
                    break
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.waitpid(pid, 0)
        text = out.decode("utf-8", "replace")
        self.assertRegex(text, r"\[\s*\d+/\d+\]\s+[\d.]+ docs/s")
        self.assertRegex(text, r"notices: \d+ records, \d+ documents added")

    def test_a_reader_queries_while_an_import_runs(self):
        # The import reads JSON Lines from a pipe the test feeds: after the first half it
        # is still running (waiting for the rest) while a reader sees the committed rows.
        lines = run("extract", "-q", *distinct_notices(self.dir.name, 20)).stdout.splitlines(keepends=True)
        self.assertEqual(len(lines), 20)
        proc = subprocess.Popen([BINARY, "import", "-q", "--db", self.db, "--batch-size", "1", "--jsonl", "-"],
                                stdin=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            proc.stdin.write(b"".join(lines[:10]))
            proc.stdin.flush()
            seen = self.wait_for_documents(10)
            self.assertIsNone(proc.poll(), "the import is still running")
            self.assertEqual(seen, 10)
            found = rows(self.db, "SELECT count(*) FROM task_fts WHERE task_fts MATCH 'khoa hoc'")[0][0]
            self.assertGreater(found, 0)
            self.assertEqual(rows(self.db, "SELECT status FROM runs"), [("running",)])
            proc.stdin.write(b"".join(lines[10:]))
            proc.stdin.close()
            self.assertEqual(proc.wait(timeout=60), 0, proc.stderr.read())
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stderr.close()
        self.assertEqual(rows(self.db, "SELECT count(*) FROM documents")[0][0], 20)
        self.assertEqual(rows(self.db, "SELECT status FROM runs"), [("completed",)])

    def test_a_killed_import_run_again_equals_a_clean_import(self):
        data = run("extract", "-q", *distinct_notices(self.dir.name, 12)).stdout
        lines = data.splitlines(keepends=True)
        proc = subprocess.Popen([BINARY, "import", "-q", "--db", self.db, "--batch-size", "4", "--jsonl", "-"],
                                stdin=subprocess.PIPE)
        proc.stdin.write(b"".join(lines[:9]))
        proc.stdin.flush()
        self.wait_for_documents(8)  # two batches committed, the third one open
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdin.close()
        self.assertEqual(rows(self.db, "SELECT count(*) FROM documents")[0][0], 8, "whole batches only")
        again = run("import", "-q", "--db", self.db, "--jsonl", "-", stdin=data)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(rows(self.db, "SELECT status FROM runs ORDER BY id"), [("interrupted",), ("completed",)])
        clean = os.path.join(self.dir.name, "clean.db")
        self.assertEqual(run("import", "-q", "--db", clean, "--jsonl", "-", stdin=data).returncode, 0)
        killed, want = dump(self.db), dump(clean)
        for table in DUMP:
            if table != "runs":
                self.assertEqual(killed[table], want[table], table)

    def wait_for_documents(self, count, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if os.path.exists(self.db):
                try:
                    n = rows(self.db, "SELECT count(*) FROM documents")[0][0]
                    if n >= count:
                        return n
                except sqlite3.OperationalError as e:  # the schema is not created yet
                    if "no such table" not in str(e):
                        raise
            time.sleep(0.02)
        self.fail(f"{count} documents never appeared")

    def test_usage_errors(self):
        self.assertEqual(run("import", SAMPLES).returncode, 2)  # no --db
        self.assertEqual(run("import", "--db", self.db, "--jsonl", "-", SAMPLES).returncode, 2)
        self.assertEqual(run("import", "--db", self.db, "--batch-size", "0", SAMPLES).returncode, 2)


if __name__ == "__main__":
    if b"\n  import " not in run("--help").stdout:
        print("import_cli_test: `notices import` is not registered in this binary: skipped")
        sys.exit(77)
    unittest.main(argv=sys.argv[:1])
