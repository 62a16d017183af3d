"""One set of bullet glyphs: every reader knows every glyph the definition names."""

from __future__ import annotations

import pytest

from analyzer.ats.evidence import _UNIT_BREAK
from analyzer.documents.entries import BULLET_GLYPH
from analyzer.documents.sections import _BULLET_START
from analyzer.glyphs import BULLET_GLYPHS, BULLET_SYMBOLS, MARKDOWN_MARKS, strip_glyphs
from analyzer.nlp.profile import _squash


@pytest.mark.parametrize("glyph", list(BULLET_GLYPHS))
def test_every_glyph_opens_a_bullet_for_the_document_readers(glyph: str) -> None:
    line = f"{glyph} Cut serving latency by 40%"
    match = BULLET_GLYPH.match(line)
    assert match is not None and line[match.end() :] == "Cut serving latency by 40%"
    assert _BULLET_START.match(line) is not None


@pytest.mark.parametrize("glyph", list(BULLET_GLYPHS + MARKDOWN_MARKS))
def test_every_glyph_is_stripped_by_the_nlp_stage_and_the_report(glyph: str) -> None:
    assert strip_glyphs(f"  {glyph}{glyph} Cut latency by 40%  ") == "Cut latency by 40%"
    assert _squash(f"{glyph} Cut  Latency") == "cut latency"


@pytest.mark.parametrize("glyph", list(BULLET_SYMBOLS))
def test_every_symbol_separates_evidence_units(glyph: str) -> None:
    assert _UNIT_BREAK.split(f"Built a feature store {glyph} Served 2M users") == [
        "Built a feature store",
        "Served 2M users",
    ]


def test_words_with_hyphens_are_not_bullets() -> None:
    assert strip_glyphs("end-to-end pipeline") == "end-to-end pipeline"
    assert BULLET_GLYPH.match("10x faster") is None
