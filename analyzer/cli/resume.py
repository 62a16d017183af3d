"""The resume commands: `check` (the default) and `parse`."""

from __future__ import annotations

import sys

import click

from analyzer.cli.errors import handle_errors
from analyzer.cli.options import (
    common_options,
    github_options,
    github_request,
    make_settings,
    read_stdin_if_dash,
    report_format_option,
    setup_logging,
)
from analyzer.cli.output import (
    OutputFormat,
    format_option,
    pick_format,
    pick_report_format,
    report_painter,
    write_output,
)
from analyzer.output import refuse_output_onto_inputs
from analyzer.settings import Limits
from analyzer.terminal import terminal_safe

PORTFOLIO_MISSING = 6
"""Exit code: the resume report was written, the --github portfolio could not be reviewed."""

PARSE_FORMS = (OutputFormat.JSON, OutputFormat.TEXT)
"""The forms `mlcheck parse` writes."""


@click.command()
# A folder is accepted here so that the reader refuses it like any unreadable input (exit 3).
@click.argument("resume", type=click.Path(allow_dash=False))
@format_option(
    PARSE_FORMS, "Output form: json or text [default: from the -o extension, else text]."
)
@common_options
@handle_errors
def parse(
    resume: str,
    fmt: str,
    output: str | None,
    taxonomy_paths: tuple[str, ...],
    model: str | None,
    limits: Limits,
    verbose: int,
) -> None:
    """Show what mlcheck reads from a resume: contact, sections, bullets.

    \b
    Example:
      mlcheck parse resume.pdf --format json
    """
    setup_logging(verbose)
    form = pick_format(fmt, output, {f: f for f in PARSE_FORMS}, OutputFormat.TEXT)
    refuse_output_onto_inputs([output], [resume])
    from analyzer.documents import read_document
    from analyzer.report.parse_output import render_parse

    settings = make_settings(taxonomy_paths, model, limits)
    document = read_document(resume, limits=settings.limits)
    write_output(render_parse(document, form.value), output)


@click.command()
@click.argument("resume", type=click.Path())
@click.option(
    "-j",
    "--job",
    metavar="FILE",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Job posting to match against (text, Markdown or PDF; '-' reads stdin).",
)
@report_format_option
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    default=None,
    metavar="N",
    help="Exit 1 when the ATS match score (or, without --job, the resume quality) is below N.",
)
@click.option(
    "--github",
    "github_user",
    metavar="USER",
    default=None,
    help="Also review this GitHub account's portfolio and cross-check it with the resume.",
)
@github_options
@common_options
@handle_errors
def check(
    resume: str,
    job: str | None,
    fmt: str | None,
    fail_under: float | None,
    github_user: str | None,
    token_env: str,
    api_url: str,
    max_repos: int,
    max_seconds_github: float,
    include_forks: bool,
    no_cache: bool,
    cache_dir: str | None,
    output: str | None,
    taxonomy_paths: tuple[str, ...],
    model: str | None,
    limits: Limits,
    verbose: int,
) -> None:
    """Check a resume the way an ATS reads it, and say what to fix first.

    RESUME is a PDF, DOCX, TXT or Markdown file. With --job, the resume is matched against the
    posting's required and preferred skills, title, years and degree. With --github, the
    account's repos are reviewed too (see `mlcheck github --help`) and the skills the resume
    claims are checked against what the repos show.

    \b
    Examples:
      mlcheck resume.pdf --job posting.txt
      mlcheck resume.pdf --job posting.txt -o report.html
      mlcheck resume.pdf --job posting.txt --format json --fail-under 70
      mlcheck resume.pdf --job posting.txt --github octocat -o report.html
      pbpaste | mlcheck resume.docx --job -
    """
    setup_logging(verbose)
    form = pick_report_format(fmt, output)
    refuse_output_onto_inputs([output], [resume, job])
    from analyzer.api import analyze_resume
    from analyzer.report import render

    settings = make_settings(taxonomy_paths, model, limits)
    stdin_text = read_stdin_if_dash(job, limits)
    github = None
    if github_user is not None:
        github = github_request(
            github_user,
            token_env,
            api_url,
            max_repos,
            include_forks,
            no_cache,
            cache_dir,
            max_seconds_github,
        )
    analysis = analyze_resume(
        resume, job=job, settings=settings, stdin_text=stdin_text, github=github
    )
    write_output(render(analysis, form), output, painter=report_painter(form))
    if analysis.portfolio_error is not None:
        click.echo(
            "mlcheck: the report was written without the GitHub portfolio: "
            f"{terminal_safe(analysis.portfolio_error)}",
            err=True,
        )
        sys.exit(PORTFOLIO_MISSING)
    score = analysis.match.score if analysis.match is not None else analysis.quality_score
    if fail_under is not None and score < fail_under:
        # The exact score: 85.5 rounded would read "86 is below 86".
        what = "ATS match score" if analysis.match is not None else "resume quality score"
        click.echo(f"mlcheck: {what} {score:g} is below --fail-under {fail_under:g}", err=True)
        sys.exit(1)
