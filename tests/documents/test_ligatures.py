"""Ligature letters survive the overprint filter: pdfium gives each letter of an "ff" glyph the
glyph's box, which looks like a character printed twice but is one glyph printed once."""

from __future__ import annotations

from typing import Any

import pytest

from analyzer.api import analyze_resume
from analyzer.documents.pdf import _dedupe_printed_twice
from tests.shared import CORPUS


def _char(text: str, x0: float, top: float = 100.0, width: float = 5.0) -> dict[str, Any]:
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + width,
        "top": top,
        "bottom": top + 10,
        "doctop": top,
        "upright": True,
        "fontname": "Serif",
        "size": 10.0,
    }


def _word(text: str, x0: float, top: float = 100.0, ligature_at: int | None = None) -> list[Any]:
    """Characters of ``text``; the letter at ``ligature_at`` shares the box of the one before."""
    chars, x = [], x0
    for index, letter in enumerate(text):
        if index == ligature_at:
            chars.append(_char(letter, chars[-1]["x0"], top))
            continue
        chars.append(_char(letter, x, top))
        x += 5.0
    return chars


def _text(chars: list[dict[str, Any]]) -> str:
    return "".join(char["text"] for char in chars)


def test_the_second_letter_of_a_ligature_is_kept() -> None:
    # "coffee" with an ff ligature, next to a fake-bold "A" printed twice on one spot
    chars = [*_word("coffee", 10, ligature_at=3), _char("A", 80), _char("A", 80.2)]
    assert _text(_dedupe_printed_twice(chars)) == "coffeeA"


def test_a_shadowed_line_with_a_ligature_is_read_once() -> None:
    line = _word("office", 10, ligature_at=2)
    shadow = [dict(char, x0=char["x0"] + 0.3, x1=char["x1"] + 0.3) for char in line]
    assert _text(_dedupe_printed_twice(line + shadow)) == "office"


def test_a_page_with_no_overprint_is_left_alone() -> None:
    chars = _word("traffic", 10, ligature_at=3)
    assert _dedupe_printed_twice(chars) is chars


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_friggeri_reads_coffee_and_office_with_both_fs() -> None:
    path = CORPUS / "resumes" / "friggeri_a4__cv.pdf"
    if not path.is_file():
        pytest.skip(f"{path.name} is not in the corpus")
    text = " ".join(section.text for section in analyze_resume(path).document.sections).lower()
    assert "coffee" in text and "office" in text
    assert "cofee" not in text and "ofice" not in text
