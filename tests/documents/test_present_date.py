"""What "present" is counted up to: the document's own date, and saying which.

The latest date a resume prints is its own date, unless that date only starts the role still
held ("Mar 2022 - Present" and nothing later): the page then cannot say how long the role has
run, and the file's own date (PDF CreationDate/ModDate, DOCX core properties) stands in, when
it is not before anything printed and not in the future; else today.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from analyzer.ats.findings import ats_findings
from analyzer.documents import read_document
from analyzer.documents.dates import printed_dates
from analyzer.documents.file_dates import parse_pdf_date
from analyzer.models import AtsMatch, Requirement
from analyzer.nlp.experience import (
    FILE_CREATED,
    FILE_MODIFIED,
    LATEST_PRINTED,
    TODAY,
    experience_years,
)
from analyzer.rules import shipped_rules
from tests.pdf_factory import make_resume_docx, make_resume_pdf

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "resume.pdf"
TODAY_FIXED = dt.date(2026, 11, 29)
BULLET = "• Built a ranking model in PyTorch that raised click-through by 12% for 3M users"


def _resume(
    path: Path,
    jobs: list[str],
    *,
    footer: str | None = None,
    created: str | None = None,
    modified: str | None = None,
) -> Path:
    """Write a resume PDF whose Experience holds ``jobs`` ("**Role, Org\\tdates" lines).

    ``created``/``modified`` ("20250315") are written into the PDF's info dictionary; None
    removes the key, so the file states no such date.
    """
    lines: list[str] = []
    for job in jobs:
        lines += [job, BULLET]
    make_resume_pdf(
        path,
        name="Ada Lovelace",
        contact_lines=["ada@example.com | London, UK"],
        sections=[("Experience", lines), ("Skills", ["Python, PyTorch, SQL"])],
        footer_text=footer,
    )
    data = path.read_bytes()
    for key, value in ((b"CreationDate", created), (b"ModDate", modified)):
        pattern = re.compile(rb"/" + key + rb" \(D:(\d{8})")
        assert pattern.search(data), key
        if value is None:  # same length, so the cross-reference offsets still hold
            data = pattern.sub(b"/" + b"X" * len(key) + rb" (D:\1", data)
        else:
            data = pattern.sub(b"/" + key + b" (D:" + value.encode(), data)
    path.write_bytes(data)
    return path


CURRENT = "**Machine Learning Engineer, Stripe\tMar 2022 – Present"
EARLIER = "**Data Scientist, Airbnb\tJun 2020 – Feb 2022"


def test_the_shipped_example_counts_present_up_to_its_creation_date() -> None:
    """The example resume prints 'Mar 2022 - Present' and nothing later: not 1.8 years."""
    years = experience_years(read_document(EXAMPLE), today=TODAY_FIXED)
    assert years.as_of == dt.date(2026, 11, 21)
    assert years.as_of_source == FILE_CREATED
    assert years.years == 6.4  # Jun 2020 to Nov 2026, November not over
    assert "counted up to 21 November 2026, the PDF's creation date" in years.note


def test_a_pdf_with_a_creation_date_counts_up_to_it(tmp_path: Path) -> None:
    path = _resume(tmp_path / "r.pdf", [CURRENT, EARLIER], created="20250315", modified=None)
    years = experience_years(read_document(path), today=TODAY_FIXED)
    assert (years.as_of, years.as_of_source) == (dt.date(2025, 3, 15), FILE_CREATED)
    assert years.years == 4.8  # Jun 2020 to Mar 2025: 57 months
    assert "the PDF's creation date" in years.note


def test_a_later_modification_date_is_the_one_named(tmp_path: Path) -> None:
    path = _resume(tmp_path / "r.pdf", [CURRENT, EARLIER], created="20230101", modified="20250315")
    years = experience_years(read_document(path), today=TODAY_FIXED)
    assert (years.as_of, years.as_of_source) == (dt.date(2025, 3, 15), FILE_MODIFIED)
    assert "the PDF's last modification date" in years.note


def test_a_pdf_without_dates_counts_up_to_today_and_says_so(tmp_path: Path) -> None:
    path = _resume(tmp_path / "r.pdf", [CURRENT, EARLIER], created=None, modified=None)
    document = read_document(path)
    assert (document.layout.file_created, document.layout.file_modified) == (None, None)
    years = experience_years(document, today=TODAY_FIXED)
    assert (years.as_of, years.as_of_source) == (dt.date(2026, 12, 1), TODAY)
    assert years.years == 6.5
    assert "(today)" in years.note


def test_a_file_date_in_the_future_or_before_the_role_is_not_used(tmp_path: Path) -> None:
    future = _resume(tmp_path / "f.pdf", [CURRENT], created="20300101", modified=None)
    assert experience_years(read_document(future), today=TODAY_FIXED).as_of_source == TODAY
    before = _resume(tmp_path / "b.pdf", [CURRENT], created="20210101", modified=None)
    assert experience_years(read_document(before), today=TODAY_FIXED).as_of_source == TODAY


def test_a_stated_date_after_the_role_start_is_kept(tmp_path: Path) -> None:
    """'Updated May 2024' in a footer is the document's date, whatever the file says."""
    path = _resume(
        tmp_path / "r.pdf", [CURRENT, EARLIER], footer="Updated May 2024", created="20250315"
    )
    years = experience_years(read_document(path), today=TODAY_FIXED)
    assert (years.as_of, years.as_of_source) == (dt.date(2024, 6, 1), LATEST_PRINTED)
    assert years.years == 4.0
    assert years.note.endswith("the latest date the resume prints")


def test_an_end_date_after_the_role_start_is_kept(tmp_path: Path) -> None:
    side = "**Consultant, Globex\tApr 2022 – Aug 2023"
    path = _resume(tmp_path / "r.pdf", [CURRENT, side, EARLIER], created="20250315")
    years = experience_years(read_document(path), today=TODAY_FIXED)
    assert (years.as_of, years.as_of_source) == (dt.date(2023, 9, 1), LATEST_PRINTED)


def test_a_bare_year_ending_one_job_and_starting_the_current_one_says_nothing_later() -> None:
    """'2018 - 2021' then '2021 - Present': no printed date lies after the current start."""
    printed = printed_dates("ML Engineer 2021 – Present\nData Scientist 2018 – 2021")
    assert printed.open_ended


def test_a_range_split_over_two_lines_of_a_date_column_is_ongoing() -> None:
    text = "June 2020 – MERN Stack Developer, OpenAI\nPresent Working on ChatGPT\nJuly 2015 – Dev"
    printed = printed_dates(text)
    assert printed.ongoing_start == dt.date(2020, 6, 1)
    above = printed_dates("Actual Developer Basetis\n01/2019 - Description line 1")
    assert above.ongoing_start == dt.date(2019, 1, 1)


def test_dates_after_today_are_plans_not_the_document_date() -> None:
    text = "Engineer, Acme Jan 2025 – Present\nMSc, expected June 2027"
    assert printed_dates(text, today=TODAY_FIXED).latest is None
    assert printed_dates(text, today=TODAY_FIXED).open_ended


def test_docx_core_properties_give_the_file_date(tmp_path: Path) -> None:
    import docx

    path = make_resume_docx(
        tmp_path / "r.docx",
        name="Ada Lovelace",
        contact_lines=["ada@example.com"],
        sections=[("Experience", [CURRENT, BULLET, EARLIER, BULLET])],
    )
    document = docx.Document(str(path))
    document.core_properties.created = dt.datetime(2024, 1, 5, 10, 0)
    document.core_properties.modified = dt.datetime(2024, 9, 20, 10, 0)
    document.save(str(path))
    read = read_document(path)
    assert (read.layout.file_created, read.layout.file_modified) == (
        dt.date(2024, 1, 5),
        dt.date(2024, 9, 20),
    )
    years = experience_years(read, today=TODAY_FIXED)
    assert (years.as_of, years.as_of_source) == (dt.date(2024, 9, 20), FILE_MODIFIED)
    assert "the DOCX's last modification date" in years.note


def test_pdf_dates_parse_as_written() -> None:
    assert parse_pdf_date("D:20261121081445+00'00'") == dt.date(2026, 11, 21)
    assert parse_pdf_date("D:2019") == dt.date(2019, 1, 1)
    assert parse_pdf_date("D:20191399") is None
    assert parse_pdf_date("garbage") is None
    assert parse_pdf_date(None) is None


def test_the_years_finding_quotes_what_present_meant() -> None:
    note = "'present' counted up to 21 November 2026, the PDF's creation date: ..."
    match = AtsMatch(
        score=50.0,
        similarity=0.2,
        title_match=1.0,
        matched=(),
        missing=(),
        years=Requirement(5.0, 1.8, False),
        degree=Requirement(None, None, None),
        scoring_version="1.1",
        components=(("years", 0.0, 10.0),),
    )
    finding = next(
        f
        for f in ats_findings(match, shipped_rules().scoring.ats, years_note=note)
        if f.id == "ats.years_short"
    )
    shown = "your resume shows 1.8 years ('present' counted up to 21 November 2026"
    assert shown in finding.message


def test_the_years_finding_of_a_whole_analysis_names_the_date(tmp_path: Path) -> None:
    from analyzer.api import analyze_resume

    path = _resume(tmp_path / "r.pdf", [CURRENT], created="20230615", modified=None)
    posting = tmp_path / "posting.txt"
    posting.write_text(
        "Senior Machine Learning Engineer\n\nRequirements\n"
        "- 5+ years of experience building machine learning systems\n- Python, PyTorch\n",
        "utf-8",
    )
    analysis = analyze_resume(path, job=posting)
    assert analysis.profile.years_experience == 1.3  # Mar 2022 to June 2023
    finding = next(f for f in analysis.findings if f.id == "ats.years_short")
    assert "counted up to 15 June 2023, the PDF's creation date" in finding.message


def test_the_schema_lists_every_source_of_present() -> None:
    import json

    from analyzer.nlp.experience import AS_OF_SOURCES

    schema = json.loads(
        (Path(__file__).resolve().parents[2] / "analyzer/schemas/resume.schema.json").read_text()
    )
    enum = schema["properties"]["experience_years"]["properties"]["as_of_source"]["enum"]
    assert set(enum) == {*AS_OF_SOURCES, None}
