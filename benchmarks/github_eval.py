"""How well `mlcheck repo` orders real repositories against a reviewer's ranking (issue 17).

The labelled set is the table "Labelled set" in docs/github.md: 15 public repositories, each
ranked by hand for overall quality and for hygiene before mlcheck was run on them. This script
judges each checkout with `mlcheck repo`'s analysis (``review_local_repo``, no network) and
prints the Spearman correlation of the repo score and of the hygiene score with those ranks.

The checkouts are not committed: docs/github.md says how to recreate them. They are looked for
in $MLCHECK_GITHUB_REPOS (default /tmp/repos), one folder per repo named ``owner__name``.

    python benchmarks/github_eval.py            # table, then the two figures
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from scipy.stats import spearmanr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer.github import review_local_repo  # noqa: E402
from analyzer.github.portfolio import repo_score  # noqa: E402
from analyzer.rules import shipped_rules  # noqa: E402

DOC = ROOT / "docs" / "github.md"
TODAY = _dt.date(2026, 11, 29)
"""The day the ranking was written: recency is judged as of then, so the figures stay put."""

_ROW = re.compile(
    r"^\| (?P<repo>[\w.-]+/[\w.-]+) \| (?P<commit>[0-9a-f]{40}) \| (?P<quality>\d+) \|"
    r" [^|]+ \| (?P<hygiene>\d+) \|"
)


@dataclass(frozen=True)
class Label:
    """One labelled repository: its name, commit and the two hand-made ranks (1 = best)."""

    repo: str
    """owner/name."""
    commit: str
    """The commit the ranking was made on."""
    quality: int
    """Rank for overall repo quality."""
    hygiene: int
    """Rank for hygiene alone."""


def labels(doc: Path = DOC) -> list[Label]:
    """Read the labelled set from the table in docs/github.md."""
    found = []
    for line in doc.read_text("utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            found.append(
                Label(
                    match["repo"],
                    match["commit"],
                    int(match["quality"]),
                    int(match["hygiene"]),
                )
            )
    return found


def repos_dir() -> Path:
    """Return the folder holding the checkouts ($MLCHECK_GITHUB_REPOS, default /tmp/repos)."""
    return Path(os.environ.get("MLCHECK_GITHUB_REPOS", "/tmp/repos"))


def checkout(label: Label, where: Path | None = None) -> Path:
    """Return the checkout folder of a labelled repo (owner__name)."""
    return (where or repos_dir()) / label.repo.replace("/", "__")


@dataclass(frozen=True)
class Evaluation:
    """The scores of each checkout and the two correlations with the hand ranking."""

    rows: tuple[tuple[Label, float, float, float], ...]
    """(label, repo score, README score, hygiene score) per checkout found."""
    repo_rho: float
    """Spearman correlation of the repo score with the quality ranking."""
    hygiene_rho: float
    """Spearman correlation of the hygiene score with the hygiene ranking."""


def evaluate(where: Path | None = None) -> Evaluation:
    """Judge every labelled checkout present and correlate the scores with the ranks."""
    rubric = shipped_rules().portfolio
    rows = []
    for label in labels():
        path = checkout(label, where)
        if not path.is_dir():
            continue
        review = review_local_repo(path, TODAY, rubric=rubric)
        rows.append((label, repo_score(review, rubric), review.readme.score, review.hygiene.score))
    # ranks: 1 is best, scores: higher is best, so correlate scores with minus the rank
    repo_rho = spearmanr([-r[0].quality for r in rows], [r[1] for r in rows]).statistic
    hygiene_rho = spearmanr([-r[0].hygiene for r in rows], [r[3] for r in rows]).statistic
    return Evaluation(tuple(rows), float(repo_rho), float(hygiene_rho))


def main() -> int:
    """Print each checkout's scores beside its ranks, then the two Spearman figures."""
    missing = [lab.repo for lab in labels() if not checkout(lab).is_dir()]
    if missing:
        print(f"missing checkouts in {repos_dir()}: {', '.join(missing)}", file=sys.stderr)
    result = evaluate()
    if len(result.rows) < 3:
        print("too few checkouts to correlate", file=sys.stderr)
        return 2
    print(f"{'repository':40} {'rank':>4} {'repo':>6} {'readme':>6} {'rank':>4} {'hygiene':>7}")
    for label, repo, readme, hygiene in sorted(result.rows, key=lambda r: r[0].quality):
        print(
            f"{label.repo:40} {label.quality:4d} {repo:6.1f} {readme:6.1f}"
            f" {label.hygiene:4d} {hygiene:7.1f}"
        )
    print(f"\n{len(result.rows)} repositories")
    print(f"Spearman, repo score vs quality rank:   {result.repo_rho:.3f}")
    print(f"Spearman, hygiene score vs hygiene rank: {result.hygiene_rho:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
