#!/usr/bin/env python3
"""`notices import` as a user runs it: a database from the samples, idempotent re-import,
shards from `notices extract` merged into one database, usage errors. Exits 77 (skipped)
while the binary has no `import` subcommand.
Usage: import_cli_test.py NOTICES_BINARY SOURCE_DIR"""
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

BINARY = sys.argv[1]
SOURCE = sys.argv[2]
SAMPLES = os.path.join(SOURCE, "samples")


def run(*args, stdin=None):
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True, timeout=120)


def rows(db, sql):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        return c.execute(sql).fetchall()


class ImportCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.dir.name, "notices.db")

    def tearDown(self):
        self.dir.cleanup()

    def test_import_samples_then_again(self):
        r = run("import", "--db", self.db, "--jobs", "2", SAMPLES)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        self.assertIn(b"documents added", r.stderr)
        docs = rows(self.db, "SELECT count(*) FROM documents")[0][0]
        tasks = rows(self.db, "SELECT count(*) FROM tasks")[0][0]
        self.assertGreater(docs, 5)
        self.assertGreater(tasks, docs)
        self.assertEqual(rows(self.db, "SELECT status FROM runs"), [("completed",)])
        again = run("import", "--db", self.db, SAMPLES)
        self.assertEqual(again.returncode, r.returncode, again.stderr)
        self.assertIn(b" 0 documents added", again.stderr)
        self.assertEqual(rows(self.db, "SELECT count(*) FROM tasks")[0][0], tasks)
        self.assertEqual(rows(self.db, "SELECT count(*) FROM runs WHERE status = 'completed'")[0][0], 2)

    def test_shards_from_extract_merge_into_one_database(self):
        names = sorted(n for n in os.listdir(SAMPLES) if n.endswith(".txt"))
        half = len(names) // 2
        shards = []
        for i, part in enumerate((names[:half], names[half:])):
            out = run("extract", *[os.path.join(SAMPLES, n) for n in part])
            self.assertIn(out.returncode, (0, 1), out.stderr)
            path = os.path.join(self.dir.name, f"part-{i}.jsonl")
            with open(path, "wb") as f:
                f.write(out.stdout)
            shards.append(path)
        with open(shards[1], "rb") as f:
            r = run("import", "--db", self.db, "--jsonl", shards[0], "--jsonl", "-", stdin=f.read())
        self.assertIn(r.returncode, (0, 1), r.stderr)
        direct = os.path.join(self.dir.name, "direct.db")
        d = run("import", "--db", direct, *[os.path.join(SAMPLES, n) for n in names])
        self.assertIn(d.returncode, (0, 1), d.stderr)
        q = "SELECT task_id, text, span_start, span_end FROM tasks ORDER BY task_id"
        self.assertEqual(rows(self.db, q), rows(direct, q))
        self.assertEqual(rows(self.db, "SELECT source FROM runs"), [("jsonl",), ("jsonl",)])

    def test_usage_errors(self):
        self.assertEqual(run("import", SAMPLES).returncode, 2)  # no --db
        self.assertEqual(run("import", "--db", self.db, "--jsonl", "-", SAMPLES).returncode, 2)
        self.assertEqual(run("import", "--db", self.db, "--batch-size", "0", SAMPLES).returncode, 2)


if __name__ == "__main__":
    if b"\n  import " not in run("--help").stdout:
        print("import_cli_test: `notices import` is not registered in this binary: skipped")
        sys.exit(77)
    unittest.main(argv=sys.argv[:1])
