"""README results: loss, perplexity, WER, BLEU, mAP, IoU, AUC count when reported, not targets."""

from __future__ import annotations

import pytest

from analyzer.github.readme import reports_result, score_readme
from analyzer.rules import shipped_rules

RUBRIC = shipped_rules().portfolio.readme


def _metrics(readme: str) -> bool:
    score = score_readme(readme, None, rubric=RUBRIC)
    return next(c.passed for c in score.criteria if c.id == "readme.metrics")


@pytest.mark.parametrize(
    "line",
    [
        "The best validation loss is 1.4697 after 5000 iterations.",
        "Perplexity on the test set: 18.3.",
        "WER 4.2% on LibriSpeech test-clean, CER 1.1%.",
        "BLEU 27.4 on WMT14 en-de; ROUGE-L 0.41.",
        "mAP@0.5 of 0.68 on COCO val, mIoU 0.72.",
        "ROC AUC 0.91 on the held-out month.",
    ],
)
def test_reported_results_are_metrics(line: str) -> None:
    assert _metrics(f"# Model\n\n{line}\n")


@pytest.mark.parametrize(
    "readme",
    [
        "# Model\n\n| Metric | Goal |\n|---|---|\n| Validation Accuracy | Grade: >99% |\n",
        "# Model\n\n| Validation Accuracy | Grade |\n|---|---|\n| >99% | A |\n| >95% | B |\n",
        "# Model\n\nThe target is an accuracy >= 0.9.\n",
    ],
)
def test_targets_are_not_results(readme: str) -> None:
    assert not _metrics(readme)


def test_a_loss_table_reports_results() -> None:
    readme = "# nanoGPT\n\n| model | params | train loss | val loss |\n|---|---|---|---|\n"
    readme += "| gpt2 | 124M | 3.11 | 3.12 |\n"
    assert _metrics(readme)


def test_reports_result_tells_a_reached_number_from_an_aimed_one() -> None:
    assert reports_result("accuracy 0.93")
    assert not reports_result("Grade: >99%")
    assert not reports_result("goal: 0.9")
