"""The labelled postings set (issue 14): hard-skill precision and recall stay above target."""

from __future__ import annotations

import json

from benchmarks.skills_eval import LABELS, evaluate, posting_path


def test_labels_name_existing_own_postings() -> None:
    items = json.loads(LABELS.read_text("utf-8"))["postings"]
    assert len(items) >= 10
    own = [i for i in items if not i["path"].startswith("corpus:")]
    assert all(posting_path(i["path"]).exists() for i in own)
    assert all(i["hard"] and i["soft"] for i in items)


def test_hard_skill_precision_and_recall_reach_the_targets() -> None:
    result = evaluate()
    assert result["precision"] >= 0.85, result["rows"]
    assert result["recall"] >= 0.75, result["rows"]
