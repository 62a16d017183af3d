"""Reading order of a PDF page: words into lines, columns found from a vertical gutter.

The page is read as: a full-width header (possibly with a left and a right block, like a name
beside an address), then each body column top to bottom. A column split must be real: a narrow
column of dates or labels whose lines sit on the same baselines as the text beside them (moderncv,
right-aligned dates, award years) is part of those lines, not a column of its own.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.documents.lines import TextLine, clean_text
from analyzer.documents.sections import canonical_heading
from analyzer.rules.headings import HeadingRules

_BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demibold", ",b", "-b")

_BLANK_RUN = re.compile(b"\x00+")

GUTTER_MIN_WIDTH = 8.0
"""Narrowest blank vertical strip (points) that can separate two columns."""
ALIGNED_SHARE = 0.7
"""Share of a side's lines sharing baselines with the other side that makes it one column."""


@dataclass(frozen=True)
class Word:
    """One extracted word with its typography."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    color: tuple[float, ...]

    @property
    def bold(self) -> bool:
        """True when the font name says bold (Bold, Black, Heavy, Semibold, ",B")."""
        return is_bold_font(self.font)


def is_bold_font(fontname: str) -> bool:
    """Return True when a PDF font name denotes a bold face."""
    name = fontname.split("+", 1)[-1].lower()
    return any(marker in name for marker in _BOLD_MARKERS)


_LIGHT_MARKERS = ("light", "thin", "hairline")


def font_weight(fontname: str) -> int:
    """Return a font's weight class from its name: 0 light, 1 regular, 2 bold."""
    if is_bold_font(fontname):
        return 2
    name = fontname.split("+", 1)[-1].lower()
    return 0 if any(marker in name for marker in _LIGHT_MARKERS) else 1


def font_family(fontname: str) -> str:
    """Return a font's family from its name ("ABCDEF+Lato-Light" -> "lato")."""
    return re.split(r"[-,]", fontname.split("+", 1)[-1], maxsplit=1)[0].lower()


def typeface_break(previous: Word, word: Word) -> bool:
    """Tell whether two words printed with no gap are two words set in two typefaces.

    A name printed "john" in a light weight and "smith" in a regular one with no space
    (friggeri) is two words: letters on both sides and the weight or the family changes. A
    single glyph taken from a fallback font ("Bo" + "ğ" + "aziçi") or a colour change alone
    ("Sum" + "mary") leaves the word whole; so does punctuation ("Python" + ",").
    """
    if not (previous.text[-2:].isalpha() and word.text[:2].isalpha()):
        return False
    if len(previous.text) < 2 or len(word.text) < 2:
        return False
    if font_weight(previous.font) != font_weight(word.font):
        return True
    return font_family(previous.font) != font_family(word.font)


def group_lines(words: Sequence[Word]) -> list[list[Word]]:
    """Group words into visual lines: a word joins a line it overlaps vertically by half."""
    lines: list[list[Word]] = []
    bounds: list[tuple[float, float]] = []
    # Hot loop (find_gutter calls this for every candidate gutter): conditional expressions
    # instead of min()/max() calls, same results.
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        w_top, w_bottom = word.top, word.bottom
        placed = False
        # Only the last few lines can still be open: words are sorted by top.
        last = len(lines) - 1
        for i in range(last, last - 3 if last > 2 else -1, -1):
            top, bottom = bounds[i]
            overlap = (w_bottom if w_bottom < bottom else bottom) - (w_top if w_top > top else top)
            line_height, word_height = bottom - top, w_bottom - w_top
            height = (word_height if word_height < line_height else line_height) or 1.0
            if overlap >= 0.5 * height:
                lines[i].append(word)
                bounds[i] = (
                    w_top if w_top < top else top,
                    w_bottom if w_bottom > bottom else bottom,
                )
                placed = True
                break
        if not placed:
            lines.append([word])
            bounds.append((w_top, w_bottom))
    for line in lines:
        line.sort(key=lambda w: w.x0)
    order = sorted(range(len(lines)), key=lambda i: bounds[i][0])
    return [lines[i] for i in order]


def make_line(words: Sequence[Word], page: int, column: int = 0) -> TextLine:
    """Build one TextLine from the words of a visual line (sorted left to right)."""
    parts: list[str] = []
    cells: list[str] = []
    cell: list[str] = []
    previous: Word | None = None
    for word in words:
        if previous is not None:
            gap = word.x0 - previous.x1
            size = max(min(word.size, previous.size), 1.0)
            if gap >= 2.0 * size:
                cells.append(" ".join(cell))
                cell = []
            if gap < 0.1 * size and parts and not typeface_break(previous, word):
                # A word split by a change of colour or font ("Sum" + "mary"): no space.
                parts[-1] += word.text
                if cell:
                    cell[-1] += word.text
                else:
                    cell.append(word.text)
                previous = word
                continue
        parts.append(word.text)
        cell.append(word.text)
        previous = word
    if cell:
        cells.append(" ".join(cell))
    chars = [len(w.text) for w in words]
    total = sum(chars) or 1
    size_weight: dict[float, int] = {}
    for word, n in zip(words, chars, strict=True):
        key = round(word.size, 1)
        size_weight[key] = size_weight.get(key, 0) + n
    size = max(size_weight.items(), key=lambda kv: kv[1])[0] if size_weight else 0.0
    bold_chars = sum(n for word, n in zip(words, chars, strict=True) if word.bold)
    first = words[0]
    return TextLine(
        text=clean_text(" ".join(parts)),
        page=page,
        x0=min(w.x0 for w in words),
        x1=max(w.x1 for w in words),
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        size=size,
        bold=bold_chars * 2 > total,
        column=column,
        font=first.font.split("+", 1)[-1],
        color=first.color,
        cells=tuple(c for c in (clean_text(c) for c in cells) if c),
    )


def _aligned_share(narrow: list[list[Word]], other: list[list[Word]]) -> float:
    """Share of the narrow side's lines sharing a baseline (or top) with the other side."""
    if not narrow:
        return 0.0
    spans = [(min(w.top for w in line), max(w.bottom for w in line)) for line in other]
    aligned = 0
    for line in narrow:
        top = min(w.top for w in line)
        bottom = max(w.bottom for w in line)
        if any(abs(bottom - b) <= 1.5 or abs(top - t) <= 1.5 for t, b in spans):
            aligned += 1
    return aligned / len(narrow)


def _has_heading(lines: list[list[Word]], rules: HeadingRules) -> bool:
    short = (" ".join(w.text for w in line) for line in lines if len(line) <= 4)
    return any(canonical_heading(text, rules) for text in short)


def find_gutter(
    words: Sequence[Word],
    page_width: float,
    rules: HeadingRules,
    *,
    min_lines: int = 3,
    min_span: float = 0.3,
) -> float | None:
    """Return the x of a column gutter splitting these words into two real columns, if any.

    A gutter is a blank vertical strip at least GUTTER_MIN_WIDTH wide that no word crosses.
    Both sides need ``min_lines`` lines spanning ``min_span`` of the region's height, and the
    side with fewer lines must not share its baselines with the other (a date column).
    """
    found = gutter_run(words, page_width, rules, min_lines=min_lines, min_span=min_span)
    return found[0] if found else None


def gutter_run(
    words: Sequence[Word],
    page_width: float,
    rules: HeadingRules,
    *,
    min_lines: int = 3,
    min_span: float = 0.3,
) -> tuple[float, float] | None:
    """Return the widest gutter find_gutter would take as (x of its middle, width), if any."""
    if len(words) < 2 * min_lines:
        return None
    width = int(page_width) + 2
    covered = bytearray(width + 1)
    left_edge = min(w.x0 for w in words)
    right_edge = max(w.x1 for w in words)
    # order_page calls this once per candidate header height: plain comparisons rather than
    # min()/max() calls, and the blank runs found by a regex over the bytes, not pixel by pixel.
    for w in words:
        a = int(w.x0)
        a = a if a > 0 else 0
        b = int(w.x1) + 1
        b = b if b < width else width
        covered[a:b] = b"\x01" * (b - a)
    scan_from = max(0, int(left_edge) + 1)
    scan = covered[scan_from : min(width, int(right_edge))]
    # A blank run counts once a covered pixel closes it, inside the scanned span.
    runs = [
        (scan_from + m.start(), scan_from + m.end())
        for m in _BLANK_RUN.finditer(scan)
        if m.end() < len(scan)
    ]
    top = min(w.top for w in words)
    bottom = max(w.bottom for w in words)
    height = max(bottom - top, 1.0)
    best: tuple[float, float] | None = None
    for a, b in runs:
        if b - a < GUTTER_MIN_WIDTH:
            continue
        middle = (a + b) / 2
        left = [w for w in words if w.x1 <= middle]
        right = [w for w in words if w.x0 >= middle]
        # The cheap tests first: a side needs min_lines words to have min_lines lines.
        if len(left) < min_lines or len(right) < min_lines:
            continue
        spans = [
            (max(w.bottom for w in side) - min(w.top for w in side)) / height
            for side in (left, right)
        ]
        if min(spans) < min_span:
            continue
        left_lines, right_lines = group_lines(left), group_lines(right)
        if len(left_lines) < min_lines or len(right_lines) < min_lines:
            continue
        narrow, other = sorted((left_lines, right_lines), key=len)
        if _aligned_share(narrow, other) >= ALIGNED_SHARE and not _has_heading(narrow, rules):
            # Level with the text beside it and without section headings of its own: a
            # column of dates, places or labels belonging to those lines, not a sidebar.
            continue
        if best is None or b - a > best[1]:
            best = (middle, b - a)
    return best


def _header_block_end(words: Sequence[Word]) -> float:
    """Return the y where the top block ends: the first wide horizontal blank strip."""
    spans = sorted((w.top, w.bottom) for w in words)
    sizes = [w.size for w in words]
    threshold = max(8.0, 0.9 * statistics.median(sizes)) if sizes else 8.0
    reach = spans[0][1]
    for top, bottom in spans[1:]:
        if top - reach >= threshold:
            return reach
        reach = max(reach, bottom)
    return reach


def _lines_of(words: Sequence[Word], page: int, column: int) -> list[TextLine]:
    lines = [make_line(ws, page, column) for ws in group_lines(words)]
    previous: TextLine | None = None
    for line in lines:
        line.gap_before = max(0.0, line.top - previous.bottom) if previous else 0.0
        previous = line
    right = max((line.x1 for line in lines), default=0.0)
    for line in lines:
        line.column_right = right
    return [line for line in lines if line.text]


def _split(words: Sequence[Word], gutter: float) -> tuple[list[Word], list[Word]]:
    left = [w for w in words if (w.x0 + w.x1) / 2 < gutter]
    right = [w for w in words if (w.x0 + w.x1) / 2 >= gutter]
    return left, right


def order_page(
    words: Sequence[Word],
    page_width: float,
    page: int,
    rules: HeadingRules,
    *,
    first_page: bool = False,
) -> tuple[list[TextLine], int]:
    """Return the page's lines in reading order and the number of body columns found."""
    if not words:
        return [], 0
    page_lines = group_lines(words)
    content_top = min(w.top for w in words)
    content_bottom = max(w.bottom for w in words)
    content_height = max(content_bottom - content_top, 1.0)
    split_at: int | None = None
    gutter: float | None = None
    for index, line in enumerate(page_lines):
        if min(w.top for w in line) - content_top > 0.45 * content_height:
            break
        body = [w for ws in page_lines[index:] for w in ws]
        found = gutter_run(body, page_width, rules)
        if found is not None:
            split_at, (gutter, width) = index, found
            # The header's last row left in the body (a row of contact links) can block the
            # real gutter and leave a narrower blank strip inside a column: the next line down
            # may show a wider gutter, the columns' own. (Looking further down takes a column's
            # own first lines for header: latexcv infographics.)
            later = index + 1
            if later < len(page_lines):
                below = [w for ws in page_lines[later:] for w in ws]
                wider = gutter_run(below, page_width, rules)
                if wider is not None and wider[1] > width and abs(wider[0] - gutter) > 1:
                    split_at, gutter = later, wider[0]
            break
    if split_at is None or gutter is None:
        header_end = _header_block_end(words)
        if header_end - content_top > 0.35 * content_height:
            header_end = content_top - 1.0
        header = [w for w in words if w.bottom <= header_end + 0.01]
        rest = [w for w in words if w.bottom > header_end + 0.01]
        lines = _ordered_header(header, page_width, page, rules)
        if rest:
            body_lines = _lines_of(rest, page, 0)
            if lines and body_lines:
                body_lines[0].gap_before = max(0.0, body_lines[0].top - lines[-1].bottom)
            lines += body_lines
        return lines, 1
    header = [w for ws in page_lines[:split_at] for w in ws]
    body = [w for ws in page_lines[split_at:] for w in ws]
    left, right = _split(body, gutter)
    columns = [left, right]
    if first_page and not header:
        # No full-width header: the column holding the name (the biggest type at its top)
        # starts the reading, even when it is the right-hand one (sidebar on the left).
        biggest = max(body, key=lambda w: (w.size, -w.top))
        if biggest in right:
            columns = [right, left]
    lines = _ordered_header(header, page_width, page, rules)
    for index, column in enumerate(columns):
        lines += _lines_of(column, page, index)
    return lines, 2


def _ordered_header(
    words: Sequence[Word], page_width: float, page: int, rules: HeadingRules
) -> list[TextLine]:
    """Lines of the header block: left block then right block when they are separate."""
    if not words:
        return []
    gutter = find_gutter(words, page_width, rules, min_lines=2, min_span=0.0)
    if gutter is None:
        return _lines_of(words, page, 0)
    left, right = _split(words, gutter)
    return _lines_of(left, page, 0) + _lines_of(right, page, 0)
