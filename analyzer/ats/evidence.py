"""Show a posting's concept skills by what the resume says, not only by their names.

A posting asks for *model deployment*; the resume says "Deployed 12 models as FastAPI
services". The skill matcher finds names and aliases only, so concept skills (model deployment,
model monitoring, ML pipelines, model evaluation...) would be reported missing from a resume
that plainly shows them. ``skills_taxonomy/scoring.json`` (``ats.concept_evidence``) lists, per
concept, the related skills that show it (model serving, drift detection, precision, recall...)
and short word patterns: word sets matched in order, lower case and without lemmas, each word
within ``window`` words of the previous one in one sentence ("deployed ... models",
"drift monitoring"). Evidence in an experience or project bullet counts as use, anywhere else as
a listing, exactly as a named skill does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from analyzer.glyphs import BULLET_SYMBOLS, glyph_class
from analyzer.models import ResumeDocument, ResumeProfile
from analyzer.rules.scoring import ConceptEvidence

USED_SECTIONS = frozenset({"experience", "projects"})
"""Sections where evidence counts as using the skill."""

_UNIT_BREAK = re.compile(
    rf"(?<=[.!?;])\s+|\s+{glyph_class(BULLET_SYMBOLS)}\s*|\s+-\s+"
    rf"|^\s*{glyph_class(BULLET_SYMBOLS + '-')}\s*"
)
_WORD = re.compile(r"[a-z0-9]+")

Pattern = tuple[frozenset[str], ...]
"""Word sets to find in order, each within the window of the previous one."""


@dataclass(frozen=True)
class Evidence:
    """What in a resume shows a concept skill it does not name."""

    skill: str
    """The concept skill (canonical name)."""
    sections: tuple[str, ...]
    """Sorted sections holding the evidence."""
    used: bool
    """True when some evidence is in an experience or project bullet."""
    shown_by: str
    """The best evidence: a related skill ("model serving") or the words ("deployed 12 models")."""
    count: int = 1
    """How many sentences or related-skill mentions show it."""


def concept_names(rules: ConceptEvidence) -> tuple[str, ...]:
    """Return the concept skills that evidence can show (as written in scoring.json)."""
    return tuple(rules.concepts)


def resume_units(document: ResumeDocument) -> Iterator[tuple[str, str]]:
    """Yield (section, sentence or bullet) units of the resume's text."""
    for section in document.sections:
        joined = " ".join(section.text.split("\n"))
        for unit in _UNIT_BREAK.split(joined):
            if unit and unit.strip():
                yield section.name, unit.strip()


Unit = tuple[str, list[str], frozenset[str]]
"""(section, words in order, the same words as a set) of one sentence or bullet."""


def resume_words(document: ResumeDocument) -> tuple[Unit, ...]:
    """Return the resume's units as words, split once for every concept a posting asks for."""
    out = []
    for section, unit in resume_units(document):
        words = _WORD.findall(unit.lower())
        out.append((section, words, frozenset(words)))
    return tuple(out)


def find_pattern(pattern: Pattern, words: list[str], window: int) -> tuple[int, int] | None:
    """Return the (first, last) word indexes where the pattern matches, or None."""
    for start, word in enumerate(words):
        if word not in pattern[0]:
            continue
        at = start
        for wanted in pattern[1:]:
            nxt = next(
                (j for j in range(at + 1, min(len(words), at + 1 + window)) if words[j] in wanted),
                None,
            )
            if nxt is None:
                break
            at = nxt
        else:
            return start, at
    return None


CONCEPT_PARTS = frozenset({"required", "preferred", "responsibilities", "body", "title"})
"""Posting parts whose phrases ask for a concept (a company blurb's do not)."""


def concepts_in_text(text: str, rules: ConceptEvidence) -> tuple[str, ...]:
    """Return the concepts whose word patterns match in ``text`` (a posting's sentence).

    The posting is read with the resume's patterns, so "data processing pipelines for training
    ML models" asks for ML pipelines exactly as a resume bullet saying it shows them.
    """
    words = _WORD.findall(text.lower())
    return tuple(
        name
        for name, concept in rules.concepts.items()
        if any(find_pattern(p, words, rules.window) is not None for p in concept.patterns)
    )


def concept_evidence(
    skill: str,
    document: ResumeDocument,
    profile: ResumeProfile,
    rules: ConceptEvidence,
    units: tuple[Unit, ...] | None = None,
) -> Evidence | None:
    """Return what shows ``skill`` in the resume without naming it, or None.

    ``units`` is ``resume_words(document)``, passed by a caller asking for many concepts.
    """
    window = rules.window
    folded = skill.casefold()
    concept = next((c for name, c in rules.concepts.items() if name.casefold() == folded), None)
    if concept is None:
        return None
    # The resume's own words first: "drift monitoring" says more than "drift detection".
    found: list[tuple[bool, str, str]] = []  # (used, section, shown by)
    if concept.patterns:
        for section, words, vocabulary in resume_words(document) if units is None else units:
            for pattern in concept.patterns:
                if any(wanted.isdisjoint(vocabulary) for wanted in pattern):
                    continue  # a word set none of the unit's words is in: no match
                span = find_pattern(pattern, words, window)
                if span is not None:
                    # Quoted: the resume's words, not a skill's name.
                    shown = "'" + " ".join(words[span[0] : span[1] + 1]) + "'"
                    found.append((section in USED_SECTIONS, section, shown))
                    break
    by_name = {s.name.casefold(): s for s in profile.skills}
    for related in concept.skills:
        known = by_name.get(related.casefold())
        if known is not None:
            found.extend(
                (m.section in USED_SECTIONS and m.used, m.section, known.name)
                for m in known.evidence or ()
            )
    if not found:
        return None
    best = next((f for f in found if f[0]), found[0])
    return Evidence(
        skill=skill,
        sections=tuple(sorted({section for _used, section, _shown in found})),
        used=best[0],
        shown_by=best[2],
        count=len(found),
    )
