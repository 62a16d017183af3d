"""Start-up: `--version` and every `--help` import no PDF, NLP, scikit-learn or GitHub library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("spacy", "pdfplumber", "pdfminer", "pypdfium2", "sklearn", "scipy", "github", "numpy")
"""Libraries that cost tenths of a second to import; a command imports them when it runs."""

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "resume.pdf"

PROBE = """
import json, sys
from analyzer.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)
"""


def imported_by(*args: str) -> list[str]:
    """Run the CLI with these arguments in a fresh interpreter; return the heavy modules loaded."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize(
    "args",
    [
        ("--version",),
        ("--help",),
        ("check", "--help"),
        ("parse", "--help"),
        ("render", "--help"),
        ("github", "--help"),
        ("repo", "--help"),
        ("screen", "--help"),
    ],
    ids=lambda args: " ".join(args),
)
def test_version_and_help_import_no_heavy_library(args: tuple[str, ...]) -> None:
    assert imported_by(*args) == []


def test_the_probe_sees_a_heavy_import() -> None:
    # The probe itself must be able to fail: reading a document imports the PDF libraries.
    assert "pypdfium2" in imported_by("parse", str(EXAMPLE))
