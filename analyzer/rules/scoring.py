"""Weights and thresholds of the scores and checks (scoring.json), typed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Pattern = tuple[frozenset[str], ...]
"""Word sets found in order, each within a window of the previous one."""


@dataclass(frozen=True)
class GenericSkills:
    """Skills nearly every resume lists: they weigh less as posting requirements."""

    factor: float
    """Multiplier of a generic skill's weight."""
    categories: frozenset[str]
    """Taxonomy categories whose skills are generic."""
    skills: frozenset[str]
    """Generic skills by name, case-folded."""
    not_generic: frozenset[str]
    """Skills of those categories that are not generic, case-folded."""
    soft: frozenset[str] = frozenset()
    """Soft skills (communication, teamwork, leadership...), case-folded: generic too."""


@dataclass(frozen=True)
class Concept:
    """How a resume shows a concept skill it does not name."""

    skills: tuple[str, ...]
    """Related skills whose mention shows it."""
    patterns: tuple[Pattern, ...]
    """Words in order in one sentence that show it (lower case)."""


@dataclass(frozen=True)
class ConceptEvidence:
    """Concept skills shown by related skills or words."""

    window: int
    """How far (in words) each word of a pattern may be from the previous."""
    concepts: Mapping[str, Concept]
    """Concept skill as written in scoring.json -> its evidence."""


@dataclass(frozen=True)
class TitleCredit:
    """Credit of a title match by where the resume shows the title."""

    headline: float
    """The posting's title is the resume's headline."""
    recent_role: float
    """...the most recent role."""
    any_role: float
    """...any role."""
    family: float
    """A role of the same family (another engineer title)."""
    partial_max: float
    """Most credit for a partial word overlap."""


@dataclass(frozen=True)
class AtsRules:
    """How the ATS match score is computed."""

    components: Mapping[str, float]
    """Component (skills, title, keywords, years, degree) -> points of 100."""
    required_weight: float
    """Weight of a required skill."""
    preferred_weight: float
    """Weight of a preferred skill."""
    generic_skills: GenericSkills
    """Skills that weigh less."""
    used_credit: float
    """Credit of a skill shown in experience or projects."""
    listed_credit: float
    """Credit of a skill only listed."""
    shown_factor: float
    """Factor on the credit of a skill shown without its word (implied or by evidence)."""
    concept_evidence: ConceptEvidence
    """Concept skills shown without being named."""
    title: TitleCredit
    """Credit of a title match."""
    years_unknown_credit: float
    """Years credit when the resume's years cannot be told."""
    degree_credit_per_level_short: float
    """Credit lost per degree level below the one asked."""
    keyword_limit: int
    """Salient keywords matched at most."""
    top_missing_required: int
    """Missing required skills given a finding each; the rest share one."""


@dataclass(frozen=True)
class QualityRules:
    """How the resume-quality score is computed."""

    components: Mapping[str, float]
    """Component (quantified, action_verbs, bullet_issues, sections, contact, roadmap) -> points."""
    sections: Mapping[str, float]
    """Section -> share of the sections component when present."""
    contact: Mapping[str, float]
    """Contact item (email, phone, linkedin, github) -> share of the contact component."""
    scored_bullet_sections: frozenset[str]
    """Sections whose bullets the score judges."""


@dataclass(frozen=True)
class ReadabilityRules:
    """Thresholds of the ATS-readability checks and what each finding costs."""

    glued_words_min: int
    """Glued words ("machinelearning") from which text counts as garbled."""
    cid_glyphs_min: int
    """Unmapped glyphs ("(cid:12)") from which text counts as garbled."""
    max_file_bytes: int
    """Larger files are refused by some ATSs."""
    min_words: int
    """A shorter resume is too short."""
    early_career_years: float
    """Below these years of experience, the early-career limits apply."""
    early_career_max_words: int
    """Most words for an early-career resume."""
    max_words: int
    """Most words otherwise."""
    early_career_max_pages: int
    """Most pages for an early-career resume."""
    max_pages: int
    """Most pages otherwise."""
    standard_sections: tuple[str, ...]
    """Sections every resume should have."""
    ai_instruction_patterns: tuple[str, ...]
    """Regular expressions of text addressed to an AI screener."""
    impact: Mapping[str, float]
    """Check -> points a finding of it costs (1 when not listed)."""


@dataclass(frozen=True)
class ScoringRules:
    """Everything in scoring.json, typed."""

    ats: AtsRules
    """The ATS match score."""
    quality: QualityRules
    """The resume-quality score."""
    readability: ReadabilityRules
    """The ATS-readability checks."""


def _concept(spec: dict[str, Any]) -> Concept:
    return Concept(
        skills=tuple(spec.get("skills", ())),
        patterns=tuple(
            tuple(frozenset(w.lower() for w in words) for words in pattern)
            for pattern in spec.get("patterns", ())
        ),
    )


def parse_scoring(data: dict[str, Any]) -> ScoringRules:
    """Build the scoring rules from schema-valid scoring.json data."""
    ats, quality, readability = data["ats"], data["quality"], data["readability"]
    generic, concepts, title = ats["generic_skills"], ats["concept_evidence"], ats["title"]
    return ScoringRules(
        ats=AtsRules(
            components={k: float(v) for k, v in ats["components"].items()},
            required_weight=float(ats["skill_weight"]["required"]),
            preferred_weight=float(ats["skill_weight"]["preferred"]),
            generic_skills=GenericSkills(
                factor=float(generic["factor"]),
                categories=frozenset(generic["categories"]),
                skills=frozenset(n.casefold() for n in generic["skills"]),
                not_generic=frozenset(n.casefold() for n in generic["not_generic"]),
                soft=frozenset(n.casefold() for n in generic.get("soft", ())),
            ),
            used_credit=float(ats["evidence_credit"]["used"]),
            listed_credit=float(ats["evidence_credit"]["listed"]),
            shown_factor=float(ats["evidence_credit"]["shown_not_named"]),
            concept_evidence=ConceptEvidence(
                window=int(concepts["window"]),
                concepts={name: _concept(spec) for name, spec in concepts["concepts"].items()},
            ),
            title=TitleCredit(
                headline=float(title["headline"]),
                recent_role=float(title["recent_role"]),
                any_role=float(title["any_role"]),
                family=float(title["family"]),
                partial_max=float(title["partial_max"]),
            ),
            years_unknown_credit=float(ats["years_unknown_credit"]),
            degree_credit_per_level_short=float(ats["degree_credit_per_level_short"]),
            keyword_limit=int(ats["keyword_limit"]),
            top_missing_required=int(ats["findings"]["top_missing_required"]),
        ),
        quality=QualityRules(
            components={k: float(v) for k, v in quality["components"].items()},
            sections={k: float(v) for k, v in quality["sections"].items()},
            contact={k: float(v) for k, v in quality["contact"].items()},
            scored_bullet_sections=frozenset(quality["scored_bullet_sections"]),
        ),
        readability=ReadabilityRules(
            glued_words_min=int(readability["glued_words_min"]),
            cid_glyphs_min=int(readability["cid_glyphs_min"]),
            max_file_bytes=int(readability["max_file_bytes"]),
            min_words=int(readability["min_words"]),
            early_career_years=float(readability["early_career_years"]),
            early_career_max_words=int(readability["early_career_max_words"]),
            max_words=int(readability["max_words"]),
            early_career_max_pages=int(readability["early_career_max_pages"]),
            max_pages=int(readability["max_pages"]),
            standard_sections=tuple(readability["standard_sections"]),
            ai_instruction_patterns=tuple(readability["ai_instruction_patterns"]),
            impact={k: float(v) for k, v in readability["impact"].items()},
        ),
    )
