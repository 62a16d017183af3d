"""The real resumes of the shared corpus parse, in reading order, into what a person sees.

The expectations were written by looking at each rendered page (pdftoppm) of
../shared/corpus/resumes/ (located by tests/shared.py). The files are read where they are,
never copied into the repo; the tests skip when the shared folder is absent (set
MLCHECK_SHARED to point at it).
"""

from __future__ import annotations

import re

import pytest

from analyzer.documents import read_document
from analyzer.models import ResumeDocument
from tests.shared import CORPUS

RESUMES = CORPUS / "resumes"

RENDERCV_SECTIONS = [
    ("contact", ""),
    ("other", "Welcome to RenderCV"),
    ("education", "Education"),
    ("experience", "Experience"),
    ("projects", "Projects"),
    ("publications", "Publications"),
    ("awards", "Selected Honors"),
    ("skills", "Skills"),
    ("publications", "Patents"),
    ("other", "Invited Talks"),
]
MODERNCV_SECTIONS = [
    ("contact", ""),
    ("summary", "Professional Summary"),
    ("skills", "Skills"),
    ("experience", "Experience"),
    ("education", "Education"),
    ("projects", "Projects"),
]

# file -> (name, email, sections as (canonical, heading as printed) in reading order)
EXPECTED: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "awesomecv__cv.pdf": (
        "Claud D. Park",
        "posquit0.bj@gmail.com",
        [
            ("contact", ""),
            ("education", "Education"),
            ("skills", "Skills"),
            ("experience", "Experience"),
            ("other", "Extracurricular Activity"),
            ("awards", "Honors & Awards"),
            ("certifications", "Certificates"),
            ("other", "Presentation"),
            ("other", "Writing"),
            ("other", "Program Committees"),
        ],
    ),
    "awesomecv__resume.pdf": (
        "Byungjin Park",
        "posquit0.bj@gmail.com",
        [
            ("contact", ""),
            ("summary", "Summary"),
            ("experience", "Work Experience"),
            ("awards", "Honors & Awards"),
            ("certifications", "Certificates"),
            ("education", "Education"),
        ],
    ),
    "openresume__laverne-resume.pdf": (
        "Leo Leopard",
        "lleopard@laverne.edu",
        [
            ("contact", ""),
            ("summary", "OBJECTIVE"),
            ("education", "EDUCATION"),
            ("awards", "HONORS/AWARDS"),
            ("other", "ON CAMPUS INVOLVEMENT"),
            ("other", "VOLUNTEER EXPERIENCE"),
            ("skills", "SKILLS"),
        ],
    ),
    "rendercv__John_Doe_ClassicTheme_CV.pdf": ("John Doe", "john.doe@email.com", RENDERCV_SECTIONS),
    "rendercv__John_Doe_EngineeringresumesTheme_CV.pdf": (
        "John Doe",
        "john.doe@email.com",
        RENDERCV_SECTIONS,
    ),
    "rendercv__John_Doe_ModerncvTheme_CV.pdf": (
        "John Doe",
        "john.doe@email.com",
        RENDERCV_SECTIONS,
    ),
    "rendercv__John_Doe_Sb2novTheme_CV.pdf": ("John Doe", "john.doe@email.com", RENDERCV_SECTIONS),
    "resumematcher__bruce_wayne_fullstack.pdf": (
        "Bruce Wayne",
        "bwayne@email.com",
        MODERNCV_SECTIONS,
    ),
    "resumematcher__harvey_dent_mle.pdf": ("Harvey Dent", "hdent@email.com", MODERNCV_SECTIONS),
    "resumematcher__template_single-column.pdf": (
        "JOHN DOE",
        "john.doe@email.com",
        [
            ("contact", ""),
            ("summary", "SUMMARY"),
            ("experience", "EXPERIENCE"),
            ("education", "EDUCATION"),
            ("projects", "PROJECTS"),
            ("skills", "SKILLS & AWARDS"),
        ],
    ),
    "resumematcher__template_two-column.pdf": (
        "JOHN DOE",
        "john.doe@email.com",
        [
            ("contact", ""),
            ("summary", "SUMMARY"),
            ("experience", "EXPERIENCE"),
            ("projects", "PROJECTS"),
            ("education", "EDUCATION"),
            ("skills", "SKILLS"),
            ("contact", "LINKS"),
        ],
    ),
    "simpleresume__sample.pdf": (
        "John Doe",
        "email@email.com",
        [
            ("contact", ""),
            ("experience", "Experience"),
            ("education", "Education"),
            ("certifications", "Certifications"),
            ("contact", "Contact"),
            ("skills", "Expertise"),
            ("other", "Languages"),
            ("skills", "Key Skills"),
        ],
    ),
}

_CACHE: dict[str, ResumeDocument] = {}


def _read(name: str) -> ResumeDocument:
    if not RESUMES.is_dir():
        pytest.skip(f"shared corpus not found at {RESUMES} (set MLCHECK_SHARED)")
    path = RESUMES / name
    if not path.is_file():
        pytest.skip(f"{name} is not in the shared corpus")
    if name not in _CACHE:
        _CACHE[name] = read_document(path)
    return _CACHE[name]


def test_every_corpus_file_is_expected() -> None:
    if not RESUMES.is_dir():
        pytest.skip(f"shared corpus not found at {RESUMES} (set MLCHECK_SHARED)")
    assert sorted(p.name for p in RESUMES.glob("*.pdf")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sections_name_and_email(name: str) -> None:
    document = _read(name)
    person, email, sections = EXPECTED[name]
    assert [(s.name, s.heading) for s in document.sections] == sections
    assert document.contact.name == person
    assert document.contact.email == email


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_text_is_clean(name: str) -> None:
    text = _read(name).text
    assert not re.search("[\ue000-\uf8ff]", text), "icon-font glyphs leaked into the text"
    assert "\u00ad" not in text


def test_two_column_sidebar_is_read_after_the_main_column() -> None:
    document = _read("resumematcher__template_two-column.pdf")
    assert document.layout.columns == 2
    experience = document.section("experience")
    assert experience is not None
    assert "Elasticsearch" not in experience.text
    skills = document.section("skills")
    assert skills is not None
    assert skills.text.splitlines()[:2] == [
        "Go Python Node.js TypeScript",
        "JavaScript SQL PostgreSQL",
    ]


def test_moderncv_date_column_stays_with_its_entries() -> None:
    document = _read("resumematcher__harvey_dent_mle.pdf")
    assert document.layout.columns == 1
    assert [(e.section, e.role, e.organisation, e.dates, e.current) for e in document.entries] == [
        ("experience", "Machine Learning Engineer", "OpenAI", "2021 – Present", True),
        ("experience", "Data Scientist", "Uber", "2018 – 2021", False),
        ("experience", "Junior Data Analyst", "Facebook", "2016 – 2018", False),
        ("education", "Master of Science in Computer Science", "MIT", "2014 – 2016", False),
        (
            "education",
            "Bachelor of Science in Computer Science",
            "UC San Diego",
            "2010 – 2014",
            False,
        ),
        (
            "projects",
            None,
            "Personal Project: Predictive Stock Trading Model",
            "2021 – Present",
            True,
        ),
    ]
    assert document.bullets[0].text.startswith("Leading a team of AI engineers. Designed and")
    assert document.bullets[0].text.endswith(
        "Published several research papers in top-tier AI conferences."
    )
    # The header's right-hand address block is read after the name and title.
    assert [line.text for line in document.lines[:3]] == [
        "Harvey Dent",
        "Machine Learning Engineer",
        "321 Gotham St",
    ]
    assert document.contact.phone == "(123) 456-7891"


def test_sidebar_on_the_left_starts_with_the_name_column() -> None:
    document = _read("simpleresume__sample.pdf")
    assert document.layout.columns == 2
    assert document.lines[0].text == "John Doe"
    assert "MMaarrkkddoowwnn" not in document.text and "Markdown" in document.text
    assert document.layout.images == 6


def test_glued_words_are_counted_but_read_apart() -> None:
    document = _read("awesomecv__resume.pdf")
    assert document.layout.glued_words > 20
    assert "DevOps Engineer" in document.text
    assert [(e.role, e.organisation) for e in document.entries[:2]] == [
        ("DevOps Engineer", "Dunamu Inc."),
        (
            "Founding Member & Site Reliability Engineer & Infrastructure Team Lead",
            "Danggeun Pay Inc. (KarrotPay)",
        ),
    ]
    assert "February 10, 2026 Byungjin Park · Résumé 1" in document.layout.header_footer_text
    assert "Résumé 1" not in document.text


def test_annotation_links_of_a_latex_resume() -> None:
    links = _read("resumematcher__harvey_dent_mle.pdf").contact.links
    assert [(link.url, link.kind, link.source) for link in links] == [
        ("https://www.linkedin.com/in/hdent", "linkedin", "annotation"),
        ("https://github.com/hdent", "github", "annotation"),
    ]
