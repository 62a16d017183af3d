"""Reading order and layout facts: columns, sidebars, hidden text, header zone, tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.documents import read_document
from analyzer.models import HiddenText
from tests.documents.conftest import BULLETS, CONTACT, NAME, SECTIONS
from tests.pdf_factory import make_resume_pdf

SIDEBAR = [
    ("Skills", ["Python", "PyTorch", "Kubernetes", "SQL"]),
    ("Languages", ["English", "French"]),
]
MAIN = [SECTIONS[0], SECTIONS[1], ("Education", ["**MSc, University of Edinburgh\t2017"])]


@pytest.mark.parametrize("side", ["right", "left"])
def test_sidebar_does_not_interleave_with_the_main_column(tmp_path: Path, side: str) -> None:
    path = make_resume_pdf(
        tmp_path / f"sidebar_{side}.pdf",
        name=NAME,
        contact_lines=CONTACT,
        sections=MAIN,
        columns=2,
        sidebar=SIDEBAR,
        sidebar_side=side,
    )
    document = read_document(path)
    main = [("summary", "Summary"), ("experience", "Work Experience"), ("education", "Education")]
    side_sections = [("skills", "Skills"), ("other", "Languages")]
    # Header first, then the left column top to bottom, then the right one.
    expected = main + side_sections if side == "right" else side_sections + main
    assert [(s.name, s.heading) for s in document.sections] == [("contact", "")] + expected
    assert document.section("skills").text == "Python\nPyTorch\nKubernetes\nSQL"
    assert document.section("other").text == "English\nFrench"
    assert [b.text for b in document.bullets] == BULLETS
    assert document.layout.columns == 2
    assert {line.column for line in document.lines if line.text == "Kubernetes"} == {
        1 if side == "right" else 0
    }
    assert document.contact.email == "ada@example.com"


def test_one_column_resume_has_one_column(one_column_pdf: Path) -> None:
    document = read_document(one_column_pdf)
    assert document.layout.columns == 1
    assert {line.column for line in document.lines} == {0}


def test_hidden_text_is_reported_and_never_read(tmp_path: Path) -> None:
    path = make_resume_pdf(
        tmp_path / "hidden.pdf",
        name=NAME,
        contact_lines=CONTACT,
        sections=SECTIONS,
        hidden_text="kubernetes tensorflow pytorch",
        tiny_text="spark hadoop",
        offpage_text="airflow",
    )
    document = read_document(path)
    assert document.layout.hidden == (
        HiddenText(text="kubernetes tensorflow pytorch", page=1, reason="colour"),
        HiddenText(text="spark hadoop", page=1, reason="tiny"),
        HiddenText(text="airflow", page=1, reason="offpage"),
    )
    for word in ("tensorflow", "hadoop", "airflow"):
        assert word not in document.text.lower()
        assert all(word not in s.text.lower() for s in document.sections)
    assert [b.text for b in document.bullets] == BULLETS


def test_header_and_footer_zone_text_is_listed(tmp_path: Path) -> None:
    path = make_resume_pdf(
        tmp_path / "zone.pdf",
        name=NAME,
        contact_lines=CONTACT,
        sections=SECTIONS,
        header_text="ada@example.com - call +44 20 7946 0958",
        footer_text="Page 1 of 1",
    )
    document = read_document(path)
    assert document.layout.header_footer_text == (
        "ada@example.com - call +44 20 7946 0958",
        "Page 1 of 1",
    )
    # The page number is furniture; the header line is visible text and stays.
    assert "Page 1 of 1" not in document.text
    assert document.lines[0].text == "ada@example.com - call +44 20 7946 0958"
    assert document.contact.name == NAME


def test_repeated_footer_is_furniture_on_multi_page(tmp_path: Path) -> None:
    path = make_resume_pdf(
        tmp_path / "footer.pdf",
        name=NAME,
        contact_lines=CONTACT,
        sections=SECTIONS,
        footer_text="Ada Lovelace - Resume",
        new_page_before=("Education",),
    )
    document = read_document(path)
    assert document.pages == 2
    assert document.layout.header_footer_text == ("Ada Lovelace - Resume",)
    assert "Ada Lovelace - Resume" not in document.text
    assert document.section("experience").text.endswith("Analysed A/B tests for pricing")


def test_ruled_table_is_counted(tmp_path: Path, one_column_pdf: Path) -> None:
    path = make_resume_pdf(
        tmp_path / "table.pdf",
        name=NAME,
        sections=SECTIONS,
        table=[["Skill", "Years"], ["Python", "6"], ["SQL", "4"]],
    )
    assert read_document(path).layout.tables == 1
    assert read_document(one_column_pdf).layout.tables == 0


def test_fonts_and_clean_facts(one_column_pdf: Path) -> None:
    layout = read_document(one_column_pdf).layout
    assert layout.fonts == ("BitstreamVeraSans-Bold", "BitstreamVeraSans-Roman")
    assert (layout.cid_glyphs, layout.glued_words, layout.images, layout.image_only_pages) == (
        0,
        0,
        0,
        0,
    )
