"""Output forms of every command, chosen by -f or the -o suffix, and the one way to write them.

One Enum names every form a command can write and one map gives the form of a file suffix; each
command maps the forms it accepts to its library's renderer enum (ReportFormat for the report,
ScreenFormat for screen), so `-o out.md` means Markdown for every command.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from analyzer.output import write_atomic

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

REPORT_FORMS = (OutputFormat.HTML, OutputFormat.MD, OutputFormat.JSON, OutputFormat.TEXT)
"""The forms of the report (check, github, repo, render); each is a ReportFormat renderer."""


def pick_format(
    fmt: str | None,
    output: str | None,
    accepted: Mapping[OutputFormat, FormatT],
    default: FormatT,
) -> FormatT:
    """Use --format when given, else the output file's suffix, else the command's default.

    A suffix names a form of the one map; a command that does not write that form (`check -o
    out.csv`) falls back to its default, as each command always did.
    """
    if fmt:
        return type(default)(fmt)
    if output and output != "-":
        suffix_form = FORMAT_BY_SUFFIX.get(Path(output).suffix.lower())
        if suffix_form is not None and suffix_form in accepted:
            return accepted[suffix_form]
    return default


def pick_report_format(fmt: str | None, output: str | None) -> ReportFormat:
    """Pick the report form of check, github, repo and render (terminal text by default)."""
    # Imported here: the report's templates are not needed for `--help`.
    from analyzer.report.forms import ReportFormat

    accepted = {form: ReportFormat(form.value) for form in REPORT_FORMS}
    return pick_format(fmt, output, accepted, ReportFormat.TEXT)


def write_output(text: str, output: str | None) -> None:
    """Write a finished report once: to stdout for None or "-", else atomically to a file."""
    if output in (None, "-"):
        click.echo(text, nl=not text.endswith("\n"))
        return
    write_atomic(Path(output), text)
    log.info("wrote %s", output)
