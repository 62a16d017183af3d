"""Plain-text and Markdown resumes: decoding, Markdown headings, list markers and links.

Decoding: a BOM decides (UTF-8, UTF-16), then BOM-less UTF-16 is recognised by its zero high
bytes, then UTF-8, then cp1252 and latin-1 with a warning. Text that decodes to more than
BINARY_SHARE control characters is binary data, not a resume. Work is bounded: the decoded
text is cut at Limits.max_chars before it is split into lines, and a line longer than
MAX_LINE_CHARS is wrapped, so no regex ever sees more than that.
"""

from __future__ import annotations

import codecs
import re

from analyzer.documents.lines import RawDocument, TextLine, clean_text, cut_warning
from analyzer.documents.pdf import count_glued
from analyzer.errors import InputError
from analyzer.models import LayoutFacts
from analyzer.settings import Limits

BLANK_LINE_GAP = 12.0
"""gap_before given to a text line that follows a blank line (one blank line ~ 12 pt)."""
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
# Bounded repeats keep every pattern linear in the line length: no emphasis or link text in
# a resume is longer than INLINE_SPAN characters.
_MD_LINK = re.compile(r"!?\[([^\]]{0,300})\]\(([^)\s]{1,2000})(?:\s+\"[^\"]{0,300}\")?\)")
_MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]{1,2000})>")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.{1,300}?)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])([*_])(?!\s)(.{1,300}?)(?<!\s)\1(?![\w*])")
_MD_RULE = re.compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")
_CELL_SPLIT = re.compile(r"\t+|\s{2,}")


SNIFF_BYTES = 8192
"""Bytes looked at to tell text from binary data (the whole text is checked again later)."""


def utf16_order(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" for BOM-less UTF-16 text, else None.

    Text in a Latin or CJK script encoded as UTF-16 has NUL (or a constant) high bytes at one
    parity: for ASCII-range text, every other byte is zero.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[: len(data) - len(data) % 2][:SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) // 2)
    odd_nul = sample[1::2].count(0) / (len(sample) // 2)
    if odd_nul > 0.7 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul > 0.7 and odd_nul < 0.1:
        return "utf-16-be"
    return None


BINARY_SHARE = 0.05
"""Share of control characters (or undecodable bytes) above which bytes are not text."""
MAX_LINE_CHARS = 1000
"""Longest line read as one line; longer ones are wrapped (no resume line is this long)."""
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def looks_binary(text: str) -> bool:
    """Tell whether decoded text is mostly noise: NULs, control characters, U+FFFD."""
    if not text:
        return False
    if "\x00" in text:
        return True
    return len(_CONTROL.findall(text)) > BINARY_SHARE * len(text)


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode text bytes: BOM-marked UTF-8/UTF-16, BOM-less UTF-16, UTF-8, cp1252/latin-1.

    Returns the text and a warning when a legacy encoding had to be guessed.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), None
    order = utf16_order(data)
    if order is not None:
        return data.decode(order, errors="replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    return text, f"the file is not UTF-8; it was read as {encoding}"


def _wrapped(line: str) -> list[str]:
    """Split a line longer than MAX_LINE_CHARS at spaces (or hard, if it has none)."""
    parts: list[str] = []
    while len(line) > MAX_LINE_CHARS:
        cut = line.rfind(" ", MAX_LINE_CHARS // 2, MAX_LINE_CHARS)
        cut = cut if cut > 0 else MAX_LINE_CHARS
        parts.append(line[:cut])
        line = line[cut:].lstrip(" ")
    parts.append(line)
    return parts


def read_text(
    data: bytes, path: str = "-", limits: Limits = Limits(), markdown: bool = False
) -> RawDocument:
    """Read a .txt or .md resume into lines with heading and list hints.

    Raises InputError when the bytes decode to binary noise rather than text.
    """
    text, warning = decode_text(data)
    if looks_binary(text):
        raise InputError(path, "is not a text file (it looks like binary data)")
    warnings = [warning] if warning else []
    if len(text) > limits.max_chars:
        text = text[: limits.max_chars]
        warnings.append(cut_warning(limits.max_chars))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = [part for line in text.split("\n") for part in _wrapped(line)]
    lines: list[TextLine] = []
    links: list[str] = []
    blank_before = False
    in_front_matter = False
    for number, raw in enumerate(raw_lines):
        if markdown and number == 0 and raw.strip() == "---":
            in_front_matter = True
            continue
        if in_front_matter:
            in_front_matter = raw.strip() != "---"
            continue
        if not raw.strip() or (markdown and _MD_RULE.match(raw)):
            blank_before = True
            continue
        expanded = raw.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        heading_hint = False
        list_item = False
        bold = False
        body = raw
        if markdown:
            heading = _MD_HEADING.match(raw)
            if heading:
                body = heading.group(2)
                heading_hint = True
            elif _MD_LIST.match(raw):
                body = _MD_LIST.sub("", raw, count=1)
                list_item = True
            for match in _MD_LINK.finditer(body):
                links.append(match.group(2))
            links += _MD_AUTOLINK.findall(body)
            body = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), body)
            body = _MD_AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), body)
            stripped = body.strip()
            bold = bool(re.fullmatch(r"(\*\*|__).+\1", stripped))
            body = _MD_EMPHASIS.sub(r"\2", body).replace("`", "")
            body = _MD_ITALIC.sub(r"\2", body)
        cells = tuple(c for c in (clean_text(c) for c in _CELL_SPLIT.split(body.strip())) if c)
        cleaned = clean_text(body)
        if not cleaned:
            continue
        lines.append(
            TextLine(
                text=cleaned,
                page=1,
                x0=float(indent),
                bold=bold,
                gap_before=BLANK_LINE_GAP if blank_before else 0.0,
                cells=cells,
                heading_hint=heading_hint,
                list_item=list_item,
            )
        )
        blank_before = False
    facts = LayoutFacts(glued_words=count_glued(" ".join(line.text for line in lines).split()))
    return RawDocument(
        format="md" if markdown else "txt",
        pages=1,
        lines=lines,
        facts=facts,
        annotations=links,
        warnings=warnings,
    )
