#!/usr/bin/env python3
"""`notices audit`, `diff`, `gold-split` and `eval` as a user runs them: files written,
exit codes, and eval's figures on gold whose answer is known.

Usage: audit_cli_test.py NOTICES_BINARY SOURCE_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = sys.argv[1]
SOURCE = sys.argv[2]
SAMPLES = os.path.join(SOURCE, "samples")
CV = os.path.join(SAMPLES, "cv-ubnd-chi-dao.txt")
HOSTILE = os.path.join(SOURCE, "tests", "data", "audit", "hostile.txt")


def run(*args, stdin=None):
    return subprocess.run([BINARY, *args], input=stdin, capture_output=True, timeout=120)


class AuditCliTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="notices-audit-cli-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def test_audit_writes_one_self_contained_page(self):
        out = self.path("report.html")
        r = run("audit", "-o", out, CV, HOSTILE, "/nonexistent/x.txt")
        self.assertEqual(r.returncode, 1, "a failed input is reported, the page is still written")
        self.assertIn(b"3 documents", r.stderr)
        html = open(out, encoding="utf-8").read()
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        for i in range(3):
            self.assertIn(f'id="doc-{i}"', html)
        self.assertNotIn("<script>window.__pwned", html, "document markup is escaped")
        self.assertNotIn("https://", html)
        self.assertEqual([f for f in os.listdir(self.dir)], ["report.html"], "no temporary file left")

    def test_audit_refuses_to_overwrite_an_input_or_write_stdout(self):
        copy = self.path("cv.txt")
        shutil.copy(CV, copy)
        before = open(copy, "rb").read()
        self.assertEqual(run("audit", "-o", copy, copy).returncode, 2)
        self.assertEqual(open(copy, "rb").read(), before)
        self.assertEqual(run("audit", "-o", "-", CV).returncode, 2)
        self.assertEqual(run("audit", "-o", self.dir, CV).returncode, 2)
        self.assertEqual(run("audit", CV).returncode, 2, "-o is required")

    def test_diff_of_two_runs(self):
        old = self.path("old.jsonl")
        new = self.path("new.jsonl")
        r = run("extract", "-q", CV)
        self.assertEqual(r.returncode, 0, r.stderr)
        open(old, "wb").write(r.stdout)
        rec = json.loads(r.stdout)
        rec["tasks"][0]["lead"] = [{"name": "Sở Tư pháp", "text": "Sở Tư pháp", "span": [0, 0]}]
        removed = rec["tasks"].pop(1)
        open(new, "w", encoding="utf-8").write(json.dumps(rec, ensure_ascii=False) + "\n")

        same = run("diff", old, old)
        self.assertEqual(same.returncode, 0, same.stderr)
        self.assertIn(b"No differences", same.stdout)

        d = run("diff", old, new)
        self.assertEqual(d.returncode, 1, d.stderr)
        text = d.stdout.decode()
        self.assertIn("1 removed, 1 changed", text)
        self.assertIn("lead: ", text)
        self.assertIn("-> Sở Tư pháp", text)
        self.assertIn("- " + removed["id"], text)

        j = run("diff", "--json", old, new)
        self.assertEqual(j.returncode, 1)
        doc = json.loads(j.stdout)
        self.assertEqual(doc["summary"]["tasks_removed"], 1)
        self.assertEqual(doc["summary"]["tasks_changed"], 1)
        self.assertEqual(doc["documents"][0]["tasks_removed"][0]["id"], removed["id"])

        open(self.path("bad.jsonl"), "w").write("{}\n")
        self.assertEqual(run("diff", old, self.path("bad.jsonl")).returncode, 2)
        self.assertEqual(run("diff", old, self.path("missing.jsonl")).returncode, 2)

    def test_eval_figures_json_and_floor(self):
        # Gold made from the extraction itself, less one task, with one lead changed:
        # recall 1, precision (n-1)/n, lead accuracy (n-2)/(n-1).
        r = run("extract", "-q", CV)
        rec = json.loads(r.stdout)
        n = len(rec["tasks"])
        self.assertGreater(n, 3)
        gold = json.load(open(os.path.join(SAMPLES, "gold", "cv-ubnd-chi-dao.json"), encoding="utf-8"))
        self.assertEqual(len(gold["tasks"]), n, "the sample's gold has one task per extracted task")
        del gold["tasks"][2]
        gold["tasks"][0]["lead"] = ["Sở Không Có"]
        os.makedirs(self.path("gold"))
        json.dump(gold, open(self.path("gold/cv-ubnd-chi-dao.json"), "w", encoding="utf-8"), ensure_ascii=False)

        e = run("eval", "-q", "--json", "--gold", self.path("gold"), CV)
        self.assertEqual(e.returncode, 0, e.stderr)
        rep = json.loads(e.stdout)
        t = rep["tasks"]
        self.assertEqual((t["gold"], t["predicted"], t["matched"]), (n - 1, n, n - 1))
        self.assertAlmostEqual(t["recall"], 1.0)
        self.assertAlmostEqual(t["precision"], (n - 1) / n)
        self.assertLess(rep["fields"]["lead"]["correct"], rep["fields"]["lead"]["total"])
        kinds = sorted(d["kind"] for d in rep["differences"])
        self.assertIn("spurious", kinds)
        self.assertIn("lead", kinds)
        lead_miss = next(d for d in rep["differences"] if d["kind"] == "lead")
        self.assertEqual(lead_miss["expected"], "Sở Không Có")
        self.assertEqual(lead_miss["text"], gold["tasks"][0]["anchor"])

        text = run("eval", "-q", "--gold", self.path("gold"), CV).stdout.decode()
        self.assertIn("Task recall 1.000", text)
        self.assertIn(gold["tasks"][0]["anchor"], text, "misses are listed with their text")

        f1 = t["f1"]
        self.assertEqual(run("eval", "-q", "--summary", "--min-f1", f"{f1 - 0.01:.3f}", "--gold", self.path("gold"),
                             CV).returncode, 0)
        low = run("eval", "-q", "--summary", "--min-f1", f"{f1 + 0.01:.3f}", "--gold", self.path("gold"), CV)
        self.assertEqual(low.returncode, 1)
        self.assertIn(b"below --min-f1", low.stderr)
        self.assertEqual(run("eval", "--gold", self.path("nothing"), CV).returncode, 2)

    def test_gold_split_writes_devset_files(self):
        gold = json.load(open(os.path.join(SAMPLES, "gold", "cv-ubnd-chi-dao.json"), encoding="utf-8"))
        bundle = self.path("notices-gold.json")
        json.dump({"notices_gold_bundle": 1, "documents": [gold]}, open(bundle, "w", encoding="utf-8"),
                  ensure_ascii=False)
        r = run("gold-split", bundle, "-o", self.path("out"))
        self.assertEqual(r.returncode, 0, r.stderr)
        written = self.path("out/cv-ubnd-chi-dao.json")
        self.assertEqual(r.stdout.decode().strip(), written)
        self.assertEqual(json.load(open(written, encoding="utf-8")), gold)
        for g in (self.path("out"), bundle):
            e = run("eval", "-q", "--json", "--gold", g, CV)
            self.assertEqual(e.returncode, 0, e.stderr)
            self.assertAlmostEqual(json.loads(e.stdout)["tasks"]["f1"], 1.0)
        open(self.path("bad.json"), "w").write('{"documents": []}')
        self.assertEqual(run("gold-split", self.path("bad.json"), "-o", self.path("out2")).returncode, 2)
        self.assertEqual(run("gold-split", self.path("none.json"), "-o", self.path("out2")).returncode, 2)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
