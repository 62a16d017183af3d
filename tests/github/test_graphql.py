"""With a token, one paged GraphQL query fetches the portfolio: request counts, GitHub Enterprise,
the same judgement as REST, and faults (retries, loops, missing endpoint, rate limit)."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import responses

from analyzer.errors import GitHubError, RateLimited
from analyzer.github.client import fetch_portfolio
from analyzer.github.portfolio import review_portfolio
from analyzer.github.transport import ServerFault
from analyzer.rules import shipped_rules
from tests.github.conftest import GOOD_README, fake_token, sample_user
from tests.github.fakegithub import FakeGitHub, FakeRepo, FakeUser

RUBRIC = shipped_rules().portfolio
TODAY = dt.date(2025, 6, 1)


def _many(n: int, login: str = "bob") -> FakeUser:
    repos = [
        FakeRepo(
            f"project-{i:03d}",
            {
                "README.md": f"# Project {i}\n\nForecasts sales with LightGBM.\n",
                "requirements.txt": "lightgbm==4.3\n",
                "src/forecast/train.py": "import lightgbm\n",
                "tests/unit/test_train.py": "from forecast import train\n",
                "tests/unit/deeper/test_more.py": "from forecast import train\n",
                ".github/workflows/ci.yml": "on: push\n",
            },
        )
        for i in range(n)
    ]
    return FakeUser(login, repos, name="Bob")


def _fetch(user: str, **kwargs: object):
    kwargs.setdefault("sleep", lambda _s: None)
    kwargs.setdefault("token", fake_token())
    return fetch_portfolio(user, **kwargs, rubric=RUBRIC)  # type: ignore[arg-type]


@pytest.mark.parametrize(("repos", "max_repos", "requests"), [(30, 30, 1), (150, 150, 3)])
def test_a_profile_costs_one_graphql_request_per_50_repos(
    rsps: responses.RequestsMock, cache_dir: Path, repos: int, max_repos: int, requests: int
) -> None:
    fake = FakeGitHub([_many(repos)]).mock(rsps)
    portfolio = _fetch("bob", max_repos=max_repos, cache_dir=cache_dir)
    assert portfolio.requests_used == fake.counted == requests
    assert requests <= (3 if repos == 30 else 5)  # the bounds
    assert fake.paths() == ["/graphql"] * requests
    assert len(portfolio.repos) == repos
    first = portfolio.repos[0]
    assert first.readme is not None and first.readme.startswith("# Project 0")
    assert "requirements.txt" in first.files
    # three levels from the root, like a src/ package or tests/unit/; deeper is not fetched
    assert "src/forecast/train.py" in first.tree and "tests/unit/test_train.py" in first.tree
    assert "tests/unit/deeper/" in first.tree
    assert "tests/unit/deeper/test_more.py" not in first.tree
    assert ".github/workflows/ci.yml" in first.tree
    assert first.dependency_files == (("requirements.txt", "lightgbm==4.3\n"),)


def test_max_repos_stops_the_pages(rsps: responses.RequestsMock, cache_dir: Path) -> None:
    fake = FakeGitHub([_many(150)]).mock(rsps)
    portfolio = _fetch("bob", max_repos=20, cache_dir=cache_dir)
    assert portfolio.requests_used == fake.counted == 1
    assert [r.name for r in portfolio.repos] == [f"project-{i:03d}" for i in range(20)]


def test_graphql_judges_the_sample_profile_like_rest(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    FakeGitHub([sample_user()]).mock(rsps)
    by_graphql = review_portfolio(_fetch("alice", use_cache=False), TODAY, rubric=RUBRIC)
    by_rest = review_portfolio(
        _fetch("alice", use_cache=False, graphql=False), TODAY, rubric=RUBRIC
    )
    assert by_graphql.requests_used == 1 and by_rest.requests_used == 9
    assert [r.name for r in by_graphql.repos] == ["house-prices", "titanic", "no-readme"]
    for ours, theirs in zip(by_graphql.repos, by_rest.repos, strict=True):
        assert ours.readme.score == theirs.readme.score
        assert ours.hygiene.criteria == theirs.hygiene.criteria
        assert ours.kinds == theirs.kinds and ours.tutorial_clone == theirs.tutorial_clone
    assert by_graphql.user == by_rest.user
    assert by_graphql.user.has_profile_readme
    assert by_graphql.forks == ("forked-lib",)
    assert by_graphql.score == by_rest.score


def test_github_enterprise_queries_api_graphql(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    api = "https://ghe.example/api/v3"
    fake = FakeGitHub([sample_user()]).mock(rsps, api)
    portfolio = _fetch("alice", api_url=api, cache_dir=cache_dir)
    assert portfolio.requests_used == 1
    sent = [urlsplit(c.request.url) for c in rsps.calls]
    assert [(u.hostname, u.path) for u in sent] == [("ghe.example", "/api/graphql")]
    assert fake.seen[0].authorized


def test_flags_set_empty_archived_and_forks_apart(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    user = FakeUser(
        "carol",
        [
            FakeRepo("real", {"README.md": GOOD_README, "train.py": "import sklearn\n"}),
            FakeRepo("nothing", {}, topics=["machine-learning", "nlp"]),
            FakeRepo("old", {"README.md": "# old\n"}, archived=True),
        ],
    )
    FakeGitHub([user]).mock(rsps)
    review = review_portfolio(_fetch("carol", cache_dir=cache_dir), TODAY, rubric=RUBRIC)
    apart = {r.name: r.set_apart for r in review.repos}
    assert apart == {"real": None, "nothing": "empty", "old": "archived"}


def test_a_failing_query_is_retried(rsps: responses.RequestsMock, cache_dir: Path) -> None:
    fake = FakeGitHub([sample_user()], faults={"^/graphql$": [502, 500]}).mock(rsps)
    portfolio = _fetch("alice", cache_dir=cache_dir)
    assert portfolio.requests_used == fake.counted == 3
    assert [s.status for s in fake.seen] == [502, 500, 200]


def test_no_graphql_endpoint_falls_back_to_rest(
    rsps: responses.RequestsMock, cache_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeGitHub([sample_user()], missing_endpoints=["^/graphql$"]).mock(rsps)
    portfolio = _fetch("alice", cache_dir=cache_dir)
    assert fake.paths()[:2] == ["/graphql", "/users/alice"]
    assert portfolio.requests_used == 10  # the refused query + REST's 9
    assert "no GraphQL endpoint; the REST API was used instead" in " ".join(portfolio.warnings)
    assert [r.name for r in portfolio.repos] == ["house-prices", "titanic", "no-readme"]


def test_a_missing_user_is_said_once(rsps: responses.RequestsMock, cache_dir: Path) -> None:
    FakeGitHub([sample_user()]).mock(rsps)
    with pytest.raises(GitHubError) as info:
        _fetch("ghost", cache_dir=cache_dir)
    assert str(info.value) == "GitHub user 'ghost' not found"
    assert info.value.exit_code == 4


def test_a_page_cursor_seen_before_is_a_loop(rsps: responses.RequestsMock, cache_dir: Path) -> None:
    def same_page(_query: dict) -> tuple[int, dict, bytes]:
        node = {"databaseId": None, "name": "again", "isFork": False}
        repos = {
            "totalCount": 999,
            "pageInfo": {"hasNextPage": True, "endCursor": "C1"},
            "nodes": [dict(node, name=f"r{i}") for i in range(3)],
        }
        body = {"data": {"user": {"login": "alice", "repositories": repos}}}
        return 200, {}, json.dumps(body).encode()

    fake = FakeGitHub([sample_user()], answers={"^/graphql$": same_page}).mock(rsps)
    with pytest.raises(ServerFault) as info:
        _fetch("alice", cache_dir=cache_dir, max_repos=100)
    assert "same page" in str(info.value)
    assert fake.counted == 2


def test_rate_limit_on_the_first_page_is_an_error_naming_the_reset(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    FakeGitHub([sample_user()], rate_limit=0).mock(rsps)
    with pytest.raises(RateLimited) as info:
        _fetch("alice", cache_dir=cache_dir)
    assert "2100-01-01 00:00 UTC" in str(info.value)


def test_rate_limit_on_a_later_page_keeps_what_was_fetched(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    FakeGitHub([_many(120)], rate_limit=1).mock(rsps)
    portfolio = _fetch("bob", max_repos=120, cache_dir=cache_dir)
    assert portfolio.partial
    assert len(portfolio.repos) == 50
    assert "rate limit" in " ".join(portfolio.warnings)


def test_a_huge_readme_is_cut_with_a_warning(rsps: responses.RequestsMock, cache_dir: Path) -> None:
    user = FakeUser("dan", [FakeRepo("big", {"README.md": "# big\n" + "x" * 5000})])
    FakeGitHub([user]).mock(rsps)
    portfolio = _fetch("dan", cache_dir=cache_dir, max_raw_bytes=1000)
    assert len(portfolio.repos[0].readme or "") == 1000
    assert "README of big is larger than 1,000 bytes" in " ".join(portfolio.warnings)


def test_the_token_is_sent_and_never_shown(
    rsps: responses.RequestsMock, cache_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    token = fake_token()
    caplog.set_level(logging.DEBUG)

    def echo(_query: dict) -> tuple[int, dict, bytes]:
        return 401, {}, json.dumps({"message": f"Bad credentials: token {token}"}).encode()

    fake = FakeGitHub([sample_user()]).mock(rsps)
    portfolio = _fetch("alice", token=token, cache_dir=cache_dir)
    assert all(s.authorized for s in fake.seen)
    FakeGitHub([sample_user()], answers={"^/graphql$": echo}).mock(rsps)
    with pytest.raises(GitHubError) as info:
        _fetch("alice", token=token, cache_dir=cache_dir)
    assert "rejected the token" in str(info.value)
    for text in (caplog.text, json.dumps(portfolio.to_dict()), str(info.value)):
        assert token not in text


def test_over_http_with_the_fake_server(tmp_path: Path) -> None:
    fake = FakeGitHub([_many(30)])
    with fake.serve():
        portfolio = _fetch("bob", api_url=fake.api_url, cache_dir=tmp_path, max_repos=30)
    assert portfolio.requests_used == len(fake.seen) == 1
    assert len(portfolio.repos) == 30
    review = review_portfolio(portfolio, TODAY, rubric=RUBRIC)
    hygiene = {c.id: c.passed for c in review.repos[0].hygiene.criteria}
    assert hygiene["hygiene.tests"] and hygiene["hygiene.ci"] and hygiene["hygiene.dependencies"]


def test_a_page_over_the_size_limit_is_asked_again_smaller(
    rsps: responses.RequestsMock, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 30 repos of a 3 kB README each: a page of 30 is over 40 kB, a page of 10 is not
    monkeypatch.setattr("analyzer.github.transport.MAX_BODY_BYTES", 40_000)
    repos = [FakeRepo(f"r{i:02d}", {"README.md": "# r\n" + "word " * 600}) for i in range(30)]
    fake = FakeGitHub([FakeUser("erin", repos)]).mock(rsps)
    portfolio = _fetch("erin", cache_dir=cache_dir, max_repos=30)
    assert len(portfolio.repos) == 30
    assert portfolio.requests_used == fake.counted == 4  # the refused page, then 3 of 10
    assert "over the size limit; asking for 10 at a time" in " ".join(portfolio.warnings)


def test_a_page_over_the_limit_even_small_is_a_fault(
    rsps: responses.RequestsMock, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("analyzer.github.transport.MAX_BODY_BYTES", 500)
    FakeGitHub([sample_user()]).mock(rsps)
    with pytest.raises(ServerFault) as info:
        _fetch("alice", cache_dir=cache_dir)
    assert "sent more than 500 bytes for /graphql; refused" in str(info.value)
