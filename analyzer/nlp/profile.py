"""Tie the NLP stage together: ResumeDocument + Resources -> ResumeProfile."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from analyzer.glyphs import LEADING_GLYPHS, strip_glyphs
from analyzer.models import (
    Achievement,
    Metric,
    ResumeDocument,
    ResumeProfile,
    Section,
    SkillMention,
)
from analyzer.nlp.achievements import (
    ACHIEVEMENT_SECTIONS_EXCLUDED,
    PROSE_SECTIONS,
    parse_metrics,
)
from analyzer.nlp.bullets import review_bullet
from analyzer.nlp.experience import experience_years, highest_degree
from analyzer.nlp.resources import Resources
from analyzer.nlp.roadmap import assess_roadmap
from analyzer.nlp.skills import normalise, skills_from_mentions

SKIPPED_SECTIONS = frozenset({"contact"})
"""Sections not searched for skills or achievements (names, addresses, links)."""

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class _Segment:
    text: str
    section: str
    bullet: str | None


def _squash(text: str) -> str:
    return _SPACES.sub(" ", LEADING_GLYPHS.sub("", text)).strip().casefold()


def _prose_lines(section: Section, bullet_texts: list[str]) -> list[str]:
    """Return the section's text that is not part of a bullet, as lines or joined paragraphs.

    Prose sections join a line with the next when it does not end a sentence and the next
    starts in lower case (a wrapped sentence); list sections stay one segment per line.
    """
    kept: list[str] = []
    heading = _squash(section.heading)
    # One substring test against all bullets at once: a squashed text holds no newline, so a
    # line found in the joined text is found inside one bullet.
    bullets = "\n".join(bullet_texts)
    for line in section.text.splitlines():
        squashed = _squash(line)
        if not squashed or squashed == heading:
            continue
        if squashed in bullets:
            continue
        kept.append(strip_glyphs(line))
    if section.name not in PROSE_SECTIONS:
        return kept
    joined: list[str] = []
    for line in kept:
        if joined and not joined[-1].endswith((".", "!", "?", ":", ";")) and line[:1].islower():
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _segments(document: ResumeDocument) -> list[_Segment]:
    segments = [
        _Segment(strip_glyphs(b.text), b.section, b.id)
        for b in document.bullets
        if b.section not in SKIPPED_SECTIONS
    ]
    # Squashed once per document, not once per section: a long text has many sections.
    squashed: dict[str, list[str]] = {}
    for bullet in document.bullets:
        squashed.setdefault(bullet.section, []).append(_squash(bullet.text))
    for section in document.sections:
        if section.name in SKIPPED_SECTIONS:
            continue
        bullet_texts = squashed.get(section.name, [])
        segments += [_Segment(t, section.name, None) for t in _prose_lines(section, bullet_texts)]
    return segments


def build_profile(
    document: ResumeDocument, resources: Resources, today: dt.date | None = None
) -> ResumeProfile:
    """Find skills, achievements, bullet issues, experience, degree and the roadmap stage."""
    today = today or dt.date.today()
    segments = _segments(document)
    lists = resources.rules.language
    docs = list(resources.nlp.pipe(normalise(s.text) for s in segments))
    mentions: list[SkillMention] = []
    achievements: list[Achievement] = []
    bullet_docs = {}
    # A bullet's metrics serve its achievement and its review: parsed once per text.
    parsed: dict[str, tuple[Metric, ...]] = {}

    def metrics_of(text: str) -> tuple[Metric, ...]:
        metrics = parsed.get(text)
        if metrics is None:
            metrics = parsed[text] = parse_metrics(text, lists)
        return metrics

    def achievement(text: str, section: str, bullet: str | None = None) -> None:
        metrics = metrics_of(text)
        if metrics:
            achievements.append(
                Achievement(text=text, section=section, metrics=metrics, bullet=bullet)
            )

    for segment, doc in zip(segments, docs, strict=True):
        mentions.extend(resources.skills.find_in_doc(doc, segment.section, segment.bullet))
        if segment.bullet is not None:
            bullet_docs[segment.bullet] = doc
            if segment.section not in ACHIEVEMENT_SECTIONS_EXCLUDED:
                achievement(segment.text, segment.section, segment.bullet)
        elif segment.section in PROSE_SECTIONS:
            for sentence in doc.sents:
                achievement(sentence.text.strip(), segment.section)
    reviews = tuple(
        review_bullet(
            bullet,
            resources.nlp,
            lists,
            doc=bullet_docs.get(bullet.id),
            metrics=metrics_of(strip_glyphs(bullet.text)),
        )
        for bullet in document.bullets
    )
    skills = skills_from_mentions(mentions, resources.taxonomy)
    education = "\n".join(s.text for s in document.sections if s.name == "education")
    roadmap = assess_roadmap(
        skills,
        achievements,
        document,
        resources.role,
        resources.taxonomy,
        resources.rules.stages,
        today=today,
    )
    years = experience_years(document, today)
    return ResumeProfile(
        skills=skills,
        achievements=tuple(achievements),
        bullet_reviews=reviews,
        roadmap=roadmap,
        years_experience=years.years,
        degree=highest_degree(education or document.text),
        internship_years=years.internship_years,
        years_note=years.note,
    )
