"""Characters of a PDF page from pdfium, each with how much a person can see of it.

pdfium's text page gives every character with its box, font size and name, fill colour and
text render mode, several times faster than pdfminer. Whether a character can be seen is
judged the way a person judges it: the page is rendered twice at screen resolution, with and
without its text objects, and the pixels under each character are compared. A character
that changes no pixel is not visible, whatever the trick: render mode 3 or 7, white on white,
under a rectangle or an image, clipped away, in switched-off optional content, a tint of 0,
outside the crop box. One that changes pixels only faintly is low-contrast text. Objects
whose bounds come nowhere near a character are left out of the render without text (they
cannot change a pixel that is read), and when nothing but the text is drawn near any
character that render is the white page and is not made at all.

The characters come out as the dicts pdfplumber's word grouping takes (``x0``, ``x1``,
``top``, ``bottom`` in points from the top-left corner of the page as displayed), so the
rest of the reader keeps its machinery.
"""

from __future__ import annotations

import ctypes
import itertools
import math
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
_ASK_AGAIN = frozenset({0, 0xFFFE, 0xFFFF})
"""Values in pdfium's page text that may stand for another character value."""


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


def display_matrix(page: pdfium.PdfPage) -> tuple[float, float, float, float, float, float]:
    """Return the matrix from PDF user space to the displayed page (top-left origin, points)."""
    width, height = page.get_size()
    t = _Transform(page, width, height)
    return (t.a, t.b, t.c, t.d, t.e, t.f)


def _unchecked(function: Any, restype: Any = ctypes.c_int) -> Any:
    """Return a pdfium function that ctypes calls without converting its arguments.

    pypdfium2's bindings check every argument against its declared pointer type, which costs
    more than pdfium's own work in the functions called once per character or text object.
    Callers pass handles as pointers or ``c_void_p``, indexes as ints and out-parameters
    through ``byref``: nothing that ctypes' default conversion could get wrong.
    """
    bare = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    bare.restype = restype
    return bare


_GET_LOOSE_BOX = _unchecked(pdfium_c.FPDFText_GetLooseCharBox)
_GET_INK_BOX = _unchecked(pdfium_c.FPDFText_GetCharBox)
_GET_OBJECT = _unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_MAP_ERROR = _unchecked(pdfium_c.FPDFText_HasUnicodeMapError)
_IS_GENERATED = _unchecked(pdfium_c.FPDFText_IsGenerated)
_FILL_COLOUR = _unchecked(pdfium_c.FPDFPageObj_GetFillColor)
_GET_FONT = _unchecked(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)
_RENDER_MODE = _unchecked(pdfium_c.FPDFTextObj_GetTextRenderMode)
_FONT_SIZE = _unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_GET_MATRIX = _unchecked(pdfium_c.FPDFText_GetMatrix)
_SKIPPED = frozenset({0x0D, 0x0A, 0xAD, 0xFFFE, 0xFFFF, 0})
"""Line breaks pdfium inserts between lines, soft hyphens (drawn as nothing unless a line
breaks there, and then pdfium reports a hyphen), non-characters."""

_Facts = tuple[str, tuple[float, float, float], int, float, tuple[int, Any] | None]
"""What a character takes from its text object: font name, fill colour, render mode, font
size, and (the object's address, its handle) or None for a character without one."""


class _ObjectReader:
    """Read each text object's facts once, through out-parameters allocated once per page."""

    def __init__(self, textpage: Any) -> None:
        self.raw = textpage
        self.handle = ctypes.c_void_p(ctypes.addressof(textpage.contents))
        self.rgba = (ctypes.c_uint * 4)()
        self.colour_out = tuple(ctypes.byref(self.rgba, k * 4) for k in range(4))
        self.colours: dict[bytes, tuple[float, float, float]] = {}
        self.matrix = pdfium_c.FS_MATRIX()
        self.matrix_out = ctypes.byref(self.matrix)
        self.fonts: dict[int, str] = {}

    def facts(self, index: int, key: int | None) -> _Facts:
        """Return the facts of character ``index``, whose text object is at ``key``."""
        font, colour, mode, placed = "", (0.0, 0.0, 0.0), 0, None
        if key:
            obj = ctypes.cast(key, pdfium_c.FPDF_PAGEOBJECT)
            if _FILL_COLOUR(obj, *self.colour_out):
                rgba = bytes(self.rgba)
                colour = self.colours.get(rgba) or self._colour(rgba)
            font = self._font(_GET_FONT(obj))
            mode = _RENDER_MODE(obj)
            placed = (key, obj)
        # pdfium's font size leaves out the text matrix (Word writes 1 pt fonts scaled up).
        size = _FONT_SIZE(self.handle, index)
        if _GET_MATRIX(self.handle, index, self.matrix_out):
            size *= math.hypot(self.matrix.c, self.matrix.d)
        return font, colour, mode, size, placed

    def _colour(self, rgba: bytes) -> tuple[float, float, float]:
        r, g, b, _ = self.rgba
        colour = self.colours[rgba] = (r / 255, g / 255, b / 255)
        return colour

    def _font(self, handle: int | None) -> str:
        if not handle:
            return ""
        name = self.fonts.get(handle)
        if name is None:
            font = ctypes.cast(handle, pdfium_c.FPDF_FONT)
            length = 256
            while True:
                buffer = ctypes.create_string_buffer(length)
                needed = int(pdfium_c.FPDFFont_GetBaseFontName(font, buffer, length))
                if needed <= length:
                    break
                length = needed  # pdfium leaves a buffer too short untouched
            name = self.fonts[handle] = buffer.value.decode("latin-1") if needed else ""
        return name


def _codes(textpage: Any, count: int) -> list[int]:
    """Return every character's Unicode value, in one call to pdfium when it can be trusted.

    pdfium hands the page's text out as UTF-16, one unit per character unless a character
    lies beyond the Basic Multilingual Plane; then the values are read one by one. The text
    shows a line-end hyphen (value 2) as U+FFFE, so those and the other non-characters are
    read one by one too.
    """
    get_unicode = pdfium_c.FPDFText_GetUnicode
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    units = np.ctypeslib.as_array(buffer)[:count]
    if written != count + 1 or ((units >= 0xD800) & (units <= 0xDFFF)).any():
        return [int(get_unicode(textpage, index)) for index in range(count)]
    codes = units.tolist()
    for index in np.flatnonzero(np.isin(units, list(_ASK_AGAIN))).tolist():
        codes[index] = int(get_unicode(textpage, index))
    return codes


def _text(textpage: Any, handle: Any, index: int, code: int) -> str:
    """Return what a character (not one of ``_SKIPPED``, not a space) shows."""
    if code == _HYPHEN_CODE and pdfium_c.FPDFText_IsHyphen(textpage, index) == 1:
        return "-"
    if _MAP_ERROR(handle, index) == 1:
        return f"(cid:{code})"  # as pdfminer shows a glyph with no Unicode map
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return chr(code)


def _edges(transform: _Transform, boxes: Any) -> list[list[float]]:
    """Map user-space (left, bottom, right, top) boxes to the displayed page, all at once.

    Returns the lists of x0, top, x1 and bottom.
    """
    left, bottom, right, top = np.asarray(boxes, dtype=float).reshape(-1, 4).T
    t = transform
    xs = [t.a * x + t.c * y + t.e for x in (left, right) for y in (bottom, top)]
    ys = [t.b * x + t.d * y + t.f for x in (left, right) for y in (bottom, top)]
    return [
        np.minimum.reduce(xs).tolist(),
        np.minimum.reduce(ys).tolist(),
        np.maximum.reduce(xs).tolist(),
        np.maximum.reduce(ys).tolist(),
    ]


def _boxes(transform: _Transform, boxes: Any) -> list[tuple[float, float, float, float]]:
    """Map user-space (left, bottom, right, top) boxes to the displayed page, all at once."""
    return list(zip(*_edges(transform, boxes), strict=True))


def page_chars(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[dict[str, Any]]:
    """Return the page's characters as pdfplumber-shaped dicts, with ``ink`` still unset.

    Each keeps its text object as ``object``: (its address, the handle), or None.
    """
    width, height = page.get_size()
    transform = _Transform(page, width, height)
    raw = textpage.raw
    reader = _ObjectReader(raw)
    handle = reader.handle
    count = max(textpage.count_chars(), 0)  # -1 when pdfium fails
    # pdfium writes each loose box (FS_RECTF: left, top, right, bottom) straight into its
    # row; the ink box's left, right, bottom and top go through one reused buffer.
    loose_out = (ctypes.c_float * (count * 4))()
    loose = np.ctypeslib.as_array(loose_out).reshape(-1, 4)
    edges = (ctypes.c_double * 4)()
    edges_out = tuple(ctypes.byref(edges, k * 8) for k in range(4))
    byref, get_loose, get_ink = ctypes.byref, _GET_LOOSE_BOX, _GET_INK_BOX
    get_object, is_generated, map_error = _GET_OBJECT, _IS_GENERATED, _MAP_ERROR
    objects: dict[int, _Facts] = {}
    texts: list[str] = []
    facts: list[_Facts] = []
    indexes: list[int] = []
    glyphs: list[bytes] = []
    has_ink: list[int] = []
    gaps: list[int] = []  # characters kept before each space pdfium generated
    for index, code in enumerate(_codes(raw, count)):
        if code in _SKIPPED:
            continue
        if code == 0x20:
            if is_generated(handle, index) == 1:
                if texts:
                    gaps.append(len(texts))
                continue
            text = " "
        elif code < 0x80 and code != _HYPHEN_CODE:
            text = f"(cid:{code})" if map_error(handle, index) == 1 else chr(code)
        else:
            text = _text(raw, handle, index, code)
        if not get_loose(handle, index, byref(loose_out, index * 16)):
            continue
        # Style and size belong to the text object: read once per object.
        key = get_object(handle, index)
        found = objects.get(key) if key else None
        if found is None:
            found = reader.facts(index, key)
            if key:
                objects[key] = found
        texts.append(text)
        facts.append(found)
        indexes.append(index)
        has_ink.append(get_ink(handle, index, *edges_out))
        glyphs.append(bytes(edges))
    rows = np.array(indexes, dtype=np.intp)
    sizes = np.array([found[3] for found in facts], dtype=float)
    left, top, right, bottom = loose[rows].astype(float).T
    low, high = bottom.copy(), top.copy()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    for at in np.flatnonzero(top - bottom > LOOSE_HEIGHT * sizes).tolist():
        if pdfium_c.FPDFText_GetCharOrigin(raw, indexes[at], origin_x, origin_y):
            # A font with a bogus bounding box gives boxes that reach into the lines above
            # and below; an em box on the baseline keeps each line apart.
            size = float(sizes[at])
            low[at], high[at] = origin_y.value - DESCENT * size, origin_y.value + ASCENT * size
    boxes = np.column_stack([left, low, right, high])
    # The glyph's own ink box: the loose box reaches into the lines above and below.
    glyph = np.frombuffer(b"".join(glyphs), dtype=np.float64).reshape(-1, 4)[:, [0, 2, 1, 3]]
    inked = np.array(has_ink, dtype=bool)[:, None]
    ink_boxes = _boxes(transform, np.where(inked, glyph, boxes))
    chars = [
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
            "fontname": font,
            "non_stroking_color": colour,
            "mode": mode,
            "generated": False,
            "object": placed,
        }
        for text, x0, y0, x1, y1, ink_box, (font, colour, mode, size, placed) in zip(
            texts, *_edges(transform, boxes), ink_boxes, facts, strict=True
        )
    ]
    if gaps:
        # A space pdfium inferred from a gap: its box is not reliable, so it sits right
        # after the character before it, where the gap starts.
        spaced: list[dict[str, Any]] = []
        start = 0
        for gap in gaps:
            spaced += chars[start:gap]
            start = gap
            spaced.append(_generated_space(spaced[-1]))
        chars = spaced + chars[start:]
    return chars


def _generated_space(before: dict[str, Any]) -> dict[str, Any]:
    space = dict(before)
    space.update(text=" ", x0=before["x1"], generated=True, object=None)
    space["ink_box"] = (before["x1"], before["top"], before["x1"], before["bottom"])
    return space


def _render(page: pdfium.PdfPage) -> Any:
    return page.render(scale=RENDER_SCALE, may_draw_forms=False)


def _change(one: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Return, per pixel, the largest change of a colour channel (0-255) between two renders."""
    rows, cols = one.shape[:2]
    one, other = one[..., :3], other[..., :3]
    # In uint8 in two buffers, each touched once: high minus low cannot overflow, and a
    # fresh page-sized buffer costs more than the arithmetic in it.
    diff = np.maximum(one, other)
    low = np.minimum(one, other)
    diff -= low
    # The largest of each three neighbouring bytes, over the contiguous buffer; every third
    # one starts a pixel. Many times faster than a reduction over the short channel axis.
    flat, largest = diff.reshape(-1), low.reshape(-1)[:-2]
    np.maximum(flat[:-2], flat[1:-1], out=largest)
    np.maximum(largest, flat[2:], out=largest)
    return largest[::3].reshape(rows, cols)


def _change_on_blank(pixels: np.ndarray) -> np.ndarray:
    """Return what ``_change`` gives against a blank white page: 255 less the darkest channel."""
    # Pairwise: a reduction over the short channel axis is many times slower.
    darkest = np.minimum(pixels[..., 0], pixels[..., 1])
    np.minimum(darkest, pixels[..., 2], out=darkest)
    return np.subtract(255, darkest, out=darkest)


OCCLUDER_MARGIN = 3.0
"""Points by which another object's bounds are widened before they are taken to miss a
character: a pixel of anti-aliasing, a hairline drawn one pixel wide, a box's rounding."""


MAX_OTHERS = 150
"""Other objects past which the page without its text is rendered whole: reading thousands
of bounds through ctypes costs more than the render (a page of vector ornaments)."""


def _others(page: pdfium.PdfPage, objects: dict[int, Any]) -> tuple[list[Any], np.ndarray] | None:
    """Return what the renders draw besides these text objects, and its displayed boxes.

    That is every other top-level page object (a form counts as its whole bounds; its
    handle is returned) and every annotation pdfium draws (handle None: it cannot be left
    out). None when one of them has no bounds or could paint beyond them (a shading).
    """
    width, height = page.get_size()
    transform = _Transform(page, width, height)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    handles: list[Any] = []
    bounds: list[float] = []
    raw = page.raw
    count = pdfium_c.FPDFPage_CountObjects(raw)
    if count - len(objects) > MAX_OTHERS:
        return None
    for index in range(count):
        obj = pdfium_c.FPDFPage_GetObject(raw, index)
        if not obj:
            return None
        if ctypes.addressof(obj.contents) in objects:
            continue
        if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_SHADING:
            return None
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            return None
        handles.append(obj)
        bounds += (left.value, bottom.value, right.value, top.value)
    rect = pdfium_c.FS_RECTF()
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(raw, index)
        if not annot:
            return None
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(
                annot
            ) == pdfium_c.FPDF_ANNOT_LINK and not pdfium_c.FPDFAnnot_HasKey(annot, b"AP"):
                continue  # pdfium draws a link only from an appearance stream of its own
            if not pdfium_c.FPDFAnnot_GetRect(annot, rect):
                return None
            handles.append(None)
            bounds += (rect.left, rect.bottom, rect.right, rect.top)
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    if not handles:
        return handles, np.zeros((0, 4))
    return handles, np.array(_boxes(transform, bounds), dtype=float).reshape(-1, 4)


_OVERLAP_CHUNK = 256
"""Character boxes compared with all other objects at once (bounds the comparison's memory)."""


def _near(others: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Tell, for each other object's box, whether it comes near any character's box."""
    near = np.zeros(len(others), dtype=bool)
    if not len(others) or not len(boxes):
        return near
    wide = others.copy()
    wide[:, :2] -= OCCLUDER_MARGIN
    wide[:, 2:] += OCCLUDER_MARGIN
    for start in range(0, len(boxes), _OVERLAP_CHUNK):
        part = boxes[start : start + _OVERLAP_CHUNK, None, :]
        near |= (
            (part[..., 0] <= wide[:, 2])
            & (part[..., 2] >= wide[:, 0])
            & (part[..., 1] <= wide[:, 3])
            & (part[..., 3] >= wide[:, 1])
        ).any(axis=0)
    return near


def _plan(
    page: pdfium.PdfPage, objects: dict[int, Any], boxes: np.ndarray
) -> tuple[list[Any], list[Any] | None]:
    """Return the objects to leave out of the render with text, and of the one without it.

    An object that comes nowhere near a character cannot change a pixel that is read, and
    drawing it costs time (a page of vector ornaments, a photo decoded whole): it is left out
    of both renders. The text objects are left out of the render without text too. When
    nothing else is near any character, the page without its text is the white page under
    every box, and None says so (that render is not made). Any doubt renders everything.
    """
    found = _others(page, objects)
    if found is None:
        return [], list(objects.values())
    handles, others = found
    near = _near(others, boxes)
    far = [
        handle
        for handle, close in zip(handles, near.tolist(), strict=True)
        if not close and handle is not None
    ]
    if not near.any():
        return far, None
    return far, list(objects.values()) + far


def _render_without(page: pdfium.PdfPage, left_out: list[Any]) -> Any:
    """Render the page with these objects switched off, and switch them back on."""
    for obj in left_out:
        pdfium_c.FPDFPageObj_SetIsActive(obj, False)
    try:
        return _render(page)
    finally:
        for obj in left_out:
            pdfium_c.FPDFPageObj_SetIsActive(obj, True)


def measure_ink(page: pdfium.PdfPage, chars: list[dict[str, Any]]) -> None:
    """Set each character's ``ink``: how much drawing it changes the rendered page (0-255).

    Characters whose box lies outside the rendered page get ``ink`` -1. Only the part of the
    renders under some character's box is compared.
    """
    objects = dict(placed for char in chars if (placed := char["object"]) is not None)
    # A character's ink box is (x0, top, x1, bottom).
    edges = itertools.chain.from_iterable(char.pop("ink_box") for char in chars)
    boxes = np.fromiter(edges, dtype=float, count=4 * len(chars)).reshape(-1, 4)
    far, left_out = _plan(page, objects, boxes)
    drawn = _render_without(page, far)
    pixels = _pixel_boxes(boxes * RENDER_SCALE, drawn.height, drawn.width)
    x0, x1, y0, y1 = pixels
    inside = (x1 > x0) & (y1 > y0)
    inks = np.full(len(chars), -1, dtype=np.int64)
    if inside.any():
        left, right = int(x0[inside].min()), int(x1[inside].max())
        top, bottom = int(y0[inside].min()), int(y1[inside].max())
        region = (slice(top, bottom), slice(left, right))
        if left_out is None:
            change = _change_on_blank(drawn.to_numpy()[region])
        else:
            bare = _render_without(page, left_out)
            change = _change(drawn.to_numpy()[region], bare.to_numpy()[region])
        chosen = np.flatnonzero(inside)
        inks[chosen] = _maxima(
            change, x0[chosen] - left, x1[chosen] - left, y0[chosen] - top, y1[chosen] - top
        )
    for char, ink in zip(chars, inks.tolist(), strict=True):
        char["ink"] = ink
        del char["object"]


WINDOW = 32
"""Boxes narrower and shorter than this (pixels) are read from tables of window maxima;
larger boxes are read one by one."""
TOP_LEVEL = 2
"""Largest windows tabulated: 2**TOP_LEVEL pixels a side. A larger box is covered by more
windows, which costs less than another table of the whole page."""


def _level(sides: np.ndarray) -> np.ndarray:
    """Return the window level of each box side: floor(log2(side)), at most TOP_LEVEL."""
    levels = np.zeros(len(sides), dtype=np.int64)
    for level in range(1, TOP_LEVEL + 1):
        levels += sides >= 1 << level
    return levels


def _windows_max(
    table: np.ndarray,
    x0: np.ndarray,
    x1: np.ndarray,
    y0: np.ndarray,
    y1: np.ndarray,
    step: tuple[int, int],
) -> np.ndarray:
    """Return the largest table value over windows that together cover each box exactly.

    ``table`` holds the maximum of every window of ``step`` (across, down) pixels at its
    top-left corner; each box side is at least a window long. The windows start every step
    from the box's corner, the last one flush with its far side.
    """
    across, down = step
    count_x = int(((x1 - x0 + across - 1) // across).max())
    count_y = int(((y1 - y0 + down - 1) // down).max())
    xs = np.minimum(x0[:, None] + across * np.arange(count_x), (x1 - across)[:, None])
    ys = np.minimum(y0[:, None] + down * np.arange(count_y), (y1 - down)[:, None])
    return table[ys[:, :, None], xs[:, None, :]].max(axis=(1, 2))


def _pixel_boxes(
    boxes: np.ndarray, rows: int, cols: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return the pixels x0, x1, y0, y1 (ends excluded) of boxes (left, top, right, bottom).

    Each box is widened to one pixel at least and cut to an image of ``rows`` by ``cols``.
    """
    left, top, right, bottom = boxes.T if len(boxes) else (np.zeros(0),) * 4
    x0 = np.maximum(0, np.trunc(left)).astype(np.int64)
    x1 = np.minimum(cols, np.maximum(np.ceil(right), np.trunc(left) + 1)).astype(np.int64)
    y0 = np.maximum(0, np.trunc(top)).astype(np.int64)
    y1 = np.minimum(rows, np.maximum(np.ceil(bottom), np.trunc(top) + 1)).astype(np.int64)
    return x0, x1, y0, y1


def box_maxima(change: np.ndarray, boxes: np.ndarray) -> list[int]:
    """Return the largest value of ``change`` in each box (left, top, right, bottom; pixels).

    A box is widened to one pixel at least; a box wholly outside the image gets -1. The same
    result as slicing each box and taking its max, in a few numpy calls per page instead of
    one per character.
    """
    x0, x1, y0, y1 = _pixel_boxes(boxes, *change.shape)
    result = np.full(len(boxes), -1, dtype=np.int64)
    inside = np.flatnonzero((x1 > x0) & (y1 > y0))
    result[inside] = _maxima(change, x0[inside], x1[inside], y0[inside], y1[inside])
    return result.tolist()


def _maxima(
    change: np.ndarray, x0: np.ndarray, x1: np.ndarray, y0: np.ndarray, y1: np.ndarray
) -> np.ndarray:
    """Return the largest value of ``change`` in each box of pixels, none of them empty.

    Tables hold the maximum of every window of 1, 2, 4... pixels a side, and a box is the
    union of a few windows as large as its sides allow.
    """
    width, height = x1 - x0, y1 - y0
    result = np.zeros(len(x0), dtype=np.int64)
    small = (width < WINDOW) & (height < WINDOW)
    for index in np.flatnonzero(~small):
        result[index] = change[y0[index] : y1[index], x0[index] : x1[index]].max()
    chosen = np.flatnonzero(small)
    across, down = _level(width[chosen]), _level(height[chosen])
    tall = change
    for ky in range(int(down.max()) + 1 if len(chosen) else 0):
        if ky:
            # Windows of 2**ky rows: two overlapping windows of half that.
            half = 1 << (ky - 1)
            tall = np.maximum(tall[:-half], tall[half:])
        of_ky = down == ky
        if not of_ky.any():
            continue
        table = tall
        for kx in range(int(across[of_ky].max()) + 1):
            if kx:
                half = 1 << (kx - 1)
                table = np.maximum(table[:, :-half], table[:, half:])
            part = chosen[of_ky & (across == kx)]
            if len(part):
                step = (1 << kx, 1 << ky)
                result[part] = _windows_max(table, x0[part], x1[part], y0[part], y1[part], step)
    return result
