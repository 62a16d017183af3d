"""Fixtures of the screen tests: a folder of generated resumes, a posting, the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer import api
from analyzer.models import JobPosting
from analyzer.settings import Settings
from tests.screen import fake, resumes


def _real_pipeline() -> bool:
    """Return True when the reading/NLP/ATS stages are in the tree and work end to end."""
    try:
        posting = api.load_posting("-", Settings(), stdin_text=resumes.POSTING)
        api.analyze_resume_bytes(resumes.pdf_bytes(resumes.STRONG), "strong.pdf", posting)
    except (ImportError, NotImplementedError, AttributeError):
        return False
    return True


REAL = _real_pipeline()

real_only = pytest.mark.skipif(
    not REAL, reason="needs the real pipeline in worker processes (not in the tree yet)"
)


@pytest.fixture(autouse=True)
def pipeline(monkeypatch: pytest.MonkeyPatch) -> str:
    """Use the real pipeline, or the in-process fake while the stages are not in the tree."""
    if REAL:
        return "real"
    monkeypatch.setattr(api, "analyze_resume_bytes", fake.fake_analyze)
    monkeypatch.setattr(
        api,
        "load_posting",
        lambda job, settings, stdin_text=None: fake.fake_posting(
            stdin_text if stdin_text is not None else Path(job).read_text(encoding="utf-8")
        ),
    )
    return "fake"


@pytest.fixture(scope="session")
def resume_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding strong, middle (DOCX), weak, unrelated, corrupt and scanned resumes."""
    folder = tmp_path_factory.mktemp("screen") / "resumes"
    resumes.write_folder(folder)
    return folder


@pytest.fixture()
def workdir(resume_files: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with resumes/ (a copy) and posting.txt; the cwd for the test."""
    target = tmp_path / "resumes"
    target.mkdir()
    for path in sorted(resume_files.iterdir()):
        (target / path.name).write_bytes(path.read_bytes())
    (tmp_path / "posting.txt").write_text(resumes.POSTING, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture()
def posting(workdir: Path, pipeline: str) -> JobPosting:
    """The test posting, read as the screen command reads it."""
    return api.load_posting("posting.txt", Settings())
