"""Collecting resume files from files, folders and globs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analyzer.screen.inputs import NoInputsError, collect_inputs


def _tree(root: Path) -> None:
    for name in ("b.pdf", "a.docx", "sub/c.txt", "sub/deeper/d.md", "x.xlsx", ".hidden.pdf"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("resume", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "e.pdf").write_text("not a resume", encoding="utf-8")


def test_folder_is_searched_recursively_in_sorted_order(tmp_path: Path, monkeypatch) -> None:
    _tree(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    found = [c.display for c in collect_inputs(["in"])]
    assert found == ["in/a.docx", "in/b.pdf", "in/sub/c.txt", "in/sub/deeper/d.md"]


def test_same_file_through_folder_glob_and_name_is_kept_once(tmp_path: Path, monkeypatch) -> None:
    _tree(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    found = [c.display for c in collect_inputs(["in/b.pdf", "in/*.pdf", "in", "./in/b.pdf"])]
    assert found == ["in/a.docx", "in/b.pdf", "in/sub/c.txt", "in/sub/deeper/d.md"]


def test_glob_takes_resume_kinds_only_and_a_named_file_whatever_its_kind(
    tmp_path: Path, monkeypatch
) -> None:
    _tree(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    assert [c.display for c in collect_inputs(["in/*"])] == [
        "in/a.docx",
        "in/b.pdf",
        "in/sub/c.txt",
        "in/sub/deeper/d.md",
    ]
    assert [c.display for c in collect_inputs(["in/x.xlsx"])] == ["in/x.xlsx"]
    assert [c.display for c in collect_inputs(["in/**/*.md"])] == ["in/sub/deeper/d.md"]


def test_order_does_not_depend_on_argument_order(tmp_path: Path, monkeypatch) -> None:
    _tree(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    assert collect_inputs(["in/sub", "in/b.pdf"]) == collect_inputs(["in/b.pdf", "in/sub"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.pdf"], "no such file or folder: missing.pdf"),
        (["in/*.rtf"], "no file matches in/*.rtf"),
        (["empty"], "no resume files"),
    ],
)
def test_naming_nothing_is_a_usage_error(tmp_path: Path, monkeypatch, args, message) -> None:
    _tree(tmp_path / "in")
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(NoInputsError, match=re.escape(message)) as caught:
        collect_inputs(args)
    assert caught.value.exit_code == 2


def test_default_jobs_keep_small_batches_in_few_processes(monkeypatch) -> None:
    from analyzer.screen import runner

    monkeypatch.setattr(runner.os, "cpu_count", lambda: 8)
    assert runner.auto_jobs(1) == 1
    assert runner.auto_jobs(79) == 1
    assert runner.auto_jobs(80) == 2
    assert runner.auto_jobs(10_000) == 8


def test_default_jobs_with_fork_start_a_worker_per_few_files(monkeypatch) -> None:
    from analyzer.screen import runner

    monkeypatch.setattr(runner.os, "cpu_count", lambda: 8)
    assert runner.auto_jobs(7, "fork") == 1
    assert runner.auto_jobs(8, "fork") == 2
    assert runner.auto_jobs(500, "fork") == 8


def test_auto_start_method_is_fork_on_linux_only(monkeypatch) -> None:
    from analyzer.screen import runner

    monkeypatch.setattr(runner.sys, "platform", "linux")
    assert runner.resolve_start_method("auto") == "fork"
    monkeypatch.setattr(runner.sys, "platform", "darwin")
    assert runner.resolve_start_method("auto") == "spawn"
    assert runner.resolve_start_method("forkserver") == "forkserver"
