"""Measured results in resume text: ``parse_metrics`` and the achievements built on it.

The grammar (regular expressions over the raw sentence; spans are then resolved longest- and
highest-priority-first so a span is read one way only):

``Q``  a quantity: ``1,000`` | ``1.5`` | ``12`` (not glued to a letter, "-", "." or "/" on its
       left, so "ResNet-50", "p95", "YOLOv5", "v2.1.0" and "2019-2023"'s second year are not
       quantities), an optional scale (``k``/``K``/``thousand``, ``M``/``MM``/``mn``/``million``,
       ``B``/``bn``/``billion``) and an optional ``+``.

============  =====================================================================  ==========
kind          forms                                                                   value
============  =====================================================================  ==========
money         ``$1.2M``, ``€300k``, ``USD 2 million``, ``40k dollars``               currency
                                                                                      units
percent       ``12%``, ``12 percent``, ``12 pp``, ``50 bps`` (=0.5), ``by half``      percent
              (=50), ``halved``, ``by a third``; an eval measure bounded by 1
              written as a fraction ("F1 of 0.92", "0.87 AUC") is read as 92 / 87
multiplier    ``3x``, ``10×`` (not ``3x3``), ``two-fold``, ``2.5-fold``, ``3 times     factor
              faster``, ``doubled``/``tripled``/``quadrupled``
rate          ``5k requests/s``, ``10k QPS``, ``1M events per day``, ``2M rows a     count per
              day`` (a rate noun, or ``/s`` and QPS/RPS/TPS on their own)             stated period
time          ``120 ms``, ``2 hours``, ``in 3 weeks``; years only after in/within/    seconds
              under ("5 years of experience" and "5+ years" are not results)
size          ``2 TB``, ``500GB`` (bytes, decimal), ``10M rows``, ``1B tokens``       bytes or items
count         ``1,000 users``, ``50+ models``, ``team of 8``, ``five engineers``,     items
              one lower-case word may sit between ("3 junior engineers")
============  =====================================================================  ==========

A change written ``[from] X to Y`` (also ``->``/``→``) of two quantities of one kind becomes one
metric whose text covers both and whose value is the relative change in percent
((Y - X) / X * 100, e.g. "from 800 ms to 120 ms" -> -85.0) for time, size, money, count and
rate; for percent and multiplier it is the new value. "from 800 to 120 ms" lends the unit of the
second quantity to the first.

Not metrics (masked before matching): phone numbers, ISO dates, date ranges and month-year
dates, GPAs ("3.5 GPA", "GPA: 3.8/4.0"), course codes ("CS 229", "CS229"), three-part version
numbers; a quantity right after a product/version word from language.json ("Python 3.10",
"Java 8", "Llama 2") is skipped, and bare numbers without a unit or noun are never metrics, so
years ("2021"), versions and model sizes ("7B") on their own do not count.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from analyzer.models import Achievement, Bullet, Metric
from analyzer.rules.language import LanguageLists

METRIC_KINDS = frozenset({"percent", "money", "multiplier", "count", "time", "size", "rate"})
"""Every kind parse_metrics can return ("rate" extends the contract's six)."""

ACHIEVEMENT_SECTIONS_EXCLUDED = frozenset({"contact", "skills"})
"""Sections whose bullets are never achievements (lists and contact lines)."""

PROSE_SECTIONS = ("experience", "projects", "summary")
"""Sections whose non-bullet sentences are searched for achievements too."""

_MASK = "\x00"

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a dozen": 12, "dozen": 12,
}  # fmt: skip

_SCALES = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "million": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9, "t": 1e12, "trillion": 1e12,
}  # fmt: skip

_BYTES = {
    "b": 1, "bytes": 1, "kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12, "pb": 1e15,
    "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40, "pib": 2**50,
}  # fmt: skip

_SECONDS = {
    "μs": 1e-6, "us": 1e-6, "microsecond": 1e-6, "microseconds": 1e-6,
    "ms": 1e-3, "msec": 1e-3, "millisecond": 1e-3, "milliseconds": 1e-3,
    "s": 1.0, "sec": 1.0, "secs": 1.0, "second": 1.0, "seconds": 1.0,
    "min": 60.0, "mins": 60.0, "minute": 60.0, "minutes": 60.0,
    "h": 3600.0, "hr": 3600.0, "hrs": 3600.0, "hour": 3600.0, "hours": 3600.0,
    "day": 86400.0, "days": 86400.0, "week": 604800.0, "weeks": 604800.0,
    "month": 2629800.0, "months": 2629800.0,
    "year": 31557600.0, "years": 31557600.0, "yr": 31557600.0, "yrs": 31557600.0,
}  # fmt: skip

_CURRENCY_SYMBOLS = "$€£¥₹"
_CURRENCY_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "INR", "JPY", "CHF", "US$")

# --------------------------------------------------------------------------- grammar pieces

_NUM = r"(?<![\w.\x00])(?<!\w-)(?<!\w/)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\.?\d)(?!,\d)"
_SCALE_ATTACHED = r"(?:k|K|MM|M|mn|bn|B|T)(?![\w])"
_SCALE_WORD = r"(?i:thousand|million|billion|trillion)\b"
_Q = (
    rf"(?P<num>{_NUM})(?:\s?(?P<scalew>{_SCALE_WORD})|(?P<scale>{_SCALE_ATTACHED}))?"
    r"(?P<plus>\+)?"
)
_WORDNUM = (
    r"(?i:\b(?P<word>a dozen|"
    + "|".join(sorted((w for w in _WORD_NUMBERS if w != "a dozen"), key=len, reverse=True))
    + r")\b)"
)
_TIME_UNITS = r"(?:μs|ms|msec|s|sec|secs|min|mins|h|hr|hrs|yr|yrs|(?i:microseconds?|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?|years?))"  # noqa: E501
_BYTE_UNITS = r"(?:[KMGTP]i?B|bytes|(?i:kb|mb|gb|tb|pb))"
_PERIOD = r"(?:second|sec|minute|min|hour|hr|day|week|month|year)"
_CUR_CODE = "|".join(re.escape(c) for c in _CURRENCY_CODES)

_PATTERNS: tuple[tuple[str, str], ...] = (
    # money
    ("money", rf"[{_CURRENCY_SYMBOLS}]\s?{_Q}"),
    ("money", rf"\b(?:{_CUR_CODE})\s?{_Q}"),
    ("money", rf"{_Q}\s?(?:{_CUR_CODE}|(?i:dollars|euros|pounds))\b"),
    # percent
    ("percent", rf"{_Q}\s?(?:%|(?i:percent|per cent|pct|percentage points?|pp)\b)"),
    ("bps", rf"{_Q}\s?(?i:basis points|bps)\b"),
    ("half", r"(?i:\bby (?:a |one )?(?P<frac>half|third|quarter)\b|\b(?P<halved>halved)\b)"),
    # multiplier
    ("multiplier", rf"{_Q}\s?[x×X](?![\w×])"),
    ("multiplier", rf"(?:{_Q}|{_WORDNUM})[-\s]?(?i:fold)\b"),
    (
        "multiplier",
        rf"(?:{_Q}|{_WORDNUM})\s(?i:times)\s(?i:faster|more|higher|lower|less|fewer|better"
        r"|cheaper|smaller|larger|bigger|quicker|greater|the)\b",
    ),
    ("grew", r"(?i:\b(?P<verb>doubled|tripled|quadrupled)\b)"),
    # rate
    (
        "rate",
        rf"{_Q}\s?(?:(?P<noun>[A-Za-z][\w-]*)\s?)?(?:/\s?(?:s|sec|min|h|hr|d|{_PERIOD})\b"
        rf"|(?i:per|an?)\s{_PERIOD}\b|(?i:daily|hourly|monthly)\b)",
    ),
    ("rate", rf"{_Q}\s?(?:QPS|RPS|TPS|qps|rps|tps)\b"),
    # time and size
    (
        "time",
        rf"(?:(?P<prep>(?i:in|within|under|below|to|of|by|than|at|from))\s)?{_Q}\s?(?P<unit>{_TIME_UNITS})(?![\w-])",
    ),  # noqa: E501
    ("bytes", rf"{_Q}\s?(?P<unit>{_BYTE_UNITS})(?![\w])"),
    # counts and item sizes
    (
        "items",
        rf"(?:{_Q}|{_WORDNUM})\s(?:(?P<adj>[A-Za-z][\w-]{{1,20}})\s)?(?P<noun>[A-Za-z][\w-]*)",
    ),
    ("team", rf"(?i:\bteams? of)\s(?:{_Q}|{_WORDNUM})"),
    ("team", rf"(?:{_Q}|{_WORDNUM})-(?i:person|member|engineer)\s(?i:team)\b"),
    # model-quality measures written as fractions
    (
        "eval",
        r"(?P<name>EVAL)\s?(?i:score)?\s?(?:(?i:of|=|:|to|at|from)\s?)?(?P<frac>0?\.\d+|1\.0+)(?![\d%])",
    ),  # noqa: E501
    ("eval", r"(?<![\w.])(?P<frac>0?\.\d+|1\.0+)\s(?P<name>EVAL)"),
)

_MASKS = (
    r"\+\d[\d\s().-]{7,}\d",  # international phone numbers
    r"(?<![\w.])(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)",  # (555) 123-4567
    r"(?<!\d)(?:19|20)\d{2}-\d{2}(?:-\d{2})?(?!\d)",  # ISO dates
    r"(?<![\w.])(?:19|20)\d{2}\s?(?:[-–—]|to|until)\s?(?:(?:19|20)\d{2}|(?i:present|now|current|today))(?!\d)",  # noqa: E501
    r"(?i:\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?,?\s?(?:'\d{2}|\d{4}))"
    r"(?!\d)",
    r"(?<![\w.])\d{1,2}/(?:19|20)\d{2}(?!\d)",  # 05/2021
    r"(?i:\bc?gpa\b\s*(?:of|:|=|-)?\s*\d(?:\.\d+)?(?:\s*/\s*\d(?:\.\d+)?)?)",
    r"(?<![\w.])\d\.\d+\s*(?:/\s*\d(?:\.\d+)?)?\s*(?i:c?gpa\b)",
    r"(?<![\w.])\d\.\d+\s*/\s*4(?:\.0+)?(?![\d.])",  # 3.8/4.0 without the word GPA
    r"\b(?!(?:USD|EUR|GBP|CAD|AUD|INR|JPY|CHF|QPS|RPS|TPS|KB|MB|GB|TB|PB)\b)[A-Z]{2,5}\s?-?\d{2,4}[A-Z]?\b",  # noqa: E501
    r"(?<![\w.])v?\d+\.\d+\.\d+(?:[.-]\w+)?",  # 2.1.0 versions
    r"\b[Vv]\d+(?:\.\d+)*\b",
    r"\b24/7\b",
)

_CHANGE_JOIN = re.compile(r"\s*(?:to|->|→|⟶|down to|up to|into)\s*$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?i:\bfrom)\s*$")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    kind: str
    value: float
    rank: int
    base: float  # value in the unit used to compute from->to changes


_RANKS = {"money": 1, "percent": 2, "multiplier": 3, "rate": 4, "time": 5, "size": 6, "count": 7}


@lru_cache(maxsize=4)
def _compiled(
    lists: LanguageLists,
) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str]]:
    eval_names = "|".join(re.escape(n) for n in lists.eval_metrics)
    eval_re = r"(?i:(?<![\w-])(?:" + eval_names + r")(?![\w-]))"
    patterns = tuple(
        (kind, re.compile(pattern.replace("EVAL", eval_re))) for kind, pattern in _PATTERNS
    )
    masks = re.compile("|".join(f"(?:{m})" for m in _MASKS))
    return patterns, masks


def _quantity(match: re.Match[str]) -> float | None:
    """Return the scaled number of a ``Q`` or word-number group in ``match``."""
    groups = match.groupdict()
    if groups.get("num"):
        number = float(groups["num"].replace(",", ""))
        scale = groups.get("scale") or groups.get("scalew")
        if scale:
            number *= _SCALES[scale.lower()]
        return number
    if groups.get("word"):
        return float(_WORD_NUMBERS[groups["word"].lower()])
    return None


def _word_before(text: str, start: int) -> str:
    """Return the lower-cased word right before position ``start``."""
    found = re.search(r"([\w.#+-]+)\W*$", text[:start])
    return found.group(1).lower().rstrip(".-") if found else ""


_Interpreter = Callable[[re.Match[str], LanguageLists], _Candidate | None]
"""Reads one match of a pattern kind into a candidate metric, or None when it is not one."""


def _interpret(
    kind: str, match: re.Match[str], masked: str, lists: LanguageLists
) -> _Candidate | None:
    """Turn one regex match into a candidate metric, or None when it is not one."""
    if match.groupdict().get("num") and kind not in {"money"}:
        before = _word_before(masked, match.start("num"))
        if before in lists.not_after:
            return None  # "Python 3", "Java 8": a version, not a quantity
    interpret = _INTERPRETERS.get(kind)
    return interpret(match, lists) if interpret is not None else None


def _number(match: re.Match[str]) -> float:
    """Return the quantity of a pattern that always captures one."""
    number = _quantity(match)
    assert number is not None
    return number


def _as_is(metric: str, divisor: float = 1.0) -> _Interpreter:
    """Return the reading of a pattern whose quantity is the value (divided by ``divisor``)."""

    def interpret(match: re.Match[str], _lists: LanguageLists) -> _Candidate:
        value = _number(match) / divisor
        return _Candidate(*match.span(), metric, value, _RANKS[metric], value)

    return interpret


def _fraction(match: re.Match[str], _lists: LanguageLists) -> _Candidate:
    """Read "by half", "halved", "by a third" as a percent."""
    frac = (match.groupdict().get("frac") or "half").lower()
    value = {"half": 50.0, "third": 100 / 3, "quarter": 25.0}[frac]
    return _Candidate(*match.span(), "percent", round(value, 2), _RANKS["percent"], value)


def _grew(match: re.Match[str], _lists: LanguageLists) -> _Candidate:
    """Read "doubled", "tripled", "quadrupled" as a multiplier."""
    value = {"doubled": 2.0, "tripled": 3.0, "quadrupled": 4.0}[match.group("verb").lower()]
    return _Candidate(*match.span(), "multiplier", value, _RANKS["multiplier"], value)


def _rate(match: re.Match[str], lists: LanguageLists) -> _Candidate | None:
    """Read a rate; one with a noun needs a rate noun, one without needs "/s" or QPS-like."""
    number = _number(match)
    noun = (match.groupdict().get("noun") or "").lower()
    if noun and noun not in lists.rate_nouns:
        return None
    if not noun and re.search(r"(?i:\b(?:per|an?)\s|daily|hourly|monthly)", match.group(0)):
        return None  # "3 a day" says nothing without a noun
    return _Candidate(*match.span(), "rate", number, _RANKS["rate"], number)


def _duration(match: re.Match[str], _lists: LanguageLists) -> _Candidate | None:
    """Read a duration in seconds; tenure ("5+ years") and vague units are not results."""
    number = _number(match)
    groups = match.groupdict()
    unit = groups["unit"]
    unit_key = unit if unit in _SECONDS else unit.lower()
    if unit_key not in _SECONDS:
        return None
    prep = (groups.get("prep") or "").lower()
    if unit_key in {"year", "years", "yr", "yrs"}:
        # "5 years of experience", "5+ years": tenure, not a result.
        if groups.get("plus") or prep not in {"in", "within", "under", "to", "from"}:
            return None
    if unit_key in {"s", "h"}:
        glued = match.start("unit") == match.end("num")
        if not glued or (unit_key == "s" and number >= 10 and number % 10 == 0):
            return None  # "5 s"/"5 h" are too vague, "1990s"/"10s of" are not durations
    seconds = number * _SECONDS[unit_key]
    return _Candidate(match.start("num"), match.end(), "time", seconds, _RANKS["time"], seconds)


def _bytes(match: re.Match[str], _lists: LanguageLists) -> _Candidate | None:
    """Read a size in bytes (decimal units; a bare "b" is not one)."""
    number = _number(match)
    unit = match.group("unit").lower()
    if unit not in _BYTES or unit == "b":
        return None
    value = number * _BYTES[unit]
    return _Candidate(*match.span(), "size", value, _RANKS["size"], value)


def _items(match: re.Match[str], lists: LanguageLists) -> _Candidate | None:
    """Read a number of things: data items are a size, countable things (users, models) a count."""
    number = _number(match)
    start, end = match.span()
    noun = match.group("noun").lower()
    adj = (match.groupdict().get("adj") or "").lower()
    if adj and adj in {"of", "and", "to", "in", "at", "for", "or", "the", "a", "an", "per"}:
        return None
    item_kind = _item_kind(noun, number, lists)
    if item_kind is None and adj:
        # The regex took a noun for an adjective: "1,000 users daily".
        item_kind = _item_kind(adj, number, lists)
        end = match.end("adj")
    if item_kind is None:
        return None
    return _Candidate(start, end, item_kind, number, _RANKS[item_kind], number)


def _eval_score(match: re.Match[str], _lists: LanguageLists) -> _Candidate | None:
    """Read an eval measure written as a fraction ("F1 of 0.92") as a percent."""
    frac = float(match.group("frac"))
    if not 0 < frac <= 1:
        return None
    value = round(frac * 100, 4)
    return _Candidate(*match.span(), "percent", value, _RANKS["percent"], value)


_INTERPRETERS: dict[str, _Interpreter] = {
    "money": _as_is("money"),
    "percent": _as_is("percent"),
    "bps": _as_is("percent", divisor=100),
    "half": _fraction,
    "multiplier": _as_is("multiplier"),
    "grew": _grew,
    "rate": _rate,
    "time": _duration,
    "bytes": _bytes,
    "items": _items,
    "team": _as_is("count"),
    "eval": _eval_score,
}
"""How each pattern kind of ``_PATTERNS`` is read into a candidate metric."""


def _item_kind(noun: str, number: float, lists: LanguageLists) -> str | None:
    """Return "size" for data items, "count" for countable things, None otherwise."""
    if noun in lists.size_nouns and (noun not in lists.count_nouns or number >= 10_000):
        return "size"
    if noun in lists.count_nouns:
        return "count"
    return None


_BARE_FROM = re.compile(rf"(?i:\bfrom)\s+{_Q}\s*(?i:to|->|→)\s*$")
_Q_ALONE = re.compile(_Q)


def _bare_from(masked: str, target: _Candidate) -> tuple[int, float] | None:
    """For "from 800 to 120 ms" return where "from 800" starts and the old value in the
    unit of ``target`` (the bare number borrows the unit and scale of the second)."""
    found = _BARE_FROM.search(masked[: target.start])
    second = _Q_ALONE.search(masked, target.start, target.end)
    if not found or not second:
        return None
    old, new_number = _quantity(found), _quantity(second)
    new_raw = float(second.group("num").replace(",", ""))
    if old is None or not new_number or not new_raw:
        return None
    if found.group("scale") or found.group("scalew"):
        return found.start(), old * (target.base / new_number)  # own scale, borrowed unit
    return found.start(), old * (target.base / new_raw)


def _changes(cands: list[_Candidate], masked: str) -> list[_Candidate]:
    """Join "[from] X to Y" pairs of one kind into one change metric."""
    out: list[_Candidate] = []
    ordered = sorted(cands, key=lambda c: (c.start, -c.end))
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if second.start < first.end:
                continue
            if second.kind == first.kind and _CHANGE_JOIN.match(masked[first.end : second.start]):
                start = first.start
                from_match = _FROM_BEFORE.search(masked[: first.start])
                if from_match:
                    start = from_match.start()
                out.append(_change(start, second.end, first.kind, first.base, second))
            break
    for cand in ordered:
        if cand.kind in {"time", "size", "money", "count", "rate", "percent"}:
            bare = _bare_from(masked, cand)
            if bare is not None:
                out.append(_change(bare[0], cand.end, cand.kind, bare[1], cand))
    return out


def _change(start: int, end: int, kind: str, old: float, new: _Candidate) -> _Candidate:
    if kind in {"percent", "multiplier"} or old == 0:
        value = new.value
    else:
        value = round((new.base - old) / old * 100, 2)
    return _Candidate(start, end, kind, value, 0, new.base)


def _resolve(cands: Iterable[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates: changes first, then by kind priority, then longest."""
    chosen: list[_Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.rank, -(c.end - c.start), c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _mask(text: str, masks: re.Pattern[str]) -> str:
    """Blank out phone numbers, dates, GPAs, course codes and versions (same length)."""
    return masks.sub(lambda m: _MASK * len(m.group(0)), text)


def parse_metrics(text: str, lists: LanguageLists) -> tuple[Metric, ...]:
    """Return the measured results in ``text`` (see the module docstring for the grammar)."""
    if (
        not text
        or not any(ch.isdigit() for ch in text)
        and not re.search(r"(?i:half|third|quarter|fold|doubled|tripled|quadrupled|times)", text)
    ):
        return ()
    patterns, masks = _compiled(lists)
    masked = _mask(text, masks)
    cands: list[_Candidate] = []
    for kind, pattern in patterns:
        for match in pattern.finditer(masked):
            cand = _interpret(kind, match, masked, lists)
            if cand is not None and math.isfinite(cand.value):
                cands.append(cand)
    cands.extend(_changes(cands, masked))
    metrics = []
    for cand in _resolve(cands):
        snippet = text[cand.start : cand.end].strip()
        if snippet and math.isfinite(cand.value):
            metrics.append(Metric(kind=cand.kind, value=cand.value, text=snippet))
    return tuple(metrics)


_BARE_NUMBER = re.compile(_NUM)
_NUMBER_WORD = re.compile(
    r"(?i:\b(?:"
    + "|".join(sorted((w for w in _WORD_NUMBERS if w != "one"), key=len, reverse=True))
    + r")\b)"
)


def has_number(text: str, lists: LanguageLists, metrics: tuple[Metric, ...] | None = None) -> bool:
    """True when ``text`` holds a number of any kind that is not a date, phone or version.

    "A 1408 node supercomputer", "3 papers", "top 5" are numbers a reader weighs, even when
    no unit makes them a metric; years, dates, phone numbers, GPAs, course codes and versions
    ("Python 3", "ResNet-50", "2019 - 2023") are masked or skipped as in ``parse_metrics``;
    pass its result for ``text`` as ``metrics`` when you have it.
    """
    if _NUMBER_WORD.search(text):
        return True  # "over a hundred years ago", "a dozen models", "three papers"
    if not any(ch.isdigit() for ch in text):
        return False
    _patterns, masks = _compiled(lists)
    masked = _mask(text, masks)
    for match in _BARE_NUMBER.finditer(masked):
        value = float(match.group(0).replace(",", ""))
        if 1900 <= value <= 2100 and "." not in match.group(0):
            continue  # a year on its own
        if _word_before(masked, match.start()) in lists.not_after:
            continue  # "Python 3", "Java 8"
        return True
    return bool(parse_metrics(text, lists) if metrics is None else metrics)


def achievement_from(
    text: str, section: str, lists: LanguageLists, bullet: str | None = None
) -> Achievement | None:
    """Return an Achievement for a bullet or sentence carrying at least one metric."""
    metrics = parse_metrics(text, lists)
    if not metrics:
        return None
    return Achievement(text=text, section=section, metrics=metrics, bullet=bullet)


def achievements_from_bullets(
    bullets: Sequence[Bullet], lists: LanguageLists
) -> tuple[Achievement, ...]:
    """Return the achievements among ``bullets`` (contact and skills bullets are skipped)."""
    found = []
    for bullet in bullets:
        if bullet.section in ACHIEVEMENT_SECTIONS_EXCLUDED:
            continue
        achievement = achievement_from(bullet.text, bullet.section, lists, bullet.id)
        if achievement is not None:
            found.append(achievement)
    return tuple(found)
