"""Resume quality, content and ATS findings, and the order of findings."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from analyzer.ats.match import match_resume
from analyzer.ats.posting import read_posting
from analyzer.models import AtsMatch, Finding, KeywordMatch, Requirement, Severity
from analyzer.nlp.resources import get_resources
from analyzer.rules import shipped_rules
from analyzer.scoring import (
    ats_findings,
    content_findings,
    order_findings,
    quality_parts,
    resume_quality,
)
from analyzer.settings import Settings
from tests.ats.resumes import fake_profile, text_document

FIXTURES = Path(__file__).parent / "fixtures"
RES = get_resources(Settings())
QUALITY, ATS = shipped_rules().scoring.quality, shipped_rules().scoring.ats


def ml_resume() -> str:
    return (FIXTURES / "ml_resume.txt").read_text("utf-8")


def test_quality_parts_and_score() -> None:
    document = text_document(ml_resume())
    profile = fake_profile(document, RES)
    parts = quality_parts(document, profile, QUALITY)
    # 5 experience bullets, all with a number but one ("Analysed recommendation systems
    # experiments for 2 product teams" has a number too).
    assert parts["quantified"] == 1.0
    assert parts["contact"] == 1.0
    assert parts["sections"] == 0.9  # no projects section
    assert resume_quality(document, profile, QUALITY) == round(
        30 * 1.0
        + 20 * parts["action_verbs"]
        + 10 * parts["bullet_issues"]
        + 15 * 0.9
        + 10
        + 15 * parts["roadmap"],
        1,
    )


def test_quality_rises_with_numbers() -> None:
    vague = ml_resume().replace("12%", "a lot").replace("9 models", "models")
    vague = vague.replace("from 6 hours to 20 minutes", "a lot").replace("2 product", "product")
    vague = vague.replace("3M", "many").replace("40 ms", "low latency")
    document, better = text_document(vague), text_document(ml_resume())
    assert resume_quality(document, fake_profile(document, RES), QUALITY) < resume_quality(
        better, fake_profile(better, RES), QUALITY
    )


def test_one_finding_per_weak_bullet_anchored_to_it() -> None:
    text = ml_resume().replace(
        "- Analysed recommendation systems experiments for 2 product teams.",
        "- Worked on recommendation systems experiments.",
    )
    document = text_document(text)
    profile = fake_profile(document, RES)
    findings = content_findings(document, profile, QUALITY)
    bullet = next(b for b in document.bullets if b.text.startswith("Worked on"))
    mine = [f for f in findings if f.anchor == bullet.id]
    assert len(mine) == 1
    assert mine[0].id == "content.bullet_no_metric"
    review = next(r for r in profile.bullet_reviews if r.bullet == bullet.id)
    no_metric = next(i for i in review.issues if i.id == "no_metric")
    weak = next(i for i in review.issues if i.id == "weak_opener")
    # One rewrite, not two: the weak opener's hint already asks for the result.
    assert mine[0].fix.startswith(weak.hint)
    assert "add the result it had" in weak.hint
    assert no_metric.hint not in mine[0].fix
    assert no_metric.message in mine[0].message and weak.message in mine[0].message
    assert mine[0].evidence == bullet.text
    assert mine[0].impact > 0


def test_no_github_and_missing_pillar_findings() -> None:
    text = ml_resume().replace(" | github.com/adaexample", "")
    document = text_document(text)
    profile = fake_profile(document, RES)
    findings = content_findings(document, profile, QUALITY)
    by_id = {f.id: f for f in findings}
    assert "github.com" in by_id["content.no_github"].fix
    pillars = {p.name: p for p in profile.roadmap.pillars}
    missing = [f for f in findings if f.id == "content.missing_pillar"]
    assert missing
    for finding in missing:
        pillar = pillars[finding.evidence or ""]
        assert not pillar.evidence
        assert pillar.expected[0] in finding.fix
    shown = {p.name for p in profile.roadmap.pillars if p.evidence}
    assert shown and not shown & {f.evidence for f in missing}
    document = text_document(ml_resume())
    ids = {f.id for f in content_findings(document, fake_profile(document, RES), QUALITY)}
    assert "content.no_github" not in ids


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


def test_order_findings_is_by_severity_then_impact_then_id() -> None:
    def finding(id_: str, severity: Severity, impact: float) -> Finding:
        return Finding(id_, severity, "ats", "m", "f", impact=impact)

    items = [
        finding("b", Severity.LOW, 9.0),
        finding("a", Severity.HIGH, 1.0),
        finding("c", Severity.HIGH, 5.0),
        finding("a", Severity.MEDIUM, 2.0),
        finding("b", Severity.HIGH, 1.0),
    ]
    ordered = order_findings(items)
    assert [(f.severity.value, f.id) for f in ordered] == [
        ("high", "c"),
        ("high", "a"),
        ("high", "b"),
        ("medium", "a"),
        ("low", "b"),
    ]
    assert order_findings(reversed(items)) == ordered
    assert order_findings([dataclasses.replace(items[0])]) == (items[0],)


def test_order_findings_keeps_check_order_on_ties() -> None:
    bullets = [
        Finding(
            "content.bullet_no_metric",
            Severity.MEDIUM,
            "bullets",
            "m",
            "f",
            anchor=f"b{i}",
            impact=1.0,
        )
        for i in (3, 10, 11)
    ]
    assert [f.anchor for f in order_findings(bullets)] == ["b3", "b10", "b11"]


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
    assert rest.message == "Also missing from the posting's requirements: Scala, documentation."
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


def test_order_findings_lets_other_kinds_in_after_two_of_one_kind() -> None:
    bullets = [
        Finding(
            "content.bullet_no_metric",
            Severity.MEDIUM,
            "bullets",
            "m",
            "f",
            anchor=f"b{i}",
            impact=6.0,
        )
        for i in range(4)
    ]
    pillar = Finding("content.missing_pillar", Severity.MEDIUM, "content", "m", "f", impact=1.0)
    skill = Finding("ats.missing_required_skill", Severity.HIGH, "ats", "m", "f", impact=1.0)
    ordered = order_findings([*bullets, pillar, skill])
    assert [f.anchor or f.id for f in ordered] == [
        "ats.missing_required_skill",
        "b0",
        "b1",
        "content.missing_pillar",
        "b2",
        "b3",
    ]


def test_a_missing_pillar_that_repeats_a_missing_required_skill_is_dropped() -> None:
    pillar = Finding(
        "content.missing_pillar", Severity.MEDIUM, "content", "m", "f", "math_statistics"
    )
    other = Finding("content.missing_pillar", Severity.MEDIUM, "content", "m", "f", "cloud")
    skill = Finding("ats.missing_required_skill", Severity.HIGH, "ats", "m", "f", "statistics")
    assert order_findings([pillar, other, skill]) == (skill, other)
    grouped = Finding(
        "ats.missing_required_skills", Severity.MEDIUM, "ats", "m", "f", "Kafka, AWS or GCP"
    )
    assert order_findings([pillar, other, grouped]) == (grouped, pillar)
