#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a small, valid PDF with invented text, for tests.

Usage: tests/make-test-pdf.py OUT [PAGES] [--blank] [--nested=DEPTH]

Each page carries a few lines of invented report-like text in Helvetica
(no real report text); --blank writes pages with no text at all, like a
scanned document without a text layer; --nested=DEPTH writes one page
that draws a form that draws a form, DEPTH deep (deeper than a PDF
reader follows: MuPDF gives up past about 100).  The output is
deterministic.
"""

import sys


def page_text(n):
    lines = [
        "Inspection of Example local authority children's services",
        "Inspection dates: 6 to 17 December 2021",
        f"Invented test page {n}. Nothing here comes from a real report.",
    ]
    ops = ["BT", "/F1 11 Tf", "14 TL", "72 770 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    return "\n".join(ops).encode("ascii")


def write_pdf(out, pages, blank):
    objects = []  # index i holds object number i + 1

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_obj = add(None)
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for n in range(1, pages + 1):
        content = b"" if blank else page_text(n)
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_obj, font, stream)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Count %d /Kids [" % pages +
                              b" ".join(b"%d 0 R" % k for k in kids) + b"] >>")

    write_objects(out, objects)


def write_objects(out, objects):
    """Objects 1..n in order, the first one the catalog."""
    data = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        data += b"%010d 00000 n \n" % off
    data += (b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
             % (len(objects) + 1, xref))
    with open(out, "wb") as f:
        f.write(data)


def stream(dictionary, content):
    return b"<< %s /Length %d >>\nstream\n" % (dictionary, len(content)) + content + b"\nendstream"


def write_nested_pdf(out, depth):
    # 1 catalog, 2 pages, 3 page, 4 font, 5.. forms (5 + level), then the contents.
    contents = 5 + depth + 1
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /X0 5 0 R >> >> /Contents %d 0 R >>" % contents,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]"
    for level in range(depth):
        objects.append(stream(form + b" /Resources << /XObject << /X %d 0 R >> >>" % (5 + level + 1),
                              b"/X Do"))
    objects.append(stream(form, b"0 0 m 1 1 l S"))
    objects.append(stream(b"", b"BT /F1 12 Tf 72 770 Td (Nested forms test page) Tj ET /X0 Do"))
    write_objects(out, objects)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args or len(args) > 2:
        sys.exit(__doc__.strip().splitlines()[2])
    nested = [a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--nested=")]
    if nested:
        write_nested_pdf(args[0], int(nested[0]))
        return
    pages = int(args[1]) if len(args) == 2 else 3
    write_pdf(args[0], pages, "--blank" in sys.argv)


if __name__ == "__main__":
    main()
