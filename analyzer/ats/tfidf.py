"""scikit-learn's TF-IDF and English stop words, imported at the least start-up cost.

Any import from scikit-learn runs ``sklearn/__init__``, which imports ``sklearn.base`` and,
through it, ``sklearn.utils.fixes``; that module imports ``scipy.stats`` at its top for
helpers mlcheck never calls. Importing ``scipy.stats`` builds the docstrings of a hundred
distributions: 0.5-0.8 s of CPU, a fifth of a one-resume check. So while scikit-learn is
first imported, ``scipy.stats`` is stood in by a module that imports the real one the moment
anything reads from it (an attribute, a ``from scipy.stats import ...``); nothing mlcheck
runs does, and anything else in the process that does gets the real module, only later.

The TF-IDF module imports one function from ``sklearn.preprocessing``, ``normalize``, and that
package's ``__init__`` imports all its transformers, the spline one with ``scipy.interpolate``
and ``scipy.optimize`` (0.2 s of CPU). So ``sklearn.preprocessing`` is stood in too:
``normalize`` comes from ``sklearn.preprocessing._data``, which defines it, and reading
anything else imports the real package.

``sklearn.utils._array_api`` imports ``scipy.special`` at its top for two functions mlcheck
never calls (``expit``, ``logit``), and its ``__init__`` wraps every function for array-API
backends (about 0.08 s of CPU). So ``scipy.special`` is stood in as well; the only names read
from it while scikit-learn is imported, ``boxcox`` and ``inv_boxcox`` (by
``sklearn.preprocessing._data``), come from ``scipy.special._ufuncs``, which defines them (the
same objects the package exports).

``sklearn.preprocessing._data`` imports one class from ``sklearn.callback``, whose
``__init__`` also imports the progress-bar callback and with it ``rich.progress`` (0.04 s
of CPU). So ``sklearn.callback`` is stood in too, ``CallbackSupportMixin`` served from
``sklearn.callback._callback_support``, which defines it.

The cosine of two TF-IDF rows is their dot product: ``TfidfVectorizer`` already scales every
row to unit length (``norm="l2"``), so ``sklearn.metrics`` (which imports ``scipy.stats`` at
its top, for ``rankdata``) is not needed.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from typing import Any

_DEFERRED = "scipy.stats"
_PREPROCESSING = "sklearn.preprocessing"
_SPECIAL = "scipy.special"
_CALLBACK = "sklearn.callback"
_LOCK = threading.RLock()


class _Deferred(types.ModuleType):
    """A stand-in that imports the real module on the first attribute read from it."""

    def __getattr__(self, attr: str) -> Any:
        home = self.__dict__.get("_homes", {}).get(attr)
        if home is not None and self.__dict__.get("_real") is None:
            # Served from the one submodule that defines it, the package left unrun.
            return getattr(importlib.import_module(f"{self.__name__}.{home}"), attr)
        with _LOCK:
            real = self.__dict__.get("_real")
            if real is None:
                if self.__dict__.get("_loading"):
                    # Read while the real module runs (its parent still points here): the
                    # partly built module, as in any circular import.
                    return getattr(sys.modules[self.__name__], attr)
                self.__dict__["_loading"] = True
                try:
                    if sys.modules.get(self.__name__) is self:
                        del sys.modules[self.__name__]
                    real = importlib.import_module(self.__name__)
                finally:
                    self.__dict__["_loading"] = False
                parent, _, child = self.__name__.rpartition(".")
                setattr(sys.modules[parent], child, real)
                self.__dict__["_real"] = real
        return getattr(real, attr)


def _defer(name: str, homes: dict[str, str] | None = None) -> None:
    """Put a stand-in for module ``name`` in sys.modules unless it is imported already.

    ``homes`` names, for a few attributes, the submodule of package ``name`` that defines
    each: reading one imports only that submodule.
    """
    if name in sys.modules:
        return
    parent = importlib.import_module(name.rpartition(".")[0])
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = _Deferred(name)
    # The import system reads these without going through __getattr__.
    stand_in.__spec__ = spec
    stand_in.__file__ = spec.origin
    stand_in.__path__ = list(spec.submodule_search_locations or [])
    stand_in.__dict__["_homes"] = dict(homes or {})
    sys.modules[name] = stand_in
    setattr(parent, name.rpartition(".")[2], stand_in)


def _text_module() -> Any:
    """Return sklearn.feature_extraction.text, imported once without scipy.stats."""
    module = sys.modules.get("sklearn.feature_extraction.text")
    if module is None:
        with _LOCK:
            _defer(_DEFERRED)
            _defer(_SPECIAL, dict.fromkeys(("boxcox", "inv_boxcox"), "_ufuncs"))
            _defer(_PREPROCESSING, {"normalize": "_data"})  # imports sklearn itself
            _defer(_CALLBACK, {"CallbackSupportMixin": "_callback_support"})
        module = importlib.import_module("sklearn.feature_extraction.text")
    return module


def english_stop_words() -> frozenset[str]:
    """Return scikit-learn's English stop-word list."""
    return frozenset(_text_module().ENGLISH_STOP_WORDS)


def tfidf_cosine(first: str, second: str) -> float:
    """Return the cosine of two texts' TF-IDF vectors (English stop words, 1-2 grams).

    Raises ValueError when the texts hold nothing but stop words (scikit-learn's own error).
    """
    vectorizer = _text_module().TfidfVectorizer(stop_words="english", ngram_range=(1, 2))
    matrix = vectorizer.fit_transform([first, second])
    return float((matrix[0] @ matrix[1].T).toarray()[0, 0])
