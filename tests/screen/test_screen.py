"""Screening a folder of generated resumes: order, every format's content, privacy."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import pickle
import xml.etree.ElementTree as ET
from dataclasses import replace
from html.parser import HTMLParser
from importlib import resources as importlib_resources
from pathlib import Path

import jsonschema
import pytest

from analyzer.models import JobPosting
from analyzer.screen import (
    ScreenFormat,
    ScreenOptions,
    ScreenRow,
    ScreenStatus,
    rank_rows,
    run_screen,
    screen_one,
)
from analyzer.screen.render import RenderContext, render
from analyzer.settings import Settings
from tests.screen import resumes

READABLE_ORDER = [
    "resumes/strong.pdf",
    "resumes/middle.docx",
    "resumes/weak.pdf",
    "resumes/unrelated.pdf",
]
UNREADABLE = ["resumes/corrupt.pdf", "resumes/scanned.pdf"]
CONTACT = [value for c in resumes.READABLE for value in (c.email, c.phone, c.name)]


def schema() -> dict:
    text = importlib_resources.files("analyzer").joinpath("schemas/screen-row.schema.json")
    return json.loads(text.read_text(encoding="utf-8"))


def screen(posting: JobPosting, fmt: ScreenFormat, **options) -> str:
    result = run_screen(["resumes"], posting, Settings(), ScreenOptions(fmt=fmt, **options))
    return result.text


def test_candidates_are_ranked_strong_to_unrelated_with_unreadable_files_last(
    workdir: Path, posting: JobPosting
) -> None:
    result = run_screen(["resumes"], posting, Settings(), ScreenOptions())
    assert [r.candidate for r in result.rows] == READABLE_ORDER + UNREADABLE
    assert [r.rank for r in result.rows] == [1, 2, 3, 4, None, None]
    assert [r.status for r in result.rows] == [ScreenStatus.OK] * 4 + [ScreenStatus.ERROR] * 2
    scores = [r.score for r in result.rows[:4]]
    assert scores == sorted(scores, reverse=True)
    assert all(r.reason for r in result.errors)
    assert result.analysed == 6
    assert result.exit_code == 5


def test_strong_candidate_row_says_why(workdir: Path, posting: JobPosting) -> None:
    rows = run_screen(["resumes"], posting, Settings(), ScreenOptions()).rows
    strong, weak = rows[0], rows[2]
    assert strong.required_total == len(posting.required_skills)
    assert strong.coverage == round(strong.required_matched / strong.required_total, 3)
    assert strong.coverage is not None and strong.coverage >= 0.8
    assert strong.quantified_share is not None and strong.quantified_share >= 0.8

    # The resume prints nothing after the current role's start (Jan 2021 - Present) and the
    # PDF's stated date (reportlab's invariant 2000) lies before it, so "present" is today,
    # its month counted whole: Jan 2018 to the end of this month. The day before covers a run
    # across midnight.
    def years_to(day: dt.date) -> float:
        months = (day.year - 2018) * 12 + day.month
        return int(months / 12 * 10 + 0.5) / 10

    today = dt.date.today()
    assert strong.years in {years_to(today), years_to(today - dt.timedelta(days=1))}
    assert weak.coverage is not None and weak.coverage < strong.coverage
    assert "Kubernetes" in weak.missing_required
    assert weak.quantified_share == 0.0


def test_ties_are_broken_by_coverage_then_file_name() -> None:
    def row(name: str, score: float, coverage: float | None) -> ScreenRow:
        return ScreenRow(name, name, "0" * 64, ScreenStatus.OK, score=score, coverage=coverage)

    rows = [
        row("c.pdf", 70.0, 0.5),
        row("b.pdf", 70.0, 0.5),
        row("a.pdf", 70.0, 0.4),
        row("z.pdf", 90.0, None),
        ScreenRow("e.pdf", "e.pdf", "", ScreenStatus.ERROR, reason="corrupt"),
        ScreenRow("d.pdf", "d.pdf", "", ScreenStatus.ERROR, reason="corrupt"),
    ]
    ranked = rank_rows(rows)
    assert [(r.rank, r.candidate) for r in ranked] == [
        (1, "z.pdf"),
        (2, "b.pdf"),
        (3, "c.pdf"),
        (4, "a.pdf"),
        (None, "d.pdf"),
        (None, "e.pdf"),
    ]
    assert rank_rows(reversed(rows)) == ranked


def test_csv_parses_back_with_one_record_per_candidate(workdir: Path, posting: JobPosting) -> None:
    records = list(csv.DictReader(io.StringIO(screen(posting, ScreenFormat.CSV))))
    assert [r["candidate"] for r in records] == READABLE_ORDER + UNREADABLE
    assert [r["rank"] for r in records] == ["1", "2", "3", "4", "", ""]
    assert [r["status"] for r in records] == ["ok"] * 4 + ["error"] * 2
    strong = records[0]
    assert float(strong["score"]) > float(records[3]["score"])
    assert strong["coverage"].count(".") == 1 and len(strong["coverage"].split(".")[1]) == 3
    assert records[4]["reason"]
    assert "email" not in records[0]


def test_jsonl_lines_are_valid_against_the_schema(workdir: Path, posting: JobPosting) -> None:
    lines = screen(posting, ScreenFormat.JSONL).splitlines()
    validator = jsonschema.Draft202012Validator(schema())
    objects = [json.loads(line) for line in lines]
    for obj in objects:
        validator.validate(obj)
    assert [o["candidate"] for o in objects] == READABLE_ORDER + UNREADABLE
    assert all(o["schema_version"] == "1.0" for o in objects)
    assert objects[0]["rank"] == 1 and objects[-1]["rank"] is None
    assert ScreenRow.from_dict(objects[0]).to_dict() == objects[0]


def test_junit_has_a_failure_below_min_score_and_an_error_per_unreadable_file(
    workdir: Path, posting: JobPosting
) -> None:
    rows = run_screen(["resumes"], posting, Settings(), ScreenOptions()).rows
    # The threshold sits between the second and the third candidate.
    threshold = ((rows[1].score or 0) + (rows[2].score or 0)) / 2
    root = ET.fromstring(screen(posting, ScreenFormat.JUNIT, min_score=threshold))
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("6", "2", "2")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert list(cases) == READABLE_ORDER + UNREADABLE
    for name in READABLE_ORDER[:2]:
        assert cases[name].find("failure") is None and cases[name].find("error") is None
    for name in READABLE_ORDER[2:]:
        failure = cases[name].find("failure")
        assert failure is not None and "below the minimum" in (failure.get("message") or "")
    for name in UNREADABLE:
        error = cases[name].find("error")
        assert error is not None and error.get("message")


def test_markdown_summary_is_a_table_in_ranked_order(workdir: Path, posting: JobPosting) -> None:
    ranked = run_screen(["resumes"], posting, Settings(), ScreenOptions()).rows
    threshold = round(((ranked[0].score or 0) + (ranked[1].score or 0)) / 2, 1)
    text = screen(posting, ScreenFormat.MARKDOWN, min_score=threshold)
    lines = text.splitlines()
    assert lines[0] == "## mlcheck screen: Machine Learning Engineer"
    summary = f"6 candidates: 4 screened, 2 unreadable, 3 below min score {threshold:.1f}."
    assert summary in lines[2]
    rows = [line for line in lines if line.startswith("| ") and "resumes/" in line]
    assert [r.split(" | ")[1] for r in rows] == READABLE_ORDER + UNREADABLE
    assert rows[0].endswith("| ok |")
    assert "below min" in rows[1]
    assert "error: " in rows[-1]


def test_table_is_the_default_format(workdir: Path, posting: JobPosting) -> None:
    text = screen(posting, ScreenFormat.TABLE)
    lines = text.splitlines()
    assert lines[3].split()[:3] == ["Rank", "Candidate", "Score"]
    body = lines[5:]
    assert [line.split()[1] for line in body] == READABLE_ORDER + UNREADABLE
    assert body[0].split()[0] == "1"


def test_html_escapes_everything(tmp_path: Path) -> None:
    evil = "<script>alert(1)</script>.pdf"
    row = ScreenRow(evil, evil, "0" * 64, ScreenStatus.ERROR, reason="<b>bad</b> & worse")
    html = render([row], ScreenFormat.HTML, RenderContext(posting_title="<i>ML</i>"))
    assert "<script>" not in html and "<b>" not in html and "<i>ML" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.pdf" in html
    assert "&lt;b&gt;bad&lt;/b&gt; &amp; worse" in html
    tags: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            tags.append(tag)

    Tags().feed(html)
    assert not {"script", "b", "i"} & set(tags)


def test_markdown_escapes_cells() -> None:
    name = "a|b*c*.pdf"
    row = ScreenRow(name, name, "0" * 64, ScreenStatus.ERROR, reason="x | y")
    text = render([row], ScreenFormat.MARKDOWN, RenderContext())
    assert "a\\|b\\*c\\*.pdf" in text
    assert text.splitlines()[-1].count(" | ") == 8


@pytest.mark.parametrize("fmt", list(ScreenFormat))
def test_contact_data_is_left_out_by_default(
    workdir: Path, posting: JobPosting, fmt: ScreenFormat
) -> None:
    text = screen(posting, fmt)
    for value in CONTACT:
        assert value not in text
        assert as_written(value, fmt) not in text


@pytest.mark.parametrize("fmt", list(ScreenFormat))
def test_contact_data_is_shown_with_include_contact(
    workdir: Path, posting: JobPosting, fmt: ScreenFormat
) -> None:
    text = screen(posting, fmt, include_contact=True)
    for candidate in resumes.READABLE:
        assert as_written(candidate.email, fmt) in text
        assert as_written(candidate.phone, fmt) in text


def as_written(value: str, fmt: ScreenFormat) -> str:
    """Return how a value shows in an output form (Markdown defuses the @ of an e-mail)."""
    from analyzer.report.escaping import md_escape

    return md_escape(value) if fmt is ScreenFormat.MARKDOWN else value


@pytest.mark.parametrize("fmt", list(ScreenFormat))
def test_anonymize_hides_file_names(workdir: Path, posting: JobPosting, fmt: ScreenFormat) -> None:
    text = screen(posting, fmt, anonymize=True)
    for name in [*READABLE_ORDER, *UNREADABLE]:
        assert name not in text
        assert name.split("/")[1] not in text
    strong = (workdir / "resumes" / "strong.pdf").read_bytes()
    from analyzer.screen.work import content_hash

    assert content_hash(strong)[:12] in text


def test_same_inputs_give_byte_identical_output(workdir: Path, posting: JobPosting) -> None:
    for fmt in ScreenFormat:
        assert screen(posting, fmt) == screen(posting, fmt)


def test_screen_one_is_picklable_and_pure(workdir: Path, posting: JobPosting) -> None:
    data = (workdir / "resumes" / "strong.pdf").read_bytes()
    again = pickle.loads(pickle.dumps(screen_one))
    first = screen_one(data, "strong.pdf", posting, Settings())
    assert again(data, "strong.pdf", posting, Settings()) == first
    assert first.status is ScreenStatus.OK and first.rank is None
    broken = screen_one(resumes.CORRUPT, "corrupt.pdf", posting, Settings())
    assert broken.status is ScreenStatus.ERROR and broken.reason
    assert "corrupt.pdf" not in (
        screen_one(resumes.CORRUPT, "corrupt.pdf", posting, anonymize=True).reason or ""
    )


def test_rows_round_trip_through_json() -> None:
    from analyzer.screen.interface import ContactInfo

    row = ScreenRow(
        "a.pdf",
        "a.pdf",
        "0" * 64,
        ScreenStatus.OK,
        rank=1,
        score=71.5,
        missing_required=("Docker",),
        readability_ids=("readability.columns",),
        contact=ContactInfo(email="a@example.com"),
    )
    assert ScreenRow.from_dict(json.loads(json.dumps(row.to_dict()))) == row
    assert replace(row, rank=None).sort_key() == row.sort_key()


def test_a_file_that_kills_its_worker_becomes_an_error_row(
    workdir: Path, posting: JobPosting, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from analyzer import api

    real = api.analyze_resume_bytes

    def analyze(data: bytes, name: str, posting: JobPosting, settings: Settings = Settings()):
        if name.endswith("weak.pdf"):
            os._exit(70)  # a crash in native code, or the out-of-memory killer
        return real(data, name, posting, settings)

    monkeypatch.setattr(api, "analyze_resume_bytes", analyze)
    # fork, so the workers inherit the patched analysis.
    options = ScreenOptions(fmt=ScreenFormat.JSONL, jobs=2, start_method="fork")
    rows = run_screen(["resumes"], posting, Settings(), options).rows
    assert [r.candidate for r in rows if r.ok] == [READABLE_ORDER[i] for i in (0, 1, 3)]
    crashed = [r for r in rows if r.candidate == "resumes/weak.pdf"]
    assert crashed[0].reason == "the analysis crashed its worker process"
    assert len(rows) == 6


def test_workers_that_cannot_run_stop_the_screen(
    workdir: Path, posting: JobPosting, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from analyzer import api
    from analyzer.screen.runner import WorkerError

    def analyze(data: bytes, name: str, posting: JobPosting, settings: Settings = Settings()):
        os._exit(70)

    monkeypatch.setattr(api, "analyze_resume_bytes", analyze)
    options = ScreenOptions(jobs=2, start_method="fork")
    with pytest.raises(WorkerError, match="try --jobs 1") as caught:
        run_screen(["resumes"], posting, Settings(), options)
    assert caught.value.exit_code == 2


def _long_rows() -> list[ScreenRow]:
    """Rows with a long file name and a long list of missing skills, as real screens have."""
    long_name = (
        "resumes/2024-applicants/senior-machine-learning-engineer/jane-q-doe-resume-final-v3.pdf"
    )
    missing = ("Kubernetes", "Terraform", "Snowflake", "Apache Airflow", "Databricks", "dbt")
    return [
        ScreenRow(
            long_name,
            long_name,
            "0" * 64,
            ScreenStatus.OK,
            score=72.5,
            rank=1,
            required_matched=5,
            required_total=11,
            coverage=0.45,
            missing_required=missing,
            years=6.5,
            bullets=12,
            quantified_bullets=7,
            quantified_share=0.58,
            readability_problems=2,
        ),
        ScreenRow("b.pdf", "b.pdf", "1" * 64, ScreenStatus.ERROR, reason="no text layer"),
    ]


@pytest.mark.parametrize("width", [80, 120, 200])
def test_table_fits_the_terminal(width: int) -> None:
    text = render(_long_rows(), ScreenFormat.TABLE, RenderContext(posting_title="ML", width=width))
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    assert lines[3].split()[:2] == ["Rank", "Candidate"]
    body = lines[5]
    assert "…" in body  # the long file name is shortened in the middle, keeping its end
    assert "v3.pdf" in body
    if width >= 200:
        assert all(h in lines[3] for h in ("Years", "Quantified", "Readability", "Required"))
    if width == 80:
        assert "Readability" not in lines[3] and "Score" in lines[3]


def test_table_in_a_file_is_in_full() -> None:
    text = render(_long_rows(), ScreenFormat.TABLE, RenderContext(posting_title="ML"))
    assert _long_rows()[0].candidate in text
    assert "Kubernetes, Terraform, Snowflake, Apache Airflow, Databricks, dbt" in text
