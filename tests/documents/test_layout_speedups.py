"""The reading-order shortcuts give what the plain way gave: the plain way is kept here.

``group_lines``, ``make_line``, ``clean_text`` and the gutter search were made cheaper without
changing a result; each is checked against the code it replaced, on random input and on
every call the corpus makes.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from analyzer.documents import layout, lines, pdf, read_document
from analyzer.documents.layout import Word, typeface_break
from analyzer.documents.lines import TextLine
from analyzer.documents.sections import canonical_heading
from analyzer.rules import shipped_rules
from tests.shared import CORPUS


def plain_clean_text(text: str) -> str:
    text = text.translate(lines._DASHES)
    text = lines._SOFT_HYPHEN_NEAR_HYPHEN.sub("-", text)
    text = lines._PRIVATE_USE.sub("", text)
    text = lines.strip_invisible(text)
    text = "".join(ch for ch in text if ch == "\t" or unicodedata.category(ch) != "Cc")
    return lines._SPACES.sub(" ", text).strip()


def plain_group_lines(words: Sequence[Word]) -> list[list[Word]]:
    grouped: list[list[Word]] = []
    bounds: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        w_top, w_bottom = word.top, word.bottom
        placed = False
        last = len(grouped) - 1
        for i in range(last, last - 3 if last > 2 else -1, -1):
            top, bottom = bounds[i]
            overlap = (w_bottom if w_bottom < bottom else bottom) - (w_top if w_top > top else top)
            line_height, word_height = bottom - top, w_bottom - w_top
            height = (word_height if word_height < line_height else line_height) or 1.0
            if overlap >= 0.5 * height:
                grouped[i].append(word)
                bounds[i] = (
                    w_top if w_top < top else top,
                    w_bottom if w_bottom > bottom else bottom,
                )
                placed = True
                break
        if not placed:
            grouped.append([word])
            bounds.append((w_top, w_bottom))
    for line in grouped:
        line.sort(key=lambda w: w.x0)
    order = sorted(range(len(grouped)), key=lambda i: bounds[i][0])
    return [grouped[i] for i in order]


def plain_make_line(words: Sequence[Word], page: int, column: int = 0) -> TextLine:
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
        text=plain_clean_text(" ".join(parts)),
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
        cells=tuple(c for c in (plain_clean_text(c) for c in cells) if c),
    )


def plain_aligned_share(narrow: list[list[Word]], other: list[list[Word]]) -> float:
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


def plain_has_heading(lines_of: list[list[Word]], rules: Any) -> bool:
    short = (" ".join(w.text for w in line) for line in lines_of if len(line) <= 4)
    return any(canonical_heading(text, rules) for text in short)


_BLANK_RUN = re.compile(b"\x00+")


def plain_gutter_run(
    words: Sequence[Word],
    page_width: float,
    rules: Any,
    *,
    min_lines: int = 3,
    min_span: float = 0.3,
) -> tuple[float, float] | None:
    """The search as it was: every candidate paints its words' columns again."""
    if len(words) < 2 * min_lines:
        return None
    width = int(page_width) + 2
    covered = bytearray(width + 1)
    for w in words:
        a, b = max(int(w.x0), 0), min(int(w.x1) + 1, width)
        covered[a:b] = b"\x01" * (b - a)
    scan_from = max(0, int(min(w.x0 for w in words)) + 1)
    scan = covered[scan_from : min(width, int(max(w.x1 for w in words)))]
    runs = [
        (scan_from + m.start(), scan_from + m.end())
        for m in _BLANK_RUN.finditer(scan)
        if m.end() < len(scan)
    ]
    height = max(max(w.bottom for w in words) - min(w.top for w in words), 1.0)
    best: tuple[float, float] | None = None
    for a, b in runs:
        if b - a < layout.GUTTER_MIN_WIDTH:
            continue
        middle = (a + b) / 2
        left = [w for w in words if w.x1 <= middle]
        right = [w for w in words if w.x0 >= middle]
        if len(left) < min_lines or len(right) < min_lines:
            continue
        spans = [
            (max(w.bottom for w in side) - min(w.top for w in side)) / height
            for side in (left, right)
        ]
        if min(spans) < min_span:
            continue
        left_lines, right_lines = plain_group_lines(left), plain_group_lines(right)
        if len(left_lines) < min_lines or len(right_lines) < min_lines:
            continue
        narrow, other = sorted((left_lines, right_lines), key=len)
        if plain_aligned_share(narrow, other) >= layout.ALIGNED_SHARE and not (
            plain_has_heading(narrow, rules)
        ):
            continue
        if best is None or b - a > best[1]:
            best = (middle, b - a)
    return best


def _random_words(rng: random.Random, count: int) -> list[Word]:
    fonts = ["ABCDEF+Lato-Bold", "Lato-Light", "Lato-Regular", "Roboto,Bold", "Roboto"]
    words = []
    for _ in range(count):
        # From x = -1.5: a word wholly left of the page (x1 <= -2) shrank the plain way's
        # array (a negative slice end); it covers no column now, and cannot be seen anyway.
        x0 = rng.choice([rng.uniform(-1.5, 600), float(rng.randrange(0, 600, 40))])
        # Tops 5 pt apart and 10 pt heights: words overlapping a line by exactly half.
        top = rng.choice([rng.uniform(0, 800), float(rng.randrange(0, 800, 5))])
        size = rng.choice([6.0, 9.95, 10.0, 10.04, 11.0, 14.0, 0.5, 0.0, -0.0])
        words.append(
            Word(
                text=rng.choice(
                    ["Python", "at", "Acme", "2019", "ﬁne", "a\tb", "\u00ad-", "\ue000"]
                ),
                x0=x0,
                x1=x0 + rng.choice([0.0, 1.0, 20.0, 60.0]),
                top=top,
                bottom=top + rng.choice([size, 0.8 * size, 10.0, 0.0]),
                size=size,
                font=rng.choice(fonts),
                color=(0.0,),
            )
        )
    return words


def test_clean_text_is_the_plain_cleaning() -> None:
    rng = random.Random(7)
    alphabet = "aZ9 -\t\n\x00\x07\x7f\x85\x9f\xa0\xad\u2010\u2212\u200b\u202a\ue000\ufb01é€"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert lines.clean_text(text) == plain_clean_text(text), repr(text)


def test_group_lines_and_make_line_are_the_plain_ones() -> None:
    rng = random.Random(11)
    for _ in range(300):
        words = _random_words(rng, rng.randint(0, 40))
        grouped = layout.group_lines(words)
        assert grouped == plain_group_lines(words)
        for line in grouped:
            # repr tells -0.0 from 0.0, which == does not (and JSON does).
            assert repr(layout.make_line(line, 2, 1)) == repr(plain_make_line(line, 2, 1))


def test_aligned_share_is_the_plain_share() -> None:
    rng = random.Random(3)
    for _ in range(500):
        # Lines on a half-point grid: many exactly 1.5 pt apart, the edge of "aligned".
        lines_of = [
            [_random_words(rng, 1)[0] for _ in range(rng.randint(1, 3))]
            for _ in range(rng.randint(0, 12))
        ]
        for line in lines_of:
            for word in line:
                word.top = rng.randrange(0, 40) / 2 + rng.choice([0.0, 0.1, 1e-9])
                word.bottom = word.top + rng.randrange(0, 30) / 2
        cut = rng.randint(0, len(lines_of))
        narrow, other = lines_of[:cut], lines_of[cut:]
        assert layout._aligned_share(narrow, other) == plain_aligned_share(narrow, other)


def test_gutter_search_from_each_line_is_the_plain_search() -> None:
    rules = shipped_rules().headings
    rng = random.Random(5)
    for _ in range(60):
        words = _random_words(rng, rng.randint(0, 60))
        # Two columns now and then: a left block and a right one, a blank strip between.
        if rng.random() < 0.5:
            words = [w for w in words if w.x1 <= 280 or w.x0 >= 330]
        page_lines = layout.group_lines(words)
        search = layout._GutterSearch(page_lines, 612.0)
        for index in range(len(page_lines)):
            below = [w for line in page_lines[index:] for w in line]
            for min_lines, min_span in ((3, 0.3), (2, 0.0)):
                assert search.widest(
                    index, rules, min_lines=min_lines, min_span=min_span
                ) == plain_gutter_run(below, 612.0, rules, min_lines=min_lines, min_span=min_span)


def test_corpus_reading_order_is_the_plain_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every call the corpus makes gives what the plain code gives."""
    paths = sorted((CORPUS / "resumes").glob("*.pdf"))
    if not paths:
        pytest.skip("shared corpus not available")
    rules = shipped_rules().headings
    calls = {"group_lines": 0, "make_line": 0, "widest": 0}
    group_lines, make_line, widest = (
        layout.group_lines,
        layout.make_line,
        layout._GutterSearch.widest,
    )

    def checked_group_lines(words: Sequence[Word]) -> list[list[Word]]:
        calls["group_lines"] += 1
        grouped = group_lines(words)
        assert grouped == plain_group_lines(words)
        return grouped

    def checked_make_line(words: Sequence[Word], page: int, column: int = 0) -> TextLine:
        calls["make_line"] += 1
        line = make_line(words, page, column)
        assert repr(line) == repr(plain_make_line(words, page, column))
        return line

    def checked_widest(search: Any, first: int, rules: Any, **options: Any) -> Any:
        calls["widest"] += 1
        found = widest(search, first, rules, **options)
        below = search.words[search.starts[first] :]
        assert found == plain_gutter_run(below, search.width - 2, rules, **options)
        return found

    for module in (layout, pdf):
        monkeypatch.setattr(module, "group_lines", checked_group_lines)
        monkeypatch.setattr(module, "make_line", checked_make_line)
    monkeypatch.setattr(layout._GutterSearch, "widest", checked_widest)
    for path in paths:
        read_document(Path(path), headings=rules)
    assert min(calls.values()) > 500  # about 600 searches, 1,900 lines when written


def test_a_nan_edge_fails_only_where_the_plain_search_read_it() -> None:
    """A NaN edge stops gutter_run as int() always stopped it, and only with words enough."""
    rules = shipped_rules().headings
    words = _random_words(random.Random(1), 8)
    words[3].x1 = float("nan")
    with pytest.raises(ValueError, match="NaN"):
        plain_gutter_run(words, 612.0, rules)
    with pytest.raises(ValueError, match="NaN"):
        layout.gutter_run(words, 612.0, rules)
    with pytest.raises(ValueError, match="NaN"):
        layout.order_page(words, 612.0, 1, rules)
    # Under six words no gutter is looked for, and no column read.
    assert plain_gutter_run(words[:5], 612.0, rules) is None
    assert layout._GutterSearch([words[:5]], 612.0).widest(0, rules) is None
    assert layout.order_page(words[:5], 612.0, 1, rules)[1] == 1
