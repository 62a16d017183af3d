"""Hard and soft skills apart, with counts on both sides (issue 14)."""

from __future__ import annotations

import json

from analyzer.api import analyze_document
from analyzer.ats.findings import ats_findings
from analyzer.ats.match import match_resume
from analyzer.ats.posting import parse_posting
from analyzer.findings import Severity
from analyzer.nlp.resources import get_resources
from analyzer.report import ReportFormat, render, render_saved
from analyzer.settings import Settings
from tests.ats.resumes import fake_profile, text_document

RES = get_resources(Settings())

POSTING = """Job Title: Data Scientist

Requirements
- Python and SQL; Python daily.
- Strong communication skills, teamwork and leadership.
- Problem solving.
"""

RESUME = """Kim Example
Data Scientist

EXPERIENCE
Data Scientist | Acme | 2020 - Present
- Led a team of 4 analysts building churn models in Python, cutting churn by 8%.
- Presented findings to the executive board every quarter.
- Wrote Python jobs that refresh 30 dashboards a day.

SKILLS
Python
"""


def analysis():  # type: ignore[no-untyped-def]
    """The resume above matched against the posting above."""
    return analyze_document(text_document(RESUME), parse_posting(POSTING, RES), Settings())


def test_soft_skills_are_marked_and_never_high() -> None:
    document = text_document(RESUME)
    profile = fake_profile(document, RES, years=5.0, degree="bachelor")
    result = match_resume(document, profile, parse_posting(POSTING, RES), RES)
    every = {k.keyword: k for k in (*result.matched, *result.missing)}
    assert {"communication skills", "teamwork", "leadership", "problem solving"} <= {
        name for name, k in every.items() if k.soft
    }
    assert not every["Python"].soft and not every["SQL"].soft
    findings = ats_findings(result, RES.rules.scoring.ats)
    high = " ".join(f.message for f in findings if f.severity is Severity.HIGH)
    assert "SQL" in high
    for soft in ("communication", "teamwork", "leadership", "problem solving"):
        assert soft not in high


def test_soft_skills_are_shown_by_bullets() -> None:
    document = text_document(RESUME)
    profile = fake_profile(document, RES, years=5.0, degree="bachelor")
    result = match_resume(document, profile, parse_posting(POSTING, RES), RES)
    found = {k.keyword: k for k in result.matched}
    assert found["leadership"].satisfied_by == "'led a team'"
    assert found["leadership"].used
    assert found["communication skills"].satisfied_by == "'presented findings'"


def test_each_keyword_counts_posting_and_resume() -> None:
    document = text_document(RESUME)
    profile = fake_profile(document, RES, years=5.0, degree="bachelor")
    result = match_resume(document, profile, parse_posting(POSTING, RES), RES)
    python = next(k for k in result.matched if k.keyword == "Python")
    assert (python.posting_count, python.resume_count) == (2, 3)
    assert all(k.resume_count == 0 for k in result.missing)


def test_reports_show_the_soft_table_and_the_counts() -> None:
    done = analysis()
    markdown = render(done, ReportFormat.MD)
    assert "| Soft skill | Importance | In posting | In resume |" in markdown
    assert "| Python | required | 2 | 3 |" in markdown
    html = render(done, ReportFormat.HTML)
    assert '<th scope="col">Soft skill</th>' in html
    saved = render(done, ReportFormat.JSON)
    python = next(k for k in json.loads(saved)["ats"]["matched"] if k["keyword"] == "Python")
    assert python["resume_count"] == 3
    assert render_saved(saved, ReportFormat.MD) == markdown
