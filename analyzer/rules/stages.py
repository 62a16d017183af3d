"""The career-stage rules (stages.json), typed: signals of evidence and the stages they make.

*Signals* are pieces of evidence (a skill, a category, projects, quantified achievements, ML
years...); each *stage* needs all of some signals and a number of others; nlp/roadmap.py
measures a resume against them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Signal:
    """One piece of evidence the stage rules test (see stages.json)."""

    id: str
    label: str
    missing: str
    next_step: str
    reason: str = "{label}: {detail}"
    skills: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    min: int = 1
    projects: int = 0
    achievements: int = 0
    ml_years: float = 0.0
    words: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    link: str = ""


@dataclass(frozen=True)
class StageRule:
    """One career stage and the signals it needs."""

    name: str
    focus: str
    all: tuple[str, ...]
    any: tuple[str, ...]
    min_any: int


Pattern = tuple[frozenset[str], ...]
"""Word sets found in order, each within the window of the previous one."""


@dataclass(frozen=True)
class StageRules:
    """stages.json, typed."""

    signals: dict[str, Signal]
    stages: tuple[StageRule, ...]
    ml_role_words: tuple[str, ...]
    evidence_window: int = 3
    """How far (in words) each word of a pillar-evidence pattern may be from the previous."""
    pillar_evidence: tuple[tuple[str, tuple[Pattern, ...]], ...] = ()
    """(skill, patterns): words that show a pillar skill the resume does not name."""


def _signal(signal_id: str, raw: dict[str, Any]) -> Signal:
    return Signal(
        id=signal_id,
        label=raw["label"],
        missing=raw["missing"],
        next_step=raw["next_step"],
        reason=raw.get("reason", "{label}: {detail}"),
        skills=tuple(raw.get("skills", ())),
        categories=tuple(raw.get("categories", ())),
        min=int(raw.get("min", 1)),
        projects=int(raw.get("projects", 0)),
        achievements=int(raw.get("achievements", 0)),
        ml_years=float(raw.get("ml_years", 0)),
        words=tuple(raw.get("words", ())),
        sections=tuple(raw.get("sections", ())),
        link=raw.get("link", ""),
    )


def parse_stages(data: dict[str, Any]) -> StageRules:
    """Build the career-stage rules from schema-valid stages.json data."""
    return StageRules(
        signals={k: _signal(k, v) for k, v in data["signals"].items()},
        stages=tuple(
            StageRule(s["name"], s.get("focus", ""), tuple(s["all"]), tuple(s["any"]), s["min_any"])
            for s in data["stages"]
        ),
        ml_role_words=tuple(data.get("ml_role_words", ())),
        evidence_window=int(data.get("pillar_evidence", {}).get("window", 3)),
        pillar_evidence=tuple(
            (
                skill,
                tuple(
                    tuple(frozenset(w.lower() for w in words) for words in pattern)
                    for pattern in patterns
                ),
            )
            for skill, patterns in data.get("pillar_evidence", {}).get("skills", {}).items()
        ),
    )
