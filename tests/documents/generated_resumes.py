"""Resumes generated in code for the layouts the shared corpus lacks, with their truth.

Each case writes one file and carries its truth in the form of corpus_truth.json (the fields the
structure checks use): the layouts issue 13 names (a DOCX without heading styles, a German
resume, letter-spaced headings in two columns, one-line "role, company ... dates", two-line
headers in either order, a left date column, several roles under one company). The truth is
written from the content drawn, which is what a person sees on the page.
benchmarks/structure_eval.py builds them in a temporary folder and scores them with the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

from tests.pdf_factory import BODY_FONT, BOLD_FONT, make_resume_docx, make_resume_pdf


@dataclass(frozen=True)
class GeneratedResume:
    """One generated resume: how to write it and what a person sees on it."""

    file: str
    """File name written into the target folder."""
    build: Callable[[Path], Path]
    """Write the file to the given path and return it."""
    truth: dict[str, Any]
    """Same fields as a corpus_truth.json entry (those the structure checks use)."""


def _job(
    role: str,
    organisation: str,
    start: str | None,
    end: str | None,
    location: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "role": role,
        "organisation": organisation,
        "location": location,
        "start": start,
        "end": end,
        **extra,
    }


def _school(
    level: str, printed: str, institution: str, start: str | None, end: str | None
) -> dict[str, Any]:
    return {
        "degree_level": level,
        "degree_as_printed": printed,
        "field": None,
        "institution": institution,
        "start": start,
        "end": end,
    }


def _truth(
    file: str,
    name: str,
    sections: Sequence[tuple[str, str]],
    experience: list[dict[str, Any]],
    education: list[dict[str, Any]],
    as_of: str | None,
    years: float | None,
    language: str = "en",
) -> dict[str, Any]:
    return {
        "file": file,
        "language": language,
        "name": name,
        "sections": [["contact", ""], *[list(pair) for pair in sections]],
        "experience": experience,
        "education": education,
        "as_of": as_of,
        "years_of_experience": years,
    }


SKILLS = "Python, PyTorch, scikit-learn, SQL, Docker, Kubernetes, Airflow"
BULLET = "• Built a ranking model in PyTorch that raised click-through by 12% for 3M users"
BULLET2 = "• Deployed the feature pipeline on Kubernetes with Airflow and cut costs by 30%"


# --------------------------------------------------------------------------- one-line headers


def _one_line(path: Path) -> Path:
    """sb2nov style: "Role, Company ... dates" on one line, the location on the next."""
    return make_resume_pdf(
        path,
        name="Priya Raman",
        contact_lines=["priya.raman@example.com | +1 415 555 0100 | San Francisco, CA"],
        sections=[
            (
                "Experience",
                [
                    "**Senior Machine Learning Engineer, Stripe\tMar 2021 – Present",
                    "San Francisco, CA",
                    BULLET,
                    BULLET2,
                    "**Data Scientist, Airbnb\tJun 2017 – Feb 2021",
                    "San Francisco, CA",
                    BULLET,
                    "**Machine Learning Intern, Google\tJun 2016 – Sep 2016",
                    "Mountain View, CA",
                    BULLET2,
                ],
            ),
            (
                "Education",
                [
                    "**M.S. in Computer Science, Stanford University\tSep 2015 – Jun 2017",
                    "**B.Tech in Computer Science, IIT Madras\tJul 2011 – May 2015",
                ],
            ),
            ("Skills", [SKILLS]),
        ],
        footer_text="Updated May 2024",
    )


ONE_LINE = GeneratedResume(
    "generated__one_line_role_company_dates.pdf",
    _one_line,
    _truth(
        "generated__one_line_role_company_dates.pdf",
        "Priya Raman",
        [("experience", "Experience"), ("education", "Education"), ("skills", "Skills")],
        [
            _job("Senior Machine Learning Engineer", "Stripe", "2021-03", "present"),
            _job("Data Scientist", "Airbnb", "2017-06", "2021-02"),
            _job("Machine Learning Intern", "Google", "2016-06", "2016-09", internship=True),
        ],
        [
            _school(
                "master", "M.S. in Computer Science", "Stanford University", "2015-09", "2017-06"
            ),
            _school("bachelor", "B.Tech in Computer Science", "IIT Madras", "2011-07", "2015-05"),
        ],
        "2024-05",
        7.0,
    ),
)


# --------------------------------------------------------------------------- two-line headers


def _role_first(path: Path) -> Path:
    """Role and dates on the first line, company and location on the second."""
    return make_resume_pdf(
        path,
        name="Tomasz Nowak",
        contact_lines=["tomasz.nowak@example.com | Warsaw, Poland"],
        sections=[
            ("Summary", ["ML engineer building recommendation systems for retail."]),
            (
                "Work Experience",
                [
                    "**ML Engineer\t01/2020 – 12/2023",
                    "Allegro\tWarsaw, Poland",
                    BULLET,
                    "**Data Analyst\t09/2017 – 12/2019",
                    "Orange Polska\tWarsaw, Poland",
                    BULLET2,
                ],
            ),
            (
                "Education",
                [
                    "**M.Sc. in Computer Science\t2015 – 2017",
                    "Warsaw University of Technology",
                    "**B.E. in Electronics\t2011 – 2015",
                    "Gdansk University of Technology",
                ],
            ),
            ("Technical Skills", [SKILLS]),
        ],
    )


ROLE_FIRST = GeneratedResume(
    "generated__two_line_role_first.pdf",
    _role_first,
    _truth(
        "generated__two_line_role_first.pdf",
        "Tomasz Nowak",
        [
            ("summary", "Summary"),
            ("experience", "Work Experience"),
            ("education", "Education"),
            ("skills", "Technical Skills"),
        ],
        [
            _job("ML Engineer", "Allegro", "2020-01", "2023-12", "Warsaw, Poland"),
            _job("Data Analyst", "Orange Polska", "2017-09", "2019-12", "Warsaw, Poland"),
        ],
        [
            _school(
                "master",
                "M.Sc. in Computer Science",
                "Warsaw University of Technology",
                "2015",
                "2017",
            ),
            _school(
                "bachelor", "B.E. in Electronics", "Gdansk University of Technology", "2011", "2015"
            ),
        ],
        "2023-12",
        6.3,
    ),
)


def _company_first(path: Path) -> Path:
    """Company and location first, then role and dates; several roles under one company."""
    return make_resume_pdf(
        path,
        name="Grace Okafor",
        contact_lines=["grace.okafor@example.com | Lagos, Nigeria"],
        sections=[
            (
                "Professional Experience",
                [
                    "**Flutterwave\tLagos, Nigeria",
                    "Senior Data Scientist\tJan 2022 – Present",
                    BULLET,
                    "Data Scientist\tMar 2019 – Dec 2021",
                    BULLET2,
                    "**Interswitch\tLagos, Nigeria",
                    "Data Analyst\tJul 2016 – Feb 2019",
                    BULLET,
                ],
            ),
            (
                "Education",
                [
                    "**MBA, Lagos Business School\t2014 – 2016",
                    "**Associate of Science in Mathematics, Yaba College of Technology"
                    "\t2010 – 2012",
                ],
            ),
            ("Skills", [SKILLS]),
        ],
        footer_text="Last updated: April 2025",
    )


COMPANY_FIRST = GeneratedResume(
    "generated__two_line_company_first_several_roles.pdf",
    _company_first,
    _truth(
        "generated__two_line_company_first_several_roles.pdf",
        "Grace Okafor",
        [
            ("experience", "Professional Experience"),
            ("education", "Education"),
            ("skills", "Skills"),
        ],
        [
            _job("Senior Data Scientist", "Flutterwave", "2022-01", "present", "Lagos, Nigeria"),
            _job("Data Scientist", "Flutterwave", "2019-03", "2021-12", "Lagos, Nigeria"),
            _job("Data Analyst", "Interswitch", "2016-07", "2019-02", "Lagos, Nigeria"),
        ],
        [
            _school("mba", "MBA", "Lagos Business School", "2014", "2016"),
            _school(
                "associate",
                "Associate of Science in Mathematics",
                "Yaba College of Technology",
                "2010",
                "2012",
            ),
        ],
        "2025-04",
        8.8,
    ),
)


# --------------------------------------------------------------------------- left date column


def _left_dates(path: Path) -> Path:
    """Dates in a left column, role/company/bullets in a right one (moderncv style)."""
    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    y = height - 60
    canvas.setFont(BOLD_FONT, 22)
    canvas.drawString(60, y, "Lucas Martin")
    y -= 20
    canvas.setFont(BODY_FONT, 10)
    canvas.drawString(60, y, "lucas.martin@example.com | +33 6 12 34 56 78 | Lyon, France")
    y -= 30
    dates_x, body_x = 60, 170

    def heading(text: str) -> None:
        nonlocal y
        canvas.setFont(BOLD_FONT, 13)
        canvas.drawString(body_x, y, text)
        y -= 20

    def row(dates: str, header: str, lines: Sequence[str] = ()) -> None:
        nonlocal y
        canvas.setFont(BODY_FONT, 10)
        canvas.drawString(dates_x, y, dates)
        canvas.setFont(BOLD_FONT, 10)
        canvas.drawString(body_x, y, header)
        y -= 13
        canvas.setFont(BODY_FONT, 10)
        for line in lines:
            canvas.drawString(body_x, y, line)
            y -= 13
        y -= 6

    heading("Experience")
    row(
        "2021 – 2024",
        "Machine Learning Engineer, Criteo, Paris",
        ["• Trained CTR models in PyTorch on 2B events a day, raising revenue by 4%"],
    )
    row(
        "2018 – 2021",
        "Data Engineer, Doctolib, Paris",
        ["• Built Airflow pipelines in Python feeding 40 dashboards"],
    )
    heading("Education")
    row("2016 – 2018", "Master in Data Science, Université Lyon 1")
    row("2013 – 2016", "Licence in Mathematics, Université Lyon 1")
    heading("Skills")
    canvas.setFont(BODY_FONT, 10)
    canvas.drawString(body_x, y, SKILLS)
    canvas.save()
    return path


LEFT_DATES = GeneratedResume(
    "generated__left_date_column.pdf",
    _left_dates,
    _truth(
        "generated__left_date_column.pdf",
        "Lucas Martin",
        [("experience", "Experience"), ("education", "Education"), ("skills", "Skills")],
        [
            _job("Machine Learning Engineer", "Criteo", "2021", "2024", "Paris"),
            _job("Data Engineer", "Doctolib", "2018", "2021", "Paris"),
        ],
        [
            _school("master", "Master in Data Science", "Université Lyon 1", "2016", "2018"),
            _school("bachelor", "Licence in Mathematics", "Université Lyon 1", "2013", "2016"),
        ],
        "2024",
        6.0,
    ),
)


# --------------------------------------------------------------------------- German


def _german(path: Path) -> Path:
    return make_resume_pdf(
        path,
        name="Jonas Becker",
        contact_lines=["jonas.becker@example.de | +49 30 1234567 | Berlin"],
        sections=[
            (
                "Berufserfahrung",
                [
                    "**Data Scientist, Zalando SE\t04/2020 – heute",
                    "• Entwicklung von Empfehlungsmodellen mit PyTorch für 40 Millionen Kunden",
                    "**Werkstudent Data Engineering, SAP SE\t10/2018 – 03/2020",
                    "• Aufbau von Datenpipelines mit Python und Airflow",
                ],
            ),
            (
                "Ausbildung",
                [
                    "**Dipl.-Ing. Informatik, Technische Universität München\t2013 – 2019",
                ],
            ),
            ("Kenntnisse", [SKILLS]),
        ],
        footer_text="Berlin, März 2023",
    )


GERMAN = GeneratedResume(
    "generated__german.pdf",
    _german,
    _truth(
        "generated__german.pdf",
        "Jonas Becker",
        [("experience", "Berufserfahrung"), ("education", "Ausbildung"), ("skills", "Kenntnisse")],
        [
            _job("Data Scientist", "Zalando SE", "2020-04", "present"),
            _job("Werkstudent Data Engineering", "SAP SE", "2018-10", "2020-03", in_years=False),
        ],
        [
            _school(
                "master",
                "Dipl.-Ing. Informatik",
                "Technische Universität München",
                "2013",
                "2019",
            ),
        ],
        "2023-03",
        3.0,
        language="de",
    ),
)


# --------------------------------------------------------------------------- DOCX, no styles


def _docx_plain(path: Path) -> Path:
    return make_resume_docx(
        path,
        name="Sam Carter",
        contact_lines=["sam.carter@example.com | +1 206 555 0199 | Seattle, WA"],
        sections=[
            ("SUMMARY", ["Machine learning engineer focused on NLP in production."]),
            (
                "EXPERIENCE",
                [
                    "**NLP Engineer, Amazon\tAug 2019 – Present",
                    "• Fine-tuned transformer models with PyTorch and Hugging Face for search",
                    "**Software Engineer, Expedia\tJul 2016 – Jul 2019",
                    "• Built Python services on Docker and Kubernetes",
                ],
            ),
            (
                "EDUCATION",
                [
                    "**J.D., University of Washington\t2012 – 2015",
                    "**B.A. in Linguistics, University of Washington\t2008 – 2012",
                ],
            ),
            ("SKILLS", [SKILLS]),
        ],
        heading_styles=False,
        footer_text="Resume as of January 2024",
    )


DOCX_PLAIN = GeneratedResume(
    "generated__docx_no_heading_styles.docx",
    _docx_plain,
    _truth(
        "generated__docx_no_heading_styles.docx",
        "Sam Carter",
        [
            ("summary", "SUMMARY"),
            ("experience", "EXPERIENCE"),
            ("education", "EDUCATION"),
            ("skills", "SKILLS"),
        ],
        [
            _job("NLP Engineer", "Amazon", "2019-08", "present"),
            _job("Software Engineer", "Expedia", "2016-07", "2019-07"),
        ],
        [
            _school("jd", "J.D.", "University of Washington", "2012", "2015"),
            _school("bachelor", "B.A. in Linguistics", "University of Washington", "2008", "2012"),
        ],
        "2024-01",
        7.6,
    ),
)


# ---------------------------------------------------------------- letter-spaced, two columns


def _letter_spaced(path: Path) -> Path:
    """Two columns with headings drawn with wide character spacing, sidebar on the left."""
    canvas = Canvas(str(path), pagesize=LETTER)
    width, height = LETTER
    canvas.setFont(BOLD_FONT, 24)
    canvas.drawString(54, height - 70, "Mei Chen")
    canvas.setFont(BODY_FONT, 10)
    canvas.drawString(54, height - 88, "mei.chen@example.com | +65 9123 4567 | Singapore")
    side_x, main_x = 54, 230
    top = height - 130

    def spaced(x: float, y: float, text: str) -> None:
        canvas.saveState()  # the character spacing must not leak into the text after
        label = canvas.beginText(x, y)
        label.setFont(BOLD_FONT, 12)
        label.setCharSpace(3.5)
        label.textLine(text)
        canvas.drawText(label)
        canvas.restoreState()

    def lines(x: float, y: float, items: Sequence[tuple[str, str]]) -> float:
        for font, text in items:
            canvas.setFont(font, 10)
            canvas.drawString(x, y, text)
            y -= 14
        return y

    y = top
    spaced(side_x, y, "SKILLS")
    y = lines(side_x, y - 20, [(BODY_FONT, "Python, PyTorch"), (BODY_FONT, "SQL, Docker")])
    spaced(side_x, y - 14, "EDUCATION")
    lines(
        side_x,
        y - 34,
        [
            (BOLD_FONT, "PhD in Statistics"),
            (BODY_FONT, "NUS, 2014 – 2018"),
            (BOLD_FONT, "B.Sc. in Mathematics"),
            (BODY_FONT, "NTU, 2010 – 2014"),
        ],
    )
    y = top
    spaced(main_x, y, "EXPERIENCE")
    y -= 20
    for header, dates, bullet in [
        ("Research Scientist, Grab", "Jul 2018 – Dec 2022", "• Built demand forecasting models"),
        ("Data Science Intern, Shopee", "May 2017 – Aug 2017", "• Analysed search logs in SQL"),
    ]:
        canvas.setFont(BOLD_FONT, 10)
        canvas.drawString(main_x, y, header)
        canvas.setFont(BODY_FONT, 10)
        canvas.drawRightString(width - 54, y, dates)
        y -= 14
        canvas.drawString(main_x, y, bullet)
        y -= 20
    canvas.save()
    return path


LETTER_SPACED = GeneratedResume(
    "generated__letter_spaced_two_columns.pdf",
    _letter_spaced,
    _truth(
        "generated__letter_spaced_two_columns.pdf",
        "Mei Chen",
        [("experience", "EXPERIENCE"), ("skills", "SKILLS"), ("education", "EDUCATION")],
        [
            _job("Research Scientist", "Grab", "2018-07", "2022-12"),
            _job("Data Science Intern", "Shopee", "2017-05", "2017-08", internship=True),
        ],
        [
            _school("phd", "PhD in Statistics", "NUS", "2014", "2018"),
            _school("bachelor", "B.Sc. in Mathematics", "NTU", "2010", "2014"),
        ],
        "2022-12",
        4.5,
    ),
)


GENERATED: tuple[GeneratedResume, ...] = (
    ONE_LINE,
    ROLE_FIRST,
    COMPANY_FIRST,
    LEFT_DATES,
    GERMAN,
    DOCX_PLAIN,
    LETTER_SPACED,
)
"""The generated part of the labelled set, in a fixed order."""


def build_all(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """Write every generated resume into ``folder``; return (path, truth) pairs."""
    return [(case.build(folder / case.file), case.truth) for case in GENERATED]
