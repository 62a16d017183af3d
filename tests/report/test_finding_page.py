"""Findings from the resume text carry their evidence and page, and the JSON keeps the page."""

from __future__ import annotations

import json
from pathlib import Path

from analyzer.api import analyze_resume
from analyzer.models import ResumeAnalysis
from analyzer.report.forms import render_json
from analyzer.report.json_form import read_saved
from tests.pdf_factory import make_resume_pdf

ROOT = Path(__file__).resolve().parents[2]


def test_bullet_findings_point_at_their_page_and_the_json_keeps_it() -> None:
    analysis = analyze_resume(ROOT / "examples" / "resume.pdf")
    bullets = [f for f in analysis.findings if f.area == "bullets"]
    assert bullets and all(f.evidence and f.page == 1 for f in bullets)
    text = render_json(analysis)
    assert {f["page"] for f in json.loads(text)["findings"] if f["area"] == "bullets"} == {1}
    again = read_saved(text)
    assert isinstance(again, ResumeAnalysis)
    assert again.findings == analysis.findings


def test_a_bullet_on_page_two_says_page_two(tmp_path: Path) -> None:
    path = make_resume_pdf(
        tmp_path / "two_pages.pdf",
        name="Ada Lovelace",
        contact_lines=["ada@example.com | +44 20 7946 0000"],
        sections=[
            ("Experience", ["- Built the churn model that cut churn by 12% for 3 regions."]),
            ("Projects", ["- Worked on the reporting dashboards for the sales team"]),
        ],
        new_page_before=["Projects"],
    )
    analysis = analyze_resume(path)
    dashboards = next(
        f for f in analysis.findings if f.evidence and "reporting dashboards" in f.evidence
    )
    assert dashboards.page == 2
