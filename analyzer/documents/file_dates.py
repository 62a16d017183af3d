"""The dates a file states about itself: a PDF's CreationDate/ModDate, a DOCX's core properties.

They serve one purpose: telling what "present" stood for when the page cannot (the latest date
it prints is the start of the role still held). A date that cannot be parsed is no date.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

log = logging.getLogger(__name__)

_PDF_DATE = re.compile(r"^\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def parse_pdf_date(value: str | None) -> dt.date | None:
    """Parse a PDF date string ("D:20261121081445+00'00'") to its calendar date, or None.

    The date is taken as written (the writer's own day, its time zone not applied).
    """
    if not value:
        return None
    match = _PDF_DATE.match(value)
    if match is None:
        return None
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def pdf_file_dates(document: Any) -> tuple[dt.date | None, dt.date | None]:
    """Return (created, modified) of an open pypdfium2 PdfDocument; None for each it lacks."""
    try:
        info = document.get_metadata_dict(skip_empty=True)
    except Exception as exc:  # noqa: BLE001 - a damaged info dictionary only loses the dates
        log.debug("no PDF metadata: %s", exc)
        return None, None
    return parse_pdf_date(info.get("CreationDate")), parse_pdf_date(info.get("ModDate"))


def pdf_bytes_dates(data: bytes) -> tuple[dt.date | None, dt.date | None]:
    """Return (created, modified) read from a PDF's bytes; (None, None) when it cannot tell."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None, None
    try:
        return pdf_file_dates(document)
    finally:
        document.close()


def docx_file_dates(document: Any) -> tuple[dt.date | None, dt.date | None]:
    """Return (created, modified) from a python-docx Document's core properties."""
    try:
        properties = document.core_properties
        created, modified = properties.created, properties.modified
    except (AttributeError, KeyError, ValueError) as exc:
        log.debug("no DOCX core properties: %s", exc)
        return None, None

    def day(value: object) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        return value if isinstance(value, dt.date) else None

    return day(created), day(modified)
