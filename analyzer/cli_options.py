"""Options and helpers shared by every mlcheck command, defined once.

Kept apart from analyzer/cli.py so that a command living in its own package
(analyzer/screen/command.py) uses them without importing the CLI that registers it.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from typing import Any

import click

from analyzer.documents.text import decode_text
from analyzer.errors import LimitExceeded
from analyzer.settings import Limits, Settings
from analyzer.terminal import TerminalSafeFormatter

log = logging.getLogger("analyzer")


def setup_logging(verbose: int) -> None:
    """Send the package's log to stderr; -v shows info, -vv debug."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(TerminalSafeFormatter("mlcheck: %(levelname)s: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False


verbose_option = click.option(
    "-v", "--verbose", count=True, help="Log progress to stderr (-vv: debug)."
)


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


LIMIT_FIELDS = ("max_bytes", "max_pages", "max_seconds", "max_chars", "max_inflated_bytes")


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
    text, _encoding = decode_text(data)
    if not text.strip():
        raise click.UsageError("--job - was given but stdin is empty")
    return text
