"""Resumes written as plain text for the matching tests, read without the PDF reader.

``text_document`` builds a ResumeDocument from UPPER-CASE headings and "- " bullets so a test
can say exactly what the resume holds; ``fake_profile`` stands in for the NLP stage's profile
builder using the REAL skill matcher, with years and degree given by the test.
"""

from __future__ import annotations

import re

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
)
from analyzer.nlp.resources import Resources
from analyzer.nlp.skills import skills_from_mentions

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
    resources: Resources,
    years: float | None = None,
    degree: str | None = None,
) -> ResumeProfile:
    """Build a profile the way the NLP stage does: skills per section, used in bullets."""
    segments = [(s.text, s.name, None) for s in document.sections]
    skills = skills_from_mentions(resources.skills.find(segments), resources.taxonomy)
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
                ("Docker", "Kubernetes", "MLflow"),
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
