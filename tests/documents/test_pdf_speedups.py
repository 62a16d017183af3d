"""The reader's vectorised and pdfium-based shortcuts give what the slow, plain way gives."""

from __future__ import annotations

import ctypes
import math
from pathlib import Path
from typing import Any

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from analyzer.documents import pdf_chars, pdf_rulings
from tests.broken_tounicode_pdf import broken_tounicode_pdf
from tests.hidden_pdfs import TECHNIQUES, VISIBLE_CONTROLS, hidden_pdf, lure_pdf, visible_pdf
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


def test_box_maxima_of_every_box_size_at_every_edge() -> None:
    # Every width and height up to past WINDOW, on 8-bit renders, from corners inside,
    # straddling and beyond each edge, fractional and whole.
    rng = np.random.default_rng(7)
    change = rng.integers(0, 256, size=(75, 61), dtype=np.uint8)
    change[rng.random(change.shape) < 0.97] = 0  # sparse ink, so maxima differ
    sides = np.arange(0, pdf_chars.WINDOW + 6, 0.5)
    width, height = (grid.ravel() for grid in np.meshgrid(sides, sides))
    left, top = rng.uniform(-15, 70, size=(2, len(width)))
    left = np.where(rng.random(len(width)) < 0.5, left.round(), left)
    boxes = np.column_stack([left, top, left + width, top + height])
    expected = _slow_maxima(change, boxes)
    assert pdf_chars.box_maxima(change, boxes) == expected
    assert 100 < expected.count(-1) < len(expected) // 4 and len(set(expected)) > 80


def test_box_maxima_of_no_boxes() -> None:
    assert pdf_chars.box_maxima(np.zeros((5, 5), dtype=np.int16), np.zeros((0, 4))) == []


def _plain_char(raw: Any, index: int, code: int, name: Any) -> dict[str, Any] | None:
    """Read one character through pypdfium2's checked bindings, a call for each fact."""
    if code in (0x0D, 0x0A, 0xAD, 0xFFFE, 0xFFFF, 0):
        return None
    if code == 2 and pdfium_c.FPDFText_IsHyphen(raw, index) == 1:
        text = "-"
    elif code != 0x20 and pdfium_c.FPDFText_HasUnicodeMapError(raw, index) == 1:
        text = f"(cid:{code})"
    elif code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        text = "\ufffd"
    else:
        text = chr(code)
    if text == " " and pdfium_c.FPDFText_IsGenerated(raw, index) == 1:
        return {"generated": True}
    rect = pdfium_c.FS_RECTF()
    if not pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect):
        return None
    obj = pdfium_c.FPDFText_GetTextObject(raw, index)
    font, colour, mode = "", (0.0, 0.0, 0.0), 0
    if obj:
        r, g, b, a = (ctypes.c_uint() for _ in range(4))
        if pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a):
            colour = (r.value / 255, g.value / 255, b.value / 255)
        handle = pdfium_c.FPDFTextObj_GetFont(obj)
        if handle and pdfium_c.FPDFFont_GetBaseFontName(handle, name, len(name)):
            font = name.value.decode("latin-1")
        mode = int(pdfium_c.FPDFTextObj_GetTextRenderMode(obj))
    size = float(pdfium_c.FPDFText_GetFontSize(raw, index))
    matrix = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(raw, index, matrix):
        size *= math.hypot(matrix.c, matrix.d)
    low, high = rect.bottom, rect.top
    x, y = ctypes.c_double(), ctypes.c_double()
    if high - low > 1.5 * size and pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y):
        low, high = y.value - 0.2 * size, y.value + 0.8 * size
    loose = (rect.left, low, rect.right, high)
    edges = [ctypes.c_double() for _ in range(4)]
    ink = loose
    if pdfium_c.FPDFText_GetCharBox(raw, index, *edges):
        left, right, bottom, top = (edge.value for edge in edges)
        ink = (left, bottom, right, top)
    address = ctypes.addressof(obj.contents) if obj else None
    return {"text": text, "loose": loose, "ink": ink, "size": size, "fontname": font}, (
        colour,
        mode,
        address,
    )


def _plain_chars(page: Any, textpage: Any) -> list[Any]:
    raw, name = textpage.raw, ctypes.create_string_buffer(256)
    count = textpage.count_chars()
    read = [
        _plain_char(raw, index, int(pdfium_c.FPDFText_GetUnicode(raw, index)), name)
        for index in range(count)
    ]
    chars: list[Any] = []
    for char in read:
        if char == {"generated": True}:
            if chars:
                chars.append("generated")
        elif char is not None:
            chars.append(char)
    return chars


def _mapped(page: Any, box: tuple[float, float, float, float]) -> tuple[float, ...]:
    a, b, c, d, e, f = pdf_chars.display_matrix(page)
    left, bottom, right, top = box
    xs = [a * x + c * y + e for x in (left, right) for y in (bottom, top)]
    ys = [b * x + d * y + f for x in (left, right) for y in (bottom, top)]
    return min(xs), min(ys), max(xs), max(ys)


def _fast_and_plain(path: Path) -> None:
    pdf = pdfium.PdfDocument(path)
    for page in pdf:
        textpage = page.get_textpage()
        fast, plain = pdf_chars.page_chars(page, textpage), _plain_chars(page, textpage)
        textpage.close()
        assert len(fast) == len(plain)
        for ours, theirs in zip(fast, plain, strict=True):
            if theirs == "generated":
                assert ours["generated"] and ours["text"] == " " and ours["object"] is None
                continue
            facts, (colour, mode, address) = theirs
            assert not ours["generated"]
            assert {key: ours[key] for key in ("text", "size", "fontname")} == {
                key: facts[key] for key in ("text", "size", "fontname")
            }
            assert (ours["non_stroking_color"], ours["mode"]) == (colour, mode)
            assert (ours["object"] or (None,))[0] == address
            x0, top, x1, bottom = _mapped(page, facts["loose"])
            assert ours["x0"] == pytest.approx(x0, abs=1e-9)
            assert ours["x1"] == pytest.approx(x1, abs=1e-9)
            assert ours["top"] == pytest.approx(top, abs=1e-9)
            assert ours["bottom"] == pytest.approx(bottom, abs=1e-9)
            assert ours["ink_box"] == pytest.approx(_mapped(page, facts["ink"]), abs=1e-9)
    pdf.close()


def test_page_chars_equal_a_reading_of_one_checked_call_per_fact(tmp_path: Path) -> None:
    paths = [hidden_pdf(tmp_path / f"{name}.pdf", name) for name in sorted(TECHNIQUES)]
    paths += [visible_pdf(tmp_path / f"{name}.pdf", name) for name in sorted(VISIBLE_CONTROLS)]
    paths.append(lure_pdf(tmp_path / "lure.pdf"))
    paths.append(broken_tounicode_pdf(tmp_path / "cmap.pdf"))
    paths.append(make_resume_pdf(tmp_path / "resume.pdf", name="Zoë Ångström"))
    for name in CORPUS_CHAR_FILES:
        if (CORPUS / "resumes" / name).exists():
            paths.append(CORPUS / "resumes" / name)
    for path in paths:
        _fast_and_plain(path)


CORPUS_CHAR_FILES = [
    "bewerbung__Bewerbung_Komplett_de.pdf",  # German, fifteen pages
    "twentyseconds__Twenty-Seconds-Icons_cv.pdf",  # icon fonts
    "resumematcher__template_two-column.pdf",
    "moderncv__template-es.pdf",
]


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


def _ink_both_ways(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[bool, list[int], list[int]]]:
    """Per page: whether one render sufficed, the ink measured so, and the old way.

    The old way renders the page whole and again with only its text objects left out;
    the new one leaves objects far from every character out of both renders.
    """
    plan = pdf_chars._plan
    pages = []
    decisions: list[bool] = []

    def recorded(page: Any, objects: dict[int, Any], boxes: Any) -> tuple[list[Any], Any]:
        far, left_out = plan(page, objects, boxes)
        decisions.append(left_out is None)
        return far, left_out

    def old_way(page: Any, objects: dict[int, Any], boxes: Any) -> tuple[list[Any], Any]:
        return [], list(objects.values())

    pdf = pdfium.PdfDocument(path)
    for page in pdf:
        inks = []
        for rule in (recorded, old_way):
            textpage = page.get_textpage()
            chars = pdf_chars.page_chars(page, textpage)
            textpage.close()
            monkeypatch.setattr(pdf_chars, "_plan", rule)
            pdf_chars.measure_ink(page, chars)
            inks.append([char["ink"] for char in chars])
        monkeypatch.setattr(pdf_chars, "_plan", plan)
        pages.append((decisions[-1], inks[0], inks[1]))
    pdf.close()
    return pages


DRAWN_OVER_OR_UNDER = {
    "under_white_rectangle",
    "under_black_rectangle",
    "under_image",
    "white_on_white_image",
}


@pytest.mark.parametrize("technique", sorted(TECHNIQUES))
def test_one_render_only_where_nothing_else_is_drawn_under_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, technique: str
) -> None:
    [(single, ink, two_renders)] = _ink_both_ways(
        hidden_pdf(tmp_path / f"{technique}.pdf", technique), monkeypatch
    )
    assert ink == two_renders
    # A rectangle or an image over or under the text needs the page drawn without the text;
    # the other tricks leave no other drawing on the page, which is then white under it.
    assert single is (technique not in DRAWN_OVER_OR_UNDER)


@pytest.mark.parametrize("control", sorted(VISIBLE_CONTROLS))
def test_visible_controls_measure_the_same_ink_with_one_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, control: str
) -> None:
    [(single, ink, two_renders)] = _ink_both_ways(
        visible_pdf(tmp_path / f"{control}.pdf", control), monkeypatch
    )
    assert ink == two_renders
    assert single is (control != "dark_background")


def test_lure_measures_the_same_ink_with_one_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [(single, ink, two_renders)] = _ink_both_ways(lure_pdf(tmp_path / "lure.pdf"), monkeypatch)
    assert single and ink == two_renders


def test_corpus_ink_is_the_same_with_less_rendered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = sorted((CORPUS / "resumes").glob("*.pdf"))
    if not paths:
        pytest.skip("shared corpus not available")
    singles = 0
    for path in paths:
        for single, ink, two_renders in _ink_both_ways(path, monkeypatch):
            assert ink == two_renders, path.name
            singles += single
    assert singles >= 10  # pages with nothing drawn near their text: 12 of 57 when written
