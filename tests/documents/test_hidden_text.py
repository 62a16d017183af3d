"""Hidden text is judged the way a person sees the rendered page, whatever the trick.

Each generated PDF (tests/hidden_pdfs.py) hides the same keywords one way. The keywords must
be reported with their page, kept out of the text, the skills and the ATS score, and named
in a finding; text drawn visibly in unusual colours must stay text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.api import analyze_resume
from analyzer.documents import read_document
from analyzer.models import HiddenText
from tests.hidden_pdfs import (
    HIDDEN,
    LURE,
    TECHNIQUES,
    VISIBLE_CONTROLS,
    hidden_pdf,
    lure_pdf,
    visible_pdf,
    write_pdf,
)
from tests.shared import CORPUS

POSTING = """Machine Learning Engineer

Requirements
- Kubernetes, Terraform and Snowflake in production
- Python and PyTorch
"""
HIDDEN_SKILLS = {"Kubernetes", "Terraform", "Snowflake"}

REASONS = {
    "render_mode_3": "invisible",
    "render_mode_7": "invisible",
    "under_white_rectangle": "covered",
    "under_black_rectangle": "covered",
    "under_image": "covered",
    "white_on_white_image": "colour",
    "zero_area_clip": "covered",
    "optional_content_off": "covered",
    "separation_tint_0": "colour",
    "lab_white": "colour",
    "outside_crop_box": "offpage",
}


@pytest.fixture(scope="module")
def posting(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("posting") / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def clean_score(tmp_path_factory: pytest.TempPathFactory, posting: Path) -> float:
    clean = write_pdf(tmp_path_factory.mktemp("clean") / "clean.pdf", "")
    analysis = analyze_resume(clean, job=posting)
    assert analysis.match is not None
    return analysis.match.score


def test_every_technique_has_a_reason() -> None:
    assert set(REASONS) == set(TECHNIQUES)
    assert len(TECHNIQUES) == 11


@pytest.mark.parametrize("technique", sorted(TECHNIQUES))
def test_hidden_keywords_are_reported_and_never_read(tmp_path: Path, technique: str) -> None:
    document = read_document(hidden_pdf(tmp_path / f"{technique}.pdf", technique))
    assert document.layout.hidden == (HiddenText(HIDDEN, page=1, reason=REASONS[technique]),)
    for word in HIDDEN.split():
        assert word not in document.text
    assert "Ada Lovelace" in document.text


@pytest.mark.parametrize("technique", sorted(TECHNIQUES))
def test_hidden_keywords_earn_nothing_and_are_named(
    tmp_path: Path, technique: str, posting: Path, clean_score: float
) -> None:
    analysis = analyze_resume(hidden_pdf(tmp_path / f"{technique}.pdf", technique), job=posting)
    assert HIDDEN_SKILLS.isdisjoint(skill.name for skill in analysis.profile.skills)
    assert analysis.match is not None
    assert analysis.match.score == clean_score
    finding = next(f for f in analysis.findings if f.id == "readability.hidden_text")
    assert finding.severity.value == "high"
    assert finding.evidence == HIDDEN
    assert "page 1" in finding.message


def test_a_faint_lure_line_is_its_own_finding(tmp_path: Path) -> None:
    analysis = analyze_resume(lure_pdf(tmp_path / "lure.pdf"))
    assert analysis.document.layout.hidden == (HiddenText(LURE, page=1, reason="faint"),)
    assert "pre-qualified" not in analysis.document.text
    ids = [f.id for f in analysis.findings]
    assert "readability.faint_text" in ids and "readability.hidden_text" not in ids
    finding = next(f for f in analysis.findings if f.id == "readability.faint_text")
    assert finding.severity.value == "high"  # it speaks to automated screeners
    assert finding.evidence == LURE
    assert "too faint to read" in finding.message and "page 1" in finding.message


@pytest.mark.parametrize("control", sorted(VISIBLE_CONTROLS))
def test_visible_text_in_unusual_colours_stays_text(tmp_path: Path, control: str) -> None:
    document = read_document(visible_pdf(tmp_path / f"{control}.pdf", control))
    assert document.layout.hidden == ()
    expected = "Jan 2020 - Present" if control == "light_grey_dates" else HIDDEN
    assert expected in document.text


def test_white_text_on_a_dark_band_is_analysed(tmp_path: Path, posting: Path) -> None:
    analysis = analyze_resume(visible_pdf(tmp_path / "dark.pdf", "dark_background"), job=posting)
    assert HIDDEN_SKILLS <= {skill.name for skill in analysis.profile.skills}
    assert not [f for f in analysis.findings if f.id.startswith("readability.hidden")]


# The one corpus file that really hides text: brilliant-CV's example prints its keywords in
# 2 pt white at the top-left corner (see the corpus MANIFEST).
CORPUS_HIDDEN = {
    "brilliantcv__CV.pdf": (HiddenText("Data Analyst GCP Python SQL Tableau", 1, "colour"),)
}


def test_real_resumes_raise_no_false_hidden_text() -> None:
    resumes = CORPUS / "resumes"
    if not resumes.is_dir():
        pytest.skip(f"shared corpus not found at {resumes} (set MLCHECK_SHARED)")
    found = {path.name: read_document(path).layout.hidden for path in sorted(resumes.glob("*.pdf"))}
    assert {name: hidden for name, hidden in found.items() if hidden} == CORPUS_HIDDEN
