"""Size of the self-contained HTML report, page images included, for a 1-, 2- and 3-page resume.

    python benchmarks/report_size.py

Renders the HTML report (against examples/posting.txt) of the shipped example and of the two-
and three-page corpus resumes below (../shared/corpus, or $MLCHECK_SHARED/corpus; skipped when
absent), and prints each file's size and how much of it the embedded page images take. The aim
stated in the README: under 400 KB for a two-page resume.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EXAMPLE = ROOT / "examples" / "resume.pdf"
POSTING = ROOT / "examples" / "posting.txt"
CORPUS_FILES = ("altacv__sample.pdf", "friggeri_a4__cv.pdf")
"""A two-page (AltaCV, two columns) and a three-page (Friggeri, A4) corpus resume."""
_IMAGE = re.compile(r'href="(data:image/png;base64,[^"]+)"')


def main() -> None:
    """Print one line per resume: pages, report size, page-image share."""
    from analyzer.api import analyze_resume
    from analyzer.report import ReportFormat, render
    from tests.shared import CORPUS

    resumes = [EXAMPLE] + [CORPUS / "resumes" / name for name in CORPUS_FILES]
    print(f"{'resume':36} {'pages':>5} {'report':>9} {'images':>9}")
    for resume in resumes:
        if not resume.exists():
            print(f"{resume.name:36} (absent: set MLCHECK_SHARED)")
            continue
        analysis = analyze_resume(resume, job=POSTING)
        html = render(analysis, ReportFormat.HTML).encode("utf-8")
        images = sum(len(m) for m in _IMAGE.findall(html.decode("utf-8")))
        pages = analysis.document.pages
        print(f"{resume.name:36} {pages:>5} {len(html) / 1000:>6.0f} KB {images / 1000:>6.0f} KB")


if __name__ == "__main__":
    main()
