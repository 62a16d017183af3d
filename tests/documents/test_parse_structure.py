"""`mlcheck parse` shows the structure it read: entries with dates and degrees, and the years."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from analyzer.cli import main
from tests.documents.generated_resumes import COMPANY_FIRST, ONE_LINE
from tests.pdf_factory import make_resume_pdf

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "analyzer" / "schemas" / "resume.schema.json"
    ).read_text()
)


def _parse(path: Path, *options: str) -> str:
    result = CliRunner().invoke(main, ["parse", str(path), *options])
    assert result.exit_code == 0, result.output
    return result.output


def test_parse_json_gives_entries_degrees_and_years(tmp_path: Path) -> None:
    data = json.loads(_parse(ONE_LINE.build(tmp_path / ONE_LINE.file), "--format", "json"))
    jsonschema.validate(data, SCHEMA)
    jobs = [e for e in data["entries"] if e["section"] == "experience"]
    assert [(e["role"], e["organisation"], e["start"], e["end"], e["current"]) for e in jobs] == [
        ("Senior Machine Learning Engineer", "Stripe", "2021-03-01", None, True),
        ("Data Scientist", "Airbnb", "2017-06-01", "2021-02-01", False),
        ("Machine Learning Intern", "Google", "2016-06-01", "2016-09-01", False),
    ]
    assert [e["internship"] for e in jobs] == [False, False, True]
    assert jobs[0]["location"] == "San Francisco, CA"
    degrees = [e["degree"] for e in data["entries"] if e["section"] == "education"]
    assert degrees == ["master", "bachelor"]
    # "Present" is the footer's "Updated May 2024", not the day the test runs.
    assert data["experience_years"] == {
        "years": 7.0,
        "internship_years": 0.3,
        "as_of": "2024-06-01",
        "as_of_source": "latest date printed",
        "note": "'present' counted up to 1 June 2024, the latest date the resume prints",
    }


def test_parse_text_lists_entries_and_years(tmp_path: Path) -> None:
    out = _parse(COMPANY_FIRST.build(tmp_path / COMPANY_FIRST.file))
    assert "experience: Data Scientist at Flutterwave (Mar 2019 – Dec 2021)" in out
    assert "education: MBA at Lagos Business School (2014 – 2016) [mba]" in out
    assert "Years of experience: 8.8; 'present' counted up to 1 May 2025" in out


def test_parse_says_it_could_not_tell_the_years_without_job_dates(tmp_path: Path) -> None:
    path = make_resume_pdf(
        tmp_path / "undated.pdf",
        name="Ada Lovelace",
        sections=[("Experience", ["**ML Engineer, Acme Corp", "• Shipped a ranking model"])],
    )
    assert "Years of experience: could not tell (no job prints a date range)" in _parse(path)
    data = json.loads(_parse(path, "--format", "json"))
    assert data["experience_years"]["years"] is None


def test_parse_text_escapes_control_characters_in_entries(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(
        "Ada Lovelace\nada@example.com\n\nExperience\n"
        "ML Engineer, Acme\x1b[31m Corp   Jan 2020 - Dec 2022\n- Shipped a ranking model\n",
        "utf-8",
    )
    out = _parse(path)
    assert "\x1b" not in out
    assert "experience: ML Engineer at Acme" in out
