"""Reading order of a PDF page: words into lines, columns found from a vertical gutter.

The page is read as: a full-width header (possibly with a left and a right block, like a name
beside an address), then each body column top to bottom. A column split must be real: a narrow
column of dates or labels whose lines sit on the same baselines as the text beside them (moderncv,
right-aligned dates, award years) is part of those lines, not a column of its own.
"""

from __future__ import annotations

import bisect
import functools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from analyzer.documents.lines import TextLine, clean_text
from analyzer.documents.sections import canonical_heading
from analyzer.rules.headings import HeadingRules

_BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demibold", ",b", "-b")

_BLANK_RUN = re.compile(b"\x00+")
_X0, _X1 = attrgetter("x0"), attrgetter("x1")
_TOP, _BOTTOM = attrgetter("top"), attrgetter("bottom")
_TOP_X0 = attrgetter("top", "x0")

GUTTER_MIN_WIDTH = 8.0
"""Narrowest blank vertical strip (points) that can separate two columns."""
ALIGNED_SHARE = 0.7
"""Share of a side's lines sharing baselines with the other side that makes it one column."""


@dataclass(slots=True)
class Word:
    """One extracted word with its typography (never changed once made).

    Not frozen: a frozen dataclass sets each field through object.__setattr__, five times
    the cost of making a word, and a page makes thousands of them.
    """

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


@functools.lru_cache(maxsize=512)
def is_bold_font(fontname: str) -> bool:
    """Return True when a PDF font name denotes a bold face."""
    name = fontname.split("+", 1)[-1].lower()
    return any(marker in name for marker in _BOLD_MARKERS)


_LIGHT_MARKERS = ("light", "thin", "hairline")


@functools.lru_cache(maxsize=512)
def font_weight(fontname: str) -> int:
    """Return a font's weight class from its name: 0 light, 1 regular, 2 bold."""
    if is_bold_font(fontname):
        return 2
    name = fontname.split("+", 1)[-1].lower()
    return 0 if any(marker in name for marker in _LIGHT_MARKERS) else 1


@functools.lru_cache(maxsize=512)
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
    tops: list[float] = []
    bottoms: list[float] = []
    # Hot loop (the gutter search groups each side of every candidate gutter): conditional
    # expressions instead of min()/max() calls, and the newest line, which most words join,
    # tried inline before the two lines above it.
    newest: list[Word] | None = None
    n_top = n_bottom = 0.0
    for word in sorted(words, key=_TOP_X0):
        w_top, w_bottom = word.top, word.bottom
        word_height = w_bottom - w_top
        if newest is not None:
            overlap = (w_bottom if w_bottom < n_bottom else n_bottom) - (
                w_top if w_top > n_top else n_top
            )
            line_height = n_bottom - n_top
            height = (word_height if word_height < line_height else line_height) or 1.0
            if overlap >= 0.5 * height:
                newest.append(word)
                if w_top < n_top:
                    n_top = tops[-1] = w_top
                if w_bottom > n_bottom:
                    n_bottom = bottoms[-1] = w_bottom
                continue
            # Only the last few lines can still be open: words are sorted by top.
            count = len(lines)
            placed = False
            for i in range(count - 2, count - 4 if count > 3 else -1, -1):
                top, bottom = tops[i], bottoms[i]
                overlap = (w_bottom if w_bottom < bottom else bottom) - (
                    w_top if w_top > top else top
                )
                line_height = bottom - top
                height = (word_height if word_height < line_height else line_height) or 1.0
                if overlap >= 0.5 * height:
                    lines[i].append(word)
                    if w_top < top:
                        tops[i] = w_top
                    if w_bottom > bottom:
                        bottoms[i] = w_bottom
                    placed = True
                    break
            if placed:
                continue
        newest = [word]
        n_top, n_bottom = w_top, w_bottom
        lines.append(newest)
        tops.append(w_top)
        bottoms.append(w_bottom)
    for line in lines:
        line.sort(key=_X0)
    order = sorted(range(len(lines)), key=tops.__getitem__)
    return [lines[i] for i in order]


def make_line(words: Sequence[Word], page: int, column: int = 0) -> TextLine:
    """Build one TextLine from the words of a visual line (sorted left to right)."""
    parts: list[str] = []
    cells: list[str] = []
    cell: list[str] = []
    # Letters per size and per font, rounded and judged once each: a line has one or two of
    # each. (Sizes keep the order they first appear in: it breaks ties.)
    by_size: dict[float, int] = {}
    by_font: dict[str, int] = {}
    total = 0
    previous: Word | None = None
    for word in words:
        n = len(word.text)
        total += n
        by_size[word.size] = by_size.get(word.size, 0) + n
        by_font[word.font] = by_font.get(word.font, 0) + n
        if previous is not None:
            gap = word.x0 - previous.x1
            # max(min(word.size, previous.size), 1.0), without the calls
            size = previous.size if previous.size < word.size else word.size
            size = 1.0 if 1.0 > size else size
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
    first = words[0]
    if len(by_size) == 1:
        size = round(first.size, 1)  # most lines: one size (the first word's, as the key)
    else:
        size_weight: dict[float, int] = {}
        for exact, n in by_size.items():
            key = round(exact, 1)
            size_weight[key] = size_weight.get(key, 0) + n
        size = max(size_weight.items(), key=lambda kv: kv[1])[0] if size_weight else 0.0
    if len(by_font) == 1:
        bold_chars = total if is_bold_font(first.font) else 0
    else:
        bold_chars = sum(n for font, n in by_font.items() if is_bold_font(font))
    text = clean_text(" ".join(parts))
    kept: tuple[str, ...]
    if len(cells) == 1:
        # No wide gap: the one cell holds the words just as the line does.
        kept = (text,) if text else ()
    else:
        kept = tuple(c for c in map(clean_text, cells) if c)
    return TextLine(
        text=text,
        page=page,
        x0=min(map(_X0, words)),
        x1=max(map(_X1, words)),
        top=min(map(_TOP, words)),
        bottom=max(map(_BOTTOM, words)),
        size=size,
        bold=bold_chars * 2 > (total or 1),
        column=column,
        font=first.font.split("+", 1)[-1],
        color=first.color,
        cells=kept,
    )


def _aligned_share(narrow: list[list[Word]], other: list[list[Word]]) -> float:
    """Share of the narrow side's lines sharing a baseline (or top) with the other side."""
    if not narrow:
        return 0.0
    tops = sorted(min(map(_TOP, line)) for line in other)
    bottoms = sorted(max(map(_BOTTOM, line)) for line in other)
    aligned = 0
    for line in narrow:
        if _within(bottoms, max(map(_BOTTOM, line)), 1.5) or _within(
            tops, min(map(_TOP, line)), 1.5
        ):
            aligned += 1
    return aligned / len(narrow)


def _within(values: list[float], x: float, distance: float) -> bool:
    """Tell ``any(abs(x - v) <= distance for v in values)`` from sorted ``values``.

    The nearest value on either side is the one to try: x - v, rounded, only shrinks as v
    comes closer to x from either side.
    """
    index = bisect.bisect_left(values, x)
    if index < len(values) and abs(x - values[index]) <= distance:
        return True
    return index > 0 and abs(x - values[index - 1]) <= distance


def _has_heading(
    lines: list[list[Word]], rules: HeadingRules, named: dict[str, bool] | None = None
) -> bool:
    """Tell whether a short line names a section; ``named`` keeps the answers per text."""
    if named is None:
        named = {}
    for line in lines:
        if len(line) <= 4:
            text = " ".join(w.text for w in line)
            found = named.get(text)
            if found is None:
                found = named[text] = bool(canonical_heading(text, rules))
            if found:
                return True
    return False


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
    search = _GutterSearch([words], page_width)
    return search.widest(0, rules, min_lines=min_lines, min_span=min_span)


class _GutterSearch:
    """A page's lines of words, ready to look for a gutter among the words from any line on.

    order_page looks for a gutter below each candidate header height in turn. Which pixel
    columns the words from line ``i`` on cover is one comparison over an array made once
    (the last line covering each column), and their bounds are kept per line, so a look
    costs little more than checking its candidate gutters. The array is made at the first
    look with words enough, as gutter_run would only then have read the words' columns.
    """

    def __init__(self, lines: Sequence[Sequence[Word]], page_width: float) -> None:
        self.lines = lines
        self.width = int(page_width) + 2
        self.words: list[Word] = []
        self.starts: list[int] = []
        for line in lines:
            self.starts.append(len(self.words))
            self.words += line
        self.last: np.ndarray | None = None
        self.named: dict[str, bool] = {}
        """Whether a line's text names a section, for each text looked up (a pure answer)."""
        self.x0: list[float] = []
        self.x1: list[float] = []
        self.top: list[float] = []
        self.bottom: list[float] = []

    def _measure(self) -> np.ndarray:
        """Fill and return ``last``, and fill the bounds of the words from each line on."""
        lines, width = self.lines, self.width
        # The pixel columns [int(x0), int(x1)] of each word, within [0, width); the last line
        # index covering each column (a word wholly left of the page covers none).
        last = np.full(width + 1, -1, dtype=np.int64)
        for index, line in enumerate(lines):
            for w in line:
                a = int(w.x0)
                a = a if a > 0 else 0
                b = int(w.x1) + 1
                b = b if b < width else width
                if a < b:
                    last[a:b] = index
        self.last = last
        # The bounds of the words from each line on, gathered from the last line up.
        count = len(lines)
        self.x0, self.x1 = [0.0] * count, [0.0] * count
        self.top, self.bottom = [0.0] * count, [0.0] * count
        bounds: tuple[float, float, float, float] | None = None
        for index in range(count - 1, -1, -1):
            line = lines[index]
            if line:
                here = (
                    min(map(_X0, line)),
                    max(map(_X1, line)),
                    min(map(_TOP, line)),
                    max(map(_BOTTOM, line)),
                )
                if bounds is not None:
                    here = (
                        min(here[0], bounds[0]),
                        max(here[1], bounds[1]),
                        min(here[2], bounds[2]),
                        max(here[3], bounds[3]),
                    )
                bounds = here
            if bounds is not None:
                self.x0[index], self.x1[index], self.top[index], self.bottom[index] = bounds
        return last

    def widest(
        self,
        first: int,
        rules: HeadingRules,
        *,
        min_lines: int = 3,
        min_span: float = 0.3,
    ) -> tuple[float, float] | None:
        """Return gutter_run of the words from line ``first`` on."""
        words = self.words[self.starts[first] :]
        if len(words) < 2 * min_lines:
            return None
        last = self.last if self.last is not None else self._measure()
        width = self.width
        scan_from = max(0, int(self.x0[first]) + 1)
        scan = (last[scan_from : min(width, int(self.x1[first]))] >= first).tobytes()
        # A blank run counts once a covered pixel closes it, inside the scanned span.
        runs = [
            (scan_from + m.start(), scan_from + m.end())
            for m in _BLANK_RUN.finditer(scan)
            if m.end() < len(scan)
        ]
        height = max(self.bottom[first] - self.top[first], 1.0)
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
                (max(map(_BOTTOM, side)) - min(map(_TOP, side))) / height for side in (left, right)
            ]
            if min(spans) < min_span:
                continue
            left_lines, right_lines = group_lines(left), group_lines(right)
            if len(left_lines) < min_lines or len(right_lines) < min_lines:
                continue
            narrow, other = sorted((left_lines, right_lines), key=len)
            if _aligned_share(narrow, other) >= ALIGNED_SHARE and not _has_heading(
                narrow, rules, self.named
            ):
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
    content_top = min(map(_TOP, words))
    content_bottom = max(map(_BOTTOM, words))
    content_height = max(content_bottom - content_top, 1.0)
    split_at: int | None = None
    gutter: float | None = None
    search = _GutterSearch(page_lines, page_width)
    for index, line in enumerate(page_lines):
        if min(map(_TOP, line)) - content_top > 0.45 * content_height:
            break
        found = search.widest(index, rules)
        if found is not None:
            split_at, (gutter, width) = index, found
            # The header's last row left in the body (a row of contact links) can block the
            # real gutter and leave a narrower blank strip inside a column: the next line down
            # may show a wider gutter, the columns' own. (Looking further down takes a column's
            # own first lines for header: latexcv infographics.)
            later = index + 1
            if later < len(page_lines):
                wider = search.widest(later, rules)
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
