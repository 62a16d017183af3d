"""The JSON contract, both ways: the documents analyzer/schemas/resume.schema.json describes.

Three documents share the contract's head (``schema_version``, ``tool``):

- the resume object (`mlcheck parse`, `mlcheck RESUME --format json`, with ``github`` when a
  portfolio was reviewed);
- the portfolio document (`mlcheck github USER --format json`): head and ``github``;
- the repo document (`mlcheck repo PATH --format json`): head and ``repo``.

``*_json`` functions write them; ``read_saved`` reads a saved analysis, portfolio or repo
document back into the dataclasses the renderers take, so a saved result renders again in any
form without analysing anything. Field names here are stable; a breaking change bumps
SCHEMA_VERSION. Nothing here reads the environment: a review carries no token, so none can leak
into the JSON.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from analyzer import __version__
from analyzer.models import (
    Achievement,
    AtsMatch,
    Bullet,
    BulletIssue,
    BulletReview,
    Contact,
    Criterion,
    CrossCheck,
    Entry,
    Finding,
    JobPosting,
    KeywordMatch,
    LayoutFacts,
    PortfolioReview,
    ReadmeScore,
    RepoHygiene,
    RepoReview,
    Requirement,
    ResumeAnalysis,
    ResumeDocument,
    ResumeProfile,
    Roadmap,
    Section,
    Skill,
    UserProfile,
)

SCHEMA_VERSION = "1.0"

SECTION_ANCHOR = "section-"
"""Prefix of a section's anchor; the number after it is the section's index."""


# --------------------------------------------------------------------------- writing


def _head() -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "tool": {"name": "mlcheck", "version": __version__}}


def experience_years_json(document: ResumeDocument) -> dict[str, Any]:
    """Years of experience as read from the entries, with what "present" was taken to mean."""
    from analyzer.nlp.experience import experience_years

    years = experience_years(document)
    return {
        "years": years.years,
        "internship_years": years.internship_years,
        "as_of": years.as_of.isoformat() if years.as_of else None,
        "as_of_source": years.as_of_source or None,
        "note": years.note,
    }


def document_json(document: ResumeDocument) -> dict[str, Any]:
    """Return the part of the resume object that comes from reading the file."""
    return {
        **_head(),
        "input": {
            "path": document.path,
            "format": document.format,
            "pages": document.pages,
            "size_bytes": document.size_bytes,
        },
        "language": document.language,
        "contact": document.contact.to_dict(),
        "sections": [
            {
                "name": s.name,
                "heading": s.heading,
                "text": s.text,
                "anchor": f"{SECTION_ANCHOR}{s.index}",
            }
            for s in document.sections
        ],
        "bullets": [
            {"id": b.id, "text": b.text, "section": b.section, "entry": b.entry}
            for b in document.bullets
        ],
        "entries": [e.to_dict() for e in document.entries],
        "experience_years": experience_years_json(document),
        "layout": document.layout.to_dict(),
        "warnings": list(document.warnings),
    }


def analysis_json(analysis: ResumeAnalysis) -> dict[str, Any]:
    """Return the whole resume object: document, NLP profile, ATS match and findings."""
    result = document_json(analysis.document)
    profile = analysis.profile
    reviews = {r.bullet: r for r in profile.bullet_reviews}
    for bullet in result["bullets"]:
        review = reviews.get(bullet["id"])
        bullet["quantified"] = review.quantified if review else False
        bullet["action_verb"] = review.action_verb if review else False
        bullet["issues"] = [i.to_dict() for i in review.issues] if review else []
        bullet["shape"] = review.shape if review else None
    result["skills"] = [
        {
            "name": s.name,
            "category": s.category,
            "mentions": s.mentions,
            "sections": list(s.sections),
            "used": s.used,
            "implied_by": list(s.implied_by),
        }
        for s in profile.skills
    ]
    result["achievements"] = [a.to_dict() for a in profile.achievements]
    result["roadmap"] = profile.roadmap.to_dict()
    result["years_experience"] = profile.years_experience
    result["degree"] = profile.degree
    result["internship_years"] = profile.internship_years
    result["years_note"] = profile.years_note
    result["quality_score"] = analysis.quality_score
    result["ats"] = ats_json(analysis)
    result["findings"] = [f.to_dict() for f in analysis.findings]
    result["github"] = (
        portfolio_json(analysis.portfolio, analysis.cross_check)
        if analysis.portfolio is not None
        else None
    )
    if analysis.portfolio_error is not None:
        result["github_error"] = analysis.portfolio_error
    return result


def ats_json(analysis: ResumeAnalysis) -> dict[str, Any] | None:
    """Return the `ats` object, or None when no posting was given."""
    match, posting = analysis.match, analysis.posting
    if match is None or posting is None:
        return None
    return {
        "score": match.score,
        "similarity": match.similarity,
        "title_match": match.title_match,
        "matched": [m.to_dict() for m in match.matched],
        "missing": [m.to_dict() for m in match.missing],
        "years": _requirement_json(match.years),
        "degree": _requirement_json(match.degree),
        "scoring_version": match.scoring_version,
        "components": [
            {"name": name, "earned": earned, "available": available}
            for name, earned, available in match.components
        ],
        **(
            {"capped_by": match.capped_by, "uncapped_score": match.uncapped_score}
            if match.capped_by
            else {}
        ),
        "posting": {
            "path": posting.path,
            "title": posting.title,
            "required_skills": list(posting.required_skills),
            "preferred_skills": list(posting.preferred_skills),
            "keywords": list(posting.keywords),
            "years_required": posting.years_required,
            "degree_required": posting.degree_required,
        },
    }


def criteria_json(criteria: tuple[Criterion, ...]) -> list[dict[str, Any]]:
    """Return README or hygiene checks as {id, passed, fix, weight}, in the rubric's order."""
    return [{"id": c.id, "passed": c.passed, "fix": c.fix, "weight": c.weight} for c in criteria]


def repo_json(repo: RepoReview) -> dict[str, Any]:
    """Return one judged repo: name, fork flag, README and hygiene checks, kinds, language."""
    return {
        "name": repo.name,
        "fork": repo.fork,
        "readme": {"score": repo.readme.score, "criteria": criteria_json(repo.readme.criteria)},
        "hygiene": {
            "score": repo.hygiene.score,
            "criteria": criteria_json(repo.hygiene.criteria),
            "tests_by": repo.hygiene.tests_by,
            "vendored": list(repo.hygiene.vendored),
            "stub_models": list(repo.hygiene.stub_models),
            "skipped": [list(pair) for pair in repo.hygiene.skipped],
        },
        "kinds": list(repo.kinds),
        "tutorial_clone": repo.tutorial_clone,
        "language": repo.hygiene.primary_language,
        "kind_labels": [list(pair) for pair in repo.kind_labels],
        "set_apart": repo.set_apart,
    }


def portfolio_json(
    review: PortfolioReview, cross_check: CrossCheck | None = None
) -> dict[str, Any]:
    """Return the `github` object: user, requests, repos, portfolio verdict, findings."""
    data: dict[str, Any] = {
        "user": review.user.login,
        "requests_used": review.requests_used,
        "repos": [repo_json(repo) for repo in review.repos],
        "portfolio": {
            "kinds": list(review.kinds),
            "tutorial_clones": list(review.tutorial_clones),
            "score": review.score,
            "forks": list(review.forks),
            "kind_labels": [list(pair) for pair in review.kind_labels],
        },
        "findings": [finding.to_dict() for finding in review.findings],
        "warnings": list(review.warnings),
        "partial": review.partial,
        "profile": {
            "name": review.user.name,
            "has_profile_readme": review.user.has_profile_readme,
        },
    }
    if cross_check is not None:
        data["cross_check"] = cross_check.to_dict()
    return data


def portfolio_report_json(
    review: PortfolioReview, cross_check: CrossCheck | None = None
) -> dict[str, Any]:
    """Return the JSON of a portfolio review without a resume: version, tool and `github`."""
    return {**_head(), "github": portfolio_json(review, cross_check)}


def repo_report_json(repo: RepoReview) -> dict[str, Any]:
    """Return the JSON of one local checkout: version, tool and `repo` (as in github.repos)."""
    return {**_head(), "repo": {**repo_json(repo), "skills": list(repo.skills)}}


def dumps(data: Any) -> str:
    """Serialise deterministically: sorted keys are not used, field order is the contract."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- reading back


class SavedJsonError(ValueError):
    """A JSON text is not a saved mlcheck result this version can read."""


@dataclass(frozen=True)
class SavedPortfolio:
    """A saved `mlcheck github` document: the review and, when there was one, its cross-check."""

    review: PortfolioReview
    """The portfolio review."""
    cross_check: CrossCheck | None = None
    """The resume cross-check, when the document carries one."""


SavedResult = ResumeAnalysis | SavedPortfolio | RepoReview
"""What a saved JSON document reads back as: an analysis, a portfolio or one repo."""


@functools.lru_cache(maxsize=1)
def requirement_check(requirement: Requirement) -> str:
    """Return what became of a years or degree check: met, short, not_asked or skipped.

    A check the posting asks but mlcheck could not run (no dates or no degree found on the
    resume) is ``skipped``: never counted as met or short in what the report says.
    """
    if requirement.asked is None:
        return "not_asked"
    if requirement.found is None:
        return "skipped"
    return "met" if requirement.meets else "short"


def _requirement_json(requirement: Requirement) -> dict[str, Any]:
    return {**requirement.to_dict(), "check": requirement_check(requirement)}


def _requirement(data: Mapping[str, Any]) -> Requirement:
    return Requirement.from_dict({k: v for k, v in data.items() if k != "check"})


def resume_schema() -> dict[str, Any]:
    """Return the shipped JSON Schema of the resume object (read once)."""
    text = resources.files("analyzer").joinpath("schemas/resume.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def read_saved(text: str) -> SavedResult:
    """Read a saved `--format json` result of check, github or repo back into its dataclasses.

    Raises SavedJsonError (with one line saying why) for text that is not JSON, not an mlcheck
    result, another schema_version, `mlcheck parse` output, or a document that breaks the schema.
    """
    try:
        data = json.loads(text)
    except ValueError as error:
        raise SavedJsonError(f"not JSON ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("tool"), dict):
        raise SavedJsonError("not a saved mlcheck result (no schema_version and tool)")
    if data["tool"].get("name") != "mlcheck" or "schema_version" not in data:
        raise SavedJsonError("not a saved mlcheck result (no schema_version and tool)")
    version = data["schema_version"]
    if version != SCHEMA_VERSION:
        raise SavedJsonError(
            f"schema_version {version!r} cannot be read by this mlcheck "
            f"(it reads {SCHEMA_VERSION!r})"
        )
    _validate(data)
    try:
        if "repo" in data:
            return repo_from_json(data["repo"])
        if "input" not in data:
            github = data["github"]
            return SavedPortfolio(portfolio_from_json(github), cross_check_from_json(github))
        if "quality_score" not in data:
            raise SavedJsonError("is `mlcheck parse` output, not an analysis: nothing to render")
        return analysis_from_json(data)
    except SavedJsonError:
        raise
    except (KeyError, TypeError, ValueError) as error:
        reason = f"{type(error).__name__}: {error}"
        raise SavedJsonError(f"not a complete mlcheck result ({reason})") from None


def _validate(data: dict[str, Any]) -> None:
    import jsonschema

    schema = resume_schema()
    github = schema["properties"]["github"]
    if "repo" in data:
        part, part_schema = data["repo"], github["oneOf"][1]["properties"]["repos"]["items"]
        if isinstance(part, dict):
            part = {k: v for k, v in part.items() if k != "skills"}
    elif "input" not in data:
        part, part_schema = data.get("github"), github
        if part is None:
            raise SavedJsonError("not a saved mlcheck result (no input, github or repo)")
    else:
        part, part_schema = data, schema
    try:
        jsonschema.validate(part, part_schema)
    except jsonschema.ValidationError as error:
        where = "/".join(str(p) for p in error.absolute_path) or "the top"
        raise SavedJsonError(f"does not follow the schema at {where}: {error.message}") from None


def analysis_from_json(data: Mapping[str, Any]) -> ResumeAnalysis:
    """Rebuild an analysis from the resume object, with what the JSON carries.

    The JSON leaves out the lines with their fonts, each skill's mention evidence and the
    posting's text: an analysis read back has none of them, and renders the same without them.
    """
    source = data["input"]
    sections = tuple(
        Section(
            name=s["name"],
            heading=s["heading"],
            text=s["text"],
            index=int(s.get("anchor", f"{SECTION_ANCHOR}{i}").removeprefix(SECTION_ANCHOR)),
        )
        for i, s in enumerate(data["sections"])
    )
    bullets = tuple(Bullet.from_dict(b) for b in data["bullets"])
    document = ResumeDocument(
        path=source["path"],
        format=source["format"],
        pages=source["pages"],
        size_bytes=source.get("size_bytes", 0),
        text="\n".join(s.text for s in sections),
        lines=(),
        sections=sections,
        bullets=bullets,
        entries=tuple(Entry.from_dict(e) for e in data["entries"]),
        contact=Contact.from_dict(data["contact"]),
        layout=LayoutFacts.from_dict(data["layout"]),
        warnings=tuple(data["warnings"]),
        language=data.get("language"),
    )
    reviews = tuple(
        BulletReview(
            bullet=b["id"],
            text=b["text"],
            section=b["section"],
            quantified=b["quantified"],
            action_verb=b["action_verb"],
            issues=tuple(BulletIssue.from_dict(i) for i in b["issues"]),
            shape=b.get("shape"),
        )
        for b in data["bullets"]
    )
    profile = ResumeProfile(
        skills=tuple(Skill.from_dict(s) for s in data["skills"]),
        achievements=tuple(Achievement.from_dict(a) for a in data["achievements"]),
        bullet_reviews=reviews,
        roadmap=Roadmap.from_dict(data["roadmap"]),
        years_experience=data["years_experience"],
        degree=data["degree"],
        internship_years=data.get("internship_years"),
        years_note=data.get("years_note", ""),
    )
    posting, match = _ats_from_json(data["ats"])
    github = data["github"]
    return ResumeAnalysis(
        document=document,
        profile=profile,
        quality_score=data["quality_score"],
        findings=tuple(Finding.from_dict(f) for f in data["findings"]),
        posting=posting,
        match=match,
        portfolio=portfolio_from_json(github) if github is not None else None,
        cross_check=cross_check_from_json(github) if github is not None else None,
        portfolio_error=data.get("github_error"),
    )


def _ats_from_json(ats: Mapping[str, Any] | None) -> tuple[JobPosting | None, AtsMatch | None]:
    if ats is None:
        return None, None
    posting = JobPosting.from_dict({"text": "", **ats["posting"]})
    match = AtsMatch(
        score=ats["score"],
        similarity=ats["similarity"],
        title_match=ats["title_match"],
        matched=tuple(KeywordMatch.from_dict(k) for k in ats["matched"]),
        missing=tuple(KeywordMatch.from_dict(k) for k in ats["missing"]),
        years=_requirement(ats["years"]),
        degree=_requirement(ats["degree"]),
        scoring_version=ats["scoring_version"],
        posting_title=posting.title,
        components=tuple((c["name"], c["earned"], c["available"]) for c in ats["components"]),
        capped_by=ats.get("capped_by"),
        uncapped_score=ats.get("uncapped_score"),
    )
    return posting, match


def _criteria(criteria: list[Mapping[str, Any]]) -> tuple[Criterion, ...]:
    # Documents written before the weight was part of the contract read as weightless.
    return tuple(Criterion.from_dict({"weight": 0.0, **c}) for c in criteria)


def _pairs(items: Any) -> tuple[tuple[str, str], ...]:
    return tuple((str(kind), str(label)) for kind, label in items)


def repo_from_json(repo: Mapping[str, Any]) -> RepoReview:
    """Rebuild a judged repo from a `github.repos` item or the repo document's `repo`."""
    return RepoReview(
        name=repo["name"],
        fork=repo["fork"],
        readme=ReadmeScore(repo["readme"]["score"], _criteria(repo["readme"]["criteria"])),
        hygiene=RepoHygiene(
            repo["hygiene"]["score"],
            _criteria(repo["hygiene"]["criteria"]),
            primary_language=repo.get("language"),
            tests_by=repo["hygiene"].get("tests_by"),
            vendored=tuple(repo["hygiene"].get("vendored", ())),
            stub_models=tuple(repo["hygiene"].get("stub_models", ())),
            skipped=_pairs(repo["hygiene"].get("skipped", ())),
        ),
        kinds=tuple(repo["kinds"]),
        tutorial_clone=repo.get("tutorial_clone"),
        skills=tuple(repo.get("skills", ())),
        kind_labels=_pairs(repo.get("kind_labels", ())),
        set_apart=repo.get("set_apart"),
    )


def portfolio_from_json(github: Mapping[str, Any]) -> PortfolioReview:
    """Rebuild a portfolio review from the `github` object."""
    profile = github.get("profile") or {}
    verdict = github["portfolio"]
    return PortfolioReview(
        user=UserProfile(
            login=github["user"],
            name=profile.get("name"),
            has_profile_readme=profile.get("has_profile_readme", False),
        ),
        repos=tuple(repo_from_json(r) for r in github["repos"]),
        kinds=tuple(verdict["kinds"]),
        tutorial_clones=tuple(verdict["tutorial_clones"]),
        score=verdict["score"],
        findings=tuple(Finding.from_dict(f) for f in github["findings"]),
        requests_used=github["requests_used"],
        partial=github["partial"],
        warnings=tuple(github["warnings"]),
        forks=tuple(verdict.get("forks", ())),
        kind_labels=_pairs(verdict.get("kind_labels", ())),
    )


def cross_check_from_json(github: Mapping[str, Any]) -> CrossCheck | None:
    """Rebuild the resume cross-check of a `github` object, None when it carries none."""
    data = github.get("cross_check")
    return CrossCheck.from_dict(data) if data is not None else None
