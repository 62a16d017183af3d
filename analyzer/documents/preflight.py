"""Check a PDF's structure before pdfium reads it: pages, inflated streams, image pixels.

pdfium reads characters and renders pages fast, but it trusts the page tree's /Count and
inflates every stream it needs in one piece, with no limit a caller can set: a 1 KB file can
make it allocate gigabytes. pdfminer parses the same structure in Python, where every limit
can be enforced while reading. So before pdfium opens a file, pdfminer
- counts the pages by walking the page tree (visiting each node once, so loops end), never
  trusting /Count;
- inflates every stream but images inside the inflate budget (limits.inflate_budget), so a
  decompression bomb in a content stream, a form or a font is refused before pdfium sees it;
- adds up the pixels of every image, since pdfium decodes an image whole before scaling it
  down to render it;
- refuses a content stream (a page's or a form's) longer than CONTENT_STREAM_BYTES: pdfium
  builds an object of about 340 bytes for every character a page shows before anyone can count
  them, so a 92 KB file whose stream inflates to 60 MB of `(ab) Tj` took 7.5 GB.
It reads no content stream's operators: that is pdfium's job, and what made pdfminer slow.
Nor does it parse objects that cannot be streams: those stored inside an object stream (the
PDF format forbids streams there) and those whose bytes, up to the next object, never say
"stream". Parsing every font and page dictionary in Python was most of its cost.
"""

from __future__ import annotations

import bisect
import io
from typing import Any

from analyzer.documents.limits import GuardTripped, count_pages

IMAGE_PIXELS = 60_000_000
"""Most image pixels a PDF may hold in all (a 12-megapixel photo five times over)."""


CONTENT_STREAM_BYTES = 4 * 1024 * 1024
"""Longest content stream of a page or form read (20 times the longest in the corpus, 191 KB):
at most about a million characters, under 500 MB while pdfium holds them."""

_NOT_CONTENT_TYPES = frozenset({"XRef", "ObjStm", "Metadata", "EmbeddedFile"})
_FONT_PROGRAM_KEYS = ("Length1", "Length2", "Length3")


def content_stream_reason(size: int, limit: int) -> str:
    """The one-line reason for a PDF with a content stream too long to render safely."""
    return (
        f"has a page content stream of {size:,} bytes, more than the limit of {limit:,} "
        "(millions of drawing operators; no resume page needs that many)"
    )


def _is_content(attrs: dict[str, Any]) -> bool:
    """Tell whether a (non-image) stream may be a page's or a form's content stream."""
    kind = attrs.get("Type")
    subtype = attrs.get("Subtype")
    if getattr(kind, "name", kind) in _NOT_CONTENT_TYPES:
        return False
    if subtype is not None and getattr(subtype, "name", subtype) != "Form":
        return False  # a font program (Type1C, OpenType), an XML or another non-content kind
    # Font programs carry /Length1-3, ICC profiles /N: neither is drawn.
    return not any(key in attrs for key in (*_FONT_PROGRAM_KEYS, "N"))


def image_pixels_reason(pixels: int, limit: int) -> str:
    """The one-line reason for a PDF whose images are too large to render safely."""
    return (
        f"holds images of {pixels:,} pixels in all, more than the limit of {limit:,}; "
        "export it with images at screen resolution"
    )


def _is_image(attrs: dict[str, Any]) -> bool:
    subtype = attrs.get("Subtype")
    return getattr(subtype, "name", subtype) == "Image"


def _pixels(attrs: dict[str, Any]) -> int:
    from pdfminer.pdftypes import resolve1

    try:
        width, height = int(resolve1(attrs.get("Width", 0))), int(resolve1(attrs.get("Height", 0)))
    except (TypeError, ValueError):
        return 0
    return max(width, 0) * max(height, 0)


def _locations(document: Any) -> dict[int, tuple[int | None, int]]:
    """Return where pdfminer will look for each object: (object stream or None, position).

    The first cross-reference section that lists an object is the one getobj uses.
    """
    located: dict[int, tuple[int | None, int]] = {}
    for xref in document.xrefs:
        for objid in xref.get_objids():
            if objid in located:
                continue
            try:
                strmid, pos, _ = xref.get_pos(objid)
            except Exception:  # noqa: BLE001 - a broken entry: let getobj judge the object
                located[objid] = (None, -1)
                continue
            located[objid] = (strmid, pos)
    return located


def _may_be_stream(data: bytes, pos: int, starts: list[int]) -> bool:
    """Tell whether the object at ``pos`` may be a stream: "stream" before the next object."""
    if not 0 <= pos < len(data):
        return True  # an offset pdfminer will not find as given: let getobj judge
    following = bisect.bisect_right(starts, pos)
    end = starts[following] if following < len(starts) else len(data)
    return data.find(b"stream", pos, end) >= 0


def check_pdf(data: bytes, max_pages: int) -> int:
    """Return the page count of the PDF in ``data``, having inflated what pdfium will.

    Must run inside limits.inflate_budget; raises GuardTripped past a limit and pdfminer's own
    exceptions for a file it cannot parse.
    """
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    pages = count_pages(document, max_pages)
    if pages > max_pages:
        return pages
    pixels = 0
    located = _locations(document)
    starts = sorted({pos for strmid, pos in located.values() if strmid is None and pos >= 0})
    for objid, (strmid, pos) in located.items():
        if strmid is not None or not _may_be_stream(data, pos, starts):
            continue
        try:
            obj = document.getobj(objid)
        except Exception:  # noqa: BLE001 - a broken object: pdfium may skip it too
            continue
        if not isinstance(obj, PDFStream):
            continue
        if _is_image(obj.attrs):
            pixels += _pixels(obj.attrs)
            if pixels > IMAGE_PIXELS:
                raise GuardTripped(image_pixels_reason(pixels, IMAGE_PIXELS))
            continue
        try:
            inflated = obj.get_data()
        except GuardTripped:
            raise
        except Exception:  # noqa: BLE001 - undecodable: pdfium will find nothing in it
            continue
        if len(inflated) > CONTENT_STREAM_BYTES and _is_content(obj.attrs):
            raise GuardTripped(content_stream_reason(len(inflated), CONTENT_STREAM_BYTES))
    return pages
