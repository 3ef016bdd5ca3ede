#!/usr/bin/env bash
# Whole-process cost of PDF ingest (ReadPdf, through pdf_read_bench --extract) against
# pdftotext alone, on generated PDFs:
#   - one 50-page notice (seed-000's body repeated);
#   - a batch of 200 small notices (copies of samples/seed-00{0,1}.pdf): pdftotext once
#     per file, ReadPdf for all of them in one process (as `notices` runs a batch);
#   - peak memory of ReadPdf on a 200-page notice.
# Usage: tests/bench/pdf_vs_pdftotext.sh [BUILD_DIR]   (default build/)
# Needs: hyperfine, pdftotext, LibreOffice (scripts/make-sample-pdfs), GNU time.
# Figures go in notes, never in assertions.
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build}"
bench="$build/tests/bench/pdf_read_bench"
[ -x "$bench" ] || { echo "missing $bench: build with NOTICES_BUILD_BENCHMARKS=ON" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine missing (apt-get install hyperfine)" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
scripts/make-sample-pdfs --out-dir "$tmp/p50" --repeat 13 samples/seed-000.txt >/dev/null 2>&1
scripts/make-sample-pdfs --out-dir "$tmp/p200" --repeat 52 samples/seed-000.txt >/dev/null 2>&1
mkdir -p "$tmp/batch"
for i in $(seq -w 1 100); do
  cp samples/seed-000.pdf "$tmp/batch/a$i.pdf"
  cp samples/seed-001.pdf "$tmp/batch/b$i.pdf"
done
big="$tmp/p50/seed-000.pdf"
huge="$tmp/p200/seed-000.pdf"
echo "50-page PDF: $(pdfinfo "$big" | awk '/^Pages/ {print $2}') pages; 200-page PDF: $(pdfinfo "$huge" | awk '/^Pages/ {print $2}') pages"

hyperfine -N --warmup 3 --runs 20 --export-json "$tmp/one.json" \
  "$bench --extract $big" "pdftotext $big -"
hyperfine --warmup 1 --runs 5 --export-json "$tmp/batch.json" \
  "$bench --extract $tmp/batch/*.pdf" \
  "for f in $tmp/batch/*.pdf; do pdftotext \$f -; done"

python3 - "$tmp/one.json" "$tmp/batch.json" <<'EOF'
import json, sys
for path, label in zip(sys.argv[1:], ["50-page PDF", "200 small PDFs"]):
    r = json.load(open(path))["results"]
    ours, theirs = r[0]["mean"], r[1]["mean"]
    print(f"{label}: ReadPdf {ours*1000:.1f} ms, pdftotext {theirs*1000:.1f} ms, ratio {ours/theirs:.2f}")
EOF

/usr/bin/time -v "$bench" --extract "$huge" 2>"$tmp/time.txt" >/dev/null
echo "peak memory, 200-page PDF: $(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' "$tmp/time.txt") kB"
/usr/bin/time -v pdftotext "$huge" - 2>"$tmp/time2.txt" >/dev/null
echo "peak memory, pdftotext on it: $(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' "$tmp/time2.txt") kB"
"$bench" --benchmark_min_time=0.5 -- "$big"
