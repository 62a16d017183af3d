"""ATS findings from a posting match: missing skills, title, years, degree, salient keywords.

Each finding names the change to make; ``impact`` estimates the match points its fix gains
(see analyzer/ats/score.py). The readability findings are in analyzer/ats/readability.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from analyzer.ats.score import requirement_points, requirements_weight
from analyzer.findings import Area, Finding, Severity
from analyzer.models import AtsMatch, KeywordMatch
from analyzer.rules.scoring import AtsRules


def ats_findings(
    match: AtsMatch,
    rules: AtsRules,
    years_note: str = "",
    languages: tuple[str | None, str | None] = (None, None),
) -> tuple[Finding, ...]:
    """Return findings from a posting match: missing skills, title, years, degree, keywords.

    ``years_note`` (the profile's) says what "present" was counted up to; the years finding
    quotes it, so the person sees which date the years were counted to. ``languages`` is
    (the resume's, the posting's) ISO 639-1 code, None when mlcheck cannot tell: a posting in
    another language than the resume cannot have its salient terms matched word for word.

    The first few missing required hard skills (posting frequency, then name) get a HIGH finding
    each; the other missing required skills share one finding, MEDIUM (LOW when all are generic
    concepts); the missing preferred skills share one MEDIUM finding.
    """
    available = {name: points for name, _earned, points in match.components}
    skill_points = available.get("skills", 0.0)

    weight_sum = requirements_weight(match.matched, match.missing, rules)  # once, not per item

    def points(item: KeywordMatch) -> float:
        return requirement_points(
            item, match.matched, match.missing, skill_points, rules, weight_sum
        )

    findings = _missing_skill_findings(match, points, rules)
    findings.extend(_only_listed_findings(match, points, rules))
    findings.extend(_title_findings(match, available.get("title", 0.0)))
    findings.extend(_requirement_findings(match, available, years_note))
    findings.extend(_keyword_findings(match, available.get("keywords", 0.0), languages))
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
        also = " also" if hard[:top] else ""
        findings.append(
            Finding(
                id="ats.missing_required_skills",
                severity=Severity.MEDIUM if any(not k.generic for k in rest) else Severity.LOW,
                area=Area.ATS,
                message=f"The posting{also} requires {len(rest)} skills your resume does not "
                f"name: {_names(rest)}.",
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
                area=Area.ATS,
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
            area=Area.ATS,
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
        area=Area.ATS,
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
    pairs = "; ".join(f"{k.keyword}: shown by {k.satisfied_by}" for k in shown[:4])
    return [
        Finding(
            id="ats.skills_shown_not_named",
            severity=Severity.LOW,
            area=Area.ATS,
            message=f"Your resume shows {_names(shown)} without naming them ({pairs}); an ATS "
            "searching the literal word may not find them.",
            fix="Add the posting's word once where it describes your work (in the bullet that "
            "shows it, or in your skills list).",
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
            area=Area.ATS,
            message=f"The posting's title '{match.posting_title}' is not in your headline or "
            "most recent role; ATS searches and recruiters filter on it.",
            fix=f"Put the exact title '{match.posting_title}' in your headline under your name "
            "(if it honestly describes you), and use it in your summary.",
            evidence=match.posting_title,
            impact=round(points * (1 - match.title_match), 2),
        )
    ]


def _requirement_findings(
    match: AtsMatch, available: dict[str, float], years_note: str = ""
) -> list[Finding]:
    findings: list[Finding] = []
    years, degree = match.years, match.degree
    if years.meets is False:
        earned = dict((n, e) for n, e, _a in match.components).get("years", 0.0)
        if years.found is None:
            message = (
                f"The posting asks for {years.asked:g}+ years of experience; mlcheck could not "
                "tell how many your resume shows: it read no role with a start and an end date."
            )
            fix = (
                "Give every role a start and end month and year (e.g. 'Mar 2021 - Present') so "
                "an ATS can count your years."
            )
        else:
            counted = f" ({years_note})" if years_note else ""
            message = (
                f"The posting asks for {years.asked:g}+ years of experience; your resume shows "
                f"{years.found:g} {'year' if years.found == 1 else 'years'}{counted}."
            )
            fix = (
                "Count all relevant experience with dates (internships, research, freelance, "
                "open-source maintainership); if you are still short, say what you shipped "
                "in that time in your summary."
            )
        # A check that could not run is skipped, not failed: LOW, and no points claimed.
        skipped = years.found is None
        findings.append(
            Finding(
                id="ats.years_short",
                severity=Severity.LOW if skipped else Severity.MEDIUM,
                area=Area.ATS,
                message=message,
                fix=fix,
                evidence=f"{years.asked:g}+ years" if years.asked is not None else None,
                impact=0.0 if skipped else round(available.get("years", 0.0) - earned, 2),
            )
        )
    if degree.meets is False:
        earned = dict((n, e) for n, e, _a in match.components).get("degree", 0.0)
        shown = (
            f"your resume shows {_degree_name(degree.found)}"
            if degree.found
            else "mlcheck found no degree on your resume, so it could not check it"
        )
        skipped = not degree.found
        findings.append(
            Finding(
                id="ats.degree_short",
                severity=Severity.LOW if skipped else Severity.MEDIUM,
                area=Area.ATS,
                message=f"The posting asks for {_degree_name(degree.asked)}; {shown}.",
                fix="List your degree in an Education section with the degree name spelled out "
                "(e.g. 'Bachelor of Science in Computer Science', 'BS'); if you have none, "
                "show equivalent experience and certifications.",
                evidence=str(degree.asked),
                impact=0.0 if skipped else round(available.get("degree", 0.0) - earned, 2),
            )
        )
    return findings


_DEGREE_NAMES = {
    "phd": "a PhD",
    "master": "a master's degree",
    "bachelor": "a bachelor's degree",
    "associate": "an associate degree",
}


def _degree_name(degree: object) -> str:
    """Spell a degree level for a person: "master" -> "a master's degree"."""
    return _DEGREE_NAMES.get(str(degree), f"a {degree} degree")


def _function_words() -> frozenset[str]:
    from analyzer.rules import shipped_rules

    return frozenset(w for ws in shipped_rules().headings.function_words.values() for w in ws)


def _language_name(code: str) -> str:
    from analyzer.ats.readability import LANGUAGE_NAMES

    return {"en": "English", **LANGUAGE_NAMES}.get(code, code)


def _keyword_findings(
    match: AtsMatch, points: float, languages: tuple[str | None, str | None] = (None, None)
) -> list[Finding]:
    # A term made only of function words ("del", "en el" from a posting in Spanish) is not
    # something to add to a resume: it is left out of the advice.
    common = _function_words()
    missing = [
        k
        for k in match.missing
        if k.importance == "keyword" and not all(w in common for w in k.keyword.lower().split())
    ]
    total = len(missing) + sum(1 for k in match.matched if k.importance == "keyword")
    if not missing or not total:
        return []
    shown = ", ".join(f"'{k.keyword}'" for k in missing[:5])
    resume_language, posting_language = languages
    if resume_language and posting_language and resume_language != posting_language:
        # Words of one language are not missing from a resume written in another: say that
        # the comparison could not be made, and claim no points for it.
        return [
            Finding(
                id="ats.missing_keywords",
                severity=Severity.LOW,
                area=Area.ATS,
                message=f"The posting is written in {_language_name(posting_language)} and your "
                f"resume in {_language_name(resume_language)}, so mlcheck could not match the "
                f"posting's salient terms word for word ({shown}).",
                fix="If the employer reads applications in "
                f"{_language_name(posting_language)}, send a resume in that language; skill "
                "names (Java, SQL, PyTorch) read the same in both and are still matched.",
                evidence=", ".join(k.keyword for k in missing),
                impact=0.0,
            )
        ]
    return [
        Finding(
            id="ats.missing_keywords",
            severity=Severity.LOW,
            area=Area.ATS,
            message=f"{len(missing)} of the posting's {total} salient terms are not in your "
            f"resume: {shown}.",
            fix="Where they truly describe your work, use the posting's own words in your "
            "bullets and summary (once is enough; repeating a term does not raise the score).",
            evidence=", ".join(k.keyword for k in missing),
            impact=round(points * len(missing) / total, 2),
        )
    ]
