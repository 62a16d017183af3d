"""Small stand-ins for the NLP stage, used until (or where) the real one is not needed.

FakeSkills matches a handful of skills whole-word, aliases to canonical names, the way the
real matcher does; the tests that need the real taxonomy use ``real_resources()``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analyzer.models import (
    Bullet,
    BulletIssue,
    BulletReview,
    Contact,
    Entry,
    LayoutFacts,
    Line,
    Link,
    PillarCoverage,
    ResumeDocument,
    ResumeProfile,
    Roadmap,
    Section,
    Skill,
    SkillMention,
)
from analyzer.nlp.interface import PillarExpectation, RoleProfile, SkillDef, Taxonomy

SKILLS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Python": ("programming", ("python",)),
    "Go": ("programming", ("Go", "golang")),
    "SQL": ("programming", ("sql",)),
    "machine learning": ("classical_ml", ("machine learning", "ML")),
    "Google Cloud": ("cloud", ("google cloud", "GCP", "google cloud platform")),
    "Kubernetes": ("mlops", ("kubernetes", "k8s")),
    "Docker": ("mlops", ("docker",)),
    "PyTorch": ("deep_learning", ("pytorch",)),
    "TensorFlow": ("deep_learning", ("tensorflow",)),
    "Spark": ("data", ("spark", "apache spark")),
    "AWS": ("cloud", ("aws", "amazon web services")),
    "scikit-learn": ("classical_ml", ("scikit-learn", "sklearn")),
    "MLflow": ("mlops", ("mlflow",)),
    "Airflow": ("mlops", ("airflow",)),
}


def taxonomy() -> Taxonomy:
    """A tiny taxonomy with one ML-engineer role."""
    skills = tuple(
        SkillDef(name=name, category=cat, aliases=aliases)
        for name, (cat, aliases) in SKILLS.items()
    )
    role = RoleProfile(
        id="machine_learning_engineer",
        name="Machine Learning Engineer",
        titles=("machine learning engineer", "ml engineer", "mlops engineer", "ai engineer"),
        pillars=(PillarExpectation("mlops", ("Docker", "Kubernetes")),),
    )
    return Taxonomy(categories=(), skills=skills, roles=(role,))


@dataclass
class FakeSkills:
    """Whole-word alias matcher; upper-case aliases match case-sensitively."""

    patterns: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name, (_cat, aliases) in SKILLS.items():
            for alias in (name, *aliases):
                flags = 0 if alias.isupper() or alias == "Go" else re.IGNORECASE
                pattern = re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", flags)
                self.patterns.append((name, pattern))

    def find_in_text(self, text: str, section: str) -> list[SkillMention]:
        """Return one mention per occurrence (longest alias wins at a position)."""
        hits: dict[int, tuple[int, str]] = {}
        for name, pattern in self.patterns:
            for m in pattern.finditer(text):
                end, _ = hits.get(m.start(), (-1, ""))
                if m.end() > end:
                    hits[m.start()] = (m.end(), name)
        used = section in ("experience", "projects")
        return [
            SkillMention(skill=name, section=section, sentence=text, used=used)
            for _start, (_end, name) in sorted(hits.items())
        ]


@dataclass
class FakeResources:
    """Taxonomy and matcher, shaped like analyzer.nlp.resources.Resources."""

    taxonomy: Taxonomy = field(default_factory=taxonomy)
    skills: FakeSkills = field(default_factory=FakeSkills)


# --------------------------------------------------------------------------- documents, profiles

HEADINGS = {
    "summary": "summary",
    "experience": "experience",
    "work experience": "experience",
    "projects": "projects",
    "education": "education",
    "skills": "skills",
}


def text_document(text: str, **layout: object) -> ResumeDocument:
    """Build a ResumeDocument from plain resume text: UPPER-CASE headings, "- " bullets.

    A line "Role | Organisation | dates" under EXPERIENCE starts an entry.
    """
    lines = [line.rstrip() for line in text.strip().split("\n")]
    sections: list[Section] = []
    bullets: list[Bullet] = []
    entries: list[Entry] = []
    name, heading, body = "contact", "", []

    def close() -> None:
        sections.append(Section(name, heading, "\n".join(body), len(sections)))

    for line in lines:
        key = line.strip().lower()
        if line.isupper() and key in HEADINGS or key in ("other stuff", "hobbies & fun"):
            close()
            name, heading, body = HEADINGS.get(key, "other"), line.strip(), []
            continue
        body.append(line)
        if line.startswith("- "):
            entry = len(entries) - 1 if entries and name == "experience" else None
            bullets.append(Bullet(f"b{len(bullets)}", line[2:], name, entry))
        elif name == "experience" and line.count("|") == 2:
            role, org, dates = (p.strip() for p in line.split("|"))
            entries.append(Entry("experience", role, org, dates, current="Present" in dates))
    close()
    email = re.search(r"[\w.]+@[\w.]+", text)
    phone = re.search(r"\+?\d[\d ()-]{8,}\d", text)
    links = tuple(
        Link(m.group(0), "github" if "github" in m.group(0) else "linkedin", "text")
        for m in re.finditer(r"(?:github\.com|linkedin\.com/in)/\w+", text)
    )
    return ResumeDocument(
        path="resume.txt",
        format=str(layout.pop("format", "txt")),
        pages=int(layout.pop("pages", 1)),  # type: ignore[call-overload]
        size_bytes=int(layout.pop("size_bytes", len(text.encode()))),  # type: ignore[call-overload]
        text=text,
        lines=tuple(Line(t, 1) for t in lines if t.strip()),
        sections=tuple(sections),
        bullets=tuple(bullets),
        entries=tuple(entries),
        contact=Contact(
            name=lines[0].strip(),
            email=email.group(0) if email else None,
            phone=phone.group(0) if phone else None,
            links=links,
        ),
        layout=LayoutFacts(**layout),  # type: ignore[arg-type]
    )


def fake_profile(
    document: ResumeDocument,
    resources: FakeResources | None = None,
    years: float | None = None,
    degree: str | None = None,
) -> ResumeProfile:
    """Build a profile the way the NLP stage does: skills per section, used in bullets."""
    resources = resources or FakeResources()
    found: dict[str, list[SkillMention]] = {}
    for section in document.sections:
        for mention in resources.skills.find_in_text(section.text, section.name):
            found.setdefault(mention.skill, []).append(mention)
    skills = tuple(
        Skill(
            name=name,
            category=SKILLS[name][0],
            mentions=len(mentions),
            sections=tuple(sorted({m.section for m in mentions})),
            used=any(m.used for m in mentions),
            evidence=tuple(mentions),
        )
        for name, mentions in sorted(found.items())
    )
    reviews = tuple(
        BulletReview(
            bullet=b.id,
            text=b.text,
            section=b.section,
            quantified=bool(re.search(r"\d", b.text)),
            action_verb=not b.text.lower().startswith(("responsible", "worked", "helped")),
            issues=()
            if re.search(r"\d", b.text)
            else (BulletIssue("no_metric", "No number.", "Add the result as a number."),),
        )
        for b in document.bullets
    )
    roadmap = Roadmap(
        pillars=(
            PillarCoverage(
                "mlops",
                tuple(s.name for s in skills if s.category == "mlops"),
                ("Docker", "Kubernetes"),
            ),
        ),
        stage="Job seeker",
    )
    return ResumeProfile(
        skills=skills,
        achievements=(),
        bullet_reviews=reviews,
        roadmap=roadmap,
        years_experience=years,
        degree=degree,
    )
