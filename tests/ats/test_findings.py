"""ATS findings from a posting match: what each says and what fixing it gains."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.ats.findings import ats_findings
from analyzer.ats.match import match_resume
from analyzer.ats.posting import read_posting
from analyzer.findings import Finding, Severity
from analyzer.models import AtsMatch, KeywordMatch, Requirement
from analyzer.nlp.resources import get_resources
from analyzer.rules import shipped_rules
from analyzer.settings import Settings
from tests.ats.resumes import fake_profile, text_document

FIXTURES = Path(__file__).parent / "fixtures"
RES = get_resources(Settings())

ATS = shipped_rules().scoring.ats


def ml_resume() -> str:
    return (FIXTURES / "ml_resume.txt").read_text("utf-8")


def test_ats_findings_name_the_change() -> None:
    posting = read_posting(str(FIXTURES / "ml_engineer_posting.txt"), RES)
    text = ml_resume().replace("Machine Learning Engineer\n", "Engineer\n")
    text = text.replace("Machine Learning Engineer |", "Software Developer |")
    text = text.replace("Machine learning engineer who", "Builder who")
    document = text_document(text)
    match = match_resume(document, fake_profile(document, RES, years=1.0), posting, RES)
    findings = ats_findings(match, ATS)
    by_id: dict[str, list[Finding]] = {}
    for finding in findings:
        by_id.setdefault(finding.id, []).append(finding)
    kube = next(f for f in by_id["ats.missing_required_skill"] if f.evidence == "Kubernetes")
    assert kube.severity is Severity.HIGH
    assert kube.fix.startswith(
        "If you have used Kubernetes, name it in an experience bullet that shows what you did"
    )
    assert kube.impact > 0
    title = by_id["ats.title_mismatch"][0]
    assert "Put the exact title 'Machine Learning Engineer' in your headline" in title.fix
    years = by_id["ats.years_short"][0]
    assert "3+ years" in years.message and "1" in years.message
    assert all(f.fix for f in findings)


def test_impacts_add_up_to_what_fixing_gains() -> None:
    posting = read_posting(str(FIXTURES / "ml_engineer_posting.txt"), RES)
    document = text_document(ml_resume())
    profile = fake_profile(document, RES, years=5.0, degree="bachelor")
    before = match_resume(document, profile, posting, RES)
    kube = next(f for f in ats_findings(before, ATS) if f.evidence == "Kubernetes")
    fixed = text_document(ml_resume().replace("with Docker on", "with Docker and Kubernetes on"))
    after = match_resume(
        fixed, fake_profile(fixed, RES, years=5.0, degree="bachelor"), posting, RES
    )
    assert abs((after.score - before.score) - kube.impact) < 0.2


def skills_match(missing: list[KeywordMatch], matched: list[KeywordMatch] = ()) -> AtsMatch:  # type: ignore[assignment]
    return AtsMatch(
        score=50.0,
        similarity=0.2,
        title_match=1.0,
        matched=tuple(matched),
        missing=tuple(missing),
        years=Requirement(None, None, None),
        degree=Requirement(None, None, None),
        scoring_version="1.1",
        components=(("skills", 30.0, 60.0),),
    )


def test_top_three_missing_hard_skills_each_get_a_finding_the_rest_one() -> None:
    hard = [
        KeywordMatch(n, "required", c)
        for n, c in (("Kafka", 3), ("Go", 2), ("Rust", 1), ("Scala", 1))
    ]
    generic = [KeywordMatch("documentation", "required", 4, generic=True)]
    preferred = [KeywordMatch("Spark", "preferred", 1), KeywordMatch("dbt", "preferred", 1)]
    findings = ats_findings(skills_match([*hard, *generic, *preferred]), ATS)
    single = [f for f in findings if f.id == "ats.missing_required_skill"]
    assert [(f.evidence, f.severity) for f in single] == [
        ("Kafka", Severity.HIGH),
        ("Go", Severity.HIGH),
        ("Rust", Severity.HIGH),
    ]
    (rest,) = [f for f in findings if f.id == "ats.missing_required_skills"]
    assert rest.message == (
        "The posting also requires 2 skills your resume does not name: Scala, documentation."
    )
    assert rest.severity is Severity.MEDIUM
    # documentation weighs half a hard skill: 60 * (2 + 1) / (4 * 2 + 1 + 2 * 1)
    assert rest.impact == pytest.approx(60 * 3 / 11, abs=0.01)
    (nice,) = [f for f in findings if f.id == "ats.missing_preferred_skills"]
    assert (nice.severity, nice.evidence) == (Severity.MEDIUM, "Spark, dbt")


def test_missing_generic_concepts_alone_are_low() -> None:
    missing = [
        KeywordMatch("documentation", "required", 1, generic=True),
        KeywordMatch("problem solving", "required", 1, generic=True),
    ]
    findings = ats_findings(
        skills_match(missing, [KeywordMatch("Python", "required", 1, used=True)]), ATS
    )
    assert [(f.id, f.severity) for f in findings] == [("ats.missing_required_skills", Severity.LOW)]


def test_missing_any_of_group_finding_says_one_is_enough() -> None:
    group = KeywordMatch(
        "PyTorch or TensorFlow", "required", 1, alternatives=("PyTorch", "TensorFlow")
    )
    (finding,) = ats_findings(skills_match([group]), ATS)
    assert (
        finding.message
        == "The posting requires PyTorch or TensorFlow; your resume names none of them."
    )
    assert finding.fix.startswith("If you have used one of PyTorch or TensorFlow")


def test_years_unread_says_mlcheck_could_not_tell() -> None:
    posting = read_posting(str(FIXTURES / "ml_engineer_posting.txt"), RES)
    document = text_document(ml_resume())
    match = match_resume(document, fake_profile(document, RES, years=None), posting, RES)
    years = next(f for f in ats_findings(match, ATS) if f.id == "ats.years_short")
    assert "mlcheck could not tell" in years.message
    assert "do not show" not in years.message
