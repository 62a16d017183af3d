"""Date ranges, heading vocabulary and contact helpers as pure functions."""

from __future__ import annotations

import datetime as dt

import pytest

from analyzer.documents import canonical_heading, extract_contact, find_date_range
from analyzer.documents.lines import TextLine
from analyzer.documents.sections import find_sections, rejoin_split_heading
from analyzer.models import Link
from analyzer.rules import shipped_rules

HEADINGS = shipped_rules().headings


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("Jan 2020 – Present", dt.date(2020, 1, 1), None, True),
        ("2019-2023", dt.date(2019, 1, 1), dt.date(2023, 1, 1), False),
        ("03/2021 - 05/2022", dt.date(2021, 3, 1), dt.date(2022, 5, 1), False),
        ("Sept. 2018 — Current", dt.date(2018, 9, 1), None, True),
        ("Summer 2020", dt.date(2020, 6, 1), dt.date(2020, 6, 1), False),
        ("June 2012 to Now", dt.date(2012, 6, 1), None, True),
        ("Mar. 2010 - Aug. 2017", dt.date(2010, 3, 1), dt.date(2017, 8, 1), False),
        ("Fall 2013 – Spring 2014", dt.date(2013, 9, 1), dt.date(2014, 3, 1), False),
        ("2021-05 – 2022-01", dt.date(2021, 5, 1), dt.date(2022, 1, 1), False),
    ],
)
def test_date_ranges(text: str, start: dt.date, end: dt.date | None, current: bool) -> None:
    found = find_date_range(f"Engineer, Acme  {text}")
    assert found is not None
    assert (found.text, found.start, found.end, found.current) == (text, start, end, current)


def test_no_date_in_plain_text() -> None:
    assert find_date_range("Built 3 pipelines for 12 teams") is None


@pytest.mark.parametrize(
    ("heading", "canonical"),
    [
        ("Work Experience", "experience"),
        ("PROFESSIONAL EXPERIENCE", "experience"),
        ("Employment History", "experience"),
        ("Career History", "experience"),
        ("Relevant Experience:", "experience"),
        ("Profile", "summary"),
        ("About Me", "summary"),
        ("Objective", "summary"),
        ("Technical Skills", "skills"),
        ("Skills & Tools", "skills"),
        ("Core Competencies", "skills"),
        ("Personal Projects", "projects"),
        ("Selected Projects", "projects"),
        ("Honors", "awards"),
        ("Honours & Awards", "awards"),
        ("HONORS/AWARDS", "awards"),
        ("Academic Background", "education"),
        ("Licenses & Certifications", "certifications"),
        ("Papers", "publications"),
        ("Volunteering", "other"),
        ("Languages", "other"),
        ("Interests", "other"),
        ("E X P E R I E N C E", "experience"),
        ("Work Experience & Internships", "experience"),
        ("Contact", "contact"),
        ("Where I have worked", "experience"),
        ("Professional Background", "experience"),
        ("Work History", "experience"),
        ("Strengths", "skills"),
        ("Master thesis", "education"),
    ],
)
def test_canonical_headings(heading: str, canonical: str) -> None:
    assert canonical_heading(heading, HEADINGS) == canonical


@pytest.mark.parametrize(
    ("heading", "canonical"),
    [
        # German
        ("Berufserfahrung", "experience"),
        ("Beruflicher Werdegang", "experience"),
        ("Ausbildung", "education"),
        ("Akademische Ausbildung", "education"),
        ("Kenntnisse", "skills"),
        ("IT\u2013Kenntnisse", "skills"),
        ("Sprachen", "other"),
        ("Persönliche Daten", "contact"),
        ("Veröffentlichungen", "publications"),
        # Spanish
        ("Experiencia profesional", "experience"),
        ("Experiencia", "experience"),
        ("Formación académica", "education"),
        ("Conocimientos", "skills"),
        ("Idiomas", "other"),
        ("Proyectos", "projects"),
        # French, printed with and without accents
        ("Expérience professionnelle", "experience"),
        ("EXPERIENCES PROFESSIONNELLES", "experience"),
        ("Formation", "education"),
        ("Compétences", "skills"),
        ("COMPETENCES TECHNIQUES", "skills"),
        ("Langues", "other"),
        ("Centres d'intérêt", "other"),
        # Portuguese
        ("Experiência profissional", "experience"),
        ("Formação", "education"),
        ("Competências", "skills"),
        ("Projetos", "projects"),
    ],
)
def test_headings_in_other_languages(heading: str, canonical: str) -> None:
    assert canonical_heading(heading, HEADINGS) == canonical


def test_resume_as_a_title_is_no_heading() -> None:
    # French "Résumé" means summary, but English resumes print it as their title.
    assert canonical_heading("RÉSUMÉ", HEADINGS) is None


@pytest.mark.parametrize("text", ["Ada Lovelace", "Built a ranking model", "", "Acme Corp"])
def test_not_headings(text: str) -> None:
    assert canonical_heading(text, HEADINGS) is None


def test_extract_contact_from_text_and_annotations() -> None:
    contact = extract_contact(
        "Ada Lovelace\nBerlin, Germany | (030) 1234-5678\nhttps://www.github.com/ada/ | ada.dev",
        HEADINGS,
        ["mailto:ada@example.com", "https://github.com/ada", "https://linkedin.com/in/ada"],
    )
    assert contact.name == "Ada Lovelace"
    assert contact.email == "ada@example.com"
    assert contact.phone == "(030) 1234-5678"
    assert contact.location == "Berlin, Germany"
    assert contact.links == (
        Link(url="https://www.github.com/ada/", kind="github", source="text"),
        Link(url="ada.dev", kind="website", source="text"),
        Link(url="https://linkedin.com/in/ada", kind="linkedin", source="annotation"),
    )


def test_year_ranges_are_not_phone_numbers() -> None:
    assert extract_contact("Ada Lovelace\n2019 - 2023", HEADINGS).phone is None


def test_a_legend_spaced_like_a_heading_is_body_text_when_headings_are_bold() -> None:
    # latexcv's French CV: a timeline legend "Éducation Projet Expérience" under the bold
    # headings has a gap before it and names sections, but is printed as body text.
    def line(text: str, *, bold: bool = False, gap: float = 2.0) -> TextLine:
        return TextLine(text, page=1, size=9.0, bold=bold, gap_before=gap)

    lines = [
        line("Ada Lovelace", bold=True, gap=0.0),
        line("COMPETENCES", bold=True, gap=12.0),
        line("Python, C, LaTeX"),
        line("NumPy, SymPy, tkinter"),
        line("Windows, macOS"),
        line("FORMATION", bold=True, gap=12.0),
        line("Éducation Projet Expérience Événement", gap=5.0),
        line("2019 Licence, Université Hassan II"),
        line("Filière : Sciences de la Matière Physique"),
        line("2016 Baccalauréat, Casablanca"),
    ]
    assert [(s.name, s.heading) for s in find_sections(lines, HEADINGS)] == [
        ("contact", ""),
        ("skills", "COMPETENCES"),
        ("education", "FORMATION"),
    ]


@pytest.mark.parametrize(
    ("printed", "joined"),
    [
        ("int erests", "interests"),
        ("E DUCATION", "EDUCATION"),
        ("Work Ex perience", "Work Experience"),
        ("edu cation", "education"),
        ("Education", None),
        ("Ada Lovelace", None),
        ("Data Science", None),
    ],
)
def test_headings_split_inside_a_word_are_joined(printed: str, joined: str | None) -> None:
    assert rejoin_split_heading(printed, HEADINGS) == joined


def test_boxed_first_letters_and_a_bigger_sidebar_title() -> None:
    # Twenty-Seconds: sidebar titles at 20.7 pt, the main column's six at 17.2 pt with their
    # first letters in a box, read as a separate word.
    def line(text: str, size: float = 10.0, gap: float = 2.6) -> TextLine:
        return TextLine(text, page=1, size=size, gap_before=gap)

    lines = [
        line("Alice", 24.8, 0.0),
        line("alice@wonderland.com"),
        line("About me", 20.7, 10.0),
        line("Alice is a sensible girl"),
        line("Skill", 20.7, 10.0),
        line("good manners"),
        line("edu cation", 17.2, 10.0),
        line("1863-1865 M.Sc. Wonderland"),
        line("pub lications", 17.2, 10.0),
        line("1865 Chapter One"),
        line("awa rds", 17.2, 10.0),
        line("1987 All-Time Best Fantasy Novel"),
        line("exp erience", 17.2, 10.0),
        line("1933 Alice in Wonderland"),
    ]
    assert [(s.name, s.heading) for s in find_sections(lines, HEADINGS)] == [
        ("contact", ""),
        ("summary", "About me"),
        ("skills", "Skill"),
        ("education", "education"),
        ("publications", "publications"),
        ("awards", "awards"),
        ("experience", "experience"),
    ]
