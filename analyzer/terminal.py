"""Make untrusted text safe to print on a terminal: no escape sequences, no hidden controls.

File names and fields extracted from resumes reach the screen table and stderr; a name holding
ESC could clear the screen, retitle the window or hide a line. Control characters are shown
escaped (``\\x1b``), so the user sees that the name holds them.
"""

from __future__ import annotations

import logging
import os
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """Return text with every control, bidi-override and lone-surrogate character escaped."""
    return _CONTROL.sub(_escape, text)


class TerminalSafeFormatter(logging.Formatter):
    """A log formatter whose lines carry no control characters from the messages they quote."""

    def format(self, record: logging.LogRecord) -> str:
        """Format the record, then escape control characters (tracebacks keep their newlines)."""
        return "\n".join(terminal_safe(line) for line in super().format(record).split("\n"))


def display_name(path: str) -> str:
    """Return a path as text any UTF-8 output can hold: undecodable bytes become U+FFFD.

    A file name that is not valid UTF-8 reaches Python as lone surrogates, which no UTF-8
    file, JSON line or terminal accepts. The replacement character is what file managers
    show; a backslash escape would read as a Windows path separator in reports.
    """
    return os.fsencode(path).decode("utf-8", "replace")
