"""What mlcheck reads from a labelled resume against its truth: sections, entries, years, degrees.

The labelled set is the shared corpus (corpus_truth.json) plus the generated resumes of
generated_resumes.py. test_structure_truth.py asserts each file; benchmarks/structure_eval.py
prints the figures over the whole set. Both compare through ``compare`` so they count alike.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.documents.degrees import DEGREE_LEVELS
from analyzer.models import Entry, ResumeDocument
from analyzer.nlp.experience import experience_years
from tests.documents.generated_resumes import build_all
from tests.shared import CORPUS

TRUTH = Path(__file__).with_name("corpus_truth.json")
KNOWN_LEVELS = frozenset(DEGREE_LEVELS)
"""Degree levels scored; "other" and "none" in the truth are not degrees mlcheck names."""


def corpus_truth() -> list[dict[str, Any]]:
    """Return the labelled corpus entries (file names relative to the corpus resumes folder)."""
    entries: list[dict[str, Any]] = json.loads(TRUTH.read_text("utf-8"))["resumes"]
    return entries


def labelled_set(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """Return (path, truth) for the corpus files present and the generated ones (built now)."""
    resumes = CORPUS / "resumes"
    found = [(resumes / t["file"], t) for t in corpus_truth() if (resumes / t["file"]).is_file()]
    return found + build_all(folder)


def _heading_pairs(sections: list[tuple[str, str]]) -> Counter[tuple[str, str]]:
    return Counter((name, " ".join(heading.split())) for name, heading in sections if heading)


def _date_matches(value: dt.date | None, printed: str | None) -> bool:
    if printed is None:
        return value is None
    if value is None:
        return False
    if len(printed) == 4:
        return value.year == int(printed)
    return (value.year, value.month) == (int(printed[:4]), int(printed[5:7]))


def _entry_dates_match(entry: Entry, truth: dict[str, Any]) -> bool:
    if truth["end"] == "present":
        end_ok = entry.current
    else:
        end_ok = not entry.current and _date_matches(entry.end, truth["end"])
    return end_ok and _date_matches(entry.start, truth["start"])


def document_degree_levels(document: ResumeDocument) -> Counter[str]:
    """Return the degree levels mlcheck marked on the document's education entries."""
    return Counter(e.degree for e in document.entries if e.section == "education" and e.degree)


@dataclass(frozen=True)
class FileComparison:
    """One labelled file as read, against its truth."""

    file: str
    headings_got: Counter[tuple[str, str]]
    headings_want: Counter[tuple[str, str]]
    entries_got: int
    entries_want: int
    entry_dates_right: bool
    """Entry count and every entry's start and end (at the precision printed) right."""
    years_got: float | None
    years_want: float | None
    degrees_got: Counter[str]
    degrees_want: Counter[str]
    name_got: str | None
    name_want: str | None

    @property
    def years_within_one(self) -> bool:
        if self.years_want is None:
            return self.years_got is None
        return self.years_got is not None and abs(self.years_got - self.years_want) <= 1.0

    @property
    def name_found(self) -> bool:
        return (self.name_got or "").casefold() == (self.name_want or "").casefold()


def compare(document: ResumeDocument, truth: dict[str, Any]) -> FileComparison:
    """Compare what mlcheck read from one file with the file's truth."""
    jobs = [e for e in document.entries if e.section == "experience"]
    want_jobs = truth["experience"]
    dates_right = len(jobs) == len(want_jobs) and all(
        _entry_dates_match(got, want) for got, want in zip(jobs, want_jobs, strict=True)
    )
    degrees_want = Counter(
        s["degree_level"] for s in truth["education"] if s["degree_level"] in KNOWN_LEVELS
    )
    return FileComparison(
        file=truth["file"],
        headings_got=_heading_pairs([(s.name, s.heading) for s in document.sections]),
        headings_want=_heading_pairs([(name, heading) for name, heading in truth["sections"]]),
        entries_got=len(jobs),
        entries_want=len(want_jobs),
        entry_dates_right=dates_right,
        years_got=experience_years(document).years,
        years_want=truth["years_of_experience"],
        degrees_got=document_degree_levels(document),
        degrees_want=degrees_want,
        name_got=document.contact.name,
        name_want=truth["name"],
    )
