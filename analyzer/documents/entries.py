"""Bullets and entries (role, organisation, dates) inside the sections of a resume.

Bullets are units: a glyph ("•", "-", "1." ...) or a list paragraph starts one, wrapped lines
join it. In experience and projects, a sentence-like line under an entry is a bullet too.
Header lines (bold, dated, short) before the bullets make the entry; several dated roles under
one organisation line stay separate entries of the same organisation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from analyzer.documents.dates import (
    DANGLING_START,
    DURATION,
    LEADING_END,
    DateRange,
    find_date_range,
)
from analyzer.documents.degrees import degree_level, names_internship
from analyzer.documents.lines import TextLine
from analyzer.glyphs import glyph_class
from analyzer.models import Bullet, Entry
from analyzer.rules.headings import HeadingRules

ENTRY_SECTIONS = ("experience", "projects", "education")
SENTENCE_SECTIONS = ("experience", "projects")
BULLET_GLYPH = re.compile(rf"^\s*(?:{glyph_class()}|\d{{1,2}}[.)](?=\s))\s*")
_PART_SEPARATORS = re.compile(r"\s+[|–—•·]\s+|\s+-\s+|\s*\|\s*|\t+|\s{3,}")
_TRAILING_LOCATION = re.compile(
    r",\s*([A-Z][\w.'\-]*(?:\s[A-Z][\w.'\-]*){0,2}),\s*([A-Z][\w.]+(?:\s[A-Z][\w.]+)?)$"
)
_DEGREE_TAIL = re.compile(
    r"^(?:specialization|specialisation|major|minor|concentration|with)\b", re.IGNORECASE
)
_TERMINAL = (".", "!", "?", ";")


def _has_words(text: str, vocabulary: frozenset[str]) -> int:
    tokens = re.findall(r"[\w.'&-]+", text.lower())
    return sum(1 for t in tokens if t in vocabulary or t.strip(".") in vocabulary)


def _has_degree_words(text: str, rules: HeadingRules) -> int:
    return _has_words(text, rules.degree_words) + ("high school" in text.lower())


@dataclass
class _Unit:
    """A bullet under construction."""

    text: str
    first: TextLine
    last: TextLine
    glyph: bool
    entry: int | None


@dataclass
class _Block:
    """Header lines of an entry under construction."""

    lines: list[str] = field(default_factory=list)
    dates: DateRange | None = None
    dates_text: str | None = None


@dataclass
class SectionContent:
    """Bullets and entries of the whole document, built section by section."""

    bullets: list[Bullet] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    words: frozenset[str] = frozenset()
    """The document's words, lower case: they tell a line-break hyphen from a hyphenated word."""


_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BROKEN = re.compile(r"([^\W\d_]+)-$")
_CONTINUED = re.compile(r"^([^\W\d_]+)")


def document_words(text: str) -> frozenset[str]:
    """Return the words of a text, lower case, hyphenated ones whole ("scikit-learn")."""
    return frozenset(_WORDS.findall(text.casefold()))


def _is_region(text: str, rules: HeadingRules) -> bool:
    """A state code (CA, NJ) or a country/region name from headings.json."""
    return bool(re.fullmatch(r"[A-Z]{2}", text)) or text.lower() in rules.regions


def is_location(text: str, rules: HeadingRules) -> bool:
    """Tell a place as resumes print it: "San Francisco, CA", "Mapo-gu, Seoul, S.Korea"."""
    text = text.strip().strip(",")
    if text.lower() in ("remote", "hybrid", "on-site", "onsite"):
        return True
    if "," not in text or not text[:1].isupper() or len(text.split()) > 7:
        return False
    if any(c.isdigit() for c in text) or "@" in text or text.count(",") > 2:
        return False
    if _has_words(text, rules.role_words) or _has_words(text, rules.organisation_words):
        return False
    return _is_region(text.rsplit(",", 1)[1].strip(), rules)


def _is_sentence(text: str) -> bool:
    words = text.split()
    return len(words) >= 8 or (len(words) >= 4 and text.rstrip().endswith(_TERMINAL))


def _is_header(line: TextLine, section: str, rules: HeadingRules) -> bool:
    text = line.text
    if find_date_range(text) is not None and len(text.split()) <= 16:
        return True
    if line.bold and not _is_sentence(text):
        return True
    if len(line.cells) > 1 and not _is_sentence(line.cells[0]):
        return True
    if text[:1].islower():
        return False
    words = text.split()
    if section == "education":
        return not _is_sentence(text) or bool(_has_degree_words(text, rules))
    return len(words) <= 7 and not text.rstrip().endswith(_TERMINAL)


def _strip_side_cells(line: TextLine, rules: HeadingRules) -> tuple[str, str | None]:
    """Split off right-hand cells printing a date range, a duration or a place."""
    if len(line.cells) < 2:
        return line.text, None
    kept = list(line.cells)
    side: list[str] = []
    while len(kept) > 1:
        tail = kept[-1]
        dated = find_date_range(tail)
        if (
            (dated and len(dated.text) >= len(tail) - 2)
            or DURATION.match(tail)
            or is_location(tail, rules)
        ):
            side.insert(0, kept.pop())
        else:
            break
    if not side:
        return line.text, None
    return " ".join(kept), " ".join(side)


def _join(previous: str, addition: str, words: frozenset[str] = frozenset()) -> str:
    """Join a wrapped line to the text before it, mending a word broken at a line-end hyphen.

    "rein-" + "forcement" is "reinforcement" when the document prints that word elsewhere,
    "scikit-" + "learn" stays "scikit-learn" when it prints the hyphenated form; with neither
    the word is kept as printed, hyphen and all.
    """
    broken = _BROKEN.search(previous)
    continued = _CONTINUED.match(addition)
    if broken and continued and addition[:1].islower():
        head, tail = broken.group(1), continued.group(1)
        hyphenated = f"{head}-{tail}".casefold()
        if hyphenated not in words and (head + tail).casefold() in words:
            return previous[:-1] + addition
        return previous + addition
    return f"{previous} {addition}".strip()


def _parts(block: _Block, rules: HeadingRules, places: list[str] | None = None) -> list[str]:
    """Split the header lines into parts, dates and places left out (places go to ``places``)."""
    parts: list[str] = []
    places = [] if places is None else places
    for line in block.lines:
        text = line
        if block.dates_text and block.dates_text in text:
            text = text.replace(block.dates_text, " ")
        for piece in _PART_SEPARATORS.split(text):
            piece = piece.strip(" ,;:|–—-•·")
            if not piece or DURATION.match(piece):
                continue
            if is_location(piece, rules):
                places.append(piece)
                continue
            location = _TRAILING_LOCATION.search(piece)
            if location and _is_region(location.group(2), rules):
                places.append(piece[location.start() :].strip(" ,"))
                piece = piece[: location.start()].strip()
            parts += [p.strip() for p in piece.split(", ") if p.strip()]
    return parts


def _entry_from(
    block: _Block, section: str, previous: Entry | None, org_only: bool, rules: HeadingRules
) -> Entry:
    places: list[str] = []
    parts = _parts(block, rules, places)
    role: str | None = None
    organisation: str | None = None
    if section == "education":
        degree = [p for p in parts if _has_degree_words(p, rules)]
        schools = [p for p in parts if _has_words(p, rules.organisation_words)]
        role = degree[0] if degree else None
        organisation = schools[0] if schools else None
        rest = [p for p in parts if p not in (role, organisation) and not _DEGREE_TAIL.match(p)]
        if role is None and rest and organisation is not None:
            role = rest.pop(0)
        if organisation is None and rest:
            organisation = rest.pop(0)
        if role is None and organisation is None and parts:
            organisation = parts[0]
    else:
        roles = [p for p in parts if _has_words(p, rules.role_words)]
        orgs = [p for p in parts if p not in roles[:1]]
        if roles:
            role = roles[0]
            better = [p for p in orgs if _has_words(p, rules.organisation_words)]
            candidates = better or orgs
            organisation = candidates[0] if candidates else None
        elif parts:
            organisation = parts[0]
            if section != "projects" and len(parts) > 1:
                role = parts[1]
    if organisation is None and previous is not None and org_only:
        organisation = previous.organisation
    dates = block.dates
    return Entry(
        section=section,
        role=role,
        organisation=organisation,
        dates=dates.text if dates else None,
        start=dates.start if dates else None,
        end=dates.end if dates else None,
        current=dates.current if dates else False,
        location=places[0] if places else None,
        degree=degree_level(" | ".join(block.lines)) if section == "education" else None,
        internship=section == "experience" and names_internship(" ".join(block.lines)),
    )


def _merge_split_dates(lines: list[TextLine]) -> list[tuple[TextLine, str]]:
    """Give each line its text, re-joining a range split over two lines ("2021 –" / "Present")."""
    result: list[tuple[TextLine, str]] = [(line, line.text) for line in lines]
    for i in range(len(result) - 1):
        line, text = result[i]
        dangling = DANGLING_START.match(text)
        if not dangling or find_date_range(text[dangling.end() :]) is not None:
            continue
        nxt, next_text = result[i + 1]
        end = LEADING_END.match(next_text)
        if not end:
            continue
        joined = f"{dangling.group(0).strip()} {end.group(1)}"
        rest = text[dangling.end() :].strip()
        result[i] = (line, f"{rest}   {joined}")
        result[i + 1] = (nxt, next_text[end.end() :].strip())
    return result


def _date_position(
    lines: list[tuple[TextLine, str]], section: str, rules: HeadingRules
) -> str | None:
    """Learn where this section prints an entry's dates: on its "first" or "last" header line.

    Header lines are grouped into runs between bullets; a run of d dated entries is cut into d
    blocks of equal length and the dated line's place in them is counted. None when no run
    cuts evenly into blocks of two lines or more, or neither place wins.
    """
    votes = {"first": 0, "last": 0, "middle": 0}
    run: list[bool] = []
    unit: _Unit | None = None

    def close() -> None:
        # A run of d dated entries with no bullets between them: d blocks of equal length.
        dated = [i for i, has_date in enumerate(run) if has_date]
        if dated and len(run) > len(dated) and len(run) % len(dated) == 0:
            size = len(run) // len(dated)
            if dated == list(range(0, len(run), size)):
                votes["first"] += len(dated)
            elif dated == list(range(size - 1, len(run), size)):
                votes["last"] += len(dated)
            else:
                votes["middle"] += 1
        run.clear()

    for line, text in lines:
        if not text:
            continue
        if line.list_item or BULLET_GLYPH.match(text):
            close()
            unit = _Unit(text, line, line, True, None)
            continue
        if unit is not None and _continues(unit, line, text):
            unit.last = line
            continue
        unit = None
        probe = TextLine(**{**line.__dict__, "text": text})
        if _is_header(probe, section, rules):
            run.append(find_date_range(text) is not None)
        else:
            close()
    close()
    best = max(votes, key=votes.__getitem__)
    if votes[best] == 0 or best == "middle" or votes[best] <= sum(votes.values()) - votes[best]:
        return None
    return best


def _style(line: TextLine) -> tuple[str, bool, float]:
    return (line.font, line.bold, round(line.size, 1))


def _weak_starts(lines: list[tuple[TextLine, str]], section: str, rules: HeadingRules) -> set[int]:
    """Learn the document's entry-header type and return the lines that cannot open an entry.

    When the section prints its header lines in a type of their own (bold, italic, larger:
    seen on two lines or more), an undated line in the body type, not followed by a header
    line, is a lead-in ("Detailed achievements:") rather than a new entry.
    """
    weight: dict[tuple[str, bool, float], int] = {}
    for line, text in lines:
        letters = sum(map(str.isalpha, text))  # dot leaders are no body text
        weight[_style(line)] = weight.get(_style(line), 0) + letters
    if len(weight) < 2:
        return set()
    body = max(weight, key=weight.__getitem__)
    header = [
        i
        for i, (line, text) in enumerate(lines)
        if text
        and not line.list_item
        and not BULLET_GLYPH.match(text)
        and _is_header(TextLine(**{**line.__dict__, "text": text}), section, rules)
    ]
    typed = [i for i in header if _style(lines[i][0]) != body]
    if len(typed) < 2:
        return set()
    weak = set()
    for i in header:
        line, text = lines[i]
        if _style(line) != body or find_date_range(text) is not None:
            continue
        after = i + 1
        if after < len(lines) and after in header and _style(lines[after][0]) != body:
            continue
        if after < len(lines) and find_date_range(lines[after][1]) is not None:
            continue
        weak.add(i)
    return weak


def _opener_style(
    lines: list[tuple[TextLine, str]], section: str, rules: HeadingRules
) -> tuple[str, bool, float] | None:
    """Learn the type an entry's first header line is set in ("CORNELL UNIVERSITY" in bold).

    It is the type most runs of header lines open with (or lines right after a dated one), when
    that type opens two entries or more and is not the body type (the type of most letters
    outside the header lines; a section of header lines only, altacv's degrees, has none);
    None otherwise.
    """
    weight: dict[tuple[str, bool, float], int] = {}
    styles: set[tuple[str, bool, float]] = set()
    for line, text in lines:
        styles.add(_style(line))
        probe = TextLine(**{**line.__dict__, "text": text})
        if text and (
            line.list_item or BULLET_GLYPH.match(text) or not _is_header(probe, section, rules)
        ):
            weight[_style(line)] = weight.get(_style(line), 0) + sum(c.isalpha() for c in text)
    if len(styles) < 2:
        return None
    body = max(weight, key=weight.__getitem__) if weight else None
    openers: dict[tuple[str, bool, float], int] = {}
    in_run = after_date = False
    for line, text in lines:
        probe = TextLine(**{**line.__dict__, "text": text})
        header = bool(text) and not line.list_item and not BULLET_GLYPH.match(text)
        if header and _is_header(probe, section, rules):
            # A run opens an entry, and so does a line right after a dated one.
            if not in_run or after_date:
                openers[_style(line)] = openers.get(_style(line), 0) + 1
            in_run = True
            after_date = find_date_range(text) is not None
        else:
            in_run = after_date = False
    if body is not None:
        openers.pop(body, None)
    if not openers:
        return None
    best = max(openers, key=openers.__getitem__)
    return best if openers[best] >= 2 and line_font_known(best) else None


def line_font_known(style: tuple[str, bool, float]) -> bool:
    """Tell whether a style carries real type (a font or a size), not a plain-text line's."""
    return bool(style[0]) or style[2] > 0


def parse_section(
    section: str,
    lines: Sequence[TextLine],
    content: SectionContent,
    rules: HeadingRules,
) -> None:
    """Add the bullets (and entries, for entry sections) of one section to ``content``."""
    units: list[_Unit] = []
    block = _Block()
    block_org_only = False
    last_org_only = False
    current: int | None = None
    with_entries = section in ENTRY_SECTIONS
    sentences = section in SENTENCE_SECTIONS

    def flush_block() -> None:
        nonlocal block, current, last_org_only, block_org_only
        if not block.lines:
            return
        previous = content.entries[-1] if content.entries else None
        if previous is not None and previous.section != section:
            previous = None
        entry = _entry_from(block, section, previous, last_org_only, rules)
        content.entries.append(entry)
        current = len(content.entries) - 1
        last_org_only = block_org_only
        block = _Block()
        block_org_only = False

    open_unit: _Unit | None = None
    merged = _merge_split_dates(list(lines))
    dates_at = _date_position(merged, section, rules) if with_entries else None
    weak = _weak_starts(merged, section, rules) if with_entries else set()
    # Education entries without bullets run together; where the dates' place says nothing, the
    # type the entries open with ("CORNELL UNIVERSITY" in bold) cuts them.
    cut = section == "education" and dates_at is None
    opener = _opener_style(merged, section, rules) if cut else None
    for index, (line, text) in enumerate(merged):
        if not text:
            continue
        probe = TextLine(**{**line.__dict__, "text": text})
        text, side = _strip_side_cells(probe, rules) if with_entries else (text, None)
        glyph = BULLET_GLYPH.match(text)
        if line.list_item or glyph is not None:
            if with_entries and block.lines:
                flush_block()
            body = text[glyph.end() :] if glyph else text
            open_unit = _Unit(body.strip(), line, line, True, current if with_entries else None)
            units.append(open_unit)
            if side and with_entries and current is not None:
                _attach_side(content, current, side)
            continue
        if open_unit is not None and open_unit.glyph and _continues(open_unit, line, text):
            open_unit.text = _join(open_unit.text, text, content.words)
            open_unit.last = line
            continue
        dated = find_date_range(text) or (find_date_range(side) if side else None)
        # Where entries open on their dated line, an undated line after the bullets is no
        # entry of its own (a "Tags: ..." line under brilliantcv's bullets).
        stray = not block.lines and ((dates_at == "first" and dated is None) or index in weak)
        if with_entries and not stray and _is_header(probe, section, rules):
            if block.lines and (
                (block.dates is not None and dated is not None)
                or (section == "education" and _second_degree(block, text))
                or (block.dates is not None and opener is not None and _style(line) == opener)
                or (dates_at == "first" and dated is not None)
                or (dates_at == "last" and block.dates is not None)
            ):
                flush_block()
            in_text = find_date_range(text)
            if in_text is not None and block.dates is None:
                block.dates = in_text
                block.dates_text = in_text.text
            if not block.lines:
                block_org_only = in_text is None and not _has_words(text, rules.role_words)
            elif in_text is not None:
                block_org_only = False
            block.lines.append(text)
            if side:
                block.lines.append(side)
                if block.dates is None:
                    block.dates = find_date_range(side)
                    block.dates_text = block.dates.text if block.dates else None
            open_unit = None
            continue
        if open_unit is not None and _continues(open_unit, line, text):
            open_unit.text = _join(open_unit.text, text, content.words)
            open_unit.last = line
            continue
        if sentences:
            if block.lines:
                flush_block()
            open_unit = _Unit(text, line, line, False, current)
            units.append(open_unit)
            continue
        open_unit = None
    flush_block()
    for unit in units:
        if not unit.text:
            continue
        bullet_id = f"b{len(content.bullets)}"
        entry = unit.entry if with_entries else None
        content.bullets.append(Bullet(id=bullet_id, text=unit.text, section=section, entry=entry))
        if entry is not None:
            old = content.entries[entry]
            content.entries[entry] = Entry(
                **{**old.__dict__, "bullets": old.bullets + (bullet_id,)}
            )


def _second_degree(block: _Block, text: str) -> bool:
    """Tell whether a header line names another degree than the entry being built already does.

    An education entry holds one degree: another one opens the next entry even where no date
    cuts them ("1863-1865 M.Sc." under "since 1865 Ph.D.", dates mlcheck does not read). The
    same level named again ("Abschluss: Master of Science" under "M.Sc.") is a detail of it.
    """
    level = degree_level(text)
    held = {degree_level(line) for line in block.lines} - {None}
    return level is not None and bool(held) and level not in held


def _attach_side(content: SectionContent, index: int, side: str) -> None:
    entry = content.entries[index]
    if entry.dates is not None:
        return
    dated = find_date_range(side)
    if dated is None:
        return
    content.entries[index] = Entry(
        **{
            **entry.__dict__,
            "dates": dated.text,
            "start": dated.start,
            "end": dated.end,
            "current": dated.current,
        }
    )


def _continues(unit: _Unit, line: TextLine, text: str) -> bool:
    """Tell whether a line without a glyph continues the bullet before it."""
    if line.list_item or line.heading_hint:
        return False
    if unit.last.page == line.page and line.gap_before > max(4.0, 0.8 * (line.size or 10.0)):
        return False
    if text[:1].islower():
        return True
    if unit.glyph:
        if line.x0 > 0 or unit.first.x0 > 0:
            return line.x0 >= unit.first.x0 + 2.0
        return False
    # Paragraph bullets: the line above ran to the column's right edge (it wrapped).
    last = unit.last
    terminal = unit.text.rstrip().endswith(_TERMINAL)
    if last.column_right and last.x1:
        width = max(last.column_right - last.x0, 1.0)
        wrapped = last.x1 >= last.column_right - 0.12 * width
        return wrapped and line.x0 >= unit.first.x0 - 3.0
    return not terminal
