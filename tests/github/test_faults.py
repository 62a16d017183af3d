"""Server faults: each ends in one ServerFault (exit 4) line, within the time budget."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import responses

from analyzer.github.client import fetch_portfolio
from analyzer.github.transport import ServerFault
from analyzer.rules import shipped_rules
from tests.github.conftest import fake_token, sample_user
from tests.github.fakegithub import FakeGitHub, FakeRepo, FakeUser

API = "https://api.github.com"


def _fetch(**kwargs: object):
    kwargs.setdefault("sleep", lambda _s: None)
    kwargs.setdefault("backoff_factor", 0)
    return fetch_portfolio("alice", **kwargs, rubric=shipped_rules().portfolio)  # type: ignore[arg-type]


def _fault(fake: FakeGitHub, rsps: responses.RequestsMock, **kwargs: object) -> ServerFault:
    fake.mock(rsps)
    with pytest.raises(ServerFault) as info:
        _fetch(**kwargs)
    assert info.value.exit_code == 4
    assert "\n" not in str(info.value)
    return info.value


@pytest.mark.parametrize("status", [301, 302, 307])
@pytest.mark.parametrize("path", [r"^/users/alice$", r"/git/trees/", r"^/graphql$"])
def test_redirect_to_another_host_is_refused_without_sending_the_token(
    rsps: responses.RequestsMock, cache_dir: Path, status: int, path: str
) -> None:
    elsewhere = rsps.add(responses.GET, "https://evil.example/steal", json={})
    elsewhere_post = rsps.add(responses.POST, "https://evil.example/steal", json={})
    token = fake_token()
    fake = FakeGitHub(
        [sample_user()],
        answers={path: (status, {"Location": "https://evil.example/steal"}, b"")},
    )
    graphql = path == r"^/graphql$"
    fault = _fault(fake, rsps, token=token, cache_dir=cache_dir, graphql=graphql)
    assert elsewhere_post.call_count == 0
    assert "redirected to another host (evil.example)" in str(fault)
    assert token not in str(fault)
    assert elsewhere.call_count == 0


def test_redirect_loop_on_the_same_host_stops(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    fake = FakeGitHub(
        [sample_user()],
        answers={
            r"^/users/alice$": (301, {"Location": f"{API}/users/alice2"}, b""),
            r"^/users/alice2$": (301, {"Location": f"{API}/users/alice"}, b""),
        },
    )
    fault = _fault(fake, rsps, cache_dir=cache_dir)
    assert "redirects in a loop" in str(fault)
    assert len(fake.seen) <= 7


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (r"^/users/alice$", "user 'alice'"),
        (r"^/users/alice/repos$", "listing the repos"),
        (r"/git/trees/", "the file tree of house-prices"),
    ],
)
def test_malformed_json_is_one_line(
    rsps: responses.RequestsMock, cache_dir: Path, path: str, where: str
) -> None:
    fake = FakeGitHub([sample_user()], answers={path: (200, {}, b'{"login": "alice", ')})
    fault = _fault(fake, rsps, cache_dir=cache_dir)
    assert f"malformed JSON for {where}" in str(fault) or f"malformed JSON {where}" in str(fault)


def test_link_header_to_another_host_is_refused(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    elsewhere = rsps.add(responses.GET, "https://evil.example/page2", json=[])
    listing = [FakeRepo("a", {"README.md": "# a\n"}).listing("alice", API)]
    fake = FakeGitHub(
        [sample_user()],
        answers={
            r"^/users/alice/repos$": (
                200,
                {"Link": '<https://evil.example/page2>; rel="next"'},
                json.dumps(listing).encode(),
            )
        },
    )
    fault = _fault(fake, rsps, token=fake_token(), cache_dir=cache_dir, graphql=False)
    assert "Link header to another host (evil.example)" in str(fault)
    assert elsewhere.call_count == 0


def test_link_loop_stops(rsps: responses.RequestsMock, cache_dir: Path) -> None:
    fork = FakeRepo("f", {}, fork=True).listing("alice", API)
    page = f"{API}/users/alice/repos?type=owner&sort=pushed&direction=desc&per_page=100"
    fake = FakeGitHub(
        [sample_user()],
        answers={
            r"^/users/alice/repos$": (
                200,
                {"Link": f'<{page}>; rel="next"'},
                json.dumps([fork]).encode(),
            )
        },
    )
    fault = _fault(fake, rsps, cache_dir=cache_dir)
    assert "pagination links that loop" in str(fault)
    assert fake.paths().count("/users/alice/repos") == 1


def test_the_same_repos_served_again_stop_the_listing(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    """A loop the Link check cannot see (each next URL new) still ends."""
    fork = FakeRepo("f", {}, fork=True).listing("alice", API)
    pages: list[str] = []

    def listing(query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        pages.append(query.get("page", "1"))
        nxt = f"{API}/users/alice/repos?page={len(pages) + 1}"
        return 200, {"Link": f'<{nxt}>; rel="next"'}, json.dumps([fork]).encode()

    fake = FakeGitHub([sample_user()], answers={r"^/users/alice/repos$": listing})
    fault = _fault(fake, rsps, cache_dir=cache_dir)
    assert "keeps listing the same repos ('f' and others)" in str(fault)
    assert len(pages) == 32  # the first listing and 31 repeats


def test_a_repo_listed_twice_while_paging_is_skipped(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    """sort=pushed: a repo pushed during paging moves up and shows on the next page again."""
    repos = [FakeRepo(f"r{i}", {"README.md": "# r\n"}).listing("alice", API) for i in range(3)]

    def listing(query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if query.get("page") == "2":
            return 200, {}, json.dumps([repos[1], repos[2]]).encode()
        nxt = f"{API}/users/alice/repos?page=2"
        return 200, {"Link": f'<{nxt}>; rel="next"'}, json.dumps(repos[:2]).encode()

    user = FakeUser("alice", [FakeRepo(f"r{i}", {"README.md": "# r\n"}) for i in range(3)])
    FakeGitHub([user], answers={r"^/users/alice/repos$": listing}).mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir)
    assert [r.name for r in portfolio.repos] == ["r0", "r1", "r2"]


def test_a_202_is_refused_not_waited_for(rsps: responses.RequestsMock, cache_dir: Path) -> None:
    fake = FakeGitHub([sample_user()], answers={r"/git/trees/": (202, {}, b"{}")})
    fault = _fault(fake, rsps, cache_dir=cache_dir)
    assert "202 Accepted" in str(fault)
    assert sum("/git/trees/" in p for p in fake.paths()) == 1


def test_the_time_budget_covers_the_whole_review(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    now = {"t": 0.0}

    def clock() -> float:
        now["t"] += 1.0  # every look at the clock costs a second
        return now["t"]

    fake = FakeGitHub([sample_user()])
    fault = _fault(fake, rsps, cache_dir=cache_dir, max_seconds=6, clock=clock)
    assert "ran out of its 6 s budget" in str(fault)
    assert "--max-seconds-github" in str(fault)


def test_a_trickling_answer_stops_at_the_budget(tmp_path: Path) -> None:
    user = FakeUser("alice", [FakeRepo("slow", {"README.md": "# slow\n" + "x" * 4000})])
    fake = FakeGitHub([user], trickle={r"/readme$": 0.01})  # 40 s for the whole README
    with fake.serve(), pytest.raises(ServerFault, match="budget"):
        fetch_portfolio(
            "alice",
            api_url=fake.api_url,
            cache_dir=tmp_path,
            max_seconds=0.5,
            rubric=shipped_rules().portfolio,
        )


def test_a_readme_over_the_limit_is_cut_with_a_warning_and_not_cached(
    rsps: responses.RequestsMock, cache_dir: Path
) -> None:
    big = "# Big\n" + "word " * 2000
    user = FakeUser("alice", [FakeRepo("big", {"README.md": big, "a.py": "x"})])
    fake = FakeGitHub([user]).mock(rsps)
    portfolio = _fetch(cache_dir=cache_dir, max_raw_bytes=1000)
    assert portfolio.repos[0].readme == big[:1000]
    assert any("/readme is larger than 1,000 bytes" in w for w in portfolio.warnings)
    cached = b"".join(p.read_bytes() for p in cache_dir.rglob("*") if p.is_file())
    assert big[:1001].encode() not in cached and b"word word" not in cached
    fake.seen.clear()
    again = _fetch(cache_dir=cache_dir, max_raw_bytes=1000)
    readme_calls = [s for s in fake.seen if s.path.endswith("/readme")]
    assert [s.conditional for s in readme_calls] == [False]
    assert again.repos[0].readme == big[:1000]


def test_a_json_answer_over_the_limit_is_refused(
    rsps: responses.RequestsMock, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("analyzer.github.transport.MAX_BODY_BYTES", 100)
    fault = _fault(FakeGitHub([sample_user()]), rsps, cache_dir=cache_dir)
    assert str(fault).startswith("api.github.com sent more than 100 bytes for /users/alice")


def test_the_cli_budget_default_matches_the_github_stage() -> None:
    from analyzer.cli.options import GITHUB_MAX_SECONDS
    from analyzer.github import DEFAULT_MAX_SECONDS

    assert GITHUB_MAX_SECONDS == DEFAULT_MAX_SECONDS == 60


@pytest.mark.parametrize(
    ("answers", "trickle", "message", "with_token"),
    [
        ({r"^/users/alice$": (200, {}, b"{not json")}, {}, "sent malformed JSON for user", False),
        (
            {r"^/users/alice$": (302, {"Location": "https://evil.example/x"}, b"")},
            {},
            "redirected to another host (evil.example)",
            False,
        ),
        ({}, {r"/readme$": 0.05}, "ran out of its 0.5 s budget", False),
        # with a token, the same faults on the GraphQL query
        ({r"^/graphql$": (200, {}, b"{not json")}, {}, "GraphQL answer mlcheck cannot read", True),
        (
            {r"^/graphql$": (307, {"Location": "https://evil.example/x"}, b"")},
            {},
            "redirected to another host (evil.example)",
            True,
        ),
        ({}, {r"/graphql$": 0.05}, "ran out of its 0.5 s budget", True),
    ],
)
def test_cli_server_fault_is_one_line_and_exit_4(
    tmp_path: Path, answers: dict, trickle: dict, message: str, with_token: bool
) -> None:
    from click.testing import CliRunner

    from analyzer.cli import main

    token = fake_token()
    env = {"GITHUB_TOKEN": token if with_token else "", "XDG_CACHE_HOME": str(tmp_path)}
    runner = CliRunner(env=env)
    fake = FakeGitHub([sample_user()], answers=answers, trickle=trickle)
    with fake.serve():
        result = runner.invoke(
            main,
            ["github", "alice", "--api-url", fake.api_url, "--max-seconds-github", "0.5"],
        )
    assert result.exit_code == 4, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.output
    assert token not in result.output
