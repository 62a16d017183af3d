"""Skills shown by the skills that imply them (issue 14): MySQL shows SQL, PyTorch deep learning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.api import analyze_document
from analyzer.ats.findings import ats_findings
from analyzer.ats.match import match_resume
from analyzer.ats.posting import parse_posting, read_posting
from analyzer.documents import read_document
from analyzer.models import AtsMatch, JobPosting
from analyzer.nlp.profile import build_profile
from analyzer.nlp.resources import get_resources
from analyzer.nlp.skills import implied_skills
from analyzer.report import ReportFormat, render, render_saved
from analyzer.settings import Settings
from tests.ats.resumes import fake_profile, text_document
from tests.shared import CORPUS

EXAMPLE = Path(__file__).parents[2] / "examples" / "resume.pdf"
EXAMPLE_POSTING = EXAMPLE.with_name("posting.txt")

RES = get_resources(Settings())

POSTING = """Job Title: Machine Learning Engineer

Requirements
- Strong SQL and Python.
- Deep learning experience.
- Model deployment to production.
"""

ML_RESUME = """Kim Example
Machine Learning Engineer

EXPERIENCE
ML Engineer | Acme | 2020 - Present
- Fine-tuned BERT and trained RNNs and Transformers in PyTorch for ticket routing.
- Stored features in MySQL and SQLite, cutting query time by 40%.
- Deployed the fraud model on AWS behind an API serving 2k requests/s.

SKILLS
Python, PyTorch, MySQL, SQLite
"""


def match(resume: str, posting: str = POSTING) -> AtsMatch:
    """Match a text resume against a text posting with the real resources."""
    job: JobPosting = parse_posting(posting, RES)
    document = text_document(resume)
    profile = fake_profile(document, RES, years=5.0, degree="bachelor")
    return match_resume(document, profile, job, RES)


def found(result: AtsMatch) -> dict[str, str | None]:
    """Matched skills and what showed them."""
    return {k.keyword: k.satisfied_by for k in result.matched if k.importance != "keyword"}


def test_sql_is_shown_by_mysql_and_sqlite() -> None:
    result = match(ML_RESUME)
    assert found(result)["SQL"] == "MySQL, SQLite"
    assert "SQL" not in {k.keyword for k in result.missing}


def test_deep_learning_is_shown_by_the_networks_and_frameworks() -> None:
    shown = found(match(ML_RESUME))["deep learning"]
    assert shown is not None
    assert {"BERT", "PyTorch"} <= set(shown.split(", "))


@pytest.mark.parametrize(
    "bullet",
    [
        "- Deployed the fraud model on AWS behind an API serving 2k requests/s.",
        "- Led LLM deployment for support search, serving 40k users.",
        "- Shipped a BERT classifier to production on Kubernetes.",
    ],
)
def test_model_deployment_is_shown_by_the_words(bullet: str) -> None:
    resume = ML_RESUME.replace(
        "- Deployed the fraud model on AWS behind an API serving 2k requests/s.", bullet
    )
    result = match(resume)
    assert found(result).get("model deployment"), bullet


def test_a_skill_shown_without_its_word_counts_a_little_less() -> None:
    named = ML_RESUME.replace("Python, PyTorch, MySQL, SQLite", "Python, PyTorch, SQL")
    by_word, by_implication = match(named), match(ML_RESUME)
    assert found(by_word)["SQL"] is None
    assert by_implication.score < by_word.score


def test_the_finding_names_the_evidence_and_says_to_add_the_word() -> None:
    result = match(ML_RESUME)
    findings = {f.id: f for f in ats_findings(result, RES.rules.scoring.ats)}
    assert "ats.missing_required_skill" not in findings
    shown = findings["ats.skills_shown_not_named"]
    assert "SQL: shown by MySQL, SQLite" in shown.message
    assert "literal word" in shown.message
    assert shown.severity.value == "low"


def test_a_skill_nothing_implies_stays_missing() -> None:
    result = match("Kim\nData Analyst\n\nSKILLS\nExcel, Tableau\n")
    assert {"SQL", "deep learning", "model deployment"} <= {k.keyword for k in result.missing}


def _corpus_resumes() -> list[Path]:
    folder = CORPUS / "resumes"
    return (
        sorted(p for p in folder.glob("*") if p.suffix in (".pdf", ".docx"))
        if folder.is_dir()
        else []
    )


@pytest.mark.skipif(not _corpus_resumes() and not EXAMPLE.exists(), reason="no resumes")
def test_no_missing_finding_for_a_skill_an_implying_skill_shows() -> None:
    postings = [parse_posting(POSTING, RES)]
    if EXAMPLE_POSTING.exists():
        postings.append(read_posting(str(EXAMPLE_POSTING), RES))
    checked = 0
    for path in [p for p in (EXAMPLE,) if p.exists()] + _corpus_resumes():
        document = read_document(str(path))
        profile = build_profile(document, RES)
        shows = {t for s in profile.skills for t in implied_skills(s.name, RES.taxonomy)}
        for job in postings:
            result = match_resume(document, profile, job, RES)
            findings = ats_findings(result, RES.rules.scoring.ats)
            missing = {
                name.strip()
                for f in findings
                if f.id.startswith("ats.missing") and f.evidence
                for name in f.evidence.split(",")
            }
            assert not missing & shows, (path.name, missing & shows)
            checked += bool(shows)
    assert checked


def test_every_report_form_names_the_implying_skills() -> None:
    document = text_document(ML_RESUME)
    analysis = analyze_document(document, parse_posting(POSTING, RES), Settings())
    saved = render(analysis, ReportFormat.JSON)
    matched = {k["keyword"]: k for k in json.loads(saved)["ats"]["matched"]}
    assert matched["SQL"]["satisfied_by"] == "MySQL, SQLite"
    for fmt in ReportFormat:
        text = " ".join(render(analysis, fmt).split())
        assert "MySQL, SQLite" in text, fmt
        if fmt is not ReportFormat.JSON:
            assert "shown by MySQL, SQLite" in text, fmt
            assert "an ATS searching the literal word may not find it" in text, fmt
    # The saved JSON renders the same again (`mlcheck render`).
    assert render_saved(saved, ReportFormat.MD) == render(analysis, ReportFormat.MD)
