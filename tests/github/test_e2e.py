"""End to end: PyGithub over real HTTP against the fake GitHub server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analyzer.errors import GitHubError
from analyzer.github import fetch_portfolio, review_portfolio
from analyzer.rules import shipped_rules
from tests.github.conftest import fake_token, sample_user
from tests.github.fakegithub import FakeGitHub


def test_fetch_and_review_over_http(tmp_path: Path) -> None:
    waits: list[float] = []
    token = fake_token()
    fake = FakeGitHub([sample_user()], faults={"^/users/alice$": [500, 502]})
    with fake.serve():
        portfolio = fetch_portfolio(
            "alice",
            token=token,
            api_url=fake.api_url,
            cache_dir=tmp_path,
            backoff_factor=0.5,
            sleep=waits.append,
            graphql=False,
            rubric=shipped_rules().portfolio,
        )
        review = review_portfolio(portfolio, dt.date(2025, 6, 1), rubric=shipped_rules().portfolio)
        assert portfolio.requests_used == 11  # 9 + the two failed attempts
        assert len(fake.seen) == 11
        # urllib3 retries the first fault at once, then backs off through the sleeper
        assert waits == [1.0]
        assert all(s.authorized for s in fake.seen)
        assert [r.name for r in review.repos] == ["house-prices", "titanic", "no-readme"]
        assert review.repos[0].readme.score >= 80
        assert review.tutorial_clones == ("titanic",)
        assert review.requests_used == 11

        fake.seen.clear()
        cached = fetch_portfolio(
            "alice",
            token=token,
            api_url=fake.api_url,
            cache_dir=tmp_path,
            sleep=waits.append,
            graphql=False,
            rubric=shipped_rules().portfolio,
        )
        assert cached.requests_used == 0
        assert cached.not_modified == 9
        assert cached.repos == portfolio.repos


def test_rate_limit_over_http_keeps_partial_result(tmp_path: Path) -> None:
    fake = FakeGitHub([sample_user()], rate_limit=5)
    with fake.serve():
        portfolio = fetch_portfolio(
            "alice",
            api_url=fake.api_url,
            cache_dir=tmp_path,
            sleep=lambda s: None,
            rubric=shipped_rules().portfolio,
        )
    assert portfolio.partial
    assert portfolio.repos[0].readme is not None
    assert any("2100-01-01 00:00 UTC" in w and "GITHUB_TOKEN" in w for w in portfolio.warnings)
    # 5 allowed + the refused one; no retry of a rate-limit 403 that resets in the far future
    assert len(fake.seen) == 6


def test_persistent_500_over_http(tmp_path: Path) -> None:
    waits: list[float] = []
    fake = FakeGitHub([sample_user()], faults={"^/users/alice$": [503] * 10})
    with fake.serve(), pytest.raises(GitHubError, match="HTTP 503"):
        fetch_portfolio(
            "alice",
            api_url=fake.api_url,
            cache_dir=tmp_path,
            retries=2,
            sleep=waits.append,
            rubric=shipped_rules().portfolio,
        )
    assert len(fake.seen) == 3
    assert waits == [1.0]


def test_missing_user_over_http(tmp_path: Path) -> None:
    fake = FakeGitHub([sample_user()])
    with fake.serve(), pytest.raises(GitHubError, match="GitHub user 'bob' not found"):
        fetch_portfolio(
            "bob", api_url=fake.api_url, cache_dir=tmp_path, rubric=shipped_rules().portfolio
        )


def test_typical_profile_request_budget(tmp_path: Path) -> None:
    """10 own repos with READMEs, 5 with requirements.txt, a profile README and a fork."""
    from tests.github.conftest import GOOD_README
    from tests.github.fakegithub import FakeRepo, FakeUser

    repos = [
        FakeRepo(
            f"proj{i}",
            {
                "README.md": GOOD_README,
                "src/a.py": "x",
                **({"requirements.txt": "pandas\n"} if i < 5 else {}),
            },
        )
        for i in range(10)
    ]
    repos += [FakeRepo("bob", {"README.md": "# Hi\n"}), FakeRepo("fork", {}, fork=True)]
    fake = FakeGitHub([FakeUser("bob", repos)])
    with fake.serve():
        first = fetch_portfolio(
            "bob", api_url=fake.api_url, cache_dir=tmp_path, rubric=shipped_rules().portfolio
        )
        second = fetch_portfolio(
            "bob", api_url=fake.api_url, cache_dir=tmp_path, rubric=shipped_rules().portfolio
        )
    assert (first.requests_used, first.not_modified) == (28, 0)
    assert (second.requests_used, second.not_modified) == (0, 28)
    assert len(first.repos) == 10 and first.user.has_profile_readme
