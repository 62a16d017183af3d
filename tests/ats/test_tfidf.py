"""scikit-learn's TF-IDF through analyzer.ats.tfidf: the same figures, without scipy.stats."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analyzer.ats.tfidf import english_stop_words, tfidf_cosine

POSTING = "Machine learning engineer: Python, PyTorch, Kubernetes; deploy models to production."
RESUME = "ML engineer. Built PyTorch models in Python and deployed them on Kubernetes at scale."


def test_cosine_is_scikit_learns_cosine_similarity() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    matrix = TfidfVectorizer(stop_words="english", ngram_range=(1, 2)).fit_transform(
        [POSTING, RESUME]
    )
    expected = float(cosine_similarity(matrix[0], matrix[1])[0, 0])
    assert 0.1 < expected < 0.9
    assert tfidf_cosine(POSTING, RESUME) == pytest.approx(expected, abs=1e-12)


def test_cosine_of_stop_words_only_raises_scikit_learns_error() -> None:
    with pytest.raises(ValueError):
        tfidf_cosine("the and of", "was were is")


def test_stop_words_are_scikit_learns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert english_stop_words() == ENGLISH_STOP_WORDS
    assert "the" in english_stop_words()


def _after_a_cosine(code: str) -> tuple[str, str]:
    """Run ``code`` in a fresh interpreter after one TF-IDF cosine; return its two lines.

    The cosine must be the one computed here: a stand-in must not change the figure.
    """
    prelude = (
        "import sys\n"
        "from analyzer.ats.tfidf import tfidf_cosine\n"
        f"print(round(tfidf_cosine({POSTING!r}, {RESUME!r}), 6))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", prelude + code], capture_output=True, text=True, check=True
    )
    cosine, loaded, used = result.stdout.splitlines()
    assert float(cosine) == pytest.approx(tfidf_cosine(POSTING, RESUME), abs=1e-6)
    return loaded, used


def test_scipy_stats_is_imported_only_when_used() -> None:
    code = (
        "print('scipy.stats._stats_py' in sys.modules)\n"
        "from scipy.stats import rankdata\n"
        "import scipy.stats\n"
        "print(list(rankdata([3, 1, 2])), scipy.stats.norm.cdf(0.0))\n"
    )
    loaded, used = _after_a_cosine(code)
    assert loaded == "False"
    assert used == "[np.float64(3.0), np.float64(1.0), np.float64(2.0)] 0.5"


def test_sklearn_preprocessing_is_imported_whole_only_when_used() -> None:
    code = (
        "print('scipy.interpolate' in sys.modules,"
        " 'sklearn.preprocessing._polynomial' in sys.modules)\n"
        "from sklearn.preprocessing import SplineTransformer, normalize\n"
        "import sklearn.preprocessing\n"
        "print(SplineTransformer.__module__, normalize.__module__,"
        " sklearn.preprocessing.StandardScaler.__name__)\n"
    )
    loaded, used = _after_a_cosine(code)
    assert loaded == "False False"
    assert used == "sklearn.preprocessing._polynomial sklearn.preprocessing._data StandardScaler"


def test_scipy_special_is_imported_only_when_used() -> None:
    code = (
        "print('scipy.special._support_alternative_backends' in sys.modules)\n"
        "from scipy.special import boxcox, expit\n"
        "import scipy.special\n"
        "print(boxcox(1.0, 0.0), expit(0.0), scipy.special.logit(0.5))\n"
    )
    loaded, used = _after_a_cosine(code)
    assert loaded == "False"
    assert used == "0.0 0.5 0.0"


def test_sklearn_callback_is_imported_whole_only_when_used() -> None:
    code = (
        "print('rich' in sys.modules, 'sklearn.callback._progressbar' in sys.modules)\n"
        "from sklearn.callback import CallbackSupportMixin, ProgressBar\n"
        "import sklearn.callback\n"
        "from sklearn.preprocessing import StandardScaler\n"
        "print(ProgressBar.__module__, CallbackSupportMixin.__module__,"
        " sklearn.callback.ScoringMonitor.__name__,"
        " issubclass(StandardScaler, sklearn.callback.CallbackSupportMixin))\n"
    )
    loaded, used = _after_a_cosine(code)
    assert loaded == "False False"
    assert used == (
        "sklearn.callback._progressbar sklearn.callback._callback_support ScoringMonitor True"
    )
