"""A posting read the way the resume is (issue 14): any-of groups, phrase keywords, concepts."""

from __future__ import annotations

from analyzer.ats.posting import parse_posting
from analyzer.nlp.resources import get_resources
from analyzer.settings import Settings

RES = get_resources(Settings())

POSTING = """Job Title: Machine Learning Engineer

About us
Our platform team monitors models for millions of riders.

Responsibilities
- You will be responsible for building data processing pipelines for training ML models.
- Responsible for model quality and for a collaborative, reliable serving stack.

Requirements
- Strong programming skills in C++ and/or Python.
"""


def test_and_or_keeps_every_member_of_the_group() -> None:
    job = parse_posting(POSTING, RES)
    assert {"C++", "Python"} <= set(job.required_skills)
    assert ("C++", "Python") in job.alternatives


def test_single_adjectives_are_not_keywords() -> None:
    keywords = parse_posting(POSTING, RES).keywords
    assert not {"responsible", "collaborative", "reliable"} & set(keywords)
    assert "serving stack" in keywords  # the phrase stays


def test_a_phrase_of_the_posting_asks_for_its_concept() -> None:
    job = parse_posting(POSTING, RES)
    assert "ML pipelines" in job.required_skills
    # The company blurb's "monitors models" asks nothing of the candidate.
    assert "model monitoring" not in (*job.required_skills, *job.preferred_skills)


def test_a_concept_phrase_under_nice_to_have_is_preferred() -> None:
    job = parse_posting(
        "Job Title: Data Scientist\n\nRequirements\n- Python\n\nNice to have\n"
        "- Experience monitoring models in production.\n",
        RES,
    )
    assert "model monitoring" in job.preferred_skills
    assert "model monitoring" not in job.required_skills


def test_a_group_member_asked_alone_keeps_the_others_asked() -> None:
    job = parse_posting(
        "Job Title: ML Engineer\n\nRequirements\n- Clean C++ and/or Python code.\n"
        "- Experience in C++.\n",
        RES,
    )
    assert "C++" in job.required_skills
    assert "Python" in job.preferred_skills  # was dropped with the group
