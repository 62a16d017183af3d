"""Every finding id of the catalogue renders as a sentence for a person, in every form.

The findings are the ones mlcheck's own checks write (a weak text resume, the shipped example
against a posting with its requirements unmet, a file with every layout fault, a resume whose
text does not read as language, a thin GitHub portfolio, every README and hygiene check
failing): the test walks the catalogue and fails for an id no check here produced, so a new
id needs a case. Each message and fix must start with a capital (or a number), end with
. ! or ?, and hold no internal id ("readme.metrics") or snake_case token; each must appear,
whole, in the text, Markdown and HTML forms.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from pathlib import Path

import pytest

from analyzer.api import analyze_resume
from analyzer.ats.findings import ats_findings
from analyzer.ats.readability import readability_findings
from analyzer.findings import CATALOGUE, HYGIENE_CHECKS, README_CHECKS, Finding
from analyzer.github.crosscheck import cross_check
from analyzer.github.interface import Portfolio, RepoSnapshot, UserProfile
from analyzer.github.portfolio import repo_check_findings, review_portfolio
from analyzer.models import Criterion, HiddenText, Requirement, Section
from analyzer.nlp.quality import content_findings
from analyzer.report.forms import render_html, render_markdown, terminal_summary
from analyzer.rules import shipped_rules
from tests.broken_tounicode_pdf import broken_tounicode_pdf
from tests.report import sample

ROOT = Path(__file__).resolve().parents[2]
RULES = shipped_rules()
OLD = dt.datetime(2019, 1, 1, tzinfo=dt.timezone.utc)
TODAY = dt.date(2025, 6, 1)

WEAK_RESUME = """Ada Lovelace
Data Scientist

Experience
Data Scientist, Acme, Jan 2020 - Present
- The churn model was deployed by me to 3 regions for the marketing team.
- I built dashboards used by 40 users across the company.
- Led analytics as a team player who thinks outside the box, raising NPS by 10%.
- Built the feature pipeline for the churn model with Airflow and Spark and wrote the tests and \
the documentation for it and presented it to the leadership team and 12 data engineers across \
three offices every quarter.
- Cut costs 20%.
- Did analysis of the data.
- Dashboards for 12 teams across the company, refreshed every hour.

Education
BSc Mathematics, University of London, 2019
"""

PARAGRAPHS = """Ada Lovelace
Data Scientist | ada@example.com | +44 20 7946 0000

Experience
I worked at Acme as a data scientist where I looked after the churn model and the reports that \
the marketing team read every week, and I also helped with the data warehouse.

Education
BSc Mathematics, University of London, 2019
"""


def _findings(tmp: Path) -> dict[str, Finding]:
    found: dict[str, Finding] = {}

    def add(findings: object) -> None:
        for finding in findings:  # type: ignore[attr-defined]
            found.setdefault(finding.id, finding)

    example = analyze_resume(
        ROOT / "examples" / "resume.pdf",
        job=ROOT / "tests" / "ats" / "fixtures" / "ml_engineer_posting.txt",
    )
    add(example.findings)
    add(analyze_resume(broken_tounicode_pdf(tmp / "broken.pdf")).findings)
    (tmp / "weak.txt").write_text(WEAK_RESUME, encoding="utf-8")
    add(analyze_resume(tmp / "weak.txt").findings)
    (tmp / "paragraphs.txt").write_text(PARAGRAPHS, encoding="utf-8")
    prose = analyze_resume(tmp / "paragraphs.txt")
    # The text reader keeps the paragraph as one long line; read as prose, it has no bullets.
    add(
        content_findings(
            dataclasses.replace(prose.document, bullets=()),
            dataclasses.replace(prose.profile, bullet_reviews=()),
            RULES.scoring.quality,
        )
    )

    match = example.match
    assert match is not None
    missing = tuple(
        dataclasses.replace(k, importance="preferred") if i == 0 else k
        for i, k in enumerate(match.missing)
    )
    unmet = dataclasses.replace(
        match,
        missing=missing,
        years=Requirement(5.0, 2.0, False),
        degree=Requirement("master", "bachelor", False),
        title_match=0.2,
        posting_title="Senior ML Engineer",
    )
    add(ats_findings(unmet, RULES.scoring.ats))

    document, profile = example.document, example.profile
    faults = dataclasses.replace(
        document.layout,
        hidden=(HiddenText("Kubernetes Terraform", 1, "colour"), HiddenText("tiny", 1, "tiny")),
        cid_glyphs=40,
        glued_words=6,
        columns=2,
        tables=1,
        header_footer_text=("ada@example.com",),
        image_only_pages=1,
    )
    broken = dataclasses.replace(
        document,
        layout=faults,
        format="txt",
        size_bytes=5_000_000,
        language="de",
        text="A short text.",
        lines=tuple(line for line in document.lines if "@" not in line.text),
        sections=(*document.sections, Section("other", "Hobbies", "chess", 9)),
        contact=dataclasses.replace(document.contact, email=None, phone=None, links=()),
    )
    add(readability_findings(broken, profile, RULES.scoring.readability))
    icons = dataclasses.replace(document.layout, images=2, cid_glyphs=3)
    first = dataclasses.replace(document.lines[0], text="(cid:3) Built a model")
    long_file = dataclasses.replace(
        document,
        layout=icons,
        pages=4,
        lines=(first, *document.lines[1:]),
        text=document.text * 5,
        sections=(),
    )
    add(readability_findings(long_file, profile, RULES.scoring.readability))

    repos = (
        RepoSnapshot(
            name="titanic",
            readme="# titanic\n",
            files=("README.md", "t.ipynb"),
            tree=("venv/lib/site-packages/x.py", "models/model.pkl"),
            file_sizes=(("models/model.pkl", 12),),
            pushed_at=OLD,
        ),
        RepoSnapshot(name="script", files=("main.py",), pushed_at=OLD),
    )
    forks = tuple(RepoSnapshot(name=f"fork{i}", fork=True, pushed_at=OLD) for i in range(4))
    user = UserProfile(login="ada")
    rubric = RULES.portfolio
    review = review_portfolio(
        Portfolio(user=user, repos=repos, forks=forks, partial=True), TODAY, rubric=rubric
    )
    add(review.findings)
    add(review_portfolio(Portfolio(user=user, repos=()), TODAY, rubric=rubric).findings)
    add(cross_check(["Spark", "Kubernetes"], review, rubric=rubric).findings)

    def failing(checks: tuple[tuple[str, str], ...]) -> tuple[Criterion, ...]:
        return tuple(Criterion(i, False, 5.0, "Add it.") for i, _what in checks)

    repo = review.repos[0]
    repo = dataclasses.replace(
        repo,
        readme=dataclasses.replace(repo.readme, criteria=failing(README_CHECKS), score=30.0),
        hygiene=dataclasses.replace(repo.hygiene, criteria=failing(HYGIENE_CHECKS), score=30.0),
    )
    add(repo_check_findings(repo))
    return found


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Finding]:
    return _findings(tmp_path_factory.mktemp("catalogue"))


IDS = sorted(CATALOGUE)
_PREFIXES = "|".join(sorted({i.split(".")[0] for i in CATALOGUE}))
_ID_LIKE = re.compile(rf"\b(?:{_PREFIXES})\.[a-z_]+\b")
_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
_SPACE = re.compile(r"\s+")


def _problems(text: str, allowed: tuple[str, ...]) -> list[str]:
    """Return why ``text`` is not a sentence for a person (empty when it is one)."""
    problems = []
    if not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "'\""):
        problems.append("does not start with a capital")
    if not text.rstrip().endswith((".", "!", "?")):
        problems.append("does not end with . ! or ?")
    bare = text
    for word in allowed:
        bare = bare.replace(word, "")
    problems += [f"holds the id {m}" for m in _ID_LIKE.findall(bare) if m.lower() != "readme.md"]
    problems += [f"holds the token {m}" for m in _SNAKE.findall(bare)]
    return problems


def _flat(text: str) -> str:
    return _SPACE.sub(" ", html.unescape(text))


def test_every_catalogued_id_is_produced_by_a_case(findings: dict[str, Finding]) -> None:
    assert [i for i in IDS if i not in findings] == []


@pytest.mark.parametrize("finding_id", IDS)
def test_the_finding_reads_as_a_sentence_in_every_form(
    findings: dict[str, Finding], finding_id: str
) -> None:
    finding = findings.get(finding_id)
    if finding is None:
        pytest.fail(f"no case produces {finding_id}")
    # Repo and file names are the user's words, not ours.
    allowed = ("site-packages", "node_modules", "venv", "model.pkl", "README.md")
    for part in (finding.message, finding.fix):
        assert not _problems(part, allowed), (finding_id, part, _problems(part, allowed))
    analysis = dataclasses.replace(sample.sample_analysis(), findings=(finding,))
    forms = {
        "text": terminal_summary(analysis),
        "md": render_markdown(analysis),
        "html": render_html(analysis),
    }
    for form, rendered in forms.items():
        flat = _flat(rendered if form != "md" else rendered.replace("\\", ""))
        for part in (finding.message, finding.fix):
            assert _flat(part) in flat, (finding_id, form, part)
