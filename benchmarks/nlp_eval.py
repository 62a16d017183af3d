"""Precision and recall of skill, achievement and metric extraction on the labelled set.

    python benchmarks/nlp_eval.py

The labelled set is tests/nlp/fixtures/labelled_bullets.json (single bullets with hand-written
skills and metrics, hard negatives included) and tests/nlp/fixtures/labelled_resumes/ (small
.txt resumes, each with a sidecar .json of expected skills and achievements). The test
tests/nlp/test_eval.py calls ``evaluate`` and asserts every figure is at least 0.9.

Counting (micro-averaged over all items):
- skills: the set of canonical skills per bullet/resume, predicted vs expected; the labels
  list the skills a text names, so skills only implied by another (SageMaker -> AWS,
  ``implied_by``) are left out: this measures the matcher, not the taxonomy's implications;
- achievements: per bullet, "has a metric" predicted vs expected; per resume, an expected
  achievement is found when some predicted achievement's text contains its ``contains``
  snippet, and a predicted achievement is correct when it matches an expected one;
- metric kinds: the multiset of metric kinds per bullet/achievement;
- metric values (bullets only): a (kind, value) pair is correct within 0.1% of the value.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analyzer.models import ResumeDocument  # noqa: E402
from analyzer.nlp.achievements import parse_metrics  # noqa: E402
from analyzer.nlp.pipeline import build_nlp  # noqa: E402
from analyzer.nlp.profile import build_profile  # noqa: E402
from analyzer.nlp.resources import Resources, build_resources  # noqa: E402
from analyzer.nlp.skills import skills_from_mentions  # noqa: E402
from analyzer.rules import shipped_rules  # noqa: E402

FIXTURES = ROOT / "tests" / "nlp" / "fixtures"


@dataclass
class Score:
    """True positives, false positives and false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add_sets(self, predicted: Counter[str], expected: Counter[str], where: str) -> None:
        """Count a multiset comparison; remember what went wrong."""
        both = predicted & expected
        self.tp += sum(both.values())
        extra, missing = predicted - expected, expected - predicted
        self.fp += sum(extra.values())
        self.fn += sum(missing.values())
        if extra or missing:
            self.errors.append(f"{where}: extra {sorted(extra)} missing {sorted(missing)}")


@dataclass
class EvalReport:
    """All the measures."""

    skills: Score = field(default_factory=Score)
    achievements: Score = field(default_factory=Score)
    metric_kinds: Score = field(default_factory=Score)
    metric_values: Score = field(default_factory=Score)

    def rows(self) -> list[tuple[str, float, float]]:
        """(measure, precision, recall) rows."""
        return [
            (name, score.precision, score.recall)
            for name, score in (
                ("skills", self.skills),
                ("achievements", self.achievements),
                ("metric kinds", self.metric_kinds),
                ("metric values", self.metric_values),
            )
        ]


def default_resources() -> Resources:
    """The shipped taxonomy over the pipeline build_nlp() gives."""
    from analyzer.nlp.taxonomy import load_taxonomy

    return build_resources(build_nlp(), load_taxonomy(), "machine_learning_engineer")


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-6)


def evaluate_bullets(resources: Resources, report: EvalReport) -> None:
    """Score the labelled bullets."""
    data = json.loads((FIXTURES / "labelled_bullets.json").read_text(encoding="utf-8"))
    for item in data["bullets"]:
        text, section = item["text"], item["section"]
        mentions = resources.skills.find([(text, section, None)])
        skills = skills_from_mentions(mentions, resources.taxonomy)
        found = {s.name for s in skills if not s.implied_by}
        report.skills.add_sets(Counter(found), Counter(item["skills"]), text)
        metrics = parse_metrics(text, shipped_rules().language)
        expected = item["metrics"]
        report.achievements.add_sets(
            Counter(["yes"] if metrics else []), Counter(["yes"] if expected else []), text
        )
        report.metric_kinds.add_sets(
            Counter(m.kind for m in metrics), Counter(e["kind"] for e in expected), text
        )
        unmatched = list(expected)
        values = report.metric_values
        for metric in metrics:
            hit = next(
                (
                    e
                    for e in unmatched
                    if e["kind"] == metric.kind and _close(metric.value, e["value"])
                ),
                None,
            )
            if hit is None:
                values.fp += 1
                values.errors.append(f"{text}: unexpected {metric.kind} {metric.value}")
            else:
                values.tp += 1
                unmatched.remove(hit)
        values.fn += len(unmatched)
        values.errors += [f"{text}: missed {e}" for e in unmatched]


def _read_resume(path: Path) -> ResumeDocument:
    """Read with the document reader; without it, split headings and "- " bullets by hand."""
    try:
        from analyzer.documents import read_document
    except ImportError:
        return _plain_resume(path)
    return read_document(str(path))


def _plain_resume(path: Path) -> ResumeDocument:
    from analyzer.models import Bullet, Contact, LayoutFacts, Section

    text = path.read_text(encoding="utf-8")
    sections: list[Section] = []
    bullets: list[Bullet] = []
    name, heading, body = "contact", "", []
    for line in [*text.splitlines(), "END"]:
        if line.strip().isupper() and line.strip().isalpha():
            sections.append(Section(name, heading, "\n".join(body), len(sections)))
            name, heading, body = line.strip().lower(), line.strip(), []
            continue
        body.append(line)
        if line.startswith("- "):
            bullets.append(Bullet(f"b{len(bullets)}", line[2:].strip(), name))
    return ResumeDocument(
        str(path), "txt", 1, len(text), text, (), tuple(sections), tuple(bullets), (),
        Contact(), LayoutFacts(),
    )  # fmt: skip


def evaluate_resumes(resources: Resources, report: EvalReport) -> None:
    """Score the labelled resumes (read with analyzer.documents.read_document)."""
    for path in sorted((FIXTURES / "labelled_resumes").glob("*.txt")):
        labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        profile = build_profile(_read_resume(path), resources)
        found = {s.name for s in profile.skills if not s.implied_by}
        report.skills.add_sets(Counter(found), Counter(labels["skills"]), path.name)
        expected = labels["achievements"]
        matched: set[int] = set()
        for achievement in profile.achievements:
            index = next(
                (i for i, e in enumerate(expected) if e["contains"] in achievement.text), None
            )
            kinds = Counter(m.kind for m in achievement.metrics)
            if index is None or index in matched:
                report.achievements.fp += 1
                report.achievements.errors.append(f"{path.name}: unexpected {achievement.text!r}")
                report.metric_kinds.add_sets(kinds, Counter(), f"{path.name}: {achievement.text}")
                continue
            matched.add(index)
            report.achievements.tp += 1
            report.metric_kinds.add_sets(
                kinds, Counter(expected[index]["kinds"]), f"{path.name}: {achievement.text}"
            )
        for index, item in enumerate(expected):
            if index not in matched:
                report.achievements.fn += 1
                report.achievements.errors.append(f"{path.name}: missed {item['contains']!r}")
                report.metric_kinds.add_sets(Counter(), Counter(item["kinds"]), path.name)


def evaluate(resources: Resources | None = None) -> EvalReport:
    """Run the whole labelled set and return the scores."""
    resources = resources or default_resources()
    report = EvalReport()
    evaluate_bullets(resources, report)
    evaluate_resumes(resources, report)
    return report


def main() -> int:
    """Print precision and recall per measure, then the errors."""
    report = evaluate()
    print(f"{'measure':<15} {'precision':>9} {'recall':>7}")
    for name, precision, recall in report.rows():
        print(f"{name:<15} {precision:>9.3f} {recall:>7.3f}")
    for name, score in (
        ("skills", report.skills),
        ("achievements", report.achievements),
        ("metric kinds", report.metric_kinds),
        ("metric values", report.metric_values),
    ):
        for error in score.errors:
            print(f"[{name}] {error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
