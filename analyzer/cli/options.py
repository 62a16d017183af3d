"""Options shared by the mlcheck commands, each defined once, and the settings they build."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from analyzer.cli.colour import color_option
from analyzer.cli.output import REPORT_FORMS, format_option
from analyzer.errors import LimitExceeded
from analyzer.settings import Limits, Settings
from analyzer.terminal import TerminalSafeFormatter

if TYPE_CHECKING:
    from analyzer.api import GitHubRequest

log = logging.getLogger("analyzer")


def setup_logging(verbose: int) -> None:
    """Send the package's log to stderr; -v shows info, -vv debug."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(TerminalSafeFormatter("mlcheck: %(levelname)s: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False


_verbose = click.option("-v", "--verbose", count=True, help="Log progress to stderr (-vv: debug).")


def verbose_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """The terminal options every command has: -v and --color/--no-color."""
    return _verbose(color_option(func))


def nlp_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options that choose the NLP resources: --taxonomy and --model."""
    decorators = [
        click.option(
            "--taxonomy",
            "taxonomy_paths",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False),
            help="Extra skills taxonomy or role file (JSON, see docs/taxonomy.md). Repeatable.",
        ),
        click.option(
            "--model",
            default=None,
            metavar="NAME",
            help="Trained spaCy pipeline to use when installed (default: en_core_web_sm if "
            "present, else the rule-based pipeline); 'blank' forces the rule-based one.",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def analysis_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options every analysing command shares: taxonomy, model, -v, then the limits."""
    return nlp_options(verbose_option(limit_options(func)))


LIMIT_FIELDS = (
    "max_bytes",
    "max_pages",
    "max_seconds",
    "max_chars",
    "max_page_chars",
    "max_document_chars",
    "max_inflated_bytes",
)


def limit_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Add the resource-limit options and hand the command one `limits: Limits` argument."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in LIMIT_FIELDS}
        return func(*args, limits=Limits(**values), **kwargs)

    decorators = [
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            default=Limits.max_bytes,
            show_default=True,
            help="Refuse input files larger than this many bytes.",
        ),
        click.option(
            "--max-pages",
            type=click.IntRange(min=1),
            default=Limits.max_pages,
            show_default=True,
            help="Refuse PDFs with more pages than this.",
        ),
        click.option(
            "--max-seconds",
            type=click.FloatRange(min=0, min_open=True),
            default=Limits.max_seconds,
            show_default=True,
            help="Give up reading one document after this many seconds.",
        ),
        click.option(
            "--max-chars",
            type=click.IntRange(min=1),
            default=Limits.max_chars,
            show_default=True,
            help="Analyse at most this many characters of text (the rest is cut, with a warning).",
        ),
        click.option(
            "--max-page-chars",
            type=click.IntRange(min=1),
            default=Limits.max_page_chars,
            show_default=True,
            help="Refuse PDFs with a page holding more characters than this (bounds memory).",
        ),
        click.option(
            "--max-document-chars",
            type=click.IntRange(min=1),
            default=Limits.max_document_chars,
            show_default=True,
            help="Refuse PDFs whose pages hold more characters than this in all.",
        ),
        click.option(
            "--max-inflated-bytes",
            type=click.IntRange(min=1),
            default=Limits.max_inflated_bytes,
            show_default=True,
            help="Refuse documents that decompress to more than this (decompression bombs).",
        ),
    ]
    result: Callable[..., Any] = wrapper
    for decorator in reversed(decorators):
        result = decorator(result)
    return result


def make_settings(taxonomy_paths: tuple[str, ...], model: str | None, limits: Limits) -> Settings:
    """Build the run's Settings from the shared options."""
    return Settings(
        limits=limits,
        taxonomy_paths=tuple(taxonomy_paths),
        model=model,
    )


def read_stdin_if_dash(job: str | None, limits: Limits) -> str | None:
    """Return the posting text from stdin when --job is "-", reading at most --max-bytes."""
    if job != "-":
        return None
    data = sys.stdin.buffer.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise LimitExceeded(
            "-", f"stdin holds more than the limit of {limits.max_bytes} bytes (--max-bytes)"
        )
    # Imported here: the readers import the PDF libraries, which `--help` must not pay for.
    from analyzer.documents.text import decode_text

    text, _encoding = decode_text(data)
    if not text.strip():
        raise click.UsageError("--job - was given but stdin is empty")
    return text


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


report_format_option = format_option(
    REPORT_FORMS,
    "Report form: html, md (markdown), json or text [default: from the -o extension, else text].",
)


GITHUB_API_URL = "https://api.github.com"
"""analyzer.github.DEFAULT_API_URL, spelled out so `--help` does not import PyGithub."""

GITHUB_MAX_REPOS = 20
"""analyzer.github.DEFAULT_MAX_REPOS, spelled out for the same reason."""

GITHUB_MAX_SECONDS = 60.0
"""analyzer.github.DEFAULT_MAX_SECONDS, spelled out for the same reason."""


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
            help="Review at most N own repos, most recently pushed first (the default fits "
            "the 60 requests/hour GitHub allows without a token; raise it with a token).",
        ),
        click.option(
            "--max-seconds-github",
            type=click.FloatRange(min=0, min_open=True),
            default=GITHUB_MAX_SECONDS,
            show_default=True,
            metavar="S",
            help="Time budget of the whole GitHub review (every request, retry and wait); "
            "a slow or stalling server stops it with exit 4.",
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
    max_seconds: float = GITHUB_MAX_SECONDS,
) -> GitHubRequest:
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
        max_seconds=max_seconds,
    )
