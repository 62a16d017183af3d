"""The `mlcheck screen` command: parse options, call run_screen, report on stderr.

The batch runner itself is the library's analyzer/screen/; this command also runs on its own as
``python -m analyzer.screen``.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from analyzer.cli.colour import paint_table, use_colour
from analyzer.cli.errors import handle_errors
from analyzer.cli.options import (
    analysis_options,
    make_settings,
    read_stdin_if_dash,
    setup_logging,
)
from analyzer.cli.output import OutputFormat, format_option, pick_format, terminal_width
from analyzer.screen.interface import Executor, ScreenFormat, ScreenOptions, ScreenResult
from analyzer.settings import Limits
from analyzer.terminal import terminal_safe

SCREEN_FORMATS: dict[OutputFormat, ScreenFormat] = {
    OutputFormat.CSV: ScreenFormat.CSV,
    OutputFormat.JSONL: ScreenFormat.JSONL,
    OutputFormat.JUNIT: ScreenFormat.JUNIT,
    OutputFormat.MD: ScreenFormat.MARKDOWN,
    OutputFormat.HTML: ScreenFormat.HTML,
    OutputFormat.TEXT: ScreenFormat.TABLE,
}
"""The forms screen writes to a file named by suffix; anything else is the terminal table."""

EPILOG = """\b
Examples:
  mlcheck screen resumes/ --job posting.txt
  mlcheck screen resumes/ 'inbox/**/*.pdf' --job posting.txt -o shortlist.csv
  mlcheck screen resumes/ --job posting.txt -f junit -o screen.xml --min-score 60
  mlcheck screen resumes/ --job posting.txt -o screen.jsonl --resume
  mlcheck screen resumes/ --job posting.txt -f html -o out/index.html --reports out/reports

\b
Exit codes:
  0  every file was screened (and, with --min-score, everyone reached it)
  1  --min-score/--fail-under was given and a screened candidate scored below it
  2  usage error (bad option, no resume files found, --resume without --output, an
     output or --summary naming an input, --resume after a finished run that did not
     write JSON Lines), or worker processes that cannot run (use --jobs 1)
  3  the posting could not be read
  5  some files could not be read; the others were screened and reported, each
     unreadable file is a row with status "error" and a line on stderr.
     5 wins over 1: an incomplete screen must be fixed first; the candidates below
     --min-score are still marked in the output.

\b
Privacy: names, e-mails, phones and locations are left out unless --include-contact;
--anonymize names candidates by the first 12 hex digits of the SHA-256 of their file."""


class _ProgressBar:
    """A click progress bar on stderr, opened when the total is known."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._done = 0

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            self._bar = click.progressbar(length=total, label="screening", file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


def _report(result: ScreenResult) -> None:
    for note in result.notes:
        click.echo(f"mlcheck: note: {terminal_safe(note)}", err=True)
    for row in result.errors:
        click.echo(
            f"mlcheck: cannot read {terminal_safe(f'{row.candidate}: {row.reason}')}", err=True
        )
    if result.below and result.min_score is not None:
        click.echo(
            f"mlcheck: {len(result.below)} candidate(s) scored below --min-score "
            f"{result.min_score:g}",
            err=True,
        )


@click.command(
    "screen",
    epilog=EPILOG,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.argument("inputs", nargs=-1, required=True, metavar="RESUMES...")
@click.option(
    "-j",
    "--job",
    metavar="FILE",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Job posting to screen against (text, Markdown or PDF; '-' reads stdin).",
)
@format_option(
    tuple(SCREEN_FORMATS),
    "Output form: table (text), csv, jsonl, junit (xml), md (markdown) or html "
    "[default: from the -o extension (.txt .csv .jsonl .xml .md .html), else table].",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default=None,
    help="Write the shortlist to this file ('-' or omitted: the terminal).",
)
@click.option(
    "--min-score",
    "--fail-under",
    "min_score",
    type=click.FloatRange(0, 100),
    default=None,
    metavar="N",
    help="Candidates scoring below N fail (JUnit <failure>, marked in tables); exit 1 if any.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Worker processes [default: all cores, at most one per 4 files with fork, per 40 "
    "with spawn, whose start-up costs about as much as 40 resumes]; 1 runs in this process.",
)
@click.option(
    "--executor",
    type=click.Choice([e.value for e in Executor]),
    default=Executor.LOCAL.value,
    show_default=True,
    help="local: a process pool on this machine; dask: a Dask cluster (pip install "
    "'mlcheck[dask]').",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Dask scheduler to use with --executor dask [default: start a local cluster of "
    "--jobs worker processes].",
)
@click.option(
    "--start-method",
    type=click.Choice(["auto", "spawn", "forkserver", "fork"]),
    default="auto",
    show_default=True,
    help="How pool workers start: auto is fork on Linux (workers inherit the NLP resources "
    "loaded once before forking), else spawn; spawn is safe everywhere, each worker loads the "
    "resources again.",
)
@click.option(
    "--include-contact",
    is_flag=True,
    help="Show the candidates' names, e-mails, phones and locations (left out by default).",
)
@click.option(
    "--anonymize",
    is_flag=True,
    help="Name candidates by a hash of their file (SHA-256, 12 hex digits); hide file names.",
)
@click.option(
    "--reports",
    "reports_dir",
    metavar="DIR",
    type=click.Path(file_okay=False),
    default=None,
    help="Also write each candidate's own HTML report into DIR and link it from the output.",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Keep the candidates already in the --output JSON Lines (or its .partial.jsonl "
    "journal) of an interrupted run; screen only the rest.",
)
@click.option(
    "--summary",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    default=None,
    help='Also append the Markdown summary to FILE (e.g. "$GITHUB_STEP_SUMMARY").',
)
@analysis_options
@handle_errors
def screen(
    inputs: tuple[str, ...],
    job: str,
    fmt: str | None,
    output: str | None,
    min_score: float | None,
    jobs: int | None,
    executor: str,
    scheduler: str | None,
    start_method: str,
    include_contact: bool,
    anonymize: bool,
    reports_dir: str | None,
    resume: bool,
    summary: str | None,
    taxonomy_paths: tuple[str, ...],
    model: str | None,
    verbose: int,
    limits: Limits,
) -> None:
    """Screen many resumes against one posting: a ranked, reproducible shortlist.

    RESUMES are files, folders (searched recursively for PDF, DOCX, TXT and MD files) and
    globs. Candidates are ranked by ATS score, then required-skill coverage, then file name;
    the same inputs give byte-identical output. With -o FILE, finished candidates are saved as
    they come, so an interrupted run can be completed with --resume.
    """
    from analyzer.api import load_posting
    from analyzer.screen.runner import run_screen

    setup_logging(verbose)
    settings = make_settings(taxonomy_paths, model, limits)
    options = ScreenOptions(
        fmt=pick_format(fmt, output, SCREEN_FORMATS, ScreenFormat.TABLE),
        output=output,
        jobs=jobs,
        executor=Executor(executor),
        scheduler=scheduler,
        min_score=min_score,
        include_contact=include_contact,
        anonymize=anonymize,
        reports_dir=reports_dir,
        resume=resume,
        summary=summary,
        start_method=start_method,
        width=terminal_width(),
    )
    progress = _ProgressBar() if sys.stderr.isatty() else None
    stdin_text = read_stdin_if_dash(job, limits)
    posting = load_posting(job, settings, stdin_text)
    try:
        result = run_screen(inputs, posting, settings, options, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    if output in (None, "-"):
        table = options.fmt is ScreenFormat.TABLE and use_colour()
        click.echo(paint_table(result.text) if table else result.text, nl=False, color=table)
    _report(result)
    sys.exit(result.exit_code)
