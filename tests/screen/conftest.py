"""Fixtures of the screen tests: a folder of generated resumes and a posting, in a work dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer import api
from analyzer.models import JobPosting
from analyzer.settings import Settings
from tests.screen import resumes


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
def posting(workdir: Path) -> JobPosting:
    """The test posting, read as the screen command reads it."""
    return api.load_posting("posting.txt", Settings())
