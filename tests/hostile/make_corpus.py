#!/usr/bin/env python3
"""Writes the hostile-input corpus into a folder, at test time (nothing big is committed).

    tests/hostile/make_corpus.py OUT_DIR SOURCE_DIR [--big]

Every input is built from scratch or from samples/ and tests/data/, deterministically
(fixed random seed), so a run is reproducible. Without --big the multi-megabyte inputs
(60 MB text, 10 MB line, 100,000 bullets, 2,000 pages) are skipped; hostile_test.py asks for them only
in its `slow` half. The expected outcome of each input lives in hostile_test.py.
"""
import os
import random
import shutil
import sys
import zlib

SEED_TEXT = "samples/seed-000.txt"
SEED_PDF = "samples/seed-000.pdf"


def write(out, name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


def pdf_from_objects(objects, root=1):
    """A classic PDF with a correct xref table; objects[i] is the body of object i+1."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    return bytes(out)


def blank_pages_pdf(pages):
    """`pages` empty A4 pages: catalog, page tree, one page object each."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, kids)]
    for _ in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    return pdf_from_objects(objects)


def broken_xref_pdf(pdf):
    """Every xref offset points at the wrong byte and startxref points nowhere; Poppler
    must rebuild the table by scanning the file."""
    head, sep, tail = pdf.rpartition(b"startxref")
    tail = b"\n999999999\n%%EOF\n"
    xref_at = head.rfind(b"\nxref")
    body, table = head[:xref_at], head[xref_at:]
    table = table.replace(b" 00000 n", b" 00000 n").replace(b"0000", b"0077")
    return body + table + sep + tail


def ascii_text_stream(text):
    """Deflated content stream that shows `text` in Helvetica (ASCII only)."""
    content = b"BT /F1 12 Tf 72 770 Td (%s) Tj ET" % text
    data = zlib.compress(content)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"


def make(out, source, big):
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261203)
    seed = open(os.path.join(source, SEED_TEXT), "rb").read()
    seed_pdf = open(os.path.join(source, SEED_PDF), "rb").read()

    write(out, "empty.txt", b"")
    write(out, "seed-x1000.txt", seed * 1000)
    write(out, "one-byte.txt", b"A")
    write(out, "whitespace.txt", b" \r\n\t\n  \n")
    write(out, "garbage.bin.txt", bytes(rng.getrandbits(8) for _ in range(65536)))
    write(out, "garbage.pdf", bytes(rng.getrandbits(8) for _ in range(4096)))
    write(out, "broken-xref.pdf", broken_xref_pdf(seed_pdf))
    write(out, "truncated.pdf", seed_pdf[: len(seed_pdf) * 3 // 5])
    write(out, "header-only.pdf", b"%PDF-1.7\n")
    shutil.copy(os.path.join(source, "tests/data/pdf/encrypted.pdf"), os.path.join(out, "encrypted.pdf"))
    shutil.copy(os.path.join(source, "tests/data/pdf/scan.pdf"), os.path.join(out, "image-only.pdf"))
    write(out, "blank-pages-20.pdf", blank_pages_pdf(20))
    write(out, "pages-ascii.pdf", pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        ascii_text_stream(b"Giao So Tai chinh chu tri, bao cao truoc ngay 15/01/2026."),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]))


    nested = ["THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh"]
    for depth in range(1, 301):
        nested.append(".".join(["1"] * depth) + ". Giao Sở Tài chính chủ trì thực hiện.")
    nested += ["I" * d + ". Mục" for d in range(1, 60)]
    nested += [" " * d + "- " + "+ " * d + "a) b) c) Sở Nội vụ phối hợp" for d in range(1, 400)]
    write(out, "nested-numbering.txt", "\n".join(nested).encode())

    # UTF-8, then TCVN3, VNI and Windows-1258 bytes of the same notice in one file (and
    # the same with UTF-16LE after them).
    enc_dir = os.path.join(source, "tests/data/encodings")
    mixed = seed[:3000]
    for name in ["seed-000.tcvn3.txt", "seed-000.vni.txt", "seed-000.windows-1258.txt"]:
        mixed += b"\n" + open(os.path.join(enc_dir, name), "rb").read()[:3000]
    write(out, "mixed-encodings.txt", mixed)
    mixed += b"\n" + open(os.path.join(enc_dir, "seed-000.utf-16le.txt"), "rb").read()[:3000]
    write(out, "mixed-encodings-utf16.txt", mixed)

    nul_some = bytearray(seed)
    for i in range(100, len(nul_some), 997):
        nul_some[i] = 0
    write(out, "nul-some.txt", bytes(nul_some))
    write(out, "nul-all.txt", b"\x00" * 100_000)
    write(out, "nul-utf16-like.txt", b"".join(bytes([c, 0]) for c in b"Giao So Tai chinh " * 500))

    footnotes = ["THÔNG BÁO"] + [f"{i} Nghị định số {i}/2025/NĐ-CP ngày 01/01/2025.¹"
                                 for i in range(1, 5001)]
    write(out, "all-footnotes.txt", "\n".join(footnotes).encode())
    sup = "⁰¹²³⁴⁵⁶⁷⁸⁹"
    write(out, "all-footnotes-superscript.txt",
          "\n".join("".join(sup[int(d)] for d in str(i)) + " Văn bản số " + str(i)
                    for i in range(1, 3001)).encode())

    write(out, "long-line-1mb.txt", ("Giao Sở Tài chính chủ trì trước ngày 15/01/2026; " * 20000).encode()[:1 << 20])
    write(out, "pathological-regex-text.txt", (b"a" * 200_000 + b"!\n") * 5)
    write(out, "control-chars.txt", bytes(range(1, 32)) * 100 + seed[:2000])
    write(out, "deep-brackets.txt", ("(" * 50_000 + "Sở Tài chính" + ")" * 50_000).encode())
    write(out, "combining-marks.txt", ("a" + "\u0301" * 10_000 + " Sở ").encode() * 20)
    write(out, "bom-only.txt", b"\xef\xbb\xbf")
    write(out, "utf16-odd.txt", b"\xff\xfe" + "Thông báo".encode("utf-16le") + b"\x41")
    write(out, "name with spaces ; and 'quotes'.txt", seed[:4000])

    # A rule folder whose extra pattern looks catastrophic to a backtracking engine.
    rules = os.path.join(out, "rules-catastrophic")
    if os.path.exists(rules):
        shutil.rmtree(rules)
    shutil.copytree(os.path.join(source, "rules"), rules)
    with open(os.path.join(rules, "zz-catastrophic.toml"), "w", encoding="utf-8") as f:
        f.write("[[pattern]]\nname = \"hostile.nested_quantifiers\"\n"
                "regex = '(?P<m>(a+)+(b*)*(a|aa)+$)'\n"
                "match = [\"aaaa\"]\nno_match = [\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"]\n")
    broken = os.path.join(out, "rules-broken")
    if os.path.exists(broken):
        shutil.rmtree(broken)
    shutil.copytree(os.path.join(source, "rules"), broken)
    with open(os.path.join(broken, "zz-broken.toml"), "w", encoding="utf-8") as f:
        f.write("[[pattern]]\nname = \"hostile.unbalanced\"\nregex = '((a'\nmatch = [\"a\"]\n")

    if big:
        bullets = "".join(f"- Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng thực hiện việc {i}; "
                          f"hoàn thành trước ngày 15/01/2026.\n" for i in range(100_000))
        write(out, "bullets-100k.txt", ("THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n" + bullets).encode())
        write(out, "blank-pages-2000.pdf", blank_pages_pdf(2000))
        write(out, "blank-pages-2001.pdf", blank_pages_pdf(2001))
        line = ("Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng thực hiện; " * 200_000).encode()
        write(out, "line-10mb.txt", line[: 10 << 20])
        text60 = bytearray()
        while len(text60) < 60 << 20:
            text60 += seed
        write(out, "text-60mb.txt", bytes(text60[: 60 << 20]))


if __name__ == "__main__":
    make(sys.argv[1], sys.argv[2], "--big" in sys.argv[3:])
