#!/usr/bin/env python3
"""Converts the two seed notices into every encoding `notices` reads, for the tests of
text ingest (tests/ingest/text_decoder_test.cc).

Regenerate from the repository root (Python 3 standard library only):

    python3 scripts/make-encoded-samples.py

Reads samples/seed-000.txt and samples/seed-001.txt (UTF-8) and writes, for each SEED,
tests/data/encodings/SEED.ENCODING.txt with ENCODING one of

    tcvn3                   TCVN3 (ABC), through rules/encodings/tcvn3.tsv
    vni                     VNI-Windows, through rules/encodings/vni.tsv
    windows-1258            Python's cp1258; letters it lacks precomposed are written as
                            base letter + combining tone mark, as Windows does
    utf-16le, utf-16be      with a byte order mark
    utf-16le-nobom          without one
    utf-8-bom               UTF-8 with a byte order mark
    utf-8-mojibake          UTF-8 read as Windows-1252 and saved again as UTF-8 (bytes
                            cp1252 leaves undefined become U+0081 ..., as Windows does)
    utf-8-mojibake-partial  the same for every third line only

and, for the tests of PDF ingest (tests/ingest/pdf_reader_test.cc), the text of
tests/data/pdf/legacy-fonts.txt in TCVN3 and VNI bytes read as Windows-1252, the way a
PDF shows such text through a Latin font ("Th\u00abng b\u00b8o"), as
tests/data/pdf/tcvn3.txt and vni.txt; scripts/make-sample-pdfs turns them into PDFs.

What the legacy encodings cannot hold, and so what a decoder gets back differently:
TCVN3 has no capital letters with tone marks: they are written with the lowercase code
(how .VnTimeH text is stored), and TCVN3 spends 0xB9 on "ạ", so the superscript "¹" is
written "1" (its compatibility form). Everything else round-trips.
"""

import pathlib
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ["seed-000", "seed-001"]
OUT = ROOT / "tests" / "data" / "encodings"
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def load_table(name):
    """char -> bytes, from a rules/encodings/*.tsv table (letters only, no bare marks)."""
    enc, fallback = {}, {}
    for line in (ROOT / "rules" / "encodings" / name).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        hexbytes, text = line.split("\t")
        code = bytes.fromhex(hexbytes)
        if len(text) != 1 or unicodedata.combining(text):
            continue  # VNI's mark bytes alone, TCVN3's combining marks
        # A byte that only stands for its Windows-1252 character (a position the encoding
        # leaves free) is used when the encoding has no code of its own for the letter:
        # VNI writes "ý" as "yù", not as cp1252's FD.
        is_fallback = len(code) == 1 and code[0] >= 0x80 and code.decode("cp1252", "replace") == text
        (fallback if is_fallback else enc).setdefault(text, code)
    for text, code in fallback.items():
        enc.setdefault(text, code)
    return enc


def encode_with(table, text, lowercase_toned_capitals):
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif lowercase_toned_capitals and ch.isupper() and any(
                m in TONES for m in unicodedata.normalize("NFD", ch)):
            out += table[ch.lower()]
        elif ch in table:
            out += table[ch]
        else:
            compat = unicodedata.normalize("NFKC", ch)
            if compat == ch or not all(c in table or ord(c) < 0x80 for c in compat):
                raise SystemExit("cannot encode %r (U+%04X)" % (ch, ord(ch)))
            out += encode_with(table, compat, lowercase_toned_capitals)
    return bytes(out)


def encode_cp1258(text):
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        # Base letter (with circumflex, breve or horn) + a combining tone mark.
        nfd = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in nfd if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
        out += (base + tone).encode("cp1258")
    return bytes(out)


def mojibake(text):
    chars = []
    for b in text.encode("utf-8"):
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars).encode("utf-8")


def mojibake_partial(text):
    lines = text.split("\n")
    return "\n".join(mojibake(l).decode("utf-8") if i % 3 == 1 else l
                     for i, l in enumerate(lines)).encode("utf-8")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    tcvn3 = load_table("tcvn3.tsv")
    vni = load_table("vni.tsv")
    pdf_dir = ROOT / "tests" / "data" / "pdf"
    legacy_text = (pdf_dir / "legacy-fonts.txt").read_text(encoding="utf-8")
    for name, data in (("tcvn3", encode_with(tcvn3, legacy_text, True)),
                       ("vni", encode_with(vni, legacy_text, False))):
        path = pdf_dir / (name + ".txt")
        path.write_text(data.decode("cp1252"), encoding="utf-8")
        print("wrote %s (%d bytes)" % (path.relative_to(ROOT), len(data)))
    for seed in SEEDS:
        text = (ROOT / "samples" / (seed + ".txt")).read_text(encoding="utf-8")
        outputs = {
            "tcvn3": encode_with(tcvn3, text, True),
            "vni": encode_with(vni, text, False),
            "windows-1258": encode_cp1258(text),
            "utf-16le": b"\xff\xfe" + text.encode("utf-16-le"),
            "utf-16be": b"\xfe\xff" + text.encode("utf-16-be"),
            "utf-16le-nobom": text.encode("utf-16-le"),
            "utf-8-bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
            "utf-8-mojibake": mojibake(text),
            "utf-8-mojibake-partial": mojibake_partial(text),
        }
        for name, data in outputs.items():
            path = OUT / ("%s.%s.txt" % (seed, name))
            path.write_bytes(data)
            print("wrote %s (%d bytes)" % (path.relative_to(ROOT), len(data)))


if __name__ == "__main__":
    main()
