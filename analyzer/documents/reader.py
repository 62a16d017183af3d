"""The front door of the documents stage: read a resume file into a ResumeDocument.

The file is read once into bytes (or the caller passes the bytes); every failure is one
InputError line naming the file as the caller gave it.

The format is decided by the content, not the name: a PDF or DOCX is read as what it is even
when its extension says otherwise (a PDF named ``.docx``), with a warning in the result. Text
is read only from a text or Markdown extension (the extension picks between the two), and
only when it looks like text: bytes that decode to many control characters are refused as
binary data. Resource limits are enforced by :mod:`analyzer.documents.limits`.
"""

from __future__ import annotations

import io
import logging
import zipfile
from dataclasses import replace
from pathlib import Path

from analyzer.documents.contact import extract_contact, name_from_lines
from analyzer.documents.entries import SectionContent, document_words, parse_section
from analyzer.documents.language import detect_language
from analyzer.documents.limits import read_guarded, read_limited, size_reason
from analyzer.documents.lines import RawDocument, TextLine, cut_warning
from analyzer.documents.sections import find_sections
from analyzer.errors import InputError, LimitExceeded
from analyzer.models import ResumeDocument, Section
from analyzer.rules import shipped_rules
from analyzer.rules.headings import HeadingRules
from analyzer.settings import Limits
from analyzer.terminal import display_name

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
            if kind == "a ZIP archive":
                return _zip_kind(data)
            return kind
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    if lowered.startswith(b"<?xml"):
        return "an XML file"
    from analyzer.documents.text import SNIFF_BYTES, decode_text, looks_binary, utf16_order

    sample = data[:SNIFF_BYTES]
    if b"\x00" in head and utf16_order(sample) is None:
        return "binary data"
    if looks_binary(decode_text(sample)[0]):
        return "binary data"
    return "text"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "a damaged ZIP archive (truncated or corrupt)"
    return "a DOCX document" if "word/document.xml" in names else "a ZIP archive"


def _load(path: str | Path, data: bytes | None, limits: Limits) -> bytes:
    if data is not None:
        return data
    return read_limited(str(path), limits.max_bytes)


def read_document(
    path: str | Path,
    data: bytes | None = None,
    limits: Limits = Limits(),
    headings: HeadingRules | None = None,
) -> ResumeDocument:
    """Read a resume (PDF, DOCX, TXT or Markdown) into a ResumeDocument.

    The file is read once. With ``data`` given (a batch runner's bytes), ``path`` is only the
    name shown in messages and is not opened. ``headings`` defaults to the process-wide
    shipped rules (cheap: no NLP resource is built to read a file). Raises InputError (or
    LimitExceeded) with one clear reason for anything that cannot be read as a resume.
    """
    rules = shipped_rules().headings if headings is None else headings
    # Undecodable bytes of a file name as U+FFFD: reports and messages must hold the name.
    display = display_name(str(path))
    payload = _load(path, data, limits)
    if len(payload) > limits.max_bytes:
        raise LimitExceeded(display, size_reason(len(payload), limits.max_bytes))
    if not payload:
        raise InputError(display, "file is empty (0 bytes)")

    def read() -> ResumeDocument:
        raw = _dispatch(display, payload, limits, rules)
        return assemble(display, raw, len(payload), limits, rules)

    return read_guarded(display, read, limits.max_inflated_bytes, limits.max_seconds)


_READ_AS = {"a PDF": ("PDF", PDF_EXTENSIONS), "a DOCX document": ("DOCX", DOCX_EXTENSIONS)}


def _dispatch(display: str, payload: bytes, limits: Limits, rules: HeadingRules) -> RawDocument:
    from analyzer.documents.docx import read_docx
    from analyzer.documents.file_dates import pdf_bytes_dates
    from analyzer.documents.pdf import read_pdf
    from analyzer.documents.text import read_text

    extension = Path(display).suffix.lower()
    kind = sniff(payload)
    if kind in _READ_AS:
        name, extensions = _READ_AS[kind]
        if kind == "a PDF":
            raw = read_pdf(payload, display, limits, rules)
            created, modified = pdf_bytes_dates(payload)
            raw.facts = replace(raw.facts, file_created=created, file_modified=modified)
        else:
            raw = read_docx(payload, display, limits)
        if extension and extension not in extensions:
            raw.warnings.append(
                f"the file is a {name} but its name ends in {extension}; it was read as a "
                f"{name} (an ATS may go by the name and reject it)"
            )
        return raw
    if extension in PDF_EXTENSIONS:
        raise InputError(display, f"is not a PDF (it looks like {kind})")
    if extension in DOCX_EXTENSIONS:
        raise InputError(display, f"is not a DOCX Word document (it looks like {kind})")
    if extension in TEXT_EXTENSIONS + MARKDOWN_EXTENSIONS:
        if kind != "text":
            raise InputError(display, f"is not a text file (it looks like {kind})")
        return read_text(payload, display, limits, markdown=extension in MARKDOWN_EXTENSIONS)
    if extension == ".doc":
        raise InputError(display, f"{UNSUPPORTED} (legacy Word .doc: save it as DOCX or PDF)")
    raise InputError(display, UNSUPPORTED)


def _cut(lines: list[TextLine], limits: Limits, warnings: list[str]) -> list[TextLine]:
    total = 0
    for index, line in enumerate(lines):
        total += len(line.text) + 1
        if total > limits.max_chars:
            if cut_warning(limits.max_chars) not in warnings:
                warnings.append(cut_warning(limits.max_chars))
            # The line that crosses the limit is cut, not dropped: one huge line is still text.
            room = limits.max_chars - (total - len(line.text) - 1)
            if room <= 0:
                return lines[:index]
            return [*lines[:index], replace(line, text=line.text[:room].rstrip())]
    return lines


NO_TEXT = "has no text to read (it is blank, whitespace or invisible characters only)"
ALL_HIDDEN = "has no visible text: all of it is hidden (white, tiny or off the page)"


def assemble(
    display: str, raw: RawDocument, size: int, limits: Limits, rules: HeadingRules
) -> ResumeDocument:
    """Build the public ResumeDocument from a format reader's RawDocument."""
    warnings = list(raw.warnings)
    lines = [line for line in _cut(raw.lines, limits, warnings) if line.text.strip()]
    if not lines:
        raise InputError(display, ALL_HIDDEN if raw.facts.hidden else NO_TEXT)
    spans = find_sections(lines, rules)
    sections: list[Section] = []
    content = SectionContent(words=document_words(" ".join(line.text for line in lines)))
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
            parse_section(span.name, body, content, rules)
    contact_text = "\n".join(
        [s.text for s in sections if s.name == "contact"]
        + list(raw.facts.header_footer_text)
        + [line.text for line in lines[:15]]
    )
    name = raw.name_hint
    if name is None and raw.format == "pdf":
        name = name_from_lines(lines, rules)
    contact = extract_contact(contact_text, rules, raw.annotations, name=name)
    if contact.email is None:
        whole = extract_contact(
            "\n".join(line.text for line in lines), rules, (), name=contact.name
        )
        contact = replace(contact, email=whole.email)
    if contact.name is None:
        contact = replace(contact, name=_first_name_line(lines, rules))
    text = "\n".join(line.text for line in lines)
    return ResumeDocument(
        path=display,
        format=raw.format,
        pages=raw.pages,
        size_bytes=size,
        text=text,
        lines=tuple(line.to_line() for line in lines),
        sections=tuple(sections),
        bullets=tuple(content.bullets),
        entries=tuple(content.entries),
        contact=contact,
        layout=raw.facts,
        warnings=tuple(warnings),
        language=detect_language(text, rules),
    )


def _first_name_line(lines: list[TextLine], rules: HeadingRules) -> str | None:
    from analyzer.documents.contact import is_name_like

    for line in lines[:8]:
        if is_name_like(line.text, rules):
            return line.text
    return None
