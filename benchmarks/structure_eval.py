"""Sections precision and recall, and names found, over the labelled real resumes.

    python benchmarks/structure_eval.py [--verbose]

The labelled set is tests/documents/corpus_truth.json: for each resume of the shared corpus
(../shared/corpus/resumes/, or $MLCHECK_SHARED/corpus/resumes/) the sections a person sees, as
(canonical name, heading as printed) in reading order, and the name printed on it.

Counting (micro-averaged over all files):
- sections: the multiset of (canonical name, heading as printed) pairs read by mlcheck against
  the labelled one; the headingless "contact" part that opens every resume is left out, since it
  is there by construction. Headings are compared after collapsing spaces, so a heading read
  with its letters joined counts, and one read split or misnamed does not;
- sections (names only): the same with the canonical names alone, which is what the checks use
  (a heading found but named "other" instead of "skills" is wrong here too);
- name: the files whose contact name is exactly the labelled one, over the files that print one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analyzer.documents import read_document  # noqa: E402
from tests.shared import CORPUS  # noqa: E402

TRUTH = ROOT / "tests" / "documents" / "corpus_truth.json"


def _pairs(sections: list[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """Count the headed sections, heading spaces collapsed."""
    return Counter((name, " ".join(heading.split())) for name, heading in sections if heading)


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def evaluate(verbose: bool = False) -> dict[str, int | float]:
    """Read every labelled resume and return the figures (printing per-file misses if asked)."""
    truth = json.loads(TRUTH.read_text("utf-8"))["resumes"]
    folder = CORPUS / "resumes"
    hits = predicted = expected = 0
    name_hits = name_hits_total = 0
    names_predicted = names_expected = names_correct = 0
    named = name_found = 0
    for item in truth:
        path = folder / item["file"]
        if not path.is_file():
            continue
        document = read_document(path)
        got = [(s.name, s.heading) for s in document.sections]
        want = [tuple(pair) for pair in item["sections"]]
        got_pairs, want_pairs = _pairs(got), _pairs(want)  # type: ignore[arg-type]
        common = sum((got_pairs & want_pairs).values())
        hits += common
        predicted += sum(got_pairs.values())
        expected += sum(want_pairs.values())
        got_names = Counter(name for name, _ in got_pairs.elements())
        want_names = Counter(name for name, _ in want_pairs.elements())
        names_correct += sum((got_names & want_names).values())
        names_predicted += sum(got_names.values())
        names_expected += sum(want_names.values())
        name_hits_total += 1
        name_hits += got_pairs == want_pairs
        if item["name"]:
            named += 1
            name_found += document.contact.name == item["name"]
        if verbose and (got_pairs != want_pairs or document.contact.name != item["name"]):
            print(f"{item['file']}:", file=sys.stderr)
            for pair in sorted((got_pairs - want_pairs).elements()):
                print(f"  + {pair}", file=sys.stderr)
            for pair in sorted((want_pairs - got_pairs).elements()):
                print(f"  - {pair}", file=sys.stderr)
            if document.contact.name != item["name"]:
                print(f"  name {document.contact.name!r} != {item['name']!r}", file=sys.stderr)
    return {
        "files": name_hits_total,
        "sections_precision": _ratio(hits, predicted),
        "sections_recall": _ratio(hits, expected),
        "section_names_precision": _ratio(names_correct, names_predicted),
        "section_names_recall": _ratio(names_correct, names_expected),
        "files_all_sections_right": _ratio(name_hits, name_hits_total),
        "name_found": _ratio(name_found, named),
    }


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
