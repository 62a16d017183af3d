"""TF-IDF cosine similarity of a posting and a resume, as scikit-learn computes it.

``TfidfVectorizer(stop_words="english", ngram_range=(1, 2))`` fitted on the two texts, then
``cosine_similarity`` of the two rows, written out for two documents: importing scikit-learn
costs about 1.4 s of CPU (it imports SciPy's statistics), more than the rest of a check's
start-up. The sums run in scikit-learn's storage order (a row's terms in the order they were
first seen, the first text's unigrams, its bigrams, then the second text's new terms), so the
figures are the same to the last bit; tests/ats/test_similarity.py compares the two.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from analyzer.ats.stop_words import ENGLISH_STOP_WORDS

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
"""scikit-learn's default token_pattern: words of two or more word characters."""


def _terms(text: str) -> Counter[str]:
    """Count the unigrams and bigrams of a text after stop words are dropped."""
    words = [w for w in _TOKEN.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]
    terms = Counter(words)
    terms.update(" ".join(pair) for pair in zip(words, words[1:], strict=False))
    return terms


def _unit(weights: dict[str, float], order: dict[str, int]) -> dict[str, float]:
    """Divide by the L2 norm, summing the squares in scikit-learn's storage order."""
    norm = 0.0
    for term in sorted(weights, key=order.__getitem__):
        norm += weights[term] * weights[term]
    norm = math.sqrt(norm)
    if norm == 0.0:
        return weights
    return {term: value / norm for term, value in weights.items()}


def tfidf_cosine(first: str, second: str) -> float | None:
    """Return the TF-IDF cosine similarity of two texts; None when both hold only stop words."""
    counts = (_terms(first), _terms(second))
    order: dict[str, int] = {}
    for count in counts:
        for term in count:
            order.setdefault(term, len(order))
    if not order:
        return None
    # Smoothed idf: ln((1 + n) / (1 + df)) + 1, with n = 2 documents.
    idf = {
        term: math.log(3.0 / (1.0 + sum(1 for c in counts if term in c))) + 1.0 for term in order
    }
    rows = [_unit({t: n * idf[t] for t, n in c.items()}, order) for c in counts]
    # cosine_similarity normalises the (already unit) rows again before the dot product.
    rows = [_unit(row, order) for row in rows]
    dot = 0.0
    for term in sorted(rows[0].keys() & rows[1].keys(), key=order.__getitem__):
        dot += rows[0][term] * rows[1][term]
    return dot
