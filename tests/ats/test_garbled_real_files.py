"""Garbled text is judged by how much of the text is lost, and icons are not garbled text.

Real resumes from ../shared/corpus (skipped when absent): icon fonts (FontAwesome) and symbol
fonts (marvosym, LaTeX math symbols) print contact icons and bullets whose glyphs have no
Unicode map; they must not raise the garbled-text alarm. A font that loses one ligature in a
thousand characters is a LOW finding quoting its line, never HIGH.
"""

from __future__ import annotations

import pytest

from analyzer.api import analyze_resume
from analyzer.findings import Severity
from tests.shared import CORPUS

RESUMES = CORPUS / "resumes"

ICONS_ONLY = [
    "altacv__sample.pdf",  # FontAwesome 5 contact icons
    "latexcv__infographics2_fr.pdf",  # FontAwesome 5 tiles
    "moderncv__template_banking_red.pdf",  # a LaTeX math-extension symbol
    "resumematcher__harvey_dent_mle.pdf",  # FontAwesome 5 LinkedIn/GitHub icons
    "resumematcher__bruce_wayne_fullstack.pdf",
]


def _garbled(name: str) -> list[tuple[Severity, str | None]]:
    path = RESUMES / name
    if not path.is_file():
        pytest.skip(f"{name} is not in the shared corpus at {RESUMES}")
    return [
        (f.severity, f.evidence)
        for f in analyze_resume(path).findings
        if f.id == "readability.garbled_text"
    ]


@pytest.mark.parametrize("name", ICONS_ONLY)
def test_icon_glyphs_are_not_garbled_text(name: str) -> None:
    assert _garbled(name) == []


def test_one_lost_ligature_is_low_and_quotes_its_line() -> None:
    # latexcv's sidebar: the "fi" of "Scientific" has no Unicode map; 2 of ~2,000 letters.
    ((severity, evidence),) = _garbled("latexcv__sidebar.pdf")
    assert severity is Severity.LOW
    assert evidence is not None and "Scienti(cid:" in evidence
