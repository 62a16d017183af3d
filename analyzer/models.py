"""Frozen dataclasses that travel between the stages (read -> nlp -> ats -> report).

Each stage takes these in and gives these out; no dicts with string keys cross a module
boundary. ``to_dict`` gives the JSON-ready form (tuples become lists, dates ISO strings).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass
from enum import Enum
from typing import Any


def to_jsonable(value: Any) -> Any:
    """Convert dataclasses, enums, dates and tuples into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


class Serializable:
    """Mixin giving frozen dataclasses a ``to_dict`` for JSON output."""

    def to_dict(self) -> dict[str, Any]:
        """Return this object as JSON-ready dict."""
        result = to_jsonable(self)
        assert isinstance(result, dict)
        return result


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Line(Serializable):
    """One visual line of text, in reading order."""

    text: str
    """The line's text, words joined by single spaces."""
    page: int
    """1-based page number."""
    x0: float = 0.0
    """Left edge in PDF points (0 for non-PDF input)."""
    top: float = 0.0
    """Distance of the line's top from the page top, in points."""
    size: float = 0.0
    """Dominant font size in points (0 when unknown)."""
    bold: bool = False
    """True when most characters are in a bold font."""
    column: int = 0
    """0 for the main/only column, 1.. for further columns in reading order."""
    gap_before: float = 0.0
    """Vertical gap to the previous line in the same column, in points."""


@dataclass(frozen=True)
class Link(Serializable):
    """A URL found on the resume."""

    url: str
    """The URL as written or annotated (mailto:/tel: links are not kept here)."""
    kind: str
    """One of: linkedin, github, website, other."""
    source: str
    """Where it came from: text or annotation."""


@dataclass(frozen=True)
class Contact(Serializable):
    """Contact details of the candidate."""

    name: str | None = None
    """The candidate's name, usually the first prominent line."""
    email: str | None = None
    """First e-mail address found."""
    phone: str | None = None
    """First phone number found, as written."""
    location: str | None = None
    """City/region line when recognisable."""
    links: tuple[Link, ...] = ()
    """LinkedIn, GitHub and other links, from visible text and PDF annotations."""


@dataclass(frozen=True)
class Section(Serializable):
    """A canonical resume section and its text."""

    name: str
    """Canonical name: contact, summary, experience, education, skills, projects,
    certifications, publications, awards, other."""
    heading: str
    """The heading as printed ("" for the untitled top part)."""
    text: str
    """The section body, lines joined by newlines."""
    index: int = 0
    """Position of the section in the document (0-based); anchors link to it."""


@dataclass(frozen=True)
class Bullet(Serializable):
    """One bullet point or achievement line, joined across wrapped lines."""

    id: str
    """Stable id within the document ("b0", "b1", ...), used as an HTML anchor."""
    text: str
    """The bullet's text without the bullet glyph."""
    section: str
    """Canonical name of the section holding it."""
    entry: int | None = None
    """Index into ResumeDocument.entries when the bullet belongs to an entry."""


@dataclass(frozen=True)
class Entry(Serializable):
    """One experience (or project/education) entry: a role at an organisation."""

    section: str
    """Canonical section holding the entry (experience, projects, education)."""
    role: str | None
    """Job title or degree as written."""
    organisation: str | None
    """Company, university or project name."""
    dates: str | None
    """The date range as written."""
    start: _dt.date | None = None
    """Parsed start date (first of month when only month/year is known)."""
    end: _dt.date | None = None
    """Parsed end date; None with current=True means ongoing."""
    current: bool = False
    """True for "Present", "Current", "Now"."""
    bullets: tuple[str, ...] = ()
    """Ids of the bullets under this entry."""


@dataclass(frozen=True)
class HiddenText(Serializable):
    """Text a person cannot see, or barely, but a parser reads; never analysed."""

    text: str
    """The hidden text."""
    page: int
    """1-based page."""
    reason: str
    """Unseen: colour (no contrast with the page), covered (under a shape or image, clipped,
    optional content off), invisible (render mode 3 or 7), offpage (outside the crop box);
    barely seen: tiny (under 4 pt), faint (low contrast)."""


@dataclass(frozen=True)
class LayoutFacts(Serializable):
    """Facts about the file's layout that the ATS checks judge."""

    columns: int = 1
    """Largest number of text columns detected on any page."""
    tables: int = 0
    """Number of ruled tables detected."""
    header_footer_text: tuple[str, ...] = ()
    """Lines found in the page header/footer zone."""
    hidden: tuple[HiddenText, ...] = ()
    """Text not visible to a human reader; never scored."""
    cid_glyphs: int = 0
    """Count of characters that failed to decode, extracted as (cid:NN)."""
    glued_words: int = 0
    """Count of over-long tokens that look like words glued without spaces."""
    images: int = 0
    """Number of images on the pages."""
    image_only_pages: int = 0
    """Pages holding images but no text."""
    fonts: tuple[str, ...] = ()
    """Font names used (sorted, de-duplicated)."""


@dataclass(frozen=True)
class ResumeDocument(Serializable):
    """A resume as read from its file: text in reading order, structure and layout."""

    path: str
    """The path as the user gave it."""
    format: str
    """pdf, docx, txt or md."""
    pages: int
    """Number of pages (1 for text input)."""
    size_bytes: int
    """Size of the file in bytes."""
    text: str
    """Full visible text in reading order."""
    lines: tuple[Line, ...]
    """Visible lines in reading order."""
    sections: tuple[Section, ...]
    """Canonical sections in document order."""
    bullets: tuple[Bullet, ...]
    """Bullets/achievement lines in document order."""
    entries: tuple[Entry, ...]
    """Experience, project and education entries."""
    contact: Contact
    """Contact details."""
    layout: LayoutFacts
    """Layout facts for the readability checks."""
    warnings: tuple[str, ...] = ()
    """Non-fatal problems met while reading."""

    def section(self, name: str) -> Section | None:
        """Return the first section with this canonical name, if any."""
        return next((s for s in self.sections if s.name == name), None)


# --------------------------------------------------------------------------- nlp


@dataclass(frozen=True)
class SkillMention(Serializable):
    """One place a skill is named."""

    skill: str
    """Canonical skill name."""
    section: str
    """Canonical section of the mention."""
    sentence: str
    """The sentence (or bullet) it was found in: the evidence."""
    used: bool
    """True when used in an experience/project bullet or sentence, False when only listed."""
    bullet: str | None = None
    """Bullet id, when the mention is in a bullet."""


@dataclass(frozen=True)
class Skill(Serializable):
    """A skill found in a text, with its evidence."""

    name: str
    """Canonical name from the taxonomy."""
    category: str
    """Pillar id."""
    mentions: int
    """Number of mentions (each counted once per sentence)."""
    sections: tuple[str, ...]
    """Canonical sections it appears in (sorted)."""
    used: bool
    """True when at least one mention is usage in experience/projects, not just a list."""
    evidence: tuple[SkillMention, ...] = ()
    """The mentions."""
    implied_by: tuple[str, ...] = ()
    """When the resume never names this skill: the skills it names that imply it (SageMaker ->
    AWS), sorted; empty for a skill the resume names (its evidence may still include implied
    mentions: AWS named in the skills list and shown used by "AWS EKS" in a bullet)."""


@dataclass(frozen=True)
class Metric(Serializable):
    """A measured result parsed from text."""

    kind: str
    """percent, money, multiplier, count, time, size or rate."""
    value: float
    """The number; for a from->to change, the relative change where meaningful, else the new."""
    text: str
    """The matched text, e.g. "from 800 ms to 120 ms"."""


@dataclass(frozen=True)
class Achievement(Serializable):
    """A bullet or sentence carrying at least one measured result."""

    text: str
    """The bullet/sentence."""
    section: str
    """Canonical section."""
    metrics: tuple[Metric, ...]
    """Parsed metrics."""
    bullet: str | None = None
    """Bullet id when from a bullet."""


@dataclass(frozen=True)
class BulletIssue(Serializable):
    """One weakness of a bullet, with how to fix it."""

    id: str
    """weak_opener, passive, first_person, cliche, too_long, too_short, no_metric."""
    message: str
    """What is wrong."""
    hint: str
    """A concrete rewrite hint."""


@dataclass(frozen=True)
class BulletReview(Serializable):
    """The judgement of one bullet."""

    bullet: str
    """Bullet id."""
    text: str
    """Bullet text."""
    section: str
    """Canonical section."""
    quantified: bool
    """True when it carries a metric."""
    action_verb: bool
    """True when it opens with a strong action verb."""
    issues: tuple[BulletIssue, ...] = ()
    """Weaknesses found."""


@dataclass(frozen=True)
class PillarCoverage(Serializable):
    """Evidence for one pillar of the ML-engineer roadmap."""

    name: str
    """Pillar id."""
    evidence: tuple[str, ...]
    """Canonical skills found for this pillar."""
    expected: tuple[str, ...] = ()
    """The role profile's core skills for this pillar."""
    missing: tuple[str, ...] = ()
    """Core skills of the role profile not found."""


@dataclass(frozen=True)
class Roadmap(Serializable):
    """Where the candidate stands on the ML-engineer roadmap."""

    pillars: tuple[PillarCoverage, ...]
    """Coverage per pillar."""
    stage: str
    """Beginner, Intermediate, Job seeker or Professional."""
    reasons: tuple[str, ...] = ()
    """Why that stage."""
    next_steps: tuple[str, ...] = ()
    """What to learn or show next."""


@dataclass(frozen=True)
class ResumeProfile(Serializable):
    """What the NLP stage learned from a ResumeDocument."""

    skills: tuple[Skill, ...]
    """Skills found, sorted by name."""
    achievements: tuple[Achievement, ...]
    """Quantified achievements."""
    bullet_reviews: tuple[BulletReview, ...]
    """One review per bullet, same order as the document's bullets."""
    roadmap: Roadmap
    """Roadmap coverage and stage."""
    years_experience: float | None = None
    """Years of experience from dated experience entries (overlaps merged)."""
    degree: str | None = None
    """Highest degree found: phd, master, bachelor, associate or None."""


# --------------------------------------------------------------------------- findings


class Severity(str, Enum):
    """How much a finding matters."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True)
class Finding(Serializable):
    """One thing to change, with the change named."""

    id: str
    """Stable identifier, e.g. "ats.missing_required_skill"."""
    severity: Severity
    """high, medium or low."""
    area: str
    """ats, readability, content, bullets, skills, portfolio, readme, hygiene."""
    message: str
    """What is wrong, in one sentence."""
    fix: str
    """The concrete change to make."""
    evidence: str | None = None
    """The text that shows the problem (a bullet, a heading, a keyword)."""
    anchor: str | None = None
    """Where it came from: a bullet id ("b3"), a section ("section-2") or a repo ("repo-name")."""
    impact: float = 0.0
    """Estimated score points gained by fixing it; orders "fix these first"."""


# --------------------------------------------------------------------------- ats


@dataclass(frozen=True)
class JobPosting(Serializable):
    """A job posting as read and analysed."""

    path: str
    """Where it came from ("-" for stdin)."""
    text: str
    """Full text."""
    title: str | None
    """The job title."""
    required_skills: tuple[str, ...]
    """Canonical skills in the required part."""
    preferred_skills: tuple[str, ...]
    """Canonical skills only in the preferred part."""
    skill_counts: tuple[tuple[str, int], ...] = ()
    """How often the posting names each skill (canonical, count)."""
    keywords: tuple[str, ...] = ()
    """Other salient terms (TF-IDF), most salient first."""
    years_required: float | None = None
    """Years of experience asked, e.g. 3 for "3+ years"."""
    degree_required: str | None = None
    """Lowest degree asked: bachelor, master, phd."""
    degree_or_equivalent: bool = False
    """True when the posting accepts equivalent experience instead of the degree."""
    alternatives: tuple[tuple[str, ...], ...] = ()
    """Any-of groups ("PyTorch or TensorFlow"): each is one requirement, met by any member."""


@dataclass(frozen=True)
class KeywordMatch(Serializable):
    """A posting keyword and whether the resume has it."""

    keyword: str
    """Canonical skill or keyword."""
    importance: str
    """required, preferred or keyword."""
    posting_count: int
    """How often the posting names it."""
    found_in: tuple[str, ...] = ()
    """Resume sections where it was found (empty when missing)."""
    used: bool = False
    """True when used in experience/projects, not only listed."""
    alternatives: tuple[str, ...] = ()
    """The members of the any-of group this requirement stands for; empty for one skill."""
    satisfied_by: str | None = None
    """What showed it when the resume does not name it: a related skill or the resume's words."""
    generic: bool = False
    """True for a generic concept (documentation, CS fundamentals), weighed below a hard skill."""


@dataclass(frozen=True)
class Requirement(Serializable):
    """What the posting asks against what the resume shows (years, degree)."""

    asked: str | float | None
    """The posting's ask."""
    found: str | float | None
    """What the resume shows."""
    meets: bool | None
    """True/False when both are known, None when the posting asks nothing."""


@dataclass(frozen=True)
class AtsMatch(Serializable):
    """The match of a resume against a posting."""

    score: float
    """0-100, see analyzer/ats/score.py for the formula."""
    similarity: float
    """TF-IDF cosine similarity of the two texts, 0-1."""
    title_match: float
    """0-1: how well the resume shows the posting's job title."""
    matched: tuple[KeywordMatch, ...]
    """Keywords the resume has."""
    missing: tuple[KeywordMatch, ...]
    """Keywords the resume lacks, required first, then by posting frequency."""
    years: Requirement
    """Years asked vs found."""
    degree: Requirement
    """Degree asked vs found."""
    scoring_version: str
    """Version of the scoring formula."""
    posting_title: str | None = None
    """The posting's job title the title match looked for (None when the posting has none)."""
    components: tuple[tuple[str, float, float], ...] = ()
    """Score breakdown: (component, points earned, points available); sums to ``score``."""


# --------------------------------------------------------------------------- the whole analysis


@dataclass(frozen=True)
class ResumeAnalysis(Serializable):
    """Everything mlcheck concluded about one resume (and optionally a posting and portfolio)."""

    document: ResumeDocument
    """The resume as read."""
    profile: ResumeProfile
    """Skills, achievements, bullet reviews, roadmap."""
    quality_score: float
    """Resume quality 0-100, independent of any posting (see analyzer/scoring.py)."""
    findings: tuple[Finding, ...]
    """Every finding, highest impact first."""
    posting: JobPosting | None = None
    """The posting, when --job was given."""
    match: AtsMatch | None = None
    """The ATS match, when --job was given."""
    portfolio: Any = None
    """analyzer.github.interface.PortfolioReview when --github was given."""
    cross_check: Any = None
    """analyzer.github.crosscheck.CrossCheck when both a resume and a portfolio were given."""
