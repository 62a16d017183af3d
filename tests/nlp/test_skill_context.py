"""Ambiguous names read in context (issue 14): an employer is not a skill, nor a metric's value."""

from __future__ import annotations

import pytest

from analyzer.nlp.resources import get_resources
from analyzer.settings import Settings

RES = get_resources(Settings())


def skills(text: str, section: str = "experience") -> set[str]:
    """Canonical skills the matcher finds in one text of a section."""
    return {m.skill for m in RES.skills.find_in_text(text, section)}


@pytest.mark.parametrize(
    "text",
    [
        "Currently leading a team of AI engineers at OpenAI.",
        "Contributing to the development of AI technologies at OpenAI, with a focus on LLMs.",
        "2021 - Machine Learning Engineer, OpenAI, San Francisco, USA",
    ],
)
def test_working_at_openai_is_not_the_openai_api(text: str) -> None:
    assert "OpenAI API" not in skills(text)


@pytest.mark.parametrize(
    "text",
    [
        "Built a support chatbot on the OpenAI API with LangChain.",
        "Integrated OpenAI GPT-4 into the ticket triage service.",
    ],
)
def test_the_openai_api_in_use_is_a_skill(text: str) -> None:
    assert "OpenAI API" in skills(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reached precision and recall of 0.9 on the fraud classifier.",
        "The ranking model reached 92% recall at 0.4 precision.",
        "Raised recall by 12% on the fraud model.",
    ],
)
def test_a_metric_with_its_value_is_a_result_not_a_skill(text: str) -> None:
    assert not {"precision", "recall"} & skills(text)


def test_metrics_named_as_what_was_worked_on_are_skills() -> None:
    found = skills("Chose thresholds on the precision-recall trade-off for each model.")
    found |= skills("Evaluated classifiers with precision and recall on a held-out set.")
    assert {"precision", "recall"} <= found
    assert {"precision", "recall"} <= skills("Precision, recall, F1", section="skills")
