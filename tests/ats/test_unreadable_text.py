"""Text that does not read as language (a broken ToUnicode map) is a blocking finding.

The generated PDF (tests/broken_tounicode_pdf.py) shows an English resume on the page while
its text layer reads "Nbdijof Mfbsojoh": the finding leads, the quality score is capped and the
advice that judges the text ("no e-mail", bullets) is withheld. Real resumes of the shared
corpus, several in Spanish, French and German, are language and are never flagged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.api import analyze_resume
from analyzer.ats.readability import function_word_share
from analyzer.findings import BLOCKED_SCORE_CAP, Severity
from tests.broken_tounicode_pdf import broken_tounicode_pdf
from tests.shared import CORPUS

RESUMES = CORPUS / "resumes"


def test_a_broken_tounicode_map_is_the_first_finding_and_caps_the_score(tmp_path: Path) -> None:
    analysis = analyze_resume(broken_tounicode_pdf(tmp_path / "broken_tounicode.pdf"))
    first = analysis.findings[0]
    assert first.id == "readability.unreadable_text"
    assert first.severity is Severity.HIGH
    assert first.page == 1
    assert first.evidence is not None and "Nbdijof Mfbsojoh" in first.evidence
    assert f"capped at {BLOCKED_SCORE_CAP:.0f}" in first.message
    assert analysis.quality_score <= BLOCKED_SCORE_CAP
    assert "readability.missing_email" not in {f.id for f in analysis.findings}


def test_the_same_words_unshifted_read_as_language() -> None:
    from tests.broken_tounicode_pdf import LINES

    share, words = function_word_share(" ".join(text for _size, text in LINES))
    assert words > 80 and share > 0.1


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in RESUMES.glob("*.*")) if RESUMES.is_dir() else ["(corpus absent)"],
)
def test_real_resumes_read_as_language(name: str) -> None:
    path = RESUMES / name
    if not path.is_file():
        pytest.skip(f"the shared corpus is not at {RESUMES}")
    ids = {f.id for f in analyze_resume(path).findings}
    assert "readability.unreadable_text" not in ids
