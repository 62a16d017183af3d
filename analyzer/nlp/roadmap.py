"""Where a candidate stands on the ML-engineer roadmap: pillar coverage and career stage.

Pillar coverage compares the skills found per taxonomy category with the role profile's core
skills; a few pillar skills also count when the resume shows them in words without naming them
("explained results to claims managers": non-technical communication; the phrases are
``pillar_evidence`` in ``skills_taxonomy/stages.json``). The career stage (DOMAIN.md §2:
Beginner, Intermediate, Job seeker, Professional) comes from rules kept as data in
``skills_taxonomy/stages.json``: *signals* are pieces of evidence
computed from the resume (skills or categories found, number of projects, quantified results,
years in ML roles, production or leadership words in experience bullets, a GitHub link); a
stage holds when all its ``all`` signals and at least ``min_any`` of its ``any`` signals hold.
The highest stage that holds wins. Reasons list the evidence of the stage reached and what
is missing for the next one; next steps are the next stage's missing signals, then the role's
missing core skills.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.models import Achievement, Entry, PillarCoverage, ResumeDocument, Roadmap, Skill
from analyzer.nlp.experience import years_experience_from_entries
from analyzer.nlp.interface import RoleProfile, Taxonomy
from analyzer.rules.stages import Pattern, Signal, StageRule, StageRules

MAX_NEXT_STEPS = 6
"""Most next steps listed: a prioritised few, not a wall."""


@dataclass(frozen=True)
class SignalResult:
    """Whether a signal holds, and the evidence as a short string."""

    holds: bool
    detail: str = ""


_EVIDENCE_SECTIONS = ("experience", "projects", "summary")
"""Where words show a pillar skill: what the candidate did or says they do."""
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_UNIT_BREAK = re.compile(r"(?<=[.!?;])\s+|\n")


def _find(pattern: Pattern, words: list[str], window: int) -> bool:
    """Return True when the pattern's word sets occur in order, each within the window."""
    for start, word in enumerate(words):
        if word not in pattern[0]:
            continue
        at: int | None = start
        for wanted in pattern[1:]:
            assert at is not None
            at = next(
                (j for j in range(at + 1, min(len(words), at + 1 + window)) if words[j] in wanted),
                None,
            )
            if at is None:
                break
        if at is not None:
            return True
    return False


def shown_skills(
    document: ResumeDocument, skills: Sequence[Skill], rules: StageRules
) -> tuple[str, ...]:
    """Return the pillar skills the resume shows in words without naming them.

    "Explained results to claims managers and executives" shows non-technical communication,
    "documented data, approach and results in the README" documentation (the phrases are data,
    ``pillar_evidence`` in stages.json). Only experience, project and summary text counts.
    """
    named = {s.name.casefold() for s in skills}
    texts = [b.text for b in document.bullets if b.section in _EVIDENCE_SECTIONS]
    texts += [s.text for s in document.sections if s.name == "summary"]
    units = [
        _WORD.findall(unit.lower()) for text in texts for unit in _UNIT_BREAK.split(text) if unit
    ]
    shown = []
    for skill, patterns in rules.pillar_evidence:
        if skill.casefold() in named:
            continue
        window = rules.evidence_window
        if any(_find(p, words, window) for words in units for p in patterns if p):
            shown.append(skill)
    return tuple(shown)


def _is_ml_role(entry: Entry, words: Sequence[str]) -> bool:
    title = (entry.role or "").lower()
    return any(w in title and re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", title) for w in words)


class _Facts:
    """What the signals are computed from, gathered once."""

    def __init__(
        self,
        skills: Sequence[Skill],
        achievements: Sequence[Achievement],
        document: ResumeDocument,
        role: RoleProfile,
        rules: StageRules,
        today: dt.date,
    ) -> None:
        self.skill_names = {s.name.casefold(): s.name for s in skills}
        self.by_category: dict[str, list[str]] = {}
        for skill in skills:
            self.by_category.setdefault(skill.category, []).append(skill.name)
        self.achievements = [a for a in achievements if a.section in ("experience", "projects")]
        self.document = document
        words = (*rules.ml_role_words, *role.titles)
        self.ml_years = years_experience_from_entries(
            document.entries,
            today,
            keep=lambda e: e.section == "experience" and _is_ml_role(e, words),
        )
        project_entries = [e for e in document.entries if e.section == "projects"]
        project_bullets = [b for b in document.bullets if b.section == "projects"]
        self.projects = len(project_entries) or math.ceil(len(project_bullets) / 2)

    def texts(self, sections: Sequence[str]) -> list[str]:
        bullets = [b.text for b in self.document.bullets if b.section in sections]
        if bullets:
            return bullets
        return [s.text for s in self.document.sections if s.name in sections]

    def evaluate(self, signal: Signal) -> SignalResult:
        if signal.skills:
            found = [
                self.skill_names[s.casefold()]
                for s in signal.skills
                if s.casefold() in self.skill_names
            ]
            return SignalResult(len(found) >= signal.min, ", ".join(found))
        if signal.categories:
            found = sorted(
                {n for c in signal.categories for n in self.by_category.get(c, [])},
                key=str.casefold,
            )
            return SignalResult(len(found) >= signal.min, ", ".join(found[:4]))
        if signal.projects:
            return SignalResult(self.projects >= signal.projects, str(self.projects))
        if signal.achievements:
            count = len(self.achievements)
            return SignalResult(count >= signal.achievements, str(count))
        if signal.ml_years:
            years = self.ml_years or 0.0
            return SignalResult(years >= signal.ml_years, f"{years:g}")
        if signal.words:
            pattern = re.compile(
                r"(?i:(?<!\w)(?:" + "|".join(re.escape(w) for w in signal.words) + r")(?!\w))"
            )
            for text in self.texts(signal.sections or ("experience",)):
                if pattern.search(text):
                    short = text if len(text) <= 70 else text[:67].rstrip() + "..."
                    return SignalResult(True, short)
            return SignalResult(False)
        if signal.link:
            links = [lk for lk in self.document.contact.links if lk.kind == signal.link]
            in_text = f"{signal.link}.com/" in self.document.text.lower()
            return SignalResult(bool(links) or in_text, signal.link)
        return SignalResult(False)


_SPECIAL_WORDS = {"mlops": "MLOps", "ml": "ML", "cs": "CS", "nlp": "NLP"}
"""How acronyms in a pillar id are written when the taxonomy gives the pillar no name."""


def pillar_label(pillar_id: str) -> str:
    """Return a display name for a pillar the taxonomy does not name: its id turned into words."""
    words = pillar_id.replace("_", " ").replace("-", " ").strip()
    out = [_SPECIAL_WORDS.get(w.casefold(), w) for w in words.split()]
    if out and out[0] == out[0].lower():
        out[0] = out[0].capitalize()
    return " ".join(out) or pillar_id


def pillar_coverage(
    skills: Sequence[Skill], role: RoleProfile, taxonomy: Taxonomy, shown: Sequence[str] = ()
) -> tuple[PillarCoverage, ...]:
    """Return evidence vs the role's core skills for every pillar, in taxonomy order.

    ``shown`` adds skills the resume shows in words without naming them (``shown_skills``).
    """
    found: dict[str, list[str]] = {}
    for skill in skills:
        found.setdefault(skill.category, []).append(skill.name)
    for name in shown:
        definition = taxonomy.skill(name)
        if definition is not None and definition.name not in found.get(definition.category, []):
            found.setdefault(definition.category, []).append(definition.name)
    expected = {p.category: p.core for p in role.pillars}
    labels = {c.id: c.name for c in taxonomy.categories}
    order = [c.id for c in taxonomy.categories]
    order += [c for c in expected if c not in order]
    pillars = []
    for category in order:
        evidence = tuple(sorted(found.get(category, []), key=str.casefold))
        have = {e.casefold() for e in evidence}
        core = expected.get(category, ())
        pillars.append(
            PillarCoverage(
                name=category,
                label=labels.get(category) or pillar_label(category),
                evidence=evidence,
                expected=core,
                missing=tuple(c for c in core if c.casefold() not in have),
            )
        )
    return tuple(pillars)


def _holds(stage: StageRule, results: dict[str, SignalResult]) -> bool:
    if not all(results[s].holds for s in stage.all if s in results):
        return False
    return sum(results[s].holds for s in stage.any if s in results) >= stage.min_any


def assess_roadmap(
    skills: Sequence[Skill],
    achievements: Sequence[Achievement],
    document: ResumeDocument,
    role: RoleProfile,
    taxonomy: Taxonomy,
    rules: StageRules,
    today: dt.date | None = None,
) -> Roadmap:
    """Place the candidate on the roadmap: pillar coverage, stage, reasons and next steps."""
    facts = _Facts(skills, achievements, document, role, rules, today or dt.date.today())
    results = {sid: facts.evaluate(sig) for sid, sig in rules.signals.items()}
    reached = 0
    for index, stage in enumerate(rules.stages):
        if _holds(stage, results):
            reached = index
    stage = rules.stages[reached]
    following = rules.stages[reached + 1] if reached + 1 < len(rules.stages) else None

    reasons: list[str] = []
    for sid in (*stage.all, *stage.any):
        signal, result = rules.signals.get(sid), results.get(sid)
        if signal and result and result.holds:
            reasons.append(signal.reason.format(label=signal.label, detail=result.detail))
    gaps = following or stage
    missing_ids = [
        sid for sid in (*gaps.all, *gaps.any) if sid in results and not results[sid].holds
    ]
    reasons += [rules.signals[sid].missing for sid in missing_ids]
    if not reasons:
        reasons.append(f"focus at this stage: {stage.focus}")

    steps = [rules.signals[sid].next_step for sid in missing_ids]
    pillars = pillar_coverage(skills, role, taxonomy, shown_skills(document, skills, rules))
    names = {c.id: c.name for c in taxonomy.categories}
    for pillar in pillars:
        for skill in pillar.missing[:1]:
            steps.append(
                f"Show {skill} ({names.get(pillar.name, pillar.name)}): "
                f"the {role.name} profile expects it."
            )
    return Roadmap(
        pillars=pillars,
        stage=stage.name,
        reasons=tuple(dict.fromkeys(reasons)),
        next_steps=tuple(dict.fromkeys(steps))[:MAX_NEXT_STEPS],
        stages=tuple(s.name for s in rules.stages),
    )
