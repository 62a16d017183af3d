"""Characters of a PDF page from pdfium, each with how much a person can see of it.

pdfium's text page gives every character with its box, font size and name, fill colour and
text render mode, several times faster than pdfminer. Whether a character can be seen is
judged the way a person judges it: the page is rendered twice at screen resolution, with and
without its text objects, and the pixels under each character are compared. A character
that changes no pixel is not visible, whatever the trick: render mode 3 or 7, white on white,
under a rectangle or an image, clipped away, in switched-off optional content, a tint of 0,
outside the crop box. One that changes pixels only faintly is low-contrast text.

The characters come out as the dicts pdfplumber's word grouping takes (``x0``, ``x1``,
``top``, ``bottom`` in points from the top-left corner of the page as displayed), so the
rest of the reader keeps its machinery.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

RENDER_SCALE = 1.0
"""Pixels per point of the renders that judge visibility (72 dpi: a 6 pt line is 6 px)."""
NO_INK = 6
"""A character whose pixels change by at most this much (0-255) when it is drawn is unseen."""
INVISIBLE_MODES = frozenset({3, 7})
"""Text render modes that paint nothing: 3 (invisible) and 7 (clip only)."""
LOOSE_HEIGHT = 1.5
"""Most a character's box may exceed its font size (in ems) before it is rebuilt from the
baseline."""
ASCENT, DESCENT = 0.8, 0.2
"""The em box of a rebuilt character: above and below the baseline, in ems."""
_HYPHEN_CODE = 2
"""What pdfium reports for a hyphen it took as a line-end soft hyphen."""


@dataclass(frozen=True)
class _Style:
    """What a text object gives all its characters."""

    font: str
    colour: tuple[float, float, float]
    mode: int


class _Transform:
    """Map PDF user space to the displayed page (top-left origin, points), rotation included."""

    def __init__(self, page: pdfium.PdfPage, width: float, height: float) -> None:
        def device(x: float, y: float) -> tuple[float, float]:
            dx, dy = ctypes.c_int(), ctypes.c_int()
            # 1000x the page size in device units keeps rounding well under a point.
            pdfium_c.FPDF_PageToDevice(
                page.raw, 0, 0, round(width * 1000), round(height * 1000), 0, x, y, dx, dy
            )
            return dx.value / 1000, dy.value / 1000

        ox, oy = device(0, 0)
        ux, uy = device(1000, 0)
        vx, vy = device(0, 1000)
        self.a, self.b = (ux - ox) / 1000, (uy - oy) / 1000
        self.c, self.d = (vx - ox) / 1000, (vy - oy) / 1000
        self.e, self.f = ox, oy

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, ...]:
        """Return (x0, top, x1, bottom) on the displayed page of a user-space rectangle."""
        xs = [self.a * x + self.c * y + self.e for x in (left, right) for y in (bottom, top)]
        ys = [self.b * x + self.d * y + self.f for x in (left, right) for y in (bottom, top)]
        return min(xs), min(ys), max(xs), max(ys)


def _style(obj: Any, cache: dict[int, _Style], name: Any) -> _Style:
    key = ctypes.addressof(obj.contents) if obj else 0
    style = cache.get(key)
    if style is not None:
        return style
    font, colour, mode = "", (0.0, 0.0, 0.0), 0
    if obj:
        r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
        if pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a):
            colour = (r.value / 255, g.value / 255, b.value / 255)
        handle = pdfium_c.FPDFTextObj_GetFont(obj)
        if handle and pdfium_c.FPDFFont_GetBaseFontName(handle, name, len(name)):
            font = name.value.decode("latin-1")
        mode = int(pdfium_c.FPDFTextObj_GetTextRenderMode(obj))
    style = cache[key] = _Style(font, colour, mode)
    return style


def _text(textpage: Any, index: int) -> str | None:
    code = int(pdfium_c.FPDFText_GetUnicode(textpage, index))
    if code in (0x0D, 0x0A, 0xAD, 0xFFFE, 0xFFFF, 0):
        # Line breaks pdfium inserts between lines, soft hyphens (drawn as nothing unless
        # a line breaks there, and then pdfium reports a hyphen), non-characters.
        return None
    if code == _HYPHEN_CODE and pdfium_c.FPDFText_IsHyphen(textpage, index) == 1:
        return "-"
    if code != 0x20 and pdfium_c.FPDFText_HasUnicodeMapError(textpage, index) == 1:
        return f"(cid:{code})"  # as pdfminer shows a glyph with no Unicode map
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return chr(code)


def page_chars(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[dict[str, Any]]:
    """Return the page's characters as pdfplumber-shaped dicts, with ``ink`` still unset."""
    width, height = page.get_size()
    transform = _Transform(page, width, height)
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    matrix = pdfium_c.FS_MATRIX()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    styles: dict[int, _Style] = {}
    name = ctypes.create_string_buffer(256)
    chars: list[dict[str, Any]] = []
    for index in range(textpage.count_chars()):
        text = _text(raw, index)
        if text is None:
            continue
        if text == " " and pdfium_c.FPDFText_IsGenerated(raw, index) == 1:
            # A space pdfium inferred from a gap: its box is not reliable, so it sits right
            # after the character before it, where the gap starts.
            if chars:
                chars.append(_generated_space(chars[-1]))
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect):
            continue
        obj = pdfium_c.FPDFText_GetTextObject(raw, index)
        style = _style(obj, styles, name)
        # pdfium's font size leaves out the text matrix (Word writes 1 pt fonts scaled up).
        size = float(pdfium_c.FPDFText_GetFontSize(raw, index))
        if pdfium_c.FPDFText_GetMatrix(raw, index, matrix):
            size *= math.hypot(matrix.c, matrix.d)
        low, high = rect.bottom, rect.top
        if high - low > LOOSE_HEIGHT * size and pdfium_c.FPDFText_GetCharOrigin(
            raw, index, origin_x, origin_y
        ):
            # A font with a bogus bounding box gives boxes that reach into the lines above
            # and below; an em box on the baseline keeps each line apart.
            low, high = origin_y.value - DESCENT * size, origin_y.value + ASCENT * size
        x0, y0, x1, y1 = transform.box(rect.left, low, rect.right, high)
        # The glyph's own ink box: the loose box reaches into the lines above and below.
        if pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top):
            ink_box = transform.box(left.value, bottom.value, right.value, top.value)
        else:
            ink_box = (x0, y0, x1, y1)
        chars.append(
            {
                "text": text,
                "x0": x0,
                "x1": x1,
                "top": y0,
                "bottom": y1,
                "doctop": y0,
                "ink_box": ink_box,
                "upright": True,
                "size": size,
                "fontname": style.font,
                "non_stroking_color": style.colour,
                "mode": style.mode,
                "generated": False,
                "object": obj,
            }
        )
    return chars


def _generated_space(before: dict[str, Any]) -> dict[str, Any]:
    space = dict(before)
    space.update(text=" ", x0=before["x1"], generated=True, object=None)
    space["ink_box"] = (before["x1"], before["top"], before["x1"], before["bottom"])
    return space


def _render(page: pdfium.PdfPage) -> np.ndarray:
    bitmap = page.render(scale=RENDER_SCALE, may_draw_forms=False)
    pixels: np.ndarray = bitmap.to_numpy()
    return pixels[..., :3].astype(np.int16)


def measure_ink(page: pdfium.PdfPage, chars: list[dict[str, Any]]) -> None:
    """Set each character's ``ink``: how much drawing it changes the rendered page (0-255).

    Characters whose box lies outside the rendered page get ``ink`` -1.
    """
    objects: dict[int, Any] = {}
    for char in chars:
        obj = char["object"]
        if obj:
            objects.setdefault(ctypes.addressof(obj.contents), obj)
    drawn = _render(page)
    for obj in objects.values():
        pdfium_c.FPDFPageObj_SetIsActive(obj, False)
    try:
        bare = _render(page)
    finally:
        for obj in objects.values():
            pdfium_c.FPDFPageObj_SetIsActive(obj, True)
    change = np.abs(drawn - bare).max(axis=2)
    rows, cols = change.shape
    for char in chars:
        left, top, right, bottom = (v * RENDER_SCALE for v in char.pop("ink_box"))
        x0, x1 = max(0, int(left)), min(cols, max(int(np.ceil(right)), int(left) + 1))
        y0, y1 = max(0, int(top)), min(rows, max(int(np.ceil(bottom)), int(top) + 1))
        char["ink"] = int(change[y0:y1, x0:x1].max()) if x1 > x0 and y1 > y0 else -1
        del char["object"]
