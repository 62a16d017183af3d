"""Resume quality (0-100) and the content findings: what the NLP stage's profile says to change.

Resume quality does not depend on a posting. Weights live in ``skills_taxonomy/scoring.json``
(``quality``); docs/scoring.md has the same formula::

    quantified    W=30  share of experience/project bullets that carry a number
    action_verbs  W=20  share of experience/project bullets that open with an action verb
    bullet_issues W=10  share of experience/project bullets with no issue besides a missing number
    sections      W=15  experience 0.35, skills 0.25, education 0.2, projects 0.1, summary 0.1
    contact       W=10  e-mail 0.35, GitHub 0.25, phone 0.2, LinkedIn 0.2
    roadmap       W=15  share of the role's pillars with at least one skill shown

    quality = sum(W * credit), rounded to one decimal; no bullets gives 0 for the bullet parts.

Every finding names the change to make; ``impact`` estimates the quality points its fix gains.
"""

from __future__ import annotations

from collections.abc import Iterable

from analyzer.findings import BLOCKED_SCORE_CAP, Area, Finding, Severity, page_of
from analyzer.models import BulletReview, PillarCoverage, ResumeDocument, ResumeProfile
from analyzer.rules.scoring import QualityRules

ISSUE_PRIORITY = ("no_metric", "weak_opener", "passive", "first_person", "cliche", "too_long")
"""Which bullet issue names a finding when a bullet has several."""


def scored_reviews(profile: ResumeProfile, rules: QualityRules) -> list[BulletReview]:
    """Return the reviews of experience and project bullets, the ones quality counts.

    A line with no lower-case word ("COURSERA | KPCB FELLOW + SOFTWARE ENGINEERING INTERN")
    or made mostly of dot leaders ("Vocational. . . . . .") is an entry heading or a layout
    rule the reader took for a bullet, not a statement to rewrite: it is not judged.
    """
    sections = rules.scored_bullet_sections
    return [r for r in profile.bullet_reviews if r.section in sections and is_statement(r.text)]


def is_statement(text: str) -> bool:
    """True when a bullet's text reads as a statement: a lower-case word, mostly letters."""
    visible = "".join(text.split())  # str.split drops exactly the str.isspace characters
    if not visible or not any(map(str.islower, text)):
        return False
    return sum(map(str.isalnum, visible)) / len(visible) >= 0.6


def has_github(document: ResumeDocument) -> bool:
    """True when the resume links a GitHub profile."""
    return any(link.kind == "github" for link in document.contact.links) or (
        "github.com/" in document.text.lower()
    )


def has_linkedin(document: ResumeDocument) -> bool:
    """True when the resume links a LinkedIn profile."""
    return any(link.kind == "linkedin" for link in document.contact.links) or (
        "linkedin.com/" in document.text.lower()
    )


def quality_parts(
    document: ResumeDocument, profile: ResumeProfile, rules: QualityRules
) -> dict[str, float]:
    """Return each quality component's credit, 0-1."""
    reviews = scored_reviews(profile, rules)
    count = len(reviews)

    def share(values: Iterable[bool]) -> float:
        return sum(1 for v in values if v) / count if count else 0.0

    present = {s.name for s in document.sections}
    contact = {
        "email": bool(document.contact.email),
        "phone": bool(document.contact.phone),
        "linkedin": has_linkedin(document),
        "github": has_github(document),
    }
    pillars = [p for p in profile.roadmap.pillars if p.expected or p.evidence]
    return {
        "quantified": share(r.quantified for r in reviews),
        "action_verbs": share(r.action_verb for r in reviews),
        "bullet_issues": share(not any(i.id != "no_metric" for i in r.issues) for r in reviews),
        "sections": sum(w for name, w in rules.sections.items() if name in present),
        "contact": sum(w for name, w in rules.contact.items() if contact[name]),
        "roadmap": sum(1 for p in pillars if p.evidence) / len(pillars) if pillars else 0.0,
    }


def resume_quality(document: ResumeDocument, profile: ResumeProfile, rules: QualityRules) -> float:
    """Return the resume's quality score 0-100 (formula in the module docstring).

    While the text does not read as language (``readability.unreadable_text``, a blocking
    finding) the score is capped at ``BLOCKED_SCORE_CAP``: what was read is not the resume.
    """
    from analyzer.ats.readability import is_unreadable

    weights = rules.components
    parts = quality_parts(document, profile, rules)
    score = round(sum(weights[name] * min(1.0, credit) for name, credit in parts.items()), 1)
    if is_unreadable(document, profile):
        return min(score, BLOCKED_SCORE_CAP)
    return score


# --------------------------------------------------------------------------- content findings


def content_findings(
    document: ResumeDocument, profile: ResumeProfile, rules: QualityRules
) -> tuple[Finding, ...]:
    """Return findings about the resume's content: weak bullets, pillars, links, skills."""
    return (
        *_bullet_findings(document, profile, rules),
        *_pillar_findings(profile, rules),
        *_link_findings(document, rules),
        *_skill_findings(document, profile),
    )


def _bullet_findings(
    document: ResumeDocument, profile: ResumeProfile, rules: QualityRules
) -> list[Finding]:
    weights = rules.components
    reviews = scored_reviews(profile, rules)
    findings: list[Finding] = []
    experience = document.section("experience")
    if (
        experience is not None
        and experience.text.strip()
        and not any(r.section == "experience" for r in reviews)
    ):
        findings.append(
            Finding(
                id="content.no_bullets",
                severity=Severity.MEDIUM,
                area=Area.CONTENT,
                message="Your experience is written as paragraphs; ATS and recruiters scan "
                "bullets.",
                fix="Rewrite each role as 3-5 bullets that open with an action verb and end "
                "with a measured result.",
                evidence=experience.heading or None,
                anchor=f"section-{experience.index}",
                page=page_of(experience.heading, document.lines),
                impact=round(weights["quantified"] / 2, 1),
            )
        )
    if not reviews:
        return findings
    per_bullet = {name: weight / len(reviews) for name, weight in weights.items()}
    # The opener, voice, pronoun, cliché and length checks read English; on a resume in
    # another language only the missing number is a finding (readability.language says so).
    english = document.language in (None, "en")
    for review in reviews:
        issues = (
            review.issues if english else tuple(i for i in review.issues if i.id == "no_metric")
        )
        if not issues:
            continue
        ranked = sorted(
            issues,
            key=lambda i: (
                ISSUE_PRIORITY.index(i.id) if i.id in ISSUE_PRIORITY else len(ISSUE_PRIORITY),
                i.id,
            ),
        )
        primary = ranked[0]
        ids = {i.id for i in issues}
        # A weak opener's rewrite already asks for the missing result: one rewrite, not two.
        covered = {"no_metric"} if "weak_opener" in ids else set()
        impact = per_bullet["quantified"] * ("no_metric" in ids)
        impact += per_bullet["action_verbs"] * (english and not review.action_verb)
        impact += per_bullet["bullet_issues"] * bool(ids - {"no_metric"})
        severity = Severity.MEDIUM if primary.id in ("no_metric", "weak_opener") else Severity.LOW
        findings.append(
            Finding(
                id=f"content.bullet_{primary.id}",
                severity=severity,
                area=Area.BULLETS,
                message=" ".join(i.message for i in ranked),
                fix=" ".join(dict.fromkeys(i.hint for i in ranked if i.id not in covered)),
                evidence=review.text,
                anchor=review.bullet,
                page=page_of(review.text, document.lines),
                impact=round(impact, 2),
            )
        )
    return findings


def _pillar_findings(profile: ResumeProfile, rules: QualityRules) -> list[Finding]:
    """Return one finding listing the pillars the role expects that nothing shows, if any.

    One cause, one finding: the pillars are ranked by the role profile (the pillar it expects
    most core skills of first, then taxonomy order) and listed together.
    """
    weight = rules.components["roadmap"]
    pillars = [p for p in profile.roadmap.pillars if p.expected or p.evidence]
    missing = [p for p in pillars if p.expected and not p.evidence]
    if not missing:
        return []
    ranked = sorted(missing, key=lambda p: -len(p.expected))
    return [missing_pillars_finding([_label(p) for p in ranked], weight / len(pillars))]


def _label(pillar: PillarCoverage) -> str:
    return pillar.label or pillar.name.replace("_", " ").capitalize()


def missing_pillars_finding(labels: list[str], points_each: float) -> Finding:
    """Return the one finding naming the roadmap pillars nothing on the resume shows.

    ``labels`` are the pillars' display names, most important first; ``points_each`` the
    quality points one pillar shown gains. ``analyzer.findings.drop_repeated_pillars`` rebuilds
    it without the pillars an ATS finding already asks for.
    """
    one = len(labels) == 1
    listed = labels[0] if one else ", ".join(labels[:-1]) + " and " + labels[-1]
    message = (
        f"Nothing on the resume shows the {listed} pillar of the ML-engineer roadmap, which "
        "the role expects."
        if one
        else f"Nothing on the resume shows {len(labels)} pillars of the ML-engineer roadmap "
        f"the role expects (most expected first): {listed}."
    )
    fix = (
        "If you have done this work, show it in a project or experience bullet that names the "
        "tools (the skills table lists the ones the role expects); if not, it is the next "
        "thing to learn."
        if one
        else "For each one you have worked in, show it in a project or experience bullet that "
        "names the tools (the skills table lists the ones the role expects); the others are "
        "the next things to learn, the first one first."
    )
    return Finding(
        id="content.missing_pillar",
        severity=Severity.MEDIUM,
        area=Area.CONTENT,
        message=message,
        fix=fix,
        evidence="; ".join(labels),
        impact=round(points_each * len(labels), 2),
    )


def _link_findings(document: ResumeDocument, rules: QualityRules) -> list[Finding]:
    if has_github(document):
        return []
    weight = rules.components["contact"] * rules.contact["github"]
    return [
        Finding(
            id="content.no_github",
            severity=Severity.MEDIUM,
            area=Area.CONTENT,
            message="No GitHub link: a recruiter cannot find your portfolio from the resume.",
            fix="Add your GitHub profile URL (github.com/your-name) to the contact line, and "
            "link the repo of each project in its entry.",
            impact=round(float(weight), 2),
        )
    ]


def _skill_findings(document: ResumeDocument, profile: ResumeProfile) -> list[Finding]:
    listed = sorted((s.name for s in profile.skills if not s.used), key=str.casefold)
    if not listed:
        return []
    shown = ", ".join(listed[:6]) + (", ..." if len(listed) > 6 else "")
    skills = document.section("skills")
    return [
        Finding(
            id="content.skills_only_listed",
            severity=Severity.LOW,
            area=Area.SKILLS,
            message=f"{len(listed)} skill(s) appear only in a list, never in what you did: "
            f"{shown}.",
            fix="For each skill you have really used, add it to the experience or project "
            "bullet that shows the work; drop the ones you have not used.",
            evidence=", ".join(listed),
            page=page_of(skills.heading, document.lines) if skills is not None else None,
        )
    ]
