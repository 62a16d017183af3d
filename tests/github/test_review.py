"""Hygiene, project kinds, tutorial clones, portfolio score and findings, cross-check, local."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analyzer.errors import InputError
from analyzer.github.crosscheck import cross_check
from analyzer.github.evidence import dependency_names
from analyzer.github.hygiene import judge_hygiene, primary_language
from analyzer.github.interface import Portfolio, RepoSnapshot, UserProfile
from analyzer.github.local import review_local_repo
from analyzer.github.portfolio import project_kinds, review_portfolio, review_repo, tutorial_of
from analyzer.rules import shipped_rules
from tests.github.conftest import GOOD_README

RUBRIC = shipped_rules().portfolio

TODAY = dt.date(2025, 6, 1)
RECENT = dt.datetime(2025, 5, 1, tzinfo=dt.timezone.utc)
OLD = dt.datetime(2021, 1, 1, tzinfo=dt.timezone.utc)


def _repo(name: str = "proj", **kwargs: object) -> RepoSnapshot:
    kwargs.setdefault("pushed_at", RECENT)
    return RepoSnapshot(name=name, **kwargs)  # type: ignore[arg-type]


def _failed(snapshot: RepoSnapshot, local: bool = False) -> set[str]:
    hygiene = judge_hygiene(snapshot, TODAY, local=local, rubric=RUBRIC)
    return {c.id for c in hygiene.criteria if not c.passed}


GOOD_FILES = (
    "README.md",
    "LICENSE",
    "requirements.txt",
    "Dockerfile",
    "src/",
    "tests/",
    ".github/",
)
GOOD_TREE = (
    "src/model.py",
    "src/features.py",
    "tests/test_model.py",
    ".github/workflows/",
    ".github/workflows/ci.yml",
)


def test_hygiene_weights_sum_to_100() -> None:
    assert sum(RUBRIC.hygiene.weights.values()) == 100


def test_a_well_kept_repo_passes_every_hygiene_check() -> None:
    snapshot = _repo(description="d", topics=("ml",), files=GOOD_FILES, tree=GOOD_TREE)
    hygiene = judge_hygiene(snapshot, TODAY, rubric=RUBRIC)
    assert hygiene.score == 100
    assert all(c.fix for c in hygiene.criteria)


def test_notebook_only_repo_fails_code_tests_ci_and_is_python_work() -> None:
    snapshot = _repo(
        files=("README.md", "Analysis.ipynb"),
        languages=(("Jupyter Notebook", 90_000), ("HTML", 120_000), ("Python", 500)),
        pushed_at=OLD,
    )
    failed = _failed(snapshot)
    assert {
        "hygiene.modular_code",
        "hygiene.tests",
        "hygiene.ci",
        "hygiene.dependencies",
        "hygiene.recent",
        "hygiene.license",
    } <= failed
    assert judge_hygiene(snapshot, TODAY, rubric=RUBRIC).primary_language == "Python"


def test_primary_language_prefers_code_over_markup() -> None:
    assert primary_language((("HTML", 10_000), ("R", 200)), rubric=RUBRIC) == "R"
    assert primary_language((("HTML", 10_000),), rubric=RUBRIC) == "HTML"
    assert primary_language((), rubric=RUBRIC) is None


def test_workflow_folder_without_files_is_not_ci() -> None:
    assert "hygiene.ci" in _failed(_repo(files=(".github/",), tree=(".github/workflows/",)))
    assert "hygiene.ci" not in _failed(_repo(files=(".travis.yml",)))


def test_licence_from_listing_or_file() -> None:
    assert "hygiene.license" not in _failed(_repo(license="MIT"))
    assert "hygiene.license" not in _failed(_repo(files=("LICENSE.md",)))


def test_local_review_does_not_judge_description_and_topics() -> None:
    hygiene = judge_hygiene(
        _repo(files=GOOD_FILES, tree=GOOD_TREE), TODAY, local=True, rubric=RUBRIC
    )
    ids = {c.id for c in hygiene.criteria}
    assert "hygiene.description" not in ids and "hygiene.topics" not in ids
    assert hygiene.score == 100


@pytest.mark.parametrize(
    ("snapshot", "kind"),
    [
        (_repo(readme=GOOD_README), "tabular"),
        (_repo(topics=("recommender-system", "collaborative-filtering")), "recommender"),
        (_repo(description="Sentiment analysis of tweets with BERT transformers"), "nlp"),
        (
            _repo(readme="# Leaves\n\nImage classification with a CNN and transfer learning."),
            "vision",
        ),
        (_repo(description="Sales forecasting with ARIMA and Prophet time series"), "time_series"),
        (_repo(files=("Dockerfile",), description="FastAPI model service"), "mlops"),
    ],
)
def test_project_kinds(snapshot: RepoSnapshot, kind: str) -> None:
    assert kind in project_kinds(snapshot, rubric=RUBRIC)


def test_a_plain_repo_has_no_kind() -> None:
    assert project_kinds(_repo(description="My dotfiles"), rubric=RUBRIC) == ()


@pytest.mark.parametrize(
    ("name", "description", "tutorial"),
    [
        ("Titanic-ML", None, "titanic"),
        ("kaggle-starter", "Titanic survival prediction", "titanic"),
        ("iris_classification", None, "iris"),
        ("digit-recognizer", None, "mnist"),
        ("BostonHousing", None, "boston_housing"),
        ("california-housing-regression", None, "california_housing"),
        ("fraud-detection", "Card fraud with XGBoost", None),
        ("irish-weather", None, None),
    ],
)
def test_tutorial_clones(name: str, description: str | None, tutorial: str | None) -> None:
    assert tutorial_of(_repo(name, description=description), rubric=RUBRIC) == tutorial


def test_a_tutorial_taken_further_is_not_flagged() -> None:
    readme = GOOD_README.replace("House Price Prediction", "Titanic survival, deployed")
    beyond = _repo("titanic", readme=readme, files=GOOD_FILES, tree=GOOD_TREE)
    plain = _repo("titanic", readme="# titanic\n", files=("README.md", "titanic.ipynb"))
    assert review_repo(beyond, TODAY, rubric=RUBRIC).tutorial_clone is None
    assert review_repo(plain, TODAY, rubric=RUBRIC).tutorial_clone == "titanic"


def _portfolio(repos: tuple[RepoSnapshot, ...], **user: object) -> Portfolio:
    return Portfolio(user=UserProfile(login="alice", **user), repos=repos)  # type: ignore[arg-type]


def test_empty_account_gives_a_clear_finding() -> None:
    review = review_portfolio(_portfolio(()), TODAY, rubric=RUBRIC)
    assert review.repos == ()
    assert review.score <= 10
    empty = next(f for f in review.findings if f.id == "portfolio.empty")
    assert empty.severity.value == "high" and empty.fix


def test_portfolio_findings_name_repos_and_fixes() -> None:
    repos = (
        _repo(
            "house-prices",
            readme=GOOD_README,
            files=GOOD_FILES,
            tree=GOOD_TREE,
            description="d",
            topics=("regression",),
        ),
        _repo("titanic", readme="# titanic\n", files=("README.md", "t.ipynb"), pushed_at=OLD),
        _repo("script", files=("main.py",)),
        _repo("gone", error="not found (HTTP 404)"),
    )
    review = review_portfolio(_portfolio(repos, name="Alice"), TODAY, rubric=RUBRIC)
    assert [r.name for r in review.repos] == ["house-prices", "titanic", "script"]
    assert review.tutorial_clones == ("titanic",)
    assert "tabular" in review.kinds
    assert any("gone not reviewed" in w for w in review.warnings)
    by_id = {(f.id, f.anchor) for f in review.findings}
    assert ("readme.missing", "repo-script") in by_id
    assert ("readme.weak", "repo-titanic") in by_id
    assert ("portfolio.tutorial_clone", "repo-titanic") in by_id
    assert ("portfolio.no_profile_readme", "profile") in by_id
    assert ("portfolio.no_name", "profile") not in by_id
    assert any(f.id == "portfolio.missing_kind" for f in review.findings)
    assert all(f.fix and f.area in ("portfolio", "readme", "hygiene") for f in review.findings)
    impacts = [f.impact for f in review.findings]
    assert impacts == sorted(impacts, reverse=True)


def test_better_portfolio_scores_higher() -> None:
    weak = review_portfolio(
        _portfolio((_repo("titanic", readme="# titanic\n"),)), TODAY, rubric=RUBRIC
    )
    strong_repos = tuple(
        _repo(
            name,
            readme=GOOD_README + extra,
            files=GOOD_FILES,
            tree=GOOD_TREE,
            description="d",
            topics=topics,
        )
        for name, extra, topics in [
            ("houses", "", ("regression",)),
            ("recsys", "\nCollaborative filtering recommender.", ("recommender-system",)),
            ("leaves", "\nCNN transfer learning on images.", ("computer-vision", "pytorch")),
            ("api", "\nServed with FastAPI in Docker.", ("fastapi", "docker")),
        ]
    )
    strong = review_portfolio(
        _portfolio(
            strong_repos,
            name="A",
            bio="ML engineer",
            blog="https://a.example",
            has_profile_readme=True,
        ),
        TODAY,
        rubric=RUBRIC,
    )
    assert weak.score < 40 < 80 < strong.score
    assert not any(f.id == "portfolio.missing_kind" for f in strong.findings)


def test_partial_fetch_is_reported() -> None:
    portfolio = Portfolio(
        user=UserProfile(login="alice"),
        repos=(_repo(readme=GOOD_README),),
        partial=True,
        warnings=("GitHub API rate limit exhausted; it resets at ...",),
    )
    review = review_portfolio(portfolio, TODAY, rubric=RUBRIC)
    assert review.partial
    assert any(f.id == "portfolio.partial" for f in review.findings)


def test_dependency_files_are_parsed() -> None:
    assert dependency_names("requirements.txt", "torch==2.1 # gpu\n-r dev.txt\nscikit_learn\n") == [
        "torch",
        "scikit-learn",
    ]
    pyproject = '[project]\ndependencies = ["fastapi>=0.110", "pandas"]\n'
    assert dependency_names("pyproject.toml", pyproject) == ["fastapi", "pandas"]
    env = "name: x\ndependencies:\n  - python=3.11\n  - numpy\n  - pip:\n    - xgboost\n"
    assert {"numpy", "xgboost"} <= set(dependency_names("environment.yml", env))
    assert dependency_names("package.json", '{"dependencies": {"react": "18"}}') == ["react"]
    assert dependency_names("pyproject.toml", "not toml [") == []


def _review_with_skills() -> object:
    repo = _repo(
        "houses",
        readme=GOOD_README,
        dependency_files=(("requirements.txt", "lightgbm\nfastapi\npandas\n"),),
        files=("Dockerfile",),
        languages=(("Python", 100),),
    )
    return review_portfolio(_portfolio((repo,)), TODAY, rubric=RUBRIC)


def test_cross_check_without_skill_finder() -> None:
    review = _review_with_skills()
    result = cross_check(["lightgbm", "PyTorch", "Communication", "Python"], review, rubric=RUBRIC)  # type: ignore[arg-type]
    assert result.claimed_without_evidence == ("PyTorch",)
    assert set(result.evidence_not_claimed) == {"FastAPI", "Pandas", "Docker"}
    ids = [f.id for f in result.findings]
    assert ids == ["crosscheck.claimed_without_evidence", "crosscheck.evidence_not_claimed"]


def test_skill_finder_maps_repo_text_to_canonical_skills() -> None:
    seen: list[str] = []

    def finder(text: str) -> set[str]:
        seen.append(text)
        low = text.lower()
        return {s for s in ("lightgbm", "docker", "cross-validation") if s in low}

    repo = _repo(
        "houses",
        readme=GOOD_README,
        dependency_files=(("requirements.txt", "lightgbm\n"),),
        files=("Dockerfile",),
    )
    review = review_portfolio(_portfolio((repo,)), TODAY, skill_finder=finder, rubric=RUBRIC)
    assert review.repos[0].skills == ("cross-validation", "docker", "lightgbm")
    assert "LightGBM" in seen[0]  # dependency evidence is handed to the finder as text
    result = cross_check(["docker", "kubernetes"], review, rubric=RUBRIC)
    assert result.claimed_without_evidence == ("kubernetes",)
    # code evidence first, README words after, each with where it was seen
    assert result.evidence_not_claimed == ("lightgbm", "cross-validation")
    (finding,) = [f for f in result.findings if f.id == "crosscheck.evidence_not_claimed"]
    assert finding.evidence == (
        "lightgbm (requirements.txt in houses); cross-validation (README prose (weak) in houses)"
    )
    evidence = {e.skill: (e.where, e.strength) for e in review.repos[0].evidence}
    assert evidence == {
        "lightgbm": ("requirements.txt", 3),
        "docker": ("Dockerfile", 3),
        "cross-validation": ("README prose (weak)", 1),
    }


def test_review_local_repo(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(GOOD_README)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "pred_vs_actual.png").write_bytes(b"PNG")
    (tmp_path / "houses").mkdir()
    (tmp_path / "houses" / "train.py").write_text("import lightgbm\nimport pandas as pd\n")
    (tmp_path / "houses" / "features.py").write_text("import numpy\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_train.py").write_text(
        "from houses import train\n\ndef test_x():\n    assert train\n"
    )
    (tmp_path / "requirements.txt").write_text("lightgbm\n")
    (tmp_path / "LICENSE").write_text(
        "MIT License\n\nPermission is hereby granted, free of charge, to any person"
    )
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]\n")
    review = review_local_repo(tmp_path, dt.date.today(), rubric=RUBRIC)
    assert review.readme.score >= 80
    failed = {c.id for c in review.hygiene.criteria if not c.passed}
    assert failed == {"hygiene.ci", "hygiene.deployment"}
    assert {"LightGBM", "Pandas", "NumPy", "Python"} <= set(review.skills)
    assert "tabular" in review.kinds
    assert not any(".git" in p for p in review.skills)


def test_review_local_repo_broken_image_and_missing_dir(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# P\n\n![plot](img/plot.png)\n")
    review = review_local_repo(tmp_path, TODAY, rubric=RUBRIC)
    failed = {c.id for c in review.readme.criteria if not c.passed}
    assert "readme.links_resolve" in failed
    with pytest.raises(InputError):
        review_local_repo(tmp_path / "missing", TODAY, rubric=RUBRIC)
