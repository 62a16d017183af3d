"""The resume's pages as mlcheck read them: small page images with an overlay of what was read.

The overlay (boxes in PDF points, drawn as inline SVG by ``partials/pages.html``) comes from the
geometry the reader kept on each line, so it exists whenever the analysis does, saved JSON
included. The page images are rendered with pypdfium2 only when the HTML report asks for them
and the PDF the analysis was made from is still at hand (same path, same size); otherwise the
overlay is drawn on a blank page of the same size and the report says why.
"""

from __future__ import annotations

import base64
import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from analyzer.glyphs import strip_glyphs
from analyzer.models import Line, ResumeDocument

log = logging.getLogger(__name__)

RENDER_SCALE = 1.0
"""Pixels per PDF point of the embedded page images (a Letter page is 612 px wide)."""
GREY_LEVELS = 16
"""Grey levels kept in the page images: enough to read the page, small as PNG (4 bits)."""
LETTER = (612.0, 792.0)
"""Page size assumed when the PDF is not at hand and the lines do not tell a larger one."""
BLOCK_GAP = 0.9
"""A vertical gap wider than this many font sizes starts a new block."""

_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
_SPACE = re.compile(r"\s+")
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Mark:
    """One shape of the overlay, in PDF points from the page's top-left corner."""

    kind: str
    """block, heading, entry, column, zone, hidden, unreadable, icon or place (a finding's
    place)."""
    x: float
    """Left edge."""
    y: float
    """Top edge."""
    w: float
    """Width."""
    h: float
    """Height."""
    label: str = ""
    """Short text drawn beside the shape (a block number, a section name)."""
    title: str = ""
    """What the shape is, in words (shown on hover and read by screen readers)."""
    id: str | None = None
    """Anchor id findings link to (places only)."""
    severity: str = ""
    """The linked finding's severity, for a place's colour."""


@dataclass(frozen=True)
class PageFigure:
    """One page: its size, its image when rendered, and the overlay."""

    number: int
    """1-based page number."""
    width: float
    """Page width in points."""
    height: float
    """Page height in points."""
    marks: tuple[Mark, ...]
    """Overlay shapes, drawn in this order."""
    image: str | None = None
    """The page as a PNG data URI; None when the PDF was not at hand."""


@dataclass(frozen=True)
class PageLayout:
    """The overlay of every page and the page place of each bullet and hidden line."""

    pages: tuple[PageFigure, ...]
    """Pages with their overlay (no images yet)."""
    places: dict[str, tuple[int, str]]
    """Bullet id (or "hidden-<n>") -> (page, mark id) for findings to link to."""
    blocks: int
    """Number of blocks in reading order."""
    columns: int = 1
    """Most text columns read on one page."""


def _norm(text: str) -> str:
    return _SPACE.sub(" ", strip_glyphs(text)).strip().casefold()


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def has_geometry(document: ResumeDocument) -> bool:
    """Return True when the document's lines carry page boxes (a PDF read by this version)."""
    return document.format == "pdf" and any(line.x1 > line.x0 for line in document.lines)


def mark_id(key: str) -> str:
    """Return the overlay anchor id of a bullet id or hidden-line key."""
    return "pv-" + (_UNSAFE_ID.sub("-", key).strip("-") or "place")


def _union(lines: list[Line]) -> tuple[float, float, float, float]:
    x0 = min(line.x0 for line in lines)
    top = min(line.top for line in lines)
    x1 = max(line.x1 for line in lines)
    bottom = max(line.bottom for line in lines)
    return x0, top, x1, bottom


def _box_mark(
    kind: str, box: tuple[float, float, float, float], pad: float = 1.5, **kw: str
) -> Mark:
    x0, top, x1, bottom = box
    return Mark(kind, x0 - pad, top - pad, (x1 - x0) + 2 * pad, (bottom - top) + 2 * pad, **kw)


def _heading_lines(document: ResumeDocument, lines: list[Line]) -> dict[int, str]:
    """Map line index -> section name for each section heading found among the lines."""
    found: dict[int, str] = {}
    start = 0
    for section in document.sections:
        key = _norm(section.heading) if section.heading else ""
        if not key:
            continue
        for index in range(start, len(lines)):
            if _norm(lines[index].text) == key:
                found[index] = section.name
                start = index + 1
                break
    return found


def _blocks(lines: list[Line], headings: dict[int, str]) -> list[list[int]]:
    """Split the lines (indices, reading order) into blocks: same page and column, no wide gap."""
    blocks: list[list[int]] = []
    for index, line in enumerate(lines):
        if index in headings:
            continue
        previous = blocks[-1][-1] if blocks else None
        if previous is not None and previous == index - 1:
            before = lines[previous]
            gap = line.top - before.bottom
            size = max(line.size, before.size, 1.0)
            if (
                before.page == line.page
                and before.column == line.column
                and -size < gap < BLOCK_GAP * size
            ):
                blocks[-1].append(index)
                continue
        blocks.append([index])
    return blocks


def _bullet_places(document: ResumeDocument, lines: list[Line]) -> dict[str, list[int]]:
    """Return bullet id -> the indices of the lines that print it, in document order."""
    places: dict[str, list[int]] = {}
    keys = [_norm(line.text) for line in lines]
    start = 0
    for bullet in document.bullets:
        text = _norm(bullet.text)
        if not text:
            continue
        for index in range(start, len(lines)):
            key = keys[index]
            if key and len(key) >= 4 and text.startswith(key):
                taken = [index]
                joined = key
                for nxt in range(index + 1, len(lines)):
                    candidate = f"{joined} {keys[nxt]}"
                    if not keys[nxt] or not text.startswith(candidate) or len(joined) >= len(text):
                        break
                    taken.append(nxt)
                    joined = candidate
                places[bullet.id] = taken
                start = taken[-1] + 1
                break
    return places


def _entry_marks(
    document: ResumeDocument,
    lines: list[Line],
    bullet_lines: dict[str, list[int]],
    headings: dict[int, str],
) -> list[tuple[int, Mark]]:
    """Return a bar beside each entry read (its header line down to its last bullet).

    The header line is looked for inside the entry's section, the line naming both the role
    and the organisation first, else one naming either.
    """
    keys = [_norm(line.text) for line in lines]
    bounds = [*sorted(headings), len(lines)]
    spans: dict[str, list[tuple[int, int]]] = {}
    for index, following in zip(bounds, bounds[1:], strict=False):
        spans.setdefault(headings[index], []).append((index + 1, following))
    marks: list[tuple[int, Mark]] = []
    start = 0
    for entry in document.entries:
        names = [_norm(n)[:24] for n in (entry.role, entry.organisation) if n and _norm(n)]
        candidates = [i for a, b in spans.get(entry.section, []) for i in range(max(a, start), b)]
        if not names or not candidates:
            continue
        head = next((i for i in candidates if all(n in keys[i] for n in names)), None)
        if head is None:
            head = next((i for i in candidates if any(n in keys[i] for n in names)), None)
        if head is None:
            continue
        last = max((i for b in entry.bullets for i in bullet_lines.get(b, ())), default=head)
        members = [
            ln
            for ln in lines[head : max(head, last) + 1]
            if ln.page == lines[head].page and ln.column == lines[head].column
        ]
        x0, top, _, bottom = _union(members)
        what = " \u00b7 ".join(v for v in (entry.role, entry.organisation, entry.dates) if v)
        marks.append(
            (
                lines[head].page,
                Mark("entry", x0 - 10, top, 2.5, bottom - top, title=f"Entry read: {what}"),
            )
        )
        start = max(head, last) + 1
    return marks


def _page_size(
    lines: list[Line], sizes: dict[int, tuple[float, float]], page: int
) -> tuple[float, float]:
    if page in sizes:
        return sizes[page]
    on_page = [line for line in lines if line.page == page]
    width = max([LETTER[0], *(line.x1 + 36 for line in on_page)])
    height = max([LETTER[1], *(line.bottom + 36 for line in on_page)])
    return width, height


def page_layout(
    document: ResumeDocument,
    severities: dict[str, str],
    sizes: dict[int, tuple[float, float]] | None = None,
) -> PageLayout | None:
    """Return the overlay of every page, or None when the document has no page geometry.

    ``severities`` maps the bullet ids findings point at to the worst finding's severity; those
    bullets are marked as places. ``sizes`` gives the page sizes when the PDF is at hand.
    """
    if not has_geometry(document):
        return None
    from analyzer.documents.pdf import ZONE  # the reader's zone; imported only for a PDF

    sizes = sizes or {}
    lines = [line for line in document.lines if line.x1 > line.x0]
    marks: dict[int, list[Mark]] = {page: [] for page in range(1, document.pages + 1)}
    for page in marks:
        width, height = _page_size(lines, sizes, page)
        zone = ZONE * height
        marks[page].append(Mark("zone", 0, 0, width, zone, "header zone", "Page header zone"))
        marks[page].append(
            Mark("zone", 0, height - zone, width, zone, "footer zone", "Page footer zone")
        )
        columns = sorted({line.column for line in lines if line.page == page})
        if len(columns) > 1:
            for column in columns:
                box = _union([ln for ln in lines if ln.page == page and ln.column == column])
                marks[page].append(
                    _box_mark(
                        "column",
                        box,
                        pad=4,
                        label=f"column {column + 1}",
                        title=f"Text column {column + 1} of page {page}",
                    )
                )
    headings = _heading_lines(document, lines)
    for index, name in headings.items():
        line = lines[index]
        marks.setdefault(line.page, []).append(
            _box_mark(
                "heading",
                _union([line]),
                label=f"\u2192 {name}",
                title=f"Section heading \u201c{line.text}\u201d, read as {name}",
            )
        )
    blocks = _blocks(lines, headings)
    for number, block in enumerate(blocks, start=1):
        members = [lines[i] for i in block]
        text = " ".join(m.text for m in members)
        marks.setdefault(members[0].page, []).append(
            _box_mark(
                "block",
                _union(members),
                label=str(number),
                title=f"Block {number} in reading order: {text[:80]}",
            )
        )
    for line in lines:
        if "(cid:" in line.text or "\ufffd" in line.text:
            marks.setdefault(line.page, []).append(
                _box_mark(
                    "unreadable",
                    _union([line]),
                    title=f"Text that did not decode: {line.text[:80]}",
                )
            )
    bullet_lines = _bullet_places(document, lines)
    for page, mark in _entry_marks(document, lines, bullet_lines, headings):
        marks.setdefault(page, []).append(mark)
    places: dict[str, tuple[int, str]] = {}
    for number, hidden in enumerate(document.layout.hidden, start=1):
        if hidden.box is None or hidden.page not in marks:
            continue
        key = f"hidden-{number}"
        places[key] = (hidden.page, mark_id(key))
        marks[hidden.page].append(
            _box_mark(
                "hidden",
                hidden.box,
                pad=2,
                label=f"hidden ({hidden.reason}): {_short(hidden.text)}",
                title=f"Hidden text ({hidden.reason}): {hidden.text[:80]}",
                id=mark_id(key),
            )
        )
    for bullet_id, indices in bullet_lines.items():
        members = [lines[i] for i in indices]
        page = members[0].page
        same_page = [m for m in members if m.page == page]
        places[bullet_id] = (page, mark_id(bullet_id))
        if bullet_id in severities:
            marks.setdefault(page, []).append(
                _box_mark(
                    "place",
                    _union(same_page),
                    pad=3,
                    title=f"Bullet with a finding: {members[0].text[:80]}",
                    id=mark_id(bullet_id),
                    severity=severities[bullet_id],
                )
            )
    figures = []
    for page, page_marks in sorted(marks.items()):
        width, height = _page_size(lines, sizes, page)
        figures.append(PageFigure(page, round(width, 2), round(height, 2), tuple(page_marks)))
    most = max((len({ln.column for ln in lines if ln.page == page}) for page in marks), default=1)
    return PageLayout(tuple(figures), places, len(blocks), max(most, 1))


# --------------------------------------------------------------------------- rendering


def source_pdf(document: ResumeDocument) -> bytes | None:
    """Return the PDF the analysis was read from, when it is still there unchanged in size."""
    if document.format != "pdf" or document.path in ("", "-"):
        return None
    path = Path(document.path)
    try:
        if not path.is_file() or path.stat().st_size != document.size_bytes:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _png_data_uri(image: object) -> str:
    from PIL import Image

    assert isinstance(image, Image.Image)
    grey = image.convert("L").quantize(colors=GREY_LEVELS, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    grey.save(buffer, format="PNG", optimize=True, bits=4)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _icon_marks(page: object, height: float) -> list[Mark]:
    """Return a mark over each icon glyph (a private-use character) on the page."""
    import pypdfium2 as pdfium

    assert isinstance(page, pdfium.PdfPage)
    marks: list[Mark] = []
    textpage = page.get_textpage()
    try:
        for index in range(textpage.count_chars()):
            char = textpage.get_text_range(index, 1)
            if not char or not _PRIVATE_USE.match(char):
                continue
            left, bottom, right, top = textpage.get_charbox(index)
            box = (left, height - top, right, height - bottom)
            marks.append(
                _box_mark(
                    "icon", box, pad=1, title=f"Icon glyph U+{ord(char[0]):04X}, read as nothing"
                )
            )
    finally:
        textpage.close()
    return marks


def rendered_layout(
    document: ResumeDocument, severities: dict[str, str]
) -> tuple[PageLayout | None, str | None]:
    """Return the overlay with page images and icon marks, and why there are no images if not.

    Renders only when the PDF the analysis was made from is at hand; never raises for a PDF
    that will not render (the overlay is then drawn on blank pages).
    """
    import pypdfium2 as pdfium

    if not has_geometry(document):
        return None, None
    data = source_pdf(document)
    if data is None:
        reason = "the PDF is not at hand (a report made from saved JSON, or the file changed)"
        return page_layout(document, severities), reason
    images: dict[int, tuple[str, list[Mark]]] = {}
    sizes: dict[int, tuple[float, float]] = {}
    try:
        pdf = pdfium.PdfDocument(data)
        try:
            for number in range(1, min(len(pdf), document.pages) + 1):
                page = pdf[number - 1]
                try:
                    width, height = page.get_size()
                    sizes[number] = (width, height)
                    image = _png_data_uri(page.render(scale=RENDER_SCALE).to_pil())
                    images[number] = (image, _icon_marks(page, height))
                finally:
                    page.close()
        finally:
            pdf.close()
    except pdfium.PdfiumError as error:
        log.debug("page images not made: %s", error)
        return page_layout(document, severities), "the PDF's pages could not be rendered"
    layout = page_layout(document, severities, sizes)
    if layout is None:
        return None, None
    figures = tuple(
        PageFigure(
            f.number,
            f.width,
            f.height,
            (*f.marks, *images[f.number][1]) if f.number in images else f.marks,
            images[f.number][0] if f.number in images else None,
        )
        for f in layout.pages
    )
    return PageLayout(figures, layout.places, layout.blocks, layout.columns), None
