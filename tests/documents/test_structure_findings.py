"""No finding says a section, skill or date is missing when the page prints it (issue 13).

Each generated layout prints Experience, Education and Skills (under whatever heading), names
Python, PyTorch and Docker, and dates its jobs; checked against a posting asking for those
skills and 3+ years, the report must not call any of them missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from analyzer.api import analyze_resume
from tests.documents.generated_resumes import GENERATED

POSTING = """Machine Learning Engineer

Requirements:
- 3+ years of experience as a machine learning engineer
- Strong Python, PyTorch and Docker
"""


@pytest.fixture(scope="module")
def posting(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("posting") / "posting.txt"
    path.write_text(POSTING, "utf-8")
    return path


@pytest.mark.parametrize("case", GENERATED, ids=lambda case: case.file)
def test_nothing_printed_is_called_missing(case: Any, posting: Path, tmp_path: Path) -> None:
    analysis = analyze_resume(case.build(tmp_path / case.file), posting)
    ids = {f.id for f in analysis.findings}
    assert "readability.missing_section" not in ids
    assert "ats.years_short" not in ids, analysis.profile.years_experience
    skills = {s.name for s in analysis.profile.skills}
    assert {"Python", "PyTorch", "Docker"} <= skills
    missing = [f.evidence for f in analysis.findings if f.id.startswith("ats.missing_required")]
    assert not any(s in (m or "") for m in missing for s in ("Python", "PyTorch", "Docker"))
    assert analysis.profile.years_experience is not None
