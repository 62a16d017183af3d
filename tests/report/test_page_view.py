"""The pages as an ATS reads them, and the posting beside the resume, in the HTML report."""

from __future__ import annotations

import base64
import dataclasses
import re
from pathlib import Path

import pytest

from analyzer.api import analyze_resume
from analyzer.models import ResumeAnalysis
from analyzer.report import ReportFormat, render, render_saved
from analyzer.report.page_view import mark_id
from analyzer.report.view import build_view
from tests.hidden_pdfs import HIDDEN, hidden_pdf
from tests.report.htmltree import Node, parse
from tests.shared import CORPUS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RESUME = EXAMPLES / "resume.pdf"
POSTING = EXAMPLES / "posting.txt"
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)
RESOURCE_ATTRS = ("src", "srcset", "href", "xlink:href", "data", "poster", "background", "action")
MAX_TWO_PAGE_BYTES = 400_000
"""The README's promise for a two-page resume's report."""


@pytest.fixture(scope="module")
def example() -> ResumeAnalysis:
    if not (RESUME.exists() and POSTING.exists()):
        pytest.skip("examples/resume.pdf or examples/posting.txt is absent")
    return analyze_resume(RESUME, job=POSTING)


@pytest.fixture(scope="module")
def hidden(tmp_path_factory: pytest.TempPathFactory) -> ResumeAnalysis:
    folder = tmp_path_factory.mktemp("hidden")
    return analyze_resume(hidden_pdf(folder / "under_white.pdf", "under_white_rectangle"))


def _page_links(root: Node) -> list[Node]:
    return [a for a in root.find_all("a") if "on-page" in (a.attrs.get("class") or "")]


def _finding_blocks(root: Node) -> list[Node]:
    """Every rendered finding: the fix-first cards and the compact list items."""
    return [
        n for n in root.iter() if {"finding", "compact"} & set((n.attrs.get("class") or "").split())
    ]


def _assert_visible_mark(root: Node, ident: str) -> Node:
    """The element exists, is an overlay mark on a page figure, and draws a box of some size."""
    mark = root.by_id(ident)
    assert mark is not None, f"no element with id {ident!r}"
    pages = root.by_id("pages")
    assert pages is not None and any(n is mark for n in pages.iter())
    if mark.tag == "figure":  # a finding placed on a page but not on a line: the whole page
        assert "page" in (mark.attrs.get("class") or "").split(), mark.attrs
        return mark
    assert mark.tag == "g" and "mk" in (mark.attrs.get("class") or "").split(), mark.attrs
    rects = mark.find_all("rect")
    assert rects, f"mark {ident} draws nothing"
    assert float(rects[0].attrs["width"] or 0) > 1 and float(rects[0].attrs["height"] or 0) > 1
    pages = root.by_id("pages")
    assert pages is not None and any(n is mark for n in pages.iter())
    return mark


def test_every_finding_with_a_page_place_links_to_a_visible_mark(example: ResumeAnalysis) -> None:
    html = render(example, ReportFormat.HTML)
    root, builder = parse(html)
    assert not builder.errors
    view = build_view(example)
    placed = [
        f
        for part in (view.fix_first, *view.findings_by_part.values())
        for f in part
        if f.page_target
    ]
    # The example's bullet findings all have a place: every finding anchored on a bullet.
    on_bullets = [f for f in example.findings if f.anchor and re.fullmatch(r"b\d+", f.anchor)]
    assert len(on_bullets) >= 3
    assert {f.anchor for f in on_bullets} <= {
        f.page_target.removeprefix("pv-") for f in placed if f.page_target
    }
    links = _page_links(root)
    # a finding shown under "Fix these first" is not repeated in its part's list
    assert len(links) == len({(f.id, f.message, f.page_target) for f in placed})
    for block in _finding_blocks(root):
        block_links = _page_links(block)
        for link in block_links:
            href = link.attrs["href"] or ""
            assert href.startswith("#") and link.text.startswith("Show on page 1")
            _assert_visible_mark(root, href[1:])


def test_every_bullet_with_a_finding_is_marked_on_its_page_in_its_severity(
    example: ResumeAnalysis,
) -> None:
    root, _ = parse(render(example, ReportFormat.HTML))
    for finding in example.findings:
        if finding.anchor and re.fullmatch(r"b\d+", finding.anchor):
            mark = _assert_visible_mark(root, mark_id(finding.anchor))
            classes = (mark.attrs.get("class") or "").split()
            assert "place" in classes
            assert {"high", "medium", "low"} & set(classes)


def test_the_hidden_text_finding_points_at_a_red_box_where_the_text_is(
    hidden: ResumeAnalysis,
) -> None:
    (line,) = hidden.document.layout.hidden
    assert line.box is not None
    x0, top, x1, bottom = line.box
    # tests/hidden_pdfs.py draws it at x=72, baseline y=540 of a 792 pt page, 10 pt type.
    assert x0 == pytest.approx(72, abs=1) and top == pytest.approx(792 - 540 - 10, abs=3)
    assert x1 > x0 + 100 and bottom > top
    root, _ = parse(render(hidden, ReportFormat.HTML))
    finding = next(b for b in _finding_blocks(root) if "hides" in b.text or "cannot see" in b.text)
    (link,) = _page_links(finding)
    mark = _assert_visible_mark(root, (link.attrs["href"] or "")[1:])
    assert "hidden" in (mark.attrs.get("class") or "").split()
    assert HIDDEN in mark.text  # the hidden words are written on the page view
    rect = mark.find_all("rect")[0]
    assert float(rect.attrs["x"] or 0) == pytest.approx(x0 - 2, abs=0.1)


def test_each_page_is_an_embedded_png_and_nothing_is_fetched(example: ResumeAnalysis) -> None:
    html = render(example, ReportFormat.HTML)
    root, _ = parse(html)
    images = root.find_all("image")
    assert len(images) == example.document.pages
    for image in images:
        uri = image.attrs["href"] or ""
        assert uri.startswith("data:image/png;base64,")
        assert base64.b64decode(uri.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    for node in root.iter():
        assert node.tag not in ("script", "link", "img", "iframe", "object", "embed", "use")
        for name in RESOURCE_ATTRS:
            value = node.attrs.get(name)
            if value is None:
                continue
            assert not re.match(r"\s*(https?:|//|file:|ftp:)", value, re.IGNORECASE), value
            assert value.startswith("#") or value.startswith("data:image/png;base64,"), value
    csp = [
        m.attrs.get("content")
        for m in root.find_all("meta")
        if m.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp == [CSP]
    assert "url(" not in root.find_all("style")[0].text


def test_the_example_report_stays_small(example: ResumeAnalysis) -> None:
    # A one-page example must leave room for a second page under the 400 KB aim.
    assert len(render(example, ReportFormat.HTML).encode("utf-8")) < MAX_TWO_PAGE_BYTES / 2


def test_a_report_from_saved_json_says_why_it_has_no_page_images(example: ResumeAnalysis) -> None:
    root, _ = parse(render_saved(render(example, ReportFormat.JSON), ReportFormat.HTML))
    pages = root.by_id("pages")
    assert pages is not None
    assert pages.find_all("image") == [] and pages.find_all("svg") == []
    assert "saved results without page positions" in pages.text


def test_a_moved_pdf_keeps_the_marks_on_blank_pages_and_says_so(example: ResumeAnalysis) -> None:
    moved = dataclasses.replace(
        example, document=dataclasses.replace(example.document, path="/nonexistent/resume.pdf")
    )
    root, _ = parse(render(moved, ReportFormat.HTML))
    pages = root.by_id("pages")
    assert pages is not None and pages.find_all("image") == []
    assert "the PDF is not at hand" in pages.text
    for link in _page_links(root):
        _assert_visible_mark(root, (link.attrs["href"] or "")[1:])


def test_a_text_resume_shows_the_text_as_read_instead(tmp_path: Path) -> None:
    resume = tmp_path / "resume.txt"
    resume.write_text(
        "Ada Lovelace\nada@example.com\n\nExperience\n- Built a PyTorch model used by 3 teams.\n",
        encoding="utf-8",
    )
    root, _ = parse(render(analyze_resume(resume), ReportFormat.HTML))
    pages = root.by_id("pages")
    assert pages is not None and pages.find_all("svg") == []
    assert "A TXT file has no fixed pages" in pages.text
    assert [a.attrs["href"] for a in pages.find_all("a")] == ["#resume"]
    assert _page_links(root) == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus absent (MLCHECK_SHARED)")
def test_deedy_two_columns_are_drawn_and_read_left_column_first() -> None:
    analysis = analyze_resume(CORPUS / "resumes" / "deedy__deedy_resume-openfont.pdf")
    root, _ = parse(render(analysis, ReportFormat.HTML))
    columns = [g for g in root.iter() if (g.attrs.get("class") or "") == "mk column"]
    assert len(columns) == 2
    left, right = (float(g.find_all("rect")[0].attrs["x"] or 0) for g in columns)
    assert left < right
    blocks = [g for g in root.iter() if (g.attrs.get("class") or "") == "mk block"]
    numbers = [int(g.find_all("text")[0].text) for g in blocks]
    assert numbers == list(range(1, len(blocks) + 1))
    # Block 2 (after the name) is the left column's Education, not the right column.
    assert float(blocks[1].find_all("rect")[0].attrs["x"] or 0) < right


def test_posting_and_resume_mark_the_same_skills(example: ResumeAnalysis) -> None:
    root, _ = parse(render(example, ReportFormat.HTML))
    part = root.by_id("posting")
    assert part is not None
    posting_pane, resume_pane = [n for n in part.iter() if n.attrs.get("class") == "as-read"]
    posting_marks = posting_pane.find_all("mark")
    resume_marks = resume_pane.find_all("mark")
    assert example.match is not None
    missing = {k.keyword for k in example.match.missing if k.importance == "required"}
    assert "ROC-AUC" in missing
    roc = [m for m in posting_marks if m.text.startswith("ROC-AUC")]
    assert roc and all("missing" in (m.attrs.get("class") or "") for m in roc)
    assert "missing from the resume" in (roc[0].attrs.get("title") or "")
    found_posting = {
        m.text.split(" (")[0].casefold() for m in posting_marks if "found" in m.attrs["class"]
    }  # type: ignore[operator]
    found_resume = {m.text.casefold() for m in resume_marks}
    assert "pytorch" in found_posting and "pytorch" in found_resume
    assert all("found" in (m.attrs.get("class") or "") for m in resume_marks)
    python = next(m for m in resume_marks if m.text == "Python")
    assert "found in" in (python.attrs.get("title") or "")


def test_posting_text_is_escaped(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(
        "Machine Learning Engineer\nRequired: Python, <script>alert(1)</script> & PyTorch\n",
        encoding="utf-8",
    )
    resume = tmp_path / "resume.txt"
    resume.write_text("Ada\n\nSkills\nPython\n", encoding="utf-8")
    html = render(analyze_resume(resume, job=posting), ReportFormat.HTML)
    assert "<script>" not in html
    root, _ = parse(html)
    part = root.by_id("posting")
    assert part is not None and "alert(1)" in part.text
    assert "&gt;alert(1)&lt;/" in html


def test_a_finding_that_knows_only_its_page_links_to_that_page(example: ResumeAnalysis) -> None:
    first = next(f for f in example.findings if not f.anchor)
    paged = dataclasses.replace(first, page=1)
    beyond = dataclasses.replace(first, page=example.document.pages + 1)
    root, _ = parse(render(dataclasses.replace(example, findings=(paged,)), ReportFormat.HTML))
    (link,) = {a.attrs["href"] for a in _page_links(root)}
    assert link == "#page-1"
    figure = root.by_id("page-1")
    assert figure is not None and figure.tag == "figure" and figure.find_all("image")
    root, _ = parse(render(dataclasses.replace(example, findings=(beyond,)), ReportFormat.HTML))
    assert _page_links(root) == []  # a page the report does not draw is never linked


def test_each_entry_is_barred_from_its_header_line_in_its_own_section(
    example: ResumeAnalysis,
) -> None:
    root, _ = parse(render(example, ReportFormat.HTML))
    bars = [g for g in root.iter() if (g.attrs.get("class") or "") == "mk entry"]
    assert len(bars) == len(example.document.entries) == 5
    tops = [float(g.find_all("rect")[0].attrs["y"] or 0) for g in bars]
    assert tops == sorted(tops)
    experience = next(ln for ln in example.document.lines if ln.text == "EXPERIENCE")
    # The first role's title also opens the page under the name; the bar starts in Experience.
    assert experience.bottom < tops[0] < experience.bottom + 20
    assert "Machine Learning Engineer" in bars[0].text and "Mar 2022" in bars[0].text
