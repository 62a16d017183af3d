"""A resume PDF whose font's ToUnicode map is broken: the page shows English, the text layer
reads as letters shifted by one ("Machine" extracts as "Nbdijof").

The glyphs are drawn from Helvetica with the standard encoding, so a person sees the resume;
the font's /ToUnicode CMap maps every letter code to the next letter of the alphabet, which is
what text extraction (and an ATS) uses. Written in raw PDF syntax so the fault is explicit.
"""

from __future__ import annotations

from pathlib import Path

from tests.hidden_pdfs import flate_stream, write_objects

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
        flate_stream("\n".join(content).encode("latin-1")),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        b"/ToUnicode 6 0 R >>",
        flate_stream(_cmap()),
    ]
    return write_objects(path, objects)
