"""The same bullet's advice shows once in the HTML report (issue 15).

A finding in "Fix these first" is not repeated in its part's list (the part says how many
are above), and the "Bullets that need a number" list shows the suggested shape, not the
finding's rewrite again.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from analyzer.api import analyze_resume
from analyzer.report.forms import render_html

ROOT = Path(__file__).resolve().parents[2]


def test_each_findings_advice_shows_once_in_the_html() -> None:
    analysis = analyze_resume(
        ROOT / "examples" / "resume.pdf", job=ROOT / "examples" / "posting.txt"
    )
    page = re.sub(r"\s+", " ", html.unescape(render_html(analysis)))
    bullets = [f for f in analysis.findings if f.anchor and f.anchor.startswith("b")]
    assert len(bullets) >= 3
    for finding in analysis.findings:
        fix = re.sub(r"\s+", " ", finding.fix)
        assert page.count(fix) == 1, (finding.id, finding.anchor, page.count(fix))
    assert 'under "Fix these first" above' in page
