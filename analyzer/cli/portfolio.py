"""The GitHub commands: `github` (an account's portfolio) and `repo` (one local checkout)."""

from __future__ import annotations

import click

from analyzer.cli.errors import handle_errors
from analyzer.cli.options import (
    github_options,
    github_request,
    make_settings,
    nlp_options,
    output_option,
    report_format_option,
    setup_logging,
    verbose_option,
)
from analyzer.cli.output import pick_report_format, report_painter, write_output
from analyzer.output import refuse_output_onto_folder_files
from analyzer.settings import Limits


@click.command()
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
    max_seconds_github: float,
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
    printed), 4 GitHub error (user not found, rate limit exhausted, server unreachable or
    broken, --max-seconds-github spent).
    """
    setup_logging(verbose)
    form = pick_report_format(fmt, output)
    from analyzer.api import review_github
    from analyzer.report import render_portfolio

    request = github_request(
        user, token_env, api_url, max_repos, include_forks, no_cache, cache_dir, max_seconds_github
    )
    review = review_github(request, make_settings(taxonomy_paths, model, Limits()))
    write_output(render_portfolio(review, form), output, painter=report_painter(form))


@click.command()
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
    form = pick_report_format(fmt, output)
    refuse_output_onto_folder_files(output, path)
    from analyzer.api import review_repo_path
    from analyzer.report import render_repo

    review = review_repo_path(path, make_settings(taxonomy_paths, model, Limits()))
    write_output(render_repo(review, form), output, painter=report_painter(form))
