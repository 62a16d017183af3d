"""contains_phrase: whole-word containment, exactly what ``(?<![\\w-])PHRASE(?![\\w-])`` finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from analyzer.ats.posting.reading import contains_phrase

PIECES = st.sampled_from(["a", "ab", "b", "-", "_", " ", "1", "é", "²", "٣", ".", "\u00a0", "\t"])


def _pattern_says(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text) is not None


@given(st.lists(PIECES, max_size=8).map("".join), st.lists(PIECES, max_size=3).map("".join))
def test_contains_phrase_is_the_whole_word_pattern(text: str, phrase: str) -> None:
    assert contains_phrase(text, phrase) == _pattern_says(text, phrase)


def test_contains_phrase_cases() -> None:
    assert contains_phrase("what you will do", "you will do")
    assert contains_phrase("requirements: python", "requirements")
    assert not contains_phrase("pre-requirements", "requirements")
    assert not contains_phrase("requirements_list", "requirements")
    assert not contains_phrase("requirements2", "requirements")
    # The first occurrence is glued to a word; a later one stands alone.
    assert contains_phrase("nice-to-haves, nice to have", "nice to have")
    assert not contains_phrase("", "a")
