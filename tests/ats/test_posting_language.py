"""A posting written in another language than the resume (issue 15, advice review).

Against a Spanish posting, an English resume was told to add 'desarrollo', 'equipo' and
'aplicaciones': words of another language are not missing from it. The keyword finding says
the comparison could not be made and claims no points; the posting's own stop words are left
out of its salient terms.
"""

from __future__ import annotations

import dataclasses

from analyzer.ats.findings import ats_findings
from analyzer.ats.posting.keywords import _stop_words
from analyzer.findings import Severity
from analyzer.models import KeywordMatch
from analyzer.rules import shipped_rules
from tests.report import sample


def _keyword_finding(languages: tuple[str | None, str | None]) -> object:
    sampled = sample.sample_analysis().match
    assert sampled is not None
    match = dataclasses.replace(
        sampled,
        missing=(
            KeywordMatch("desarrollo", "keyword", 3),
            KeywordMatch("equipo", "keyword", 2),
        ),
        components=(*sampled.components, ("keywords", 2.0, 10.0)),
    )
    found = [
        f
        for f in ats_findings(match, shipped_rules().scoring.ats, languages=languages)
        if f.id == "ats.missing_keywords"
    ]
    assert len(found) == 1
    return found[0]


def test_a_posting_in_another_language_gets_no_keyword_advice_and_no_points() -> None:
    finding = _keyword_finding(("en", "es"))
    assert finding.severity is Severity.LOW and finding.impact == 0.0  # type: ignore[attr-defined]
    message = finding.message  # type: ignore[attr-defined]
    assert message.startswith("The posting is written in Spanish and your resume in English")
    assert "could not match" in message


def test_the_same_language_or_an_unknown_one_keeps_the_keyword_advice() -> None:
    for languages in (("en", "en"), (None, "es"), ("en", None)):
        finding = _keyword_finding(languages)
        assert "salient terms are not in your resume" in finding.message  # type: ignore[attr-defined]
        assert finding.impact > 0  # type: ignore[attr-defined]


def test_a_spanish_posting_drops_spanish_stop_words() -> None:
    rules = shipped_rules().posting.keywords
    assert "nuestro" in _stop_words(rules, "es")
    assert "nuestro" not in _stop_words(rules, None)
    assert _stop_words(rules, "xx") == _stop_words(rules, None)  # no spaCy list: English only
