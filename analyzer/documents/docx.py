"""Read a DOCX resume with python-docx: body paragraphs and tables in order, headers, footers.

Paragraph styles ("Heading N", "Title") and bold runs feed heading detection; numbered or
"List" paragraphs are bullets; hyperlinks in the document's relationships feed the links.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import Any

from analyzer.documents.file_dates import docx_file_dates
from analyzer.documents.limits import check_zip
from analyzer.documents.lines import RawDocument, TextLine, clean_text
from analyzer.documents.pdf import count_glued
from analyzer.errors import InputError
from analyzer.models import LayoutFacts
from analyzer.settings import Limits

log = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_line(paragraph: Any) -> TextLine | None:
    text = clean_text(paragraph.text.replace("\t", "   "))
    if not text:
        return None
    style_name = ""
    try:
        style_name = (paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, AttributeError, ValueError):
        style_name = ""
    lowered = style_name.lower()
    title = lowered in ("title", "subtitle")
    heading = lowered.startswith("heading")
    p_pr = paragraph._p.pPr
    numbered = p_pr is not None and p_pr.numPr is not None
    listed = numbered or "list" in lowered
    runs = [run for run in paragraph.runs if run.text.strip()]
    bold_chars = sum(len(run.text) for run in runs if _run_bold(run, paragraph))
    total = sum(len(run.text) for run in runs) or 1
    sizes = [run.font.size.pt for run in runs if run.font.size is not None]
    if not sizes and paragraph.style is not None:
        font = getattr(paragraph.style, "font", None)
        if font is not None and font.size is not None:
            sizes = [font.size.pt]
    cells = tuple(c for c in (clean_text(c) for c in paragraph.text.split("\t")) if c)
    return TextLine(
        text=text,
        page=1,
        size=max(sizes) if sizes else 0.0,
        bold=bold_chars * 2 > total,
        cells=cells,
        heading_hint=heading,
        list_item=listed and not heading,
        font=style_name if heading or title else "",
    )


def _run_bold(run: Any, paragraph: Any) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    style = getattr(run, "style", None)
    if style is not None and getattr(style.font, "bold", None):
        return True
    p_style = paragraph.style
    return bool(p_style is not None and getattr(p_style.font, "bold", None))


def _blocks(container: Any) -> Iterator[tuple[str, Any]]:
    """Yield ("p", Paragraph) and ("t", Table) in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    element = container.element.body if hasattr(container, "element") else container._element
    for child in element.iterchildren():
        if child.tag == f"{_W}p":
            yield "p", Paragraph(child, container)
        elif child.tag == f"{_W}tbl":
            yield "t", Table(child, container)


def _table_lines(table: Any) -> list[TextLine]:
    """Lines of a table, row by row, each real cell once (merged cells are not repeated)."""
    from docx.table import _Cell

    lines: list[TextLine] = []
    for tr in table._tbl.tr_lst:
        cells = [_Cell(tc, table) for tc in tr.tc_lst]
        simple = [[p for p in c.paragraphs if p.text.strip()] for c in cells]
        if all(len(ps) <= 1 for ps in simple) and not any(c.tables for c in cells):
            # A row of short cells reads as one line ("Python | 6 years").
            texts = [clean_text(ps[0].text) for ps in simple if ps]
            if texts:
                first = _paragraph_line(next(ps[0] for ps in simple if ps))
                assert first is not None
                first.text = " ".join(texts)
                first.cells = tuple(texts)
                lines.append(first)
            continue
        for cell in cells:
            for kind, block in _blocks(cell):
                if kind == "p":
                    line = _paragraph_line(block)
                    if line:
                        lines.append(line)
                else:
                    lines += _table_lines(block)
    return lines


def _part_lines(part: Any) -> tuple[list[TextLine], int]:
    lines: list[TextLine] = []
    tables = 0
    for kind, block in _blocks(part):
        if kind == "p":
            line = _paragraph_line(block)
            if line:
                lines.append(line)
        else:
            tables += 1
            lines += _table_lines(block)
    return lines, tables


def read_docx(data: bytes, path: str, limits: Limits = Limits()) -> RawDocument:
    """Read DOCX bytes into a RawDocument; raise InputError when it is not a readable DOCX.

    The ZIP is checked for decompression bombs (declared and true inflated sizes, see
    :func:`analyzer.documents.limits.check_zip`) before python-docx opens it.
    """
    import docx

    check_zip(path, data, limits.max_inflated_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - third-party boundary
        raise InputError(path, _not_readable(exc)) from None
    try:
        return _read(document)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise InputError(path, _not_readable(exc)) from None


_OBJECT_REPR = re.compile(r"'?<[\w.]+ object at 0x[0-9a-fA-F]+>'?\s*")
_CONTENT_TYPE = re.compile(r"content type is '([^']+)'")
_KINDS = {
    "macroEnabled": "a macro-enabled Word document (.docm); save it as a plain DOCX or a PDF",
    "template": "a Word template (.dotx); save it as a plain DOCX or a PDF",
    "spreadsheetml": "an Excel workbook, not a Word document",
    "presentationml": "a PowerPoint presentation, not a Word document",
}


def _not_readable(exc: Exception) -> str:
    """Say why python-docx refused the file, without its internal object names."""
    message = str(exc)
    content_type = _CONTENT_TYPE.search(message)
    if content_type:
        for marker, kind in _KINDS.items():
            if marker in content_type.group(1):
                return f"is {kind}"
        return f"is not a Word document (its content type is {content_type.group(1)[:80]})"
    # python-docx names the file it was given, here the in-memory copy: "<_io.BytesIO ...>".
    message = _OBJECT_REPR.sub("", message).replace("file is not", "is not").strip()
    return f"is not a readable DOCX ({type(exc).__name__}: {message[:100]})"


def _read(document: Any) -> RawDocument:
    body, tables = _part_lines(document)
    boxes = document.element.body.findall(f".//{_W}txbxContent")
    from docx.text.paragraph import Paragraph

    for box in boxes:
        for p in box.iter(f"{_W}p"):
            line = _paragraph_line(Paragraph(p, document))
            if line:
                body.append(line)
    header_lines: list[TextLine] = []
    footer_lines: list[TextLine] = []
    zone_texts: list[str] = []
    links: list[str] = []
    images = 0
    parts: list[Any] = [document.part]
    for section in document.sections:
        for attribute, target in (("header", header_lines), ("footer", footer_lines)):
            for variant in (attribute, f"first_page_{attribute}"):
                try:
                    part = getattr(section, variant)
                except (AttributeError, KeyError, ValueError):
                    continue
                if part is None or part.is_linked_to_previous:
                    continue
                lines, part_tables = _part_lines(part)
                tables += part_tables
                parts.append(part.part)
                for line in lines:
                    if line.text not in zone_texts:
                        zone_texts.append(line.text)
                        target.append(line)
    for part in parts:
        for rel in part.rels.values():
            if "hyperlink" in rel.reltype and rel.is_external:
                links.append(str(rel.target_ref))
            elif "image" in rel.reltype:
                images += 1
    # Header and footer repeat on every page: listed as zone text (and searched for contact
    # details), not read as body text.
    lines = body
    fonts: set[str] = set()
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if run.font.name:
                fonts.add(run.font.name)
    try:
        normal = document.styles["Normal"].font.name
        if normal:
            fonts.add(normal)
    except KeyError:
        pass
    created, modified = docx_file_dates(document)
    facts = LayoutFacts(
        columns=1,
        tables=tables,
        header_footer_text=tuple(zone_texts),
        glued_words=count_glued(" ".join(line.text for line in lines).split()),
        images=images,
        fonts=tuple(sorted(fonts)),
        file_created=created,
        file_modified=modified,
    )
    name_hint = next(
        (line.text for line in body[:5] if line.font.lower() == "title"),
        None,
    )
    return RawDocument(
        format="docx",
        pages=1,
        lines=lines,
        facts=facts,
        annotations=links,
        name_hint=name_hint,
    )
