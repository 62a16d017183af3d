"""parse_metrics: every example of the brief, the hard negatives and property tests."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.models import Bullet
from analyzer.nlp.achievements import (
    METRIC_KINDS,
    achievement_from,
    achievements_from_bullets,
    parse_metrics,
)
from analyzer.rules import shipped_rules

POSITIVES = [
    ("improved recall by 12%", "percent", 12.0),
    ("raised precision 12 percent", "percent", 12.0),
    ("cut manual review time by half", "percent", 50.0),
    ("saved $1.2M a year", "money", 1_200_000.0),
    ("negotiated €300k in cloud credits", "money", 300_000.0),
    ("won a USD 2 million contract", "money", 2_000_000.0),
    ("made inference 3x faster", "multiplier", 3.0),
    ("a 10× speed-up", "multiplier", 10.0),
    ("a two-fold increase in throughput", "multiplier", 2.0),
    ("served 5k requests/s", "rate", 5_000.0),
    ("deployed 50+ models", "count", 50.0),
    ("onboarded 1,000 users", "count", 1_000.0),
    ("led a team of 8", "count", 8.0),
    ("cut p95 latency from 800 ms to 120 ms", "time", -85.0),
    ("cut batch runtime from 2 hours to 15 minutes", "time", -87.5),
    ("shipped the MVP in 3 weeks", "time", 3 * 7 * 86400.0),
    ("migrated 2 TB of logs", "size", 2e12),
    ("indexed 500GB of text", "size", 5e11),
    ("deduplicated 10M rows", "size", 1e7),
    ("processed 2M events per day", "rate", 2e6),
    ("F1 of 0.92 on the test set", "percent", 92.0),
    ("doubled throughput", "multiplier", 2.0),
    ("lifted conversion 50 bps", "percent", 0.5),
]

LISTS = shipped_rules().language


@pytest.mark.parametrize(("text", "kind", "value"), POSITIVES)
def test_metric_examples_parse_to_kind_and_value(text: str, kind: str, value: float) -> None:
    metrics = parse_metrics(text, LISTS)
    assert [(m.kind, m.value) for m in metrics] == [(kind, pytest.approx(value))]
    assert metrics[0].text in text


def test_change_keeps_both_ends_in_text() -> None:
    (metric,) = parse_metrics("cut p95 latency from 800 ms to 120 ms", LISTS)
    assert metric.text == "from 800 ms to 120 ms"


def test_bare_first_number_borrows_unit() -> None:
    (metric,) = parse_metrics("cut latency from 800 to 120 ms", LISTS)
    assert (metric.kind, metric.value) == ("time", -85.0)


NEGATIVES = [
    "2019-2023",
    "Jan 2020 - Present",
    "Graduated in 2021",
    "5 years of experience in Python",
    "5+ years building ML systems",
    "Phone: +1 (555) 123-4567",
    "555-123-4567",
    "Python 3.10",
    "released v2.1.0",
    "Java 8",
    "3.5 GPA",
    "GPA: 3.8/4.0",
    "CS 229 Machine Learning",
    "CS229",
    "fine-tuned GPT-4",
    "ResNet-50 backbone",
    "YOLOv5 detector",
    "BERT-base",
    "Llama 2 7B",
    "Section 3.2",
    "San Francisco, CA 94103",
    "a 6-month internship",
    "3x3 convolutions",
    "24/7 on-call rotation",
    "1990s",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_metrics(text: str) -> None:
    assert parse_metrics(text, LISTS) == ()


def test_date_range_and_gpa_are_not_achievements() -> None:
    assert achievement_from("Acme Corp, 2019-2023", "experience", LISTS) is None
    assert achievement_from("B.Sc. Computer Science, 3.5 GPA", "education", LISTS) is None


def test_achievements_from_bullets_skip_skills_and_keep_ids() -> None:
    bullets = [
        Bullet("b0", "Cut serving cost by 40% with model distillation", "experience"),
        Bullet("b1", "Python 3.10, 5 years", "skills"),
        Bullet("b2", "Built a dashboard", "projects"),
    ]
    (achievement,) = achievements_from_bullets(bullets, LISTS)
    assert achievement.bullet == "b0"
    assert achievement.metrics[0].kind == "percent"
    assert achievement.to_dict()["metrics"] == [{"kind": "percent", "value": 40.0, "text": "40%"}]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parse_metrics_properties_on_any_text(text: str) -> None:
    for metric in parse_metrics(text, LISTS):
        assert metric.text in text
        assert metric.kind in METRIC_KINDS
        assert math.isfinite(metric.value)


_ALPHABET = st.sampled_from(
    list("0123456789 ,.%$€x×kKMBto-/+") + ["ms", "from ", " to ", "users", "GB", "hours", "GPA"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_parse_metrics_properties_on_numeric_soup(text: str) -> None:
    for metric in parse_metrics(text, LISTS):
        assert metric.text in text
        assert metric.kind in METRIC_KINDS
        assert math.isfinite(metric.value)
