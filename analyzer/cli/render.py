"""The `render` command: a saved JSON result in another form, without analysing again."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from analyzer.cli.errors import handle_errors
from analyzer.cli.options import (
    output_option,
    report_format_option,
    setup_logging,
    verbose_option,
)
from analyzer.cli.output import pick_report_format, report_painter, write_output
from analyzer.errors import InputError, LimitExceeded
from analyzer.output import refuse_output_onto_inputs
from analyzer.settings import Limits


def _read(path: str, max_bytes: int) -> str:
    """Return the saved JSON text of a file, or of stdin for "-"."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            with Path(path).open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except FileNotFoundError:
            raise InputError(path, "no such file") from None
        except OSError as error:
            raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise LimitExceeded(path, f"larger than the limit of {max_bytes} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(path, "not a saved mlcheck JSON result (not UTF-8 text)") from None


@click.command()
@click.argument("saved", metavar="RESULT.json", type=click.Path(dir_okay=False, allow_dash=True))
@report_format_option
@output_option
@verbose_option
@handle_errors
def render(saved: str, fmt: str | None, output: str | None, verbose: int) -> None:
    """Render a saved JSON result again in another form, without analysing anything.

    RESULT.json is what `mlcheck RESUME --format json` wrote (with or without --job and
    --github), or `mlcheck github USER --format json`, or `mlcheck repo PATH --format json`;
    '-' reads stdin. The report is the one the original command would have written: CI can
    analyse once and render many forms. A file that is not such a result, or was written with
    another schema_version, is refused with one line and exit code 3.

    \b
    Examples:
      mlcheck resume.pdf --job posting.txt --format json -o analysis.json
      mlcheck render analysis.json -o report.html
      mlcheck render analysis.json --format md >> "$GITHUB_STEP_SUMMARY"
    """
    setup_logging(verbose)
    form = pick_report_format(fmt, output)
    refuse_output_onto_inputs([output], [saved])
    from analyzer.report import render_saved
    from analyzer.report.json_form import SavedJsonError

    text = _read(saved, Limits().max_bytes)
    try:
        report = render_saved(text, form)
    except SavedJsonError as error:
        raise InputError(saved, str(error)) from None
    write_output(report, output, painter=report_painter(form))
