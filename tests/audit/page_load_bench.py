#!/usr/bin/env python3
"""How fast the audit page is with a large batch, in headless Chromium.

Usage: page_load_bench.py NOTICES_BINARY SOURCE_DIR OUTPUT_DIR [DOCUMENTS=500]

Makes DOCUMENTS notices by copying the text samples (each copy gets a line of its own,
so every document has its own sha256 and its own corrections), writes the page with
`notices audit`, loads it and prints: the page size, the time `notices audit` took, the
page's load time (navigation start to the end of the load event, which includes the
script building the summary, the list and the first document), the time to open the
largest document, and the time to apply an agency filter over the whole batch. Exits
77 when Chromium is missing, 1 when the load takes longer than --max-load-ms (2000 by
default).
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_test import CHROMIUM_FLAGS, SKIP, Cdp, find_chromium  # noqa: E402

MAX_LOAD_MS = 2000


def main(notices, source, out_dir, count=500):
    count = int(count)
    chromium = find_chromium()
    if chromium is None:
        print("SKIP: Chromium is not installed (apt-get install chromium)")
        return SKIP
    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="notices-page-bench-")
    try:
        samples = sorted(glob.glob(os.path.join(source, "samples", "*.txt")))
        docs = os.path.join(work, "docs")
        os.makedirs(docs)
        for i in range(count):
            src = samples[i % len(samples)]
            text = open(src, encoding="utf-8").read()
            name = f"{i:04d}-{os.path.basename(src)}"
            with open(os.path.join(docs, name), "w", encoding="utf-8") as f:
                f.write(text.rstrip("\n") + f"\nBản sao số {i} để đo tốc độ trang kiểm tra.\n")
        report = os.path.join(out_dir, f"audit-{count}.html")
        start = time.perf_counter()
        subprocess.run([notices, "audit", "-q", "-o", report, docs], check=True)
        audit_s = time.perf_counter() - start

        profile = os.path.join(work, "profile")
        proc = subprocess.Popen([chromium] + CHROMIUM_FLAGS + [f"--user-data-dir={profile}", "about:blank"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            port_file = os.path.join(profile, "DevToolsActivePort")
            end = time.time() + 20
            while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
                if time.time() > end or proc.poll() is not None:
                    raise RuntimeError("Chromium did not start")
                time.sleep(0.05)
            port = open(port_file).read().split("\n")[0]
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
            page = next(t for t in targets if t["type"] == "page")
            cdp = Cdp(page["webSocketDebuggerUrl"])
            cdp.call("Page.enable")
            cdp.call("Runtime.enable")
            loads = []
            for _ in range(3):  # the first load also warms the file cache
                cdp.call("Page.navigate", url="file://" + os.path.abspath(report))
                cdp.wait_event("Page.loadEventFired")
                loads.append(cdp.js("(() => { const n = performance.getEntriesByType('navigation')[0];"
                                    " return [n.domContentLoadedEventEnd, n.loadEventEnd || performance.now()]; })()"))
            rows = cdp.js("document.querySelectorAll('#docs li').length")
            largest = cdp.js("""(() => { let best = 0, n = -1; document.querySelectorAll('#docs li').forEach((li, i) => {
                const k = parseInt(li.querySelector('.meta').textContent); if (k > n) { n = k; best = i; } });
                const t0 = performance.now(); document.querySelector(`#docs li[data-doc="${best}"]`).click();
                return [best, n, performance.now() - t0, document.querySelectorAll('#doctext span.m').length]; })()""")
            filt = cdp.js("""(() => { const f = document.getElementById('f-agency'); f.value = 'Sở Tài chính';
                const t0 = performance.now(); f.dispatchEvent(new Event('input')); const ms = performance.now() - t0;
                return [ms, document.getElementById('f-status').textContent]; })()""")
            errors = cdp.exceptions
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    size_mb = os.path.getsize(report) / 1e6
    best = min(l[1] for l in loads)
    print(f"documents: {count} ({rows} in the list); page: {size_mb:.1f} MB; notices audit: {audit_s:.2f} s")
    print("page load (DOMContentLoaded / load event end, ms): " +
          ", ".join(f"{a:.0f} / {b:.0f}" for a, b in loads))
    print(f"open the largest document ({largest[1]} tasks, {largest[3]} highlighted spans): {largest[2]:.0f} ms")
    print(f"agency filter over the batch: {filt[0]:.0f} ms ({filt[1]})")
    if errors:
        print("script errors:", errors)
        return 1
    if rows != count:
        print(f"FAIL: {rows} documents listed, want {count}")
        return 1
    if best > MAX_LOAD_MS:
        print(f"FAIL: load took {best:.0f} ms, more than {MAX_LOAD_MS} ms")
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        print(__doc__)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
