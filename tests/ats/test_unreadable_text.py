"""Text that does not read as language (a broken ToUnicode map) is a blocking finding.

The generated PDF (tests/broken_tounicode_pdf.py) shows an English resume on the page while
its text layer reads "Nbdijof Mfbsojoh": the finding leads, the quality score is capped and the
advice that judges the text ("no e-mail", bullets) is withheld. Real resumes of the shared
corpus, several in Spanish, French and German, are language and are never flagged.
"""

from __future__ import annotations

import json
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


def test_the_match_is_capped_and_the_headline_says_the_text_could_not_be_read(
    tmp_path: Path,
) -> None:
    import jsonschema

    from analyzer.report.forms import render_html, render_markdown, terminal_summary
    from analyzer.report.json_form import analysis_json

    root = Path(__file__).resolve().parents[2]
    schema = json.loads((root / "analyzer" / "schemas" / "resume.schema.json").read_text())
    analysis = analyze_resume(
        broken_tounicode_pdf(tmp_path / "broken_tounicode.pdf"),
        job=root / "examples" / "posting.txt",
    )
    match = analysis.match
    assert match is not None
    assert match.capped_by == "readability.unreadable_text"
    assert match.score <= BLOCKED_SCORE_CAP
    assert match.uncapped_score is not None and match.uncapped_score >= match.score
    assert abs(sum(earned for _n, earned, _a in match.components) - match.score) < 0.5
    data = analysis_json(analysis)
    jsonschema.validate(data, schema)
    assert data["ats"]["capped_by"] == "readability.unreadable_text"
    text = terminal_summary(analysis)
    assert "The text of this file could not be read" in text
    assert "required skill" not in text and "Missing required skills" not in text
    assert "capped at 20" in text
    for form in (render_markdown(analysis), render_html(analysis)):
        assert "could not be read" in form
        assert "required skills of the posting are missing" not in form


def test_cap_match_scales_the_components_to_the_capped_score() -> None:
    from analyzer.findings import cap_match
    from analyzer.models import AtsMatch, Requirement

    match = AtsMatch(
        score=57.0,
        similarity=0.3,
        title_match=1.0,
        matched=(),
        missing=(),
        years=Requirement(None, None, None),
        degree=Requirement(None, None, None),
        scoring_version="test",
        components=(("skills", 40.0, 60.0), ("title", 17.0, 40.0)),
    )
    capped = cap_match(match, "readability.unreadable_text")
    assert (capped.score, capped.uncapped_score) == (BLOCKED_SCORE_CAP, 57.0)
    assert capped.capped_by == "readability.unreadable_text"
    assert abs(sum(e for _n, e, _a in capped.components) - capped.score) < 0.2
    assert [a for _n, _e, a in capped.components] == [60.0, 40.0]
    assert match.capped_by is None  # an uncapped match names no cap
