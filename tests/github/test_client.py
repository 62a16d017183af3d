"""fetch_portfolio against a mocked GitHub (responses): requests, faults, cache, secrecy."""

from __future__ import annotations

import json
import logging
import stat
from pathlib import Path

import pytest
import responses

from analyzer.errors import GitHubError, RateLimited
from analyzer.github.cache import default_cache_dir
from analyzer.github.client import fetch_portfolio
from analyzer.rules import shipped_rules
from tests.github.conftest import fake_token, sample_user
from tests.github.fakegithub import FakeGitHub, FakeRepo, FakeUser


def _fetch(**kwargs: object):
    kwargs.setdefault("sleep", lambda _s: None)
    kwargs.setdefault("backoff_factor", 0)
    return fetch_portfolio("alice", **kwargs, rubric=shipped_rules().portfolio)  # type: ignore[arg-type]


def test_fetches_profile_repos_readmes_and_trees(fake_github: FakeGitHub, cache_dir: Path) -> None:
    portfolio = _fetch(cache_dir=cache_dir)
    assert [r.name for r in portfolio.repos] == ["house-prices", "titanic", "no-readme"]
    assert [f.name for f in portfolio.forks] == ["forked-lib"]
    house = portfolio.repos[0]
    assert house.readme is not None and house.readme.startswith("# House Price Prediction")
    assert house.readme_path == "README.md"
    assert {"tests/", "Dockerfile", "LICENSE", ".github/"} <= set(house.files)
    assert ".github/workflows/ci.yml" in house.tree
    assert house.topics == ("machine-learning", "regression", "lightgbm")
    assert house.license == "MIT"
    assert house.dependency_files[0][0] == "requirements.txt"
    assert portfolio.user.has_profile_readme
    assert portfolio.user.name == "Alice Example"
    assert not portfolio.partial and portfolio.warnings == ()
    # 1 user + 1 listing + 3 trees + 2 READMEs (no-readme's tree shows none) + profile README
    # + 1 dependency file
    assert portfolio.requests_used == 9
    assert len(fake_github.seen) == 9
    listing = [s for s in fake_github.seen if s.path == "/users/alice/repos"]
    assert len(listing) == 1


def test_listing_asks_owner_repos_pushed_desc_100_per_page(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    FakeGitHub([sample_user()]).mock(rsps)
    _fetch(cache_dir=cache_dir, max_repos=1, fetch_dependencies=False)
    call = next(c for c in rsps.calls if "/users/alice/repos" in c.request.url)
    url = call.request.url
    for part in ("type=owner", "sort=pushed", "direction=desc", "per_page=100"):
        assert part in url


def test_max_repos_stops_after_the_first_page(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    repos = [FakeRepo(f"r{i:03d}", {"README.md": "# r\n"}) for i in range(150)]
    fake = FakeGitHub([FakeUser("alice", repos)]).mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir, max_repos=2, fetch_dependencies=False)
    assert [r.name for r in portfolio.repos] == ["r000", "r001"]
    assert fake.paths().count("/users/alice/repos") == 1


def test_pagination_when_more_than_100_repos(rsps: responses.RequestsMock, cache_dir: Path) -> None:
    repos = [FakeRepo(f"r{i:03d}", {}) for i in range(120)]
    fake = FakeGitHub([FakeUser("alice", repos)]).mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir, max_repos=110, fetch_dependencies=False)
    assert len(portfolio.repos) == 110
    assert fake.paths().count("/users/alice/repos") == 2


def test_missing_user_is_a_github_error(rsps: responses.RequestsMock, cache_dir: Path) -> None:
    FakeGitHub([sample_user()]).mock(rsps)
    with pytest.raises(GitHubError) as info:
        fetch_portfolio("ghost", cache_dir=cache_dir, rubric=shipped_rules().portfolio)
    assert str(info.value) == "GitHub user 'ghost' not found"
    assert info.value.exit_code == 4


def test_invalid_login_is_refused_before_any_request(rsps: responses.RequestsMock) -> None:
    with pytest.raises(GitHubError, match="not a valid GitHub user name"):
        fetch_portfolio("../etc", use_cache=False, rubric=shipped_rules().portfolio)
    assert len(rsps.calls) == 0


def test_empty_account_is_a_result_not_an_error(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    fake = FakeGitHub([FakeUser("alice")]).mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir)
    assert portfolio.repos == () and portfolio.forks == ()
    assert portfolio.requests_used == 1
    assert fake.paths() == ["/users/alice"]


def test_repo_without_readme_has_readme_none_without_a_readme_call(
    fake_github: FakeGitHub, cache_dir: Path
) -> None:
    portfolio = _fetch(cache_dir=cache_dir)
    no_readme = next(r for r in portfolio.repos if r.name == "no-readme")
    assert no_readme.readme is None and no_readme.error is None
    assert "/repos/alice/no-readme/readme" not in fake_github.paths()


def test_readme_404_gives_none(rsps: responses.RequestsMock, cache_dir: Path) -> None:
    user = FakeUser("alice", [FakeRepo("proj", {"README.md": "# p\n", "a.py": "x"})])
    FakeGitHub([user], faults={"/repos/alice/proj/readme$": [404]}).mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir)
    assert portfolio.repos[0].readme is None
    assert portfolio.repos[0].error is None


@pytest.mark.parametrize("status", [404, 451])
def test_gone_or_blocked_repo_is_skipped_with_a_warning(
    rsps: responses.RequestsMock, cache_dir: Path, status: int
) -> None:
    user = sample_user()
    user.repos[1].status = status
    FakeGitHub([user]).mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir)
    titanic = next(r for r in portfolio.repos if r.name == "titanic")
    assert titanic.error is not None and str(status) in titanic.error
    assert any("titanic skipped" in w for w in portfolio.warnings)
    assert portfolio.repos[0].readme is not None  # the others are still fetched


def test_missing_endpoints_degrade_with_warnings(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    fake = FakeGitHub(
        [sample_user()],
        missing_endpoints=[r"/git/trees/", r"/languages$"],
        omit_topics=True,
    ).mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir)
    house = portfolio.repos[0]
    assert house.error is None
    assert house.readme is not None  # README still fetched through /readme
    assert house.files == ()
    text = " ".join(portfolio.warnings)
    assert "file tree is not available" in text
    assert "no languages endpoint" in text
    assert "did not return repo topics" in text
    assert sum("languages endpoint" in w for w in portfolio.warnings) == 1
    assert "/repos/alice/house-prices/languages" in fake.paths()


def test_rate_limit_midway_keeps_what_was_fetched(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    FakeGitHub([sample_user()], rate_limit=4).mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir)
    assert portfolio.partial
    assert portfolio.repos[0].readme is not None
    assert portfolio.repos[1].error == "not fetched: the API rate limit ran out"
    warning = next(w for w in portfolio.warnings if "rate limit" in w)
    assert "2100-01-01 00:00 UTC" in warning
    assert "GITHUB_TOKEN" in warning and "5,000" in warning and "60" in warning
    assert portfolio.rate_limit_reset is not None and portfolio.rate_limit_reset.year == 2100


def test_rate_limit_before_anything_raises_rate_limited(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    FakeGitHub([sample_user()], rate_limit=0).mock(rsps)
    with pytest.raises(RateLimited) as info:
        _fetch(cache_dir=cache_dir, token_env="MY_GH_TOKEN")
    assert "2100-01-01 00:00 UTC" in str(info.value)
    assert "MY_GH_TOKEN" in str(info.value)
    assert info.value.reset_at == "2100-01-01T00:00:00+00:00"
    assert info.value.exit_code == 4


def test_rate_limit_with_token_names_the_token_limit(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    FakeGitHub([sample_user()], rate_limit=0).mock(rsps)
    with pytest.raises(RateLimited, match="token allows 5,000"):
        _fetch(cache_dir=cache_dir, token=fake_token())


def test_500_then_success_is_retried(rsps: responses.RequestsMock, cache_dir: Path) -> None:
    fake = FakeGitHub([sample_user()], faults={"^/users/alice$": [500, 502]}).mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir)
    assert portfolio.user.login == "alice"
    assert fake.paths()[:3] == ["/users/alice"] * 3
    assert portfolio.requests_used == 11  # 9 + 2 failed attempts


def test_persistent_500_gives_a_clear_error_after_bounded_retries(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    fake = FakeGitHub([sample_user()], faults={"^/users/alice$": [500] * 20}).mock(rsps)
    with pytest.raises(GitHubError) as info:
        _fetch(cache_dir=cache_dir, retries=3)
    assert "HTTP 500" in str(info.value) and "alice" in str(info.value)
    assert fake.paths().count("/users/alice") == 4  # 1 + 3 retries


def test_persistent_500_on_repos_stops_after_two_repos(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    fake = FakeGitHub([sample_user()], faults={"^/repos/": [500] * 100}).mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir, retries=1)
    assert portfolio.partial
    assert [r.error is not None for r in portfolio.repos] == [True, True, True]
    assert portfolio.repos[2].error == "not fetched: the server kept failing"
    assert sum(p.startswith("/repos/") for p in fake.paths()) == 4  # 2 repos x (1 + 1 retry)


def test_connection_errors_become_github_errors(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    import requests

    rsps.add("GET", "https://api.github.com:443/users/alice", body=requests.ConnectionError("x"))
    with pytest.raises(GitHubError, match="could not reach api.github.com"):
        _fetch(cache_dir=cache_dir, retries=0)


def test_token_is_sent_but_never_shown(
    rsps: responses.RequestsMock, cache_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    token = fake_token()
    caplog.set_level(logging.DEBUG)
    fake = FakeGitHub([sample_user()], faults={"^/users/alice$": [500]}, rate_limit=6).mock(rsps)
    portfolio = fetch_portfolio(
        "alice",
        token=token,
        cache_dir=cache_dir,
        sleep=lambda s: None,
        graphql=False,
        rubric=shipped_rules().portfolio,
    )
    with pytest.raises(GitHubError) as missing:
        fetch_portfolio("ghost", token=token, cache_dir=cache_dir, rubric=shipped_rules().portfolio)
    assert all(s.authorized for s in fake.seen)
    dumped = json.dumps(portfolio.to_dict())
    cached = "".join(p.read_text() for p in cache_dir.rglob("*.json"))
    for text in (caplog.text, dumped, cached, str(missing.value), repr(missing.value)):
        assert token not in text
        assert token[4:] not in text
    assert "rate limit" in " ".join(portfolio.warnings)


def test_second_run_is_conditional_and_304s_are_free(
    fake_github: FakeGitHub, cache_dir: Path
) -> None:
    first = _fetch(cache_dir=cache_dir)
    fake_github.seen.clear()
    second = _fetch(cache_dir=cache_dir)
    assert all(s.conditional for s in fake_github.seen)
    assert all(s.status == 304 for s in fake_github.seen)
    assert second.requests_used == 0
    assert second.not_modified == first.requests_used == 9
    assert second.repos == first.repos
    assert second.user == first.user


def test_no_cache_sends_no_validators(fake_github: FakeGitHub, cache_dir: Path) -> None:
    _fetch(cache_dir=cache_dir)
    fake_github.seen.clear()
    portfolio = _fetch(cache_dir=cache_dir, use_cache=False)
    assert not any(s.conditional for s in fake_github.seen)
    assert portfolio.requests_used == 9 and portfolio.not_modified == 0


def test_cache_folder_and_files_are_user_only(fake_github: FakeGitHub, tmp_path: Path) -> None:
    cache_dir = tmp_path / "deep" / "cache"
    _fetch(cache_dir=cache_dir)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    files = list(cache_dir.glob("*.json"))
    assert files
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)


def test_anonymous_and_token_answers_are_cached_apart(
    fake_github: FakeGitHub, cache_dir: Path
) -> None:
    _fetch(cache_dir=cache_dir)
    fake_github.seen.clear()
    _fetch(cache_dir=cache_dir, token=fake_token())
    assert not any(s.conditional for s in fake_github.seen)


def test_default_cache_dir_respects_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "mlcheck" / "github"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path.home() / ".cache" / "mlcheck" / "github"


def test_forks_can_be_included(fake_github: FakeGitHub, cache_dir: Path) -> None:
    portfolio = _fetch(cache_dir=cache_dir, include_forks=True)
    fork = next(r for r in portfolio.repos if r.name == "forked-lib")
    assert fork.fork and fork.readme == "# lib\n"


def test_enterprise_base_url_prefix(rsps: responses.RequestsMock, cache_dir: Path) -> None:
    fake = FakeGitHub([sample_user()]).mock(rsps, "https://ghe.example.com/api/v3")
    portfolio = _fetch(cache_dir=cache_dir, api_url="https://ghe.example.com/api/v3")
    assert portfolio.repos[0].readme is not None
    assert fake.paths()[0] == "/users/alice"


def test_anonymous_default_fits_the_60_requests_an_hour(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    """60 repos, each with a README and requirements.txt, plus a profile repo: the default
    review stays within what GitHub allows without a token."""
    repos = [
        FakeRepo(f"p{i:02d}", {"README.md": "# p\n", "requirements.txt": "pandas\n"})
        for i in range(60)
    ]
    fake = FakeGitHub([FakeUser("alice", [*repos, FakeRepo("alice", {"README.md": "# hi"})])])
    fake.mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir)
    assert len(portfolio.repos) == 20
    # user + listing + 20 trees + 20 READMEs + profile README + 5 dependency files
    assert portfolio.requests_used == len(fake.seen) == 48 <= 60


def test_a_truncated_tree_is_a_warning_and_keeps_root_files(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    files = {"README.md": "# big\n", "requirements.txt": "torch\n", "src/a.py": "x"}
    FakeGitHub([FakeUser("alice", [FakeRepo("big", files, truncated=True)])]).mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir)
    big = portfolio.repos[0]
    assert "requirements.txt" in big.files and "README.md" in big.files
    assert big.readme == "# big\n"
    assert big.dependency_files == (("requirements.txt", "torch\n"),)
    assert any("big: GitHub truncated the file tree" in w for w in portfolio.warnings)
