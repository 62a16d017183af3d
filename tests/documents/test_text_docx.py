"""Plain text, Markdown and DOCX resumes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analyzer.documents import read_document
from analyzer.models import Link
from tests.documents.conftest import BULLETS, SECTIONS
from tests.pdf_factory import make_resume_docx

PLAIN = """Ada Lovelace
London, UK | ada@example.com | +44 20 7946 0958 | github.com/ada

PROFILE
Machine learning engineer who ships ranking models.

Employment History
Acme Corp
Senior ML Engineer  Jan 2022 – Present
- Cut inference latency by 40% by distilling a BERT ranker
  into a two-layer model
- Built the feature store used by 12 teams
ML Engineer  2020 – 2021
* Trained gradient-boosted models for churn

EDUCATION
MSc in Computer Science, University of Edinburgh  Sept. 2016 — Summer 2017

Skills & Tools
Python, PyTorch, SQL
"""

MARKDOWN = """# Ada Lovelace
ada@example.com · [LinkedIn](https://linkedin.com/in/ada) · <https://ada.dev>

## Experience
**Acme Corp**
**ML Engineer**  03/2021 - 05/2022
- Shipped a *ranking* model to 2M users
- Cut costs by 30%
  with spot instances

## Personal Projects
- **tinygrad-clone**: autograd in 300 lines

## Interests
Chess
"""


def test_plain_text_resume() -> None:
    document = read_document("ada.txt", data=PLAIN.encode())
    assert document.format == "txt"
    assert [(s.name, s.heading) for s in document.sections] == [
        ("contact", ""),
        ("summary", "PROFILE"),
        ("experience", "Employment History"),
        ("education", "EDUCATION"),
        ("skills", "Skills & Tools"),
    ]
    assert [b.text for b in document.bullets] == [
        "Cut inference latency by 40% by distilling a BERT ranker into a two-layer model",
        "Built the feature store used by 12 teams",
        "Trained gradient-boosted models for churn",
    ]
    assert [
        (e.role, e.organisation, e.dates, e.start, e.end, e.current) for e in document.entries
    ] == [
        ("Senior ML Engineer", "Acme Corp", "Jan 2022 – Present", dt.date(2022, 1, 1), None, True),
        (
            "ML Engineer",
            "Acme Corp",
            "2020 – 2021",
            dt.date(2020, 1, 1),
            dt.date(2021, 1, 1),
            False,
        ),
        (
            "MSc in Computer Science",
            "University of Edinburgh",
            "Sept. 2016 — Summer 2017",
            dt.date(2016, 9, 1),
            dt.date(2017, 6, 1),
            False,
        ),
    ]
    contact = document.contact
    assert (contact.name, contact.email, contact.phone, contact.location) == (
        "Ada Lovelace",
        "ada@example.com",
        "+44 20 7946 0958",
        "London, UK",
    )
    assert contact.links == (Link(url="github.com/ada", kind="github", source="text"),)


def test_markdown_resume() -> None:
    document = read_document("ada.md", data=MARKDOWN.encode())
    assert document.format == "md"
    assert [(s.name, s.heading) for s in document.sections] == [
        ("contact", ""),
        ("experience", "Experience"),
        ("projects", "Personal Projects"),
        ("other", "Interests"),
    ]
    assert [(b.text, b.section, b.entry) for b in document.bullets] == [
        ("Shipped a ranking model to 2M users", "experience", 0),
        ("Cut costs by 30% with spot instances", "experience", 0),
        ("tinygrad-clone: autograd in 300 lines", "projects", None),
    ]
    assert [(e.role, e.organisation, e.dates) for e in document.entries] == [
        ("ML Engineer", "Acme Corp", "03/2021 - 05/2022"),
    ]
    assert document.contact.name == "Ada Lovelace"
    # The autolink prints its URL (visible text); the [LinkedIn](...) link hides it.
    assert document.contact.links == (
        Link(url="https://ada.dev", kind="website", source="text"),
        Link(url="https://linkedin.com/in/ada", kind="linkedin", source="annotation"),
    )


def test_text_encodings() -> None:
    text = "Zoë Brontë\n\nSKILLS\nPython – café\n"
    for data in (
        text.encode("utf-8"),
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        text.encode("utf-16"),
    ):
        document = read_document("cv.txt", data=data)
        assert document.contact.name == "Zoë Brontë"
        assert document.section("skills").text == "Python – café"
        assert document.warnings == ()
    legacy = read_document("cv.txt", data=text.encode("cp1252"))
    assert legacy.section("skills").text == "Python – café"
    assert legacy.warnings == ("the file is not UTF-8; it was read as cp1252",)


def test_docx_resume_with_table_header_footer_and_links(tmp_path: Path) -> None:
    path = make_resume_docx(
        tmp_path / "ada.docx",
        name="Ada Lovelace",
        contact_lines=["ada@example.com | +44 20 7946 0958"],
        sections=SECTIONS,
        links=[("GitHub", "https://github.com/ada")],
        table=[["Skill", "Years"], ["Python", "6"]],
        table_after="Technical Skills",
        header_text="Ada Lovelace - Resume",
        footer_text="Confidential",
    )
    document = read_document(path)
    assert document.format == "docx"
    assert [(s.name, s.heading) for s in document.sections] == [
        ("contact", ""),
        ("summary", "Summary"),
        ("experience", "Work Experience"),
        ("education", "Education"),
        ("skills", "Technical Skills"),
    ]
    assert document.section("skills").text == (
        "Python, PyTorch, SQL, Docker, Kubernetes\nSkill Years\nPython 6"
    )
    assert [b.text for b in document.bullets] == BULLETS
    assert [(e.role, e.organisation, e.dates) for e in document.entries] == [
        ("Senior ML Engineer", "Acme Corp", "Jan 2022 – Present"),
        ("ML Engineer", "Acme Corp", "2020 – 2021"),
        ("Data Scientist", "Globex", "03/2018 - 05/2020"),
        ("MSc in Computer Science", "University of Edinburgh", "2016 – 2017"),
    ]
    assert document.layout.tables == 1
    assert document.layout.header_footer_text == ("Ada Lovelace - Resume", "Confidential")
    assert "Confidential" not in document.text
    assert document.contact.name == "Ada Lovelace"
    assert document.contact.email == "ada@example.com"
    assert document.contact.phone == "+44 20 7946 0958"
    assert document.contact.links == (
        Link(url="https://github.com/ada", kind="github", source="annotation"),
    )


def test_docx_headings_by_bold_paragraphs(tmp_path: Path) -> None:
    path = make_resume_docx(
        tmp_path / "plain.docx", name="Ada Lovelace", sections=SECTIONS, heading_styles=False
    )
    document = read_document(path)
    assert [s.name for s in document.sections] == [
        "contact",
        "summary",
        "experience",
        "education",
        "skills",
    ]


def _docx_sized_runs(path: Path) -> Path:
    """A DOCX as exported by an online editor: every run sized 11 pt, no heading styles, the
    headings bold at body size, and the employer and job lines bold too."""
    import docx
    from docx.shared import Pt

    document = docx.Document()

    def paragraph(text: str, size: float = 11, bold: bool = False) -> None:
        run = document.add_paragraph().add_run(text)
        run.font.size = Pt(size)
        run.bold = bold

    paragraph("Ada Example", 20, bold=True)
    paragraph("ada@example.com | +1 415 555 0100 | San Francisco, CA")
    paragraph("Experience", bold=True)
    paragraph("Machine Learning Engineer   Jan 2023 – Present", bold=True)
    paragraph("Shopwise, San Francisco", bold=True)
    paragraph("• Built a ranking model in PyTorch that raised click-through by 12%.")
    paragraph("Data Analyst   Jun 2021 – Dec 2022", bold=True)
    paragraph("Numbers Inc, Oakland", bold=True)
    paragraph("• Automated 14 weekly SQL reports, saving the finance team 10 hours a week.")
    paragraph("Education", bold=True)
    paragraph("B.S. in Computer Science   2021", bold=True)
    paragraph("State University", bold=True)
    paragraph("Skills", bold=True)
    paragraph("Python, SQL, PyTorch, Docker, Kubernetes")
    document.save(str(path))
    return path


def test_docx_bold_headings_at_body_size_beside_bold_entry_lines(tmp_path: Path) -> None:
    from analyzer.nlp.profile import build_profile
    from analyzer.nlp.resources import get_resources
    from analyzer.settings import Settings

    document = read_document(_docx_sized_runs(tmp_path / "sized.docx"))
    assert [(s.name, s.heading) for s in document.sections] == [
        ("contact", ""),
        ("experience", "Experience"),
        ("education", "Education"),
        ("skills", "Skills"),
    ]
    assert [(e.section, e.role, e.organisation) for e in document.entries][:2] == [
        ("experience", "Machine Learning Engineer", "Shopwise"),
        ("experience", "Data Analyst", "Numbers Inc"),
    ]
    profile = build_profile(document, get_resources(Settings()), today=dt.date(2025, 6, 1))
    assert {"Python", "PyTorch", "Docker", "Kubernetes"} <= {s.name for s in profile.skills}
    assert {r.section for r in profile.bullet_reviews} == {"experience"}


def test_a_word_broken_at_a_line_end_hyphen_is_mended_from_the_document(tmp_path: Path) -> None:
    path = tmp_path / "hyphens.txt"
    path.write_text(
        "Ada Example\nada@example.com\n\nEXPERIENCE\n"
        "Machine Learning Engineer, Acme  Jan 2022 - Present\n"
        "• Trained rein-\n  forcement learning agents with PyTorch, cutting picking time by 18%\n"
        "• Ported the models from scikit-\n  learn to PyTorch, serving 2k requests per second\n"
        "• Wrote a multi-\n  armed bandit for the pricing page\n\n"
        "SKILLS\nReinforcement learning, scikit-learn, PyTorch\n",
        "utf-8",
    )
    assert [b.text for b in read_document(path).bullets] == [
        # the document prints "Reinforcement" whole: the hyphen only broke the line
        "Trained reinforcement learning agents with PyTorch, cutting picking time by 18%",
        # it prints "scikit-learn" hyphenated: the hyphen is the word's own
        "Ported the models from scikit-learn to PyTorch, serving 2k requests per second",
        # neither "multiarmed" nor "multi-armed" elsewhere: kept as printed
        "Wrote a multi-armed bandit for the pricing page",
    ]
