"""The portfolio-only report (`mlcheck github`, `mlcheck repo`): every form, structure, safety."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from analyzer.findings import Finding, Severity
from analyzer.github.interface import CrossCheck, PortfolioReview, RepoReview
from analyzer.report import ReportFormat, render_portfolio, render_repo
from tests.report import sample
from tests.report.htmltree import Node, parse

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "analyzer" / "schemas" / "resume.schema.json"
    ).read_text()
)
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "link", "img", "base", "form", "frame"}
RATE_NOTE = (
    "GitHub API rate limit exhausted; it resets at 2100-01-01 00:00 UTC (in 99 h 0 min). "
    "Without a token GitHub allows 60 requests/hour; set GITHUB_TOKEN to a personal access "
    "token (no scopes needed) for 5,000 requests/hour."
)


def portfolio(hostile: bool = False) -> PortfolioReview:
    return dataclasses.replace(sample._portfolio(hostile), requests_used=9)


def partial_portfolio() -> PortfolioReview:
    return dataclasses.replace(portfolio(), partial=True, warnings=(RATE_NOTE,))


def repo() -> RepoReview:
    return sample._portfolio().repos[1]


CROSS = CrossCheck(
    claimed_without_evidence=("Kubernetes",),
    evidence_not_claimed=("LightGBM",),
    findings=(
        Finding(
            "crosscheck.claimed_without_evidence",
            Severity.MEDIUM,
            "portfolio",
            "Kubernetes is on the resume but no public repo shows it.",
            "Add a repo that uses Kubernetes, or drop it from the resume.",
            "Kubernetes",
            None,
            impact=3.0,
        ),
    ),
)

HTML_CASES: dict[str, Callable[[], str]] = {
    "portfolio": lambda: render_portfolio(portfolio(), ReportFormat.HTML),
    "hostile": lambda: render_portfolio(portfolio(hostile=True), ReportFormat.HTML),
    "partial": lambda: render_portfolio(partial_portfolio(), ReportFormat.HTML),
    "cross_check": lambda: render_portfolio(portfolio(), ReportFormat.HTML, CROSS),
    "repo": lambda: render_repo(repo(), ReportFormat.HTML),
}


@pytest.fixture(params=sorted(HTML_CASES))
def html_case(request: pytest.FixtureRequest) -> tuple[str, Node]:
    html = HTML_CASES[request.param]()
    root, builder = parse(html)
    assert builder.errors == []
    assert builder.doctype is not None and builder.doctype.lower() == "doctype html"
    return html, root


def test_html_has_one_h1_headings_in_order_and_scoped_tables(html_case: tuple[str, Node]) -> None:
    _, root = html_case
    levels = [int(n.tag[1]) for n in root.iter() if re.fullmatch(r"h[1-6]", n.tag)]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels
    for table in root.find_all("table"):
        headers = table.find_all("th")
        assert headers and all(th.attrs.get("scope") in ("col", "row") for th in headers)
        assert table.find_all("caption")
    assert [s.attrs["id"] for s in root.find_all("section")] == [
        "verdict",
        "fix-first",
        "portfolio",
    ]


def test_html_is_self_contained_without_scripts_or_external_links(
    html_case: tuple[str, Node],
) -> None:
    html, root = html_case
    for node in root.iter():
        assert node.tag not in FORBIDDEN_TAGS
        for name, value in node.attrs.items():
            assert not name.startswith("on"), (node.tag, name)
            if name == "href":
                assert value is not None and re.fullmatch(r"#[A-Za-z][A-Za-z0-9._-]*", value)
    ids = {n.attrs["id"] for n in root.iter() if "id" in n.attrs}
    for link in root.find_all("a"):
        assert (link.attrs["href"] or "")[1:] in ids
    assert "https://" not in html and "http://" not in html.replace(
        "http://www.w3.org/2000/svg", ""
    )


def test_hostile_repo_names_and_profile_are_escaped() -> None:
    html = render_portfolio(portfolio(hostile=True), ReportFormat.HTML)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    root, _ = parse(html)
    assert "<script>alert(1)</script>" in root.by_id("portfolio").text  # type: ignore[union-attr]


def test_portfolio_html_shows_score_requests_repos_and_fixes() -> None:
    root, _ = parse(render_portfolio(portfolio(), ReportFormat.HTML))
    assert root.find_all("h1")[0].text == "mlcheck GitHub portfolio report for janedoe"
    assert "9 GitHub API requests used" in root.find_all("header")[0].text
    verdict = root.by_id("verdict").text  # type: ignore[union-attr]
    assert "The GitHub portfolio is weak at 58/100." in verdict
    fix_first = root.by_id("fix-first").text  # type: ignore[union-attr]
    assert "ticket-router's README does not say how to install and run it." in fix_first
    part = root.by_id("portfolio").text  # type: ignore[union-attr]
    assert "fraud-detector" in part and "Growth story" in part


def test_partial_review_shows_the_rate_limit_note_in_every_form() -> None:
    review = partial_portfolio()
    assert "Partial review" in render_portfolio(review, ReportFormat.HTML)
    assert "resets at 2100-01-01 00:00 UTC" in render_portfolio(review, ReportFormat.HTML)
    text = render_portfolio(review, ReportFormat.TEXT)
    assert "GitHub API requests used: 9 (partial review: fetching stopped early)." in text
    joined = " ".join(text.split())
    assert (
        "Rate limit: GitHub API rate limit exhausted; it resets at 2100-01-01 00:00 UTC" in joined
    )
    assert "5,000 requests/hour" in joined
    assert "resets at 2100-01-01 00:00 UTC" in render_portfolio(review, ReportFormat.MD)
    assert json.loads(render_portfolio(review, ReportFormat.JSON))["github"]["partial"] is True


def test_text_summary_golden(golden: Callable[[str, str], None]) -> None:
    text = render_portfolio(portfolio(), ReportFormat.TEXT)
    assert all(len(line) <= 100 for line in text.splitlines())
    golden("portfolio.txt", text)


def test_markdown_golden(golden: Callable[[str, str], None]) -> None:
    golden("portfolio.md", render_portfolio(portfolio(), ReportFormat.MD, CROSS))


def test_repo_text_golden(golden: Callable[[str, str], None]) -> None:
    golden("repo.txt", render_repo(repo(), ReportFormat.TEXT))


def test_text_summary_names_score_kinds_clones_and_top_fixes() -> None:
    text = render_portfolio(portfolio(), ReportFormat.TEXT)
    assert "GitHub portfolio     58/100" in text
    assert "Kinds present: tabular regression/classification, NLP, deployment / MLOps" in text
    assert "Kinds missing: recommender system, computer vision, deep learning (other data)" in text
    assert "deep_learning" not in text  # kinds by their names, not their ids
    assert "Tutorial clones: titanic" in text
    assert " 1. [MEDIUM] ticket-router's README does not say how to install and run it." in text
    assert "GitHub API requests used: 9." in text


def test_markdown_escapes_hostile_text() -> None:
    md = render_portfolio(portfolio(hostile=True), ReportFormat.MD)
    assert "<script>" not in md
    assert "&lt;script&gt;" in md


def test_json_is_the_github_object_and_follows_the_schema() -> None:
    data = json.loads(render_portfolio(portfolio(), ReportFormat.JSON, CROSS))
    assert data["schema_version"] == "1.0"
    assert list(data["github"]) == [
        "user",
        "requests_used",
        "repos",
        "portfolio",
        "findings",
        "warnings",
        "partial",
        "profile",
        "cross_check",
    ]
    jsonschema.validate(data["github"], SCHEMA["properties"]["github"])
    github = data["github"]
    assert github["user"] == "janedoe"
    assert github["requests_used"] == 9
    assert [r["name"] for r in github["repos"]] == ["fraud-detector", "ticket-router", "titanic"]
    assert github["repos"][0]["readme"]["score"] == 80.0
    assert github["repos"][0]["readme"]["criteria"][4] == {
        "id": "readme.visuals",
        "passed": False,
        "fix": "Add a visuals part.",
        "weight": 20.0,
    }
    assert github["portfolio"] == {
        "kinds": ["tabular", "mlops", "nlp"],
        "tutorial_clones": ["titanic"],
        "score": 58.0,
        "forks": [],
        "kind_labels": [
            ["tabular", "Foundational: tabular data with cleaning and feature engineering"],
            ["recommender", "Intermediate: a recommender from user-item interactions"],
            ["nlp", "Advanced: text with deep learning"],
            ["vision", "Advanced: images with CNNs or transfer learning"],
            ["deep_learning", "Neural networks on other data (tabular, signals, games)"],
            ["time_series", "Time series forecasting"],
            ["mlops", "Deployment: an API or app in a container"],
        ],
    }
    assert github["cross_check"]["claimed_without_evidence"] == ["Kubernetes"]


def test_json_is_deterministic() -> None:
    first = render_portfolio(portfolio(), ReportFormat.JSON)
    assert first == render_portfolio(portfolio(), ReportFormat.JSON)


def test_repo_forms_show_both_scores_and_failed_checks() -> None:
    text = render_repo(repo(), ReportFormat.TEXT)
    assert "README               60/100" in text
    assert "Engineering hygiene  60/100" in text
    assert "The README of ticket-router has no figure, screenshot or demo (20 points" in text
    data = json.loads(render_repo(repo(), ReportFormat.JSON))
    assert data["repo"]["name"] == "ticket-router"
    assert data["repo"]["kinds"] == ["nlp"]
    jsonschema.validate(
        {k: v for k, v in data["repo"].items() if k not in ("tutorial_clone", "skills")},
        SCHEMA["properties"]["github"]["oneOf"][1]["properties"]["repos"]["items"],
    )
    md = render_repo(repo(), ReportFormat.MD)
    assert "## Repository" in md and "Local checkout **ticket-router**" in md


def test_a_kind_is_listed_by_its_short_name_and_an_unknown_one_by_its_spaced_id() -> None:
    from analyzer.report.view import kind_name

    assert kind_name("vision") == "computer vision"
    assert kind_name("time_series") == "time series / forecasting"
    assert kind_name("audio_ml") == "audio ml"  # a kind from a custom rules folder
