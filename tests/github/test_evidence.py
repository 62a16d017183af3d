"""Skills from code, not words: dependency files anywhere, imports in modules and notebooks,
Dockerfiles, Kubernetes manifests, SQL and CI; README prose is weak and labelled so; "shown but
not claimed" lists the ten strongest with where each was seen."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from analyzer.github.crosscheck import cross_check
from analyzer.github.evidence import dockerfile_terms, is_kubernetes_manifest, repo_evidence
from analyzer.github.interface import Portfolio, RepoSnapshot, UserProfile
from analyzer.github.local import review_local_repo
from analyzer.github.portfolio import review_portfolio
from analyzer.rules import shipped_rules

RUBRIC = shipped_rules().portfolio
TODAY = dt.date(2025, 6, 1)


def _notebook(*cells: str) -> str:
    return json.dumps(
        {"cells": [{"cell_type": "code", "source": [c]} for c in cells], "nbformat": 4}
    )


def _where(review: object) -> dict[str, tuple[str, int]]:
    return {e.skill: (e.where, e.strength) for e in review.evidence}  # type: ignore[attr-defined]


def test_a_checkout_shows_skills_from_its_code_with_where(tmp_path: Path) -> None:
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "requirements.txt").write_text("fastapi==0.110\n")
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "eda.ipynb").write_text(_notebook("import cv2\nimport numpy as np"))
    (tmp_path / "Dockerfile").write_text(
        "FROM pytorch/pytorch:2.2-cuda12\nRUN pip install mlflow\n"
    )
    (tmp_path / "k8s").mkdir()
    (tmp_path / "k8s" / "serve.yaml").write_text("apiVersion: apps/v1\nkind: Deployment\n")
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / "features.sql").write_text("select 1;\n")
    (tmp_path / "engine").mkdir()
    (tmp_path / "engine" / "Cargo.toml").write_text(
        '[package]\nname = "e"\n[dependencies]\ntch = "0.15"\n'
    )
    review = review_local_repo(tmp_path, TODAY, rubric=RUBRIC)
    where = _where(review)
    assert where["FastAPI"] == ("api/requirements.txt", 3)
    assert where["OpenCV"] == ("import in notebooks/eda.ipynb", 3)
    assert where["NumPy"] == ("import in notebooks/eda.ipynb", 3)
    assert where["PyTorch"][1] == 3 and where["PyTorch"][0] in ("Dockerfile", "engine/Cargo.toml")
    assert where["MLflow"] == ("Dockerfile", 3)  # pip-installed in the image
    assert where["Kubernetes"][1] == 3
    assert where["SQL"] == ("sql/features.sql", 3)
    assert where["Jupyter"] == ("notebooks/eda.ipynb", 2)


def test_a_committed_environment_gives_no_evidence(tmp_path: Path) -> None:
    site = tmp_path / "venv" / "lib" / "site-packages" / "torch"
    site.mkdir(parents=True)
    (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr\n")
    (site / "__init__.py").write_text("import numpy\n")
    (site / "requirements.txt").write_text("torch\n")
    (tmp_path / "main.py").write_text("print(1)\n")
    review = review_local_repo(tmp_path, TODAY, rubric=RUBRIC)
    assert "PyTorch" not in review.skills and "NumPy" not in review.skills


def test_dockerfile_and_manifest_readers() -> None:
    docker = "FROM --platform=linux/amd64 python:3.11-slim AS base\nRUN pip install -U lightgbm\n"
    assert dockerfile_terms(docker, RUBRIC) == ["Python", "LightGBM"]
    assert is_kubernetes_manifest("apiVersion: v1\nkind: Service\nmetadata: {}\n")
    assert not is_kubernetes_manifest("name: ci\non: push\n")


def test_readme_prose_is_weak_evidence_and_labelled() -> None:
    def finder(text: str) -> set[str]:
        return {s for s in ("AWS Lambda", "LightGBM") if s.split()[-1].lower() in text.lower()}

    repo = RepoSnapshot(
        name="p",
        readme="# P\n\nTrained on GPUs rented from Lambda labs.\n",
        dependency_files=(("requirements.txt", "lightgbm\n"),),
    )
    evidence = repo_evidence(repo, finder, rubric=RUBRIC)
    assert [(e.skill, e.where, e.strength) for e in evidence] == [
        ("LightGBM", "requirements.txt", 3),
        ("AWS Lambda", "README prose (weak)", 1),
    ]


def test_shown_but_not_claimed_lists_the_ten_strongest_with_where() -> None:
    packages = [
        "torch", "pandas", "numpy", "scipy", "matplotlib", "seaborn", "plotly", "xgboost",
        "lightgbm", "catboost", "fastapi", "flask",
    ]  # fmt: skip

    def finder(text: str) -> set[str]:
        if "Lambda" in text:
            return {"AWS Lambda"}
        return {text}

    repos = (
        RepoSnapshot(
            name="big",
            readme="# big\n\nServed on AWS Lambda.\n",
            dependency_files=(("requirements.txt", "\n".join(packages)),),
            pushed_at=dt.datetime(2025, 5, 1, tzinfo=dt.timezone.utc),
        ),
        RepoSnapshot(
            name="small",
            dependency_files=(("requirements.txt", "xgboost\nflask\n"),),
            pushed_at=dt.datetime(2025, 5, 1, tzinfo=dt.timezone.utc),
        ),
    )
    review = review_portfolio(
        Portfolio(user=UserProfile(login="a"), repos=repos), TODAY, skill_finder=finder,
        rubric=RUBRIC,
    )  # fmt: skip
    check = cross_check(["PyTorch"], review, rubric=RUBRIC)
    shown = check.evidence_not_claimed
    assert len(shown) == 10
    assert shown[:2] == ("Flask", "XGBoost")  # code evidence in two repos first
    assert "AWS Lambda" not in shown  # words only: behind twelve code skills
    (finding,) = [f for f in check.findings if f.id == "crosscheck.evidence_not_claimed"]
    assert (finding.evidence or "").startswith(
        "Flask (requirements.txt in big); XGBoost (requirements.txt in big); "
    )
    assert finding.evidence is not None and finding.evidence.count(";") == 9
