"""Make untrusted text (resume, posting, README) safe for each output form.

HTML is escaped by jinja2's autoescape; these helpers cover what autoescape does not: control
characters (terminal escape sequences), and Markdown, where a GitHub job summary or PR comment
would otherwise render raw HTML, links, tables broken by ``|`` and @-mentions from the input.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from markupsafe import Markup

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")
_BREAKS = re.compile(r"\s*[\r\n\v\f\u2028\u2029]+\s*")
_MD_PUNCT = re.compile(r"([\\`*\[\]{}|~$]|(?<!\w)_|_(?!\w))")
_MD_BLOCK_START = re.compile(r"^(\s*)([#>+\-=])(?=\s|$)")
_MD_ORDERED_START = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")
_MENTION = re.compile(r"@(?=\w)")
_WWW = re.compile(r"(?<![\w.])(www)(\.)(?=\w)", re.IGNORECASE)


def strip_controls(text: str) -> str:
    """Remove control and bidi-override characters, keeping newlines and tabs."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """Collapse all whitespace, newlines included, into single spaces."""
    return _SPACE.sub(" ", strip_controls(text)).strip()


def md_escape(text: str) -> str:
    """Escape text for inline use in GitHub Markdown, including inside table cells.

    HTML-significant characters become entities, Markdown punctuation gets a backslash, a
    leading block marker (``#``, ``>``, ``-``, ``1.``) is neutralised, ``|`` cannot end a table
    cell, newlines cannot start a new block, ``@name`` cannot notify anyone and ``www.host``
    cannot become a link (GitHub autolinks it; a zero-width space after "www" stops that).
    """
    text = _SPACE.sub(" ", strip_controls(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_PUNCT.sub(r"\\\1", text)
    text = _MD_BLOCK_START.sub(r"\1\\\2", text)
    text = _MD_ORDERED_START.sub(r"\1\\\2", text)
    text = _WWW.sub("\\1\u200b\\2", text)
    return _MENTION.sub("@\u200b", text)


def finalize_html(value: Any) -> Any:
    """Strip control characters from every value before autoescape sees it."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return strip_controls(value)
    return value


def finalize_markdown(value: Any) -> Any:
    """Escape every printed value for Markdown unless the template marked it as ours."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, str):
        return md_escape(value)
    return value


def finalize_text(value: Any) -> Any:
    """Print every value on one line, without control characters (no terminal escapes).

    Runs of spaces are kept so that padding made with ``format`` survives.
    """
    if value is None:
        return ""
    if isinstance(value, Markup):
        return strip_controls(str(value))
    if isinstance(value, str):
        return _BREAKS.sub(" ", strip_controls(value))
    return value


def wrap_text(text: str, prefix: str = "", indent: int | None = None, width: int = 100) -> Markup:
    """Wrap text to ``width`` columns after ``prefix``, continuation lines indented.

    The result is marked as finished so the text form's finalize keeps its line breaks.
    """
    hang = " " * (len(prefix) if indent is None else indent)
    wrapped = textwrap.fill(
        one_line(text) or "-",
        width=width,
        initial_indent=prefix,
        subsequent_indent=hang,
        break_long_words=True,
        break_on_hyphens=False,
    )
    return Markup(wrapped)
