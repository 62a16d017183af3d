"""Colour on the terminal: severities, scores and statuses, only where a person reads them.

Whether to colour: --color/--no-color when given; else NO_COLOR (any value) turns it off
(no-color.org); else FORCE_COLOR (any value but 0) turns it on; else colour when stdout is a
terminal. Files, pipes and every machine-readable form are never coloured: the text is painted
after it is rendered, so the reports themselves hold no escape codes.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, TextIO

import click

META_KEY = "mlcheck.color"

_SEVERITY = re.compile(r"\[(HIGH|MEDIUM|LOW)\]")
_SEVERITY_STYLE: dict[str, dict[str, Any]] = {
    "HIGH": {"fg": "red", "bold": True},
    "MEDIUM": {"fg": "yellow"},
    "LOW": {"fg": "cyan"},
}
_REACHED = re.compile(r"target \d+(?:\.\d+)?: reached")
_TO_GO = re.compile(r"\d+(?:\.\d+)? points? to go")
_MISSING = re.compile(r"^(Missing required skills:) (?!none$)", re.MULTILINE)
_STATUS = re.compile(r"(?<=  )(ok|below min[^\n]*|error: [^\n]*)$", re.MULTILINE)


def remember(ctx: click.Context, _param: click.Parameter, value: bool | None) -> None:
    """Keep the --color/--no-color choice for the command's output (a click callback)."""
    ctx.meta[META_KEY] = value


color_option = click.option(
    "--color/--no-color",
    default=None,
    expose_value=False,
    callback=remember,
    help="Colour severities and scores [default: on a terminal, unless NO_COLOR is set].",
)


def use_colour(stream: TextIO | None = None) -> bool:
    """Tell whether text written to ``stream`` (stdout) should be coloured."""
    ctx = click.get_current_context(silent=True)
    chosen = ctx.meta.get(META_KEY) if ctx is not None else None
    if chosen is not None:
        return bool(chosen)
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    target = stream if stream is not None else sys.stdout
    return bool(getattr(target, "isatty", lambda: False)())


def _style(match: re.Match[str], **style: Any) -> str:
    return click.style(match.group(0), **style)


def paint_report(text: str) -> str:
    """Colour the terminal summary: severities, targets reached or not, missing skills."""
    text = _SEVERITY.sub(lambda m: _style(m, **_SEVERITY_STYLE[m.group(1)]), text)
    text = _REACHED.sub(lambda m: _style(m, fg="green"), text)
    text = _TO_GO.sub(lambda m: _style(m, fg="yellow"), text)
    return _MISSING.sub(lambda m: click.style(m.group(1), fg="red") + " ", text)


def paint_table(text: str) -> str:
    """Colour the screen table's status column: ok green, below min yellow, errors red."""

    def status(match: re.Match[str]) -> str:
        value = match.group(0)
        colour = "green" if value == "ok" else "red" if value.startswith("error") else "yellow"
        return click.style(value, fg=colour)

    return _STATUS.sub(status, text)
