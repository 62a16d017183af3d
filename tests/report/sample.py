"""Realistic ResumeAnalysis objects built by hand, for the report tests and the screenshot script.

The renderers are tested against the shared dataclasses alone, without running the reading,
NLP, ATS or GitHub stages.
"""

from __future__ import annotations

import dataclasses

from analyzer.findings import Finding, Severity
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
    HiddenText,
    JobPosting,
    KeywordMatch,
    LayoutFacts,
    Line,
    Link,
    Metric,
    PillarCoverage,
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
    SkillMention,
    UserProfile,
)
from analyzer.nlp.bullets import suggest_shape
from analyzer.rules import shipped_rules

RUBRIC = shipped_rules().portfolio
LANGUAGE = shipped_rules().language
STAGES = tuple(stage.name for stage in shipped_rules().stages.stages)

HOSTILE = (
    '<script>alert(1)</script> "><img src=x onerror=alert(1)> '
    "javascript:alert(1) [click](javascript:alert(1)) | @octocat \x1b[31mred\x1b[0m"
)
"""Text that must never run, break out of an attribute or table, or colour a terminal."""

SUMMARY = (
    "Machine learning engineer with 4 years of experience building and deploying models\n"
    "for recommendation and fraud detection."
)

BULLETS = (
    (
        "experience",
        0,
        "Built a real-time fraud detection model with XGBoost and scikit-learn, "
        "cutting chargebacks by 23%",
    ),
    ("experience", 0, "Responsible for the feature pipeline in Spark and SQL"),
    (
        "experience",
        0,
        "Served the model behind a FastAPI service on Docker, handling 5k requests/s at 40 ms p95",
    ),
    (
        "experience",
        1,
        "Worked on a recommender system with collaborative filtering for the homepage",
    ),
    ("experience", 1, "Cleaned and joined customer data from three warehouses"),
    (
        "projects",
        2,
        "Fine-tuned a BERT transformer in PyTorch for support-ticket routing, reaching 0.91 F1",
    ),
    ("projects", 2, "Wrote a blog post explaining the model to non-technical readers"),
)


def _document(hostile: bool = False) -> ResumeDocument:
    bullets = tuple(
        Bullet(
            id=f"b{i}",
            text=(text + " " + HOSTILE) if hostile and i == 1 else text,
            section=section,
            entry=entry,
        )
        for i, (section, entry, text) in enumerate(BULLETS)
    )
    experience_text = "\n".join(
        [
            "Acme Payments, Senior ML Engineer, 2022 - Present",
            *("• " + b.text for b in bullets[:3]),
            "Shoply, ML Engineer, 2020 - 2022",
            *("• " + b.text for b in bullets[3:5]),
        ]
    )
    projects_text = "\n".join(
        ["Ticket router (open source)", *("• " + b.text for b in bullets[5:])]
    )
    sections = (
        Section("contact", "", "Jane Doe\njane@example.com | +44 20 7946 0000 | London", 0),
        Section("summary", "Summary", SUMMARY + (" " + HOSTILE if hostile else ""), 1),
        Section("experience", "Work Experience", experience_text, 2),
        Section("projects", "Projects", projects_text, 3),
        Section(
            "skills",
            "Skills",
            "Python, SQL, PyTorch, scikit-learn, XGBoost, Spark, Docker, "
            "FastAPI, Git, Pandas, NumPy",
            4,
        ),
        Section("education", "Education", "MSc Computer Science, University of Leeds, 2020", 5),
    )
    text = "\n".join(s.text if not s.heading else f"{s.heading}\n{s.text}" for s in sections)
    lines = tuple(Line(text=t, page=1) for t in text.splitlines())
    entries = (
        Entry(
            "experience",
            "Senior ML Engineer",
            "Acme Payments",
            "2022 - Present",
            current=True,
            bullets=("b0", "b1", "b2"),
        ),
        Entry("experience", "ML Engineer", "Shoply", "2020 - 2022", bullets=("b3", "b4")),
        Entry("projects", None, "Ticket router", None, bullets=("b5", "b6")),
    )
    contact = Contact(
        name="Jane Doe" if not hostile else "Jane <b>Doe</b> " + HOSTILE,
        email="jane@example.com",
        phone="+44 20 7946 0000",
        location="London",
        links=(
            Link("https://github.com/janedoe", "github", "text"),
            Link("https://linkedin.com/in/janedoe", "linkedin", "annotation"),
        )
        + ((Link("javascript:alert(1)", "website", "annotation"),) if hostile else ()),
    )
    layout = LayoutFacts(
        columns=1,
        tables=0,
        hidden=(HiddenText(HOSTILE if hostile else "kubernetes kubernetes", 1, "colour"),),
        fonts=("Helvetica",),
    )
    return ResumeDocument(
        path="examples/resume.pdf",
        format="pdf",
        pages=1,
        size_bytes=48213,
        text=text,
        lines=lines,
        sections=sections,
        bullets=bullets,
        entries=entries,
        contact=contact,
        layout=layout,
    )


def _skill(name: str, category: str, used: bool, bullet: str | None = None) -> Skill:
    section = "experience" if used else "skills"
    mention = SkillMention(name, section, f"... {name} ...", used, bullet)
    return Skill(name, category, 1, (section,), used, (mention,))


def _profile(document: ResumeDocument, achievements: bool = True) -> ResumeProfile:
    skills = (
        _skill("Docker", "mlops", True, "b2"),
        _skill("FastAPI", "mlops", True, "b2"),
        _skill("Git", "programming", False),
        _skill("NumPy", "python_data_stack", False),
        _skill("Pandas", "python_data_stack", False),
        _skill("PyTorch", "deep_learning", True, "b5"),
        _skill("Python", "programming", False),
        _skill("SQL", "programming", True, "b1"),
        _skill("Spark", "data_handling", True, "b1"),
        _skill("XGBoost", "classical_ml", True, "b0"),
        _skill("scikit-learn", "classical_ml", True, "b0"),
        _skill("transformers", "deep_learning", True, "b5"),
    )
    found = (
        Achievement(
            document.bullets[0].text, "experience", (Metric("percent", 23.0, "by 23%"),), "b0"
        ),
        Achievement(
            document.bullets[2].text,
            "experience",
            (Metric("rate", 5000.0, "5k requests/s"), Metric("time", 40.0, "40 ms")),
            "b2",
        ),
        Achievement(
            document.bullets[5].text, "projects", (Metric("count", 0.91, "0.91 F1"),), "b5"
        ),
    )
    quantified = {"b0", "b2", "b5"} if achievements else set()
    weak = {"b1", "b3"}
    reviews = []
    for bullet in document.bullets:
        issues = []
        if bullet.id in weak:
            issues.append(
                BulletIssue(
                    "weak_opener",
                    "Opens with a weak phrase.",
                    "Start with an action verb: Built, Designed, Cut.",
                )
            )
        if bullet.id not in quantified:
            issues.append(
                BulletIssue(
                    "no_metric", "No measured result.", "Add the number that shows the result."
                )
            )
        reviews.append(
            BulletReview(
                bullet.id,
                bullet.text,
                bullet.section,
                bullet.id in quantified,
                bullet.id not in weak,
                tuple(issues),
                None if bullet.id in quantified else suggest_shape(bullet.text, LANGUAGE),
            )
        )
    roadmap = Roadmap(
        pillars=(
            PillarCoverage(
                "programming", "Programming", ("Git", "Python", "SQL"), ("Python", "SQL", "Git"), ()
            ),
            PillarCoverage(
                "python_data_stack",
                "Python data stack",
                ("NumPy", "Pandas"),
                ("NumPy", "Pandas", "Matplotlib"),
                ("Matplotlib",),
            ),
            PillarCoverage(
                "math_statistics",
                "Math & statistics",
                (),
                ("statistics", "linear algebra"),
                ("statistics", "linear algebra"),
            ),
            PillarCoverage(
                "classical_ml",
                "Classical machine learning",
                ("XGBoost", "scikit-learn"),
                ("scikit-learn", "XGBoost", "random forest"),
                ("random forest",),
            ),
            PillarCoverage(
                "deep_learning",
                "Deep learning",
                ("PyTorch", "transformers"),
                ("PyTorch", "TensorFlow"),
                ("TensorFlow",),
            ),
            PillarCoverage(
                "mlops",
                "MLOps & deployment",
                ("Docker", "FastAPI"),
                ("Docker", "Kubernetes", "CI/CD", "model monitoring"),
                ("Kubernetes", "CI/CD", "model monitoring"),
            ),
            PillarCoverage("cloud", "Cloud", (), ("AWS",), ("AWS",)),
            PillarCoverage("communication", "Communication", ("blogging",), (), ()),
        ),
        stage="Job seeker",
        stages=STAGES,
        reasons=(
            "Shows a deep learning framework and deployed a model behind an API.",
            "No cloud platform or orchestration yet.",
        ),
        next_steps=(
            "Deploy one project on AWS (S3, SageMaker) and say so on the resume.",
            "Add Kubernetes and a CI/CD pipeline to the fraud model project.",
            "Show statistics: an A/B test or hypothesis test with its result.",
        ),
    )
    return ResumeProfile(
        skills=skills,
        achievements=found if achievements else (),
        bullet_reviews=tuple(reviews),
        roadmap=roadmap,
        years_experience=4.5,
        degree="master",
    )


def _posting(hostile: bool = False) -> JobPosting:
    text = (
        "Senior Machine Learning Engineer\nRequirements: Python, PyTorch, Docker, Kubernetes, "
        "AWS, SQL. 3+ years. Nice to have: Spark, Airflow."
    )
    return JobPosting(
        path="examples/posting.txt",
        text=text + (" " + HOSTILE if hostile else ""),
        title="Senior Machine Learning Engineer" + (" " + HOSTILE if hostile else ""),
        required_skills=("Python", "PyTorch", "Docker", "Kubernetes", "AWS", "SQL"),
        preferred_skills=("Spark", "Airflow"),
        skill_counts=(
            ("Python", 3),
            ("PyTorch", 2),
            ("Docker", 2),
            ("Kubernetes", 2),
            ("AWS", 2),
            ("SQL", 1),
            ("Spark", 1),
            ("Airflow", 1),
        ),
        keywords=("fraud", "real-time") + ((HOSTILE,) if hostile else ()),
        years_required=3.0,
        degree_required="bachelor",
    )


def _match(hostile: bool = False) -> AtsMatch:
    def km(
        keyword: str, importance: str, count: int, found: tuple[str, ...] = (), used: bool = False
    ) -> KeywordMatch:
        return KeywordMatch(keyword, importance, count, found, used)

    missing = [
        km("Kubernetes", "required", 2),
        km("AWS", "required", 2),
        km("Airflow", "preferred", 1),
    ]
    if hostile:
        missing.append(km(HOSTILE, "keyword", 1))
    return AtsMatch(
        score=64.0,
        similarity=0.41,
        title_match=0.5,
        matched=(
            km("Python", "required", 3, ("skills",), False),
            KeywordMatch(
                "PyTorch", "required", 2, ("projects", "skills"), True, ("PyTorch", "JAX")
            ),
            KeywordMatch(
                "model deployment",
                "required",
                1,
                ("experience",),
                True,
                satisfied_by=HOSTILE if hostile else "deployed 12 models",
            ),
            KeywordMatch("code review", "required", 1, ("experience",), True, generic=True),
            km("Docker", "required", 2, ("experience", "skills"), True),
            km("SQL", "required", 1, ("experience", "skills"), True),
            km("Spark", "preferred", 1, ("experience", "skills"), True),
            km("fraud", "keyword", 2, ("experience",), True),
        ),
        missing=tuple(missing),
        years=Requirement(3.0, 4.5, True),
        degree=Requirement("bachelor", "master", True),
        scoring_version="1",
        posting_title="Senior Machine Learning Engineer",
        components=(
            ("required skills", 40.0, 60.0),
            ("preferred skills", 5.0, 10.0),
            ("title", 5.0, 10.0),
            ("similarity", 8.0, 10.0),
            ("years and degree", 6.0, 10.0),
        ),
    )


def _from_a_newer_mlcheck(finding: Finding, **fields: str) -> Finding:
    """Return the finding with an id and area this version does not know.

    Finding() refuses them (analyzer/findings.py); a report of a saved analysis from a newer
    mlcheck may still meet them, and must put them somewhere ("Other findings").
    """
    for name, value in fields.items():
        object.__setattr__(finding, name, value)
    return finding


def _findings(hostile: bool = False) -> tuple[Finding, ...]:
    evidence_b1 = BULLETS[1][2] + (" " + HOSTILE if hostile else "")
    findings = [
        Finding(
            "ats.missing_required_skill",
            Severity.HIGH,
            "ats",
            "The posting requires Kubernetes; the resume never names it.",
            "If you have used Kubernetes, add it to a bullet that shows it in use, e.g. "
            "how you deployed the fraud model.",
            "Kubernetes",
            None,
            impact=8.0,
        ),
        Finding(
            "ats.missing_required_skill",
            Severity.HIGH,
            "ats",
            "The posting requires AWS; the resume never names it.",
            "Name the AWS services you used (S3, SageMaker) in the bullet where you used them.",
            "AWS",
            None,
            impact=8.0,
        ),
        Finding(
            "content.bullet_no_metric",
            Severity.MEDIUM,
            "bullets",
            "This bullet has no measured result.",
            "Add the number that shows the result, e.g. rows processed a day or hours saved.",
            evidence_b1,
            "b1",
            impact=4.0,
        ),
        Finding(
            "content.bullet_weak_opener",
            Severity.MEDIUM,
            "bullets",
            "Opens with \u201cWorked on\u201d, which hides what you did.",
            "Start with what you did: \u201cBuilt a recommender...\u201d.",
            BULLETS[3][2],
            "b3",
            impact=3.0,
        ),
        Finding(
            "readability.hidden_text",
            Severity.MEDIUM,
            "readability",
            "The file holds white text a reader cannot see.",
            "Remove the hidden text; ATS vendors flag keyword stuffing.",
            HOSTILE if hostile else "kubernetes kubernetes",
            "section-0",
            impact=2.5,
        ),
        Finding(
            "content.skills_only_listed",
            Severity.LOW,
            "skills",
            "Python is listed but not shown in use.",
            "Mention Python in the bullet of a project that used it.",
            "Python",
            "section-4",
            impact=1.5,
        ),
        Finding(
            "content.no_bullets",
            Severity.LOW,
            "content",
            "The summary has no headline result.",
            "Open the summary with your biggest measured result.",
            SUMMARY,
            "section-1",
            impact=1.0,
        ),
        _from_a_newer_mlcheck(
            Finding(
                "content.no_github",
                Severity.LOW,
                "content",
                "An unusual finding from a future stage.",
                "Check that every area lands somewhere in the report.",
                None,
                None,
                impact=0.5,
            ),
            id="profile.unknown_area",
            area="misc",
        ),
    ]
    if hostile:
        findings.append(
            Finding(
                "ats.title_mismatch",
                Severity.HIGH,
                "ats",
                HOSTILE,
                HOSTILE,
                HOSTILE,
                'b1" onmouseover="alert(1)',
                impact=9.9,
            )
        )
        findings.append(
            Finding(
                "ats.missing_keywords",
                Severity.LOW,
                "ats",
                "Anchor is a link",
                "Never follow it.",
                None,
                "javascript:alert(1)",
                impact=0.1,
            )
        )
    return tuple(sorted(findings, key=lambda f: -f.impact))


def _criteria(passed: tuple[bool, ...], prefix: str) -> tuple[Criterion, ...]:
    names = {
        "readme": ("description", "data", "results", "install", "visuals"),
        "hygiene": ("license", "tests", "ci", "dependencies", "description"),
    }[prefix]
    return tuple(
        Criterion(
            f"{prefix}.{name}",
            ok,
            20.0,
            f"Add a {name} part." if prefix == "readme" else f"Add {name}.",
        )
        for name, ok in zip(names, passed, strict=True)
    )


def _portfolio(hostile: bool = False) -> PortfolioReview:
    def repo(
        name: str,
        readme: tuple[bool, ...],
        hygiene: tuple[bool, ...],
        kinds: tuple[str, ...],
        clone: str | None = None,
        fork: bool = False,
    ) -> RepoReview:
        r, h = _criteria(readme, "readme"), _criteria(hygiene, "hygiene")
        return RepoReview(
            name=name,
            fork=fork,
            readme=ReadmeScore(sum(c.weight for c in r if c.passed), r),
            hygiene=RepoHygiene(sum(c.weight for c in h if c.passed), h, "Python"),
            kinds=kinds,
            tutorial_clone=clone,
            skills=("Python",),
            url=f"https://github.com/janedoe/{name}",
            kind_labels=tuple((k, RUBRIC.kind_shows[k]) for k in RUBRIC.kind_order if k in kinds),
        )

    repos = [
        repo(
            "fraud-detector",
            (True, True, True, True, False),
            (True, True, True, True, True),
            ("tabular", "mlops"),
        ),
        repo(
            "ticket-router",
            (True, True, True, False, False),
            (True, False, False, True, True),
            ("nlp",),
        ),
        repo(
            "titanic",
            (False, False, False, False, False),
            (False, False, False, False, False),
            ("tabular",),
            clone="titanic",
        ),
    ]
    if hostile:
        repos.append(
            repo(
                'x"><script>alert(1)</script>',
                (False,) * 5,
                (False,) * 5,
                (HOSTILE,),
                clone=HOSTILE,
            )
        )
    findings = [
        Finding(
            "readme.install",
            Severity.MEDIUM,
            "readme",
            "ticket-router's README does not say how to install and run it.",
            "Add an Install and Usage part with the exact commands.",
            None,
            "repo-ticket-router",
            impact=2.0,
        ),
        Finding(
            "portfolio.tutorial_clone",
            Severity.LOW,
            "portfolio",
            "titanic looks like the Titanic tutorial.",
            "Take it beyond the tutorial or unpin it.",
            "titanic",
            "repo-titanic",
            impact=1.0,
        ),
    ]
    return PortfolioReview(
        user=UserProfile(
            login="janedoe",
            name="Jane Doe" if not hostile else HOSTILE,
            bio=HOSTILE if hostile else "ML engineer",
            blog="javascript:alert(1)" if hostile else None,
            public_repos=len(repos),
        ),
        repos=tuple(repos),
        kinds=("tabular", "mlops", "nlp") + ((HOSTILE,) if hostile else ()),
        tutorial_clones=("titanic",),
        score=58.0,
        findings=tuple(findings),
        kind_labels=tuple((k, RUBRIC.kind_shows[k]) for k in RUBRIC.kind_order),
    )


def sample_analysis(hostile: bool = False) -> ResumeAnalysis:
    """Return a full analysis: resume, posting, match and portfolio, ordered findings."""
    document = _document(hostile)
    return ResumeAnalysis(
        document=document,
        profile=_profile(document),
        quality_score=71.0,
        findings=_findings(hostile),
        posting=_posting(hostile),
        match=_match(hostile),
        portfolio=_portfolio(hostile),
        cross_check=_cross_check(hostile),
    )


def _cross_check(hostile: bool = False) -> CrossCheck:
    return CrossCheck(
        claimed_without_evidence=("Spark", "XGBoost") + ((HOSTILE,) if hostile else ()),
        evidence_not_claimed=("Matplotlib", "pytest"),
        findings=(
            Finding(
                "crosscheck.claimed_without_evidence",
                Severity.LOW,
                "portfolio",
                "Spark is on the resume but in none of your repos.",
                "Add a small Spark job to a public repo, or link the work that shows it.",
                "Spark",
                None,
                impact=0.8,
            ),
        ),
    )


def no_job_analysis() -> ResumeAnalysis:
    """Return the sample without a posting or a portfolio."""
    analysis = sample_analysis()
    findings = tuple(f for f in analysis.findings if f.area != "ats")
    return dataclasses.replace(
        analysis, posting=None, match=None, portfolio=None, findings=findings
    )


def no_achievements_analysis() -> ResumeAnalysis:
    """Return the sample with no measured results anywhere."""
    analysis = sample_analysis()
    return dataclasses.replace(analysis, profile=_profile(analysis.document, achievements=False))


def empty_analysis() -> ResumeAnalysis:
    """Return an analysis of a resume with nothing in it: no sections, bullets or findings."""
    document = ResumeDocument(
        path="empty.txt",
        format="txt",
        pages=1,
        size_bytes=0,
        text="",
        lines=(),
        sections=(),
        bullets=(),
        entries=(),
        contact=Contact(),
        layout=LayoutFacts(),
    )
    profile = ResumeProfile(
        skills=(),
        achievements=(),
        bullet_reviews=(),
        roadmap=Roadmap(pillars=(), stage="Beginner", stages=STAGES),
    )
    return ResumeAnalysis(document=document, profile=profile, quality_score=0.0, findings=())
