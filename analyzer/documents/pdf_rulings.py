"""Ruling lines of a PDF page from pdfium's path objects, and the ruled tables they make.

pdfplumber's find_tables is the better table finder, but it takes its edges from pdfminer,
which interprets the whole content stream in Python first: 0.3-1 s on a page drawn with many
vectors. pdfium has already parsed the page, so its path objects give the same edges for a
fraction of that, and pdfplumber's own grid search (merge, intersect, cells, tables) runs on
them. The edges follow pdfminer's reading of a path, the one pdfplumber sees: each subpath
(split at every move) is the polyline through the end points of its segments, back to its
start when it is closed; a lone segment is a line, horizontal only when its ends share a
height.
"""

from __future__ import annotations

import ctypes
import itertools
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

SEGMENT_BUDGET = 20_000
"""Path segments read per page; past it the page's edges are left to pdfplumber."""
RULING_LENGTH = 15.0
"""Shortest straight segment (points) that can be a table's ruling line; icons and glyphs
drawn as paths are made of shorter ones, and counting them sent 19 of 47 corpus pages to
the table search instead of 6."""
MAX_DEPTH = 3
"""Form XObjects nested deeper than this are not entered (as for the images counted)."""

_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """Return the matrix applying ``inner`` first, then ``outer`` (PDF row-vector order)."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


@dataclass
class PageDrawing:
    """What a page's drawing holds besides its text: images and straight edges."""

    images: int = 0
    """Image objects on the page, in forms too."""
    edges: list[dict[str, Any]] | None = field(default_factory=list)
    """pdfplumber-shaped edges of every painted path; None past SEGMENT_BUDGET."""

    def may_hold_grid(self) -> bool:
        """Tell whether ruling lines could form 2x2 cells: 3 horizontal and 3 vertical at least.

        Underlines and section rules alone (horizontal only) cannot make a table.
        """
        if self.edges is None:
            return True
        horizontal = sum(
            1 for e in self.edges if e["orientation"] == "h" and e["width"] > RULING_LENGTH
        )
        vertical = sum(
            1 for e in self.edges if e["orientation"] == "v" and e["height"] > RULING_LENGTH
        )
        return horizontal >= 3 and vertical >= 3


def page_drawing(page: pdfium.PdfPage, to_display: _Matrix) -> PageDrawing:
    """Return the page's image count and its path edges in displayed-page coordinates.

    ``to_display`` maps PDF user space to the page as displayed (top-left origin, points).
    """
    drawing = PageDrawing()
    segments = 0
    point_x, point_y = ctypes.c_float(), ctypes.c_float()
    matrix = pdfium_c.FS_MATRIX()
    stack: list[tuple[Any, int, _Matrix]] = []

    def children(parent: Any, depth: int, outer: _Matrix) -> None:
        if parent is None:
            count = pdfium_c.FPDFPage_CountObjects(page.raw)
            objects = [pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(count)]
        else:
            count = pdfium_c.FPDFFormObj_CountObjects(parent)
            objects = [pdfium_c.FPDFFormObj_GetObject(parent, i) for i in range(count)]
        for obj in reversed(objects):
            stack.append((obj, depth, outer))

    children(None, 0, to_display)
    while stack:
        obj, depth, outer = stack.pop()
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            drawing.images += 1
            continue
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        if pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            own = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        else:
            own = _IDENTITY
        placed = _compose(own, outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth < MAX_DEPTH:
                children(obj, depth + 1, placed)
            continue
        if drawing.edges is None:
            continue
        count = max(int(pdfium_c.FPDFPath_CountSegments(obj)), 0)
        segments += count
        if segments > SEGMENT_BUDGET:
            drawing.edges = None
            continue
        _path_edges(obj, count, placed, drawing.edges, point_x, point_y)
    return drawing


def _path_edges(
    obj: Any,
    count: int,
    placed: _Matrix,
    edges: list[dict[str, Any]],
    point_x: Any,
    point_y: Any,
) -> None:
    a, b, c, d, e, f = placed
    subpath: list[tuple[float, float]] = []
    pending = 0  # Bezier control points still to skip before the curve's end point
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        pdfium_c.FPDFPathSegment_GetPoint(segment, point_x, point_y)
        x, y = point_x.value, point_y.value
        here = (a * x + c * y + e, b * x + d * y + f)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            _subpath_edges(subpath, edges)
            subpath = [here]
            pending = 0
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            if pending == 0:
                pending = 2
            else:
                pending -= 1
                if pending == 0:
                    subpath.append(here)
        else:
            subpath.append(here)
        if subpath and pdfium_c.FPDFPathSegment_GetClose(segment):
            subpath.append(subpath[0])
    _subpath_edges(subpath, edges)


def _subpath_edges(points: list[tuple[float, float]], edges: list[dict[str, Any]]) -> None:
    if len(points) < 2:
        return
    if len(points) > 2 and points[-1] == points[0] and points[-2] == points[0]:
        points = points[:-1]  # a closing segment that pdfium repeats after an explicit one
    line = len(points) == 2
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        top, bottom = min(y0, y1), max(y0, y1)
        if line:
            orientation: str | None = "h" if y0 == y1 else "v"
        else:
            orientation = "v" if x0 == x1 else ("h" if y0 == y1 else None)
        edges.append(
            {
                "object_type": "line" if line else "curve_edge",
                "x0": min(x0, x1),
                "x1": max(x0, x1),
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "width": abs(x1 - x0),
                "height": bottom - top,
                "orientation": orientation,
            }
        )


def count_tables(edges: list[dict[str, Any]], page_area: float) -> int:
    """Return how many ruled tables pdfplumber's grid search finds on these edges.

    The same steps and default settings as pdfplumber's ``find_tables`` (lines strategy);
    a table must have 2x2 cells and not be the page's own frame of boxes.
    """
    from pdfplumber import table as plumber_table
    from pdfplumber.utils import filter_edges

    settings = plumber_table.TableSettings.resolve(None)
    vertical = filter_edges(edges, "v", min_length=settings.edge_min_length_prefilter)
    horizontal = filter_edges(edges, "h", min_length=settings.edge_min_length_prefilter)
    merged = plumber_table.merge_edges(
        vertical + horizontal,
        snap_x_tolerance=settings.snap_x_tolerance,
        snap_y_tolerance=settings.snap_y_tolerance,
        join_x_tolerance=settings.join_x_tolerance,
        join_y_tolerance=settings.join_y_tolerance,
    )
    merged = filter_edges(merged, min_length=settings.edge_min_length)
    intersections = plumber_table.edges_to_intersections(
        merged, settings.intersection_x_tolerance, settings.intersection_y_tolerance
    )
    cells = plumber_table.intersections_to_cells(intersections)
    tables = [
        plumber_table.Table(None, group)  # type: ignore[arg-type]
        for group in plumber_table.cells_to_tables(cells)
    ]
    return sum(1 for table in tables if is_table(table, page_area))


def is_table(table: Any, page_area: float) -> bool:
    """A ruled grid of at least 2x2 cells that is not the page's own frame of boxes."""
    x0, top, x1, bottom = table.bbox
    if (x1 - x0) * (bottom - top) >= 0.4 * page_area:
        return False
    return len(table.rows) >= 2 and len(table.columns) >= 2
