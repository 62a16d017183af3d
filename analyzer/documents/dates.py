"""Date ranges as resumes print them ("Jan 2020 – Present", "03/2021 - 05/2022", "Summer 2020").

The regular expressions only find where a range is; python-dateutil parses each end.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateutil import parser as date_parser

_FOREIGN_MONTHS = {
    # German, French, Spanish, Portuguese month names that English spells otherwise.
    "januar": 1, "jänner": 1, "janvier": 1, "enero": 1, "janeiro": 1,
    "februar": 2, "février": 2, "fevrier": 2, "febrero": 2, "fevereiro": 2,
    "märz": 3, "maerz": 3, "mars": 3, "marzo": 3, "março": 3,
    "avril": 4, "abril": 4,
    "mai": 5, "mayo": 5, "maio": 5,
    "juni": 6, "juin": 6, "junio": 6, "junho": 6,
    "juli": 7, "juillet": 7, "julio": 7, "julho": 7,
    "août": 8, "aout": 8, "agosto": 8,
    "septiembre": 9, "setembro": 9, "septembre": 9,
    "oktober": 10, "octobre": 10, "octubre": 10, "outubro": 10,
    "novembre": 11, "noviembre": 11, "novembro": 11,
    "dezember": 12, "décembre": 12, "decembre": 12, "diciembre": 12, "dezembro": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True))
    + r")\.?"
)
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19|20)\d{2}"
DATE = (
    rf"(?:(?:{_MONTH}|{_SEASON})\s*,?\s*{_YEAR}|\d{{1,2}}[/.]{_YEAR}|{_YEAR}[/.-]\d{{1,2}}(?!\d)"
    rf"|{_YEAR})"
)
ONGOING = (
    r"(?:present|current|currently|now|today|ongoing|to\s+date|date|heute|jetzt|aktuell"
    r"|actualidad|actual|presente|hoy|atual|atualmente|aujourd'hui|aujourd’hui|en\s+cours)"
)
_SEP = r"\s*(?:-|–|—|‒|−|~|to|until|till|bis|à|a|hasta|até)\s*"
RANGE = re.compile(rf"(?<![\w/.])({DATE}){_SEP}({DATE}|{ONGOING})(?![\w/])", re.IGNORECASE)
_MONTH_YEAR = rf"(?:{_MONTH}\s*,?\s*{_YEAR}|\d{{1,2}}[/.]{_YEAR})"
SPACED_RANGE = re.compile(
    rf"(?<![\w/.])({_MONTH_YEAR})\s+({_MONTH_YEAR}|{ONGOING})(?![\w/])", re.IGNORECASE
)
"""A range whose dash is drawn, not printed: "Sep. 2023 Mar. 2024" (awesome-cv)."""
SINGLE = re.compile(rf"(?<![\w/.])({DATE})(?![\w/])", re.IGNORECASE)
DANGLING_START = re.compile(rf"^\s*({DATE}){_SEP}(?=\S)", re.IGNORECASE)
"""A range start left open at the start of a line, its end printed on the next line."""
LEADING_END = re.compile(rf"^\s*({DATE}|{ONGOING})(?![\w/])\s*", re.IGNORECASE)
DURATION = re.compile(r"^\s*(?:\d+\s+(?:years?|yrs?|months?|mos?)\s*)+$", re.IGNORECASE)
_SEASON_MONTH = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_ONGOING_RE = re.compile(rf"^{ONGOING}$", re.IGNORECASE)


@dataclass(frozen=True)
class DateRange:
    """A date range found in a text."""

    text: str
    """The range as printed."""
    start: dt.date | None
    end: dt.date | None
    current: bool
    span: tuple[int, int]
    """Where it sits in the searched text."""


@lru_cache(maxsize=4096)
def parse_date(text: str) -> dt.date | None:
    """Parse one end of a range ("Sept. 2018", "03/2021", "Summer 2020", "2019") or None.

    Cached: dateutil is slow, and a resume prints the same few dates on many lines.
    """
    cleaned = text.strip().lower().rstrip(".")
    foreign = re.match(rf"^([^\W\d_]+)\.?\s*,?\s*({_YEAR})$", cleaned)
    if foreign and foreign.group(1) in _FOREIGN_MONTHS:
        return dt.date(int(foreign.group(2)), _FOREIGN_MONTHS[foreign.group(1)], 1)
    season = re.match(rf"^({_SEASON})\s*,?\s*({_YEAR})$", cleaned)
    if season:
        return dt.date(int(season.group(2)), _SEASON_MONTH[season.group(1)], 1)
    cleaned = re.sub(r"(?<=[a-z])\.", " ", cleaned)
    try:
        value = date_parser.parse(cleaned, default=dt.datetime(2000, 1, 1))
    except (ValueError, OverflowError, ArithmeticError):  # decimal.InvalidOperation too
        return None
    return value.date()


@lru_cache(maxsize=4096)
def find_date_range(text: str) -> DateRange | None:
    """Find the first date range (or single date) in a text and parse both ends.

    Cached: reading asks it of the same line several times (heading, entry, column tests).
    """
    if "19" not in text and "20" not in text:
        return None  # every date holds a year, and every year starts so: no regex needed
    match = RANGE.search(text) or SPACED_RANGE.search(text)
    if match:
        start_text, end_text = match.group(1), match.group(2)
        current = bool(_ONGOING_RE.match(end_text.strip()))
        return DateRange(
            text=match.group(0).strip(),
            start=parse_date(start_text),
            end=None if current else parse_date(end_text),
            current=current,
            span=match.span(),
        )
    single = SINGLE.search(text)
    if single:
        value = parse_date(single.group(1))
        return DateRange(single.group(0).strip(), value, value, False, single.span())
    return None


_ANY_DATE = re.compile(rf"(?<![\w/.])({DATE})(?![\w/])", re.IGNORECASE)
_BARE_YEAR = re.compile(rf"^\s*{_YEAR}\s*$")


def has_month(text: str) -> bool:
    """Tell whether one printed end of a range names a month or season, not a bare year."""
    return _BARE_YEAR.match(text) is None


def month_after(value: dt.date) -> dt.date:
    """Return the first day of the month after ``value``'s month."""
    return dt.date(value.year + value.month // 12, value.month % 12 + 1, 1)


@dataclass(frozen=True)
class PrintedDates:
    """What the dates a text prints say about the document's own date."""

    latest: dt.date | None
    """The end of the latest date printed other than the start of an ongoing range ("May 2024"
    ends on 1 June 2024, a bare "2023" on 1 January 2023); None when there is none."""
    ongoing_start: dt.date | None
    """The latest start of a range that runs to "present"; None when no range is ongoing."""

    @property
    def open_ended(self) -> bool:
        """True when the page cannot say how long its latest ongoing role has run.

        That is when no date printed ends after the role's start: the latest date is only the
        start of the role still held ("Mar 2022 - Present", nothing later).
        """
        if self.ongoing_start is None:
            return False
        return self.latest is None or self.latest <= self.ongoing_start


def printed_dates(text: str, today: dt.date | None = None) -> PrintedDates:
    """Read the dates a text prints: the latest one and the latest start of an ongoing range.

    A date after ``today``'s month (an expected graduation) is a plan, not the document's date,
    and is left out when ``today`` is given.
    """
    ongoing_starts = {
        match.start(1)
        for pattern in (RANGE, SPACED_RANGE)
        for match in pattern.finditer(text)
        if _ONGOING_RE.match(match.group(2).strip())
    }
    ongoing_starts.update(_split_ongoing_starts(text))
    limit = month_after(today) if today is not None else None
    latest: dt.date | None = None
    ongoing: dt.date | None = None
    for match in _ANY_DATE.finditer(text):
        printed = match.group(1)
        value = parse_date(printed)
        if value is None or (limit is not None and value >= limit):
            continue
        if match.start(1) in ongoing_starts:
            if ongoing is None or value > ongoing:
                ongoing = value
            continue
        if has_month(printed):
            value = month_after(value)
        if latest is None or value > latest:
            latest = value
    return PrintedDates(latest=latest, ongoing_start=ongoing)


_DASHED_START = re.compile(rf"^\s*({DATE})\s*[-–—‒−~](?!\s*\d)", re.IGNORECASE)


def _split_ongoing_starts(text: str) -> set[int]:
    """Where a range to "present" starts whose two ends sit on two lines of a date column.

    "June 2020 – MERN Stack Developer" above "Present Working on ..." (the dash printed after
    the start), or "Actual" printed above "01/2019 -" (the end above the start).
    """
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    starts = set()
    for index, line in enumerate(lines):
        dangling = _DASHED_START.match(line)
        if dangling is None:
            continue
        for neighbour in (index + 1, index - 1):
            if not 0 <= neighbour < len(lines):
                continue
            leading = LEADING_END.match(lines[neighbour])
            if leading and _ONGOING_RE.match(leading.group(1).strip()):
                starts.add(offsets[index] + dangling.start(1))
                break
    return starts
