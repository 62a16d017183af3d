"""The reader's vectorised and pdfium-based shortcuts give what the slow, plain way gives."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pytest

from analyzer.documents import pdf_chars, pdf_rulings
from tests.pdf_factory import make_resume_pdf
from tests.shared import CORPUS


def _slow_maxima(change: np.ndarray, boxes: np.ndarray) -> list[int]:
    rows, cols = change.shape
    result = []
    for left, top, right, bottom in boxes:
        x0, x1 = max(0, int(left)), min(cols, max(int(np.ceil(right)), int(left) + 1))
        y0, y1 = max(0, int(top)), min(rows, max(int(np.ceil(bottom)), int(top) + 1))
        result.append(int(change[y0:y1, x0:x1].max()) if x1 > x0 and y1 > y0 else -1)
    return result


def test_box_maxima_equals_slicing_each_box() -> None:
    rng = np.random.default_rng(12)
    change = rng.integers(0, 256, size=(90, 70), dtype=np.int16)
    corners = rng.uniform(-20, 100, size=(3000, 2))
    sizes = np.concatenate([rng.uniform(0, 12, size=(2900, 2)), rng.uniform(0, 60, (100, 2))])
    boxes = np.column_stack([corners, corners + sizes])[:, [0, 1, 2, 3]]
    expected = _slow_maxima(change, boxes)
    assert pdf_chars.box_maxima(change, boxes) == expected
    assert -1 in expected and max(expected) == 255  # off-image boxes and big ones covered


def test_box_maxima_of_no_boxes() -> None:
    assert pdf_chars.box_maxima(np.zeros((5, 5), dtype=np.int16), np.zeros((0, 4))) == []


def _tables_both_ways(path: object) -> list[tuple[int, int]]:
    counts = []
    pdf = pdfium.PdfDocument(path)
    with pdfplumber.open(path) as plumber:
        for index, plumber_page in enumerate(plumber.pages):
            page = pdf[index]
            width, height = page.get_size()
            drawing = pdf_rulings.page_drawing(page, pdf_chars.display_matrix(page))
            assert drawing.edges is not None
            ours = pdf_rulings.count_tables(drawing.edges, width * height)
            theirs = sum(
                1
                for table in plumber_page.find_tables()
                if pdf_rulings.is_table(table, width * height)
            )
            assert drawing.images == len(plumber_page.images)
            counts.append((ours, theirs))
    pdf.close()
    return counts


def test_ruled_table_found_from_pdfium_paths(tmp_path: Path) -> None:
    path = make_resume_pdf(
        tmp_path / "table.pdf",
        name="Ada Lovelace",
        sections=[("Skills", ["Python, SQL"])],
        table=[["Skill", "Years"], ["Python", "6"], ["SQL", "4"]],
    )
    assert _tables_both_ways(path) == [(1, 1)]


CORPUS_TABLE_FILES = [
    "latexcv__infographics2_fr.pdf",  # one ruled table
    "latexcv__sidebar.pdf",
    "resumematcher__template_two-column.pdf",  # 1,496 pdfplumber edges, no table
    "simpleresume__sample.pdf",
]


@pytest.mark.parametrize("name", CORPUS_TABLE_FILES)
def test_corpus_tables_from_pdfium_paths_match_pdfplumber(name: str) -> None:
    path = CORPUS / "resumes" / name
    if not path.exists():
        pytest.skip("shared corpus not available")
    counts = _tables_both_ways(path)
    assert all(ours == theirs for ours, theirs in counts), counts
    if name.startswith("latexcv__infographics"):
        assert sum(ours for ours, _ in counts) == 1
