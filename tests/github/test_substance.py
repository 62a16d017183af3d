"""Substance over appearance: empty/archived repos, committed environments, tests that import
the project, stub models, deployment evidence."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import responses

from analyzer.github.client import fetch_portfolio
from analyzer.github.crosscheck import cross_check
from analyzer.github.hygiene import judge_hygiene
from analyzer.github.interface import RepoSnapshot
from analyzer.github.local import review_local_repo
from analyzer.github.portfolio import repo_check_findings, review_portfolio, review_repo
from analyzer.rules import shipped_rules
from tests.github.conftest import GOOD_README
from tests.github.fakegithub import FakeGitHub, FakeRepo, FakeUser

RUBRIC = shipped_rules().portfolio
TODAY = dt.date(2025, 6, 1)
RECENT = dt.datetime(2025, 5, 1, tzinfo=dt.timezone.utc)


def _repo(name: str = "proj", **kwargs: object) -> RepoSnapshot:
    kwargs.setdefault("pushed_at", RECENT)
    return RepoSnapshot(name=name, **kwargs)  # type: ignore[arg-type]


def _passed(snapshot: RepoSnapshot, criterion: str) -> bool:
    hygiene = judge_hygiene(snapshot, TODAY, rubric=RUBRIC)
    return next(c.passed for c in hygiene.criteria if c.id == criterion)


def test_five_empty_repos_with_topics_give_no_kinds_evidence_or_variety(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    topics = ["machine-learning", "computer-vision", "nlp", "recommender-system", "docker"]
    repos = [
        FakeRepo(f"empty{i}", {}, topics=topics, description="FastAPI + PyTorch + AWS Lambda")
        for i in range(5)
    ]
    FakeGitHub([FakeUser("alice", repos, name="A", bio="b")]).mock(rsps)
    portfolio = fetch_portfolio("alice", cache_dir=cache_dir, sleep=lambda _s: None, rubric=RUBRIC)
    assert all(r.empty for r in portfolio.repos)
    review = review_portfolio(portfolio, TODAY, rubric=RUBRIC)
    assert review.kinds == ()
    assert {r.set_apart for r in review.repos} == {"empty"}
    assert all(r.skills == () and r.kinds == () for r in review.repos)
    assert review.score <= 10  # the profile part only
    empty = next(f for f in review.findings if f.id == "portfolio.empty")
    assert "empty0 (empty)" in empty.message
    from analyzer.report import render_portfolio
    from analyzer.report.json_form import SavedPortfolio, read_saved

    markdown = render_portfolio(review, "md")
    assert "empty, set apart" in markdown and "5 empty or archived set apart" in markdown
    saved = read_saved(render_portfolio(review, "json"))
    assert isinstance(saved, SavedPortfolio)
    assert {r.set_apart for r in saved.review.repos} == {"empty"}
    check = cross_check(["PyTorch", "FastAPI"], review, rubric=RUBRIC)
    assert check.evidence_not_claimed == ()
    assert set(check.claimed_without_evidence) == {"PyTorch", "FastAPI"}


def test_archived_repo_is_set_apart_and_not_told_to_add_ci(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    files = {"README.md": GOOD_README, "houses/train.py": "import lightgbm\n"}
    repos = [
        FakeRepo("live", dict(files), topics=["regression"]),
        FakeRepo("old", dict(files), topics=["regression"], archived=True),
    ]
    FakeGitHub([FakeUser("alice", repos)]).mock(rsps)
    portfolio = fetch_portfolio("alice", cache_dir=cache_dir, rubric=RUBRIC)
    review = review_portfolio(portfolio, TODAY, rubric=RUBRIC)
    assert [(r.name, r.set_apart) for r in review.repos] == [("live", None), ("old", "archived")]
    assert not any(f.anchor == "repo-old" for f in review.findings)
    assert any(f.anchor == "repo-live" and f.id == "hygiene.weak" for f in review.findings)


def test_committed_windows_virtualenv_is_a_finding_and_not_the_project() -> None:
    venv = [f"winenv/Lib/site-packages/pkg{i}/tests/test_mod.py" for i in range(50)]
    venv += [f"winenv/Lib/site-packages/widgets/static/app{i}.js" for i in range(50)]
    sizes = (
        ("winenv/pyvenv.cfg", 120),
        ("winenv/Scripts/activate.bat", 900),
        *((p, 50_000) for p in venv),
        ("model.py", 2_000),
        ("README.md", 400),
    )
    snapshot = _repo(
        files=("README.md", "model.py", "winenv/"),
        tree=tuple(p for p, _ in sizes if "/" in p),
        file_sizes=sizes,
        readme="# demo\n",
    )
    from analyzer.github.hygiene import languages_from_sizes

    snapshot = RepoSnapshot(
        **{**snapshot.__dict__, "languages": languages_from_sizes(sizes, RUBRIC)}
    )
    review = review_repo(snapshot, TODAY, rubric=RUBRIC)
    assert review.hygiene.vendored == ("winenv/",)
    assert review.hygiene.primary_language == "Python"
    assert dict(snapshot.languages) == {"Python": 2_000}  # no JavaScript from the packages
    assert not _passed(snapshot, "hygiene.tests")  # the packages' tests are not the project's
    finding = next(f for f in repo_check_findings(review) if f.id == "hygiene.vendored_environment")
    assert finding.evidence == "winenv/"


def test_node_modules_anywhere_is_found() -> None:
    snapshot = _repo(tree=("web/node_modules/react/index.js", "web/src/app.js"))
    review = review_repo(snapshot, TODAY, rubric=RUBRIC)
    assert review.hygiene.vendored == ("web/node_modules/",)


def test_a_tests_folder_without_test_files_is_no_tests() -> None:
    assert not _passed(
        _repo(files=("tests/", "main.py"), tree=("tests/data.csv",)), "hygiene.tests"
    )
    with_file = _repo(files=("tests/", "main.py"), tree=("tests/test_main.py",))
    assert _passed(with_file, "hygiene.tests")
    hygiene = judge_hygiene(with_file, TODAY, rubric=RUBRIC)
    assert hygiene.tests_by == "file names"  # the GitHub review does not read test files


def test_local_tests_count_only_when_they_import_the_project(tmp_path: Path) -> None:
    (tmp_path / "mlops_demo").mkdir()
    (tmp_path / "mlops_demo" / "__init__.py").write_text("")
    (tmp_path / "mlops_demo" / "serve.py").write_text("import pickle\n")
    (tmp_path / "tests").mkdir()
    test = tmp_path / "tests" / "test_model.py"
    test.write_text("import pickle\n\n\ndef test_model():\n    assert pickle is not None\n")
    review = review_local_repo(tmp_path, TODAY, rubric=RUBRIC)
    tests = next(c for c in review.hygiene.criteria if c.id == "hygiene.tests")
    assert not tests.passed and review.hygiene.tests_by == "imports"
    test.write_text(
        "from mlops_demo.serve import pickle\n\n\ndef test_model():\n    assert pickle\n"
    )
    review = review_local_repo(tmp_path, TODAY, rubric=RUBRIC)
    assert next(c for c in review.hygiene.criteria if c.id == "hygiene.tests").passed


def test_a_model_file_of_a_few_bytes_is_a_stub() -> None:
    snapshot = _repo(
        files=("model.pkl", "app.py", "weights/"),
        tree=("weights/big.pt",),
        file_sizes=(("model.pkl", 81), ("weights/big.pt", 45_000_000), ("app.py", 900)),
    )
    review = review_repo(snapshot, TODAY, rubric=RUBRIC)
    assert review.hygiene.stub_models == ("model.pkl",)
    assert any(f.id == "hygiene.stub_model" for f in repo_check_findings(review))


def test_deployment_needs_evidence_not_any_homepage() -> None:
    assert not _passed(
        _repo(files=("main.py",), homepage="https://alice.example"), "hygiene.deployment"
    )
    assert _passed(
        _repo(files=("main.py",), homepage="https://alice-demo.streamlit.app"),
        "hygiene.deployment",
    )
    demo = "# Demo\nTry it: https://huggingface.co/spaces/alice/churn\n"
    assert _passed(_repo(files=("main.py",), readme=demo), "hygiene.deployment")
    not_demo = "# Demo\nSee https://huggingface.co/alice/churn-model\n"
    assert not _passed(_repo(files=("main.py",), readme=not_demo), "hygiene.deployment")
    assert _passed(_repo(files=("app.py",)), "hygiene.deployment")
    assert _passed(_repo(files=("Dockerfile",)), "hygiene.deployment")
    deploy = _repo(files=(".github/",), tree=(".github/workflows/deploy.yml",))
    assert _passed(deploy, "hygiene.deployment")
    ci_only = _repo(files=(".github/",), tree=(".github/workflows/ci.yml",))
    assert not _passed(ci_only, "hygiene.deployment")


def _git(root: Path, *args: str, date: str) -> None:
    import os
    import subprocess

    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def _recent(review: object) -> list[bool]:
    return [c.passed for c in review.hygiene.criteria if c.id == "hygiene.recent"]  # type: ignore[attr-defined]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_local_recency_is_the_last_commit_date_not_file_times(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text("print(1)\n")  # written today
    _git(tmp_path, "init", "-q", date="2018-03-01T10:00:00+00:00")
    _git(tmp_path, "add", "train.py", date="2018-03-01T10:00:00+00:00")
    _git(tmp_path, "commit", "-q", "-m", "old", date="2018-03-01T10:00:00+00:00")
    review = review_local_repo(tmp_path, TODAY, rubric=RUBRIC)
    assert _recent(review) == [False]
    assert review.hygiene.skipped == ()


def test_local_recency_without_git_history_is_skipped_and_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "train.py").write_text("print(1)\n")
    review = review_local_repo(tmp_path, TODAY, rubric=RUBRIC)
    assert "the hygiene.recent check is skipped: no commit date" in caplog.text
    assert _recent(review) == []
    skipped = dict(review.hygiene.skipped)
    assert set(skipped) == {"hygiene.recent", "hygiene.clean_tree"}
    assert "not a git checkout" in skipped["hygiene.recent"]
    assert "not a git checkout" in skipped["hygiene.clean_tree"]


def _clean(review: object) -> list[bool]:
    return [c.passed for c in review.hygiene.criteria if c.id == "hygiene.clean_tree"]  # type: ignore[attr-defined]


def test_committed_caches_and_env_fail_clean_tree_and_are_named(tmp_path: Path) -> None:
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "train.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / ".env").write_text("API_KEY=x\n")
    (tmp_path / "train.py").write_text("print(1)\n")
    _git(tmp_path, "init", "-q", date="2025-05-01T10:00:00+00:00")
    _git(tmp_path, "add", "-f", ".", date="2025-05-01T10:00:00+00:00")
    _git(tmp_path, "commit", "-q", "-m", "x", date="2025-05-01T10:00:00+00:00")
    review = review_local_repo(tmp_path, TODAY, rubric=RUBRIC)
    assert _clean(review) == [False]
    assert review.hygiene.junk == (".env", "__pycache__/")
    (finding,) = [f for f in repo_check_findings(review) if f.id == "hygiene.clean_tree"]
    assert finding.evidence == ".env, __pycache__/"


def test_caches_a_local_run_left_uncommitted_are_no_junk(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text("print(1)\n")
    (tmp_path / ".gitignore").write_text("__pycache__/\n")
    _git(tmp_path, "init", "-q", date="2025-05-01T10:00:00+00:00")
    _git(tmp_path, "add", ".", date="2025-05-01T10:00:00+00:00")
    _git(tmp_path, "commit", "-q", "-m", "x", date="2025-05-01T10:00:00+00:00")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "train.cpython-311.pyc").write_bytes(b"\0")
    review = review_local_repo(tmp_path, TODAY, rubric=RUBRIC)
    assert _clean(review) == [True] and review.hygiene.junk == ()


def test_a_github_tree_with_notebook_checkpoints_fails_clean_tree() -> None:
    files = ("nb.ipynb", ".ipynb_checkpoints/")
    tree = (".ipynb_checkpoints/nb-checkpoint.ipynb",)
    assert not _passed(_repo(files=files, tree=tree), "hygiene.clean_tree")
    assert _passed(_repo(files=("nb.ipynb", ".env.example")), "hygiene.clean_tree")


def test_tests_importing_a_project_kept_one_folder_down_count(tmp_path: Path) -> None:
    (tmp_path / "api" / "src" / "mapper").mkdir(parents=True)
    (tmp_path / "api" / "src" / "mapper" / "mapper.py").write_text("def f():\n    return 1\n")
    (tmp_path / "api" / "tests").mkdir()
    (tmp_path / "api" / "tests" / "test_mapper.py").write_text(
        "from src.mapper.mapper import f\n\ndef test_f():\n    assert f() == 1\n"
    )
    review = review_local_repo(tmp_path, TODAY, rubric=RUBRIC)
    assert [c.passed for c in review.hygiene.criteria if c.id == "hygiene.tests"] == [True]


def test_terraform_files_are_deployment_evidence() -> None:
    assert _passed(_repo(files=("infra/",), tree=("infra/lambda.tf",)), "hygiene.deployment")


def test_topics_absent_from_the_server_skip_the_topics_check(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    user = FakeUser("alice", [FakeRepo("p", {"README.md": "# p\n"})])
    FakeGitHub([user], omit_topics=True).mock(rsps)
    portfolio = fetch_portfolio("alice", cache_dir=cache_dir, rubric=RUBRIC)
    review = review_portfolio(portfolio, TODAY, rubric=RUBRIC)
    hygiene = review.repos[0].hygiene
    assert "hygiene.topics" not in {c.id for c in hygiene.criteria}
    assert hygiene.skipped[0][0] == "hygiene.topics"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_checkouts_git_config_cannot_start_a_program(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "a.py").write_text("x = 1\n")
    _git(repo, "init", "-q", date="2024-01-01T00:00:00+00:00")
    _git(repo, "add", "a.py", date="2024-01-01T00:00:00+00:00")
    _git(repo, "commit", "-q", "-m", "c", date="2024-01-01T00:00:00+00:00")
    script = tmp_path / "evil.sh"
    script.write_text(f"#!/bin/sh\ntouch {marker}\n")
    script.chmod(0o755)
    for key, value in (("log.showSignature", "true"), ("gpg.program", str(script))):
        _git(repo, "config", key, value, date="2024-01-01T00:00:00+00:00")
    (repo / ".git" / "config").write_text(
        (repo / ".git" / "config").read_text() + f"[core]\n\tfsmonitor = {script}\n"
    )
    review = review_local_repo(repo, TODAY, rubric=RUBRIC)
    assert _recent(review) == [False]  # 2024-01-01 is over a year before TODAY
    assert not marker.exists()


def test_a_badge_image_served_from_a_demo_host_is_no_deployment() -> None:
    badge = "[![](https://dcbadge.vercel.app/api/server/x?style=flat)](https://discord.gg/x)\n"
    assert not _passed(_repo(readme="# p\n\n" + badge), "hygiene.deployment")
    spaces = "[![Open](https://img.shields.io/badge/x.svg)](https://huggingface.co/spaces/a/b)\n"
    assert _passed(_repo(readme="# p\n\n" + spaces), "hygiene.deployment")
