"""Reading resumes: PDF (layout-aware, pdfplumber), DOCX (python-docx), plain text and Markdown.

Public interface:
    read_document(path, data=None, limits=Limits()) -> ResumeDocument
    canonical_heading(text) -> str | None
    split_sections(lines) -> [(canonical name, heading, body line indexes)]
    extract_contact(text, annotations=()) -> Contact
    find_date_range(text) -> DateRange | None
"""

from analyzer.documents.contact import extract_contact, link_kind, normalise_url
from analyzer.documents.dates import DateRange, find_date_range, parse_date
from analyzer.documents.reader import read_document, sniff
from analyzer.documents.sections import canonical_heading, normalise_heading, split_sections

__all__ = [
    "DateRange",
    "canonical_heading",
    "extract_contact",
    "find_date_range",
    "link_kind",
    "normalise_heading",
    "normalise_url",
    "parse_date",
    "read_document",
    "sniff",
    "split_sections",
]
