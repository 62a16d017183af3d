"""Rewrite hints fitted to the bullet (issue 15): its own verb and object, the kind of result
its work produces, never a broken rewrite; any number counts as a number."""

from __future__ import annotations

import pytest

from analyzer.models import Bullet, BulletReview
from analyzer.nlp.achievements import has_number
from analyzer.nlp.bullets import review_bullet
from analyzer.nlp.pipeline import build_nlp
from analyzer.rules import shipped_rules

LISTS = shipped_rules().language
NLP = build_nlp()


def review(text: str) -> BulletReview:
    return review_bullet(Bullet("b1", text, "experience"), NLP, LISTS)


def hints(text: str) -> str:
    return " ".join(i.hint for i in review(text).issues)


def test_responsible_for_a_noun_is_not_turned_into_a_verb() -> None:
    text = hints("Responsible for model monitoring")
    assert "Owned model monitoring" in text
    assert "Modeled" not in text


def test_a_gerund_after_a_weak_opener_becomes_the_verb() -> None:
    assert "'Improved the search ranking" in hints("Worked on improving the search ranking")


@pytest.mark.parametrize(
    ("text", "result", "not_result"),
    [
        ("Responsible for model monitoring and alerting", "incidents", "accuracy"),
        ("Built dashboards for the sales team", "decision", "accuracy"),
        ("Analysed churn data for the marketing stakeholders", "decision", "F1"),
        ("Cut the inference runtime of the ranking service", "latency", "accuracy"),
        ("Improved the fraud classifier's recall on new merchants", "accuracy", "latency"),
    ],
)
def test_the_result_asked_for_fits_the_bullets_work(
    text: str, result: str, not_result: str
) -> None:
    reviewed = review(text)
    said = hints(text) + " " + (reviewed.shape or "")
    assert result in said
    assert not_result not in said


@pytest.mark.parametrize(
    "text",
    [
        "Ran climate simulations on a 1408 node supercomputer",
        "Published 3 papers on graph neural networks",
        "Ranked top 5 of the Kaggle leaderboard for tabular forecasting",
        "Restored the first Alice film, made over a hundred years ago",
    ],
)
def test_numbers_of_any_kind_are_numbers(text: str) -> None:
    assert has_number(text, LISTS)
    reviewed = review(text)
    assert reviewed.quantified
    assert "no_metric" not in {i.id for i in reviewed.issues}


@pytest.mark.parametrize(
    "text",
    [
        "Trained models in Python 3 between 2019 and 2021",
        "Fine-tuned ResNet-50 for defect detection",
        "Built a parser in Java 8",
    ],
)
def test_years_and_versions_are_not_numbers(text: str) -> None:
    assert not has_number(text, LISTS)
    assert "no_metric" in {i.id for i in review(text).issues}
