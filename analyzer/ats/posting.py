"""Read a job posting: its title, required vs preferred skills, keywords, years and degree.

A posting is split into lines; headings (``skills_taxonomy/posting.json``) switch between
parts: *required* (Requirements, Qualifications, What you'll need, Must have...),
*preferred* (Nice to have, Preferred, Bonus, Pluses...), *responsibilities*, *body* and
*ignore* (Benefits, EEO). Skills are found with the same matcher as the resume. A skill counts
as preferred when it is named only in the preferred part or only in sentences that say
"preferred", "a plus", "nice to have", "bonus"...; everything else is required. When one
sentence carries both a required and a preferred marker ("Python required, Spark a plus") it
is judged clause by clause.

Skills named as alternatives in one sentence form an any-of group, one requirement met by any
member: "PyTorch or TensorFlow", "PyTorch/TensorFlow", "Python, Java or Scala", "AWS (S3,
SageMaker or EC2)", and lists after a lead-in ("such as A, B, C", "one of A, B"). When the
posting also asks a member on its own, at least as strongly, that ask decides and the group is
dropped ("Python or R" beside "strong Python": Python is required, R is not); a weaker lone ask
is absorbed into the group.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.ats.interface import AtsResources
from analyzer.ats.rules import posting_rules
from analyzer.documents.limits import read_limited
from analyzer.documents.lines import strip_invisible
from analyzer.documents.text import decode_text, looks_binary
from analyzer.errors import InputError
from analyzer.models import JobPosting
from analyzer.settings import Limits

log = logging.getLogger(__name__)

PART_ORDER = ("preferred", "ignore", "required", "responsibilities", "company")
"""Order in which heading kinds are tried: the most specific first."""

SKILL_PARTS = ("title", "required", "responsibilities", "body", "preferred", "company")
"""Parts whose skills count; "ignore" and "meta" lines do not."""

KEYWORD_PARTS = ("required", "preferred", "responsibilities")
"""Parts whose words make the salient keywords: not the company blurb, benefits or meta lines."""

MATCH_SECTION = {"required": "skills", "preferred": "skills"}
"""Section name given to the matcher per part: requirement lists read like skills lists."""

DEGREE_RANK = {"associate": 0, "bachelor": 1, "master": 2, "phd": 3}
"""Degree levels from lowest to highest."""

_BULLET = re.compile(r"^\s*(?:[-*+•·▪◦●○–—>]|\d{1,2}[.)])\s+")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
_EMPHASIS = re.compile(r"(\*\*|__|`)")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(\"'])")
_CLAUSE = re.compile(r"[,;]\s*|\s+-\s+|\s+(?:but|while|whereas)\s+")
_KEY_VALUE = re.compile(r"^[A-Za-z][\w ]{0,30}:\s+\S")
_TITLE_SPLIT = re.compile(r"\s+[-|·–—]\s+|\s*[(|·]\s*|:\s+|\s+at\s+")


@dataclass(frozen=True)
class PostingLine:
    """One line of a posting and the part it belongs to."""

    text: str
    """The line without bullet glyphs and markdown marks."""
    part: str
    """title, meta, required, preferred, responsibilities, company, body or ignore."""
    bullet: bool = False
    """True for an item of a bulleted or numbered list."""


# --------------------------------------------------------------------------- text in


def read_posting(
    path: str,
    resources: AtsResources,
    limits: Limits = Limits(),
    stdin_text: str | None = None,
) -> JobPosting:
    """Read a posting file (text, Markdown, PDF, DOCX; "-" for stdin) and analyse it."""
    text = posting_text(path, limits, stdin_text)
    return parse_posting(text, resources, path=path)


def posting_text(path: str, limits: Limits = Limits(), stdin_text: str | None = None) -> str:
    """Return a posting's text: stdin for "-", a PDF/DOCX through the reader, else the file."""
    if path == "-":
        text = stdin_text if stdin_text is not None else sys.stdin.read()
    else:
        # A pipe (--job <(...)) has no size and is no regular file: read it within --max-bytes.
        data = read_limited(path, limits.max_bytes)
        if Path(path).suffix.lower() in (".pdf", ".docx"):
            from analyzer.documents import read_document

            text = read_document(path, data=data, limits=limits).text
        else:
            text = _decode(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > limits.max_chars:
        log.warning("%s: posting cut to %d characters", path, limits.max_chars)
        text = text[: limits.max_chars]
    text = strip_invisible(text)
    if not text.strip():
        raise InputError(path, "the job posting is empty")
    return text


def _decode(path: str, data: bytes) -> str:
    """Decode a text posting as a text resume is decoded; refuse binary noise."""
    text, _ = decode_text(data)
    if looks_binary(text):
        raise InputError(path, "not a text, Markdown, PDF or DOCX job posting")
    return text


# --------------------------------------------------------------------------- analysis


def parse_posting(text: str, resources: AtsResources, path: str = "-") -> JobPosting:
    """Analyse a posting's text into a JobPosting."""
    lines = split_parts(text)
    title = find_title(lines, resources)
    required, preferred, counts, alternatives = _skills(lines, resources)
    required_sentences = list(_sentences_by_need(lines, preferred=False))
    degree, equivalent = degree_asked(required_sentences)
    skills = (*required, *preferred)
    return JobPosting(
        path=path,
        text=text,
        title=title,
        required_skills=required,
        preferred_skills=preferred,
        skill_counts=counts,
        keywords=salient_keywords(keyword_units(lines), resources, title=title, skills=skills),
        years_required=years_asked(required_sentences),
        degree_required=degree,
        degree_or_equivalent=equivalent,
        alternatives=alternatives,
    )


def normalize(text: str) -> str:
    """Lower-case, straighten quotes, drop markdown/bullets and outer punctuation."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = _MARKDOWN_HEADING.sub("", _BULLET.sub("", text))
    text = _EMPHASIS.sub("", text).strip().lower()
    text = text.strip(" \t:.!?-–—*#")
    return re.sub(r"\s+", " ", text)


def _contains_phrase(text: str, phrase: str) -> bool:
    """Whole-word containment of a phrase in normalized text."""
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text) is not None


def heading_part(line: str) -> str | None:
    """Return the part a heading line starts (or None when the line is not a heading)."""
    rules = posting_rules()["headings"]
    markdown = _MARKDOWN_HEADING.match(line) is not None
    stripped = _EMPHASIS.sub("", line).strip()
    colon = stripped.endswith(":")
    norm = normalize(line)
    if not norm:
        return None
    for part in PART_ORDER:
        if norm in rules[part] and len(norm.split()) <= 6:
            return part
    if not (markdown or colon) or len(norm.split()) > 14:
        return None
    for part in PART_ORDER:
        if any(_contains_phrase(norm, phrase) for phrase in rules[part]):
            return part
    return "body" if markdown else None


def logical_lines(text: str) -> list[tuple[str, bool, bool]]:
    """Join hard-wrapped lines; return (line, is_bullet, follows_blank) triples."""
    out: list[tuple[str, bool, bool]] = []
    blank = True
    raws = text.split("\n")
    # A hard-wrapped text (lines cut near one width) continues a sentence on a new line even
    # before a capital ("As a Machine / Learning Engineer"); unwrapped text does not.
    width = max((len(r.rstrip()) for r in raws), default=0)
    wrap_at = 0.7 * width if width <= 110 else float("inf")
    for raw in raws:
        if not raw.strip():
            blank = True
            continue
        bullet = _BULLET.match(raw) is not None
        stripped = raw.strip()
        keyed = _KEY_VALUE.match(stripped) is not None
        if out and not blank and not bullet and not keyed and heading_part(raw) is None:
            prev, prev_bullet, prev_blank = out[-1]
            wrapped = stripped[0].islower() or stripped[0] in "(&" or len(prev) >= wrap_at
            if (
                wrapped
                and not prev.rstrip().endswith((".", "!", "?", ":"))
                and (heading_part(prev) is None)
            ):
                out[-1] = (f"{prev.rstrip()} {stripped}", prev_bullet, prev_blank)
                continue
        out.append((raw, bullet, blank))
        blank = False
    return out


def split_parts(text: str) -> tuple[PostingLine, ...]:
    """Split a posting into lines, each labelled with the part it belongs to."""
    rules = posting_rules()
    title_prefixes = set(rules["title_prefixes"])
    meta_prefixes = set(rules["meta_prefixes"])
    part = "body"
    part_has_bullets = False
    out: list[PostingLine] = []
    title_seen = False
    for raw, bullet, follows_blank in logical_lines(text):
        clean = _EMPHASIS.sub("", _MARKDOWN_HEADING.sub("", _BULLET.sub("", raw))).strip()
        prefix, colon, rest = clean.partition(":")
        key = normalize(prefix)
        rest = rest.strip()
        if colon and rest and len(key.split()) <= 3:
            if key in title_prefixes and not title_seen:
                out.append(PostingLine(rest, "title"))
                title_seen = True
                continue
            if key in meta_prefixes:
                out.append(PostingLine(rest, "meta"))
                continue
            inline = heading_part(prefix + ":")
            if inline is not None and len(key.split()) <= 5:
                part, part_has_bullets = inline, False
                out.append(PostingLine(rest, part))
                continue
        heading = heading_part(raw)
        if heading is not None:
            part, part_has_bullets = heading, False
            if heading == "body":  # an unknown markdown heading may be the job title
                out.append(PostingLine(clean, part))
            continue
        # Prose after a bulleted list and a blank line has left the list's part.
        if part_has_bullets and follows_blank and not bullet:
            part, part_has_bullets = "body", False
        # A paragraph opening like an ignored heading ("We offer ...", "Equal opportunity
        # employer ...") is that part even without a heading.
        if follows_blank and not bullet and _opens_with(clean, rules["headings"]["ignore"]):
            part, part_has_bullets = "ignore", False
        part_has_bullets = part_has_bullets or bullet
        if clean:  # an empty bullet ("- ") is no line: it would become an empty title
            out.append(PostingLine(clean, part, bullet))
    return tuple(out)


def _opens_with(text: str, phrases: Iterable[str]) -> bool:
    norm = normalize(text)
    return any(norm == p or norm.startswith(p + " ") for p in phrases)


def sentences(text: str) -> list[str]:
    """Split a line into sentences on end punctuation."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _has_marker(text: str, markers: Iterable[str]) -> bool:
    norm = normalize(text)
    return any(_contains_phrase(norm, m) for m in markers)


Clauses = tuple[tuple[str, bool], ...]
"""A sentence's (clause, preferred) parts; one part when the sentence is not mixed."""


def judged_sentences(lines: Iterable[PostingLine]) -> Iterator[tuple[str, str, Clauses]]:
    """Yield (sentence, part, clauses): each clause marked preferred or not."""
    rules = posting_rules()
    pref, need = rules["preferred_markers"], rules["required_markers"]
    for line in lines:
        if line.part not in SKILL_PARTS:
            continue
        for sentence in sentences(line.text):
            if line.part == "preferred":
                yield sentence, line.part, ((sentence, True),)
            elif not _has_marker(sentence, pref):
                yield sentence, line.part, ((sentence, False),)
            elif not _has_marker(sentence, need):
                yield sentence, line.part, ((sentence, True),)
            else:
                clauses = tuple(
                    (c.strip(), _has_marker(c, pref)) for c in _CLAUSE.split(sentence) if c.strip()
                )
                yield sentence, line.part, clauses


def judged_units(lines: Iterable[PostingLine]) -> Iterator[tuple[str, str, bool]]:
    """Yield (text, part, preferred) units: sentences, or clauses of mixed sentences."""
    for _sentence, part, clauses in judged_sentences(lines):
        for clause, preferred in clauses:
            yield clause, part, preferred


def _clause_of(skill: str, clauses: Clauses, resources: AtsResources) -> bool:
    """Return whether the clause naming this skill is preferred (required when unsure)."""
    if len(clauses) == 1:
        return clauses[0][1]
    definition = resources.taxonomy.skill(skill)
    names = (skill, *(definition.aliases if definition else ()))
    for clause, preferred in clauses:
        if any(_contains_phrase(clause.lower(), n.lower()) for n in names):
            return preferred
    return False


def _sentences_by_need(lines: Iterable[PostingLine], preferred: bool) -> Iterator[str]:
    for text, _part, is_preferred in judged_units(lines):
        if is_preferred == preferred:
            yield text


Group = tuple[str, ...]
"""An any-of group: casefolded canonical skills in the order the posting names them."""


def _skills(
    lines: tuple[PostingLine, ...], resources: AtsResources
) -> tuple[
    tuple[str, ...], tuple[str, ...], tuple[tuple[str, int], ...], tuple[tuple[str, ...], ...]
]:
    """Return (required, preferred, counts, any-of groups) canonical skills, most named first."""
    counts: Counter[str] = Counter()
    required: set[str] = set()
    preferred: set[str] = set()
    display: dict[str, str] = {}
    groups: dict[Group, tuple[Group, bool]] = {}  # sorted keys -> (keys, preferred)
    for sentence, part, clauses in judged_sentences(lines):
        section = MATCH_SECTION.get(part, "summary")
        mentions = list(resources.skills.find_in_text(sentence, section))
        names = [m.skill for m in mentions]
        found = alternative_groups(sentence, names, resources)
        grouped = {i for group in found for i in group}
        for i, mention in enumerate(mentions):
            key = mention.skill.casefold()
            display.setdefault(key, mention.skill)
            counts[key] += 1
            if i not in grouped:
                is_preferred = _clause_of(mention.skill, clauses, resources)
                (preferred if is_preferred else required).add(key)
        for group in found:
            keys = tuple(dict.fromkeys(names[i].casefold() for i in group))
            is_preferred = all(_clause_of(names[i], clauses, resources) for i in group)
            ident = tuple(sorted(keys))
            if ident in groups:
                is_preferred = is_preferred and groups[ident][1]
                keys = groups[ident][0]
            groups[ident] = (keys, is_preferred)
    preferred -= required
    kept: list[tuple[Group, bool]] = []
    for keys, is_preferred in groups.values():
        # A member also asked on its own, at least as strongly: that ask decides.
        if any(k in required or (is_preferred and k in preferred) for k in keys):
            continue
        kept.append((keys, is_preferred))
    for keys, is_preferred in kept:
        if not is_preferred:
            preferred -= set(keys)  # a weaker lone ask is absorbed into the group
    required |= {k for keys, is_preferred in kept if not is_preferred for k in keys}
    preferred |= {k for keys, is_preferred in kept if is_preferred for k in keys}
    preferred -= required

    def ordered(keys: set[str]) -> tuple[str, ...]:
        return tuple(display[k] for k in sorted(keys, key=lambda k: (-counts[k], k)))

    count_pairs = tuple(
        (display[k], counts[k]) for k in sorted(counts, key=lambda k: (-counts[k], k))
    )
    alternatives = tuple(tuple(display[k] for k in keys) for keys, _preferred in kept)
    return ordered(required), ordered(preferred), count_pairs, alternatives


# --------------------------------------------------------------------------- any-of groups


_GAP_KINDS = (
    ("slash", re.compile(r"\s*/\s*")),
    ("or", re.compile(r"\s*,?\s*\(?\s*(?:or|and/or)\s+", re.IGNORECASE)),
    ("comma", re.compile(r"\s*,\s*")),
    ("and", re.compile(r"\s*,?\s*(?:and|&)\s+", re.IGNORECASE)),
)
_ODD_CHARS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00a0": " "})


@functools.cache
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word pattern for a skill's names with the matcher's variants (plural, version)."""
    bodies = []
    for name in sorted({n.strip() for n in names if n.strip()}, key=lambda n: (-len(n), n)):
        body = re.escape(name).replace(r"\-", r"[-\s]?").replace(r"\ ", r"\s+")
        bodies.append(body)
    return re.compile(
        rf"(?<!\w)(?:{'|'.join(bodies)})(?:e?s)?(?:v?\d+(?:\.\d+)*)?(?!\w)", re.IGNORECASE
    )


def mention_spans(
    text: str, skills: Sequence[str], resources: AtsResources
) -> list[tuple[int, int]] | None:
    """Return the character span of each skill mention, in order; None if one is not found.

    The matcher gives mentions in text order without offsets; each is looked up by its names
    from the end of the previous one.
    """
    cursor = 0
    spans: list[tuple[int, int]] = []
    for skill in skills:
        definition = resources.taxonomy.skill(skill)
        names = (skill, *(definition.aliases if definition else ()))
        found = _name_pattern(tuple(names)).search(text, cursor)
        if found is None:
            return None
        spans.append((found.start(), found.end()))
        cursor = found.end()
    return spans


def _gap_kind(gap: str) -> str:
    for kind, pattern in _GAP_KINDS:
        if pattern.fullmatch(gap):
            return kind
    return "break"


def _led_in(before: str) -> bool:
    """True when the text before a list ends with a lead-in ("such as", "one of", "e.g.")."""
    text = before.lower().replace("\u2019", "'").rstrip(" \t(:,")
    return any(
        re.search(rf"(?<![\w.]){re.escape(lead)}$", text)
        for lead in posting_rules()["alternatives"]["lead_ins"]
    )


def alternative_groups(
    sentence: str, skills: Sequence[str], resources: AtsResources
) -> list[tuple[int, ...]]:
    """Return the any-of groups among a sentence's skill mentions, as indexes into ``skills``.

    "A/B" binds first; then a run of names joined by commas and "or" is a group when its last
    joint is "or" ("A, B or C") or a lead-in precedes it ("such as A, B and C", where "and"
    also joins); otherwise only the names joined by "or" inside it are.
    """
    if len(skills) < 2:
        return []
    text = sentence.translate(_ODD_CHARS)
    spans = mention_spans(text, skills, resources)
    if spans is None:
        return []
    gaps = [_gap_kind(text[a[1] : b[0]]) for a, b in zip(spans, spans[1:], strict=False)]
    units: list[list[int]] = [[0]]
    joints: list[str] = []
    for i, kind in enumerate(gaps, start=1):
        if kind == "slash":
            units[-1].append(i)
        else:
            joints.append(kind)
            units.append([i])
    groups: list[tuple[int, ...]] = []

    def add(members: list[int]) -> None:
        if len({skills[i].casefold() for i in members}) > 1:
            groups.append(tuple(members))

    u = 0
    while u < len(units):
        first = units[u][0]
        before = text[spans[first - 1][1] if first else 0 : spans[first][0]]
        led = _led_in(before)
        run, kinds = [u], []
        while run[-1] < len(joints) and (
            joints[run[-1]] in ("comma", "or") or (led and joints[run[-1]] == "and")
        ):
            kinds.append(joints[run[-1]])
            run.append(run[-1] + 1)
        if len(run) > 1 and (led or kinds[-1] == "or"):
            add([i for v in run for i in units[v]])
        else:
            piece = list(units[run[0]])
            for kind, v in zip(kinds, run[1:], strict=True):
                if kind == "or":
                    piece.extend(units[v])
                else:
                    add(piece)
                    piece = list(units[v])
            add(piece)
        u = run[-1] + 1
    return groups


# --------------------------------------------------------------------------- title


def _title_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 10 or text.rstrip().endswith((".", "!", "?")):
        return False
    norm = normalize(text)
    return any(_contains_phrase(norm, w) for w in posting_rules()["title_words"])


def clean_title(text: str) -> str:
    """Cut a title line at separators ("Senior ML Engineer - Remote" -> "Senior ML Engineer")."""
    parts = [p.strip(" ,:-") for p in _TITLE_SPLIT.split(text) if p.strip(" ,:-")]
    for part in parts:
        if _title_like(part):
            return part
    return parts[0] if parts else text.strip()


def find_title(lines: tuple[PostingLine, ...], resources: AtsResources) -> str | None:
    """Find the job title: a "Job Title:" line, a title-like first line, or a role title."""
    for line in lines:
        if line.part == "title":
            return clean_title(line.text)
    head = [line for line in lines[:6] if line.part != "meta"]
    for line in head:
        if _title_like(line.text):
            return clean_title(line.text)
    text = "\n".join(line.text for line in lines)
    best: tuple[int, int, str] | None = None
    for role in resources.taxonomy.roles:
        for title in role.titles:
            found = re.search(rf"(?<![\w-]){re.escape(title)}(?![\w-])", text, re.IGNORECASE)
            if found:
                key = (found.start(), -len(title), found.group(0))
                best = key if best is None or key < best else best
    if best is not None:
        return best[2]
    if head and len(head[0].text.split()) <= 8 and not head[0].text.endswith("."):
        return clean_title(head[0].text)
    return None


# --------------------------------------------------------------------------- years, degree


def _number(token: str, words: dict[str, Any]) -> float | None:
    if token.isdigit():
        return float(token)
    value = words.get(token.lower())
    return float(value) if value is not None else None


def years_asked(units: Iterable[str]) -> float | None:
    """Return the years of experience asked: the largest lower bound among the asks."""
    rules = posting_rules()["years"]
    words: dict[str, Any] = rules["number_words"]
    number = r"(\d{1,2}|" + "|".join(sorted(words, key=len, reverse=True)) + r")"
    pattern = re.compile(
        rf"\b{number}\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*{number}\s*)?\+?\s*"
        r"(?:\(\s*\d+\s*\)\s*)?(?:years?|yrs?)\b['’]?\s*(\S*)",
        re.IGNORECASE,
    )
    follow = set(rules["follow_words"])
    asks: list[float] = []
    for unit in units:
        for match in pattern.finditer(unit):
            value = _number(match.group(1), words)
            nxt = match.group(3).lower().strip(".,;:()")
            if value is None or not 0 < value <= rules["max_years"]:
                continue
            if nxt in follow or "experience" in unit.lower():
                asks.append(value)
    return max(asks) if asks else None


def _degree_patterns() -> list[tuple[str, re.Pattern[str]]]:
    rules = posting_rules()["degrees"]
    reject = "|".join(rules["abbrev_reject_next"])
    out: list[tuple[str, re.Pattern[str]]] = []
    for level in ("bachelor", "master", "phd"):
        spec = rules[level]
        words = "|".join(spec["words"])
        out.append((level, re.compile(rf"(?<![\w.])(?:{words})(?![\w])", re.IGNORECASE)))
        abbrev = "|".join(spec["abbrev"])
        out.append(
            (
                level,
                re.compile(
                    rf"(?<![\w.])(?:{abbrev})\.?(?![\w])(?!\s+(?i:{reject})\b)",
                ),
            )
        )
    return out


def degree_asked(units: Iterable[str]) -> tuple[str | None, bool]:
    """Return (lowest degree asked, whether equivalent experience is accepted)."""
    equivalents = posting_rules()["degrees"]["equivalent"]
    patterns = _degree_patterns()
    levels: list[str] = []
    equivalent = False
    for unit in units:
        found = [level for level, pattern in patterns if pattern.search(unit)]
        if found:
            levels.extend(found)
            equivalent = equivalent or _has_marker(unit, equivalents)
    if not levels:
        return None, False
    return min(levels, key=DEGREE_RANK.__getitem__), equivalent


# --------------------------------------------------------------------------- keywords


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*")
_PHRASE_BREAK = re.compile(r"[,;:()\[\]/|.!?\u2022\u00b7]+\s*|\s+[-\u2013\u2014]\s+")
_WORD_SPLIT = re.compile(r"[\s/-]+")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_VERB_LEADS = frozenset({"and", "or", "to", "&"})
"""Words after which an action verb is a verb ("build and maintain", "to deploy")."""
_ADVERB = re.compile(r"[a-z]{3,}(?:ally|ively|ously|fully|ently|antly|edly|ably)$")
"""Adverbs by their ending ("incrementally"); "closely" is a stop word."""
_PARTICIPLE = re.compile(r"[a-z]{3,}[^e]ed$")
"""A past participle ("reported"): it may open a keyword, never end one."""
MAX_TERM_WORDS = 3
"""A keyword is one to three words (a hyphenated compound is one)."""

Term = tuple[str, ...]
"""A keyword's words, lower case, hyphenated compounds split: "experiment-tracking" and
"experiment tracking" are the same term."""


def term_key(text: str) -> Term:
    """Return the words of a term, lower case, with hyphens read as spaces."""
    return tuple(w for w in _WORD_SPLIT.split(text.lower().replace("\u2019", "'")) if w)


KeywordUnit = tuple[str, float, bool]
"""A sentence keywords are taken from, its weight, and whether it is a list item."""


def keyword_units(lines: Iterable[PostingLine]) -> tuple[KeywordUnit, ...]:
    """Return the (sentence, weight, list item) units keywords are taken from.

    Only the requirement, nice-to-have and responsibility parts speak about the job; the
    company blurb, benefits, location and title lines do not (they gave "zones" from "US/EU
    time zones"). Prose there (an "About the role" paragraph, which mixes the company and the
    role) weighs less than a list item. A posting without such parts falls back to its body.
    Sentences asking for a degree are left out ("a quantitative field").
    """
    rules = posting_rules()["keywords"]
    lines = list(lines)
    chosen = [line for line in lines if line.part in KEYWORD_PARTS]
    prose = float(rules["prose_weight"])
    if not chosen:
        chosen, prose = [line for line in lines if line.part in ("body", "company")], 1.0
    units: list[KeywordUnit] = []
    for line in chosen:
        for sentence in sentences(line.text):
            if degree_asked([sentence])[0] is None:
                units.append((sentence, 1.0 if line.bullet else prose, line.bullet))
    return tuple(units)


@functools.cache
def _keyword_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Return (stop words, action-verb forms, generic unigrams) of keyword extraction."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
    from spacy.lang.en.stop_words import STOP_WORDS

    from analyzer.nlp.wordlists import load_language

    rules = posting_rules()["keywords"]
    stop = {w.lower() for w in (*ENGLISH_STOP_WORDS, *STOP_WORDS)}
    stop |= {w.lower() for w in (*rules["stop_words"], *rules["boilerplate"])}
    verbs = frozenset(load_language().verb_forms)
    return frozenset(stop), verbs, frozenset(rules["generic_unigrams"])


@functools.cache
def _background_df() -> dict[Term, int]:
    """Return in how many background postings each term of up to six words occurs.

    The background postings (``posting.json``, generic postings of other trades) give the
    IDF: a word every posting uses ("team", "customers", "remote") weighs little.
    """
    docs = posting_rules()["keywords"]["background"]
    counts: Counter[Term] = Counter()
    for doc in docs:
        words = term_key(" ".join(_WORD.findall(doc)))
        counts.update(
            {
                words[i : i + n]
                for n in range(1, MAX_TERM_WORDS * 2 + 1)
                for i in range(len(words) - n + 1)
            }
        )
    return dict(counts)


def idf(term: Term) -> float:
    """Return the term's IDF over the background postings (smoothed, as scikit-learn's)."""
    docs = len(posting_rules()["keywords"]["background"])
    return math.log((1 + docs) / (1 + _background_df().get(term, 0))) + 1.0


def candidate_terms(unit: str) -> list[tuple[Term, str]]:
    """Return (term, as written) for each run of 1-3 adjacent content words of a sentence.

    Runs break at punctuation, stop and boilerplate words, numbers, adverbs, and at an action
    verb opening the sentence or following "and"/"or"/"to" ("Build and maintain feature
    stores" gives "feature stores", not "build").
    """
    stop, verbs, _generic = _keyword_words()
    out: list[tuple[Term, str]] = []
    opening = True
    for chunk in _PHRASE_BREAK.split(_URL.sub(" ", unit.replace("\u2019", "'"))):
        run: list[str] = []
        previous = ""
        for word in _WORD.findall(chunk):
            low = word.lower()
            possessive = low.endswith("'s")
            if possessive:  # "the hospital's databases": the owner, not a phrase
                word, low = word[:-2], low[:-2]
            verb = low in verbs and (opening or previous in _VERB_LEADS)
            noise = len(low) < 2 or _ADVERB.match(low) is not None or _has_digit_noise(word)
            if low in stop or verb or noise:
                out.extend(_grams(run))
                run = []
                opening = opening and (low in stop or verb)
            else:
                run.append(word)
                opening = False
            if possessive:
                out.extend(_grams(run))
                run = []
            previous = low
        out.extend(_grams(run))
        opening = False
    return out


def _has_digit_noise(word: str) -> bool:
    """True for a word with digits that is not an upper-case code ("HL7" stays, "3k" goes)."""
    return any(c.isdigit() for c in word) and not any(c.isupper() for c in word)


def _grams(run: list[str]) -> list[tuple[Term, str]]:
    """Return the 1-3 word terms of a run of content words; none ends in a participle."""
    out = []
    for n in range(1, MAX_TERM_WORDS + 1):
        for i in range(len(run) - n + 1):
            if _PARTICIPLE.match(run[i + n - 1].lower()):
                continue
            written = " ".join(run[i : i + n])
            out.append((term_key(written), written))
    return out


def salient_keywords(
    text: str | Sequence[KeywordUnit],
    resources: AtsResources,
    title: str | None = None,
    limit: int | None = None,
    skills: Sequence[str] = (),
) -> tuple[str, ...]:
    """Return the posting's most salient terms that are not taxonomy skills.

    ``text`` is the posting's keyword text: a string (each line a list item of weight 1) or
    the units from ``keyword_units``. A term is a run of one to three content words; its
    salience is its sublinear weighted frequency times its IDF over the background postings of
    ``posting.json``. Kept, best first: terms that are not a skill or part of one (``skills``,
    the posting's skills, and the matcher), not boilerplate or a generic word alone, and not
    inside a better term or holding one ("clinical" over "clinical stakeholders"). The posting
    alone decides its keywords, so one posting gives every resume the same list (``screen``
    compares them); the resume is never the other document.
    """
    rules = posting_rules()["keywords"]
    limit = rules["top"] if limit is None else limit
    if isinstance(text, str):
        units: Sequence[KeywordUnit] = [
            (s, 1.0, True) for line in text.split("\n") for s in sentences(line)
        ]
    else:
        units = text
    joined = "\n".join(unit for unit, _weight, _item in units)
    _stop, verbs, generic = _keyword_words()
    frequency: dict[Term, float] = {}
    spellings: dict[Term, Counter[str]] = {}
    for unit, weight, _item in units:
        for term, written in candidate_terms(unit):
            frequency[term] = frequency.get(term, 0.0) + weight
            spellings.setdefault(term, Counter())[written.lower()] += 1
    proper = _proper_nouns(units)
    title_key = term_key(normalize(title or ""))
    skill_keys = [term_key(s) for s in skills]

    def eligible(term: Term) -> bool:
        if len(" ".join(term)) < rules["min_length"] or any(w in proper for w in term):
            return False
        if len(term) == 1 and (term[0] in generic or term[0] in verbs):
            return False
        return not _inside(term, title_key) and not any(_overlaps(term, k) for k in skill_keys)

    salience = {
        term: round((1 + math.log(f) if f >= 1 else f) * idf(term), 6)
        for term, f in frequency.items()
        if eligible(term)
    }
    # A shorter term seen only inside one longer term is represented by it ("decay" by
    # "performance decay"); one that also stands elsewhere keeps its own weight.
    for term in list(salience):
        for part in _sub_terms(term):
            if part in salience and frequency[part] <= frequency[term]:
                salience[part] = -1.0
    ranked = sorted(salience.items(), key=lambda tw: (-tw[1], -len(tw[0]), tw[0]))
    chosen: list[Term] = []
    shown: list[str] = []
    for term, weight in ranked:
        if len(chosen) >= limit or weight < 0:
            break
        if any(_overlaps(term, c) for c in chosen):
            continue
        written = min(spellings[term].items(), key=lambda sc: (-sc[1], sc[0]))[0]
        if _names_a_skill(written, joined, resources):
            continue
        chosen.append(term)
        shown.append(written)
    return tuple(shown)


def _sub_terms(term: Term) -> Iterator[Term]:
    for n in range(1, len(term)):
        for i in range(len(term) - n + 1):
            yield term[i : i + n]


def _inside(term: Term, other: Term) -> bool:
    """True when ``term``'s words appear in order, adjacent, in ``other`` (plurals aside)."""
    n = len(term)
    if not n or n > len(other):
        return False
    return any(
        all(_same_word(a, b) for a, b in zip(term, other[i : i + n], strict=True))
        for i in range(len(other) - n + 1)
    )


def _overlaps(a: Term, b: Term) -> bool:
    """True when one term is the other or inside it ("clinical", "clinical stakeholders")."""
    return _inside(a, b) or _inside(b, a)


def _names_a_skill(term: str, text: str, resources: AtsResources) -> bool:
    """True when the term, as written in the posting, is (part of) a taxonomy skill's name.

    The term is lower case while the matcher may need the written casing ("GCP", "Go"), and
    a bigram may cut a skill in half ("learning systems" from "machine learning systems"), so
    each written occurrence is matched with one word of context on either side.
    """
    words = [re.escape(w) for w in term.split()]
    pattern = re.compile(
        r"(?:\S+\s+)?(?<![\w-])" + r"[\s-]+".join(words) + r"(?![\w-])(?:\s+\S+)?",
        re.IGNORECASE,
    )
    windows = sorted({m.group(0) for m in pattern.finditer(text)})[:5] or [term]
    term_words = {w for w in _WORD_SPLIT.split(term) if w}
    for window in windows:
        for mention in resources.skills.find_in_text(window, "skills"):
            skill = resources.taxonomy.skill(mention.skill)
            names = (mention.skill, *(skill.aliases if skill else ()))
            if term_words & {w for n in names for w in _WORD_SPLIT.split(n.lower()) if w}:
                return True
    return False


def _same_word(a: str, b: str) -> bool:
    """True for a singular/plural pair ("model", "models")."""
    return a.rstrip("s") == b.rstrip("s")


def _proper_nouns(units: Iterable[KeywordUnit]) -> set[str]:
    """Words that only ever appear capitalised (not all-caps): companies, places, products.

    The first word of a list item is capitalised anyway and tells nothing ("Bid shading at
    scale"); a prose sentence opening with a name ("Northwind builds...") counts.
    """
    seen: dict[str, bool] = {}
    for unit, _weight, item in units:
        for word in _WORD.findall(unit)[1 if item else 0 :]:
            key = word.lower()
            capitalised = word[0].isupper() and not word.isupper()
            seen[key] = seen.get(key, True) and capitalised
    return {word for word, always in seen.items() if always}
