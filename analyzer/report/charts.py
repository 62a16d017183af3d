"""Inline SVG charts for the HTML report: no scripts, no external files, text beside each bar.

Every chart is an ``<svg role="img">`` with a ``<title>`` and ``<desc>`` naming the values, and the
page prints the same values as text next to it, so colour and shape are never the only signal.
All text placed in the SVG is escaped here; the result is returned as ``Markup``.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

TRACK = "#e2e8f0"
"""Colour of the empty part of a bar."""
FILL = "#1d5fa8"
"""Colour of the filled part of a bar (contrast 6.3:1 on white)."""
FILL_LOW = "#a04a00"
"""Colour of a bar below its target (contrast 6.1:1 on white)."""
MARK = "#1a202c"
"""Colour of target marks."""

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def _chart_id(key: str) -> str:
    return "chart-" + (_ID_UNSAFE.sub("-", key).strip("-") or "x")


def _svg(key: str, title: str, desc: str, width: int, height: int, body: str) -> Markup:
    cid = _chart_id(key)
    return Markup(
        f'<svg class="bar" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" preserveAspectRatio="none" '
        f'aria-labelledby="{cid}-t {cid}-d" focusable="false">'
        f'<title id="{cid}-t">{escape(title)}</title>'
        f'<desc id="{cid}-d">{escape(desc)}</desc>'
        f"{body}</svg>"
    )


def score_bar(key: str, label: str, value: float, target: float | None = None) -> Markup:
    """Draw a 0-100 score as a horizontal bar, with a mark at the target when there is one."""
    width, height = 300, 16
    filled = _clamp(value / 100) * width
    below = target is not None and value < target
    body = (
        f'<rect x="0" y="0" width="{width}" height="{height}" rx="3" fill="{TRACK}"/>'
        f'<rect x="0" y="0" width="{filled:.1f}" height="{height}" rx="3" '
        f'fill="{FILL_LOW if below else FILL}"/>'
    )
    desc = f"{value:.0f} out of 100."
    if target is not None:
        x = _clamp(target / 100) * width
        body += f'<rect x="{x - 1.5:.1f}" y="0" width="3" height="{height}" fill="{MARK}"/>'
        desc += f" Target {target:.0f}: " + (
            "reached." if not below else f"{target - value:.0f} points short."
        )
    return _svg(key, f"{label}: {value:.0f} out of 100", desc, width, height, body)


def pillar_bar(key: str, label: str, covered: int, expected: int, found: int) -> Markup:
    """Draw one pillar's evidence against the role's expectation as a horizontal bar."""
    width, height = 200, 14
    if expected:
        fraction = _clamp(covered / expected)
        title = f"{label}: {covered} of {expected} expected skills shown"
        desc = f"{found} skills found in this pillar; the role expects {expected} core skills."
    else:
        fraction = _clamp(found / 5)
        title = f"{label}: {found} skills found"
        desc = "The role profile names no core skills for this pillar."
    low = expected > 0 and fraction < 0.5
    body = (
        f'<rect x="0" y="0" width="{width}" height="{height}" rx="3" fill="{TRACK}"/>'
        f'<rect x="0" y="0" width="{fraction * width:.1f}" height="{height}" rx="3" '
        f'fill="{FILL_LOW if low else FILL}"/>'
    )
    return _svg(key, title, desc, width, height, body)
