"""The mlcheck command line: thin click commands over the analyzer library."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from analyzer import __version__
from analyzer.cli_options import (
    analysis_options,
    make_settings,
    nlp_options,
    read_stdin_if_dash,
    setup_logging,
    verbose_option,
)
from analyzer.errors import MlcheckError
from analyzer.output import refuse_output_onto_inputs, write_atomic
from analyzer.settings import Limits
from analyzer.terminal import terminal_safe

log = logging.getLogger("analyzer")

COMMANDS_WITHOUT_DEFAULT = {"--help", "-h", "--version"}


class DefaultToCheckGroup(click.Group):
    """A group where `mlcheck resume.pdf ...` means `mlcheck check resume.pdf ...`."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Insert the default command when the first argument is not a command."""
        if args and args[0] not in self.commands and args[0] not in COMMANDS_WITHOUT_DEFAULT:
            first_positional = next((a for a in args if not a.startswith("-")), None)
            if first_positional is not None and first_positional not in self.commands:
                args = [self.default_command, *args]
        return super().parse_args(ctx, args)


def write_output(text: str, output: str | None) -> None:
    """Write a finished report once: to stdout for None or "-", else atomically to a file."""
    if output in (None, "-"):
        click.echo(text, nl=not text.endswith("\n"))
        return
    write_atomic(Path(output), text)
    log.info("wrote %s", output)


def fail(error: MlcheckError) -> None:
    """Print one line for a domain error and exit with its documented code."""
    click.echo(f"mlcheck: error: {terminal_safe(str(error))}", err=True)
    sys.exit(error.exit_code)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn MlcheckError into one stderr line and its exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MlcheckError as error:
            fail(error)
        except KeyboardInterrupt:
            click.echo("mlcheck: interrupted", err=True)
            sys.exit(130)

    return wrapper


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default=None,
    help="Write the report to this file ('-' or omitted: the terminal).",
)


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options every analysing command shares: output, then taxonomy, model, limits, -v."""
    return output_option(analysis_options(func))


report_format_option = click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["html", "md", "json", "text"]),
    default=None,
    help="Report form [default: from the -o extension, else text].",
)


GITHUB_API_URL = "https://api.github.com"
"""analyzer.github.DEFAULT_API_URL, spelled out so `--help` does not import PyGithub."""

GITHUB_MAX_REPOS = 30
"""analyzer.github.DEFAULT_MAX_REPOS, spelled out for the same reason."""


def github_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options of every command that fetches a GitHub portfolio (`github`, `check --github`)."""
    decorators = [
        click.option(
            "--token-env",
            default="GITHUB_TOKEN",
            show_default=True,
            metavar="NAME",
            help="Environment variable holding a GitHub token (the token is never printed). "
            "Without one GitHub allows 60 requests/hour; with one, 5,000.",
        ),
        click.option(
            "--api-url",
            default=GITHUB_API_URL,
            show_default=True,
            metavar="URL",
            help="GitHub API base URL (GitHub Enterprise: https://HOST/api/v3).",
        ),
        click.option(
            "--max-repos",
            type=click.IntRange(min=0),
            default=GITHUB_MAX_REPOS,
            show_default=True,
            metavar="N",
            help="Review at most N own repos, most recently pushed first.",
        ),
        click.option(
            "--include-forks",
            is_flag=True,
            help="Judge forks too (by default they are listed apart, not judged).",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            help="Neither use nor fill the response cache (every request costs rate limit).",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False),
            default=None,
            metavar="DIR",
            help="Response cache folder [default: $XDG_CACHE_HOME/mlcheck/github, else "
            "~/.cache/mlcheck/github].",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def route_pygithub_log() -> None:
    """Send PyGithub's log through mlcheck's handler: its retries show only with -vv.

    PyGithub adds its own stderr handler at INFO when imported, so this runs after the import.
    Its DEBUG level (request headers) is never turned on.
    """
    pygithub = logging.getLogger("github")
    pygithub.handlers[:] = list(log.handlers)
    pygithub.propagate = False
    pygithub.setLevel(logging.INFO if log.getEffectiveLevel() <= logging.DEBUG else logging.WARNING)


def github_request(
    user: str,
    token_env: str,
    api_url: str,
    max_repos: int,
    include_forks: bool,
    no_cache: bool,
    cache_dir: str | None,
) -> Any:
    """Build the library's GitHubRequest from the GitHub options; the token is read here."""
    from analyzer.api import GitHubRequest
    from analyzer.github import token_from_env

    route_pygithub_log()
    token = token_from_env(token_env)
    log.info("GitHub: %s as %s", api_url, "authenticated" if token else "anonymous")
    return GitHubRequest(
        user=user,
        token=token,
        token_env=token_env,
        api_url=api_url,
        max_repos=max_repos,
        include_forks=include_forks,
        cache_dir=Path(cache_dir) if cache_dir else None,
        use_cache=not no_cache,
    )


@click.group(
    cls=DefaultToCheckGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""\b
Examples:
  mlcheck resume.pdf --job posting.txt            check a resume against a posting
  mlcheck resume.pdf --job posting.txt -o report.html
  mlcheck github octocat                          review a GitHub portfolio
  mlcheck resume.pdf --job posting.txt --github octocat   both, cross-checked
  mlcheck repo .                                  score a local repo's README and hygiene
  mlcheck parse resume.pdf --format json          see what mlcheck reads
  mlcheck screen resumes/ --job posting.txt --format csv -o shortlist.csv

Exit codes: 0 ok, 1 score below --fail-under, 2 usage error, 3 unreadable input,
4 GitHub error, 5 screen finished but some files could not be read.""",
)
@click.version_option(__version__, "-V", "--version", prog_name="mlcheck")
def main() -> None:
    """Check an ML engineer's resume and GitHub portfolio the way a hiring pipeline sees them.

    The resume (PDF, DOCX, TXT or Markdown) can be given directly: `mlcheck resume.pdf` is short
    for `mlcheck check resume.pdf`.
    """


@main.command()
@click.argument("resume", type=click.Path(dir_okay=False, allow_dash=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="text",
    show_default=True,
    help="Output form.",
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
    from analyzer.documents import read_document
    from analyzer.report.parse_output import render_parse

    refuse_output_onto_inputs([output], [resume])
    settings = make_settings(taxonomy_paths, model, limits)
    document = read_document(resume, limits=settings.limits)
    write_output(render_parse(document, fmt), output)


FORMAT_BY_SUFFIX = {".html": "html", ".htm": "html", ".md": "md", ".json": "json", ".txt": "text"}


def pick_format(fmt: str | None, output: str | None) -> str:
    """Use --format when given, else the output file's extension, else text."""
    if fmt:
        return fmt
    if output and output != "-":
        return FORMAT_BY_SUFFIX.get(Path(output).suffix.lower(), "text")
    return "text"


@main.command()
@click.argument("resume", type=click.Path(dir_okay=False))
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
    from analyzer.api import analyze_resume
    from analyzer.report import ReportFormat, render

    refuse_output_onto_inputs([output], [resume, job])
    settings = make_settings(taxonomy_paths, model, limits)
    stdin_text = read_stdin_if_dash(job, limits)
    github = None
    if github_user is not None:
        github = github_request(
            github_user, token_env, api_url, max_repos, include_forks, no_cache, cache_dir
        )
    analysis = analyze_resume(
        resume, job=job, settings=settings, stdin_text=stdin_text, github=github
    )
    write_output(render(analysis, ReportFormat(pick_format(fmt, output))), output)
    score = analysis.match.score if analysis.match is not None else analysis.quality_score
    if fail_under is not None and score < fail_under:
        click.echo(f"mlcheck: score {score:.0f} is below --fail-under {fail_under:g}", err=True)
        sys.exit(1)


@main.command()
@click.argument("user")
@github_options
@report_format_option
@output_option
@nlp_options
@verbose_option
@handle_errors
def github(
    user: str,
    token_env: str,
    api_url: str,
    max_repos: int,
    include_forks: bool,
    no_cache: bool,
    cache_dir: str | None,
    fmt: str | None,
    output: str | None,
    taxonomy_paths: tuple[str, ...],
    model: str | None,
    verbose: int,
) -> None:
    """Review a GitHub portfolio the way a hiring manager skims it.

    Scores each own repo's README (problem, data, approach, results with metrics, how to run
    it) and engineering hygiene (licence, pinned dependencies, tests, CI, deployment), checks
    that the projects tell a growth story (tabular, intermediate, deep learning, deployed) and
    flags tutorial clones (Titanic, Iris, MNIST...). Forks are listed apart.

    A token is optional: without one GitHub allows 60 requests an hour (a profile of 10 repos
    costs about 28); with one (a personal access token with no scopes, in $GITHUB_TOKEN or the
    variable --token-env names) it allows 5,000. Answers are cached in
    $XDG_CACHE_HOME/mlcheck/github (default ~/.cache/mlcheck/github; the token is never
    stored): a second run sends conditional requests, and unchanged answers cost no rate limit.

    \b
    Examples:
      mlcheck github octocat
      GITHUB_TOKEN=... mlcheck github octocat --format html -o portfolio.html
      mlcheck github octocat --format json --max-repos 10 --no-cache
      mlcheck github jdoe --api-url https://github.example.com/api/v3 --token-env GHE_TOKEN

    Exit codes: 0 ok (also when the rate limit stopped the review part-way: a warning is
    printed), 4 GitHub error (user not found, rate limit exhausted, server unreachable).
    """
    setup_logging(verbose)
    from analyzer.api import review_github
    from analyzer.report import ReportFormat, render_portfolio

    request = github_request(
        user, token_env, api_url, max_repos, include_forks, no_cache, cache_dir
    )
    review = review_github(request, make_settings(taxonomy_paths, model, Limits()))
    write_output(render_portfolio(review, ReportFormat(pick_format(fmt, output))), output)


@main.command()
@click.argument("path", type=click.Path(file_okay=False))
@report_format_option
@output_option
@nlp_options
@verbose_option
@handle_errors
def repo(
    path: str,
    fmt: str | None,
    output: str | None,
    taxonomy_paths: tuple[str, ...],
    model: str | None,
    verbose: int,
) -> None:
    """Score a local checkout's README and engineering hygiene, without any network request.

    The same checks as `mlcheck github` gives each repo: what the README explains (problem,
    data, approach, results with metrics, install and usage) and the repo's hygiene (licence,
    pinned dependencies, tests, CI workflow, Dockerfile or app, code in modules).

    \b
    Examples:
      mlcheck repo .
      mlcheck repo ~/code/churn-model --format md -o review.md
      mlcheck repo . --format json
    """
    setup_logging(verbose)
    from analyzer.api import review_repo_path
    from analyzer.report import ReportFormat, render_repo

    review = review_repo_path(path, make_settings(taxonomy_paths, model, Limits()))
    write_output(render_repo(review, ReportFormat(pick_format(fmt, output))), output)


def _register_screen() -> None:
    from analyzer.screen.command import screen

    main.add_command(screen, name="screen")


_register_screen()


if __name__ == "__main__":
    main()
