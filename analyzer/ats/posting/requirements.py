"""What a posting asks: skills (required, preferred, any-of groups), title, years and degree.

Skills are found with the same matcher as the resume. A skill counts as preferred when it is
named only in the preferred part or only in sentences that say "preferred", "a plus", "nice to
have", "bonus"...; everything else is required.

Skills named as alternatives in one sentence form an any-of group, one requirement met by any
member: "PyTorch or TensorFlow", "PyTorch/TensorFlow", "Python, Java or Scala", "AWS (S3,
SageMaker or EC2)", and lists after a lead-in ("such as A, B, C", "one of A, B"). When the
posting also asks a member on its own, at least as strongly, that ask decides and the group is
dropped ("Python or R" beside "strong Python": Python is required, R is not); a weaker lone ask
is absorbed into the group.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

from analyzer.ats.evidence import CONCEPT_PARTS, concepts_in_text
from analyzer.ats.interface import AtsResources
from analyzer.ats.posting.reading import (
    Clauses,
    PostingLine,
    contains_phrase,
    has_marker,
    judged_sentences,
    judged_units,
    normalize,
)
from analyzer.models import SkillMention
from analyzer.rules.posting import DegreeRules, PostingRules, YearsRules

MATCH_SECTION = {"required": "skills", "preferred": "skills"}
"""Section name given to the matcher per part: requirement lists read like skills lists."""

DEGREE_RANK = {"associate": 0, "bachelor": 1, "master": 2, "phd": 3}
"""Degree levels from lowest to highest."""

_TITLE_SPLIT = re.compile(r"\s+[-|·–—]\s+|\s*[(|·]\s*|:\s+|\s+at\s+")


def _clause_of(skill: str, clauses: Clauses, resources: AtsResources) -> bool:
    """Return whether the clause naming this skill is preferred (required when unsure)."""
    if len(clauses) == 1:
        return clauses[0][1]
    definition = resources.taxonomy.skill(skill)
    names = (skill, *(definition.aliases if definition else ()))
    for clause, preferred in clauses:
        if any(contains_phrase(clause.lower(), n.lower()) for n in names):
            return preferred
    return False


def sentences_by_need(
    lines: Iterable[PostingLine], rules: PostingRules, preferred: bool
) -> Iterator[str]:
    """Yield the sentences (or clauses) that ask as preferred, or as required."""
    for text, _part, is_preferred in judged_units(lines, rules):
        if is_preferred == preferred:
            yield text


Group = tuple[str, ...]
"""An any-of group: casefolded canonical skills in the order the posting names them."""


def skill_requirements(
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
    concepts = resources.rules.scoring.ats.concept_evidence
    for sentence, part, clauses in judged_sentences(lines, resources.rules.posting):
        section = MATCH_SECTION.get(part, "summary")
        mentions = list(resources.skills.find_in_text(sentence, section))
        found = alternative_groups(sentence, [m.skill for m in mentions], resources)
        if part in CONCEPT_PARTS:
            # A concept asked in words, not by name; after the named skills, so never grouped.
            named = {m.skill.casefold() for m in mentions}
            mentions += [
                SkillMention(skill=name, section=section, sentence=sentence, used=False)
                for name in concepts_in_text(sentence, concepts)
                if name.casefold() not in named
            ]
        names = [m.skill for m in mentions]
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
    dropped: set[str] = set()
    for keys, is_preferred in groups.values():
        # A member also asked on its own, at least as strongly: that ask decides, and the
        # other members stay asked, as nice to have ("C++ and/or Python" beside "C++").
        if any(k in required or (is_preferred and k in preferred) for k in keys):
            dropped |= set(keys)
            continue
        kept.append((keys, is_preferred))
    for keys, is_preferred in kept:
        if not is_preferred:
            preferred -= set(keys)  # a weaker lone ask is absorbed into the group
    required |= {k for keys, is_preferred in kept if not is_preferred for k in keys}
    preferred |= {k for keys, is_preferred in kept if is_preferred for k in keys}
    preferred |= dropped
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


def _led_in(before: str, lead_ins: Iterable[str]) -> bool:
    """True when the text before a list ends with a lead-in ("such as", "one of", "e.g.")."""
    text = before.lower().replace("\u2019", "'").rstrip(" \t(:,")
    return any(re.search(rf"(?<![\w.]){re.escape(lead)}$", text) for lead in lead_ins)


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
        led = _led_in(before, resources.rules.posting.lead_ins)
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


def _title_like(text: str, rules: PostingRules) -> bool:
    words = text.split()
    if not words or len(words) > 10 or text.rstrip().endswith((".", "!", "?")):
        return False
    norm = normalize(text)
    return any(contains_phrase(norm, w) for w in rules.title_words)


def clean_title(text: str, rules: PostingRules) -> str:
    """Cut a title line at separators ("Senior ML Engineer - Remote" -> "Senior ML Engineer")."""
    parts = [p.strip(" ,:-") for p in _TITLE_SPLIT.split(text) if p.strip(" ,:-")]
    for part in parts:
        if _title_like(part, rules):
            return part
    return parts[0] if parts else text.strip()


def find_title(lines: tuple[PostingLine, ...], resources: AtsResources) -> str | None:
    """Find the job title: a "Job Title:" line, a title-like first line, or a role title."""
    rules = resources.rules.posting
    for line in lines:
        if line.part == "title":
            return clean_title(line.text, rules)
    head = [line for line in lines[:6] if line.part != "meta"]
    for line in head:
        if _title_like(line.text, rules):
            return clean_title(line.text, rules)
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
        return clean_title(head[0].text, rules)
    return None


# --------------------------------------------------------------------------- years, degree


def _number(token: str, words: Mapping[str, int]) -> float | None:
    if token.isdigit():
        return float(token)
    value = words.get(token.lower())
    return float(value) if value is not None else None


def years_asked(units: Iterable[str], rules: YearsRules) -> float | None:
    """Return the years of experience asked: the largest lower bound among the asks."""
    words = rules.number_words
    number = r"(\d{1,2}|" + "|".join(sorted(words, key=len, reverse=True)) + r")"
    pattern = re.compile(
        rf"\b{number}\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*{number}\s*)?\+?\s*"
        r"(?:\(\s*\d+\s*\)\s*)?(?:years?|yrs?)\b['’]?\s*(\S*)",
        re.IGNORECASE,
    )
    follow = rules.follow_words
    asks: list[float] = []
    for unit in units:
        for match in pattern.finditer(unit):
            value = _number(match.group(1), words)
            nxt = match.group(3).lower().strip(".,;:()")
            if value is None or not 0 < value <= rules.max_years:
                continue
            if nxt in follow or "experience" in unit.lower():
                asks.append(value)
    return max(asks) if asks else None


@functools.lru_cache(maxsize=4)
def _degree_patterns(rules: DegreeRules) -> list[tuple[str, re.Pattern[str]]]:
    reject = "|".join(rules.abbrev_reject_next)
    out: list[tuple[str, re.Pattern[str]]] = []
    for level in ("bachelor", "master", "phd"):
        spec = rules.levels[level]
        words = "|".join(spec.words)
        out.append((level, re.compile(rf"(?<![\w.])(?:{words})(?![\w])", re.IGNORECASE)))
        abbrev = "|".join(spec.abbrev)
        out.append(
            (
                level,
                re.compile(
                    rf"(?<![\w.])(?:{abbrev})\.?(?![\w])(?!\s+(?i:{reject})\b)",
                ),
            )
        )
    return out


def degree_asked(units: Iterable[str], rules: DegreeRules) -> tuple[str | None, bool]:
    """Return (lowest degree asked, whether equivalent experience is accepted)."""
    equivalents = rules.equivalent
    patterns = _degree_patterns(rules)
    levels: list[str] = []
    equivalent = False
    for unit in units:
        found = [level for level, pattern in patterns if pattern.search(unit)]
        if found:
            levels.extend(found)
            equivalent = equivalent or has_marker(unit, equivalents)
    if not levels:
        return None, False
    return min(levels, key=DEGREE_RANK.__getitem__), equivalent
