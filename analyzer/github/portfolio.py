"""Judge repos and a whole portfolio: project kinds, tutorial clones, profile basics, score.

Portfolio score (weights in skills_taxonomy/portfolio.json, "portfolio.weights"):

* readme (35): mean README score of the best ``top_repos`` own repos,
* hygiene (25): mean hygiene score of the same repos,
* variety (20): share of the growth-story steps (tabular -> intermediate -> deep learning ->
  deployment) the project kinds cover,
* originality (10): share of own repos that are not tutorial clones,
* profile (10): name, bio, profile README, blog/LinkedIn link.

The readme and hygiene parts are scaled down when there are fewer than ``min_projects`` repos.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping

from analyzer.findings import (
    HYGIENE_CHECKS,
    README_CHECKS,
    Area,
    Finding,
    Severity,
    merge_findings,
    order_findings,
)
from analyzer.github.evidence import SkillFinder, dependency_names, repo_evidence
from analyzer.github.hygiene import judge_hygiene, project_paths
from analyzer.github.interface import (
    Criterion,
    Portfolio,
    PortfolioReview,
    ReadmeScore,
    RepoHygiene,
    RepoReview,
    RepoSnapshot,
    UserProfile,
)
from analyzer.github.readme import parse_readme, score_readme
from analyzer.rules.portfolio import Rubric


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text) is not None


def split_name(name: str) -> str:
    """Split a repo name into words: CamelCase, digits and separators (MNISTClassifier ->
    "mnist classifier", yolov5 -> "yolo v 5"), lower case."""
    text = re.sub(r"[-_.]+", " ", name)
    text = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", text)
    text = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", " ", text)
    return " ".join(text.lower().split())


def _readme_text(snapshot: RepoSnapshot, rubric: Rubric) -> str:
    if not snapshot.readme:
        return ""
    doc = parse_readme(snapshot.readme, rubric.readme)
    return "\n".join(b.text for b in doc.blocks if b.kind != "code" or "pip" in b.text)


def _hits(text: str, keywords: list[tuple[str, str]]) -> dict[str, int]:
    """Count keyword hits per kind, longest keyword first, each span of text used once.

    So "image classification" counts for vision and its "classification" not again for
    tabular, and "text classification" is NLP.
    """
    taken = [False] * len(text)
    counts: dict[str, int] = {}
    for keyword, kind in keywords:
        for m in re.finditer(rf"(?<![\w]){re.escape(keyword)}(?![\w])", text):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
            counts[kind] = counts.get(kind, 0) + 1
            break  # one hit per keyword, as before: a word repeated is not more evidence
    return counts


def project_kinds(snapshot: RepoSnapshot, rubric: Rubric) -> tuple[str, ...]:
    """Return the project kinds a repo shows (tabular, recommender, nlp, vision, ...)."""
    prose = " ".join(
        [split_name(snapshot.name), snapshot.name.lower(), (snapshot.description or "").lower()]
    )
    prose += "\n" + _readme_text(snapshot, rubric).lower()
    topics = " ".join(t.replace("-", " ") for t in snapshot.topics).lower()
    topics += "\n" + " ".join(snapshot.topics).lower()
    deps = " ".join(n for p, t in snapshot.dependency_files for n in dependency_names(p, t))
    keywords = sorted(
        ((kw, kind) for kind in rubric.kind_order for kw in rubric.kind_keywords.get(kind, ())),
        key=lambda pair: -len(pair[0]),
    )
    topic_hits = _hits(topics, keywords)
    dep_hits = _hits(deps, keywords)
    prose_hits = _hits(prose, keywords)
    paths = project_paths(snapshot, rubric)
    found = []
    for kind in rubric.kind_order:
        score = (
            topic_hits.get(kind, 0) * rubric.kind_topic_weight
            + dep_hits.get(kind, 0) * rubric.kind_dependency_weight
            + prose_hits.get(kind, 0)
        )
        if kind == "mlops" and any(
            p.rsplit("/", 1)[-1] in ("dockerfile", "docker-compose.yml", "procfile") for p in paths
        ):
            score += rubric.kind_topic_weight
        if score >= rubric.kind_min_hits:
            found.append(kind)
    return tuple(found)


def tutorial_of(snapshot: RepoSnapshot, rubric: Rubric) -> str | None:
    """Return the tutorial a repo is about (titanic, iris, mnist...) from name, description,
    topics and README title, or from its dataset named in the README body (a Kaggle
    competition or UCI link, a torchvision/Keras/scikit-learn loader); None when not one."""
    title = ""
    if snapshot.readme:
        doc = parse_readme(snapshot.readme, rubric.readme)
        title = doc.headings[0][1] if doc.headings else ""
    text = " ".join(
        [
            split_name(snapshot.name),
            snapshot.name.lower(),
            (snapshot.description or "").lower(),
            " ".join(snapshot.topics).lower(),
            " ".join(t.replace("-", " ") for t in snapshot.topics).lower(),
            split_name(title),
            title.lower(),
        ]
    )
    for tutorial, patterns in rubric.tutorials.items():
        if any(_contains(text, p) for p in patterns):
            return tutorial
    body = (snapshot.readme or "").lower()
    for tutorial, signs in rubric.tutorial_data.items():
        if any(sign in body for sign in signs):
            return tutorial
    return None


def _goes_beyond(readme: ReadmeScore, hygiene: RepoHygiene, rubric: Rubric) -> bool:
    passed = {c.id for c in hygiene.criteria if c.passed}
    return readme.score >= rubric.tutorial_min_readme and bool(
        passed & set(rubric.tutorial_needs_any)
    )


def review_repo(
    snapshot: RepoSnapshot,
    today: _dt.date | None = None,
    *,
    skill_finder: SkillFinder | None = None,
    local: bool = False,
    imports: Mapping[str, str] | Iterable[str] = (),
    rubric: Rubric,
) -> RepoReview:
    """Judge one repo: README score, hygiene, kinds, tutorial clone, skills shown.

    An empty, archived or forked repo is judged but set apart (``set_apart``): it shows no
    kinds, no skills and is no tutorial clone, since it is not current work of the candidate.
    """
    tree_known = bool(snapshot.files or snapshot.tree)
    files = [*snapshot.files, *snapshot.tree] if tree_known else None
    readme = score_readme(
        snapshot.readme,
        files,
        readme_path=snapshot.readme_path or "README.md",
        rubric=rubric.readme,
    )
    hygiene = judge_hygiene(snapshot, today, local=local, rubric=rubric)
    tutorial = tutorial_of(snapshot, rubric)
    if tutorial and _goes_beyond(readme, hygiene, rubric):
        tutorial = None
    kinds = project_kinds(snapshot, rubric)
    set_apart = _set_apart(snapshot)
    evidence = repo_evidence(snapshot, skill_finder, rubric=rubric, imports=imports)
    skills = tuple(sorted((e.skill for e in evidence), key=str.lower))
    if set_apart:
        kinds, tutorial, skills, evidence = (), None, (), ()
    return RepoReview(
        name=snapshot.name,
        fork=snapshot.fork,
        readme=readme,
        hygiene=hygiene,
        kinds=kinds,
        kind_labels=tuple((k, rubric.kind_shows.get(k, k)) for k in kinds),
        tutorial_clone=tutorial,
        skills=skills,
        url=snapshot.html_url,
        set_apart=set_apart,
        evidence=evidence,
    )


def repo_score(review: RepoReview, rubric: Rubric) -> float:
    """Score one repo 0-100: its share of the portfolio score (README, hygiene, originality).

    The portfolio weights of the three parts one repo carries are used, so a repo and a
    portfolio are judged alike; a tutorial clone gets no originality, a repo set apart (empty,
    archived, fork) scores 0: it is no current work of the candidate.
    """
    if review.set_apart:
        return 0.0
    w = rubric.portfolio_weights
    parts = (
        (w["readme"], review.readme.score),
        (w["hygiene"], review.hygiene.score),
        (w["originality"], 0.0 if review.tutorial_clone else 100.0),
    )
    total = sum(weight for weight, _ in parts) or 1.0
    return round(sum(weight * score for weight, score in parts) / total, 1)


def _set_apart(snapshot: RepoSnapshot) -> str | None:
    if snapshot.empty:
        return "empty"
    if snapshot.archived:
        return "archived"
    if snapshot.fork:
        return "fork"
    return None


def _failing(criteria: Iterable[Criterion], n: int = 3) -> list[Criterion]:
    return sorted((c for c in criteria if not c.passed), key=lambda c: -c.weight)[:n]


def _repo_findings(review: RepoReview, share: float, rubric: Rubric) -> list[Finding]:
    """Findings of one repo; `share` = portfolio points per README/hygiene point."""
    anchor = f"repo-{review.name}"
    out: list[Finding] = []
    readme_share = share * rubric.portfolio_weights["readme"] / 100
    hygiene_share = share * rubric.portfolio_weights["hygiene"] / 100
    if review.readme.score == 0 and not any(c.passed for c in review.readme.criteria):
        out.append(
            Finding(
                id="readme.missing",
                severity=Severity.HIGH,
                area=Area.README,
                message=f"The repo {review.name} has no README: visitors cannot tell what it does.",
                fix="Add a README.md: the problem, the data, the approach, results with metrics "
                "and how to run it.",
                anchor=anchor,
                impact=round(100 * readme_share * 0.6, 1),
            )
        )
    elif review.readme.score < 70:
        failing = _failing(review.readme.criteria)
        out.append(
            Finding(
                id="readme.weak",
                severity=Severity.HIGH if review.readme.score < 40 else Severity.MEDIUM,
                area=Area.README,
                message=f"The README of {review.name} scores {review.readme.score:.0f}/100.",
                fix=" ".join(c.fix for c in failing),
                evidence="; ".join(CHECK_WORDS.get(c.id, c.id) for c in failing),
                anchor=anchor,
                impact=round(sum(c.weight for c in failing) * readme_share, 1),
            )
        )
    if review.hygiene.score < 70:
        failing = _failing(review.hygiene.criteria)
        out.append(
            Finding(
                id="hygiene.weak",
                severity=Severity.MEDIUM if review.hygiene.score < 50 else Severity.LOW,
                area=Area.HYGIENE,
                message=f"The repo {review.name} scores {review.hygiene.score:.0f}/100 on "
                "engineering hygiene.",
                fix=" ".join(c.fix for c in failing),
                evidence="; ".join(CHECK_WORDS.get(c.id, c.id) for c in failing),
                anchor=anchor,
                impact=round(sum(c.weight for c in failing) * hygiene_share, 1),
            )
        )
    out.extend(substance_findings(review, anchor))
    if review.tutorial_clone:
        out.append(
            Finding(
                id="portfolio.tutorial_clone",
                severity=Severity.MEDIUM,
                area=Area.PORTFOLIO,
                message=f"The repo {review.name} looks like the "
                f"{review.tutorial_clone.replace('_', ' ')} tutorial every applicant has.",
                fix="Take it beyond the tutorial (your own data or question, feature "
                "engineering, tests, a deployed demo) and say so in the README, or unpin it "
                "and lead with original projects.",
                anchor=anchor,
                impact=round(rubric.portfolio_weights["originality"] * share, 1),
            )
        )
    return out


def substance_findings(review: RepoReview, anchor: str) -> list[Finding]:
    """Findings on what a repo holds: a committed environment, stub model files."""
    out: list[Finding] = []
    if review.hygiene.vendored:
        where = ", ".join(review.hygiene.vendored[:3])
        out.append(
            Finding(
                id="hygiene.vendored_environment",
                severity=Severity.MEDIUM,
                area=Area.HYGIENE,
                message=f"The repo {review.name} commits an installed environment ({where}): "
                "thousands of files that are not the project's code.",
                fix="Delete it from the repository, add it to .gitignore and declare the "
                "dependencies in requirements.txt or pyproject.toml instead.",
                evidence=where,
                anchor=anchor,
            )
        )
    if review.hygiene.stub_models:
        where = ", ".join(review.hygiene.stub_models[:3])
        out.append(
            Finding(
                id="hygiene.stub_model",
                severity=Severity.LOW,
                area=Area.HYGIENE,
                message=f"The repo {review.name} has model files of a few bytes ({where}): stubs, "
                "not trained models.",
                fix="Commit the trained model (Git LFS or a release asset) or a script that "
                "trains it, and say in the README how to get it.",
                evidence=where,
                anchor=anchor,
            )
        )
    return out


CHECK_WORDS = dict(README_CHECKS + HYGIENE_CHECKS)
"""What each failed README or hygiene check says, as the end of a sentence (findings.py)."""
CHECK_OWNER = {Area.README: "The README of {repo}", Area.HYGIENE: "The repo {repo}"}
"""The subject of a failed check's sentence, by area."""
CHECK_SCORE = {Area.README: "README", Area.HYGIENE: "hygiene"}
"""The score a failed check takes points from, by area."""


def repo_check_findings(repo: RepoReview) -> tuple[Finding, ...]:
    """Turn a repo's failed checks into findings (``mlcheck repo``), in the findings' order.

    README checks are high when the README scores under 40, else medium; hygiene checks are
    medium under 50, else low (as ``_repo_findings`` sets them); impact is the check's points.
    """
    anchor = f"repo-{repo.name}"
    readme = Severity.HIGH if repo.readme.score < 40 else Severity.MEDIUM
    hygiene = Severity.MEDIUM if repo.hygiene.score < 50 else Severity.LOW
    findings = [
        Finding(
            id=criterion.id,
            severity=severity,
            area=area,
            message=f"{CHECK_OWNER[area].format(repo=repo.name)} "
            f"{CHECK_WORDS.get(criterion.id, 'fails one of its checks')} "
            f"({criterion.weight:g} points of its {CHECK_SCORE[area]} score).",
            fix=criterion.fix,
            evidence=", ".join(repo.hygiene.junk)
            if criterion.id == "hygiene.clean_tree" and repo.hygiene.junk
            else None,
            anchor=anchor,
            impact=criterion.weight,
        )
        for area, severity, criteria in (
            (Area.README, readme, repo.readme.criteria),
            (Area.HYGIENE, hygiene, repo.hygiene.criteria),
        )
        for criterion in criteria
        if not criterion.passed
    ]
    findings.extend(substance_findings(repo, anchor))
    return order_findings(merge_findings(findings))


def _profile_findings(user: UserProfile, rubric: Rubric) -> tuple[float, list[Finding]]:
    """Score the profile basics 0-1 and say what is missing."""
    checks = rubric.profile_checks
    total = sum(checks.values()) or 1.0
    weight = rubric.portfolio_weights["profile"]
    passed = {
        "name": bool(user.name),
        "bio": bool(user.bio),
        "profile_readme": user.has_profile_readme,
        "blog": bool(user.blog),
    }
    fixes = {
        "name": (
            "portfolio.no_name",
            "The profile shows no name.",
            "Set your full name in the GitHub profile so recruiters can match it to your resume.",
        ),
        "bio": (
            "portfolio.no_bio",
            "The profile has no bio.",
            "Write a one-line bio: your role "
            "and focus, e.g. 'ML engineer: NLP, recommender systems, MLOps'.",
        ),
        "profile_readme": (
            "portfolio.no_profile_readme",
            "There is no profile README.",
            f"Create the repo {user.login}/{user.login} with a README that "
            "introduces you and links your best three projects.",
        ),
        "blog": (
            "portfolio.no_link",
            "The profile links no website, blog or LinkedIn.",
            "Add your LinkedIn or portfolio site in the profile's website field.",
        ),
    }
    score = sum(checks[k] for k, ok in passed.items() if ok and k in checks) / total
    findings = [
        Finding(
            id=fixes[k][0],
            severity=Severity.LOW,
            area=Area.PORTFOLIO,
            message=fixes[k][1],
            fix=fixes[k][2],
            anchor="profile",
            impact=round(weight * checks.get(k, 0) / total, 1),
        )
        for k, ok in passed.items()
        if not ok
    ]
    return score, findings


def review_portfolio(
    portfolio: Portfolio,
    today: _dt.date | None = None,
    *,
    skill_finder: SkillFinder | None = None,
    rubric: Rubric,
) -> PortfolioReview:
    """Judge a fetched portfolio: every repo, the kinds, clones, profile, a score, findings."""
    today = today or _dt.date.today()
    warnings = list(portfolio.warnings)
    reviews: list[RepoReview] = []
    for snapshot in portfolio.repos:
        if snapshot.error:
            warnings.append(f"Repo {snapshot.name} not reviewed: {snapshot.error}.")
            continue
        reviews.append(review_repo(snapshot, today, skill_finder=skill_finder, rubric=rubric))
    # empty and archived repos are shown apart, like forks: they are no evidence of skills,
    # kinds or variety, and are not told to add CI
    own = [r for r in reviews if not r.fork and not r.set_apart]
    apart = [r for r in reviews if not r.fork and r.set_apart]
    reviews = own + apart + [r for r in reviews if r.fork]
    weights = rubric.portfolio_weights
    findings: list[Finding] = []

    profile_score, profile_findings = _profile_findings(portfolio.user, rubric)
    findings.extend(profile_findings)
    kinds = tuple(k for k in rubric.kind_order if any(k in r.kinds for r in own))
    clones = tuple(r.name for r in own if r.tutorial_clone)

    if not own:
        if apart:
            shown = ", ".join(f"{r.name} ({r.set_apart})" for r in apart[:5])
            message = f"No public repo of your own shows current work: {shown}."
        elif portfolio.forks:
            message = "Every public repo is a fork: forks are not your own work."
        else:
            message = "The account has no public repositories of its own."
        findings.append(
            Finding(
                id="portfolio.empty",
                severity=Severity.HIGH,
                area=Area.PORTFOLIO,
                message=message,
                fix="Publish 3-4 of your own projects: a tabular regression/classification, a "
                "recommender or NLP project, a deep-learning project and a deployed app.",
                anchor="profile",
                impact=round(100 - weights["profile"], 1),
            )
        )
        score = round(weights["profile"] * profile_score, 1)
    else:
        best = sorted(own, key=lambda r: -r.readme.score)[: rubric.top_repos]
        scale = min(1.0, len(own) / max(1, rubric.min_projects))
        readme_part = sum(r.readme.score for r in best) / len(best) / 100 * scale
        hygiene_part = sum(r.hygiene.score for r in best) / len(best) / 100 * scale
        steps = rubric.growth_story
        covered = [any(k in kinds for k in step) for step in steps]
        variety = sum(covered) / len(steps) if steps else 1.0
        originality = 1 - len(clones) / len(own)
        score = round(
            weights["readme"] * readme_part
            + weights["hygiene"] * hygiene_part
            + weights["variety"] * variety
            + weights["originality"] * originality
            + weights["profile"] * profile_score,
            1,
        )
        share = scale / len(best)
        for review in own:
            in_best = review in best
            findings.extend(_repo_findings(review, share if in_best else share / 4, rubric))
        for ok, label in zip(covered, rubric.growth_story_labels, strict=False):
            if not ok:
                findings.append(
                    Finding(
                        id="portfolio.missing_kind",
                        severity=Severity.MEDIUM,
                        area=Area.PORTFOLIO,
                        message=f"No project shows {label}.",
                        fix=f"Add {label}, with a README that tells the problem, data, "
                        "approach and results.",
                        evidence=", ".join(kinds) or None,
                        anchor="portfolio",
                        impact=round(weights["variety"] / max(1, len(steps)), 1),
                    )
                )
        if len(own) < rubric.min_projects:
            findings.append(
                Finding(
                    id="portfolio.few_projects",
                    severity=Severity.MEDIUM,
                    area=Area.PORTFOLIO,
                    message=f"Only {len(own)} project(s) of your own are public.",
                    fix=f"Publish at least {rubric.min_projects} self-directed projects that "
                    "tell a growth story.",
                    anchor="portfolio",
                    impact=round((1 - scale) * (weights["readme"] + weights["hygiene"]), 1),
                )
            )
        judged = {r.name for r in own}
        pushed = [s.pushed_at for s in portfolio.repos if s.pushed_at and s.name in judged]
        if pushed and (today - max(pushed).date()).days > rubric.hygiene.stale_days:
            findings.append(
                Finding(
                    id="portfolio.stale",
                    severity=Severity.MEDIUM,
                    area=Area.PORTFOLIO,
                    message=f"No repo has been updated since {max(pushed).date().isoformat()}.",
                    fix="Push recent work: improve your best project (tests, README results, a "
                    "deployed demo) so the profile shows current activity.",
                    anchor="portfolio",
                )
            )
    if len(portfolio.forks) > len(own) and own:
        findings.append(
            Finding(
                id="portfolio.many_forks",
                severity=Severity.LOW,
                area=Area.PORTFOLIO,
                message=f"Forks ({len(portfolio.forks)}) outnumber your own repos ({len(own)}).",
                fix="Pin your own projects on the profile; archive or delete forks you never "
                "changed.",
                anchor="portfolio",
            )
        )
    if portfolio.partial:
        findings.append(
            Finding(
                id="portfolio.partial",
                severity=Severity.LOW,
                area=Area.PORTFOLIO,
                message="Some repos could not be fetched; the review covers part of the profile.",
                fix="Run again after the rate limit resets, or with a GitHub token "
                "(5,000 requests/hour).",
                evidence="; ".join(portfolio.warnings[:2]) or None,
                anchor="portfolio",
            )
        )
    findings.sort(key=lambda f: (-f.impact, f.id, f.anchor or ""))
    return PortfolioReview(
        user=portfolio.user,
        repos=tuple(reviews),
        kinds=kinds,
        tutorial_clones=clones,
        score=max(0.0, min(100.0, score)),
        findings=tuple(findings),
        requests_used=portfolio.requests_used,
        partial=portfolio.partial,
        warnings=tuple(warnings),
        forks=tuple(f.name for f in portfolio.forks),
        kind_labels=tuple((k, rubric.kind_shows.get(k, k)) for k in rubric.kind_order),
    )
