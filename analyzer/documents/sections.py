"""Section headings: naming them (the headings rules, headings.json) and the segmentation.

A line is a heading when it is short and either names a known section and stands out (bigger,
bold, capitals, a gap before it, or the source marks it as a heading), or it is printed exactly
like the known headings of the same document (then it is an "other" section kept as printed).
Text before the first heading is the "contact" section with an empty heading.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from analyzer.documents.lines import TextLine, is_caps
from analyzer.glyphs import glyph_class
from analyzer.models import Line
from analyzer.rules.headings import HeadingRules

CANONICAL = (
    "contact",
    "summary",
    "experience",
    "education",
    "skills",
    "projects",
    "certifications",
    "publications",
    "awards",
    "other",
)
MAX_HEADING_WORDS = 6
MAX_HEADING_CHARS = 48
_BULLET_START = re.compile(rf"^\s*({glyph_class()}|\d{{1,2}}[.)])\s")
_EMAILISH = re.compile(r"@|https?://|www\.|\.com\b|\d{3}")


@lru_cache(maxsize=4)
def _synonyms(headings: HeadingRules) -> dict[str, str]:
    """Map each normalised heading of the rules to its section (built once per rules)."""
    table: dict[str, str] = {}
    for name, phrases in headings.sections.items():
        for phrase in phrases:
            table.setdefault(normalise_heading(phrase), name)
    return table


@lru_cache(maxsize=4)
def _keywords(headings: HeadingRules) -> dict[str, tuple[str, ...]]:
    """The keywords of the rules, normalised like headings (built once per rules)."""
    return {
        name: tuple(normalise_heading(term) for term in terms)
        for name, terms in headings.keywords.items()
    }


def _without_accents(text: str) -> str:
    # Headings are printed with or without their accents ("COMPETENCES", "Compétences").
    if text.isascii():
        return text  # nothing to decompose: most lines, and the cheapest test
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def join_letter_spacing(text: str) -> str:
    """Join a heading printed letter-spaced: "S K I L L S" -> "SKILLS", words kept apart.

    Words of a spaced heading are told apart by a wider gap (two spaces or more) when the
    extraction kept one; otherwise the letters make one word. Other text is returned as is.
    """
    tokens = text.split()
    if len(tokens) < 3 or any(len(t) != 1 for t in tokens):
        return text
    words = [w.replace(" ", "") for w in re.split(r"\s{2,}", text.strip())]
    return " ".join(words)


_NUMBERING = re.compile(r"^[\divxlc]+[.)]\s+")
_PUNCTUATION = re.compile(r"[^\w\s]")
_DIGITS = re.compile(r"\d+")


def normalise_heading(text: str) -> str:
    """Lower-case a heading, drop accents, spell '&' as 'and', drop punctuation and numbering."""
    text = text.strip()
    tokens = text.split()
    if len(tokens) >= 3 and all(len(t) == 1 for t in tokens):  # "S K I L L S"
        text = "".join(tokens)
    text = _without_accents(text).lower().replace("&", " and ").replace("+", " and ")
    text = _NUMBERING.sub("", text)  # "1. Experience", "iv) Skills"
    text = _PUNCTUATION.sub(" ", text)
    text = _DIGITS.sub(" ", text)
    return " ".join(text.split())


@lru_cache(maxsize=4096)
def canonical_heading(text: str, headings: HeadingRules) -> str | None:
    """Map a heading as printed to its canonical section name, or None when it is not one.

    Pure, so cached (a line is asked as itself and as its split-word variants): looks the
    normalised text up in the synonyms of the headings rules, then, for short headings, the
    first section keyword among its words ("Work Experience & Internships" -> experience).
    """
    key = normalise_heading(text)
    if not key:
        return None
    found = _synonyms(headings).get(key)
    if found is not None:
        return found
    words = key.split()
    if len(words) > MAX_HEADING_WORDS:
        return None
    keywords = _keywords(headings)
    best: tuple[int, str] | None = None
    for name, terms in keywords.items():
        for term in terms:
            if term in words:
                position = words.index(term)
                if best is None or position < best[0]:
                    best = (position, name)
    return best[1] if best else None


def rejoin_split_heading(text: str, headings: HeadingRules) -> str | None:
    """Return a heading split inside a word ("int erests", "E DUCATION") joined, when only the
    joined form names a known section; None otherwise.

    Templates that box or enlarge a heading's first letters print them as a separate piece,
    which text extraction reads as a word gap; the joined form must name a section, so body
    text is never glued.
    """
    tokens = text.split()
    if not 2 <= len(tokens) <= MAX_HEADING_WORDS or canonical_heading(text, headings):
        return None
    for i in range(len(tokens) - 1):
        joined = " ".join([*tokens[:i], tokens[i] + tokens[i + 1], *tokens[i + 2 :]])
        if canonical_heading(joined, headings) is not None:
            return joined
    return None


@dataclass
class SectionSpan:
    """A section found in the line list: its canonical name, heading and body line range."""

    name: str
    heading: str
    heading_line: int | None
    start: int
    end: int


def _short(text: str, marked: bool = False) -> bool:
    # A heading the source marks as one (a Word "Heading 2") may run longer.
    scale = 1.6 if marked else 1.0
    return (
        0 < len(text) <= MAX_HEADING_CHARS * scale
        and len(text.split()) <= MAX_HEADING_WORDS * scale
        and not text.rstrip().endswith((".", ",", ";"))
    )


def _as_text_lines(lines: Sequence[Line | TextLine]) -> list[TextLine]:
    result: list[TextLine] = []
    for line in lines:
        if isinstance(line, TextLine):
            result.append(line)
        else:
            result.append(
                TextLine(
                    text=line.text,
                    page=line.page,
                    x0=line.x0,
                    top=line.top,
                    size=line.size,
                    bold=line.bold,
                    column=line.column,
                    gap_before=line.gap_before,
                )
            )
    return result


@dataclass(frozen=True)
class _Typography:
    """The body text's size and line spacing: what a heading stands out from."""

    body_size: float
    """Median font size (0 when no line carries one)."""
    body_gap: float
    """Median gap before a line (0 when none is known)."""
    typed: bool
    """True when most lines carry a font size, so size is evidence (a DOCX may size only its
    title)."""

    @classmethod
    def of(cls, items: Sequence[TextLine]) -> _Typography:
        """Measure the body text of the lines."""
        sized = [line.size for line in items if line.size > 0]
        body_size = statistics.median(sized) if sized else 0.0
        gaps = [line.gap_before for line in items if line.gap_before > 0]
        body_gap = statistics.median(gaps) if gaps else 0.0
        return cls(body_size, body_gap, body_size > 0 and len(sized) * 2 > len(items))

    def marked(self, line: TextLine) -> bool:
        """True when the line's own type sets it apart: marked, caps, bold or larger."""
        if line.heading_hint or is_caps(line.text) or line.bold:
            return True
        return self.typed and line.size >= self.body_size + 1.0

    def stands_out(self, line: TextLine) -> bool:
        """True when the line looks set apart: marked, caps, bold, larger, spaced or "X:"."""
        if self.marked(line):
            return True
        if self.body_gap and line.gap_before >= 1.8 * self.body_gap:
            return True
        return not self.typed and line.text.rstrip().endswith(":")


def _could_be_heading(line: TextLine) -> bool:
    """True for a short line that is not a list item, a bullet or contact details."""
    return (
        _short(join_letter_spacing(line.text).rstrip(":"), line.heading_hint)
        and not line.list_item
        and not _BULLET_START.match(line.text)
        and not _EMAILISH.search(line.text)
    )


def _known_headings(
    items: Sequence[TextLine], typography: _Typography, rules: HeadingRules, joined: dict[int, str]
) -> dict[int, str]:
    """Return the lines naming a known section that also look like headings, by index.

    Headings read split inside a word are entered, joined, in ``joined``.
    """
    known: dict[int, str] = {}
    for i, line in enumerate(items):
        if not _could_be_heading(line):
            continue
        text = join_letter_spacing(line.text).rstrip(":")
        if text != line.text.rstrip(":"):
            joined[i] = text
        name = canonical_heading(text, rules)
        if name is None:
            rejoined = rejoin_split_heading(text, rules)
            if rejoined is not None:
                joined[i] = rejoined
                name = canonical_heading(rejoined, rules)
        if name is None:
            continue
        if not typography.typed and not line.heading_hint:
            # Plain text: a heading stands alone (blank line before, ALL CAPS, a colon).
            if (
                line.gap_before > 0
                or line.bold
                or is_caps(line.text)
                or line.text.endswith(":")
                or i == 0
            ):
                known[i] = name
        elif typography.stands_out(line):
            known[i] = name
    hinted = [i for i in known if items[i].heading_hint]
    if len(hinted) >= 2:
        # The source marks its headings (Word heading styles): a bold paragraph naming a
        # section ("Open Source" under Technical Experience) is an entry, not a heading.
        return {i: known[i] for i in hinted}
    marked = [i for i in known if typography.marked(items[i])]
    if typography.typed and len(marked) >= 2:
        # The document sets its headings apart in type: a line that has only a gap before it
        # (a chart legend "Education Project Experience") is body text.
        known = {i: known[i] for i in marked}
    return known


def _main_size_only(items: Sequence[TextLine], known: dict[int, str]) -> dict[int, str]:
    """Drop subheadings ("Community" under "Honors & Awards"), printed smaller than the
    column's section headings: keep only headings near the main heading size of their column
    (a sidebar may set its titles larger than the main column's)."""
    counts: dict[int, dict[float, int]] = {}
    for i in known:
        column = counts.setdefault(items[i].column, {})
        column[items[i].size] = column.get(items[i].size, 0) + 1
    # The main heading size is the one most headings use (the larger on a tie): a sidebar's
    # two bigger titles do not make the main column's six headings subheadings.
    overall: dict[float, int] = {}
    for sizes in counts.values():
        for size, count in sizes.items():
            overall[size] = overall.get(size, 0) + count
    main = max(overall, key=lambda size: (overall[size], size))
    # A column with three known headings or more sets its own size; fewer say too little.
    reference = {
        column: max(sizes, key=lambda size: (sizes[size], size))
        if sum(sizes.values()) >= 3
        else main
        for column, sizes in counts.items()
    }
    return {
        i: name for i, name in known.items() if items[i].size >= 0.85 * reference[items[i].column]
    }


def _with_other_headings(
    items: Sequence[TextLine], known: dict[int, str], typography: _Typography
) -> dict[int, str]:
    """Add the headings naming no known section ("other"): lines set in a known heading's
    style, and lines the reader marked as headings."""
    # A style counts in the column that uses it (same column, or the same left edge when the
    # reading order put a line elsewhere): an aside's titles set like the main column's
    # subheadings ("Full Time" in friggeri) make no headings there.
    styles = {items[i].style for i in known if typography.typed}
    placed = [(items[i].style, items[i].column, items[i].x0) for i in known if typography.typed]

    def in_place(line: TextLine) -> bool:
        return any(
            style == line.style and (column == line.column or abs(x0 - line.x0) <= 3.0)
            for style, column, x0 in placed
        )

    headings: dict[int, str] = dict(known)
    by_style: dict[tuple[object, ...], list[int]] = {}
    for i, line in enumerate(items):
        if i in headings or not _could_be_heading(line) or i == len(items) - 1:
            continue
        if line.style in styles and in_place(line) and any(c.isalpha() for c in line.text):
            by_style.setdefault(line.style, []).append(i)
    for style, found in by_style.items():
        if len(found) >= 2 and not _distinct_style(items, known, style, typography):
            # Headings set apart only by bold, in a document that also sets entry lines
            # ("Shopwise, San Francisco") in bold: the style does not tell a heading.
            continue
        headings.update((i, "other") for i in found)
    for i, line in enumerate(items):
        # A marked heading that names no section is "other"; the very first line is the name.
        if line.heading_hint and i not in headings and _could_be_heading(line) and i > 0:
            headings[i] = "other"
    return headings


def _distinct_style(
    items: Sequence[TextLine],
    known: dict[int, str],
    style: tuple[object, ...],
    typography: _Typography,
) -> bool:
    """True when headings of this style differ from body text by more than bold: caps,
    a larger size or another colour than most lines."""
    line = next(items[i] for i in known if items[i].style == style)
    if is_caps(line.text) or line.size >= typography.body_size + 1.0:
        return True
    colours = [tuple(round(c, 1) for c in item.color) for item in items]
    body_colour = max(set(colours), key=colours.count)
    return tuple(round(c, 1) for c in line.color) != body_colour


def _spans(
    items: Sequence[TextLine], headings: dict[int, str], joined: dict[int, str]
) -> list[SectionSpan]:
    """Cut the lines at the headings; the lines before the first heading are the contact part."""
    spans: list[SectionSpan] = []
    order = sorted(headings)
    first = order[0] if order else len(items)
    if first > 0:
        spans.append(SectionSpan("contact", "", None, 0, first))
    for n, i in enumerate(order):
        end = order[n + 1] if n + 1 < len(order) else len(items)
        heading = joined.get(i, items[i].text.rstrip(":").strip())
        spans.append(SectionSpan(headings[i], heading, i, i + 1, end))
    return spans


def find_sections(lines: Sequence[Line | TextLine], rules: HeadingRules) -> list[SectionSpan]:
    """Find the sections of a document given its lines in reading order."""
    items = _as_text_lines(lines)
    if not items:
        return []
    typography = _Typography.of(items)
    joined: dict[int, str] = {}
    known = _known_headings(items, typography, rules, joined)
    if typography.typed and known:
        known = _main_size_only(items, known)
    return _spans(items, _with_other_headings(items, known, typography), joined)


def split_sections(
    lines: Sequence[Line | TextLine], rules: HeadingRules
) -> list[tuple[str, str, list[int]]]:
    """Split lines into sections: (canonical name, heading as printed, body line indexes)."""
    return [
        (span.name, span.heading, list(range(span.start, span.end)))
        for span in find_sections(lines, rules)
    ]
