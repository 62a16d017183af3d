"""spaCy is imported without its command-line package, and that package still works when used."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    """Run ``code`` in a fresh interpreter (this one has imported spaCy already)."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_building_the_pipeline_imports_no_spacy_cli() -> None:
    out = _run(
        """
        import sys
        from analyzer.nlp.pipeline import build_nlp
        import analyzer.nlp.resources
        nlp = build_nlp()
        print([t.text for t in nlp("Python|SQL")])
        print(sorted(m for m in sys.modules if m.startswith(("typer", "weasel"))))
        print(type(sys.modules["spacy.cli"]).__name__)
        """
    )
    assert out.splitlines() == ["['Python', '|', 'SQL']", "[]", "_StandIn"]


def test_spacy_cli_is_the_real_package_when_read() -> None:
    out = _run(
        """
        import sys
        import analyzer.nlp.pipeline
        import spacy
        import spacy.cli
        print(callable(spacy.cli.download), type(sys.modules["spacy.cli"]).__name__)
        from spacy.cli.info import info
        print(info.__module__, "spacy_version" in spacy.info())
        """
    )
    assert out.splitlines() == ["True module", "spacy.cli.info True"]
