"""Precision and recall of the skills mlcheck reads from job postings (issue 14).

The labelled set is tests/ats/fixtures/postings/labels.json: for each posting, its hard and
soft skills written down by reading it. A posting's predicted hard skills are its required and
preferred skills that are not soft skills (``generic_skills.soft`` in scoring.json); names are
compared case-folded. Gold skills the taxonomy lacks (HL7, XSLT...) count against recall on
purpose: they are the gaps the taxonomy should fill. Postings of the shared corpus are skipped
when it is absent.

    python benchmarks/skills_eval.py            # table, then each posting's misses
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer.api import load_posting  # noqa: E402
from analyzer.nlp.resources import get_resources  # noqa: E402
from analyzer.settings import Settings  # noqa: E402
from tests.shared import CORPUS  # noqa: E402

LABELS = ROOT / "tests" / "ats" / "fixtures" / "postings" / "labels.json"


def posting_path(path: str) -> Path:
    """Resolve a labels path: "corpus:..." in the shared corpus, else beside labels.json."""
    if path.startswith("corpus:"):
        return CORPUS / path.removeprefix("corpus:")
    return LABELS.parent / path


def evaluate() -> dict[str, object]:
    """Return totals and per-posting misses of hard-skill extraction over the labelled set."""
    settings = Settings()
    soft = get_resources(settings).rules.scoring.ats.generic_skills.soft
    tp = fp = fn = 0
    rows = []
    for item in json.loads(LABELS.read_text("utf-8"))["postings"]:
        path = posting_path(item["path"])
        if not path.exists():
            continue
        posting = load_posting(str(path), settings)
        predicted = {
            s.casefold() for s in (*posting.required_skills, *posting.preferred_skills)
        } - soft
        gold = {s.casefold() for s in item["hard"]}
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        rows.append((path.name, sorted(predicted - gold), sorted(gold - predicted)))
    return {
        "postings": len(rows),
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "rows": rows,
    }


def main() -> None:
    """Print precision and recall of hard skills, then each posting's extra and missing."""
    result = evaluate()
    print(f"postings         {result['postings']}")
    print("measure         precision  recall")
    print(f"hard skills         {result['precision']:.3f}   {result['recall']:.3f}")
    for name, extra, missing in result["rows"]:  # type: ignore[attr-defined]
        if extra or missing:
            print(f"[{name}] extra {extra} missing {missing}")


if __name__ == "__main__":
    main()
