"""The screen HTML overview reads on a phone: every cell carries its column name, none is cut."""

from __future__ import annotations

import re

import pytest

from analyzer.screen import ScreenFormat, ScreenRow, ScreenStatus
from analyzer.screen.render import RenderContext, render
from tests.report.htmltree import parse

PHONE_QUERY = re.compile(r"@media \(max-width: (\d+)rem\) \{(.*?)\n  \}", re.DOTALL)


@pytest.mark.parametrize("include_contact", [False, True])
def test_every_cell_names_its_column_for_the_phone_layout(include_contact: bool) -> None:
    row = ScreenRow("a.pdf", "a.pdf", "0" * 64, ScreenStatus.ERROR, reason="unreadable")
    html = render([row], ScreenFormat.HTML, RenderContext(include_contact=include_contact))
    root, builder = parse(html)
    assert not builder.errors
    headers = [th.text for th in root.find_all("th")]
    cells = root.find_all("tbody")[0].find_all("td")
    assert [td.attrs.get("data-label") for td in cells] == headers
    assert len(headers) == (13 if include_contact else 9)


def test_on_a_phone_rows_become_blocks_and_long_values_wrap() -> None:
    html = render([], ScreenFormat.HTML, RenderContext())
    style = html[html.index("<style>") : html.index("</style>")]
    query = PHONE_QUERY.search(style)
    assert query is not None
    width, rules = int(query.group(1)), query.group(2)
    assert 390 / 16 < width < 1280 / 16  # a 390 px phone gets it, a 1280 px screen does not
    assert "tr { border-bottom" in rules and "td { display: block" in rules
    assert "td[data-label]::before { content: attr(data-label)" in rules
    assert "overflow-wrap: anywhere" in style


def test_readability_problems_are_named_in_words_not_ids() -> None:
    row = ScreenRow(
        "a.pdf",
        "a.pdf",
        "0" * 64,
        ScreenStatus.OK,
        readability_problems=2,
        readability_ids=("readability.glued_words", "readability.multi_column"),
    )
    root, _ = parse(render([row], ScreenFormat.HTML, RenderContext()))
    cell = next(
        td for td in root.find_all("td") if td.attrs.get("data-label") == "Readability problems"
    )
    assert cell.text.split() == ["2", "(glued", "words,", "multi", "column)"]
