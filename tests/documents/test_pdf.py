"""A one-column PDF read end to end: sections, entries, bullets, contact, lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analyzer.documents import read_document
from analyzer.models import Link
from tests.documents.conftest import BULLETS, SECTIONS
from tests.pdf_factory import make_resume_pdf


def test_sections_in_order(one_column_pdf: Path) -> None:
    document = read_document(one_column_pdf)
    assert [(s.name, s.heading) for s in document.sections] == [
        ("contact", ""),
        ("summary", "Summary"),
        ("experience", "Work Experience"),
        ("education", "Education"),
        ("skills", "Technical Skills"),
    ]
    assert document.section("skills") is not None
    assert document.section("skills").text == "Python, PyTorch, SQL, Docker, Kubernetes"
    assert document.format == "pdf"
    assert document.pages == 1
    assert [s.index for s in document.sections] == [0, 1, 2, 3, 4]


def test_bullets_are_joined_across_wrapped_lines(one_column_pdf: Path) -> None:
    document = read_document(one_column_pdf)
    assert [b.text for b in document.bullets] == BULLETS
    assert [b.id for b in document.bullets] == ["b0", "b1", "b2", "b3"]
    assert [b.section for b in document.bullets] == ["experience"] * 4
    assert [b.entry for b in document.bullets] == [0, 0, 1, 2]


def test_two_roles_at_one_company_stay_apart(one_column_pdf: Path) -> None:
    entries = read_document(one_column_pdf).entries
    assert [(e.section, e.role, e.organisation, e.dates) for e in entries] == [
        ("experience", "Senior ML Engineer", "Acme Corp", "Jan 2022 – Present"),
        ("experience", "ML Engineer", "Acme Corp", "2020 – 2021"),
        ("experience", "Data Scientist", "Globex", "03/2018 - 05/2020"),
        ("education", "MSc in Computer Science", "University of Edinburgh", "2016 – 2017"),
    ]
    first, second, third, _ = entries
    assert (first.start, first.end, first.current) == (dt.date(2022, 1, 1), None, True)
    assert (second.start, second.end, second.current) == (
        dt.date(2020, 1, 1),
        dt.date(2021, 1, 1),
        False,
    )
    assert (third.start, third.end) == (dt.date(2018, 3, 1), dt.date(2020, 5, 1))
    assert first.bullets == ("b0", "b1")
    assert second.bullets == ("b2",)


def test_contact_from_text_and_link_annotations(one_column_pdf: Path) -> None:
    contact = read_document(one_column_pdf).contact
    assert contact.name == "Ada Lovelace"
    assert contact.email == "ada@example.com"
    assert contact.phone == "+44 20 7946 0958"
    assert contact.location == "London, UK"
    assert contact.links == (
        Link(url="https://github.com/ada", kind="github", source="annotation"),
        Link(url="https://www.linkedin.com/in/ada/", kind="linkedin", source="annotation"),
    )


def test_mailto_and_tel_annotations_fill_missing_contact(tmp_path: Path) -> None:
    path = make_resume_pdf(
        tmp_path / "mailto.pdf",
        name="Grace Hopper",
        links=[
            ("Email me", "mailto:grace@example.org"),
            ("Call", "tel:+15550100"),
            ("Site", "https://grace.dev"),
            ("GitHub", "https://github.com/grace"),
        ],
        sections=[
            ("Skills", ["Python"]),
            ("Projects", ["Code at github.com/grace and www.grace.dev/"]),
        ],
    )
    contact = read_document(path).contact
    assert contact.email == "grace@example.org"
    assert contact.phone == "+15550100"
    # Visible links come first; the annotations to the same places are de-duplicated
    # (scheme, www and trailing slash do not make a link different).
    assert contact.links == (
        Link(url="github.com/grace", kind="github", source="text"),
        Link(url="www.grace.dev/", kind="website", source="text"),
    )


def test_lines_keep_typography(one_column_pdf: Path) -> None:
    lines = read_document(one_column_pdf).lines
    name = lines[0]
    assert (name.text, name.bold, name.size, name.page, name.column) == (
        "Ada Lovelace",
        True,
        22.0,
        1,
        0,
    )
    heading = next(line for line in lines if line.text == "Work Experience")
    assert heading.bold and heading.size == 13.0 and heading.gap_before > 8
    body = next(line for line in lines if line.text.startswith("Python, PyTorch"))
    assert not body.bold and body.size == 10.0


def test_multi_page_resume_reads_every_page(tmp_path: Path) -> None:
    path = make_resume_pdf(
        tmp_path / "two_pages.pdf",
        name="Ada Lovelace",
        contact_lines=["ada@example.com"],
        sections=SECTIONS + [("Publications", ["Notes on the Analytical Engine, 1843"])],
        new_page_before=("Education",),
    )
    document = read_document(path)
    assert document.pages == 2
    assert [s.name for s in document.sections] == [
        "contact",
        "summary",
        "experience",
        "education",
        "skills",
        "publications",
    ]
    assert document.section("publications").text == "Notes on the Analytical Engine, 1843"
    assert {line.page for line in document.lines} == {1, 2}
    assert [b.text for b in document.bullets] == BULLETS


def test_to_dict_is_json_ready(one_column_pdf: Path) -> None:
    data = read_document(one_column_pdf).to_dict()
    assert data["entries"][0]["start"] == "2022-01-01"
    assert data["contact"]["links"][0]["kind"] == "github"
