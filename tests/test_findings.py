"""The Finding type, the catalogue of finding ids, docs/findings.md and the order of findings."""

from __future__ import annotations

import dataclasses

from analyzer.findings import Finding, Severity, order_findings

# Three ATS ids in alphabetical order, for the order's id tie-break.
A, B, C = "ats.degree_short", "ats.missing_keywords", "ats.title_mismatch"


def test_order_findings_is_by_severity_then_impact_then_id() -> None:
    def finding(id_: str, severity: Severity, impact: float) -> Finding:
        return Finding(id_, severity, "ats", "m", "f", impact=impact)

    items = [
        finding(B, Severity.LOW, 9.0),
        finding(A, Severity.HIGH, 1.0),
        finding(C, Severity.HIGH, 5.0),
        finding(A, Severity.MEDIUM, 2.0),
        finding(B, Severity.HIGH, 1.0),
    ]
    ordered = order_findings(items)
    assert [(f.severity.value, f.id) for f in ordered] == [
        ("high", C),
        ("high", A),
        ("high", B),
        ("medium", A),
        ("low", B),
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
