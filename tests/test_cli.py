"""The command line: routing, help, version, output forms, exit codes and error lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from analyzer import __version__
from analyzer.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_RESUME = REPO / "examples" / "resume.pdf"
EXAMPLE_POSTING = REPO / "examples" / "posting.txt"
SCHEMA = json.loads((REPO / "analyzer" / "schemas" / "resume.schema.json").read_text())


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"mlcheck, version {__version__}"


def test_every_command_has_help_with_an_example(runner: CliRunner) -> None:
    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0
    assert "mlcheck resume.pdf --job posting.txt" in top.output
    assert "Exit codes" in top.output
    for name in sorted(main.commands):
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert f"mlcheck {name}" in result.output or "mlcheck resume" in result.output, name
        assert "Example" in result.output, name


def test_resume_as_first_argument_means_check(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.pdf"
    result = runner.invoke(main, [str(missing), "--job", str(EXAMPLE_POSTING)])
    assert result.exit_code == 3
    assert result.output == f"mlcheck: error: {missing}: no such file\n"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.pdf", b"", "file is empty (0 bytes)"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100, "unsupported file type"),
        ("renamed.pdf", b"PK\x03\x04" + b"0" * 100, "is not a PDF"),
        ("truncated.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "corrupt"),
    ],
)
def test_bad_input_gives_one_line_and_exit_3(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(main, ["parse", str(path)])
    assert result.exit_code == 3, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"mlcheck: error: {path}: ")
    assert reason in lines[0]
    assert "Traceback" not in result.output


def test_size_limit_is_enforced(runner: CliRunner) -> None:
    result = runner.invoke(main, ["parse", str(EXAMPLE_RESUME), "--max-bytes", "1000"])
    assert result.exit_code == 3
    assert "limit" in result.output


def test_parse_json_follows_the_schema(runner: CliRunner) -> None:
    result = runner.invoke(main, ["parse", str(EXAMPLE_RESUME), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    assert data["input"] == {
        "path": str(EXAMPLE_RESUME),
        "format": "pdf",
        "pages": 1,
        "size_bytes": EXAMPLE_RESUME.stat().st_size,
    }
    assert data["contact"]["name"] == "Maya Okafor"
    assert data["contact"]["email"] == "maya.okafor@example.com"
    assert [s["name"] for s in data["sections"]] == [
        "contact",
        "summary",
        "experience",
        "projects",
        "skills",
        "education",
    ]


def test_check_json_has_the_full_contract(runner: CliRunner) -> None:
    result = runner.invoke(
        main, [str(EXAMPLE_RESUME), "--job", str(EXAMPLE_POSTING), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    assert data["ats"]["score"] > 60
    assert {"skills", "achievements", "roadmap", "findings"} <= set(data)


def test_job_from_stdin_equals_job_from_file(runner: CliRunner) -> None:
    from_file = runner.invoke(
        main, [str(EXAMPLE_RESUME), "--job", str(EXAMPLE_POSTING), "--format", "json"]
    )
    from_stdin = runner.invoke(
        main,
        [str(EXAMPLE_RESUME), "--job", "-", "--format", "json"],
        input=EXAMPLE_POSTING.read_text(),
    )
    assert from_stdin.exit_code == 0, from_stdin.output
    assert (
        json.loads(from_stdin.output)["ats"]["score"]
        == json.loads(from_file.output)["ats"]["score"]
    )


def test_fail_under_sets_exit_1(runner: CliRunner) -> None:
    args = [str(EXAMPLE_RESUME), "--job", str(EXAMPLE_POSTING), "--format", "json"]
    assert runner.invoke(main, [*args, "--fail-under", "10"]).exit_code == 0
    failing = runner.invoke(main, [*args, "--fail-under", "100"])
    assert failing.exit_code == 1
    assert "below --fail-under 100" in failing.output


def test_output_file_format_follows_extension(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = runner.invoke(
        main, [str(EXAMPLE_RESUME), "--job", str(EXAMPLE_POSTING), "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"mlcheck: wrote {target}\n"
    assert target.read_text().lstrip().lower().startswith("<!doctype html>")


def test_failed_run_leaves_no_report(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = runner.invoke(main, [str(tmp_path / "missing.pdf"), "-o", str(target)])
    assert result.exit_code == 3
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_stdin_posting_is_bounded_by_max_bytes(runner: CliRunner) -> None:
    result = runner.invoke(
        main,
        [str(EXAMPLE_RESUME), "--job", "-", "--max-bytes", "200000"],
        input="Machine Learning Engineer\n" + "Python " * 40000,
    )
    assert result.exit_code == 3
    assert result.output == (
        "mlcheck: error: -: stdin holds more than the limit of 200000 bytes (--max-bytes)\n"
    )


def test_max_page_chars_refuses_a_denser_page_with_one_line(runner: CliRunner) -> None:
    result = runner.invoke(main, [str(EXAMPLE_RESUME), "--max-page-chars", "100"])
    assert result.exit_code == 3
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"mlcheck: error: {EXAMPLE_RESUME}: page 1 holds ")
    assert lines[0].endswith(
        "characters, more than the limit of 100 a page (--max-page-chars); "
        "no resume page holds that many"
    )


def test_max_document_chars_refuses_a_longer_pdf_with_one_line(runner: CliRunner) -> None:
    result = runner.invoke(main, ["parse", str(EXAMPLE_RESUME), "--max-document-chars", "100"])
    assert result.exit_code == 3
    assert result.output == (
        f"mlcheck: error: {EXAMPLE_RESUME}: holds more than 100 characters in all, "
        "the limit (--max-document-chars)\n"
    )


def test_max_chars_cuts_the_text_with_a_warning(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["parse", str(EXAMPLE_RESUME), "--format", "json", "--max-chars", "500"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert sum(len(s["text"]) for s in data["sections"]) <= 500
    assert any("500 characters" in warning for warning in data["warnings"])


# --------------------------------------------------------------- one way for every command


@pytest.mark.parametrize(
    "args",
    [
        ["parse", str(EXAMPLE_RESUME), "-f", "json"],
        ["check", str(EXAMPLE_RESUME), "-f", "markdown"],
        ["check", str(EXAMPLE_RESUME), "-f", "md"],
        ["render", "--help"],
        ["screen", "--help"],
        ["github", "--help"],
        ["repo", "--help"],
    ],
)
def test_every_command_with_a_format_takes_f_and_every_spelling(
    runner: CliRunner, args: list[str]
) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    if args[-1] == "--help":
        assert "-f, --format" in result.stdout
        assert "md (markdown)" in result.stdout
    elif args[0] == "parse":
        assert json.loads(result.stdout)["contact"]["email"]
    else:
        assert result.stdout.startswith("# ")


@pytest.mark.parametrize("name", ["report.pdf", "report.docx", "report.csv"])
def test_an_output_named_for_a_form_the_command_does_not_write_is_refused(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    target = tmp_path / name
    result = runner.invoke(main, [str(EXAMPLE_RESUME), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"mlcheck: error: -o {target}: this command writes html, md, json, text, not "
        f"{target.suffix} files; name the output after the form you want (e.g. report.html)\n"
    )
    assert not target.exists()


def test_a_format_that_contradicts_the_output_suffix_is_refused(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    result = runner.invoke(main, [str(EXAMPLE_RESUME), "-f", "json", "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"mlcheck: error: -o {target} names a html file but --format is json; make the two agree\n"
    )
    assert not target.exists()


@pytest.mark.parametrize("command", [[], ["parse"]])
def test_a_folder_given_as_the_resume_exits_3_with_one_line(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    result = runner.invoke(main, [*command, str(tmp_path)])
    assert result.exit_code == 3
    assert result.stderr == f"mlcheck: error: {tmp_path}: is a directory, not a file\n"


# --------------------------------------------------------------------------- colour

ESC = "\x1b["


@pytest.mark.parametrize(
    ("env", "flags", "coloured"),
    [
        ({}, [], False),  # CliRunner's stdout is no terminal
        ({"FORCE_COLOR": "1"}, [], True),
        ({"FORCE_COLOR": "0"}, [], False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, [], False),
        ({"NO_COLOR": "1"}, ["--color"], True),  # the flag wins over the environment
        ({"FORCE_COLOR": "1"}, ["--no-color"], False),
        ({}, ["--color"], True),
    ],
)
def test_colour_follows_no_color_force_color_and_the_flags(
    runner: CliRunner, env: dict[str, str], flags: list[str], coloured: bool
) -> None:
    clean = {"NO_COLOR": "", "FORCE_COLOR": "", **env}
    result = runner.invoke(
        main, [str(EXAMPLE_RESUME), "--job", str(EXAMPLE_POSTING), *flags], env=clean
    )
    assert result.exit_code == 0, result.output
    assert (ESC in result.stdout) is coloured
    if coloured:
        assert "\x1b[31m\x1b[1m[HIGH]" in result.stdout or "\x1b[33m[MEDIUM]" in result.stdout
    plain = runner.invoke(main, [str(EXAMPLE_RESUME), "--job", str(EXAMPLE_POSTING)])
    assert re.sub(r"\x1b\[[0-9;]*m", "", result.stdout) == plain.stdout


def test_files_and_machine_forms_are_never_coloured(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "summary.txt"
    result = runner.invoke(main, [str(EXAMPLE_RESUME), "--color", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert ESC not in target.read_text(encoding="utf-8")
    data = runner.invoke(main, [str(EXAMPLE_RESUME), "--color", "-f", "json"])
    assert ESC not in data.stdout and json.loads(data.stdout)


def test_verbose_shows_the_steps_of_one_check(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = runner.invoke(
        main, [str(EXAMPLE_RESUME), "--job", str(EXAMPLE_POSTING), "-v", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    steps = [line.split(": ", 2)[2].split()[0] for line in result.stderr.splitlines()[:-1]]
    assert steps == ["reading", "read", "reading", "analysing", "analysed:", "writing"]
    assert result.stderr.splitlines()[-1] == f"mlcheck: wrote {target}"


def test_fail_under_compares_and_shows_the_exact_score(runner: CliRunner) -> None:
    args = [str(EXAMPLE_RESUME), "--job", str(EXAMPLE_POSTING), "-f", "json"]
    score = json.loads(runner.invoke(main, args).stdout)["ats"]["score"]
    # A threshold just above the score: rounded, both would print alike ("86 is below 86").
    threshold = score + 0.4
    above = runner.invoke(main, [*args, "--fail-under", str(threshold)])
    assert above.exit_code == 1
    assert above.stderr == (
        f"mlcheck: ATS match score {score:g} is below --fail-under {threshold:g}\n"
    )
    assert runner.invoke(main, [*args, "--fail-under", str(score)]).exit_code == 0
