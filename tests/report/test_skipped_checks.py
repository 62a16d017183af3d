"""A check that could not run is reported as skipped, never as met or short (issue 15).

The posting asks years the resume's dates cannot show: the JSON says ``"check": "skipped"``,
the Markdown says mlcheck could not tell, and the finding claims no points. A check the
posting does not ask is "not_asked", and reads as a sentence ("posting asks not asked" was the
old Markdown).
"""

from __future__ import annotations

import dataclasses
import json

from analyzer.ats.findings import ats_findings
from analyzer.findings import Severity
from analyzer.models import Requirement, ResumeAnalysis
from analyzer.report.forms import render_json, render_markdown
from analyzer.report.json_form import read_saved
from analyzer.rules import shipped_rules
from tests.report import sample


def _analysis() -> ResumeAnalysis:
    analysis = sample.sample_analysis()
    assert analysis.match is not None
    match = dataclasses.replace(
        analysis.match,
        years=Requirement(3.0, None, False),
        degree=Requirement(None, "master", None),
    )
    return dataclasses.replace(analysis, match=match)


def test_json_marks_the_check_that_could_not_run_as_skipped() -> None:
    text = render_json(_analysis())
    ats = json.loads(text)["ats"]
    assert ats["years"]["check"] == "skipped"
    assert ats["degree"]["check"] == "not_asked"
    again = read_saved(text)
    assert isinstance(again, ResumeAnalysis) and again.match is not None
    assert again.match.years == Requirement(3.0, None, False)


def test_markdown_says_skipped_and_not_asked_in_words() -> None:
    markdown = render_markdown(_analysis())
    assert "- Years of experience: the posting asks 3 years; mlcheck could not tell" in markdown
    assert "(skipped, neither met nor short)" in markdown
    assert "- Degree: the posting asks for none (not checked)." in markdown
    assert "asks not asked" not in markdown


def test_a_met_check_still_reads_met() -> None:
    markdown = render_markdown(sample.sample_analysis())
    assert "- Degree: the posting asks bachelor; the resume shows master (meets)." in markdown


def test_years_the_dates_cannot_show_claim_no_points() -> None:
    analysis = _analysis()
    assert analysis.match is not None
    years = next(
        f
        for f in ats_findings(analysis.match, shipped_rules().scoring.ats)
        if f.id == "ats.years_short"
    )
    assert years.severity is Severity.LOW and years.impact == 0.0
    assert "could not tell" in years.message
