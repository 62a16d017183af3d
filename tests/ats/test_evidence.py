"""Concept skills shown by evidence, and the data behind it and the generic tier."""

from __future__ import annotations

from analyzer.ats.evidence import concept_names, find_pattern
from analyzer.nlp.resources import Resources


def test_evidence_and_generic_data_name_real_skills(resources: Resources) -> None:
    taxonomy = resources.taxonomy
    rules = resources.rules.scoring.ats
    named = [*concept_names(rules.concept_evidence)]
    for concept in rules.concept_evidence.concepts.values():
        named += concept.skills
    for name in named:
        skill = taxonomy.skill(name)
        assert skill is not None and skill.name == name, name
    # The generic lists are case-folded when loaded: compare them the same way.
    folded = {s.name.casefold() for s in taxonomy.skills}
    assert rules.generic_skills.skills | rules.generic_skills.not_generic <= folded
    categories = {c.id for c in taxonomy.categories}
    assert rules.generic_skills.categories <= categories


def test_patterns_match_in_order_within_the_window() -> None:
    pattern = (frozenset({"deployed"}), frozenset({"models"}))
    assert find_pattern(pattern, "deployed 12 models as services".split(), 3) == (0, 2)
    assert find_pattern(pattern, "deployed it with care to four models".split(), 3) is None
    assert find_pattern(pattern, "models were deployed".split(), 3) is None
