"""Resume quality (0-100), content and ATS findings, and the one order of all findings.

Resume quality does not depend on a posting. Weights live in ``skills_taxonomy/scoring.json``
(``quality``); docs/scoring.md has the same formula::

    quantified    W=30  share of experience/project bullets that carry a number
    action_verbs  W=20  share of experience/project bullets that open with an action verb
    bullet_issues W=10  share of experience/project bullets with no issue besides a missing number
    sections      W=15  experience 0.35, skills 0.25, education 0.2, projects 0.1, summary 0.1
    contact       W=10  e-mail 0.35, GitHub 0.25, phone 0.2, LinkedIn 0.2
    roadmap       W=15  share of the role's pillars with at least one skill shown

    quality = sum(W * credit), rounded to one decimal; no bullets gives 0 for the bullet parts.

Every finding names the change to make; ``impact`` estimates the points its fix gains (quality
points for content findings, match points for ATS findings, a fixed estimate for readability).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from analyzer.ats.score import requirement_points
from analyzer.models import (
    AtsMatch,
    BulletReview,
    Finding,
    KeywordMatch,
    ResumeDocument,
    ResumeProfile,
    Severity,
)
from analyzer.rules.scoring import AtsRules, QualityRules

SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
"""Order of severities, most serious first."""

ISSUE_PRIORITY = ("no_metric", "weak_opener", "passive", "first_person", "cliche", "too_long")
"""Which bullet issue names a finding when a bullet has several."""


def scored_reviews(profile: ResumeProfile, rules: QualityRules) -> list[BulletReview]:
    """Return the reviews of experience and project bullets, the ones quality counts."""
    sections = rules.scored_bullet_sections
    return [r for r in profile.bullet_reviews if r.section in sections]


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
    """Return the resume's quality score 0-100 (formula in the module docstring)."""
    weights = rules.components
    parts = quality_parts(document, profile, rules)
    return round(sum(weights[name] * min(1.0, credit) for name, credit in parts.items()), 1)


# --------------------------------------------------------------------------- content findings


def content_findings(
    document: ResumeDocument, profile: ResumeProfile, rules: QualityRules
) -> tuple[Finding, ...]:
    """Return findings about the resume's content: weak bullets, pillars, links, skills."""
    return (
        *_bullet_findings(document, profile, rules),
        *_pillar_findings(profile, rules),
        *_link_findings(document, rules),
        *_skill_findings(profile),
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
                area="content",
                message="Your experience is written as paragraphs; ATS and recruiters scan "
                "bullets.",
                fix="Rewrite each role as 3-5 bullets that open with an action verb and end "
                "with a measured result.",
                anchor=f"section-{experience.index}",
                impact=round(weights["quantified"] / 2, 1),
            )
        )
    if not reviews:
        return findings
    per_bullet = {name: weight / len(reviews) for name, weight in weights.items()}
    for review in reviews:
        if not review.issues:
            continue
        ranked = sorted(
            review.issues,
            key=lambda i: (
                ISSUE_PRIORITY.index(i.id) if i.id in ISSUE_PRIORITY else len(ISSUE_PRIORITY),
                i.id,
            ),
        )
        primary = ranked[0]
        ids = {i.id for i in review.issues}
        # A weak opener's rewrite already asks for the missing result: one rewrite, not two.
        covered = {"no_metric"} if "weak_opener" in ids else set()
        impact = per_bullet["quantified"] * ("no_metric" in ids)
        impact += per_bullet["action_verbs"] * (not review.action_verb)
        impact += per_bullet["bullet_issues"] * bool(ids - {"no_metric"})
        severity = Severity.MEDIUM if primary.id in ("no_metric", "weak_opener") else Severity.LOW
        findings.append(
            Finding(
                id=f"content.bullet_{primary.id}",
                severity=severity,
                area="bullets",
                message=" ".join(i.message for i in ranked),
                fix=" ".join(dict.fromkeys(i.hint for i in ranked if i.id not in covered)),
                evidence=review.text,
                anchor=review.bullet,
                impact=round(impact, 2),
            )
        )
    return findings


def _pillar_findings(profile: ResumeProfile, rules: QualityRules) -> list[Finding]:
    weight = rules.components["roadmap"]
    pillars = [p for p in profile.roadmap.pillars if p.expected or p.evidence]
    findings = []
    for pillar in pillars:
        if pillar.evidence or not pillar.expected:
            continue
        name = pillar.label or pillar.name.replace("_", " ")
        examples = ", ".join(pillar.expected[:4])
        findings.append(
            Finding(
                id="content.missing_pillar",
                severity=Severity.MEDIUM,
                area="content",
                message=f"Nothing on the resume shows the '{name}' pillar of the ML-engineer "
                "roadmap.",
                fix=f"If you have done {name.lower()} work, show it in a project or experience "
                f"bullet naming the tools ({examples}); if not, it is the next thing to learn.",
                evidence=pillar.name,
                impact=round(weight / len(pillars), 2),
            )
        )
    return findings


def _link_findings(document: ResumeDocument, rules: QualityRules) -> list[Finding]:
    if has_github(document):
        return []
    weight = rules.components["contact"] * rules.contact["github"]
    return [
        Finding(
            id="content.no_github",
            severity=Severity.MEDIUM,
            area="content",
            message="No GitHub link: a recruiter cannot find your portfolio from the resume.",
            fix="Add your GitHub profile URL (github.com/your-name) to the contact line, and "
            "link the repo of each project in its entry.",
            impact=round(float(weight), 2),
        )
    ]


def _skill_findings(profile: ResumeProfile) -> list[Finding]:
    listed = sorted((s.name for s in profile.skills if not s.used), key=str.casefold)
    if not listed:
        return []
    shown = ", ".join(listed[:6]) + (", ..." if len(listed) > 6 else "")
    return [
        Finding(
            id="content.skills_only_listed",
            severity=Severity.LOW,
            area="skills",
            message=f"{len(listed)} skill(s) appear only in a list, never in what you did: "
            f"{shown}.",
            fix="For each skill you have really used, add it to the experience or project "
            "bullet that shows the work; drop the ones you have not used.",
            evidence=", ".join(listed),
        )
    ]


# --------------------------------------------------------------------------- ATS findings


def ats_findings(match: AtsMatch, rules: AtsRules) -> tuple[Finding, ...]:
    """Return findings from a posting match: missing skills, title, years, degree, keywords.

    The first few missing required hard skills (posting frequency, then name) get a HIGH finding
    each; the other missing required skills share one finding, MEDIUM (LOW when all are generic
    concepts); the missing preferred skills share one MEDIUM finding.
    """
    available = {name: points for name, _earned, points in match.components}
    skill_points = available.get("skills", 0.0)

    def points(item: KeywordMatch) -> float:
        return requirement_points(item, match.matched, match.missing, skill_points, rules)

    findings = _missing_skill_findings(match, points, rules)
    findings.extend(_only_listed_findings(match, points, rules))
    findings.extend(_title_findings(match, available.get("title", 0.0)))
    findings.extend(_requirement_findings(match, available))
    findings.extend(_keyword_findings(match, available.get("keywords", 0.0)))
    findings.extend(_unnamed_concept_findings(match))
    return tuple(findings)


def _names(items: Iterable[KeywordMatch]) -> str:
    return ", ".join(item.keyword for item in items)


def _missing_skill_findings(
    match: AtsMatch, points: Callable[[KeywordMatch], float], rules: AtsRules
) -> list[Finding]:
    top = rules.top_missing_required
    required = [k for k in match.missing if k.importance == "required"]
    hard = [k for k in required if not k.generic]
    findings = [_missing_skill(item, points(item)) for item in hard[:top]]
    rest = [*hard[top:], *(k for k in required if k.generic)]
    if rest:
        lead = "Also missing" if hard[:top] else "Missing"
        findings.append(
            Finding(
                id="ats.missing_required_skills",
                severity=Severity.MEDIUM if any(not k.generic for k in rest) else Severity.LOW,
                area="ats",
                message=f"{lead} from the posting's requirements: {_names(rest)}.",
                fix="For each one you have really used, name it in the experience or project "
                "bullet that shows the work (the posting's own words, once) and in your skills "
                "list; leave out the ones you have not used.",
                evidence=_names(rest),
                impact=round(sum(points(k) for k in rest), 2),
            )
        )
    preferred = [k for k in match.missing if k.importance == "preferred"]
    if preferred:
        findings.append(
            Finding(
                id="ats.missing_preferred_skills",
                severity=Severity.MEDIUM,
                area="ats",
                message=f"The posting's nice-to-haves are not on your resume: {_names(preferred)}.",
                fix="They are not required, but each one you can honestly show sets you apart: "
                "name it in the bullet or project where you used it.",
                evidence=_names(preferred),
                impact=round(sum(points(k) for k in preferred), 2),
            )
        )
    return findings


def _only_listed_findings(
    match: AtsMatch, points: Callable[[KeywordMatch], float], rules: AtsRules
) -> list[Finding]:
    listed = [k for k in match.matched if k.importance == "required" and not k.used]
    if not listed:
        return []
    gain = rules.used_credit - rules.listed_credit
    one = len(listed) == 1
    return [
        Finding(
            id="ats.required_skills_only_listed",
            severity=Severity.MEDIUM if any(not k.generic for k in listed) else Severity.LOW,
            area="ats",
            message=f"The posting requires {_names(listed)}; your resume only lists "
            f"{'it' if one else 'them'}, in no experience or project bullet.",
            fix=f"Show {'it' if one else 'each'} at work: name it in the experience or project "
            "bullet where you used it, with what it achieved (an ATS and a recruiter both weigh "
            "a skill in use above a skill in a list).",
            evidence=_names(listed),
            impact=round(sum(points(k) for k in listed) * gain, 2),
        )
    ]


def _missing_skill(item: KeywordMatch, points: float) -> Finding:
    times = f" ({item.posting_count} mentions)" if item.posting_count > 1 else ""
    if item.alternatives:
        lacking = "your resume names none of them"
        fix = (
            f"If you have used one of {item.keyword}, name it in the experience bullet that shows "
            "what you did with it, with the result (and in your skills list); one is enough."
        )
    else:
        lacking = "your resume does not mention it"
        fix = (
            f"If you have used {item.keyword}, name it in an experience bullet that shows what you "
            "did with it (and in your skills list); if not, do not claim it."
        )
    return Finding(
        id="ats.missing_required_skill",
        severity=Severity.HIGH,
        area="ats",
        message=f"The posting requires {item.keyword}{times}; {lacking}.",
        fix=fix,
        evidence=item.keyword,
        impact=round(points, 2),
    )


def _unnamed_concept_findings(match: AtsMatch) -> list[Finding]:
    """The skills counted from evidence: a literal keyword ATS may not see them."""
    shown = [
        k for k in match.matched if k.satisfied_by and k.importance in ("required", "preferred")
    ]
    if not shown:
        return []
    pairs = "; ".join(f"{k.keyword} (you wrote '{k.satisfied_by}')" for k in shown[:4])
    return [
        Finding(
            id="ats.skills_shown_not_named",
            severity=Severity.LOW,
            area="ats",
            message=f"Your resume shows {_names(shown)} without naming them; an ATS that "
            "matches keywords literally may miss them.",
            fix=f"Use the posting's words once where they describe your work: {pairs}.",
            evidence=_names(shown),
        )
    ]


def _title_findings(match: AtsMatch, points: float) -> list[Finding]:
    if not match.posting_title or match.title_match >= 1.0:
        return []
    severity = Severity.HIGH if match.title_match < 0.5 else Severity.MEDIUM
    return [
        Finding(
            id="ats.title_mismatch",
            severity=severity,
            area="ats",
            message=f"The posting's title '{match.posting_title}' is not in your headline or "
            "most recent role; ATS searches and recruiters filter on it.",
            fix=f"Put the exact title '{match.posting_title}' in your headline under your name "
            "(if it honestly describes you), and use it in your summary.",
            evidence=match.posting_title,
            impact=round(points * (1 - match.title_match), 2),
        )
    ]


def _requirement_findings(match: AtsMatch, available: dict[str, float]) -> list[Finding]:
    findings: list[Finding] = []
    years, degree = match.years, match.degree
    if years.meets is False:
        earned = dict((n, e) for n, e, _a in match.components).get("years", 0.0)
        if years.found is None:
            message = (
                f"The posting asks {years.asked:g}+ years of experience; your resume's dates do "
                "not show how many you have."
            )
            fix = (
                "Give every role a start and end month and year (e.g. 'Mar 2021 - Present') so "
                "an ATS can count your years."
            )
        else:
            message = (
                f"The posting asks {years.asked:g}+ years of experience; your resume shows "
                f"{years.found:g}."
            )
            fix = (
                "Count all relevant experience with dates (internships, research, freelance, "
                "open-source maintainership); if you are still short, say what you shipped "
                "in that time in your summary."
            )
        findings.append(
            Finding(
                id="ats.years_short",
                severity=Severity.MEDIUM,
                area="ats",
                message=message,
                fix=fix,
                evidence=f"{years.asked:g}+ years" if years.asked is not None else None,
                impact=round(available.get("years", 0.0) - earned, 2),
            )
        )
    if degree.meets is False:
        earned = dict((n, e) for n, e, _a in match.components).get("degree", 0.0)
        shown = f"your resume shows {degree.found}" if degree.found else "none was found"
        findings.append(
            Finding(
                id="ats.degree_short",
                severity=Severity.MEDIUM,
                area="ats",
                message=f"The posting asks a {degree.asked} degree; {shown}.",
                fix="List your degree in an Education section with the degree name spelled out "
                "(e.g. 'Bachelor of Science in Computer Science', 'BS'); if you have none, "
                "show equivalent experience and certifications.",
                evidence=str(degree.asked),
                impact=round(available.get("degree", 0.0) - earned, 2),
            )
        )
    return findings


def _keyword_findings(match: AtsMatch, points: float) -> list[Finding]:
    missing = [k for k in match.missing if k.importance == "keyword"]
    total = len(missing) + sum(1 for k in match.matched if k.importance == "keyword")
    if not missing or not total:
        return []
    shown = ", ".join(f"'{k.keyword}'" for k in missing[:5])
    return [
        Finding(
            id="ats.missing_keywords",
            severity=Severity.LOW,
            area="ats",
            message=f"{len(missing)} of the posting's {total} salient terms are not in your "
            f"resume: {shown}.",
            fix="Where they truly describe your work, use the posting's own words in your "
            "bullets and summary (once is enough; repeating a term does not raise the score).",
            evidence=", ".join(k.keyword for k in missing),
            impact=round(points * len(missing) / total, 2),
        )
    ]


# --------------------------------------------------------------------------- order


SAME_KIND_LEAD = 2
"""How many findings of one kind (id) lead within a severity before the other kinds' turn."""


MISSING_REQUIRED_IDS = ("ats.missing_required_skill", "ats.missing_required_skills")
"""ATS findings naming required skills the resume lacks."""
_NAME_SPLIT = re.compile(r",\s*|\s+or\s+")


def drop_repeated_pillars(findings: Iterable[Finding]) -> list[Finding]:
    """Drop a roadmap "missing pillar" finding when an ATS finding asks for a skill of it.

    "Nothing shows the Math & statistics pillar" beside "The posting requires statistics" is
    one change said twice; the ATS finding is the one to keep: it names the skill and the
    posting, and adding that skill fills the pillar too (any skill of a pillar shows it).
    """
    from analyzer.nlp.taxonomy import load_taxonomy

    findings = list(findings)
    asked = [
        name
        for f in findings
        if f.id in MISSING_REQUIRED_IDS and f.evidence
        for name in _NAME_SPLIT.split(f.evidence)
    ]
    if not asked:
        return findings
    taxonomy = load_taxonomy()
    pillars = {s.category for s in (taxonomy.skill(n) for n in asked) if s is not None}
    return [f for f in findings if not (f.id == "content.missing_pillar" and f.evidence in pillars)]


def order_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Return findings by severity, then impact (largest first), then id; deterministic.

    Ties keep the order the checks produced them in, which is the meaningful one: bullets in
    document order (b3 before b10), missing skills by importance then posting frequency. Within
    one severity, the third and later findings of one kind (id) follow the findings of the other
    kinds, so the first few ("fix these first") are a mix of changes, not five of one kind. A
    missing-pillar finding that repeats a missing-required-skill finding is dropped first
    (``drop_repeated_pillars``).
    """

    def rank(finding: Finding) -> int:
        return SEVERITY_RANK[Severity(finding.severity)]

    findings = drop_repeated_pillars(findings)
    ranked = sorted(findings, key=lambda f: (rank(f), -round(f.impact, 2), f.id))
    seen: Counter[tuple[int, str]] = Counter()
    deferred: list[bool] = []
    for finding in ranked:
        seen[(rank(finding), finding.id)] += 1
        deferred.append(seen[(rank(finding), finding.id)] > SAME_KIND_LEAD)
    order = sorted(range(len(ranked)), key=lambda i: (rank(ranked[i]), deferred[i], i))
    return tuple(ranked[i] for i in order)
