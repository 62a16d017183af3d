"""corpus_truth.json, the labelled truth for the real resumes of the shared corpus, is well-formed.

These tests check the truth file itself: that it names exactly the corpus files, that its fields
have the documented form, that it agrees with test_corpus.py's EXPECTED and that each
years_of_experience follows the rule written in its "_about". They do not yet hold mlcheck's
output against it: that is issue 13's work.
"""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from analyzer.documents.sections import CANONICAL
from tests.documents.test_corpus import EXPECTED, RESUMES, corpus_files

TRUTH = Path(__file__).with_name("corpus_truth.json")
FIELDS = {
    "file",
    "pages_of_resume",
    "language",
    "name",
    "email",
    "sections",
    "experience",
    "education",
    "as_of",
    "years_of_experience",
    "years_note",
    "notes",
}
EXPERIENCE_FIELDS = {"role", "organisation", "location", "start", "end"}
EXPERIENCE_OPTIONAL = {"internship", "in_years", "other_periods"}
EDUCATION_FIELDS = {"degree_level", "degree_as_printed", "field", "institution", "start", "end"}
DEGREE_LEVELS = {"associate", "bachelor", "master", "mba", "jd", "phd", "other", "none"}
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
FILE_DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
"""An as_of taken from the file's own date: counted up to that day, its month not counted."""
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")


@cache
def truth() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TRUTH.read_text("utf-8"))
    return data


def resumes() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = truth()["resumes"]
    return entries


def _month(date: str, as_of: str | None, *, end: bool) -> int:
    """A date as a month count: a month's start or end, a bare year its 1 January.

    An as_of that is a day (the file's own date, "2023-07-16") counts the months before its
    month: the month it falls in is not over.
    """
    if date == "present":
        assert as_of is not None
        date = as_of
        if FILE_DAY.match(date):
            return int(date[:4]) * 12 + int(date[5:7]) - 1
    year = int(date[:4])
    if len(date) == 4:
        return year * 12
    return year * 12 + int(date[5:7]) - (0 if end else 1)


def _counted(entry: dict[str, Any]) -> bool:
    return not entry.get("internship", False) and entry.get("in_years", True)


def _years(entries: list[dict[str, Any]], as_of: str | None) -> float | None:
    counted = [e for e in entries if _counted(e)]
    if not counted or any(e["start"] is None or e["end"] is None for e in counted):
        return None
    spans = sorted(
        (_month(start, as_of, end=False), _month(end, as_of, end=True))
        for e in counted
        for start, end in [(e["start"], e["end"]), *e.get("other_periods", [])]
    )
    months = 0
    first, last = spans[0]
    for start, end in spans[1:]:
        if start > last:
            months += last - first
            first, last = start, end
        else:
            last = max(last, end)
    months += last - first
    return float((Decimal(months) / 12).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _check_date(value: Any, *, present: bool) -> None:
    if value is None or (present and value == "present"):
        return
    assert isinstance(value, str) and DATE.match(value), value


def _check_range(start: Any, end: Any, where: str) -> None:
    _check_date(start, present=False)
    _check_date(end, present=True)
    if start is not None and end is not None and end != "present":
        assert start[:4] <= end[:4] and (len(start) == 4 or len(end) == 4 or start <= end), where


def test_about_says_how_it_was_labelled() -> None:
    about = " ".join(truth()["_about"])
    assert "pdftoppm" in about and "../shared" in about and "MANIFEST" in about
    assert list(truth()) == ["_about", "resumes"]


def test_truth_names_exactly_the_corpus_files() -> None:
    names = [entry["file"] for entry in resumes()]
    assert names == sorted(set(names)), "one entry per file, sorted by name"
    if not RESUMES.is_dir():
        pytest.skip(f"shared corpus not found at {RESUMES} (set MLCHECK_SHARED)")
    assert names == corpus_files()


@pytest.mark.parametrize("entry", resumes(), ids=lambda entry: entry["file"])
def test_truth_entry_is_well_formed(entry: dict[str, Any]) -> None:
    assert set(entry) == FIELDS
    first, last = entry["pages_of_resume"]
    assert isinstance(first, int) and isinstance(last, int) and 1 <= first <= last
    assert re.fullmatch("[a-z]{2}", entry["language"])
    assert entry["name"] is None or (isinstance(entry["name"], str) and entry["name"].strip())
    assert entry["email"] is None or EMAIL.match(entry["email"])

    sections = entry["sections"]
    assert sections[0] == ["contact", ""]
    for canonical, heading in sections:
        assert canonical in CANONICAL and isinstance(heading, str)
    assert all(heading for _, heading in sections[1:])

    for job in entry["experience"]:
        assert EXPERIENCE_FIELDS <= set(job) <= EXPERIENCE_FIELDS | EXPERIENCE_OPTIONAL, job
        assert any(job[key] for key in ("role", "organisation")), job
        _check_range(job["start"], job["end"], str(job))
        assert job.get("internship", True) is True and job.get("in_years", False) is False
        for start, end in job.get("other_periods", []):
            _check_range(start, end, str(job))
    for school in entry["education"]:
        assert set(school) == EDUCATION_FIELDS, school
        assert school["degree_level"] in DEGREE_LEVELS
        assert school["institution"] or school["degree_as_printed"], school
        _check_range(school["start"], school["end"], str(school))

    if not (isinstance(entry["as_of"], str) and FILE_DAY.match(entry["as_of"])):
        _check_date(entry["as_of"], present=False)
    years = entry["years_of_experience"]
    assert years is None or (isinstance(years, float) and years >= 0 and round(years, 1) == years)
    assert isinstance(entry["years_note"], str) and entry["years_note"]
    assert isinstance(entry["notes"], str) and entry["notes"]


@pytest.mark.parametrize("entry", resumes(), ids=lambda entry: entry["file"])
def test_years_follow_the_stated_rule(entry: dict[str, Any]) -> None:
    uses_present = any(job["end"] == "present" for job in entry["experience"] if _counted(job))
    if entry["years_of_experience"] is not None and uses_present:
        assert entry["as_of"] is not None
    assert _years(entry["experience"], entry["as_of"]) == entry["years_of_experience"]


@pytest.mark.parametrize("entry", resumes(), ids=lambda entry: entry["file"])
def test_truth_agrees_with_the_corpus_expectations(entry: dict[str, Any]) -> None:
    name, email, sections = EXPECTED[entry["file"]]
    assert (entry["name"], entry["email"]) == (name, email)
    assert [tuple(pair) for pair in entry["sections"]] == sections


@pytest.mark.parametrize(
    "entry",
    [e for e in resumes() if e["file"].endswith(".pdf")],
    ids=lambda entry: entry["file"],
)
def test_resume_pages_are_in_the_file(entry: dict[str, Any]) -> None:
    path = RESUMES / entry["file"]
    if not path.is_file():
        pytest.skip(f"shared corpus not found at {RESUMES} (set MLCHECK_SHARED)")
    with pdfplumber.open(path) as pdf:
        assert entry["pages_of_resume"][1] <= len(pdf.pages)
