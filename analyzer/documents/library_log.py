"""Keep the document libraries' own log lines off the terminal: one summary per file in ours.

pdfminer logs a warning for every oddity it works around ("Could not get FontBBox from font
descriptor", "Refusing to execute circular reference to content stream"): 20 to 45 raw lines
on stderr per screen run, with no file name. While mlcheck reads a document those records
are collected instead; afterwards the file gets at most one line in mlcheck's log (shown
with -v) and the messages themselves go to the debug log (-vv).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from contextvars import ContextVar

log = logging.getLogger(__name__)

LIBRARY_LOGGERS = ("pdfminer", "pdfplumber", "docx", "PIL")
"""Loggers of the libraries that read documents."""

DETAILS_KEPT = 20
"""Messages of one file repeated in the debug log; the rest are only counted."""

_RECORDS: ContextVar[list[logging.LogRecord] | None] = ContextVar("library_records", default=None)


class _Collect(logging.Handler):
    """Hand each library record to the read running in this context."""

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record for the current read; outside one, pass it to the debug log."""
        records = _RECORDS.get()
        if records is None:
            log.debug("%s: %s", record.name, record.getMessage())
        else:
            records.append(record)


_HANDLER = _Collect(logging.WARNING)
_lock = threading.Lock()
_active = 0
_saved: list[tuple[logging.Logger, bool]] = []


def _attach() -> None:
    global _active
    with _lock:
        if _active == 0:
            for name in LIBRARY_LOGGERS:
                logger = logging.getLogger(name)
                _saved.append((logger, logger.propagate))
                logger.addHandler(_HANDLER)
                logger.propagate = False
        _active += 1


def _detach() -> None:
    global _active
    with _lock:
        _active -= 1
        if _active == 0:
            for logger, propagate in _saved:
                logger.removeHandler(_HANDLER)
                logger.propagate = propagate
            _saved.clear()


@contextlib.contextmanager
def library_messages(display: str) -> Iterator[None]:
    """Collect library warnings during a read; log one summary line for the file after it."""
    records: list[logging.LogRecord] = []
    token = _RECORDS.set(records)
    _attach()
    try:
        yield
    finally:
        _detach()
        _RECORDS.reset(token)
        if records:
            _summarise(display, records)


def _summarise(display: str, records: list[logging.LogRecord]) -> None:
    for record in records[:DETAILS_KEPT]:
        log.debug("%s: %s: %s", display, record.name, record.getMessage()[:200])
    first = records[0].getMessage().split(" because ")[0][:80]
    library = records[0].name.split(".")[0]
    log.info(
        "%s: %s reported %d problem(s) it worked around, e.g. %r (-vv lists them)",
        display,
        library,
        len(records),
        first,
    )
