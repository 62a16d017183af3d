"""The real resumes of the shared corpus parse, in reading order, into what a person sees.

The expectations were written by looking at each rendered page (pdftoppm; the DOCX as rendered
by LibreOffice) of ../shared/corpus/resumes/ (located by tests/shared.py). The files are read
where they are, never copied into the repo; the tests skip when the shared folder is absent (set
MLCHECK_SHARED to point at it).

Reading order is page by page: a full-width header first, then the main column, then a sidebar
(README: "a sidebar is read after, not interleaved with, the main column"); a sidebar that holds
the name and no full-width header exists is the header and is read first. Only the resume's own
pages count: a cover letter or attachment pages bundled in the same file add no sections.
Headings in other languages get the canonical id of what they mean (Experiencia: experience).

Where mlcheck's reader does not yet read a file as a person does, that file's case is marked
xfail(strict=True) with what goes wrong, in XFAIL below; the truth is never bent to the reader.
A fix that makes such a case pass turns it into an XPASS failure: remove its XFAIL entry then.
Richer truth (entries, dates, degrees, years) for the same files is in corpus_truth.json.
"""

from __future__ import annotations

import re
from typing import Any

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
# moderncv's own examples: the same placeholder CV in English (banking style) and Spanish.
MODERNCV_EXAMPLE_SECTIONS = [
    ("contact", ""),
    ("education", "Education"),
    ("education", "Master thesis"),
    ("experience", "Experience"),
    ("other", "Languages"),
    ("skills", "Computer skills"),
    ("other", "Interests"),
    ("other", "Extra 1"),
    ("other", "Extra 2"),
    ("other", "References"),
    ("publications", "Publications"),
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
    "altacv__sample.pdf": (
        "YOUR NAME HERE",
        "your_name@email.com",
        [
            ("contact", ""),
            # page 1, wide left column
            ("experience", "EXPERIENCE"),
            ("projects", "PROJECTS"),
            ("other", "A DAY OF MY LIFE"),
            # page 1, right column
            ("other", "MY LIFE PHILOSOPHY"),
            ("awards", "MOST PROUD OF"),
            ("skills", "STRENGTHS"),
            ("other", "LANGUAGES"),
            ("education", "EDUCATION"),
            # page 2: two columns again, side by side at the same height
            ("publications", "PUBLICATIONS"),
            ("other", "REFEREES"),
        ],
    ),
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
    # A job-application bundle: cover letter (p1), Lebenslauf (pp2-4), attachments (pp5-15).
    # "Lebenslauf" is the CV's title and "Zeugnis" the attachments' title, not sections.
    "bewerbung__Bewerbung_Komplett_de.pdf": (
        "Dr. Max Mustermann",
        "job@weltherrschaft.de",
        [
            ("contact", ""),
            ("contact", "Persönliche Daten"),
            ("education", "Hochschulstudium"),
            ("education", "Schulbildung"),
            ("experience", "Berufliche Tätigkeiten"),
            ("other", "Weitere Tätigkeiten"),
            ("skills", "IT\u2013Kenntnisse"),
            ("other", "Fremdsprachen"),
        ],
    ),
    "brilliantcv__CV.pdf": (
        "John Doe",
        "john.doe@me.org",
        [
            ("contact", ""),
            ("education", "Education"),
            ("experience", "Professional Experience"),
            ("projects", "Projects & Associations"),
            ("certifications", "Certificates"),
            ("publications", "Publications"),
            ("skills", "Skills"),
        ],
    ),
    "deedy__deedy_resume-openfont.pdf": (
        "Debarghya Das",
        "deedy@fb.com",
        [
            ("contact", ""),
            # the wide right-hand main column
            ("experience", "EXPERIENCE"),
            ("experience", "RESEARCH"),
            ("awards", "AWARDS"),
            ("publications", "PUBLICATIONS"),
            # the narrow left-hand sidebar
            ("education", "EDUCATION"),
            ("contact", "LINKS"),
            ("education", "COURSEWORK"),
            ("skills", "SKILLS"),
        ],
    ),
    "friggeri_a4__cv.pdf": (
        # printed "john" light and "smith" bold with no gap between them
        "john smith",
        "john@smith.com",
        [
            ("contact", ""),
            # page 1, main column ("Full Time" / "Part Time" are sub-headings of experience)
            ("education", "education"),
            ("experience", "experience"),
            ("awards", "awards"),
            ("skills", "communication skills"),
            # page 1, the left aside
            ("contact", "contact"),
            ("other", "languages"),
            ("skills", "programming"),
            # pages 2-3 (the publication kinds are sub-headings of publications)
            ("other", "interests"),
            ("publications", "publications"),
        ],
    ),
    "latexcv__infographics2_fr.pdf": (
        "ACHRAF NAJMI",
        "najmi.achraf@gmail.com",
        [
            ("contact", ""),
            # left half
            ("skills", "COMPETENCES"),
            ("other", "LANGUES"),
            ("skills", "SOFTWARE PROGRAMS"),
            ("skills", "OS"),
            ("skills", "DEVELOPPEMENT INFORMATIQUE"),
            ("other", "ACTIVITES"),
            # right half: one dated timeline of degree, certificate, projects and events
            ("education", "EDUCATION ET PROJET ET EXPERIENCE"),
        ],
    ),
    "latexcv__sidebar.pdf": (
        "JAN KÜSTER",
        "info@jankuester.com",
        [
            ("contact", ""),
            # main column under the photo
            ("summary", "STATUS"),
            ("experience", "EXPERIENCE"),
            ("education", "EDUCATION"),
            # right sidebar
            ("contact", "CONTACT"),
            ("skills", "FIELDS"),
            ("skills", "TECHNOLOGIES"),
            ("skills", "TOOLS"),
            ("other", "ACTIVITIES"),
            ("skills", "OPERATING SYSTEMS"),
        ],
    ),
    "moderncv__template-es.pdf": (
        "John Doe",
        "john@doe.org",
        [
            ("contact", ""),
            ("education", "Formación académica"),
            ("education", "Tesis de maestría"),
            ("experience", "Experiencia"),
            ("other", "Idiomas"),
            ("skills", "Conocimientos de computación"),
            ("other", "Interests"),
            ("other", "Extra 1"),
            ("other", "Extra 2"),
            ("publications", "Publications"),
        ],
    ),
    # pages 1-3 are the CV; page 4 is a cover letter with no headings of its own
    "moderncv__template_banking_red.pdf": ("John Doe", "john@doe.org", MODERNCV_EXAMPLE_SECTIONS),
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
    "pandocresume__resume.docx": (
        "Johnny Coder",
        "email@example.com",
        [
            ("contact", ""),
            ("education", "Education"),
            ("experience", "Experience"),
            ("experience", "Technical Experience"),
            ("other", "Extra Section, Call it Whatever You Want"),
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
    "twentyseconds__Twenty-Seconds-Icons_cv.pdf": (
        "Alice",
        "alice@wonderland.com",
        [
            # the grey left sidebar holds photo, name and contact: it is the header
            ("contact", ""),
            ("summary", "About me"),
            ("skills", "Skill"),
            # main column; each title's first letters sit in a box ("int|erests")
            ("other", "interests"),
            ("education", "education"),
            ("publications", "publications"),
            ("awards", "awards"),
            ("experience", "experience"),
            ("other", "other information"),
        ],
    ),
}

# What mlcheck's reader gets wrong today, per check and file (issue 13 tracks the fixes).
XFAIL: dict[str, dict[str, str]] = {
    "sections": {
        "altacv__sample.pdf": (
            "page 2's PUBLICATIONS and REFEREES, side by side in two columns, are joined into "
            "one heading 'PUBLICATIONS REFEREES'"
        ),
        "deedy__deedy_resume-openfont.pdf": (
            "the narrow left sidebar (EDUCATION, LINKS, COURSEWORK, SKILLS) is read before the "
            "wide main column (EXPERIENCE, RESEARCH, AWARDS, PUBLICATIONS): under a full-width "
            "header the left column is read first whatever its width"
        ),
        "latexcv__infographics2_fr.pdf": (
            "the two-letter heading OS is read on one line with the paragraph beside it ('OS "
            "J'utilise régulièrement...') and not found"
        ),
        "latexcv__sidebar.pdf": (
            "the header 'JAN KÜSTER | RESUME' is joined with the sidebar's CONTACT into one heading"
        ),
        "twentyseconds__Twenty-Seconds-Icons_cv.pdf": (
            "the main column's first title 'interests' (its first letters in a box, read split "
            "and joined back) is read before the grey sidebar that holds the name, so the "
            "document opens with it and has no contact part"
        ),
    },
    "name": {},
    "email": {},
    "clean": {},
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


def _cases(check: str) -> list[Any]:
    """Every expected file, its case marked xfail (strict) where XFAIL says the reader errs."""
    known = XFAIL[check]
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=known[name]))
        if name in known
        else name
        for name in sorted(EXPECTED)
    ]


def corpus_files() -> list[str]:
    """The resumes of the shared corpus (PDF and DOCX)."""
    return sorted(p.name for pattern in ("*.pdf", "*.docx") for p in RESUMES.glob(pattern))


def test_every_corpus_file_is_expected() -> None:
    if not RESUMES.is_dir():
        pytest.skip(f"shared corpus not found at {RESUMES} (set MLCHECK_SHARED)")
    assert corpus_files() == sorted(EXPECTED)


def test_xfail_entries_name_expected_files() -> None:
    for check, known in XFAIL.items():
        assert set(known) <= set(EXPECTED), check


@pytest.mark.parametrize("name", _cases("sections"))
def test_sections(name: str) -> None:
    document = _read(name)
    assert [(s.name, s.heading) for s in document.sections] == EXPECTED[name][2]


@pytest.mark.parametrize("name", _cases("name"))
def test_name(name: str) -> None:
    assert _read(name).contact.name == EXPECTED[name][0]


@pytest.mark.parametrize("name", _cases("email"))
def test_email(name: str) -> None:
    assert _read(name).contact.email == EXPECTED[name][1]


@pytest.mark.parametrize("name", _cases("clean"))
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
