"""SkillMatcher: aliases, tokenizer-split names, ambiguity rules, aggregation."""

from __future__ import annotations

import pytest

from analyzer.models import SkillMention
from analyzer.nlp.skills import SkillMatcher, skills_from_mentions
from tests.nlp.builders import real_resources, small_resources


@pytest.fixture(scope="module")
def matcher() -> SkillMatcher:
    return small_resources().skills


def names(mentions: list[SkillMention]) -> list[str]:
    return sorted({m.skill for m in mentions})


def test_aliases_map_to_canonical_skills(matcher: SkillMatcher) -> None:
    mentions = matcher.find_in_text("sklearn, k8s, torch", "skills")
    assert names(mentions) == ["Kubernetes", "PyTorch", "scikit-learn"]


def test_alias_list_in_an_experience_bullet_counts_as_used(matcher: SkillMatcher) -> None:
    mentions = matcher.find([("Served models with sklearn, k8s, torch", "experience", "b3")])
    assert names(mentions) == ["Kubernetes", "PyTorch", "scikit-learn"]
    assert all(m.used and m.bullet == "b3" for m in mentions)
    assert mentions[0].sentence == "Served models with sklearn, k8s, torch"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Python 3 and Python3.10", ["Python"]),
        ("C++, C#, .NET", [".NET", "C#", "C++"]),
        ("C#/.NET and Java/C#.", [".NET", "C#", "Java"]),
        ("Node.js, Vue.js", ["Node.js", "Vue.js"]),
        ("Set up CI/CD and CI / CD", ["CI/CD"]),
        ("scikit-learn and scikit learn", ["scikit-learn"]),
        ("Ran A/B testing and A/B tests", ["A/B testing"]),
        ("C/C++ programming", ["C", "C++"]),
        ("AWS(SageMaker)", ["AWS", "Amazon SageMaker"]),
        ("Python|SQL", ["Python", "SQL"]),
        ("Built CNNs and decision trees", ["CNN", "decision trees"]),
    ],
)
def test_names_the_tokenizer_splits(matcher: SkillMatcher, text: str, expected: list[str]) -> None:
    assert names(matcher.find_in_text(text, "experience")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Owned the go-to-market plan for the analytics product",
        "Go-to-market strategy for a new product line",
        "Led R&D for the analytics team",
        "Led the R & D group",
        "Sparked interest in data among students",
        "Spark interest in data among students",
        "Excel at explaining results to executives",
        "I excel at teamwork",
        "Presented to the C-suite",
        "We are going to ship weekly",
    ],
)
def test_ambiguous_words_are_not_skills(matcher: SkillMatcher, text: str) -> None:
    assert matcher.find_in_text(text, "experience") == []


@pytest.mark.parametrize(
    ("text", "section", "expected"),
    [
        ("R", "skills", ["R"]),
        ("Python, R, SQL", "experience", ["Python", "R", "SQL"]),
        ("Python and R", "summary", ["Python", "R"]),
        ("Statistical modelling in R", "experience", []),
        ("Statistical programming in R", "experience", ["R"]),
        ("Languages: Python, Go.", "summary", ["Go", "Python"]),
        ("Wrote microservices in Go", "experience", ["Go"]),
        ("Built ETL on Spark", "experience", ["Apache Spark"]),
        ("Languages: Python, R.", "skills", ["Python", "R"]),
    ],
)
def test_ambiguous_names_in_context(
    matcher: SkillMatcher, text: str, section: str, expected: list[str]
) -> None:
    assert names(matcher.find_in_text(text, section)) == expected


def test_whole_words_only(matcher: SkillMatcher) -> None:
    assert matcher.find_in_text("Pythonic code, javascripting, pandasql", "skills") == []


def test_longest_match_wins(matcher: SkillMatcher) -> None:
    mentions = matcher.find_in_text("Pipelines on PySpark and Apache Spark", "experience")
    assert [m.skill for m in mentions] == ["Apache Spark", "Apache Spark"]


def test_skills_section_mentions_are_not_used(matcher: SkillMatcher) -> None:
    (mention,) = matcher.find_in_text("Docker", "skills")
    assert not mention.used


def test_aggregation_counts_each_sentence_once() -> None:
    resources = small_resources()
    mentions = resources.skills.find(
        [
            ("Python, Python, Python, Python", "skills", None),
            ("Built a Python service. Tested it in Python.", "experience", "b0"),
        ]
    )
    (python,) = skills_from_mentions(mentions, resources.taxonomy)
    assert python.mentions == 3
    assert python.sections == ("experience", "skills")
    assert python.used
    assert python.category == "programming"
    assert python.to_dict()["sections"] == ["experience", "skills"]


def test_skills_sorted_by_name() -> None:
    resources = small_resources()
    mentions = resources.skills.find_in_text("pandas, Docker, AWS, NumPy", "skills")
    skills = skills_from_mentions(mentions, resources.taxonomy)
    assert [s.name for s in skills] == ["AWS", "Docker", "NumPy", "pandas"]
    assert not any(s.used for s in skills)


def test_implied_skills_inherit_the_mention() -> None:
    resources = real_resources()
    mentions = resources.skills.find(
        [
            ("Served 12 models on Kubernetes (AWS EKS) at 3k requests/s", "experience", "b0"),
            ("AWS, Docker", "skills", None),
            ("Trained forecasting models on SageMaker and Vertex AI", "projects", "b1"),
        ]
    )
    skills = {s.name: s for s in skills_from_mentions(mentions, resources.taxonomy)}
    aws = skills["AWS"]
    # Named in the skills list, used through "AWS EKS" and SageMaker.
    assert aws.used and aws.sections == ("experience", "projects", "skills")
    assert aws.implied_by == ()
    assert skills["Kubernetes"].used and skills["Kubernetes"].mentions == 1
    google = skills["Google Cloud"]
    assert google.implied_by == ("Vertex AI",) and google.used
    assert [m.bullet for m in google.evidence] == ["b1"]
    assert "Google Cloud" not in {
        s.name for s in skills_from_mentions(mentions, resources.taxonomy, implied=False)
    }


def test_keras_does_not_imply_tensorflow() -> None:
    resources = real_resources()
    mentions = resources.skills.find([("Trained a CNN in Keras", "projects", "b0")])
    names = {s.name for s in skills_from_mentions(mentions, resources.taxonomy)}
    assert "Keras" in names and "TensorFlow" not in names
