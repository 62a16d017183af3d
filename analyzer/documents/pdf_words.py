"""Group a page's characters into words, as pdfplumber's ``extract_words`` does, faster.

The reader groups words with ``extract_words(chars, x_tolerance_ratio=0.15, y_tolerance=3,
extra_attrs=["size", "fontname", "non_stroking_color"], return_chars=True)``. pdfplumber
does it in generators, a method call per character and a dict per word built twice; on our
upright pdfium characters this does the same steps in one loop: the same runs of characters
sharing upright, size, font and colour, the same lines (tops clustered within 3 pt, each
sorted left to right), the same word breaks and the same word dicts. Text that is not
upright (only pdfplumber's fallback reading gives any) goes to pdfplumber itself.
"""

from __future__ import annotations

import itertools
import re
from operator import itemgetter
from typing import Any

from pdfplumber.utils import extract_words
from pdfplumber.utils.text import LIGATURES

X_TOLERANCE_RATIO = 0.15
"""Widest gap between two letters of a word, in ems of the letter before it."""
Y_TOLERANCE = 3
"""Most two letters of a word, or two lines of one run, may differ in top (points)."""
EXTRA_ATTRS = ("size", "fontname", "non_stroking_color")
"""Character attributes a word takes from its first letter (and a run shares)."""

_UPRIGHT = itemgetter("upright")
_STYLE = itemgetter(*EXTRA_ATTRS)
_TOP = itemgetter("top")
_X0 = itemgetter("x0")
_X1 = itemgetter("x1")
_BOTTOM = itemgetter("bottom")
_TEXT = itemgetter("text")
_HAS_LIGATURE = re.compile("|".join(map(re.escape, LIGATURES)))


def page_words(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the words of these characters, each with its ``chars``, in pdfplumber's order."""
    if not set(map(_UPRIGHT, chars)) <= {True}:
        return list(
            extract_words(
                chars,
                x_tolerance_ratio=X_TOLERANCE_RATIO,
                y_tolerance=Y_TOLERANCE,
                extra_attrs=list(EXTRA_ATTRS),
                return_chars=True,
            )
        )
    words: list[dict[str, Any]] = []
    # Every upright equals True: runs differ in the extra attributes alone.
    for _, grouped in itertools.groupby(chars, _STYLE):
        run = list(grouped)
        tolerance = X_TOLERANCE_RATIO * run[0]["size"]
        for line in _lines(run):
            _add_words(line, tolerance, words)
    return words


def _lines(run: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Split a run into lines as pdfplumber's ``cluster_objects`` on tops does, each by x0.

    Distinct tops are sorted and chained while each is within Y_TOLERANCE of the one before;
    a line keeps its characters' run order among equal x0 (both sorts are stable).
    """
    if len(run) == 1:
        return [run]
    distinct = set(map(_TOP, run))
    low = min(distinct)
    if max(distinct) <= low + Y_TOLERANCE:
        return [sorted(run, key=_X0)]  # each top within the tolerance of the one before
    tops = sorted(distinct)
    cluster: dict[float, int] = {}
    index = 0
    last = tops[0]
    for top in tops:
        if top > last + Y_TOLERANCE:
            index += 1
        cluster[top] = index
        last = top
    if index == 0:
        return [sorted(run, key=_X0)]
    lines: list[list[dict[str, Any]]] = [[] for _ in range(index + 1)]
    for char in run:
        lines[cluster[char["top"]]].append(char)
    for line in lines:
        line.sort(key=_X0)
    return lines


def _add_words(line: list[dict[str, Any]], tolerance: float, words: list[dict[str, Any]]) -> None:
    """Cut one line into words where pdfplumber's ``char_begins_new_word`` does.

    The word's bounds are gathered on the way, as min() and max() would give them: the first
    letter's, replaced only by a strictly smaller or larger one. (The line is sorted by x0,
    so its first letter has the word's x0.)
    """
    current: list[dict[str, Any]] = []
    # The letter before: its x0, its right edge plus the gap allowed, its top.
    x0 = reach = top = 0.0
    # The word's bounds so far.
    w_top = w_x1 = w_bottom = 0.0
    for char in line:
        text = char["text"]
        if text.isspace():
            if current:
                words.append(_word(current, w_top, w_x1, w_bottom))
                current = []
            continue
        if not text:
            # pdfplumber's split_at_punctuation="" contains "": an empty text is a word alone.
            if current:
                words.append(_word(current, w_top, w_x1, w_bottom))
            words.append(_word([char], char["top"], char["x1"], char["bottom"]))
            current = []
            continue
        c_x0, c_top, c_x1, c_bottom = char["x0"], char["top"], char["x1"], char["bottom"]
        if not current:
            current = [char]
            w_top, w_x1, w_bottom = c_top, c_x1, c_bottom
        elif (
            c_x0 < x0
            or c_x0 > reach
            # abs(c_top - top) > Y_TOLERANCE, without the call
            or (rise := c_top - top) > Y_TOLERANCE
            or rise < -Y_TOLERANCE
        ):
            words.append(_word(current, w_top, w_x1, w_bottom))
            current = [char]
            w_top, w_x1, w_bottom = c_top, c_x1, c_bottom
        else:
            current.append(char)
            if c_top < w_top:
                w_top = c_top
            if c_x1 > w_x1:
                w_x1 = c_x1
            if c_bottom > w_bottom:
                w_bottom = c_bottom
        x0, reach, top = c_x0, c_x1 + tolerance, c_top
    if current:
        words.append(_word(current, w_top, w_x1, w_bottom))


def _word(chars: list[dict[str, Any]], top: float, x1: float, bottom: float) -> dict[str, Any]:
    """Merge a word's characters into pdfplumber's word dict (``merge_chars``)."""
    first = chars[0]
    x0 = first["x0"]
    if len(chars) == 1:
        text = LIGATURES.get(first["text"], first["text"])
    else:
        text = "".join(map(_TEXT, chars))
        if _HAS_LIGATURE.search(text):
            text = "".join(LIGATURES.get(char["text"], char["text"]) for char in chars)
    return {
        "text": text,
        "x0": x0,
        "x1": x1,
        "top": top,
        "doctop": top + (first["doctop"] - first["top"]),
        "bottom": bottom,
        "upright": first["upright"],
        "height": bottom - top,
        "width": x1 - x0,
        "direction": "ltr",
        "size": first["size"],
        "fontname": first["fontname"],
        "non_stroking_color": first["non_stroking_color"],
        "chars": chars,
    }
