"""`mlcheck github`, `mlcheck repo` and `check --github`: the real CLI against a fake GitHub.

The fake GitHub (tests/github/fakegithub.py) runs as an HTTP server on 127.0.0.1 inside each
test; nothing here touches the network. The token is a token-shaped random value built at run
time, and every test that sends one checks it never comes back out.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from analyzer.cli import GITHUB_API_URL, GITHUB_MAX_REPOS, main
from tests.github.conftest import fake_token, sample_user
from tests.github.fakegithub import FakeGitHub

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_RESUME = REPO / "examples" / "resume.pdf"
EXAMPLE_POSTING = REPO / "examples" / "posting.txt"
SCHEMA = json.loads((REPO / "analyzer" / "schemas" / "resume.schema.json").read_text())
GITHUB_SCHEMA = SCHEMA["properties"]["github"]
RESET = "2100-01-01 00:00 UTC"  # the fake server's X-RateLimit-Reset


@pytest.fixture
def token() -> str:
    return fake_token()


@pytest.fixture
def runner(token: str, tmp_path: Path) -> CliRunner:
    """A runner whose environment holds the token and a private cache home."""
    return CliRunner(env={"GITHUB_TOKEN": token, "XDG_CACHE_HOME": str(tmp_path / "xdg")})


def run_github(runner: CliRunner, fake: FakeGitHub, *args: str) -> Result:
    return runner.invoke(main, ["github", "alice", "--api-url", fake.api_url, *args])


def billed(fake: FakeGitHub) -> int:
    """Requests the fake server answered that cost rate limit (everything but 304s)."""
    return sum(1 for seen in fake.seen if seen.status != 304)


def assert_no_token(token: str, *texts: str) -> None:
    for text in texts:
        assert token not in text


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_defaults_spelled_out_in_the_cli_match_the_github_stage() -> None:
    from analyzer.github import DEFAULT_API_URL, DEFAULT_MAX_REPOS

    assert (GITHUB_API_URL, GITHUB_MAX_REPOS) == (DEFAULT_API_URL, DEFAULT_MAX_REPOS)


@pytest.mark.parametrize(("with_token", "requests"), [(True, 1), (False, 9)])
def test_github_json_counts_every_request_and_judges_each_repo(
    token: str, tmp_path: Path, with_token: bool, requests: int
) -> None:
    # with a token one GraphQL query; without, REST: user, listing, 3 x (tree + README), the
    # profile README, one dependency file; the judgement is the same
    env = {"GITHUB_TOKEN": token if with_token else "", "XDG_CACHE_HOME": str(tmp_path)}
    runner = CliRunner(env=env)
    fake = FakeGitHub([sample_user()])
    with fake.serve():
        result = run_github(runner, fake, "--no-cache", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    data = json.loads(result.stdout)
    github = data["github"]
    jsonschema.validate(github, GITHUB_SCHEMA)
    assert github["requests_used"] == billed(fake) == fake.counted == requests
    assert all(seen.authorized == with_token and not seen.conditional for seen in fake.seen)
    assert (fake.paths() == ["/graphql"]) == with_token
    assert github["user"] == "alice"
    assert [r["name"] for r in github["repos"]] == ["house-prices", "titanic", "no-readme"]
    scores = {r["name"]: r["readme"]["score"] for r in github["repos"]}
    assert scores["house-prices"] >= 80
    assert scores["no-readme"] == 0
    assert 0 < scores["titanic"] < 40
    assert {r["name"]: r["kinds"] for r in github["repos"]}["house-prices"] == ["tabular", "mlops"]
    assert github["portfolio"]["kinds"] == ["tabular", "mlops"]
    assert github["portfolio"]["tutorial_clones"] == ["titanic"]
    assert github["partial"] is False
    readme = {c["id"]: c["passed"] for c in github["repos"][0]["readme"]["criteria"]}
    assert readme["readme.install"] and readme["readme.results"]
    assert_no_token(token, result.stdout, result.stderr)


def test_github_text_summary(runner: CliRunner, token: str) -> None:
    fake = FakeGitHub([sample_user()])
    with fake.serve():
        result = run_github(runner, fake, "--no-cache")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("mlcheck: GitHub: alice (Alice Example)\n")
    assert "3 own repos judged, 1 fork listed apart." in text
    assert "Kinds present: tabular regression/classification, deployment / MLOps\n" in text
    assert "Kinds missing: recommender system, NLP, computer vision, deep learning (other" in text
    assert "Tutorial clones: titanic\n" in text
    assert (
        " 1. [MEDIUM] The repo no-readme has no README: visitors cannot tell what it does.\n"
        in text
    )
    assert "GitHub API requests used: 1.\n" in text  # one GraphQL query with the token
    assert all(len(line) <= 100 for line in text.splitlines())
    assert_no_token(token, result.output)


def test_html_report_file_is_written_once_and_has_no_token(
    runner: CliRunner, token: str, tmp_path: Path
) -> None:
    fake = FakeGitHub([sample_user()])
    out = tmp_path / "reports" / "portfolio.html"
    with fake.serve():
        result = run_github(runner, fake, "--no-cache", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<h1>mlcheck GitHub portfolio report for alice</h1>" in html
    assert [p.name for p in out.parent.iterdir()] == ["portfolio.html"]
    assert_no_token(token, html, result.output)


def test_missing_user_is_one_line_and_exit_4(runner: CliRunner) -> None:
    fake = FakeGitHub([sample_user()])
    with fake.serve():
        result = runner.invoke(main, ["github", "bob", "--api-url", fake.api_url, "--no-cache"])
    assert result.exit_code == 4
    assert result.stdout == ""
    assert result.stderr == "mlcheck: error: GitHub user 'bob' not found\n"


def test_rate_limit_on_every_request_is_exit_4_with_the_reset_time(tmp_path: Path) -> None:
    runner = CliRunner(env={"GITHUB_TOKEN": "", "XDG_CACHE_HOME": str(tmp_path)})
    fake = FakeGitHub([sample_user()], rate_limit=0)
    with fake.serve():
        result = run_github(runner, fake, "--no-cache")
    assert result.exit_code == 4
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("mlcheck: error: GitHub API rate limit exhausted; it resets at ")
    assert RESET in lines[0]
    assert "60 requests/hour" in lines[0] and "GITHUB_TOKEN" in lines[0]
    assert "Traceback" not in result.output


def test_rate_limit_midway_renders_the_partial_review_with_a_warning(
    token: str, tmp_path: Path
) -> None:
    # anonymous (REST, one request per step): the limit runs out part-way
    runner = CliRunner(env={"GITHUB_TOKEN": "", "XDG_CACHE_HOME": str(tmp_path)})
    fake = FakeGitHub([sample_user()], rate_limit=5)
    with fake.serve():
        result = run_github(runner, fake, "--no-cache", "--format", "json")
    assert result.exit_code == 0, result.output
    github = json.loads(result.stdout)["github"]
    jsonschema.validate(github, GITHUB_SCHEMA)
    assert github["partial"] is True
    assert github["repos"][0]["name"] == "house-prices"
    assert github["requests_used"] == len(fake.seen)  # 5 answered + the refused one
    warning = result.stderr.splitlines()
    assert len(warning) == 1, result.stderr
    assert warning[0].startswith("mlcheck: WARNING: GitHub API rate limit exhausted; it resets at ")
    assert RESET in warning[0]
    assert_no_token(token, result.output)

    fresh = FakeGitHub([sample_user()], rate_limit=5)
    with fresh.serve():
        text = run_github(runner, fresh, "--no-cache").stdout
    assert "(partial review: fetching stopped early)" in text
    assert RESET in " ".join(text.split())


def test_cached_second_run_costs_no_rate_limited_request(token: str, tmp_path: Path) -> None:
    # anonymous REST answers are cached (GraphQL, a POST, is not: it costs 1 request a run)
    runner = CliRunner(env={"GITHUB_TOKEN": "", "XDG_CACHE_HOME": str(tmp_path / "xdg")})
    cache = tmp_path / "cache"
    fake = FakeGitHub([sample_user()])
    with fake.serve():
        first = run_github(runner, fake, "--cache-dir", str(cache), "--format", "json")
        counted = fake.counted
        fake.seen.clear()
        second = run_github(runner, fake, "--cache-dir", str(cache), "--format", "json")
    assert first.exit_code == second.exit_code == 0, second.output
    assert json.loads(first.stdout)["github"]["requests_used"] == counted == 9
    assert json.loads(second.stdout)["github"]["requests_used"] == 0
    assert fake.counted == counted  # nothing more was billed
    assert len(fake.seen) == 9 and all(s.status == 304 and s.conditional for s in fake.seen)
    assert (
        json.loads(second.stdout)["github"]["repos"] == json.loads(first.stdout)["github"]["repos"]
    )
    stored = files_under(cache)
    assert stored
    for path in stored:
        assert token.encode() not in path.read_bytes()
        assert token not in str(path)


def test_no_cache_writes_nothing_to_the_cache_home(runner: CliRunner, tmp_path: Path) -> None:
    fake = FakeGitHub([sample_user()])
    with fake.serve():
        assert run_github(runner, fake, "--no-cache").exit_code == 0
    assert files_under(tmp_path / "xdg") == []


def test_real_process_with_a_token_in_the_environment(token: str, tmp_path: Path) -> None:
    fake = FakeGitHub([sample_user()])
    out = tmp_path / "portfolio.json"
    env = {
        **os.environ,
        "GITHUB_TOKEN": token,
        "XDG_CACHE_HOME": str(tmp_path / "xdg"),
        "NO_PROXY": "127.0.0.1",
        "no_proxy": "127.0.0.1",
    }
    with fake.serve():
        done = subprocess.run(
            [sys.executable, "-m", "analyzer.cli", "github", "alice", "--api-url", fake.api_url]
            + ["--format", "json", "-o", str(out), "-vv"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    github = json.loads(out.read_text(encoding="utf-8"))["github"]
    assert github["requests_used"] == billed(fake) == 1  # one GraphQL query
    assert all(seen.authorized for seen in fake.seen)
    assert "authenticated" in done.stderr  # -vv logs, without the token
    assert_no_token(token, done.stdout, done.stderr, out.read_text(encoding="utf-8"))
    for path in files_under(tmp_path / "xdg"):
        assert token.encode() not in path.read_bytes()


def make_checkout(root: Path) -> Path:
    """A small local repo: README, tests/, Dockerfile and a CI workflow, but no licence."""
    (root / "tests").mkdir(parents=True)
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / "churn").mkdir()
    (root / "README.md").write_text(
        "# Churn model\n\nPredicts which subscribers cancel next month, for the retention team."
        "\n\n## Installation\n\n```bash\npip install -r requirements.txt\n```\n\n"
        "## Usage\n\n```bash\npython -m churn.train\n```\n",
        encoding="utf-8",
    )
    (root / "requirements.txt").write_text("pandas==2.2\nscikit-learn==1.5\n", encoding="utf-8")
    (root / "churn" / "__init__.py").write_text("", encoding="utf-8")
    (root / "churn" / "train.py").write_text("import sklearn\n", encoding="utf-8")
    (root / "tests" / "test_train.py").write_text(
        "from churn import train\n\n\ndef test_x():\n    assert train\n", encoding="utf-8"
    )
    (root / "Dockerfile").write_text("FROM python:3.12\n", encoding="utf-8")
    (root / ".github" / "workflows" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    return root


def test_repo_scores_a_local_checkout_without_network(tmp_path: Path) -> None:
    checkout = make_checkout(tmp_path / "churn-model")
    result = CliRunner().invoke(main, ["repo", str(checkout), "--format", "json"])
    assert result.exit_code == 0, result.output
    repo = json.loads(result.stdout)["repo"]
    assert repo["name"] == "churn-model"
    hygiene = {c["id"]: c["passed"] for c in repo["hygiene"]["criteria"]}
    assert hygiene["hygiene.tests"] is True
    assert hygiene["hygiene.ci"] is True
    assert hygiene["hygiene.deployment"] is True
    assert hygiene["hygiene.dependencies"] is True
    assert hygiene["hygiene.license"] is False
    readme = {c["id"]: c["passed"] for c in repo["readme"]["criteria"]}
    assert readme["readme.title"] and readme["readme.install"] and readme["readme.usage"]
    assert not readme["readme.results"] and not readme["readme.metrics"]

    text = CliRunner().invoke(main, ["repo", str(checkout)])
    assert text.exit_code == 0
    assert text.stdout.startswith("mlcheck: Local repo: churn-model\n")
    # not a git checkout: the recency and committed-files checks are skipped, the score
    # taken over the others
    assert "README               49/100\nEngineering hygiene  85/100\n" in text.stdout
    first = (
        " 1. [MEDIUM] The README of churn-model reports no numbers with named metrics (8 points of "
        "its README\n"
    )
    assert first in text.stdout
    assert "Project kinds: tabular regression/classification, deployment / MLOps\n" in text.stdout


def test_repo_on_a_missing_folder_is_exit_3(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["repo", str(tmp_path / "nope")])
    assert result.exit_code == 3
    assert result.stderr.startswith("mlcheck: error: ")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.skipif(not EXAMPLE_RESUME.exists(), reason="examples/resume.pdf is absent")
def test_resume_posting_and_github_together_follow_the_schema(
    runner: CliRunner, token: str
) -> None:
    fake = FakeGitHub([sample_user()])
    with fake.serve():
        result = runner.invoke(
            main,
            [str(EXAMPLE_RESUME), "--job", str(EXAMPLE_POSTING), "--github", "alice"]
            + ["--api-url", fake.api_url, "--no-cache", "--format", "json"],
        )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    github = data["github"]
    assert github["user"] == "alice"
    assert github["requests_used"] == billed(fake)
    cross = github["cross_check"]
    assert cross["claimed_without_evidence"] or cross["evidence_not_claimed"]
    ids = [f["id"] for f in data["findings"]]
    assert any(i.startswith("crosscheck.") for i in ids)
    assert "portfolio.tutorial_clone" in ids
    assert data["ats"]["score"] > 0
    assert_no_token(token, result.output)


@pytest.mark.skipif(not EXAMPLE_RESUME.exists(), reason="examples/resume.pdf is absent")
def test_combined_html_has_the_portfolio_part_and_a_github_failure_keeps_the_resume_report(
    runner: CliRunner, tmp_path: Path
) -> None:
    fake = FakeGitHub([sample_user()])
    target = tmp_path / "report.html"
    with fake.serve():
        ok = runner.invoke(
            main,
            [str(EXAMPLE_RESUME), "--github", "alice", "--api-url", fake.api_url]
            + ["--no-cache", "--format", "html"],
        )
        missing = runner.invoke(
            main,
            [str(EXAMPLE_RESUME), "--github", "bob", "--api-url", fake.api_url]
            + ["--no-cache", "-o", str(target)],
        )
        text = runner.invoke(
            main, [str(EXAMPLE_RESUME), "--github", "bob", "--api-url", fake.api_url, "--no-cache"]
        )
    assert ok.exit_code == 0, ok.output
    assert '<section id="portfolio"' in ok.stdout
    assert "Resume and portfolio cross-check" in ok.stdout
    # What worked is kept: the resume report is written, and says why the portfolio is missing.
    assert missing.exit_code == 6
    assert missing.stderr == (
        f"mlcheck: wrote {target}\n"
        "mlcheck: the report was written without the GitHub portfolio: GitHub user 'bob' not "
        "found\n"
    )
    html = target.read_text(encoding="utf-8")
    assert "The portfolio could not be reviewed: GitHub user &#39;bob&#39; not found." in html
    assert "Resume quality" in html
    assert text.exit_code == 6
    assert "GitHub portfolio not reviewed: GitHub user 'bob' not found." in text.stdout


def test_repo_uses_the_users_taxonomy(tmp_path: Path) -> None:
    checkout = tmp_path / "triage"
    checkout.mkdir()
    (checkout / "README.md").write_text("# triage\n\nScores notes with nw-signals and PyTorch.\n")
    taxonomy = tmp_path / "extra.json"
    taxonomy.write_text(
        '{"format": "mlcheck-taxonomy/1", "skills": [{"name": "Northwind Signals", '
        '"category": "mlops", "aliases": ["nw-signals"]}]}'
    )
    plain = CliRunner().invoke(main, ["repo", str(checkout), "--format", "json"])
    extended = CliRunner().invoke(
        main, ["repo", str(checkout), "--format", "json", "--taxonomy", str(taxonomy)]
    )
    assert plain.exit_code == 0 and extended.exit_code == 0, extended.output
    assert json.loads(plain.stdout)["repo"]["skills"] == ["PyTorch"]
    assert json.loads(extended.stdout)["repo"]["skills"] == ["Northwind Signals", "PyTorch"]


def test_a_150_repo_profile_with_a_token_costs_3_requests(runner: CliRunner, token: str) -> None:
    from tests.github.fakegithub import FakeRepo, FakeUser

    repos = [FakeRepo(f"p{i:03d}", {"README.md": f"# p{i}\n", "train.py": ""}) for i in range(150)]
    fake = FakeGitHub([FakeUser("bob", repos)])
    with fake.serve():
        result = runner.invoke(
            main,
            ["github", "bob", "--api-url", fake.api_url, "--max-repos", "150", "--format", "json"],
        )
    assert result.exit_code == 0, result.output
    github = json.loads(result.stdout)["github"]
    assert github["requests_used"] == billed(fake) == 3 <= 5
    assert fake.paths() == ["/graphql"] * 3
    assert len(github["repos"]) == 150
    assert_no_token(token, result.output)
