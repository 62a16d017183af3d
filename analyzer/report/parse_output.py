"""Output of `mlcheck parse`: what mlcheck read from a resume, as JSON or text."""

from __future__ import annotations

from analyzer.models import ResumeDocument
from analyzer.report.json_form import document_json, dumps


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
    out += [f"warning: {w}" for w in document.warnings]
    return "\n".join(out) + "\n"
