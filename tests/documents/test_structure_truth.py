"""mlcheck's reading of every labelled resume against its truth (issue 13's labelled set).

The set is the shared corpus (corpus_truth.json) plus the generated layouts of
generated_resumes.py. For each file the aspects read wrong are listed in KNOWN_WRONG with why;
the test asserts the set of wrong aspects is exactly that, so a fix that makes an aspect right
fails here until its entry is removed, and a regression fails at once.
benchmarks/structure_eval.py prints the same comparison as figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from analyzer.documents import read_document
from tests.documents.generated_resumes import GENERATED
from tests.documents.structure_truth import FileComparison, compare, corpus_truth
from tests.shared import CORPUS

ASPECTS = ("sections", "entries", "entry_dates", "years", "degrees", "name")

KNOWN_WRONG: dict[str, dict[str, str]] = {
    "altacv__sample.pdf": {
        "sections": "page 2's columns side by side: 'PUBLICATIONS REFEREES' read as one heading",
        "entry_dates": "'Month 20XX – Ongoing' placeholders give no start, read as dated",
    },
    "awesomecv__cv.pdf": {
        "entry_dates": "a few roles read with the next role's dates",
    },
    "bewerbung__Bewerbung_Komplett_de.pdf": {
        "entry_dates": "the left date column is read apart from the entries (into Education)",
        "years": "no job has dates: the date column is read elsewhere",
    },
    "deedy__deedy_resume-openfont.pdf": {},
    "latexcv__infographics2_fr.pdf": {
        "sections": "the two-letter heading OS is read on one line with a paragraph",
    },
    "latexcv__sidebar.pdf": {
        "sections": "the header 'JAN KÜSTER | RESUME' is read with the sidebar's CONTACT",
        "entry_dates": "'2011 / 11' (spaced slash) is not read as a date",
    },
    "moderncv__template-es.pdf": {
        "entries": "placeholder 'año–año' dates in a left column: entries not delimited",
        "entry_dates": "placeholder 'año–año' dates in a left column: entries not delimited",
    },
    "pandocresume__resume.docx": {
        "entries": "'Technical Experience' projects are read as jobs (the truth keeps 2)",
        "entry_dates": "'Technical Experience' projects are read as jobs (the truth keeps 2)",
    },
    "simpleresume__sample.pdf": {
        "entries": "end date printed above the start in a left column: entries mis-cut",
        "entry_dates": "end date printed above the start in a left column: entries mis-cut",
        "years": "only the start dates are read with the entries: no range to count",
    },
}


def _corpus_cases() -> list[Any]:
    return [pytest.param(t["file"], t, id=t["file"]) for t in corpus_truth()]


def _wrong(c: FileComparison) -> set[str]:
    checks = {
        "sections": c.headings_got == c.headings_want,
        "entries": c.entries_got == c.entries_want,
        "entry_dates": c.entry_dates_right,
        "years": c.years_within_one,
        "degrees": c.degrees_got == c.degrees_want,
        "name": c.name_want is None or c.name_found,
    }
    return {aspect for aspect, right in checks.items() if not right}


def _assert_known(c: FileComparison) -> None:
    known = KNOWN_WRONG.get(c.file, {})
    wrong = _wrong(c)
    detail = {
        "entries": (c.entries_got, c.entries_want),
        "years": (c.years_got, c.years_want),
        "degrees": (dict(c.degrees_got), dict(c.degrees_want)),
        "name": (c.name_got, c.name_want),
    }
    assert wrong == set(known), f"wrong {sorted(wrong)}, known {sorted(known)}: {detail}"


@pytest.mark.parametrize(("name", "truth"), _corpus_cases())
def test_corpus_resume_read_as_labelled(name: str, truth: dict[str, Any]) -> None:
    path = CORPUS / "resumes" / name
    if not path.is_file():
        pytest.skip(f"shared corpus not found at {CORPUS} (set MLCHECK_SHARED)")
    _assert_known(compare(read_document(path), truth))


@pytest.mark.parametrize("case", GENERATED, ids=lambda case: case.file)
def test_generated_layout_read_as_labelled(case: Any, tmp_path: Path) -> None:
    comparison = compare(read_document(case.build(tmp_path / case.file)), case.truth)
    assert _wrong(comparison) == set(), comparison


def test_known_wrong_names_labelled_files_and_aspects() -> None:
    files = {t["file"] for t in corpus_truth()} | {c.file for c in GENERATED}
    assert set(KNOWN_WRONG) <= files
    assert all(set(aspects) <= set(ASPECTS) for aspects in KNOWN_WRONG.values())
