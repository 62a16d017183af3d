"""Soft skills the posting asks for are named on their own line, never among the hard skills."""

from __future__ import annotations

import dataclasses

from analyzer.models import KeywordMatch, ResumeAnalysis
from analyzer.report import ReportFormat, render
from tests.report import sample


def _with_missing_teamwork() -> ResumeAnalysis:
    analysis = sample.sample_analysis()
    assert analysis.match is not None
    teamwork = KeywordMatch("teamwork", "required", 2, soft=True)
    match = dataclasses.replace(analysis.match, missing=(*analysis.match.missing, teamwork))
    return dataclasses.replace(analysis, match=match)


def test_missing_soft_skills_have_their_own_line_in_every_form() -> None:
    analysis = _with_missing_teamwork()
    text = render(analysis, ReportFormat.TEXT)
    hard = next(line for line in text.splitlines() if line.startswith("Missing required skills"))
    assert "teamwork" not in hard
    assert "Soft skills asked for that no bullet shows: teamwork" in text
    markdown = render(analysis, ReportFormat.MD)
    assert "**Soft skills asked for that no bullet shows:** teamwork" in markdown
    html = render(analysis, ReportFormat.HTML)
    assert "<strong>Soft skills asked for that no bullet shows:</strong> teamwork." in html
