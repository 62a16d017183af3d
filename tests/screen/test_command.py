"""The `screen` click command: options, exit codes, stderr lines, through CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli.screen import screen
from tests.screen import resumes

READABLE = ["resumes/strong.pdf", "resumes/middle.docx", "resumes/weak.pdf"]


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(screen, list(args), input=stdin, catch_exceptions=False)


def test_all_screened_exits_0_with_the_table_on_stdout(workdir: Path) -> None:
    result = run(*READABLE, "--job", "posting.txt", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "mlcheck screen: Machine Learning Engineer"
    assert "resumes/strong.pdf" in result.stdout
    assert result.stderr == ""


def test_unreadable_files_exit_5_with_one_stderr_line_each(workdir: Path) -> None:
    result = run("resumes", "--job", "posting.txt", "--jobs", "1", "-f", "csv")
    assert result.exit_code == 5
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("mlcheck: cannot read resumes/corrupt.pdf: ")
    assert lines[1].startswith("mlcheck: cannot read resumes/scanned.pdf: ")
    assert result.stdout.count("\n") == 7  # header and six candidates: the rest still screened


def test_below_min_score_exits_1(workdir: Path) -> None:
    scores = run(*READABLE, "--job", "posting.txt", "--jobs", "1", "-f", "jsonl").stdout
    first, second = [json.loads(line)["score"] for line in scores.splitlines()[:2]]
    threshold = f"{(first + second) / 2:.2f}"  # the best passes, the other two fall short
    result = run(*READABLE, "--job", "posting.txt", "--jobs", "1", "--min-score", threshold)
    assert result.exit_code == 1
    assert result.stderr == (
        f"mlcheck: 2 candidate(s) scored below --min-score {float(threshold):g}\n"
    )
    assert run(*READABLE, "--job", "posting.txt", "--jobs", "1", "--fail-under", "0").exit_code == 0


def test_unreadable_files_win_over_scores_below_the_minimum(workdir: Path) -> None:
    result = run("resumes", "--job", "posting.txt", "--jobs", "1", "--min-score", "100")
    assert result.exit_code == 5
    assert "scored below --min-score 100" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere/", "--job", "posting.txt"], "no such file or folder: nowhere/"),
        (["resumes/*.rtf", "--job", "posting.txt"], "no file matches resumes/*.rtf"),
        (["resumes", "--job", "posting.txt", "--resume"], "--resume needs --output FILE"),
        (["resumes", "--job", "posting.txt", "--jobs", "0"], "Invalid value for '--jobs'"),
        (["resumes"], "Missing option '-j' / '--job'"),
        (["--job", "posting.txt"], "Missing argument 'RESUMES...'"),
    ],
)
def test_usage_errors_exit_2(workdir: Path, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_unreadable_posting_exits_3(workdir: Path) -> None:
    result = run("resumes", "--job", "missing-posting.txt")
    assert result.exit_code == 3
    assert result.stderr.startswith("mlcheck: error: ")


def test_posting_from_stdin(workdir: Path) -> None:
    result = run(*READABLE, "--job", "-", "--jobs", "1", "-f", "jsonl", stdin=resumes.POSTING)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["candidate"] for line in result.stdout.splitlines()] == READABLE[:3]


@pytest.mark.parametrize(
    ("name", "first_line"),
    [
        ("out.csv", "rank,candidate,file,status,score"),
        ("out.jsonl", '{"schema_version": "1.0", "rank": 1,'),
        ("out.xml", "<?xml version='1.0' encoding='utf-8'?>"),
        ("out.md", "## mlcheck screen: Machine Learning Engineer"),
        ("out.html", "<!DOCTYPE html>"),
        ("out.txt", "mlcheck screen: Machine Learning Engineer"),
    ],
)
def test_format_follows_the_output_extension(workdir: Path, name: str, first_line: str) -> None:
    result = run(*READABLE, "--job", "posting.txt", "--jobs", "1", "-o", f"sub/{name}")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert (workdir / "sub" / name).read_text(encoding="utf-8").startswith(first_line)
    assert not (workdir / "sub" / f"{name}.partial.jsonl").exists()


def test_summary_is_appended_as_markdown(workdir: Path) -> None:
    summary = workdir / "step-summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    result = run(
        *READABLE, "--job", "posting.txt", "--jobs", "1", "-f", "csv", "--summary", str(summary)
    )
    assert result.exit_code == 0
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n## mlcheck screen: Machine Learning Engineer\n")
    assert "| 1 | resumes/strong.pdf |" in text


def test_reports_are_written_and_linked(workdir: Path) -> None:
    result = run(
        *READABLE,
        "--job",
        "posting.txt",
        "--jobs",
        "1",
        "-o",
        "out/index.html",
        "--reports",
        "out/reports",
    )
    assert result.exit_code == 0, result.stderr
    index = (workdir / "out" / "index.html").read_text(encoding="utf-8")
    reports = sorted(p.name for p in (workdir / "out" / "reports").iterdir())
    assert len(reports) == 3
    for name in reports:
        assert f'href="reports/{name}"' in index
    for path in (workdir / "out" / "reports").iterdir():
        text = path.read_text(encoding="utf-8")
        assert "<html" in text.lower()
        for candidate in resumes.READABLE:
            assert candidate.email not in text


def test_help_documents_exit_codes_and_precedence() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for text in (
        "Exit codes:",
        "5  some files could not be read",
        "5 wins over 1",
        "--min-score",
        "--fail-under",
        "--jobs",
        "--executor",
        "--resume",
        "--include-contact",
        "--anonymize",
        "--reports",
        "--scheduler",
        "--start-method",
    ):
        assert text in result.stdout


def test_jobs_1_and_2_give_byte_identical_output(workdir: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        result = run("resumes", "--job", "posting.txt", "--jobs", jobs, "-f", "jsonl")
        assert result.exit_code == 5
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 6


def test_anonymous_reports_name_no_file(workdir: Path) -> None:
    result = run(
        *READABLE,
        "--job",
        "posting.txt",
        "--jobs",
        "1",
        "-o",
        "out/index.html",
        "--reports",
        "out/reports",
        "--anonymize",
    )
    assert result.exit_code == 0, result.stderr
    outputs = [workdir / "out" / "index.html", *(workdir / "out" / "reports").iterdir()]
    assert len(outputs) == 4
    for path in outputs:
        assert path.name == "index.html" or len(path.stem) == 12
        text = path.read_text(encoding="utf-8")
        for name in ("strong.pdf", "middle.docx", "weak.pdf"):
            assert name not in text
        for candidate in resumes.READABLE:
            assert candidate.email not in text and candidate.name not in text


def test_the_table_is_coloured_only_when_asked_or_on_a_terminal(workdir: Path) -> None:
    plain = run("resumes", "--job", "posting.txt", "--jobs", "1")
    coloured = run("resumes", "--job", "posting.txt", "--jobs", "1", "--color")
    assert "\x1b[" not in plain.stdout
    assert "\x1b[32mok\x1b[0m" in coloured.stdout
    assert "\x1b[31merror: " in coloured.stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.stdout) == plain.stdout
