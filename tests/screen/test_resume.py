"""An interrupted screen keeps the finished candidates; --resume completes it without redoing
them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from importlib import resources as importlib_resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from analyzer import api
from analyzer.cli.screen import screen
from analyzer.models import JobPosting
from analyzer.screen import ScreenFormat, ScreenOptions, run_screen
from analyzer.screen.runner import STOP_AFTER_ENV
from analyzer.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ALL = 6


def validator() -> jsonschema.Draft202012Validator:
    text = importlib_resources.files("analyzer").joinpath("schemas/screen-row.schema.json")
    return jsonschema.Draft202012Validator(json.loads(text.read_text(encoding="utf-8")))


def jsonl(path: Path) -> list[dict]:
    objects = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for obj in objects:
        validator().validate(obj)
    return objects


def counting(monkeypatch: pytest.MonkeyPatch, stop_at: int | None = None) -> list[str]:
    """Wrap the analysis to record each file analysed; raise KeyboardInterrupt at call stop_at."""
    calls: list[str] = []
    real: Callable = api.analyze_resume_bytes

    def analyze(data: bytes, name: str, posting, settings=Settings()):
        calls.append(name)
        if stop_at is not None and len(calls) == stop_at:
            raise KeyboardInterrupt
        return real(data, name, posting, settings)

    monkeypatch.setattr(api, "analyze_resume_bytes", analyze)
    return calls


def fresh_output(posting: JobPosting, tmp: Path) -> str:
    target = tmp / "fresh.jsonl"
    run_screen(
        ["resumes"], posting, Settings(), ScreenOptions(fmt=ScreenFormat.JSONL, output=str(target))
    )
    return target.read_text(encoding="utf-8")


def test_interrupted_run_keeps_finished_candidates_and_resume_completes_it(
    workdir: Path, posting: JobPosting, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = workdir / "screen.jsonl"
    options = ScreenOptions(fmt=ScreenFormat.JSONL, output=str(out), jobs=1)
    calls = counting(monkeypatch, stop_at=4)
    with pytest.raises(KeyboardInterrupt):
        run_screen(["resumes"], posting, Settings(), options)
    kept = jsonl(out)
    assert len(kept) == 3
    assert all(obj["rank"] is None for obj in kept)
    assert [obj["candidate"] for obj in kept] == calls[:3]

    calls = counting(monkeypatch)
    result = run_screen(
        ["resumes"],
        posting,
        Settings(),
        ScreenOptions(fmt=ScreenFormat.JSONL, output=str(out), jobs=1, resume=True),
    )
    assert sorted(calls) == sorted(
        set(r.candidate for r in result.rows) - {o["candidate"] for o in kept}
    )
    assert len(calls) == ALL - 3
    assert result.analysed == ALL - 3
    assert out.read_text(encoding="utf-8") == fresh_output(posting, workdir)


def test_resume_of_a_finished_run_analyses_nothing(
    workdir: Path, posting: JobPosting, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = workdir / "screen.jsonl"
    options = ScreenOptions(fmt=ScreenFormat.JSONL, output=str(out), resume=True)
    run_screen(["resumes"], posting, Settings(), options)
    before = out.read_text(encoding="utf-8")
    calls = counting(monkeypatch)
    run_screen(["resumes"], posting, Settings(), options)
    assert calls == []
    assert out.read_text(encoding="utf-8") == before


def test_resume_redoes_changed_files_and_other_postings(
    workdir: Path, posting: JobPosting, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = workdir / "screen.jsonl"
    options = ScreenOptions(fmt=ScreenFormat.JSONL, output=str(out), resume=True)
    run_screen(["resumes"], posting, Settings(), options)
    (workdir / "resumes" / "corrupt.pdf").write_bytes(b"%PDF-1.4 still broken, but other bytes")
    calls = counting(monkeypatch)
    run_screen(["resumes"], posting, Settings(), options)
    assert calls == ["resumes/corrupt.pdf"]

    calls = counting(monkeypatch)
    other = api.load_posting("-", Settings(), stdin_text="Data Engineer\nRequirements\n- Spark\n")
    result = run_screen(["resumes"], other, Settings(), options)
    assert len(calls) == ALL
    assert "came from another posting" in result.notes[0]


def test_torn_last_line_is_dropped_on_resume(
    workdir: Path, posting: JobPosting, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = workdir / "screen.jsonl"
    options = ScreenOptions(fmt=ScreenFormat.JSONL, output=str(out), resume=True)
    run_screen(["resumes"], posting, Settings(), options)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[2][:40], encoding="utf-8")
    calls = counting(monkeypatch)
    run_screen(["resumes"], posting, Settings(), options)
    assert len(calls) == ALL - 2
    assert len(jsonl(out)) == ALL


def test_other_formats_keep_a_journal_beside_the_output(
    workdir: Path, posting: JobPosting, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = workdir / "shortlist.csv"
    journal = workdir / "shortlist.csv.partial.jsonl"
    counting(monkeypatch, stop_at=3)
    with pytest.raises(KeyboardInterrupt):
        run_screen(
            ["resumes"], posting, Settings(), ScreenOptions(fmt=ScreenFormat.CSV, output=str(out))
        )
    assert not out.exists()
    assert len(jsonl(journal)) == 2
    calls = counting(monkeypatch)
    run_screen(
        ["resumes"],
        posting,
        Settings(),
        ScreenOptions(fmt=ScreenFormat.CSV, output=str(out), resume=True),
    )
    assert len(calls) == ALL - 2
    assert not journal.exists()
    assert len(out.read_text(encoding="utf-8").splitlines()) == ALL + 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_killed_process_leaves_valid_jsonl_and_resume_completes_it(
    workdir: Path, posting: JobPosting, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    env = {**os.environ, STOP_AFTER_ENV: "2", "PYTHONPATH": str(ROOT)}
    args = [
        sys.executable,
        "-m",
        "analyzer.screen",
        "resumes",
        "--job",
        "posting.txt",
        "-o",
        "screen.jsonl",
        "--jobs",
        jobs,
    ]
    done = subprocess.run(args, cwd=workdir, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr
    kept = jsonl(workdir / "screen.jsonl")
    assert len(kept) == 2

    calls = counting(monkeypatch)
    result = CliRunner().invoke(
        screen, [*args[3:], "--resume", "--jobs", "1"], catch_exceptions=False
    )
    assert result.exit_code == 5
    assert len(calls) == ALL - 2
    assert not {o["candidate"] for o in kept} & set(calls)
    assert (workdir / "screen.jsonl").read_text(encoding="utf-8") == fresh_output(posting, workdir)
