"""Bullet glyphs: the one definition of the characters that open a bullet, for every reader.

The document readers find bullets with it, the NLP stage and the ATS evidence strip or split on
it, and the report strips it to place a bullet among its section's lines; a glyph added here is
known to all of them.
"""

from __future__ import annotations

import re

BULLET_SYMBOLS = "•●▪■◦○‣∙·➢►▸➤❖✓✔\uf0b7\uf0a7\uf0d8"
"""Symbols that open a bullet: round, square, arrow and check marks, and the Private Use Area
code points Symbol and Wingdings fonts extract for their bullets."""

BULLET_DASHES = "-–—*"
"""Hyphen, en dash, em dash and asterisk: list marks when they open a line."""

BULLET_GLYPHS = BULLET_SYMBOLS + BULLET_DASHES
"""Every character that opens a bullet on a resume page."""

MARKDOWN_MARKS = "+>"
"""Markdown's other list mark and its quote mark, also stripped from the start of a bullet."""

LEADING_GLYPHS = re.compile(f"^[\\s{re.escape(BULLET_GLYPHS + MARKDOWN_MARKS)}]+")
"""A run of glyphs and spaces at the start of a text."""


def glyph_class(chars: str = BULLET_GLYPHS) -> str:
    """Return a regex character class matching any of the characters."""
    return f"[{re.escape(chars)}]"


def strip_glyphs(text: str) -> str:
    """Return the text without the bullet glyphs and spaces it opens with, nor trailing spaces."""
    return LEADING_GLYPHS.sub("", text).strip()
