#!/usr/bin/env python3
"""The `notices` command as a user runs it: exit codes, --help, --version, stdin."""
import json
import os
import subprocess
import sys
import unittest

BINARY = sys.argv[1]
SOURCE = sys.argv[2]
SEED = f"{SOURCE}/samples/seed-000.txt"
# The top-level samples: text and born-digital PDFs. samples/scans/ needs OCR (seconds a
# page), so the folder-wide runs live in ScanCliTest, which ctest labels slow.
FAST_SAMPLES = sorted(os.path.join(SOURCE, "samples", f) for f in os.listdir(os.path.join(SOURCE, "samples"))
                      if f.endswith(".txt") or f.endswith(".pdf"))


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


    def test_extract_output_is_identical_whatever_the_job_count(self):
        outputs = []
        for jobs in ("1", "2", "4"):
            r = run("extract", "--quiet", "-j", jobs, *FAST_SAMPLES)
            self.assertEqual(r.returncode, 0, r.stderr)
            outputs.append(r.stdout)
        self.assertEqual(outputs[0].count(b"\n"), len(FAST_SAMPLES))
        self.assertEqual(outputs[0], outputs[1])
        self.assertEqual(outputs[0], outputs[2])

    def test_inputs_from_folders_globs_lists_and_stdin(self):
        paths = sorted(os.path.join(SOURCE, "samples", f) for f in os.listdir(os.path.join(SOURCE, "samples"))
                       if f.endswith(".txt"))
        by_glob = run("extract", "--quiet", f"{SOURCE}/samples/*.txt")
        by_list = run("extract", "--quiet", "--from-list", "-", stdin="\n".join(paths).encode())
        self.assertEqual(by_glob.returncode, 0, by_glob.stderr)
        self.assertEqual(by_glob.stdout, by_list.stdout)
        self.assertEqual(by_glob.stdout.count(b"\n"), len(paths))
        r = run("extract", "--quiet", f"{SOURCE}/samples/*.nothing")
        self.assertEqual(r.returncode, 2)

    def test_summary_line_and_exit_code_for_a_failing_input(self):
        r = run("extract", SEED, "/nonexistent/x.pdf")
        self.assertEqual(r.returncode, 1)
        lines = r.stdout.decode().splitlines()
        self.assertEqual(len(lines), 2, "every input gives a record or an error record")
        self.assertIn('"error"', lines[1])
        self.assertRegex(r.stderr.decode(), r"notices: 2 documents, \d+ tasks, 1 errors, [\d.]+ s")
        quiet = run("extract", "--quiet", SEED)
        self.assertEqual(quiet.stderr, b"")

    def test_progress_is_drawn_on_a_terminal(self):
        import pty
        import select
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(BINARY, [BINARY, "extract", "-j", "1", *FAST_SAMPLES])
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
        self.assertRegex(out.decode("utf-8", "replace"), r"\[\s*\d+/\d+\]\s+[\d.]+ docs/s")

    def test_sharded_run_under_gnu_parallel_equals_the_single_run(self):
        import shutil
        if shutil.which("parallel") is None:
            self.skipTest("GNU parallel is not installed")
        listing = "\n".join(FAST_SAMPLES) + "\n"
        single = run("extract", "--quiet", "--from-list", "-", stdin=listing.encode())
        sharded = subprocess.run(
            ["parallel", "--will-cite", "-k", "--pipe", "-N", "3", BINARY, "extract", "--quiet", "-j", "1",
             "--from-list", "-"], input=listing.encode(), capture_output=True, timeout=300)
        self.assertEqual(sharded.returncode, 0, sharded.stderr)
        self.assertEqual(single.stdout, sharded.stdout)


class ScanCliTest(unittest.TestCase):
    def test_folder_with_scans_gives_the_same_output_whatever_the_job_count(self):
        # The whole samples folder, recursively: the scans go through OCR on several
        # threads, and the output must not depend on how the pages were scheduled.
        outputs = []
        for jobs in ("1", "2"):
            r = subprocess.run([BINARY, "extract", "--quiet", "-j", jobs, "--ocr-dpi", "150", f"{SOURCE}/samples"],
                               capture_output=True, timeout=600)
            self.assertEqual(r.returncode, 0, r.stderr)
            outputs.append(r.stdout)
        scans = [f for f in os.listdir(os.path.join(SOURCE, "samples", "scans")) if f.endswith(".pdf")]
        self.assertEqual(outputs[0].count(b"\n"), len(FAST_SAMPLES) + len(scans) + 1)  # + README.md
        self.assertEqual(outputs[0], outputs[1])


if __name__ == "__main__":
    # argv[3]: "scans" runs the OCR-bound class only; anything else the fast one.
    which = ScanCliTest if len(sys.argv) > 3 and sys.argv[3] == "scans" else CliTest
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(which)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() else 1)
