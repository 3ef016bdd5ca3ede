#!/usr/bin/env python3
"""The `notices` command as a user runs it: exit codes, --help, --version, stdin."""
import json
import subprocess
import sys
import unittest

BINARY = sys.argv[1]
SOURCE = sys.argv[2]
SEED = f"{SOURCE}/samples/seed-000.txt"


def run(*args, stdin=None):
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True, timeout=60)


class CliTest(unittest.TestCase):
    def test_help_and_version(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn(b"normalize", r.stdout)
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout.decode(), r"^notices \d+\.\d+\.\d+")

    def test_usage_errors_exit_2(self):
        self.assertEqual(run().returncode, 2)
        self.assertEqual(run("no-such-subcommand").returncode, 2)
        self.assertEqual(run("normalize", "--no-such-flag", SEED).returncode, 2)

    def test_missing_input_exits_1_and_names_the_file(self):
        r = run("normalize", "/nonexistent/notice.txt", SEED)
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"/nonexistent/notice.txt", r.stderr)
        self.assertIn("THÔNG BÁO".encode(), r.stdout, "the batch goes on after a failure")

    def test_stdin_equals_file(self):
        with open(SEED, "rb") as f:
            data = f.read()
        from_file = run("normalize", SEED)
        from_stdin = run("normalize", "-", stdin=data)
        self.assertEqual(from_file.returncode, 0)
        self.assertEqual(from_stdin.stdout, from_file.stdout)

    def test_normalize_json_blocks_point_back_to_source(self):
        r = run("normalize", "--json", SEED)
        self.assertEqual(r.returncode, 0, r.stderr)
        doc = json.loads(r.stdout)
        with open(SEED, "rb") as f:
            data = f.read()
        self.assertGreater(len(doc["blocks"]), 10)
        for block in doc["blocks"]:
            s, e = block["source"]
            self.assertLessEqual(s, e)
            self.assertLessEqual(e, len(data))
        title = [b for b in doc["blocks"] if b["text"] == "THÔNG BÁO"]
        self.assertEqual(len(title), 1)
        s, e = title[0]["source"]
        self.assertEqual(data[s:e].decode(), "THÔNG BÁO")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
