"""The TF-IDF similarity and stop words mlcheck ships are scikit-learn's, to the last bit."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.ats.match import text_similarity
from analyzer.ats.similarity import tfidf_cosine
from analyzer.ats.stop_words import ENGLISH_STOP_WORDS

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
sklearn_pairwise = pytest.importorskip("sklearn.metrics.pairwise")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def sklearn_cosine(first: str, second: str) -> float | None:
    """Return scikit-learn's figure, None for an empty vocabulary."""
    vectorizer = sklearn_text.TfidfVectorizer(stop_words="english", ngram_range=(1, 2))
    try:
        matrix = vectorizer.fit_transform([first, second])
    except ValueError:
        return None
    return float(sklearn_pairwise.cosine_similarity(matrix[0], matrix[1])[0, 0])


def texts() -> list[str]:
    """Postings and resume-like texts of the repository, and a few made-up edge cases."""
    found = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    found += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    return [
        *found,
        "Python, PyTorch and SQL; 5+ years of MLOps. Python again: python!",
        "Les données à l'échelle: Spark, Kafka, naïve Bayes, ÉTÉ 2023",
        "the and of",
        "",
        "x y z",
    ]


def test_stop_words_are_sklearns() -> None:
    assert ENGLISH_STOP_WORDS == sklearn_text.ENGLISH_STOP_WORDS


@pytest.mark.parametrize("first", range(len(texts())))
def test_cosine_equals_sklearn_bit_for_bit(first: int) -> None:
    corpus = texts()
    for second in corpus:
        assert tfidf_cosine(corpus[first], second) == sklearn_cosine(corpus[first], second)


def test_only_stop_words_is_no_similarity() -> None:
    assert tfidf_cosine("the and of", "x y") is None
    assert text_similarity("the and of", "x y") == 0.0


def test_same_text_is_similarity_one() -> None:
    assert text_similarity("machine learning pipelines", "Machine learning pipelines") == 1.0
