"""A resume PDF whose font's ToUnicode map is broken: the page shows English, the text layer
reads as letters shifted by one ("Machine" extracts as "Nbdijof").

The glyphs are drawn from Helvetica with the standard encoding, so a person sees the resume;
the font's /ToUnicode CMap maps every letter code to the next letter of the alphabet, which is
what text extraction (and an ATS) uses. Written in raw PDF syntax so the fault is explicit.
"""

from __future__ import annotations

import zlib
from pathlib import Path

LINES = (
    (20, "Ada Lovelace"),
    (10, "Machine Learning Engineer | London"),
    (13, "Experience"),
    (10, "Machine Learning Engineer, Acme Analytics, 2020 - 2024"),
    (10, "- Built a ranking model with the search team and shipped it to production."),
    (10, "- Designed the training pipeline for the models and the data of the company."),
    (10, "- Led the migration of the feature store to the cloud and wrote its documentation."),
    (10, "- Mentored two engineers in the team and reviewed the code of the platform."),
    (13, "Education"),
    (10, "Master of Science in Computer Science, University of London, 2019"),
    (13, "Skills"),
    (10, "Python, machine learning, deep learning, statistics, data pipelines and cloud"),
    (10, "Languages: English and French, with a working knowledge of German and Spanish"),
)
"""What the page shows: a short English resume, in font size and text per line."""


def _cmap() -> bytes:
    ranges = [
        "<20> <20> <0020>",
        "<41> <59> <0042>",  # A..Y -> B..Z
        "<5A> <5A> <0041>",  # Z -> A
        "<61> <79> <0062>",  # a..y -> b..z
        "<7A> <7A> <0061>",  # z -> a
    ]
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Shifted def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(ranges)} beginbfrange\n" + "\n".join(ranges) + "\nendbfrange\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode()


def _stream(content: bytes) -> bytes:
    data = zlib.compress(content)
    return (
        f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode()
        + data
        + (b"\nendstream")
    )


def broken_tounicode_pdf(path: Path) -> Path:
    """Write the resume with the shifted ToUnicode map to ``path`` and return it."""
    y, content = 740, []
    for size, text in LINES:
        y -= size + 10
        content.append(f"BT /F1 {size} Tf 0 g 72 {y} Td ({text}) Tj ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream("\n".join(content).encode("latin-1")),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        b"/ToUnicode 6 0 R >>",
        _stream(_cmap()),
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))
    return path
