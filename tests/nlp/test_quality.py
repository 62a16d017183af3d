"""Resume quality (0-100) and the content findings built from the NLP profile."""

from __future__ import annotations

from pathlib import Path

from analyzer.nlp.quality import content_findings, quality_parts, resume_quality
from analyzer.nlp.resources import get_resources
from analyzer.rules import shipped_rules
from analyzer.settings import Settings
from tests.ats.resumes import fake_profile, text_document

FIXTURES = Path(__file__).parents[1] / "ats" / "fixtures"
RES = get_resources(Settings())

QUALITY = shipped_rules().scoring.quality


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
    # One cause, one finding: every pillar the role expects that nothing shows, listed in one
    # finding, the pillar the role expects most core skills of first.
    missing = [f for f in findings if f.id == "content.missing_pillar"]
    assert len(missing) == 1
    empty = [p for p in profile.roadmap.pillars if p.expected and not p.evidence]
    ranked = sorted(empty, key=lambda p: -len(p.expected))
    assert missing[0].evidence == "; ".join(p.label for p in ranked)
    assert all(p.label in missing[0].message for p in empty)
    shown = {p.label for p in profile.roadmap.pillars if p.evidence}
    assert shown and not shown & set((missing[0].evidence or "").split("; "))
    document = text_document(ml_resume())
    ids = {f.id for f in content_findings(document, fake_profile(document, RES), QUALITY)}
    assert "content.no_github" not in ids


def test_entry_headings_and_dot_leaders_are_not_judged_as_bullets() -> None:
    from analyzer.nlp.quality import is_statement

    assert not is_statement("COURSERA | KPCB FELLOW + SOFTWARE ENGINEERING INTERN")
    assert not is_statement("Vocational. . . . . . . . . . . . . . . . . . . . . . . . . . . .")
    assert is_statement("Built the churn model for 3 regions.")
    assert is_statement("Cut AWS spend by 30%.")
