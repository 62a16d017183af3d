"""Which layer imports which: the library runs without the CLI, the report without GitHub."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def modules_after(code: str) -> set[str]:
    """Run code in a fresh interpreter and return the top-level modules it imported."""
    report = "import json, sys\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    script = f"{code}\n{report}"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_the_library_does_not_import_click() -> None:
    loaded = modules_after("import analyzer, analyzer.api, analyzer.models, analyzer.report")
    assert "analyzer" in loaded
    assert "click" not in loaded


def test_rendering_an_analysis_with_a_portfolio_imports_neither_pygithub_nor_requests() -> None:
    loaded = modules_after(
        "from analyzer.report import render, render_saved\n"
        "from tests.report.sample import sample_analysis\n"
        "analysis = sample_analysis()\n"
        "assert analysis.portfolio is not None and analysis.cross_check is not None\n"
        "saved = render(analysis, 'json')\n"
        "from tests.report.htmltree import without_page_view\n"
        "for form in ('html', 'md', 'text', 'json'):\n"
        "    again, original = render_saved(saved, form), render(analysis, form)\n"
        "    if form == 'html':  # saved JSON keeps no posting text nor page positions\n"
        "        again, original = without_page_view(again), without_page_view(original)\n"
        "    assert again == original\n"
    )
    assert "jinja2" in loaded  # the renderers did run
    assert "github" not in loaded
    assert "requests" not in loaded


def test_the_cli_package_holds_every_command() -> None:
    from analyzer.cli import main

    assert sorted(main.commands) == ["check", "github", "parse", "render", "repo", "screen"]
    assert {c.callback.__module__ for c in main.commands.values()} <= {
        "analyzer.cli.resume",
        "analyzer.cli.portfolio",
        "analyzer.cli.render",
        "analyzer.cli.screen",
    }


def test_python_m_analyzer_screen_still_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "analyzer.screen", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("Usage: python -m analyzer.screen [OPTIONS] RESUMES...\n")
