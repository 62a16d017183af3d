"""Markdown (job summary / PR comment), terminal text and JSON forms of the report."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.models import ResumeAnalysis
from analyzer.report import RENDERERS, ReportFormat, render, terminal_summary
from analyzer.report.escaping import md_escape
from tests.report import sample
from tests.report.htmltree import parse

Golden = Callable[[str, str], None]


# --------------------------------------------------------------------------- golden files


@pytest.mark.parametrize(
    "case",
    ["full", "no_job", "no_achievements", "empty"],
)
def test_markdown_matches_golden(case: str, golden: Golden) -> None:
    analysis = _case(case)
    golden(f"{case}.md", render(analysis, ReportFormat.MD))


@pytest.mark.parametrize("case", ["full", "no_job", "empty"])
def test_text_summary_matches_golden(case: str, golden: Golden) -> None:
    golden(f"{case}.txt", terminal_summary(_case(case)))


def _case(case: str) -> ResumeAnalysis:
    return {
        "full": sample.sample_analysis,
        "no_job": sample.no_job_analysis,
        "no_achievements": sample.no_achievements_analysis,
        "empty": sample.empty_analysis,
        "hostile": lambda: sample.sample_analysis(hostile=True),
    }[case]()


# --------------------------------------------------------------------------- markdown


def _table_rows(markdown: str) -> list[list[str]]:
    """Split each table into rows of cells, honouring backslash-escaped pipes."""
    tables: list[list[str]] = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
            tables.append(cells)
    return tables


def test_markdown_tables_keep_their_shape_with_pipes_in_the_input() -> None:
    markdown = render(_case("hostile"), ReportFormat.MD)
    widths: list[int] = []
    block: list[list[str]] = []
    for line in markdown.splitlines() + [""]:
        if line.startswith("|"):
            block.append(re.split(r"(?<!\\)\|", line.strip())[1:-1])
        elif block:
            widths.append(len(block[0]))
            assert all(len(row) == len(block[0]) for row in block), block
            block = []
    assert len(widths) >= 4


def test_markdown_has_no_raw_input_html_mentions_or_control_characters() -> None:
    markdown = render(_case("hostile"), ReportFormat.MD)
    assert "<script" not in markdown and "<img" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    assert "\x1b" not in markdown
    assert "@octocat" not in markdown and "@\u200boctocat" in markdown
    assert "[click](javascript" not in markdown
    # Only our own tags remain: details, summary, sub.
    tags = set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", markdown))
    assert tags <= {"details", "summary", "sub"}


def test_markdown_rendered_like_github_runs_nothing_and_links_nowhere() -> None:
    from markdown_it import MarkdownIt

    markdown = render(_case("hostile"), ReportFormat.MD)
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    root, _ = parse(html)
    assert {n.tag for n in root.iter()} & {"script", "img", "iframe", "a"} == set()
    for node in root.iter():
        assert not any(name.startswith("on") for name in node.attrs)
    assert root.find_all("h1")[0].text.startswith("mlcheck report for Jane")
    assert [h.text for h in root.find_all("h2")][:3] == [
        "Fix these first",
        "ATS match",
        "Skills by pillar",
    ]


def test_markdown_lists_the_top_five_fixes_first(sample_analysis: ResumeAnalysis) -> None:
    markdown = render(sample_analysis, ReportFormat.MD)
    part = markdown.split("## Fix these first", 1)[1].split("\n## ", 1)[0]
    numbered = re.findall(r"^(\d)\. \*\*(\w+)\*\*: (.*)$", part, flags=re.M)
    assert [n for n, _, _ in numbered] == ["1", "2", "3", "4", "5"]
    for (_, severity, message), finding in zip(numbered, sample_analysis.findings, strict=False):
        assert severity == finding.severity.value.capitalize()
        assert message == md_escape(finding.message)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", r"a \| b"),
        ("<b>x</b> & y", "&lt;b&gt;x&lt;/b&gt; &amp; y"),
        ("# heading", r"\# heading"),
        ("1. item", r"1\. item"),
        ("4.5 years", "4.5 years"),
        ("scikit_learn and _x_", r"scikit_learn and \_x\_"),
        ("**bold** [link](javascript:alert(1))", r"\*\*bold\*\* \[link\](javascript:alert(1))"),
        ("line one\nline two", "line one line two"),
        ("mail @jane", "mail @\u200bjane"),
        ("$1.2M saved", r"\$1.2M saved"),
    ],
)
def test_md_escape(text: str, expected: str) -> None:
    assert md_escape(text) == expected


@given(st.text())
def test_md_escape_never_leaves_html_newlines_or_bare_pipes(text: str) -> None:
    escaped = md_escape(text)
    assert "<" not in escaped and ">" not in escaped
    assert "\n" not in escaped and "\r" not in escaped
    assert re.search(r"(?<!\\)\|", escaped) is None


# --------------------------------------------------------------------------- text


@pytest.mark.parametrize("case", ["full", "no_job", "no_achievements", "empty", "hostile"])
def test_text_is_plain_and_fits_100_columns(case: str) -> None:
    text = terminal_summary(_case(case))
    assert all(len(line) <= 100 for line in text.splitlines()), text
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text)
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_text_names_score_target_top_fixes_and_missing_skills(
    sample_analysis: ResumeAnalysis,
) -> None:
    text = terminal_summary(sample_analysis)
    assert "ATS match         64/100   target 80: 16 points to go" in text
    lines = text.splitlines()
    fix_lines = [line for line in lines if line.startswith("    -> ")]
    assert len(fix_lines) == 5
    for line, finding in zip(fix_lines, sample_analysis.findings, strict=False):
        assert finding.fix.startswith(line[len("    -> ") :].split(" e.g.")[0][:40])
    assert "Missing required skills: Kubernetes, AWS" in text
    assert render(sample_analysis, ReportFormat.TEXT) == text


def test_text_without_posting_suggests_one_and_skips_missing_skills(
    no_job_analysis: ResumeAnalysis,
) -> None:
    text = terminal_summary(no_job_analysis)
    assert "Missing required skills" not in text
    assert "--job" in text
    assert "Resume quality    71/100" in text


# --------------------------------------------------------------------------- json and formats


def test_every_format_has_a_renderer() -> None:
    assert set(RENDERERS) == set(ReportFormat)
    assert [f.value for f in ReportFormat] == ["html", "md", "json", "text"]


def test_json_form_is_the_contract(no_job_analysis: ResumeAnalysis) -> None:
    from analyzer.report.json_form import analysis_json

    text = render(no_job_analysis, ReportFormat.JSON)
    assert json.loads(text) == json.loads(json.dumps(analysis_json(no_job_analysis)))
    assert text.endswith("\n")


def test_json_form_with_a_portfolio(sample_analysis: ResumeAnalysis) -> None:
    data = json.loads(render(sample_analysis, ReportFormat.JSON))
    assert data["github"] is not None
    assert data["ats"]["score"] == sample_analysis.match.score  # type: ignore[union-attr]
