"""A stand-in for the reading/NLP/ATS stages, used only while they are not in the tree.

It reads text with pypdfium2/python-docx and counts the posting's skills by substring: enough
to drive the screen runner; the real pipeline replaces it as soon as it is importable.
"""

from __future__ import annotations

import io
import re

from analyzer.errors import InputError
from analyzer.models import (
    AtsMatch,
    BulletReview,
    Contact,
    Finding,
    JobPosting,
    KeywordMatch,
    LayoutFacts,
    Requirement,
    ResumeAnalysis,
    ResumeDocument,
    ResumeProfile,
    Roadmap,
    Severity,
)
from analyzer.settings import Settings

REQUIRED = ("Python", "SQL", "PyTorch", "scikit-learn", "Docker", "Kubernetes", "AWS")
PREFERRED = ("MLflow", "Airflow", "Spark")


def fake_posting(text: str) -> JobPosting:
    """Return the posting the real reader would give for tests/screen/resumes.POSTING."""
    return JobPosting(
        path="posting.txt",
        text=text,
        title="Machine Learning Engineer",
        required_skills=REQUIRED,
        preferred_skills=PREFERRED,
        years_required=3.0,
    )


def _text(data: bytes, name: str) -> str:
    if name.endswith(".pdf"):
        import pypdfium2 as pdfium

        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise InputError(name, "not a readable PDF (corrupt or truncated)") from error
        text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
        if not text.strip():
            raise InputError(name, "no text layer (scanned image?)")
        return text.replace("\r\n", "\n")
    if name.endswith(".docx"):
        import docx

        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    return data.decode("utf-8")


def fake_analyze(
    data: bytes, name: str, posting: JobPosting | None, settings: Settings = Settings()
) -> ResumeAnalysis:
    """Analyse a resume the cheap way (see the module docstring)."""
    text = _text(data, name)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    bullets = [line.lstrip("\u2022 ").strip() for line in lines if len(line) > 25]
    bullets = [b for b in bullets if b[0].isupper() and b.endswith(".")]
    reviews = tuple(
        BulletReview(
            bullet=f"b{i}",
            text=b,
            section="experience",
            quantified=bool(re.search(r"\d", b)),
            action_verb=not b.startswith(("Responsible", "Helped", "Worked")),
        )
        for i, b in enumerate(bullets)
    )
    email = re.search(r"[\w.]+@[\w.]+", text)
    phone = re.search(r"\+1 \d{3} 555 \d{4}", text)
    years = re.search(r"(\d+) years", text)
    document = ResumeDocument(
        path=name,
        format=name.rsplit(".", 1)[-1],
        pages=1,
        size_bytes=len(data),
        text=text,
        lines=(),
        sections=(),
        bullets=(),
        entries=(),
        contact=Contact(
            name=lines[0],
            email=email.group(0) if email else None,
            phone=phone.group(0) if phone else None,
            location="Springfield, IL",
        ),
        layout=LayoutFacts(),
    )
    profile = ResumeProfile(
        skills=(),
        achievements=(),
        bullet_reviews=reviews,
        roadmap=Roadmap(pillars=(), stage="Beginner"),
        years_experience=float(years.group(1)) if years else None,
    )
    findings: tuple[Finding, ...] = ()
    if name.endswith(".docx"):
        findings = (
            Finding("readability.no_pdf", Severity.LOW, "readability", "DOCX", "Send a PDF"),
        )
    match = None
    if posting is not None:
        lower = text.lower()
        matched, missing = [], []
        for importance, skills in (
            ("required", posting.required_skills),
            ("preferred", posting.preferred_skills),
        ):
            for skill in skills:
                found = skill.lower() in lower
                (matched if found else missing).append(
                    KeywordMatch(skill, importance, 1, ("skills",) if found else ())
                )
        score = (
            100.0
            * sum(2 if m.importance == "required" else 1 for m in matched)
            / (2 * len(posting.required_skills) + len(posting.preferred_skills))
        )
        found_years = profile.years_experience
        asked = posting.years_required
        match = AtsMatch(
            score=score,
            similarity=0.0,
            title_match=0.0,
            matched=tuple(matched),
            missing=tuple(missing),
            years=Requirement(
                asked, found_years, None if found_years is None else found_years >= (asked or 0)
            ),
            degree=Requirement(None, None, None),
            scoring_version="fake",
        )
    return ResumeAnalysis(
        document=document,
        profile=profile,
        quality_score=50.0,
        findings=findings,
        posting=posting,
        match=match,
    )
