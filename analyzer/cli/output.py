"""Output forms of every command, chosen by -f or the -o suffix, and the one way to write them.

One Enum names every form a command can write and one map gives the form of a file suffix; each
command maps the forms it accepts to its library's renderer enum (ReportFormat for the report,
ScreenFormat for screen), so `-o out.md` means Markdown for every command.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from analyzer.cli.colour import use_colour
from analyzer.errors import MlcheckError
from analyzer.output import write_atomic
from analyzer.terminal import terminal_safe

if TYPE_CHECKING:
    from analyzer.report.forms import ReportFormat

log = logging.getLogger("analyzer")

FormatT = TypeVar("FormatT", bound=Enum)


class OutputFormat(str, Enum):
    """Every output form a command writes; a command accepts those its renderers write."""

    HTML = "html"
    MD = "md"
    JSON = "json"
    TEXT = "text"
    CSV = "csv"
    JSONL = "jsonl"
    JUNIT = "junit"


FORMAT_BY_SUFFIX: dict[str, OutputFormat] = {
    ".html": OutputFormat.HTML,
    ".htm": OutputFormat.HTML,
    ".md": OutputFormat.MD,
    ".json": OutputFormat.JSON,
    ".txt": OutputFormat.TEXT,
    ".csv": OutputFormat.CSV,
    ".jsonl": OutputFormat.JSONL,
    ".ndjson": OutputFormat.JSONL,
    ".xml": OutputFormat.JUNIT,
}
"""The form an output file's suffix asks for, for every command."""

FORMAT_ALIASES: dict[str, OutputFormat] = {
    "markdown": OutputFormat.MD,
    "txt": OutputFormat.TEXT,
    "table": OutputFormat.TEXT,
    "xml": OutputFormat.JUNIT,
}
"""Other spellings -f takes, the same for every command (md or markdown, text or table...)."""

NOT_WRITTEN_SUFFIXES = frozenset(
    {".pdf", ".docx", ".doc", ".odt", ".rtf", ".png", ".jpg", ".jpeg", ".svg", ".xlsx", ".zip"}
)
"""Suffixes of files mlcheck never writes: `-o report.pdf` would be text in a .pdf."""

REPORT_FORMS = (OutputFormat.HTML, OutputFormat.MD, OutputFormat.JSON, OutputFormat.TEXT)
"""The forms of the report (check, github, repo, render); each is a ReportFormat renderer."""


class OutputFormError(MlcheckError):
    """The -o file's suffix names a form the command does not write, or not the -f form."""

    exit_code = 2


def as_output_format(spelling: str) -> OutputFormat:
    """Return the form a -f spelling names ("markdown" and "md" are both Markdown)."""
    lowered = spelling.lower()
    return FORMAT_ALIASES.get(lowered) or OutputFormat(lowered)


def format_option(
    forms: Sequence[OutputFormat], help_text: str
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Return the -f/--format option of a command writing ``forms``, every spelling accepted."""
    spellings = [form.value for form in forms] + [
        alias for alias, form in FORMAT_ALIASES.items() if form in forms
    ]

    def canonical(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
        return None if value is None else as_output_format(value).value

    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(spellings, case_sensitive=False),
        default=None,
        callback=canonical,
        help=help_text,
    )


def pick_format(
    fmt: str | None,
    output: str | None,
    accepted: Mapping[OutputFormat, FormatT],
    default: FormatT,
) -> FormatT:
    """Use --format when given, else the output file's suffix, else the command's default.

    An output whose suffix names a form the command does not write (`check -o out.csv`,
    `-o report.pdf`), or another form than --format asks for, is refused with one line
    (OutputFormError, exit 2) before any work is done. A suffix the map does not know (.log)
    takes --format or the default.
    """
    chosen = accepted[as_output_format(fmt)] if fmt else None
    if output and output != "-":
        suffix = Path(output).suffix.lower()
        suffix_form = FORMAT_BY_SUFFIX.get(suffix)
        writes = ", ".join(form.value for form in accepted)
        if suffix in NOT_WRITTEN_SUFFIXES or (
            suffix_form is not None and suffix_form not in accepted
        ):
            raise OutputFormError(
                f"-o {output}: this command writes {writes}, not {suffix} files; name the "
                "output after the form you want (e.g. report.html)"
            )
        if suffix_form is not None:
            if chosen is not None and accepted[suffix_form] != chosen:
                raise OutputFormError(
                    f"-o {output} names a {suffix_form.value} file but --format is "
                    f"{as_output_format(fmt or '').value}; make the two agree"
                )
            return accepted[suffix_form]
    return chosen if chosen is not None else default


def pick_report_format(fmt: str | None, output: str | None) -> ReportFormat:
    """Pick the report form of check, github, repo and render (terminal text by default)."""
    # Imported here: the report's templates are not needed for `--help`.
    from analyzer.report.forms import ReportFormat

    accepted = {form: ReportFormat(form.value) for form in REPORT_FORMS}
    return pick_format(fmt, output, accepted, ReportFormat.TEXT)


def report_painter(form: ReportFormat) -> Callable[[str], str] | None:
    """Return what colours a report form on a terminal: the text summary only."""
    from analyzer.cli.colour import paint_report

    return paint_report if form.value == OutputFormat.TEXT.value else None


def terminal_width() -> int | None:
    """Return the columns stdout's terminal has; None when stdout is a file or a pipe.

    COLUMNS, when set to a number, is taken even for a pipe (a script can ask for a width).
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    return None


def write_output(
    text: str, output: str | None, painter: Callable[[str], str] | None = None
) -> None:
    """Write a finished report once: to stdout for None or "-", else atomically to a file.

    ``painter`` colours text for a person at a terminal (see cli/colour.py); files never are.
    """
    log.info("writing %s", "stdout" if output in (None, "-") else output)
    if output in (None, "-"):
        if painter is not None and use_colour():
            text = painter(text)
        click.echo(text, nl=not text.endswith("\n"), color=painter is not None and use_colour())
        return
    write_atomic(Path(output), text)
    # Said on stderr: stdout stays for results, and a person sees where the report went.
    click.echo(f"mlcheck: wrote {terminal_safe(output)}", err=True)
