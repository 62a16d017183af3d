"""The blank pipeline's tokenizer, built once, is spaCy's own with the extra rules."""

from __future__ import annotations

import spacy
import srsly

from analyzer.nlp.pipeline import BLANK, _extend_tokenizer, build_nlp

TRICKY = (
    "C#/.NET, F#; AWS(S3) Python|SQL Node.js/Express TF/Keras [PyTorch] {JAX} "
    "see https://example.com/a/b or www.example.org/x. Don't stop-gap R. e.g. A/B testing."
)


def test_the_blank_tokenizer_is_spacys_extended_one() -> None:
    built = build_nlp(BLANK)
    extended = spacy.blank("en")
    _extend_tokenizer(extended)
    settings = srsly.msgpack_loads(built.tokenizer.to_bytes(exclude=["vocab"]))
    assert settings == srsly.msgpack_loads(extended.tokenizer.to_bytes(exclude=["vocab"]))
    assert built.tokenizer.faster_heuristics == extended.tokenizer.faster_heuristics
    assert [t.text for t in built.make_doc(TRICKY)] == [t.text for t in extended.make_doc(TRICKY)]
    assert [t.text for t in built.make_doc("C#/.NET and F#")] == ["C#", "/", ".NET", "and", "F#"]
    assert built.pipe_names == ["sentencizer"]
