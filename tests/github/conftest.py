"""Shared fixtures of the GitHub tests: a fake GitHub (see fakegithub.py) and sample repos."""

from __future__ import annotations

import secrets
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
import responses

from tests.github.fakegithub import FakeGitHub, FakeRepo, FakeUser

GOOD_README = """# House Price Prediction

Predicts the sale price of houses in Ames, Iowa from 79 features, to help buyers spot
overpriced listings before they make an offer.

![Predicted vs actual prices](docs/pred_vs_actual.png)

## Data
The [Ames housing dataset](https://www.kaggle.com/c/house-prices-advanced-regression-techniques/data)
has 1,460 sales with 79 features.

## Approach
1. Cleaned missing values and outliers.
2. Feature engineering: total area, house age, quality interactions.
3. Compared ridge regression, random forest and LightGBM with 5-fold cross-validation.

## Results

| model | MAE | R² |
|---|---|---|
| ridge | 18,900 | 0.88 |
| LightGBM | 14,200 | 0.92 |

## Installation

```bash
pip install -r requirements.txt
```

## Usage

```bash
python -m houses.train
```

## Conclusions
Quality and living area drive most of the price; limitations: one city only.
"""


def fake_token() -> str:
    """Return a token-shaped random value, built at runtime (no token literal in the repo)."""
    alphabet = string.ascii_letters + string.digits
    return "ghp" + "_" + "".join(secrets.choice(alphabet) for _ in range(36))


def sample_user(login: str = "alice") -> FakeUser:
    """A user with an ML project, a notebook-only tutorial, an app, a fork and a profile repo."""
    return FakeUser(
        login=login,
        name="Alice Example",
        bio="ML engineer",
        blog="https://alice.example",
        repos=[
            FakeRepo(
                "house-prices",
                {
                    "README.md": GOOD_README,
                    "requirements.txt": "pandas==2.2\nscikit-learn>=1.4\nlightgbm\n",
                    "houses/__init__.py": "",
                    "houses/train.py": "import lightgbm\n" * 20,
                    "tests/test_train.py": "def test_x():\n    pass\n",
                    "docs/pred_vs_actual.png": "PNG",
                    ".github/workflows/ci.yml": "on: push\n",
                    "LICENSE": "MIT License\n",
                    "Dockerfile": "FROM python:3.11\n",
                },
                description="House price regression with LightGBM",
                topics=["machine-learning", "regression", "lightgbm"],
                license="MIT",
            ),
            FakeRepo(
                "titanic",
                {"README.md": "# titanic\n", "Titanic.ipynb": "{" + '"cells": []' * 50 + "}"},
                pushed_at="2021-01-10T10:00:00Z",
                language="Jupyter Notebook",
            ),
            FakeRepo(
                "no-readme",
                {"main.py": "print('hi')\n"},
                description="A script",
            ),
            FakeRepo("forked-lib", {"README.md": "# lib\n"}, fork=True),
            FakeRepo(login, {"README.md": "# Hi, I'm Alice\n"}),
        ],
    )


@pytest.fixture
def rsps() -> Iterator[responses.RequestsMock]:
    """A responses mock that does not insist every route was used."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    """A fresh cache folder per test (never the user's real cache)."""
    return tmp_path / "cache"


@pytest.fixture
def fake_github(rsps: responses.RequestsMock) -> FakeGitHub:
    """The sample user served through responses at https://api.github.com."""
    return FakeGitHub([sample_user()]).mock(rsps)


__all__ = ["FakeGitHub", "FakeRepo", "FakeUser", "fake_token", "sample_user", "GOOD_README"]
