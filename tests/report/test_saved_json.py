"""Saved JSON read back: from_dict, read_saved, and render(read back) == render(original)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable

import pytest

from analyzer.findings import Finding, Severity
from analyzer.models import (
    Entry,
    PortfolioReview,
    Requirement,
    ResumeAnalysis,
    from_jsonable,
)
from analyzer.report import (
    ReportFormat,
    render,
    render_portfolio,
    render_repo,
    render_saved,
)
from analyzer.report.json_form import (
    SavedJsonError,
    SavedPortfolio,
    read_saved,
)
from tests.report import sample
from tests.report.htmltree import without_page_view

ANALYSES: dict[str, Callable[[], ResumeAnalysis]] = {
    "with_portfolio": sample.sample_analysis,
    "hostile": lambda: sample.sample_analysis(hostile=True),
    "no_job": sample.no_job_analysis,
    "no_achievements": sample.no_achievements_analysis,
    "empty": sample.empty_analysis,
    "github_failed": lambda: dataclasses.replace(
        sample.no_job_analysis(), portfolio_error="GitHub user 'bob' not found"
    ),
}


# --------------------------------------------------------------------------- from_dict


@pytest.mark.parametrize("name", sorted(ANALYSES))
def test_from_dict_rebuilds_every_field(name: str) -> None:
    analysis = ANALYSES[name]()
    assert ResumeAnalysis.from_dict(analysis.to_dict()) == analysis
    assert ResumeAnalysis.from_dict(json.loads(json.dumps(analysis.to_dict()))) == analysis


def test_from_dict_rebuilds_enums_dates_optionals_and_nested_tuples() -> None:
    entry = Entry.from_dict(
        {"section": "experience", "role": "ML engineer", "organisation": None, "dates": None}
        | {"start": "2021-03-01", "end": None, "current": True, "bullets": ["b0", "b1"]}
    )
    assert entry.start == dt.date(2021, 3, 1)
    assert entry.end is None
    assert entry.bullets == ("b0", "b1")
    finding = Finding.from_dict(
        {"id": "x.y", "severity": "high", "area": "ats", "message": "m", "fix": "f"}
    )
    assert finding.severity is Severity.HIGH
    assert finding.impact == 0.0  # absent: the field's default
    review = sample._portfolio()
    rebuilt = PortfolioReview.from_dict(review.to_dict())
    assert rebuilt.repos[0].readme.criteria == review.repos[0].readme.criteria
    assert isinstance(rebuilt.repos, tuple)


def test_from_jsonable_keeps_plain_unions_and_builds_dict_values() -> None:
    assert Requirement.from_dict({"asked": 3, "found": "master", "meets": None}).asked == 3
    assert from_jsonable(dict[str, Severity], {"a": "low"}) == {"a": Severity.LOW}
    assert from_jsonable(tuple[tuple[str, int], ...], [["x", 1]]) == (("x", 1),)
    assert from_jsonable(dt.datetime, "2024-05-01T10:00:00+00:00") == dt.datetime(
        2024, 5, 1, 10, tzinfo=dt.timezone.utc
    )


def test_from_dict_refuses_data_that_does_not_fit() -> None:
    with pytest.raises(TypeError, match="Finding needs an object, not list"):
        Finding.from_dict([])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'urgent' is not a valid Severity"):
        Finding.from_dict(
            {"id": "x", "severity": "urgent", "area": "a", "message": "m", "fix": "f"}
        )


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", list(ReportFormat))
@pytest.mark.parametrize("name", sorted(ANALYSES))
def test_saved_analysis_renders_byte_for_byte_as_the_original(name: str, fmt: ReportFormat) -> None:
    analysis = ANALYSES[name]()
    saved = render(analysis, ReportFormat.JSON)
    again, original = render_saved(saved, fmt), render(analysis, fmt)
    if fmt is ReportFormat.HTML:
        again, original = without_page_view(again), without_page_view(original)
    assert again == original


def test_saved_analysis_keeps_its_portfolio_and_cross_check() -> None:
    analysis = sample.sample_analysis()
    back = read_saved(render(analysis, ReportFormat.JSON))
    assert isinstance(back, ResumeAnalysis)
    assert back.portfolio is not None and analysis.portfolio is not None
    assert back.portfolio.user == dataclasses.replace(
        analysis.portfolio.user, bio=None, blog=None, public_repos=0, html_url=None
    )
    assert back.cross_check == analysis.cross_check
    assert back.findings == analysis.findings


@pytest.mark.parametrize("fmt", list(ReportFormat))
@pytest.mark.parametrize("with_cross_check", [False, True])
def test_saved_portfolio_renders_byte_for_byte_as_the_original(
    fmt: ReportFormat, with_cross_check: bool
) -> None:
    review = sample._portfolio()
    user = dataclasses.replace(review.user, name="Jane Doe", has_profile_readme=True)
    review = dataclasses.replace(review, user=user, requests_used=9, forks=("old-fork",))
    cross = sample._cross_check() if with_cross_check else None
    saved = render_portfolio(review, ReportFormat.JSON, cross)
    assert isinstance(read_saved(saved), SavedPortfolio)
    assert render_saved(saved, fmt) == render_portfolio(review, fmt, cross)


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_saved_repo_renders_byte_for_byte_as_the_original(fmt: ReportFormat) -> None:
    repo = sample._portfolio().repos[2]
    saved = render_repo(repo, ReportFormat.JSON)
    assert render_saved(saved, fmt) == render_repo(repo, fmt)


def test_a_portfolio_saved_before_the_weights_were_written_still_reads() -> None:
    data = json.loads(render_portfolio(sample._portfolio(), ReportFormat.JSON))
    for repo in data["github"]["repos"]:
        for part in ("readme", "hygiene"):
            for criterion in repo[part]["criteria"]:
                del criterion["weight"]
    back = read_saved(json.dumps(data))
    assert isinstance(back, SavedPortfolio)
    assert {c.weight for r in back.review.repos for c in r.readme.criteria} == {0.0}


# --------------------------------------------------------------------------- refusals


def _analysis_json(**changes: object) -> str:
    data = json.loads(render(sample.no_job_analysis(), ReportFormat.JSON))
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not JSON (Expecting value: line 1 column 1 (char 0))"),
        ("[1, 2]", "not a saved mlcheck result (no schema_version and tool)"),
        ('{"tool": {"name": "other"}}', "not a saved mlcheck result (no schema_version and tool)"),
        (
            _analysis_json(schema_version="2.0"),
            "schema_version '2.0' cannot be read by this mlcheck (it reads '1.0')",
        ),
        (
            _analysis_json(quality_score="high"),
            "does not follow the schema at quality_score: 'high' is not of type 'number'",
        ),
        (
            json.dumps({"schema_version": "1.0", "tool": {"name": "mlcheck"}}),
            "not a saved mlcheck result (no input, github or repo)",
        ),
    ],
)
def test_what_is_not_a_saved_result_is_refused_with_one_line(text: str, message: str) -> None:
    with pytest.raises(SavedJsonError) as raised:
        read_saved(text)
    assert str(raised.value) == message


def test_parse_output_is_refused_as_nothing_to_render() -> None:
    from analyzer.report.json_form import document_json, dumps

    text = dumps(document_json(sample.no_job_analysis().document))
    with pytest.raises(SavedJsonError, match="is `mlcheck parse` output, not an analysis"):
        read_saved(text)


def test_an_incomplete_analysis_is_refused() -> None:
    data = json.loads(_analysis_json())
    del data["roadmap"]
    with pytest.raises(
        SavedJsonError, match=r"not a complete mlcheck result \(KeyError: 'roadmap'"
    ):
        read_saved(json.dumps(data))
