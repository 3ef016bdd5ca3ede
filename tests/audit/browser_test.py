#!/usr/bin/env python3
"""The audit page in a real browser (headless Chromium driven over the DevTools protocol).

Usage: browser_test.py NOTICES_BINARY SOURCE_DIR OUTPUT_DIR

Builds the page for the samples plus tests/data/audit/hostile.txt, loads it and checks:
  * per document, the table has one row per task and the text one highlighted span per
    distinct extracted span (tasks, agencies by role, deadlines, references), each
    showing exactly the text the record's span points at;
  * clicking a row (a real mouse click) marks its span in the text; clicking a highlighted
    span selects its row;
  * the hostile notice runs nothing (no global set, no dialog, no injected element) and
    shows its markup as text;
  * the filters count what the records say;
  * corrections (wrong task, edited lead) survive a reload, download as a gold file and a
    bundle that `notices eval --gold` takes as they are;
  * no script error.
Saves OUTPUT_DIR/audit-report.png. Exits 77 (ctest: skipped) when Chromium or the Python
websocket client is missing.
"""
import base64
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.request

SKIP = 77

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=1500,1000"]


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Cdp:
    """A minimal DevTools protocol client: calls, events, dialogs dismissed and recorded."""

    def __init__(self, url):
        import websocket
        self.ws = websocket.create_connection(url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events = []
        self.dialogs = []
        self.exceptions = []

    def _event(self, msg):
        self.events.append(msg)
        method = msg.get("method")
        if method == "Page.javascriptDialogOpening":
            self.dialogs.append(msg["params"].get("message"))
            self.ws.send(json.dumps({"id": 10**6 + len(self.dialogs), "method": "Page.handleJavaScriptDialog",
                                     "params": {"accept": False}}))
        elif method == "Runtime.exceptionThrown":
            self.exceptions.append(msg["params"]["exceptionDetails"])

    def call(self, method, **params):
        self.next_id += 1
        mid = self.next_id
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mid:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self._event(msg)

    def wait_event(self, method, timeout=20):
        end = time.time() + timeout
        for msg in self.events:
            if msg.get("method") == method:
                self.events.remove(msg)
                return msg
        self.ws.settimeout(timeout)
        while time.time() < end:
            msg = json.loads(self.ws.recv())
            if msg.get("method") == method:
                return msg
            if "method" in msg:
                self._event(msg)
        raise TimeoutError(method)

    def js(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"script failed: {expression[:120]}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def click(self, selector):
        """A real mouse click in the middle of the first element matching `selector`."""
        xy = self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}});
            const r = e.getClientRects()[0]; return [r.x + Math.min(r.width / 2, 20), r.y + r.height / 2]; }})()""")
        if xy is None:
            raise AssertionError(f"nothing matches {selector}")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=xy[0], y=xy[1], button="left", clickCount=1)


def fold(s):
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D").lower()
    return " ".join("".join(c if c.isalnum() or ord(c) >= 0x80 else " " for c in s).split())


def expected_marks(rec):
    """{kind: sorted texts} of the distinct non-empty spans the page must highlight."""
    seen = set()
    text = rec["text"]

    def add(kind, span):
        if span[1] > span[0]:
            seen.add((kind, span[0], span[1]))

    for t in rec["tasks"]:
        add("task", t["span"])
        for s in t.get("also_at", []):
            add("task", s)
        for role in ("lead", "coordinate", "requested", "report_to"):
            for a in t[role]:
                add(role, a["span"])
        if t["deadline"]:
            add("deadline", t["deadline"]["span"])
    for r in rec["references"]:
        add("reference", r["span"])
    out = {}
    for kind, s, e in seen:
        out.setdefault(kind, []).append(text[s:e])
    return {k: sorted(v) for k, v in out.items()}


DOM_MARKS = """(() => { const texts = {};
  document.querySelectorAll('#doctext span.m').forEach(sp => sp.dataset.m.split(' ').forEach(id => {
    texts[id] = (texts[id] || '') + sp.textContent; }));
  const out = {};
  Object.keys(texts).forEach(id => { const k = id.split('.')[0]; (out[k] = out[k] || []).push(texts[id]); });
  return out; })()"""


class Checks:
    def __init__(self):
        self.failures = []
        self.count = 0

    def eq(self, got, want, what):
        self.count += 1
        if got != want:
            self.failures.append(f"{what}: got {str(got)[:300]!r}, want {str(want)[:300]!r}")

    def true(self, cond, what):
        self.eq(bool(cond), True, what)


def run(notices, source, out_dir):
    chromium = find_chromium()
    if chromium is None:
        print("SKIP: Chromium is not installed (apt-get install chromium)")
        return SKIP
    try:
        import websocket  # noqa: F401
    except ImportError:
        print("SKIP: the Python websocket client is missing (apt-get install python3-websocket)")
        return SKIP

    os.makedirs(out_dir, exist_ok=True)
    inputs = sorted(glob.glob(os.path.join(source, "samples", "*.txt"))) + \
        sorted(glob.glob(os.path.join(source, "samples", "*.pdf"))) + \
        [os.path.join(source, "tests", "data", "audit", "hostile.txt")]
    report = os.path.join(out_dir, "audit-report.html")
    subprocess.run([notices, "audit", "-q", "-j", "2", "-o", report] + inputs, check=True)
    lines = subprocess.run([notices, "extract", "-q", "-j", "2", "--with-text"] + inputs, check=True,
                           capture_output=True, text=True).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == len(inputs)

    c = Checks()
    work = tempfile.mkdtemp(prefix="notices-browser-")
    profile = os.path.join(work, "profile")
    downloads = os.path.join(work, "downloads")
    os.makedirs(downloads)
    proc = subprocess.Popen([chromium] + CHROMIUM_FLAGS + [f"--user-data-dir={profile}", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        end = time.time() + 20
        while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
            if time.time() > end or proc.poll() is not None:
                raise RuntimeError("Chromium did not start (no DevToolsActivePort)")
            time.sleep(0.05)
        port, browser_path = open(port_file).read().split("\n")[:2]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t["type"] == "page")
        browser = Cdp(f"ws://127.0.0.1:{port}{browser_path}")
        browser.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=downloads)
        cdp = Cdp(page["webSocketDebuggerUrl"])
        cdp.call("Page.enable")
        cdp.call("Runtime.enable")
        cdp.call("Emulation.setDeviceMetricsOverride", width=1500, height=1000, deviceScaleFactor=1, mobile=False)
        url = "file://" + os.path.abspath(report)
        cdp.call("Page.navigate", url=url)
        cdp.wait_event("Page.loadEventFired")

        # Every document: rows and highlighted spans match the records.
        names = cdp.js("Array.from(document.querySelectorAll('#docs li .name')).map(e => e.textContent)")
        c.eq(names, [os.path.basename(r["source"]["path"]) for r in records], "document list")
        for i, rec in enumerate(records):
            cdp.js(f"document.querySelector('#docs li[data-doc=\"{i}\"]').click()")
            name = os.path.basename(rec["source"]["path"])
            rows = cdp.js("document.querySelectorAll('#tasktable tbody tr.task[data-task]').length")
            c.eq(rows, len(rec["tasks"]), f"{name}: table rows")
            ids = cdp.js("Array.from(document.querySelectorAll('#tasktable tbody tr.task')).map(r => r.dataset.id)")
            c.eq(ids, [t["id"] for t in rec["tasks"]], f"{name}: task ids")
            dom = {k: sorted(v) for k, v in cdp.js(DOM_MARKS).items()}
            want = expected_marks(rec)
            for kind in sorted(set(dom) | set(want)):
                c.eq(len(dom.get(kind, [])), len(want.get(kind, [])), f"{name}: {kind} spans")
                c.eq(dom.get(kind, []), want.get(kind, []), f"{name}: {kind} span texts")
            c.eq(cdp.js("document.getElementById('doctext').textContent"), rec["text"], f"{name}: text")
            if rec["source"]["format"] == "pdf":
                pages = cdp.js("Array.from(document.querySelectorAll('#tasktable tbody tr.task')).map(r => r.children[2].textContent)")
                c.eq(pages, [str(t["page"] or "") for t in rec["tasks"]], f"{name}: pages")

        # Clicking a row marks its span; clicking a highlighted span selects its row.
        k = next(i for i, r in enumerate(records) if r["source"]["path"].endswith("samples/seed-001.txt"))
        rec = records[k]
        cdp.js(f"document.querySelector('#docs li[data-doc=\"{k}\"]').click()")
        task = rec["tasks"][4]
        cdp.click('#tasktable tr.task[data-task="4"] td:nth-child(5)')
        sel = cdp.js("Array.from(document.querySelectorAll('#doctext span.m.sel.k-task')).map(e => e.textContent).join('')")
        c.eq(sel, rec["text"][task["span"][0]:task["span"][1]], "row click marks the task's span")
        c.true(cdp.js("document.querySelector('#tasktable tr.task[data-task=\"4\"]').classList.contains('sel')"),
               "row click selects the row")
        part = cdp.js("Array.from(document.querySelectorAll('#doctext span.m.selpart.k-deadline')).map(e => e.textContent).join('')")
        if task["deadline"]:
            d = task["deadline"]["span"]
            c.eq(part, rec["text"][d[0]:d[1]], "row click marks the task's deadline")
        cdp.click("#doctext span.m.k-task.tstart[data-n='#9']")
        c.eq(cdp.js("Array.from(document.querySelectorAll('#tasktable tr.task.sel')).map(r => r.dataset.task)"),
             ["8"], "span click selects its row")

        # The hostile notice runs nothing and shows its markup as text.
        h = len(records) - 1
        cdp.js(f"document.querySelector('#docs li[data-doc=\"{h}\"]').click()")
        for t in range(len(records[h]["tasks"])):
            cdp.click(f'#tasktable tr.task[data-task="{t}"] td:nth-child(3)')
        cdp.click("#doctext span.m.k-requested")
        c.eq(cdp.js("typeof window.__pwned"), "undefined", "hostile: no script ran")
        c.eq(cdp.dialogs, [], "hostile: no dialog")
        text = cdp.js("document.getElementById('doctext').textContent")
        for literal in ["<script>window.__pwned = 'task'</script>", "</td></tr></table>",
                        "<img src=x onerror=\"window.__pwned='img'\">", "javascript:alert(1)",
                        "<a href=\"javascript:window.__pwned='link'\">", "📌", "𝐀𝐁𝐂"]:
            c.true(literal in text, f"hostile: shows {literal!r}")
        c.true("</td></tr></table><script>" in cdp.js("document.querySelector('#docview .subject').textContent"),
               "hostile: subject as text")
        c.eq(cdp.js("document.querySelectorAll('script').length"), len(records) + 2, "hostile: no injected script")
        c.eq(cdp.js("document.querySelectorAll('img, a[href^=\"javascript\"], [onclick], [onerror], iframe').length"),
             0, "hostile: no injected element")
        # Behind the escaping, the page's CSP refuses any inline script but its own.
        c.eq(cdp.js("(() => { const s = document.createElement('script'); s.textContent = 'window.__csp = 1';"
                    " document.body.appendChild(s); s.remove(); return typeof window.__csp; })()"), "undefined",
             "CSP: an inline script that is not the page's does not run")
        c.eq(cdp.js("Array.from(document.querySelectorAll('#tasktable .chip.r-requested')).map(e => e.textContent)"),
             ["Công ty Script Alert javascript"], "hostile: unknown agency chip")
        c.true(cdp.js("document.querySelector('#tasktable .chip.r-requested').classList.contains('unk')"),
               "hostile: unknown agency stands out")

        # Filters: what the records say.
        def tasks_matching(pred):
            return sum(1 for r in records for t in r.get("tasks", []) if pred(t))

        def agencies(t):
            return [a["name"] for role in ("lead", "coordinate", "requested") for a in t[role]]
        q = "Sở Xây dựng"
        cdp.js(f"(() => {{ const f = document.getElementById('f-agency'); f.value = {json.dumps(q)};"
               " f.dispatchEvent(new Event('input')); })()")
        n = tasks_matching(lambda t: any(fold(q) in fold(a) for a in agencies(t)))
        docs = sum(1 for r in records if any(any(fold(q) in fold(a) for a in agencies(t)) for t in r.get("tasks", [])))
        c.eq(cdp.js("document.getElementById('f-status').textContent"),
             f"Hiển thị {docs}/{len(records)} văn bản, {n} nhiệm vụ khớp bộ lọc", "agency filter")
        c.eq(cdp.js("document.querySelectorAll('#docs li:not(.hidden)').length"), docs, "agency filter: documents")
        cdp.js("document.getElementById('f-clear').click()")
        cdp.click("#f-warn")
        n = tasks_matching(lambda t: bool(t["warnings"]) or any(not a["known"] for role in
                                                                 ("lead", "coordinate", "requested", "report_to")
                                                                 for a in t[role]))
        c.true(cdp.js("document.getElementById('f-status').textContent").endswith(f", {n} nhiệm vụ khớp bộ lọc"),
               "warnings filter")
        cdp.js("document.getElementById('f-clear').click()")
        cdp.js("(() => { const s = document.getElementById('f-month'); s.value = '2026-04';"
               " s.dispatchEvent(new Event('change')); })()")
        n = tasks_matching(lambda t: bool(t["deadline"] and (t["deadline"]["due"] or "").startswith("2026-04")))
        c.true(cdp.js("document.getElementById('f-status').textContent").endswith(f", {n} nhiệm vụ khớp bộ lọc"),
               "month filter")
        cdp.js("document.getElementById('f-clear').click()")

        # Corrections: task 1 wrong, task 2's lead edited; kept after a reload.
        k = next(i for i, r in enumerate(records) if r["source"]["path"].endswith("cv-ubnd-chi-dao.txt"))
        rec = records[k]
        cdp.js(f"document.querySelector('#docs li[data-doc=\"{k}\"]').click()")
        cdp.click('#tasktable tr.task[data-task="0"] button[data-act="bad"]')
        cdp.click('#tasktable tr.task[data-task="1"] button[data-act="edit"]')
        cdp.js("(() => { const i = document.querySelector('tr.editor input[type=text]'); i.value = 'Sở Tư pháp; Sở Nội vụ'; })()")
        cdp.click("tr.editor button.primary")
        cdp.call("Page.reload")
        cdp.wait_event("Page.loadEventFired")
        c.eq(cdp.js("location.hash.split('/')[0]"), f"#doc-{k}", "reload reopens the document")
        c.true(cdp.js("document.querySelector('#tasktable tr.task[data-task=\"0\"]').classList.contains('st-bad')"),
               "correction kept after reload")
        c.eq(cdp.js("Array.from(document.querySelectorAll('#tasktable tr.task[data-task=\"1\"] .chip.edited')).map(e => e.textContent)"),
             ["Sở Tư pháp", "Sở Nội vụ"], "edited lead kept after reload")
        cdp.click("#dl-doc")
        cdp.click("#dl-all")
        gold_path = os.path.join(downloads, "cv-ubnd-chi-dao.json")
        bundle_path = os.path.join(downloads, "notices-gold.json")
        end = time.time() + 10
        while not (os.path.exists(gold_path) and os.path.exists(bundle_path)) and time.time() < end:
            time.sleep(0.05)
        c.true(os.path.exists(gold_path), "gold file downloaded")
        c.true(os.path.exists(bundle_path), "bundle downloaded")
        if os.path.exists(gold_path) and os.path.exists(bundle_path):
            gold = json.load(open(gold_path, encoding="utf-8"))
            c.eq(list(gold), ["file", "document", "tasks"], "gold: keys")
            c.eq(len(gold["tasks"]), len(rec["tasks"]) - 1, "gold: the wrong task is left out")
            c.eq(gold["tasks"][0]["lead"], ["Sở Tư pháp", "Sở Nội vụ"], "gold: edited lead")
            c.eq(list(gold["tasks"][0]), ["anchor", "lead", "coordinate", "requested", "deadline", "deadline_text",
                                          "recurring"], "gold: task keys")
            gold_dir = os.path.join(work, "gold")
            os.makedirs(gold_dir)
            shutil.copy(gold_path, gold_dir)
            for g in (gold_dir, bundle_path):
                ev = subprocess.run([notices, "eval", "-q", "--json", "--gold", g, rec["source"]["path"]],
                                    capture_output=True, text=True)
                c.eq(ev.returncode, 0, f"eval --gold {os.path.basename(g)}: exit code")
                r = json.loads(ev.stdout)["tasks"]
                n = len(rec["tasks"])
                c.eq((r["gold"], r["predicted"], r["matched"]), (n - 1, n, n - 1), f"eval --gold {os.path.basename(g)}")
        c.eq(cdp.exceptions, [], "no script error")

        # A screenshot of a document with warnings and a selected task.
        k = next(i for i, r in enumerate(records) if r["source"]["path"].endswith("samples/seed-001.pdf"))
        cdp.js(f"document.querySelector('#docs li[data-doc=\"{k}\"]').click()")
        cdp.click('#tasktable tr.task[data-task="2"] td:nth-child(4)')
        cdp.js("window.scrollTo(0, document.getElementById('docview').offsetTop - document.getElementById('filters').offsetHeight - 6)")
        shot = cdp.call("Page.captureScreenshot", format="png")
        png = os.path.join(out_dir, "audit-report.png")
        with open(png, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        print(f"screenshot: {png}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(work, ignore_errors=True)

    for f in c.failures:
        print("FAIL:", f)
    print(f"{c.count - len(c.failures)}/{c.count} checks passed")
    return 1 if c.failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__)
        sys.exit(2)
    sys.exit(run(*sys.argv[1:]))
