"""Sections, entries, years, degrees and names read from the labelled resumes, against truth.

    python benchmarks/structure_eval.py [--verbose]

The labelled set is the shared corpus (tests/documents/corpus_truth.json: ../shared/corpus/
resumes, or $MLCHECK_SHARED/corpus/resumes) plus the resumes tests/documents/generated_resumes.py
writes for the layouts the corpus lacks (built in a temporary folder). Each file's truth holds the
sections a person sees, the experience entries with their dates, the years of experience, the
degrees and the printed name; tests/documents/structure_truth.py compares, as the tests do.

Counting:
- sections: the multiset of (canonical name, heading as printed) pairs read by mlcheck against
  the labelled one, micro-averaged; the headingless "contact" part is left out. Headings are
  compared after collapsing spaces. "names only" counts the canonical names alone;
- entries: files whose experience entry count is exact; "dates right" also needs every entry's
  start and end right at the precision printed ("present" for an ongoing one);
- years: over the files whose truth has a number (they print job dates), those mlcheck reads
  within one year; "no false years" counts the other files, where mlcheck must say nothing;
- degrees: degree levels (associate, bachelor, master, mba, jd, phd) of the education entries,
  as multisets per file, micro-averaged precision and recall;
- name: files whose contact name is the printed one (case-insensitive), over files printing one.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analyzer.documents import read_document  # noqa: E402
from tests.documents.structure_truth import FileComparison, compare, labelled_set  # noqa: E402
from tests.shared import CORPUS  # noqa: E402


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def _show(c: FileComparison) -> None:
    print(f"{c.file}:", file=sys.stderr)
    for pair in sorted((c.headings_got - c.headings_want).elements()):
        print(f"  + {pair}", file=sys.stderr)
    for pair in sorted((c.headings_want - c.headings_got).elements()):
        print(f"  - {pair}", file=sys.stderr)
    if c.entries_got != c.entries_want or not c.entry_dates_right:
        print(f"  entries {c.entries_got} (want {c.entries_want})", file=sys.stderr)
    if c.years_want is not None and not c.years_within_one:
        print(f"  years {c.years_got} (want {c.years_want})", file=sys.stderr)
    if c.degrees_got != c.degrees_want:
        print(f"  degrees {dict(c.degrees_got)} (want {dict(c.degrees_want)})", file=sys.stderr)
    if c.name_want and not c.name_found:
        print(f"  name {c.name_got!r} (want {c.name_want!r})", file=sys.stderr)


def evaluate(verbose: bool = False) -> dict[str, int | float]:
    """Read every labelled resume and return the figures (printing per-file misses if asked)."""
    with tempfile.TemporaryDirectory() as folder:
        comparisons = [
            compare(read_document(path), truth) for path, truth in labelled_set(Path(folder))
        ]
    if verbose:
        for c in comparisons:
            _show(c)
    sum_common = sum(sum((c.headings_got & c.headings_want).values()) for c in comparisons)
    sum_got = sum(sum(c.headings_got.values()) for c in comparisons)
    sum_want = sum(sum(c.headings_want.values()) for c in comparisons)
    names = [
        (
            _canonical_names(c.headings_got),
            _canonical_names(c.headings_want),
        )
        for c in comparisons
    ]
    names_common = sum(sum((g & w).values()) for g, w in names)
    dated = [c for c in comparisons if c.years_want is not None]
    undated = [c for c in comparisons if c.years_want is None]
    degrees_common = sum(sum((c.degrees_got & c.degrees_want).values()) for c in comparisons)
    named = [c for c in comparisons if c.name_want]
    return {
        "files": len(comparisons),
        "sections_precision": _ratio(sum_common, sum_got),
        "sections_recall": _ratio(sum_common, sum_want),
        "section_names_precision": _ratio(names_common, sum(sum(g.values()) for g, _ in names)),
        "section_names_recall": _ratio(names_common, sum(sum(w.values()) for _, w in names)),
        "files_all_sections_right": _ratio(
            sum(c.headings_got == c.headings_want for c in comparisons), len(comparisons)
        ),
        "entries_exact_count": _ratio(
            sum(c.entries_got == c.entries_want for c in comparisons), len(comparisons)
        ),
        "entries_dates_right": _ratio(
            sum(c.entry_dates_right for c in comparisons), len(comparisons)
        ),
        "years_files_with_dates": len(dated),
        "years_within_one": _ratio(sum(c.years_within_one for c in dated), len(dated)),
        "years_none_when_undated": _ratio(sum(c.years_got is None for c in undated), len(undated)),
        "degrees_precision": _ratio(
            degrees_common, sum(sum(c.degrees_got.values()) for c in comparisons)
        ),
        "degrees_recall": _ratio(
            degrees_common, sum(sum(c.degrees_want.values()) for c in comparisons)
        ),
        "name_found": _ratio(sum(c.name_found for c in named), len(named)),
    }


def _canonical_names(pairs: Counter[tuple[str, str]]) -> Counter[str]:
    """The canonical names of heading pairs, as a multiset."""
    return Counter(name for name, _ in pairs.elements())


def main() -> int:
    """Print the figures, one per line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list each file's misses")
    args = parser.parse_args()
    if not (CORPUS / "resumes").is_dir():
        print(f"shared corpus not found at {CORPUS} (set MLCHECK_SHARED)", file=sys.stderr)
        return 1
    figures = evaluate(args.verbose)
    for key, value in figures.items():
        shown = f"{value:d}" if isinstance(value, int) else f"{value:.3f}"
        print(f"{key:28} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
