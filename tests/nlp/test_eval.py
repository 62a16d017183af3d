"""The labelled evaluation set: precision and recall of skills, achievements and metrics."""

from __future__ import annotations

import pytest

from benchmarks.nlp_eval import EvalReport, evaluate


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate()


@pytest.mark.parametrize("measure", ["skills", "achievements", "metric kinds", "metric values"])
def test_precision_and_recall_at_least_0_9(report: EvalReport, measure: str) -> None:
    rows = {name: (precision, recall) for name, precision, recall in report.rows()}
    precision, recall = rows[measure]
    errors = getattr(report, measure.replace(" ", "_")).errors
    assert precision >= 0.9, errors
    assert recall >= 0.9, errors


def test_the_set_is_big_enough(report: EvalReport) -> None:
    assert report.skills.tp + report.skills.fn >= 100
    assert report.achievements.tp + report.achievements.fn >= 40
