"""The front door of the documents stage: read a resume file into a ResumeDocument.

The file is read once into bytes (or the caller passes the bytes); the format is decided from
the content's magic bytes together with the extension; every failure is one InputError line.
"""

from __future__ import annotations

import io
import logging
import zipfile
from dataclasses import replace
from pathlib import Path

from analyzer.documents.contact import extract_contact, name_from_lines
from analyzer.documents.entries import SectionContent, parse_section
from analyzer.documents.lines import RawDocument, TextLine
from analyzer.documents.sections import find_sections
from analyzer.errors import InputError, LimitExceeded
from analyzer.models import ResumeDocument, Section
from analyzer.settings import Limits

log = logging.getLogger(__name__)

PDF_EXTENSIONS = (".pdf",)
DOCX_EXTENSIONS = (".docx",)
TEXT_EXTENSIONS = (".txt", ".text")
MARKDOWN_EXTENSIONS = (".md", ".markdown")
UNSUPPORTED = "unsupported file type; use PDF, DOCX, TXT or Markdown"

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF (WebP/AVI/WAV) file"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office (.doc/.xls) file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
)


def sniff(data: bytes) -> str:
    """Describe what the bytes look like ("a PDF", "a PNG image", "text", "binary data")."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "a PDF"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if kind == "a ZIP archive" and _is_docx(data):
                return "a DOCX document"
            return kind
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    if lowered.startswith(b"<?xml"):
        return "an XML file"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data"
    return "text"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _load(path: str | Path, data: bytes | None, limits: Limits) -> bytes:
    display = str(path)
    if data is not None:
        return data
    file = Path(path)
    try:
        if not file.exists():
            raise InputError(display, "no such file")
        if file.is_dir():
            raise InputError(display, "is a directory, not a file")
        size = file.stat().st_size
        if size > limits.max_bytes:
            raise LimitExceeded(
                display, f"is {size} bytes, more than the limit of {limits.max_bytes} (--max-bytes)"
            )
        return file.read_bytes()
    except PermissionError:
        raise InputError(display, "permission denied") from None
    except OSError as exc:
        raise InputError(display, f"cannot be read ({exc.strerror or exc})") from None


def read_document(
    path: str | Path, data: bytes | None = None, limits: Limits = Limits()
) -> ResumeDocument:
    """Read a resume (PDF, DOCX, TXT or Markdown) into a ResumeDocument.

    The file is read once. With ``data`` given (a batch runner's bytes), ``path`` is only the
    name shown in messages and is not opened. Raises InputError (or LimitExceeded) with one
    clear reason for anything that cannot be read as a resume.
    """
    display = str(path)
    payload = _load(path, data, limits)
    if len(payload) > limits.max_bytes:
        raise LimitExceeded(
            display,
            f"is {len(payload)} bytes, more than the limit of {limits.max_bytes} (--max-bytes)",
        )
    if not payload:
        raise InputError(display, "file is empty (0 bytes)")
    raw = _dispatch(display, payload, limits)
    return assemble(display, raw, len(payload), limits)


def _dispatch(display: str, payload: bytes, limits: Limits) -> RawDocument:
    from analyzer.documents.docx import read_docx
    from analyzer.documents.pdf import read_pdf
    from analyzer.documents.text import read_text

    extension = Path(display).suffix.lower()
    kind = sniff(payload)
    if extension in PDF_EXTENSIONS:
        if kind != "a PDF":
            raise InputError(display, f"is not a PDF (it looks like {kind})")
        return read_pdf(payload, display, limits)
    if extension in DOCX_EXTENSIONS:
        if kind == "a DOCX document":
            return read_docx(payload, display)
        if kind == "a PDF":
            raise InputError(display, "is not a DOCX (it looks like a PDF); rename it to .pdf")
        raise InputError(display, f"is not a DOCX Word document (it looks like {kind})")
    if extension in TEXT_EXTENSIONS + MARKDOWN_EXTENSIONS:
        if kind == "a PDF":
            return read_pdf(payload, display, limits)
        if kind == "a DOCX document":
            return read_docx(payload, display)
        if kind != "text":
            raise InputError(display, f"is not a text file (it looks like {kind})")
        return read_text(payload, markdown=extension in MARKDOWN_EXTENSIONS)
    if extension == ".doc":
        raise InputError(display, f"{UNSUPPORTED} (legacy Word .doc: save it as DOCX or PDF)")
    if kind == "a PDF" and not extension:
        return read_pdf(payload, display, limits)
    if kind == "a DOCX document" and not extension:
        return read_docx(payload, display)
    raise InputError(display, UNSUPPORTED)


def _cut(lines: list[TextLine], limits: Limits, warnings: list[str]) -> list[TextLine]:
    total = 0
    for index, line in enumerate(lines):
        total += len(line.text) + 1
        if total > limits.max_chars:
            warnings.append(
                f"the text is longer than {limits.max_chars} characters; the rest was not read"
            )
            return lines[:index]
    return lines


def assemble(display: str, raw: RawDocument, size: int, limits: Limits) -> ResumeDocument:
    """Build the public ResumeDocument from a format reader's RawDocument."""
    warnings = list(raw.warnings)
    lines = _cut(raw.lines, limits, warnings)
    spans = find_sections(lines)
    sections: list[Section] = []
    content = SectionContent()
    for index, span in enumerate(spans):
        body = lines[span.start : span.end]
        sections.append(
            Section(
                name=span.name,
                heading=span.heading,
                text="\n".join(line.text for line in body),
                index=index,
            )
        )
        if span.name != "contact":
            parse_section(span.name, body, content)
    contact_text = "\n".join(
        [s.text for s in sections if s.name == "contact"]
        + list(raw.facts.header_footer_text)
        + [line.text for line in lines[:15]]
    )
    name = raw.name_hint
    if name is None and raw.format == "pdf":
        name = name_from_lines(lines)
    contact = extract_contact(contact_text, raw.annotations, name=name)
    if contact.email is None:
        whole = extract_contact("\n".join(line.text for line in lines), (), name=contact.name)
        contact = replace(contact, email=whole.email)
    if contact.name is None:
        contact = replace(contact, name=_first_name_line(lines))
    return ResumeDocument(
        path=display,
        format=raw.format,
        pages=raw.pages,
        size_bytes=size,
        text="\n".join(line.text for line in lines),
        lines=tuple(line.to_line() for line in lines),
        sections=tuple(sections),
        bullets=tuple(content.bullets),
        entries=tuple(content.entries),
        contact=contact,
        layout=raw.facts,
        warnings=tuple(warnings),
    )


def _first_name_line(lines: list[TextLine]) -> str | None:
    from analyzer.documents.contact import is_name_like

    for line in lines[:8]:
        if is_name_like(line.text):
            return line.text
    return None
