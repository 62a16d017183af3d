"""Security: reports escape hostile input, the GitHub token never shows, paths do not leak.

Hostile strings go in through every door a user or a server controls: resume text (TXT and
PDF, link annotations included), the job posting, a README (local checkout and GitHub API),
repo descriptions and server error messages. HTML output is parsed with html.parser and must
hold no script element, no on* attribute and no javascript:/data: URL, while the hostile text
stays visible as text. Markdown must not carry raw HTML or links from the input; terminal
text must not carry control characters (escape sequences).
"""

from __future__ import annotations

import json
import os
import re
import stat
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from analyzer.cli import main
from tests.github.conftest import fake_token, sample_user
from tests.github.fakegithub import FakeGitHub, FakeRepo, FakeUser
from tests.pdf_factory import make_resume_pdf

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
JS_LINK = "javascript:alert(1)"
MD_LINK = "[click me](javascript:alert(1))"
ANCHOR = '<a href="javascript:alert(1)">x</a>'
SVG = "'><svg onload=alert(1)>"
ESCAPE = "\x1b[2J\x1b]0;pwned\x07"
PAYLOADS = (SCRIPT, BREAKOUT, JS_LINK, MD_LINK, ANCHOR, SVG)

RESUME_LINES = [
    "Ada Lovelace",
    f"ada@example.com | {JS_LINK} | https://github.com/ada{BREAKOUT}",
    "",
    "EXPERIENCE",
    f"ML Engineer, Acme {SCRIPT} Corp, Jan 2020 - Present",
    f"- Cut inference latency by 40% {BREAKOUT} with ONNX Runtime",
    f"- Built the {MD_LINK} feature store used by 12 teams {ANCHOR}",
    f"- Trained ranking models in PyTorch {SVG}{ESCAPE}",
    "",
    "SKILLS",
    f"Python, PyTorch, SQL, Docker, {SCRIPT}",
]
POSTING = f"""Job Title: Machine Learning Engineer {SCRIPT}

Requirements
- Strong Python and SQL {BREAKOUT}
- PyTorch, Docker {MD_LINK} {ANCHOR}
- 3+ years of experience {SVG}{ESCAPE}
"""
README = f"""# Churn model {SCRIPT}

Predicts churn {BREAKOUT} for the retention team. See {MD_LINK} and {ANCHOR}.

<img src=x onerror=alert(1)>
<a href="{JS_LINK}">docs</a>

## Results

Accuracy 0.91 {SVG}{ESCAPE}
"""


class _Audit(HTMLParser):
    """Collect the elements, attributes and visible text of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.text: list[str] = []
        self._raw = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(name, value or "") for name, value in attrs]
        if tag in ("style", "script"):
            self._raw += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(name, value or "") for name, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._raw -= 1

    def handle_data(self, data: str) -> None:
        if not self._raw:
            self.text.append(data)


def assert_safe_html(html: str, visible: tuple[str, ...]) -> None:
    """No script, no event handler, no script URL; each visible string shows as text."""
    audit = _Audit()
    audit.feed(html)
    audit.close()
    assert "script" not in audit.tags
    assert not {"iframe", "object", "embed", "img", "form", "base"} & set(audit.tags)
    for name, value in audit.attrs:
        assert not name.lower().startswith("on"), (name, value)
        if name.lower() in ("href", "src", "action", "formaction", "xlink:href", "srcset"):
            url = "".join(value.split()).lower()
            if re.fullmatch(r"data:image/png;base64,[A-Za-z0-9+/=]+", value):
                continue  # a page image of the report's page view (the CSP allows data: images)
            assert not url.startswith(("javascript:", "data:", "vbscript:")), (name, value)
    text = " ".join(" ".join(audit.text).split())
    for payload in visible:
        assert payload in text, payload
    assert "\x1b" not in html


def assert_safe_markdown(markdown: str) -> None:
    """No raw tags and no link or image pointing at a script URL."""
    for raw in ("<script", "<img", "<svg", "<a "):
        assert raw not in markdown.lower(), raw
    assert not re.search(r"(?<!\\)\]\(\s*javascript:", markdown, re.IGNORECASE)
    assert "\x1b" not in markdown


def assert_safe_text(text: str) -> None:
    """No control characters a terminal would act on."""
    assert not [ch for ch in text if ord(ch) < 32 and ch not in "\n\t"]


def _forms(run: Any, *args: str) -> dict[str, str]:
    """Run one command in every report form; return form -> output."""
    outputs = {}
    for form in ("html", "md", "json", "text"):
        result = run(*args, "--format", form)
        assert result.exit_code == 0, result.output
        assert "Traceback" not in result.output
        outputs[form] = result.stdout
    return outputs


@pytest.fixture()
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


@pytest.fixture()
def resume_txt(tmp_path: Path) -> Path:
    path = tmp_path / "resume.txt"
    path.write_text("\n".join(RESUME_LINES) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def resume_pdf(tmp_path: Path) -> Path:
    return make_resume_pdf(
        tmp_path / "resume.pdf",
        name="Ada Lovelace",
        contact_lines=[RESUME_LINES[1]],
        links=[("site", JS_LINK), ("github", f"https://github.com/ada{BREAKOUT}")],
        sections=[
            (
                "Experience",
                [f"**ML Engineer, Acme {SCRIPT} Corp\tJan 2020 – Present"]
                + [f"• {line[2:]}" for line in RESUME_LINES[5:8]],
            ),
            ("Skills", [RESUME_LINES[-1]]),
        ],
    )


@pytest.mark.parametrize("kind", ["txt", "pdf"])
def test_resume_and_posting_are_escaped_in_every_form(
    kind: str, resume_txt: Path, resume_pdf: Path, posting: Path
) -> None:
    resume = resume_txt if kind == "txt" else resume_pdf
    runner = CliRunner()
    outputs = _forms(
        lambda *a: runner.invoke(main, [str(resume), "--job", str(posting), *a]),
    )
    assert_safe_html(outputs["html"], visible=(SCRIPT, "onerror=alert(1)", MD_LINK))
    assert_safe_markdown(outputs["md"])
    assert_safe_text(outputs["text"])
    data = json.loads(outputs["json"])
    assert SCRIPT in json.dumps(data, ensure_ascii=False)  # JSON keeps the data as data
    for link in data["contact"]["links"]:
        assert not link["url"].lower().startswith("javascript:")


def test_parse_output_is_escaped(resume_txt: Path) -> None:
    result = CliRunner().invoke(main, ["parse", str(resume_txt)])
    assert result.exit_code == 0, result.output
    assert_safe_text(result.stdout)
    assert ANCHOR in result.stdout  # shown, as text


def test_local_readme_is_escaped(tmp_path: Path) -> None:
    checkout = tmp_path / "churn-model"
    (checkout / "tests").mkdir(parents=True)
    (checkout / "README.md").write_text(README, encoding="utf-8")
    runner = CliRunner()
    outputs = _forms(lambda *a: runner.invoke(main, ["repo", str(checkout), *a]))
    assert_safe_html(outputs["html"], visible=())
    assert_safe_markdown(outputs["md"])
    assert_safe_text(outputs["text"])


def hostile_user(login: str = "alice") -> FakeUser:
    """The sample user plus a repo whose README, description and topics are hostile."""
    user = sample_user(login)
    user.repos.insert(
        0,
        FakeRepo(
            "xss-model",
            {"README.md": README, "requirements.txt": "torch==2.3\n"},
            description=f"Model {SCRIPT} {BREAKOUT}",
            topics=["machine-learning", "onerror=alert(1)"],
        ),
    )
    return user


def test_github_portfolio_is_escaped_and_has_no_token(tmp_path: Path) -> None:
    token = fake_token()
    runner = CliRunner(env={"GITHUB_TOKEN": token, "XDG_CACHE_HOME": str(tmp_path / "xdg")})
    fake = FakeGitHub([hostile_user()])
    with fake.serve():
        outputs = _forms(
            lambda *a: runner.invoke(main, ["github", "alice", "--api-url", fake.api_url, *a]),
        )
    assert all(seen.authorized for seen in fake.seen)  # the token was used...
    for output in outputs.values():  # ...and never shown
        assert token not in output
    assert_safe_html(outputs["html"], visible=())
    assert_safe_markdown(outputs["md"])
    assert_safe_text(outputs["text"])
    cache = tmp_path / "xdg" / "mlcheck" / "github"
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    for path in cache.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes()


class EchoingGitHub(FakeGitHub):
    """A hostile server: every error body repeats the Authorization header it was sent."""

    def handle(self, method: str, url: str, headers: dict[str, str]) -> tuple[int, dict, bytes]:
        status, out_headers, body = super().handle(method, url, headers)
        if status >= 400:
            sent = {k.lower(): v for k, v in headers.items()}.get("authorization", "")
            body = json.dumps(
                {"message": f"Bad credentials: {sent}", "documentation_url": sent}
            ).encode()
        return status, out_headers, body


@pytest.mark.parametrize("status", [401, 403, 500])
def test_token_echoed_by_the_server_never_shows(tmp_path: Path, status: int) -> None:
    token = fake_token()
    runner = CliRunner(env={"GITHUB_TOKEN": token, "XDG_CACHE_HOME": str(tmp_path)})
    faults = {"^/users/alice$": [status] * 10, "^/graphql$": [status] * 10}  # REST, GraphQL
    fake = EchoingGitHub([sample_user()], faults=faults)
    with fake.serve():
        result = runner.invoke(
            main, ["github", "alice", "--api-url", fake.api_url, "--no-cache", "-vv"]
        )
    assert result.exit_code == 4, result.output
    assert token not in result.output
    assert token[4:] not in result.output
    assert "Traceback" not in result.output
    assert result.stderr.startswith("mlcheck: ")


# --------------------------------------------------------------------------- paths


def test_reports_do_not_leak_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, resume_txt: Path, posting: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    outputs = _forms(lambda *a: runner.invoke(main, ["resume.txt", "--job", "posting.txt", *a]))
    parsed = runner.invoke(main, ["parse", "resume.txt", "--format", "json"])
    outputs["parse"] = parsed.stdout
    secrets = {str(tmp_path), os.path.realpath(tmp_path), str(Path.home()), os.getcwd()}
    for form, output in outputs.items():
        for secret in secrets:
            assert secret not in output, (form, secret)
    assert "resume.txt" in outputs["json"]


def test_error_messages_show_the_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, posting: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "blank.txt").write_text(" \n\n", encoding="utf-8")
    runner = CliRunner()
    for given in ("missing.pdf", "./blank.txt", "sub/../blank.txt"):
        result = runner.invoke(main, [given, "--job", "posting.txt"])
        assert result.exit_code == 3, result.output
        assert result.stderr.startswith(f"mlcheck: error: {given}: ")
        assert str(tmp_path) not in result.stderr
    result = runner.invoke(main, ["blank.txt", "--job", "nope.txt"])
    assert result.stderr.startswith("mlcheck: error: ")
    assert str(tmp_path) not in result.stderr


@pytest.mark.parametrize(
    "html",
    [
        "<p>x</p><script>alert(1)</script>",
        '<p><img src="x" onerror="alert(1)"></p>',
        '<p><a href=" JaVaScRiPt:alert(1)">x</a></p>',
        "<p>&lt;b&gt;</p>\x1b[2J",
    ],
)
def test_the_html_audit_catches_what_it_looks_for(html: str) -> None:
    with pytest.raises(AssertionError):
        assert_safe_html(html, visible=())
