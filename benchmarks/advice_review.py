"""Print the "Fix these first" table of every corpus resume for docs/advice-review.md.

Each resume is run against the posting named on its "Posting:" line in that doc; the rows are
`analysis.findings[:5]`, the same findings the text report shows first (view.FIX_FIRST_COUNT).

    python benchmarks/advice_review.py > /tmp/tables.md
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from analyzer.api import analyze_resume
from analyzer.report.view import FIX_FIRST_COUNT

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"  # ../shared/corpus
DOC = Path(__file__).resolve().parents[1] / "docs" / "advice-review.md"
DEFAULT_POSTING = "glassdoor__machine-learning-engineer__kodiak-robotics__row98.txt"


def cut(text: str | None, width: int) -> str:
    text = " ".join((text or "-").split()).replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def postings() -> dict[str, str]:
    """Resume file name -> posting file name, read from the doc's headings and Posting lines."""
    pairs: dict[str, str] = {}
    resume = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            resume = line[3:].strip()
        elif resume and (match := re.match(r"Posting: `([^`]+)`", line)):
            pairs[resume] = match.group(1)
    return pairs


def main() -> int:
    resumes = CORPUS / "resumes"
    if not resumes.is_dir():
        print(f"no corpus at {resumes}; nothing to review")
        return 0
    pairs = postings()
    for path in sorted(p for p in resumes.iterdir() if p.is_file()):
        posting = pairs.get(path.name, DEFAULT_POSTING)
        analysis = analyze_resume(path, job=CORPUS / "jobs" / posting)
        print(f"## {path.name}\n\nPosting: `{posting}`.\n")
        print("| # | severity | finding | points | page | evidence | verdict |")
        print("|---|---|---|---:|---:|---|---|")
        for n, f in enumerate(analysis.findings[:FIX_FIRST_COUNT], 1):
            finding = cut(f"`{f.id}`: {f.message}", 150)
            page = f.page if f.page is not None else "-"
            row = [str(n), f.severity.value, finding, f"{f.impact:g}", str(page)]
            print("| " + " | ".join([*row, cut(f.evidence, 60), ""]) + " |")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
