"""The years of experience are shown with how "present" was read, escaped in every form."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from markupsafe import escape

from analyzer.api import analyze_resume
from analyzer.report.forms import render_html, render_markdown, terminal_summary

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "resume.pdf"
POSTING = ROOT / "examples" / "posting.txt"


def test_the_years_note_is_shown_next_to_the_years_in_every_form() -> None:
    for job in (None, POSTING):
        analysis = analyze_resume(EXAMPLE, job=job)
        note = analysis.profile.years_note
        assert note.startswith("'present' counted up to")
        text = " ".join(terminal_summary(analysis).split())
        assert "Years of experience on the resume: 6.4 years" in text
        assert note in text
        assert note in render_markdown(analysis).replace("\\", "")
        assert str(escape(note)) in render_html(analysis)


def test_the_years_note_is_escaped() -> None:
    analysis = analyze_resume(EXAMPLE, job=POSTING)
    hostile = "<script>alert(1)</script> *bold* [x](y)"
    analysis = dataclasses.replace(
        analysis, profile=dataclasses.replace(analysis.profile, years_note=hostile)
    )
    page = render_html(analysis)
    assert "<script>alert(1)" not in page
    assert str(escape(hostile)) in page
    markdown = render_markdown(analysis)
    assert "<script>" not in markdown and "*bold*" not in markdown
    assert "\x1b" not in terminal_summary(
        dataclasses.replace(
            analysis,
            profile=dataclasses.replace(analysis.profile, years_note="a\x1b[31mred"),
        )
    )
