"""The language a resume is written in, told from its function words.

A first step, documented as such: each language mlcheck names in headings.json's
``function_words`` has a short list of common function words ("und", "the", "avec"); the words
found in one language's list only are counted over the text, and a language is named when it
holds most of them. With too few such words (a bare list of skills) mlcheck says it cannot tell
(None) rather than guess. A language-identification package that ships its model would replace
the body of :func:`detect_language`, keeping its signature.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from analyzer.rules.headings import HeadingRules

MIN_WORDS = 8
"""Fewer telling function words than this and the language is not named."""
MIN_SHARE = 0.6
"""The share of the telling function words one language must hold to be named."""

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4)
def _telling_words(rules: HeadingRules) -> Mapping[str, str]:
    """Map each function word found in one language's list only to that language."""
    seen = Counter(word for words in rules.function_words.values() for word in words)
    return {
        word: code
        for code, words in rules.function_words.items()
        for word in words
        if seen[word] == 1
    }


def detect_language(text: str, rules: HeadingRules) -> str | None:
    """Return the ISO 639-1 code of the text's language, or None when it cannot tell."""
    telling = _telling_words(rules)
    counts = Counter(telling[word] for word in _WORD.findall(text.casefold()) if word in telling)
    total = sum(counts.values())
    if total < MIN_WORDS:
        return None
    code, hits = counts.most_common(1)[0]
    return code if hits >= MIN_SHARE * total else None
