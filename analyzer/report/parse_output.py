"""Output of `mlcheck parse`: what mlcheck read from a resume, as JSON or text."""

from __future__ import annotations

from analyzer.models import ResumeDocument
from analyzer.report.json_form import document_json, dumps, experience_years_json
from analyzer.terminal import terminal_safe


def render_parse(document: ResumeDocument, fmt: str) -> str:
    """Render the parse result as "json" (the contract) or "text" (for people)."""
    if fmt == "json":
        return dumps(document_json(document))
    contact = document.contact
    out = [
        f"{document.path} ({document.format}, {document.pages} page(s), "
        f"{document.layout.columns} column(s))",
        "",
        f"Name:   {contact.name or '-'}",
        f"Email:  {contact.email or '-'}",
        f"Phone:  {contact.phone or '-'}",
    ]
    out += [f"Link:   {link.url} ({link.kind})" for link in contact.links]
    out.append("")
    shown_bullets: set[str] = set()
    for section in document.sections:
        heading = section.heading or "(top of the page)"
        out.append(f"[{section.name}] {heading}: {len(section.text.split())} words")
        for bullet in document.bullets:
            if bullet.section == section.name and bullet.id not in shown_bullets:
                shown_bullets.add(bullet.id)
                out.append(f"  - {bullet.text}")
    if document.entries:
        out.append("")
    for entry in document.entries:
        what = " at ".join(part for part in (entry.role, entry.organisation) if part)
        marks = [m for m in (entry.degree, "internship" if entry.internship else None) if m]
        extra = f" [{', '.join(marks)}]" if marks else ""
        shown = f"{entry.section}: {what or '-'} ({entry.dates or 'no dates'}){extra}"
        out.append(terminal_safe(shown))
    years = experience_years_json(document)
    out.append("")
    if years["years"] is None:
        out.append("Years of experience: could not tell (no job prints a date range)")
    else:
        note = f"; {years['note']}" if years["note"] else ""
        out.append(f"Years of experience: {years['years']}{note}")
    out += [f"warning: {w}" for w in document.warnings]
    return "\n".join(out) + "\n"
