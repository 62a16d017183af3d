"""The ATS match score, 0-100 (scoring_version "1.3"; also written up in docs/scoring.md).

Weights come from ``skills_taxonomy/scoring.json`` (``ats``). Five components, each a credit
between 0 and 1 times its weight W (points out of 100)::

    skills   W=60  sum(w_i * e_i) / sum(w_i) over the posting's requirements: each skill, and
                   each any-of group ("PyTorch or TensorFlow") as ONE requirement
                   w_i = 2.0 for a required skill, 1.0 for a preferred one, times 0.5 for a
                   generic concept (communication, CS fundamentals, "documentation"...)
                   e_i = 1.0 used in experience/projects, 0.6 only listed, 0 missing; a group
                   takes its best member's; a concept skill (model deployment) may be shown by
                   evidence instead of its name ("Deployed 12 models"), a skill by the skills
                   implying it (MySQL -> SQL); e_i is then 0.9 of the above (an ATS searching
                   the literal word may miss it)
    title    W=15  title_match (0-1, see analyzer/ats/match.py)
    keywords W=10  share of the posting's other salient keywords found in the resume
    years    W=10  1 when the resume's years >= years asked, else found / asked;
                   0.5 when the resume's years cannot be told
    degree   W=5   1 when the resume's degree >= the degree asked (or "equivalent
                   experience" is accepted and the years are met), else 1 - 0.5 per level
                   short, 0 for no degree

    score = 100 * sum(W_c * credit_c) / sum(W_c)   over the APPLICABLE components

A component is applicable when the posting asks for it: no skills found in the posting, no
keywords, no title, no years or no degree asked leave that component out and the others share
its points. Presence is scored, never counts: a skill named ten times earns what one mention
earns, so keyword stuffing does not pay. Hidden text never reaches the score (the reader keeps
it out of the document's text). Every figure is rounded to one decimal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from analyzer.models import KeywordMatch, Requirement
from analyzer.rules.scoring import AtsRules

SCORING_VERSION = "1.3"
"""Version of the formula above; bump it whenever a weight or rule changes a score."""

DEGREE_RANK = {"associate": 0, "bachelor": 1, "master": 2, "phd": 3}
"""Degree levels from lowest to highest."""


@dataclass(frozen=True)
class Component:
    """One part of the score."""

    name: str
    """skills, title, keywords, years or degree."""
    credit: float
    """0-1."""
    weight: float
    """Points of 100 before re-sharing among applicable components."""


def skill_weight(importance: str, rules: AtsRules) -> float:
    """Return the weight of a required or preferred hard skill (0 for other keywords)."""
    if importance == "required":
        return rules.required_weight
    if importance == "preferred":
        return rules.preferred_weight
    return 0.0


def requirement_weight(item: KeywordMatch, rules: AtsRules) -> float:
    """Return w_i of a posting requirement: its importance's weight, less for a generic one."""
    weight = skill_weight(item.importance, rules)
    if item.generic:
        weight *= rules.generic_skills.factor
    return weight


def evidence_credit(item: KeywordMatch, matched: bool, rules: AtsRules) -> float:
    """Return 1.0 for a skill used in experience/projects, 0.6 for listed only, 0 if missing.

    A skill shown without its word (by a skill implying it, or by evidence) gets 0.9 of that:
    an ATS searching the literal word may not find it.
    """
    if not matched:
        return 0.0
    credit = rules.used_credit if item.used else rules.listed_credit
    return credit * rules.shown_factor if item.satisfied_by else credit


def skills_credit(
    matched: Iterable[KeywordMatch], missing: Iterable[KeywordMatch], rules: AtsRules
) -> float | None:
    """Return the weighted skill coverage 0-1, or None when the posting names no skill."""
    total = earned = 0.0
    for items, found in ((matched, True), (missing, False)):
        for item in items:
            weight = requirement_weight(item, rules)
            total += weight
            earned += weight * evidence_credit(item, found, rules)
    return earned / total if total else None


def keywords_credit(
    matched: Iterable[KeywordMatch], missing: Iterable[KeywordMatch]
) -> float | None:
    """Return the share of salient (non-skill) keywords found, or None when there are none."""
    found = sum(1 for k in matched if k.importance == "keyword")
    lacking = sum(1 for k in missing if k.importance == "keyword")
    return found / (found + lacking) if found + lacking else None


def years_credit(years: Requirement, rules: AtsRules) -> float | None:
    """Return the years credit, or None when the posting asks no years."""
    if not isinstance(years.asked, (int, float)):
        return None
    if not isinstance(years.found, (int, float)):
        return rules.years_unknown_credit
    if years.asked <= 0:
        return 1.0
    return min(1.0, years.found / years.asked)


def degree_credit(
    degree: Requirement, years: Requirement, equivalent: bool, rules: AtsRules
) -> float | None:
    """Return the degree credit, or None when the posting asks no degree."""
    if not isinstance(degree.asked, str):
        return None
    if degree.meets or (equivalent and years.meets):
        return 1.0
    if not isinstance(degree.found, str):
        return 0.0
    short = DEGREE_RANK.get(degree.asked, 1) - DEGREE_RANK.get(degree.found, 0)
    per_level = rules.degree_credit_per_level_short
    return max(0.0, 1.0 - per_level * short)


def components(
    matched: tuple[KeywordMatch, ...],
    missing: tuple[KeywordMatch, ...],
    title_match: float | None,
    years: Requirement,
    degree: Requirement,
    degree_equivalent: bool,
    rules: AtsRules,
) -> tuple[Component, ...]:
    """Return the applicable components with their credits."""
    weights = rules.components
    credits = {
        "skills": skills_credit(matched, missing, rules),
        "title": title_match,
        "keywords": keywords_credit(matched, missing),
        "years": years_credit(years, rules),
        "degree": degree_credit(degree, years, degree_equivalent, rules),
    }
    return tuple(
        Component(name, credit, float(weights[name]))
        for name, credit in credits.items()
        if credit is not None
    )


def total(parts: tuple[Component, ...]) -> tuple[float, tuple[tuple[str, float, float], ...]]:
    """Return (score, breakdown) with each component's (name, earned, available) points."""
    weight_sum = sum(p.weight for p in parts)
    if not weight_sum:
        return 0.0, ()
    breakdown = tuple(
        (
            p.name,
            round(100 * p.weight * p.credit / weight_sum, 1),
            round(100 * p.weight / weight_sum, 1),
        )
        for p in parts
    )
    score = round(sum(100 * p.weight * p.credit for p in parts) / weight_sum, 1)
    return score, breakdown


def requirements_weight(
    matched: Iterable[KeywordMatch], missing: Iterable[KeywordMatch], rules: AtsRules
) -> float:
    """Return the sum of w_i over all the posting's requirements, matched and missing."""
    return sum(requirement_weight(k, rules) for k in (*matched, *missing))


def requirement_points(
    item: KeywordMatch,
    matched: Iterable[KeywordMatch],
    missing: Iterable[KeywordMatch],
    available: float,
    rules: AtsRules,
    weight_sum: float | None = None,
) -> float:
    """Return the points one more unit of evidence credit for this requirement is worth.

    ``available`` is the skills component's points. A missing requirement added in a bullet
    gains these points; one only listed, moved into a bullet, gains 0.4 of them. Pass
    ``requirements_weight(matched, missing, rules)`` as ``weight_sum`` when asking for many.
    """
    if weight_sum is None:
        weight_sum = requirements_weight(matched, missing, rules)
    if not weight_sum:
        return 0.0
    return available * requirement_weight(item, rules) / weight_sum
