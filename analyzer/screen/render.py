"""Renderers of the ranked shortlist: one function per ScreenFormat, each returning a string.

Every renderer is a pure function of the ranked rows and the run's context, and formats floats
with a fixed number of decimals, so the same inputs give byte-identical output.
"""

from __future__ import annotations

import csv
import importlib.resources
import io
import json
import os
import re
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from analyzer import __version__
from analyzer.report.escaping import md_escape
from analyzer.screen.interface import ScreenFormat, ScreenRow
from analyzer.terminal import terminal_safe


@dataclass(frozen=True)
class RenderContext:
    """What the renderers need to know about the run besides the rows."""

    posting_title: str | None = None
    """The posting's job title, shown in headings."""
    min_score: float | None = None
    """The --min-score threshold, if any."""
    include_contact: bool = False
    """Show the contact columns."""
    output_dir: str | None = None
    """Folder of the output file; the HTML overview links reports relative to it."""
    width: int | None = None
    """Columns of the terminal the table is printed to; None: a file, the table in full."""


def report_link(row: ScreenRow, context: RenderContext) -> str | None:
    """Return the link from the output file to the candidate's report, '/'-separated."""
    if not row.report:
        return None
    if context.output_dir is None:
        return row.report
    return os.path.relpath(row.report, context.output_dir or ".").replace(os.sep, "/")


def fmt_float(value: float | None, digits: int = 1, empty: str = "") -> str:
    """Format a number with a fixed number of decimals ('' or `empty` for None)."""
    return empty if value is None else f"{value:.{digits}f}"


def fmt_percent(value: float | None, empty: str = "-") -> str:
    """Format a 0-1 share as a whole percentage."""
    return empty if value is None else f"{value * 100:.0f}%"


def below(row: ScreenRow, context: RenderContext) -> bool:
    """Return True when a screened row's score is under the --min-score threshold."""
    return (
        row.ok
        and context.min_score is not None
        and (row.score if row.score is not None else 0.0) < context.min_score
    )


def status_text(row: ScreenRow, context: RenderContext) -> str:
    """Return the short status shown in tables: ok, below min, or error: reason."""
    if not row.ok:
        return f"error: {row.reason}"
    return "below min" if below(row, context) else "ok"


def _fraction(part: int, whole: int, share: float | None) -> str:
    return "-" if not whole else f"{part}/{whole} ({fmt_percent(share)})"


def _summary_line(rows: Sequence[ScreenRow], context: RenderContext) -> str:
    errors = sum(1 for r in rows if not r.ok)
    text = f"{len(rows)} candidate{'s' if len(rows) != 1 else ''}: {len(rows) - errors} screened"
    text += f", {errors} unreadable"
    if context.min_score is not None:
        count = sum(1 for r in rows if below(r, context))
        text += f", {count} below min score {fmt_float(context.min_score)}"
    return text


def _title(context: RenderContext) -> str:
    return f"mlcheck screen: {context.posting_title or 'job posting'}"


# --------------------------------------------------------------------------- table

TABLE_HEADERS = (
    "Rank",
    "Candidate",
    "Score",
    "Required",
    "Missing required",
    "Years",
    "Quantified",
    "Readability",
    "Status",
)


def _table_cells(row: ScreenRow, context: RenderContext) -> list[str]:
    return [
        str(row.rank) if row.rank is not None else "-",
        terminal_safe(row.candidate),
        fmt_float(row.score, empty="-"),
        _fraction(row.required_matched, row.required_total, row.coverage) if row.ok else "-",
        terminal_safe(", ".join(row.missing_required)) or "-",
        fmt_float(row.years, empty="-"),
        _fraction(row.quantified_bullets, row.bullets, row.quantified_share) if row.ok else "-",
        str(row.readability_problems) if row.ok else "-",
        terminal_safe(status_text(row, context)),
    ]


CELL_CAPS = {"Candidate": 28, "Missing required": 32, "Status": 28, "Name": 20, "E-mail": 26}
"""Widest a free-text column is printed on a terminal; the full text is in CSV and JSONL."""
DROP_ORDER = ("Readability", "Quantified", "Years", "Phone", "Required", "E-mail", "Name")
"""Columns left out, in this order, when the table is still wider than the terminal."""
SHRINK_ORDER = ("Missing required", "Status", "Candidate")
"""Free-text columns narrowed further, in this order, down to MIN_CELL, as a last resort."""
MIN_CELL = 8


def clip(text: str, width: int, middle: bool = False) -> str:
    """Shorten text to width characters with an ellipsis (in the middle for file names)."""
    if len(text) <= width:
        return text
    if width <= 1:
        return text[:width]
    if middle:
        head = (width - 1) // 2
        return text[:head] + "…" + text[len(text) - (width - 1 - head) :]
    return text[: width - 1] + "…"


def _fit(
    headers: list[str], body: list[list[str]], width: int
) -> tuple[list[str], list[list[str]]]:
    """Narrow and drop columns until every line of the table fits ``width`` columns."""

    def widths(hs: list[str], rows: list[list[str]]) -> list[int]:
        return [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(hs)]

    def total(hs: list[str], rows: list[list[str]]) -> int:
        return sum(widths(hs, rows)) + 2 * (len(hs) - 1)

    def narrow(column: str, cap: int) -> None:
        if column in headers:
            i = headers.index(column)
            for row in body:
                row[i] = clip(row[i], cap, middle=column == "Candidate")

    for column, cap in CELL_CAPS.items():
        narrow(column, cap)
    for column in DROP_ORDER:
        if total(headers, body) <= width:
            break
        if column in headers:
            i = headers.index(column)
            headers = headers[:i] + headers[i + 1 :]
            body = [row[:i] + row[i + 1 :] for row in body]
    for column in SHRINK_ORDER:
        excess = total(headers, body) - width
        if excess <= 0 or column not in headers:
            continue
        current = widths(headers, body)[headers.index(column)]
        narrow(column, max(MIN_CELL, current - excess))
    return headers, body


def render_table(rows: Sequence[ScreenRow], context: RenderContext) -> str:
    """Render an aligned plain-text table; on a terminal it fits context.width columns."""
    headers = list(TABLE_HEADERS)
    body = [_table_cells(r, context) for r in rows]
    if context.include_contact:
        headers[2:2] = ["Name", "E-mail", "Phone"]
        for cells, row in zip(body, rows, strict=True):
            c = row.contact
            cells[2:2] = [
                terminal_safe((c.name if c else None) or "-"),
                terminal_safe((c.email if c else None) or "-"),
                terminal_safe((c.phone if c else None) or "-"),
            ]
    if context.width is not None:
        headers, body = _fit(headers, body, context.width)
    widths = [max(len(h), *(len(cells[i]) for cells in body)) for i, h in enumerate(headers)]
    numeric = {"Rank", "Score", "Years", "Readability"}

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if h in numeric else c.ljust(w)
            for c, w, h in zip(cells, widths, headers, strict=True)
        ]
        return "  ".join(parts).rstrip()

    title = terminal_safe(_title(context))
    summary = _summary_line(rows, context)
    if context.width is not None:
        title, summary = clip(title, context.width), clip(summary, context.width)
    out = [title, summary, "", line(headers)]
    out.append("  ".join("-" * w for w in widths))
    out.extend(line(cells) for cells in body)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- csv

CSV_COLUMNS = (
    "rank",
    "candidate",
    "file",
    "status",
    "score",
    "quality_score",
    "required_matched",
    "required_total",
    "coverage",
    "missing_required",
    "years",
    "years_required",
    "years_meets",
    "bullets",
    "quantified_bullets",
    "quantified_share",
    "readability_problems",
    "readability_ids",
    "reason",
)
CONTACT_COLUMNS = ("name", "email", "phone", "location")


def _bool(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Cell openings a spreadsheet reads as a formula (OWASP, "CSV Injection")."""


def csv_cell(text: str) -> str:
    """Return a text cell a spreadsheet shows as text: formulas defused, controls escaped.

    Following OWASP's guidance, a cell that opens with ``= + - @``, a tab or a carriage
    return gets a leading single quote, so Excel, LibreOffice and Google Sheets never run it.
    """
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    return terminal_safe(text)


def render_csv(rows: Sequence[ScreenRow], context: RenderContext) -> str:
    """Render one CSV record per candidate; lists are joined with '; '; text cells are defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = list(CSV_COLUMNS)
    if context.include_contact:
        columns.extend(CONTACT_COLUMNS)
    if any(r.report for r in rows):
        columns.append("report")
    writer.writerow(columns)
    for r in rows:
        record = [
            "" if r.rank is None else str(r.rank),
            csv_cell(r.candidate),
            csv_cell(r.file or ""),
            r.status.value,
            fmt_float(r.score),
            fmt_float(r.quality_score),
            str(r.required_matched),
            str(r.required_total),
            fmt_float(r.coverage, 3),
            csv_cell("; ".join(r.missing_required)),
            fmt_float(r.years),
            fmt_float(r.years_required),
            _bool(r.years_meets),
            str(r.bullets),
            str(r.quantified_bullets),
            fmt_float(r.quantified_share, 3),
            str(r.readability_problems),
            csv_cell("; ".join(r.readability_ids)),
            csv_cell(r.reason or ""),
        ]
        if context.include_contact:
            c = r.contact
            record.extend(
                csv_cell(getattr(c, field) or "") if c else "" for field in CONTACT_COLUMNS
            )
        if "report" in columns:
            record.append(csv_cell(r.report or ""))
        writer.writerow(record)
    return buffer.getvalue()


# --------------------------------------------------------------------------- json lines


def jsonl_line(row: ScreenRow) -> str:
    """Return one candidate's JSON Lines record, newline included."""
    return json.dumps(row.to_dict(), ensure_ascii=False) + "\n"


def render_jsonl(rows: Sequence[ScreenRow], context: RenderContext) -> str:
    """Render one JSON object per line per candidate, in ranked order."""
    return "".join(jsonl_line(r) for r in rows)


# --------------------------------------------------------------------------- junit


def _details(row: ScreenRow) -> str:
    parts = [
        f"rank {row.rank}" if row.rank is not None else "unranked",
        f"score {fmt_float(row.score, empty='-')}",
        f"required skills {row.required_matched}/{row.required_total}",
        f"missing required: {', '.join(row.missing_required) or 'none'}",
        f"years {fmt_float(row.years, empty='unknown')}",
        f"quantified bullets {row.quantified_bullets}/{row.bullets}",
        f"readability problems {row.readability_problems}"
        + (f" ({', '.join(row.readability_ids)})" if row.readability_ids else ""),
    ]
    if row.contact is not None:
        c = row.contact
        contact = ", ".join(v for v in (c.name, c.email, c.phone, c.location) if v)
        parts.append(f"contact: {contact or 'none found'}")
    return "; ".join(parts)


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 forbids even as character references; a parser refuses the file."""


def xml_text(text: str) -> str:
    """Return text without the characters XML 1.0 forbids (a CI parser would refuse them)."""
    return _XML_ILLEGAL.sub("", text)


def _drop_xml_illegal(root: ET.Element) -> None:
    for element in root.iter():
        element.attrib = {key: xml_text(value) for key, value in element.attrib.items()}
        if element.text:
            element.text = xml_text(element.text)


def render_junit(rows: Sequence[ScreenRow], context: RenderContext) -> str:
    """Render JUnit XML: one testcase per candidate, <failure> below --min-score, <error> for
    unreadable files."""
    failures = sum(1 for r in rows if below(r, context))
    errors = sum(1 for r in rows if not r.ok)
    counts = {"tests": str(len(rows)), "failures": str(failures), "errors": str(errors)}
    suites = ET.Element("testsuites", {"name": "mlcheck screen", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": _title(context), **counts, "skipped": "0"})
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "mlcheck.version", "value": __version__})
    if context.posting_title:
        ET.SubElement(properties, "property", {"name": "posting", "value": context.posting_title})
    if context.min_score is not None:
        ET.SubElement(
            properties, "property", {"name": "min_score", "value": fmt_float(context.min_score)}
        )
    for row in rows:
        case = ET.SubElement(
            suite, "testcase", {"classname": "mlcheck.screen", "name": row.candidate}
        )
        if not row.ok:
            error = ET.SubElement(
                case, "error", {"type": "unreadable", "message": row.reason or "unreadable"}
            )
            error.text = row.reason or ""
            continue
        if below(row, context):
            failure = ET.SubElement(
                case,
                "failure",
                {
                    "type": "below_min_score",
                    "message": f"score {fmt_float(row.score, empty='-')} is below the minimum "
                    f"{fmt_float(context.min_score)}",
                },
            )
            failure.text = _details(row)
        out = ET.SubElement(case, "system-out")
        out.text = _details(row)
    _drop_xml_illegal(suites)
    ET.indent(suites)
    return ET.tostring(suites, encoding="utf-8", xml_declaration=True).decode("utf-8") + "\n"


# --------------------------------------------------------------------------- markdown


def render_markdown(rows: Sequence[ScreenRow], context: RenderContext) -> str:
    """Render a Markdown summary table, for $GITHUB_STEP_SUMMARY or a pull-request comment."""
    headers = ["Rank", "Candidate"]
    if context.include_contact:
        headers += ["Name", "E-mail", "Phone"]
    headers += ["Score", "Required skills", "Missing required", "Years", "Quantified"]
    headers += ["Readability", "Status"]
    align = {"Rank", "Score", "Years", "Readability"}
    lines = [
        f"## {md_escape(_title(context))}",
        "",
        md_escape(_summary_line(rows, context)) + ".",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---:" if h in align else "---" for h in headers) + "|",
    ]
    for row in rows:
        cells = [str(row.rank) if row.rank is not None else "-", md_escape(row.candidate)]
        if row.report:
            link = urllib.parse.quote(report_link(row, context) or "")
            cells[1] = f"[{cells[1]}]({link})"
        if context.include_contact:
            c = row.contact
            cells += [
                md_escape((c.name if c else None) or "-"),
                md_escape((c.email if c else None) or "-"),
                md_escape((c.phone if c else None) or "-"),
            ]
        cells += [
            fmt_float(row.score, empty="-"),
            _fraction(row.required_matched, row.required_total, row.coverage) if row.ok else "-",
            md_escape(", ".join(row.missing_required)) or "-",
            fmt_float(row.years, empty="-"),
            _fraction(row.quantified_bullets, row.bullets, row.quantified_share) if row.ok else "-",
            str(row.readability_problems) if row.ok else "-",
            md_escape(status_text(row, context)),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- html


def render_html(rows: Sequence[ScreenRow], context: RenderContext) -> str:
    """Render the HTML overview (report_templates/screen.html), every value escaped."""
    import jinja2

    source = importlib.resources.files("report_templates").joinpath("screen.html")
    env = jinja2.Environment(
        autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined
    )
    env.filters["num"] = fmt_float
    env.filters["pct"] = fmt_percent
    template = env.from_string(source.read_text(encoding="utf-8"))
    items = [
        {
            "row": r,
            "below": below(r, context),
            "link": report_link(r, context),
            "status": status_text(r, context),
            "required": _fraction(r.required_matched, r.required_total, r.coverage)
            if r.ok
            else "-",
            "quantified": _fraction(r.quantified_bullets, r.bullets, r.quantified_share)
            if r.ok
            else "-",
        }
        for r in rows
    ]
    return template.render(
        title=_title(context),
        summary=_summary_line(rows, context),
        context=context,
        items=items,
        version=__version__,
    )


RENDERERS: dict[ScreenFormat, Callable[[Sequence[ScreenRow], RenderContext], str]] = {
    ScreenFormat.TABLE: render_table,
    ScreenFormat.CSV: render_csv,
    ScreenFormat.JSONL: render_jsonl,
    ScreenFormat.JUNIT: render_junit,
    ScreenFormat.MARKDOWN: render_markdown,
    ScreenFormat.HTML: render_html,
}


def render(rows: Sequence[ScreenRow], fmt: ScreenFormat, context: RenderContext) -> str:
    """Render ranked rows in the given format."""
    return RENDERERS[fmt](rows, context)
