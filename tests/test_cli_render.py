"""`mlcheck render`: a saved --format json result rendered again, and what it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import main
from analyzer.cli.output import OutputFormat, OutputFormError, pick_format, pick_report_format
from analyzer.report import ReportFormat, render, render_portfolio, render_repo
from analyzer.screen import ScreenFormat
from tests.report import sample
from tests.report.htmltree import without_page_view


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def saved(tmp_path: Path) -> Path:
    """A saved analysis with a posting and a portfolio."""
    path = tmp_path / "analysis.json"
    path.write_text(render(sample.sample_analysis(), ReportFormat.JSON), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("suffix", "fmt"),
    [(".html", ReportFormat.HTML), (".md", ReportFormat.MD), (".txt", ReportFormat.TEXT)],
)
def test_render_picks_the_form_from_the_output_suffix(
    runner: CliRunner, saved: Path, tmp_path: Path, suffix: str, fmt: ReportFormat
) -> None:
    out = tmp_path / f"report{suffix}"
    result = runner.invoke(main, ["render", str(saved), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"mlcheck: wrote {out}\n"
    written, original = out.read_text(encoding="utf-8"), render(sample.sample_analysis(), fmt)
    if fmt is ReportFormat.HTML:  # saved JSON keeps no posting text nor page positions
        written, original = without_page_view(written), without_page_view(original)
    assert written == original


@pytest.mark.parametrize(
    ("option", "fmt"),
    [("markdown", ReportFormat.MD), ("md", ReportFormat.MD), ("json", ReportFormat.JSON)],
)
def test_render_format_option_wins_and_writes_stdout(
    runner: CliRunner, saved: Path, option: str, fmt: ReportFormat
) -> None:
    result = runner.invoke(main, ["render", str(saved), "-f", option])
    assert result.exit_code == 0, result.output
    assert result.output == render(sample.sample_analysis(), fmt)


def test_render_without_format_or_output_prints_the_terminal_summary(
    runner: CliRunner, saved: Path
) -> None:
    result = runner.invoke(main, ["render", str(saved)])
    assert result.exit_code == 0
    assert result.output == render(sample.sample_analysis(), ReportFormat.TEXT)


def test_render_reads_stdin(runner: CliRunner, saved: Path) -> None:
    result = runner.invoke(main, ["render", "-", "-f", "md"], input=saved.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.output == render(sample.sample_analysis(), ReportFormat.MD)


def test_render_reads_github_and_repo_documents(runner: CliRunner, tmp_path: Path) -> None:
    review = sample._portfolio()
    repo = review.repos[0]
    github_json = tmp_path / "github.json"
    github_json.write_text(render_portfolio(review, ReportFormat.JSON), encoding="utf-8")
    repo_json = tmp_path / "repo.json"
    repo_json.write_text(render_repo(repo, ReportFormat.JSON), encoding="utf-8")
    result = runner.invoke(main, ["render", str(github_json), "-f", "md"])
    assert result.exit_code == 0, result.output
    assert result.output == render_portfolio(review, ReportFormat.MD)
    result = runner.invoke(main, ["render", str(repo_json)])
    assert result.exit_code == 0, result.output
    assert result.output == render_repo(repo, ReportFormat.TEXT)


def test_render_refuses_another_schema_version_with_one_line_and_exit_3(
    runner: CliRunner, saved: Path, tmp_path: Path
) -> None:
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["schema_version"] = "0.9"
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "report.html"
    result = runner.invoke(main, ["render", str(old), "-o", str(out)])
    assert result.exit_code == 3
    assert result.output == (
        f"mlcheck: error: {old}: schema_version '0.9' cannot be read by this mlcheck "
        "(it reads '1.0')\n"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"name": "not mlcheck"}', "not a saved mlcheck result (no schema_version and tool)"),
        (b"<html></html>", "not JSON (Expecting value: line 1 column 1 (char 0))"),
        (b"\xff\xfe{", "not a saved mlcheck JSON result (not UTF-8 text)"),
    ],
)
def test_render_refuses_what_is_not_a_saved_result(
    runner: CliRunner, tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "other.json"
    path.write_bytes(content)
    result = runner.invoke(main, ["render", str(path)])
    assert result.exit_code == 3
    assert result.output == f"mlcheck: error: {path}: {reason}\n"


def test_render_of_a_missing_file_is_exit_3(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    result = runner.invoke(main, ["render", str(missing)])
    assert result.exit_code == 3
    assert result.output == f"mlcheck: error: {missing}: no such file\n"


def test_render_rejects_a_form_it_does_not_write(runner: CliRunner, saved: Path) -> None:
    result = runner.invoke(main, ["render", str(saved), "-f", "csv"])
    assert result.exit_code == 2
    assert "Invalid value for '-f' / '--format'" in result.output


# --------------------------------------------------------------------------- the one format map


@pytest.mark.parametrize(
    ("output", "report", "screen"),
    [
        ("out.html", ReportFormat.HTML, ScreenFormat.HTML),
        ("out.HTM", ReportFormat.HTML, ScreenFormat.HTML),
        ("out.md", ReportFormat.MD, ScreenFormat.MARKDOWN),
        ("out.json", ReportFormat.JSON, None),
        ("out.txt", ReportFormat.TEXT, ScreenFormat.TABLE),
        ("out.csv", None, ScreenFormat.CSV),
        ("out.ndjson", None, ScreenFormat.JSONL),
        ("out.xml", None, ScreenFormat.JUNIT),
        ("out.pdf", None, None),
        ("out.log", ReportFormat.TEXT, ScreenFormat.TABLE),
        ("-", ReportFormat.TEXT, ScreenFormat.TABLE),
        (None, ReportFormat.TEXT, ScreenFormat.TABLE),
    ],
)
def test_one_suffix_map_serves_every_command(
    output: str | None, report: ReportFormat | None, screen: ScreenFormat | None
) -> None:
    """A suffix names one form for every command; a form the command does not write is refused."""
    from analyzer.cli.screen import SCREEN_FORMATS

    if report is None:
        with pytest.raises(OutputFormError, match="this command writes html, md, json, text"):
            pick_report_format(None, output)
    else:
        assert pick_report_format(None, output) is report
    if screen is None:
        with pytest.raises(OutputFormError, match="not \\.(json|pdf) files"):
            pick_format(None, output, SCREEN_FORMATS, ScreenFormat.TABLE)
    else:
        assert pick_format(None, output, SCREEN_FORMATS, ScreenFormat.TABLE) is screen


def test_format_and_suffix_must_agree() -> None:
    assert pick_report_format("json", "out.json") is ReportFormat.JSON
    assert pick_report_format("markdown", "out.md") is ReportFormat.MD
    assert pick_report_format("json", "out.log") is ReportFormat.JSON
    with pytest.raises(OutputFormError) as refused:
        pick_report_format("json", "out.html")
    assert str(refused.value) == (
        "-o out.html names a html file but --format is json; make the two agree"
    )
    assert set(OutputFormat) >= {OutputFormat(f.value) for f in ReportFormat}
