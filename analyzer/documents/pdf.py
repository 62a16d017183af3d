"""Read a PDF with pdfplumber in one pass per page, keeping layout and typography.

Each page is visited once: overprinted characters are de-duplicated, words are extracted once
with their size, font and fill colour, hidden words are set aside, the page header/footer zone
is noted, and the rest goes to the reading-order step (layout.py).
"""

from __future__ import annotations

import ctypes
import functools
import io
import itertools
import logging
import operator
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.utils import cluster_objects

from analyzer.documents import pdf_chars, pdf_rulings, pdf_words
from analyzer.documents.layout import Word, group_lines, make_line, order_page
from analyzer.documents.limits import (
    GuardTripped,
    document_chars_reason,
    page_chars_reason,
    page_limit_reason,
)
from analyzer.documents.lines import RawDocument, TextLine
from analyzer.documents.preflight import check_pdf
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
_SYMBOL_FONTS = (
    "marvosym",
    "dingbat",
    "wingding",
    "wasy",
    "lmmathextension",
    "cmsy",
    "cmmi",
    "cmex",
    "msam",
    "msbm",
    "stmary",
)
"""Symbol and math fonts résumés use for bullets, arrows and contact icons: a glyph of theirs
with no Unicode map is decoration, not a letter an ATS loses."""
_CID = re.compile(r"\(cid:\d+\)")
_PAGE_FURNITURE = re.compile(r"^(page\s*)?\d{1,3}(\s*(/|of)\s*\d{1,3})?$", re.IGNORECASE)
_GLUED_CAMEL = re.compile(r"[a-z][A-Z]")
_INK = itemgetter("ink")
_X0 = itemgetter("x0")
_TEXT_GENERATED = itemgetter("text", "generated")


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
        if len(token) < 12:
            continue  # fewer than 12 letters: neither test can hold
        letters = sum(map(str.isalpha, token))
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
        self.chars = 0
        self.cids = 0
        self.glued = 0
        self.fonts: set[str] = set()
        self.links: list[str] = []


def _ligature_parts(chars: list[dict[str, Any]]) -> set[int]:
    """Indexes of the characters pdfium split out of a ligature glyph ("ff", "ffi", "fl").

    pdfium gives each letter of a ligature its own character with the glyph's box, so the
    second "f" of "coffee" sits exactly where the first does, right after it. That is one
    glyph printed once, not a character printed twice: it must not be deduplicated away.
    """
    # Where x0 repeats first, all at once; then the rest of the test for those few.
    x0s = list(map(_X0, chars))
    repeats = itertools.compress(range(1, len(chars)), map(operator.eq, x0s, x0s[1:]))
    return {
        index
        for index in repeats
        if not chars[index]["text"].isspace()
        and chars[index]["x1"] == chars[index - 1]["x1"]
        and chars[index]["top"] == chars[index - 1]["top"]
    }


def _overprinted(
    chars: list[dict[str, Any]], parts: frozenset[int] | set[int] = frozenset()
) -> bool:
    """Tell whether characters are printed twice on the same spot (fake bold, shadows)."""
    keys = [
        (char["text"], round(char["x0"]), round(char["top"]))
        for index, char in enumerate(chars)
        if not char["text"].isspace() and index not in parts
    ]
    return len(set(keys)) < len(keys)


def _dedupe_printed_twice(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop characters printed twice, keeping every letter of a ligature.

    Ligature letters are deduplicated among themselves (a shadowed line prints its
    ligatures twice too), the other characters among themselves.
    """
    parts = _ligature_parts(chars)
    if not _overprinted(chars, parts):
        return chars
    if not parts:
        return dedupe_chars(chars)
    leads = [char for index, char in enumerate(chars) if index not in parts]
    kept = {id(char) for char in dedupe_chars(leads)}
    kept.update(id(char) for char in dedupe_chars([chars[index] for index in sorted(parts)]))
    return [char for char in chars if id(char) in kept]


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
    for _, grouped in itertools.groupby(sorted(chars, key=key), key=key):
        group = list(grouped)
        # A lone character is its own cluster: most are, and clustering one costs the same.
        rows = [group]
        if len(group) > 1:
            rows = cluster_objects(group, itemgetter("doctop"), tolerance)
        for row in rows:
            if len(row) == 1:
                unique.append(row[0])
                continue
            for spot in cluster_objects(row, itemgetter("x0"), tolerance):
                unique.append(min(spot, key=position))
    # Equal characters (same dict) always share a cluster, so each survivor's own index is
    # the one chars.index would find.
    unique.sort(key=lambda char: order[id(char)])
    return unique


FAINT_INK = 40
"""Most a character may change the rendered page (0-255) and still be faint to a reader."""


def _unseen_reason(char: dict[str, Any]) -> str | None:
    """Why a person cannot see this character at all, or None when it leaves ink."""
    ink = int(char["ink"])
    if ink < 0:
        return "offpage"
    if ink > pdf_chars.NO_INK:
        return None
    if char["mode"] in pdf_chars.INVISIBLE_MODES:
        return "invisible"
    if is_near_white(char["non_stroking_color"]):
        return "colour"
    return "covered"


def _is_word(text: str) -> bool:
    """Tell whether text says something: two letters or digits at least.

    A person hides words; an undrawn soft hyphen, a bullet or an icon glyph with no ink is
    layout, and neither a finding nor a reason to distrust the file.
    """
    return sum(map(str.isalnum, text)) >= 2


@functools.lru_cache(maxsize=256)
def _font_kind(font: str) -> tuple[bool, bool]:
    """Return whether a font is an icon font, and whether it is an icon or symbol font."""
    name = font.lower()
    icon = any(family in name for family in _ICON_FONTS)
    return icon, icon or any(family in name for family in _SYMBOL_FONTS)


def _faint_reason(word: dict[str, Any]) -> str | None:
    """Why a word a person could see is too small or too faint to read, if it is."""
    size = float(word.get("size") or 0.0)
    if size >= TINY_SIZE and int(word["chars"][0]["ink"]) >= FAINT_INK:
        return None  # most words: readable size, and a first letter with ink enough
    if not _is_word(str(word["text"])):
        return None
    if size < TINY_SIZE:
        return "tiny"
    # int() of the largest is the largest int(): truncation keeps the order.
    if int(max(map(_INK, word["chars"]))) < FAINT_INK:
        return "faint"
    return None


def _split_seen(
    chars: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Split characters into those a person sees and the unseen ones by reason."""
    seen: list[dict[str, Any]] = []
    unseen: dict[str, list[dict[str, Any]]] = {}
    for char in chars:
        # Most characters leave ink, which is all _unseen_reason would find: that test first.
        if int(char["ink"]) > pdf_chars.NO_INK or char["text"].isspace():
            seen.append(char)
            continue
        reason = _unseen_reason(char)
        if reason is None:
            seen.append(char)
        else:
            unseen.setdefault(reason, []).append(char)
    return seen, unseen


def _words(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # pdfplumber's extract_words(x_tolerance_ratio=0.15, y_tolerance=3, extra_attrs=[size,
    # fontname, non_stroking_color], return_chars=True), word for word, in one loop.
    return pdf_words.page_words(chars)


@dataclass
class _PageFacts:
    """What one page's characters and drawing give, from whichever library read it."""

    width: float
    height: float
    chars: list[dict[str, Any]]
    """pdfplumber-shaped characters with ``ink``, ``mode`` and ``generated`` set."""
    images: int
    links: list[str]
    edges: list[dict[str, Any]] | None
    """Straight edges of the page's drawing, pdfplumber-shaped; None: let pdfplumber find them."""
    may_hold_grid: bool


def _pdfium_page(page: pdfium.PdfPage, number: int, limits: Limits) -> _PageFacts:
    """Read a page with pdfium: characters, their ink on the rendered page, links, images."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count > limits.max_page_chars:
            raise GuardTripped(page_chars_reason(number, count, limits.max_page_chars))
        chars = pdf_chars.page_chars(page, textpage)
    finally:
        textpage.close()
    chars = _dedupe_printed_twice(chars)
    pdf_chars.measure_ink(page, chars)
    drawing = pdf_rulings.page_drawing(page, pdf_chars.display_matrix(page))
    return _PageFacts(
        width=width,
        height=height,
        chars=chars,
        images=drawing.images,
        links=_links(page),
        edges=drawing.edges,
        may_hold_grid=drawing.may_hold_grid(),
    )


def _plumber_page(page: Any, number: int, limits: Limits) -> _PageFacts:
    """Read a page pdfium cannot load (a damaged page tree) with pdfplumber instead.

    Nothing is rendered, so visibility is judged from the fill colour and the page box only:
    white text counts as unseen, other tricks go unnoticed (a warning says so).
    """
    width, height = float(page.width), float(page.height)
    x_shift, y_shift = float(page.bbox[0]), float(page.bbox[1])
    if len(page.chars) > limits.max_page_chars:
        raise GuardTripped(page_chars_reason(number, len(page.chars), limits.max_page_chars))
    chars: list[dict[str, Any]] = []
    for char in page.chars:
        x0, x1 = float(char["x0"]) - x_shift, float(char["x1"]) - x_shift
        top, bottom = float(char["top"]) - y_shift, float(char["bottom"]) - y_shift
        offpage = x1 < 0 or x0 > width or bottom < 0 or top > height
        white = is_near_white(char.get("non_stroking_color"))
        chars.append(
            dict(
                char,
                x0=x0,
                x1=x1,
                top=top,
                bottom=bottom,
                doctop=top,
                mode=0,
                generated=False,
                ink=-1 if offpage else 0 if white else 255,
            )
        )
    if _overprinted(chars):
        chars = dedupe_chars(chars)
    edges = page.edges
    return _PageFacts(
        width=width,
        height=height,
        chars=chars,
        images=len(page.images),
        links=[str(link["uri"]) for link in page.hyperlinks if link.get("uri")],
        edges=None,
        may_hold_grid=sum(1 for e in edges if e.get("orientation") == "h") >= 3
        and sum(1 for e in edges if e.get("orientation") == "v") >= 3,
    )


def _read_page(
    facts: _PageFacts, number: int, tables: Callable[[], int], rules: HeadingRules
) -> _PageResult:
    result = _PageResult()
    width, height, chars = facts.width, facts.height, facts.chars
    seen, unseen = _split_seen(chars)
    result.chars = len(chars)
    result.images = facts.images
    result.links = facts.links
    # Spaces pdfium inferred from gaps are not in the file: a plain extractor sees none.
    has_spaces = (" ", False) in map(_TEXT_GENERATED, chars[:2000])  # generated is a bool
    body: list[Word] = []
    zone: list[Word] = []
    hidden_words: dict[str, list[dict[str, Any]]] = {
        reason: [w for w in _words(group) if _is_word(str(w["text"]))]
        for reason, group in unseen.items()
    }
    result.words = sum(len(words) for words in hidden_words.values())
    fonts: set[str] = set()
    zone_top, zone_bottom = ZONE * height, (1 - ZONE) * height
    # Words share a few colour objects (one per text object): their numbers once each, by
    # identity, as the words hold every colour alive.
    colours: dict[int, tuple[float, ...]] = {}
    for raw in _words(seen):
        result.words += 1
        text = str(raw["text"])
        font = str(raw.get("fontname") or "")
        fonts.add(font)
        icon, symbol = _font_kind(font)
        if not symbol and "(cid:" in text:
            result.cids += len(_CID.findall(text))
        reason = _faint_reason(raw)
        if reason is not None:
            hidden_words.setdefault(reason, []).append(raw)
            continue
        if icon:
            continue
        colour = raw.get("non_stroking_color")
        numbers = colours.get(id(colour))
        if numbers is None:
            numbers = colours[id(colour)] = _numbers(colour)
        # Positional (text, x0, x1, top, bottom, size, font, color): keywords would about
        # triple the cost of making a word, thousands of times a page.
        word = Word(
            text,
            float(raw["x0"]),
            float(raw["x1"]),
            float(raw["top"]),
            float(raw["bottom"]),
            float(raw.get("size") or 0.0),
            font,
            numbers,
        )
        if word.top < zone_top or word.bottom > zone_bottom:
            zone.append(word)
        else:
            body.append(word)
    result.fonts = {font.split("+", 1)[-1] for font in fonts}
    placed: list[tuple[float, float, HiddenText]] = []
    for reason, words in hidden_words.items():
        for line_words in group_lines([_as_word(w) for w in words]):
            text = " ".join(w.text for w in line_words).strip()
            if _is_word(text):
                box = (
                    round(min(w.x0 for w in line_words), 2),
                    round(min(w.top for w in line_words), 2),
                    round(max(w.x1 for w in line_words), 2),
                    round(max(w.bottom for w in line_words), 2),
                )
                hidden = HiddenText(text=text, page=number, reason=reason, box=box)
                placed.append((line_words[0].top, line_words[0].x0, hidden))
    result.hidden = [hidden for _, _, hidden in sorted(placed, key=lambda p: p[:2])]
    lines, columns = order_page(body, width, number, rules, first_page=number == 1)
    top_zone = [w for w in zone if w.top < ZONE * height]
    bottom_zone = [w for w in zone if w.top >= ZONE * height]
    head = [make_line(ws, number) for ws in group_lines(top_zone)]
    foot = [make_line(ws, number) for ws in group_lines(bottom_zone)]
    result.zone_lines = [("header", line) for line in head] + [("footer", line) for line in foot]
    result.lines = head + lines + foot
    result.columns = columns
    if has_spaces:
        # Each word is a token: the lines' order does not change what is counted.
        result.glued = count_glued(w.text for w in body + zone)
    else:
        tokens: list[str] = []
        for line_words in group_lines(body + zone):
            tokens += _naive_tokens(line_words, has_spaces)
        result.glued = count_glued(tokens)
    if facts.may_hold_grid:
        result.tables = tables()
    return result


def _links(page: pdfium.PdfPage) -> list[str]:
    """Return the URIs of the page's link annotations, in page order."""
    uris: list[str] = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    while pdfium_c.FPDFLink_Enumerate(page.raw, position, link):
        action = pdfium_c.FPDFLink_GetAction(link)
        if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
            continue
        size = pdfium_c.FPDFAction_GetURIPath(page.pdf.raw, action, None, 0)
        if size <= 1:
            continue
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFAction_GetURIPath(page.pdf.raw, action, buffer, size)
        uris.append(buffer.value.decode("utf-8", "replace"))
    return uris


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


_PDFIUM_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: ENCRYPTED,
    pdfium_c.FPDF_ERR_SECURITY: "is protected by a security handler mlcheck cannot open",
}


def _open(data: bytes, path: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = _PDFIUM_ERRORS.get(getattr(exc, "err_code", None))
        if reason is not None:
            raise InputError(path, reason) from None
        raise InputError(path, f"is not a readable PDF (corrupt or truncated: {exc})") from None


class _Plumber:
    """pdfplumber over the same bytes, opened only when a page needs it.

    It reads a page pdfium cannot load, and finds ruled tables with find_tables on a page
    whose path segments are too many to read through pdfium (pdf_rulings.SEGMENT_BUDGET);
    elsewhere its grid search runs on edges from pdfium's path objects (pdf_rulings).
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pdf: Any = None

    def page(self, number: int) -> Any:
        """Return pdfplumber's page ``number`` (1-based); the caller closes it."""
        if self.pdf is None:
            self.pdf = pdfplumber.open(io.BytesIO(self.data))
        return self.pdf.pages[number - 1]

    def tables(self, number: int, area: float) -> int:
        """Return how many real tables pdfplumber finds on page ``number``."""
        page = self.page(number)
        try:
            return sum(1 for table in page.find_tables() if pdf_rulings.is_table(table, area))
        finally:
            page.close()

    def close(self) -> None:
        """Drop pdfplumber's caches (never pdf.close(): it builds every page to close it)."""
        if self.pdf is not None:
            self.pdf.flush_cache()


DAMAGED_TREE = (
    "the PDF's page tree is damaged (pages pdfium cannot reach); those pages were read "
    "without rendering, so only white or off-page text could be checked for being hidden"
)


def _page_facts(
    pdf: pdfium.PdfDocument, plumber: _Plumber, number: int, limits: Limits
) -> tuple[_PageFacts, bool]:
    """Return a page's facts from pdfium, or from pdfplumber (True) when pdfium cannot load it."""
    page = None
    if number <= len(pdf):
        try:
            page = pdf[number - 1]
        except pdfium.PdfiumError:
            page = None
    if page is None:
        fallback = plumber.page(number)
        try:
            if float(fallback.width) * float(fallback.height) > limits.max_page_area:
                raise GuardTripped(f"page {number} is larger than the page-area limit")
            return _plumber_page(fallback, number, limits), True
        finally:
            fallback.close()
    try:
        width, height = page.get_size()
        if width * height > limits.max_page_area:
            raise GuardTripped(f"page {number} is larger than the page-area limit")
        return _pdfium_page(page, number, limits), False
    finally:
        page.close()


def read_pdf(data: bytes, path: str, limits: Limits, rules: HeadingRules) -> RawDocument:
    """Read PDF bytes into a RawDocument; raise InputError for unreadable files.

    ``rules`` name section headings, which tell a sidebar column from a date column.
    """
    started = time.monotonic()
    try:
        # Pages counted by walking the tree (never /Count), streams inflated within budget.
        page_count = check_pdf(data, limits.max_pages)
    except (GuardTripped, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - the third-party boundary: wrap everything
        raise _wrap(path, exc) from None
    if page_count > limits.max_pages:
        raise LimitExceeded(path, page_limit_reason(page_count, limits.max_pages))
    pdf = _open(data, path)
    plumber = _Plumber(data)
    results: list[_PageResult] = []
    damaged = False
    chars = 0
    try:
        for number in range(1, page_count + 1):
            try:
                facts, fallback = _page_facts(pdf, plumber, number, limits)
                area = facts.width * facts.height
                if facts.edges is None:
                    tables = functools.partial(plumber.tables, number, area)
                else:
                    tables = functools.partial(pdf_rulings.count_tables, facts.edges, area)
                result = _read_page(facts, number, tables, rules)
            except GuardTripped as tripped:
                raise LimitExceeded(path, tripped.reason) from None
            except (InputError, MemoryError):
                raise
            except Exception as exc:  # noqa: BLE001 - the third-party boundary
                raise _wrap(path, exc) from None
            damaged = damaged or fallback
            results.append(result)
            chars += result.chars
            if chars > limits.max_document_chars:
                raise LimitExceeded(path, document_chars_reason(limits.max_document_chars))
            if time.monotonic() - started > limits.max_seconds:
                raise LimitExceeded(
                    path, f"took longer than {limits.max_seconds:g} s to read (--max-seconds)"
                )
    finally:
        plumber.close()
        pdf.close()
    if sum(r.words for r in results) == 0:
        raise InputError(path, NO_TEXT_LAYER)
    document = _assemble(results, page_count)
    if damaged:
        document.warnings.append(DAMAGED_TREE)
    return document


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
