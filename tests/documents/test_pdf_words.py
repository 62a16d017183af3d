"""The reader's own word grouping gives pdfplumber's extract_words words, dict for dict."""

from __future__ import annotations

import random
from typing import Any

import pypdfium2 as pdfium
import pytest
from pdfplumber.utils import extract_words

from analyzer.documents import pdf, pdf_words
from analyzer.settings import Limits
from tests.shared import CORPUS


def _plumber(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The call the reader made before it grouped words itself."""
    return list(
        extract_words(
            chars,
            x_tolerance_ratio=0.15,
            y_tolerance=3,
            extra_attrs=["size", "fontname", "non_stroking_color"],
            return_chars=True,
        )
    )


def _assert_same_words(chars: list[dict[str, Any]]) -> int:
    ours, theirs = pdf_words.page_words(chars), _plumber(chars)
    assert ours == theirs

    # Same keys in the same order, values down to the sign of a zero (repr, as JSON shows
    # them), and each word holds the very character dicts.
    def shown(words: list[dict[str, Any]]) -> list[str]:
        return [repr({key: value for key, value in w.items() if key != "chars"}) for w in words]

    assert shown(ours) == shown(theirs)
    assert all(
        list(map(id, a["chars"])) == list(map(id, b["chars"]))
        for a, b in zip(ours, theirs, strict=True)
    )
    return len(ours)


def _char(text: str, x0: float, top: float, **style: Any) -> dict[str, Any]:
    size = style.pop("size", 10.0)
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + style.pop("width", 5.0),
        "top": top,
        "bottom": top + size,
        "doctop": top + style.pop("page_top", 0.0),
        "upright": style.pop("upright", True),
        "size": size,
        "fontname": style.pop("fontname", "Lato-Regular"),
        "non_stroking_color": style.pop("color", (0.0, 0.0, 0.0)),
    }


def test_words_of_a_hand_made_line_with_every_kind_of_break() -> None:
    chars = [
        _char("H", 10, 100),
        _char("i", 15, 100),
        _char(" ", 20, 100),  # a blank ends the word
        _char("t", 25, 100),
        _char("\ufb01", 30, 100),  # a ligature is expanded
        _char("x", 40, 100),  # 5 pt after "ﬁ": more than 0.15 em, a new word
        _char("y", 44.9, 103.5),  # more than 3 pt lower: a new word
        _char("", 50, 103.5),  # an empty text is a word of its own
        _char("z", 55, 103.5),
        _char("a", 54, 103.5),  # left of "z": sorted first by x0
        _char("B", 60, 100, fontname="Lato-Bold"),  # another font: another run
        _char("C", 65, 100, size=12.0),  # another size: another run
        _char("D", 70, 100, color=(1.0, 0.0, 0.0), page_top=792.0),  # another colour, doctop
        _char("E", 75, 102, color=(1.0, 0.0, 0.0)),  # 2 pt lower: same line, same word
        _char("F", 80, 130, color=(1.0, 0.0, 0.0)),  # far lower: another line of the run
    ]
    assert _assert_same_words(chars) == 10
    texts = [word["text"] for word in pdf_words.page_words(chars)]
    assert texts == ["Hi", "tfi", "x", "y", "", "az", "B", "C", "DE", "F"]


def test_text_that_is_not_upright_goes_to_pdfplumber() -> None:
    chars = [
        _char("a", 10, 100, upright=False),
        _char("b", 10, 105, upright=False),
        _char("c", 30, 100),
    ]
    assert _assert_same_words(chars) == 2
    # Upright values equal to True share runs, as in pdfplumber; 2 does not.
    for upright in (1, 2):
        assert _assert_same_words([_char("a", 10, 100), _char("b", 15, 100, upright=upright)])


def test_random_pages_give_the_same_words() -> None:
    rng = random.Random(20)
    for _ in range(200):
        styles = [
            {"fontname": rng.choice(["A", "B"]), "size": rng.choice([8.0, 10.0, 10.5])}
            for _ in range(3)
        ]
        chars = []
        for _ in range(rng.randint(0, 80)):
            chars.append(
                _char(
                    rng.choice("ab ﬁ\t") if rng.random() < 0.9 else "",
                    rng.choice([round(rng.uniform(0, 100), rng.choice([0, 1, 3])), 0.0, -0.0]),
                    rng.choice([0.0, -0.0, 3.0, 101.5, 103.0, 104.0, rng.uniform(95, 115)]),
                    width=rng.choice([0.0, 2.0, 5.0]),
                    **dict(rng.choice(styles)),
                )
            )
        _assert_same_words(chars)


def test_corpus_pages_give_pdfplumbers_words() -> None:
    """Every corpus page: its characters, those seen and each group of unseen ones."""
    paths = sorted((CORPUS / "resumes").glob("*.pdf"))
    if not paths:
        pytest.skip("shared corpus not available")
    words = 0
    for path in paths:
        document = pdfium.PdfDocument(path)
        try:
            for number in range(1, len(document) + 1):
                page = document[number - 1]
                try:
                    facts = pdf._pdfium_page(page, number, Limits())
                finally:
                    page.close()
                seen, unseen = pdf._split_seen(facts.chars)
                for chars in [facts.chars, seen, *unseen.values()]:
                    words += _assert_same_words(chars)
        finally:
            document.close()
    assert words > 20_000  # about 27,000 when written
