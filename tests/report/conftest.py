"""Fixtures of the report tests: hand-built analyses and a golden-file checker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from analyzer.models import ResumeAnalysis
from tests.report import sample

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def sample_analysis() -> ResumeAnalysis:
    """A full analysis: resume, posting and match, portfolio, findings of every area."""
    return sample.sample_analysis()


@pytest.fixture
def hostile_analysis() -> ResumeAnalysis:
    """The sample with script tags, attribute breakouts and javascript: links in every input."""
    return sample.sample_analysis(hostile=True)


@pytest.fixture
def no_job_analysis() -> ResumeAnalysis:
    """The sample without a posting (posting and match None) and without a portfolio."""
    return sample.no_job_analysis()


@pytest.fixture
def no_achievements_analysis() -> ResumeAnalysis:
    """The sample with no measured results."""
    return sample.no_achievements_analysis()


@pytest.fixture
def empty_analysis() -> ResumeAnalysis:
    """A resume with no sections, bullets, skills or findings."""
    return sample.empty_analysis()


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/report/golden/<name>, or rewrite it under --update-golden."""
    update = bool(request.config.getoption("--update-golden", default=False))

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            return
        assert path.exists(), f"missing golden file {path}; run pytest --update-golden"
        assert text == path.read_text(encoding="utf-8"), (
            f"{name} differs from its golden file; if the change is intended, run "
            "pytest tests/report --update-golden and review the diff"
        )

    return check
