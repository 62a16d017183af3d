"""Read a PDF with pdfplumber in one pass per page, keeping layout and typography.

Each page is visited once: overprinted characters are de-duplicated, words are extracted once
with their size, font and fill colour, hidden words are set aside, the page header/footer zone
is noted, and the rest goes to the reading-order step (layout.py).
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import time
from collections import Counter
from collections.abc import Iterable
from operator import itemgetter
from typing import Any

import pdfplumber
from pdfplumber.utils import cluster_objects, extract_words

from analyzer.documents.layout import Word, group_lines, make_line, order_page
from analyzer.documents.lines import RawDocument, TextLine
from analyzer.errors import InputError, LimitExceeded
from analyzer.models import HiddenText, LayoutFacts
from analyzer.rules.headings import HeadingRules
from analyzer.settings import Limits

log = logging.getLogger(__name__)

NO_TEXT_LAYER = (
    "no text layer: this PDF is a scanned image; an ATS cannot read it either. Export the "
    "resume from its source (Word, Google Docs, LaTeX) as a text PDF."
)
ENCRYPTED = "is encrypted (password-protected); save an unprotected copy"

ZONE = 0.06
"""Share of the page height at the top and at the bottom that counts as header/footer zone."""
TINY_SIZE = 4.0
"""Font size (points) under which text is too small to read."""
_ICON_FONTS = ("fontawesome", "academicons", "materialicons", "material-icons", "octicons")
_CID = re.compile(r"\(cid:\d+\)")
_PAGE_FURNITURE = re.compile(r"^(page\s*)?\d{1,3}(\s*(/|of)\s*\d{1,3})?$", re.IGNORECASE)
_GLUED_CAMEL = re.compile(r"[a-z][A-Z]")


def _numbers(color: Any) -> tuple[float, ...]:
    if isinstance(color, (int, float)):
        return (float(color),)
    if isinstance(color, (tuple, list)) and all(isinstance(c, (int, float)) for c in color):
        return tuple(float(c) for c in color)
    return ()


def is_near_white(color: Any) -> bool:
    """Return True for a fill colour a reader cannot tell from a white page."""
    values = _numbers(color)
    if len(values) in (1, 3):
        return all(v > 0.9 for v in values)
    if len(values) == 4:  # CMYK: white is no ink
        return all(v < 0.1 for v in values)
    return False


def count_glued(tokens: Iterable[str]) -> int:
    """Count tokens that look like several words glued together."""
    glued = 0
    for token in tokens:
        letters = sum(c.isalpha() for c in token)
        if letters > 25 or (letters >= 12 and len(_GLUED_CAMEL.findall(token)) >= 2):
            glued += 1
    return glued


def _encrypted(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        name = type(current).__name__
        if name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"):
            return True
        nested = current.args[0] if current.args else None
        current = nested if isinstance(nested, BaseException) else current.__cause__
    return False


def _wrap(path: str, exc: BaseException) -> InputError:
    if _encrypted(exc):
        return InputError(path, ENCRYPTED)
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    original = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    kind = type(original).__name__
    return InputError(path, f"is not a readable PDF (corrupt or truncated: {kind}: {detail[:120]})")


class _PageResult:
    """What one page contributes."""

    def __init__(self) -> None:
        self.lines: list[TextLine] = []
        self.zone_lines: list[tuple[str, TextLine]] = []
        self.hidden: list[HiddenText] = []
        self.columns = 0
        self.tables = 0
        self.images = 0
        self.words = 0
        self.cids = 0
        self.glued = 0
        self.fonts: set[str] = set()
        self.links: list[str] = []


def _overprinted(chars: list[dict[str, Any]]) -> bool:
    """Tell whether characters are printed twice on the same spot (fake bold, shadows)."""
    keys = [
        (char["text"], round(char["x0"]), round(char["top"]))
        for char in chars
        if not char["text"].isspace()
    ]
    return len(set(keys)) < len(keys)


def dedupe_chars(chars: list[dict[str, Any]], tolerance: float = 1) -> list[dict[str, Any]]:
    """Drop characters printed again within ``tolerance`` of an equal one, keeping page order.

    The same result as pdfplumber's ``utils.dedupe_chars`` (same grouping by upright, text,
    font and size, same clustering, same survivor), but in O(n log n): pdfplumber restores the
    page order with ``sorted(..., key=chars.index)``, a linear search per character, which
    took about 3 s on a one-page resume.
    """
    key = itemgetter("upright", "text", "fontname", "size")
    position = itemgetter("doctop", "x0")
    order: dict[int, int] = {}
    for index, char in enumerate(chars):
        order.setdefault(id(char), index)
    unique: list[dict[str, Any]] = []
    for _, group in itertools.groupby(sorted(chars, key=key), key=key):
        for row in cluster_objects(list(group), itemgetter("doctop"), tolerance):
            for spot in cluster_objects(row, itemgetter("x0"), tolerance):
                unique.append(min(spot, key=position))
    # Equal characters (same dict) always share a cluster, so each survivor's own index is
    # the one chars.index would find.
    unique.sort(key=lambda char: order[id(char)])
    return unique


def _hidden_reason(
    word: dict[str, Any], width: float, height: float, dark: list[Any]
) -> str | None:
    if word["x1"] < 0 or word["x0"] > width or word["bottom"] < 0 or word["top"] > height:
        return "offpage"
    if float(word.get("size") or 0.0) < TINY_SIZE:
        return "tiny"
    if is_near_white(word.get("non_stroking_color")):
        cx = (word["x0"] + word["x1"]) / 2
        cy = (word["top"] + word["bottom"]) / 2
        on_dark = any(r["x0"] <= cx <= r["x1"] and r["top"] <= cy <= r["bottom"] for r in dark)
        if not on_dark:
            return "colour"
    return None


def _read_page(page: Any, number: int, rules: HeadingRules) -> _PageResult:
    result = _PageResult()
    width, height = float(page.width), float(page.height)
    x_shift, y_shift = float(page.bbox[0]), float(page.bbox[1])
    chars = page.chars  # parsed once by pdfplumber and kept; every step below reuses it
    if _overprinted(chars):
        chars = dedupe_chars(chars)
    raw_words = extract_words(
        chars,
        x_tolerance_ratio=0.15,
        y_tolerance=3,
        extra_attrs=["size", "fontname", "non_stroking_color"],
    )
    result.images = len(page.images)
    result.links = [str(link["uri"]) for link in page.hyperlinks if link.get("uri")]
    dark = [
        obj
        for obj in list(page.rects) + list(page.images)
        if obj.get("object_type") == "image"
        or (obj.get("fill") and not is_near_white(obj.get("non_stroking_color")))
    ]
    has_spaces = any(c["text"] == " " for c in chars[:2000])
    body: list[Word] = []
    zone: list[Word] = []
    hidden_words: dict[str, list[dict[str, Any]]] = {}
    for raw in raw_words:
        result.words += 1
        text = str(raw["text"])
        result.cids += len(_CID.findall(text))
        font = str(raw.get("fontname") or "")
        result.fonts.add(font.split("+", 1)[-1])
        reason = _hidden_reason(raw, width, height, dark)
        if reason is not None:
            hidden_words.setdefault(reason, []).append(raw)
            continue
        if any(icon in font.lower() for icon in _ICON_FONTS):
            continue
        word = Word(
            text=text,
            x0=float(raw["x0"]) - x_shift,
            x1=float(raw["x1"]) - x_shift,
            top=float(raw["top"]) - y_shift,
            bottom=float(raw["bottom"]) - y_shift,
            size=float(raw.get("size") or 0.0),
            font=font,
            color=_numbers(raw.get("non_stroking_color")),
        )
        if word.top < ZONE * height or word.bottom > (1 - ZONE) * height:
            zone.append(word)
        else:
            body.append(word)
    for reason, words in hidden_words.items():
        for line_words in group_lines([_as_word(w) for w in words]):
            text = " ".join(w.text for w in line_words).strip()
            if text:
                result.hidden.append(HiddenText(text=text, page=number, reason=reason))
    lines, columns = order_page(body, width, number, rules, first_page=number == 1)
    top_zone = [w for w in zone if w.top < ZONE * height]
    bottom_zone = [w for w in zone if w.top >= ZONE * height]
    head = [make_line(ws, number) for ws in group_lines(top_zone)]
    foot = [make_line(ws, number) for ws in group_lines(bottom_zone)]
    result.zone_lines = [("header", line) for line in head] + [("footer", line) for line in foot]
    result.lines = head + lines + foot
    result.columns = columns
    tokens: list[str] = []
    for line_words in group_lines(body + zone):
        tokens += _naive_tokens(line_words, has_spaces)
    result.glued = count_glued(tokens)
    if _may_hold_grid(page.edges):
        tables = page.find_tables()
        result.tables = sum(1 for t in tables if _is_table(t, width * height))
    return result


def _may_hold_grid(edges: list[dict[str, Any]]) -> bool:
    """Tell whether ruling lines could form 2x2 cells: 3 horizontal and 3 vertical at least.

    find_tables is the costliest step on pages drawn with many vectors; underlines and
    section rules alone (horizontal only) cannot make a table, so it is skipped for them.
    """
    horizontal = sum(1 for edge in edges if edge.get("orientation") == "h")
    vertical = sum(1 for edge in edges if edge.get("orientation") == "v")
    return horizontal >= 3 and vertical >= 3


def _is_table(table: Any, page_area: float) -> bool:
    """A ruled grid of at least 2x2 cells that is not the page's own frame of boxes."""
    x0, top, x1, bottom = table.bbox
    if (x1 - x0) * (bottom - top) >= 0.4 * page_area:
        return False
    return len(table.rows) >= 2 and len(table.columns) >= 2


def _as_word(raw: dict[str, Any]) -> Word:
    return Word(
        text=str(raw["text"]),
        x0=float(raw["x0"]),
        x1=float(raw["x1"]),
        top=float(raw["top"]),
        bottom=float(raw["bottom"]),
        size=float(raw.get("size") or 0.0),
        font=str(raw.get("fontname") or ""),
        color=(),
    )


def _naive_tokens(words: list[Word], has_spaces: bool) -> list[str]:
    """Tokens as a simple extractor (pdfplumber defaults: 3 pt tolerance) would see them."""
    if has_spaces:
        return [w.text for w in words]
    tokens: list[str] = []
    previous: Word | None = None
    for word in words:
        if previous is not None and word.x0 - previous.x1 < 3.0 and tokens:
            tokens[-1] += word.text
        else:
            tokens.append(word.text)
        previous = word
    return tokens


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def read_pdf(data: bytes, path: str, limits: Limits, rules: HeadingRules) -> RawDocument:
    """Read PDF bytes into a RawDocument; raise InputError for unreadable files.

    ``rules`` name section headings, which tell a sidebar column from a date column.
    """
    started = time.monotonic()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - the third-party boundary: wrap everything
        raise _wrap(path, exc) from None
    try:
        # Counted lazily (stops past the limit, never trusts /Count): see limits.py.
        from analyzer.documents.limits import count_pages, page_limit_reason

        try:
            page_count = count_pages(pdf.doc, limits.max_pages)
        except Exception as exc:  # noqa: BLE001
            raise _wrap(path, exc) from None
        if page_count > limits.max_pages:
            raise LimitExceeded(path, page_limit_reason(page_count, limits.max_pages))
        results: list[_PageResult] = []
        for number, page in enumerate(pdf.pages, start=1):
            if float(page.width) * float(page.height) > limits.max_page_area:
                raise LimitExceeded(path, f"page {number} is larger than the page-area limit")
            try:
                results.append(_read_page(page, number, rules))
            except (InputError, MemoryError):
                raise
            except Exception as exc:  # noqa: BLE001
                raise _wrap(path, exc) from None
            finally:
                page.close()
            if time.monotonic() - started > limits.max_seconds:
                raise LimitExceeded(
                    path, f"took longer than {limits.max_seconds:g} s to read (--max-seconds)"
                )
    except RecursionError as exc:
        raise _wrap(path, exc) from None
    finally:
        try:
            # Not pdf.close(): it builds every page of the tree just to close it (a 5,000-page
            # file refused by the page limit would be parsed after all). Each page read was
            # closed above, and the BytesIO stream is ours.
            pdf.flush_cache()
        except Exception:  # noqa: BLE001
            log.debug("closing %s failed", path)
    if sum(r.words for r in results) == 0:
        raise InputError(path, NO_TEXT_LAYER)
    return _assemble(results, page_count)


def _assemble(results: list[_PageResult], page_count: int) -> RawDocument:
    repeated: Counter[str] = Counter()
    for r in results:
        for key in {_furniture_key(line.text) for _, line in r.zone_lines}:
            repeated[key] += 1
    lines: list[TextLine] = []
    zone_texts: list[str] = []
    for r in results:
        furniture = set()
        for _, line in r.zone_lines:
            key = _furniture_key(line.text)
            if line.text not in zone_texts:
                zone_texts.append(line.text)
            if (page_count > 1 and repeated[key] > 1) or _PAGE_FURNITURE.match(line.text):
                furniture.add(id(line))
        page_lines = [line for line in r.lines if id(line) not in furniture]
        # A bare page number ("2/2", "Page 1 of 2") above the footer zone is furniture too.
        while page_lines and _PAGE_FURNITURE.match(page_lines[-1].text):
            page_lines.pop()
        while page_lines and _PAGE_FURNITURE.match(page_lines[0].text):
            page_lines.pop(0)
        lines += page_lines
    fonts = sorted({f for r in results for f in r.fonts if f})
    facts = LayoutFacts(
        columns=max((r.columns for r in results), default=1) or 1,
        tables=sum(r.tables for r in results),
        header_footer_text=tuple(zone_texts),
        hidden=tuple(h for r in results for h in r.hidden),
        cid_glyphs=sum(r.cids for r in results),
        glued_words=sum(r.glued for r in results),
        images=sum(r.images for r in results),
        image_only_pages=sum(1 for r in results if r.images and not r.words),
        fonts=tuple(fonts),
    )
    warnings: list[str] = []
    if facts.cid_glyphs:
        warnings.append(
            f"{facts.cid_glyphs} characters could not be decoded (shown as (cid:NN)); "
            "the font lacks a Unicode map"
        )
    links = [uri for r in results for uri in r.links]
    return RawDocument(
        format="pdf",
        pages=page_count,
        lines=lines,
        facts=facts,
        annotations=links,
        warnings=warnings,
    )
