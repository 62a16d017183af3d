"""Plain-text and Markdown resumes: decoding, Markdown headings, list markers and links."""

from __future__ import annotations

import codecs
import re

from analyzer.documents.lines import RawDocument, TextLine, clean_text
from analyzer.documents.pdf import count_glued
from analyzer.models import LayoutFacts

BLANK_LINE_GAP = 12.0
"""gap_before given to a text line that follows a blank line (one blank line ~ 12 pt)."""
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>]+)>")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])")
_MD_RULE = re.compile(r"^\s*([-*_=])(\s*\1){2,}\s*$")
_CELL_SPLIT = re.compile(r"\t+|\s{2,}")


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode text bytes: BOM-marked UTF-8/UTF-16, then UTF-8, then cp1252/latin-1.

    Returns the text and a warning when a legacy encoding had to be guessed.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), None
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


def read_text(data: bytes, markdown: bool) -> RawDocument:
    """Read a .txt or .md resume into lines with heading and list hints."""
    text, warning = decode_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[TextLine] = []
    links: list[str] = []
    blank_before = False
    in_front_matter = False
    for number, raw in enumerate(text.split("\n")):
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
        warnings=[warning] if warning else [],
    )
