"""The JSON contract: one resume object, documented by analyzer/schemas/resume.schema.json.

Field names here are stable; a breaking change bumps SCHEMA_VERSION.
"""

from __future__ import annotations

import json
from typing import Any

from analyzer import __version__
from analyzer.models import ResumeAnalysis, ResumeDocument

SCHEMA_VERSION = "1.0"


def document_json(document: ResumeDocument) -> dict[str, Any]:
    """Return the part of the resume object that comes from reading the file."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "mlcheck", "version": __version__},
        "input": {
            "path": document.path,
            "format": document.format,
            "pages": document.pages,
            "size_bytes": document.size_bytes,
        },
        "contact": document.contact.to_dict(),
        "sections": [
            {"name": s.name, "heading": s.heading, "text": s.text, "anchor": f"section-{s.index}"}
            for s in document.sections
        ],
        "bullets": [
            {"id": b.id, "text": b.text, "section": b.section, "entry": b.entry}
            for b in document.bullets
        ],
        "entries": [e.to_dict() for e in document.entries],
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
    result["quality_score"] = analysis.quality_score
    result["ats"] = ats_json(analysis)
    result["findings"] = [f.to_dict() for f in analysis.findings]
    result["github"] = github_json(analysis)
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
        "years": match.years.to_dict(),
        "degree": match.degree.to_dict(),
        "scoring_version": match.scoring_version,
        "components": [
            {"name": name, "earned": earned, "available": available}
            for name, earned, available in match.components
        ],
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


def github_json(analysis: ResumeAnalysis) -> dict[str, Any] | None:
    """Return the `github` object, or None when no portfolio was reviewed."""
    if analysis.portfolio is None:
        return None
    from analyzer.github.json_form import portfolio_json

    data = portfolio_json(analysis.portfolio)
    if analysis.cross_check is not None:
        data["cross_check"] = analysis.cross_check.to_dict()
    return data


def portfolio_report_json(review: Any, cross_check: Any = None) -> dict[str, Any]:
    """Return the JSON of a portfolio review without a resume: version, tool and `github`."""
    from analyzer.github.json_form import portfolio_json

    github = portfolio_json(review)
    if cross_check is not None:
        github["cross_check"] = cross_check.to_dict()
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "mlcheck", "version": __version__},
        "github": github,
    }


def repo_report_json(repo: Any) -> dict[str, Any]:
    """Return the JSON of one local checkout: version, tool and `repo` (as in github.repos)."""
    from analyzer.github.json_form import repo_json

    data = repo_json(repo)
    data["tutorial_clone"] = repo.tutorial_clone
    data["skills"] = list(repo.skills)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "mlcheck", "version": __version__},
        "repo": data,
    }


def dumps(data: Any) -> str:
    """Serialise deterministically: sorted keys are not used, field order is the contract."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
