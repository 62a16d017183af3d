"""The shipped example (examples/resume.pdf + posting.txt) rendered end to end in every form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.models import ResumeAnalysis
from analyzer.report import ReportFormat, render, render_saved, terminal_summary
from analyzer.report.view import PART_AREAS
from tests.report import test_html
from tests.report.htmltree import without_page_view

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RESUME = EXAMPLES / "resume.pdf"
POSTING = EXAMPLES / "posting.txt"


@pytest.fixture(scope="module")
def example_analysis() -> ResumeAnalysis:
    """The example resume analysed against the example posting."""
    if not (RESUME.exists() and POSTING.exists()):
        pytest.skip("examples/resume.pdf or examples/posting.txt is absent")
    from analyzer.api import analyze_resume

    return analyze_resume(RESUME, job=POSTING)


def test_example_html_has_every_part_in_order(example_analysis: ResumeAnalysis) -> None:
    _, root = test_html.html_of(example_analysis)
    known = {area for part, areas in PART_AREAS.items() if part != "portfolio" for area in areas}
    expected = [p for p in test_html.PARTS_FULL if p != "portfolio"]
    if all(f.area in known for f in example_analysis.findings):
        expected.remove("other")
    assert test_html.part_ids(root) == expected
    fix_first = root.by_id("fix-first")
    assert fix_first is not None
    items = fix_first.find_all("li")
    assert len(items) == min(5, len(example_analysis.findings))
    for item, finding in zip(items, example_analysis.findings, strict=False):
        assert " ".join(finding.message.split()) in item.text


def test_example_html_is_accessible_and_self_contained(example_analysis: ResumeAnalysis) -> None:
    test_html.test_one_h1_and_headings_never_skip_a_level(example_analysis)
    test_html.test_tables_have_scoped_headers_and_captions(example_analysis)
    test_html.test_page_is_self_contained_with_no_scripts_or_external_links(example_analysis)
    test_html.test_every_in_page_link_has_a_target_and_ids_are_unique(example_analysis)


def test_example_findings_link_to_elements_showing_their_source(
    example_analysis: ResumeAnalysis,
) -> None:
    _, root = test_html.html_of(example_analysis)
    bullets = {b.id: b.text for b in example_analysis.document.bullets}
    hrefs = {a.attrs["href"] for a in root.find_all("a")}
    anchored = [f for f in example_analysis.findings if f.anchor]
    assert anchored, "the example should produce findings that point at bullets or sections"
    for finding in anchored:
        assert f"#{finding.anchor}" in hrefs
        target = root.by_id(finding.anchor or "")
        assert target is not None
        if finding.anchor in bullets:
            assert target.text == " ".join(bullets[finding.anchor].split())


def test_example_markdown_and_text_forms(example_analysis: ResumeAnalysis) -> None:
    markdown = render(example_analysis, ReportFormat.MD)
    assert markdown.startswith("# mlcheck report for ")
    assert "## Fix these first" in markdown and "## ATS match" in markdown
    text = terminal_summary(example_analysis)
    assert all(len(line) <= 100 for line in text.splitlines())
    assert f"ATS match         {example_analysis.match.score:.0f}/100" in text  # type: ignore[union-attr]
    assert text.count("    -> ") == min(5, len(example_analysis.findings))


def test_example_json_form_parses(example_analysis: ResumeAnalysis) -> None:
    data = json.loads(render(example_analysis, ReportFormat.JSON))
    assert data["quality_score"] == example_analysis.quality_score
    assert [f["id"] for f in data["findings"]] == [f.id for f in example_analysis.findings]


@pytest.fixture(scope="module")
def example_without_posting() -> ResumeAnalysis:
    """The example resume analysed alone."""
    if not RESUME.exists():
        pytest.skip("examples/resume.pdf is absent")
    from analyzer.api import analyze_resume

    return analyze_resume(RESUME)


@pytest.fixture(scope="module")
def example_with_portfolio() -> ResumeAnalysis:
    """The example resume and posting with a portfolio fetched from the fake GitHub server."""
    if not (RESUME.exists() and POSTING.exists()):
        pytest.skip("examples/resume.pdf or examples/posting.txt is absent")
    from analyzer.api import GitHubRequest, analyze_resume
    from tests.github.conftest import sample_user
    from tests.github.fakegithub import FakeGitHub

    fake = FakeGitHub([sample_user()])
    with fake.serve():
        request = GitHubRequest("alice", api_url=fake.api_url, use_cache=False)
        return analyze_resume(RESUME, job=POSTING, github=request)


@pytest.mark.parametrize("fmt", list(ReportFormat))
@pytest.mark.parametrize(
    "fixture", ["example_analysis", "example_without_posting", "example_with_portfolio"]
)
def test_example_saved_as_json_renders_byte_for_byte_as_the_original(
    request: pytest.FixtureRequest, fixture: str, fmt: ReportFormat
) -> None:
    analysis: ResumeAnalysis = request.getfixturevalue(fixture)
    saved = render(analysis, ReportFormat.JSON)
    again, original = render_saved(saved, fmt), render(analysis, fmt)
    if fmt is ReportFormat.HTML:
        again, original = without_page_view(again), without_page_view(original)
    assert again == original
    if fixture == "example_with_portfolio":
        assert analysis.portfolio is not None and analysis.portfolio.repos
