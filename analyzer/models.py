"""Frozen dataclasses that travel between the stages (read -> nlp -> ats -> report).

Each stage takes these in and gives these out; no dicts with string keys cross a module
boundary. ``to_dict`` gives the JSON-ready form (tuples become lists, dates ISO strings) and
``from_dict`` rebuilds the object from it, driven by the fields' type hints.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar, Union

from analyzer.findings import Finding

SerializableT = TypeVar("SerializableT", bound="Serializable")


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


_HINTS: dict[type, dict[str, Any]] = {}


def field_hints(cls: type) -> dict[str, Any]:
    """Return the resolved type hints of a dataclass's fields (annotations are strings here)."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def from_jsonable(hint: Any, value: Any) -> Any:
    """Rebuild a value of the type ``hint`` from its JSON-ready form: to_jsonable's inverse.

    Numbers are kept as JSON gives them (an int stays an int in a float field), so an object
    read back prints exactly as the original did.
    """
    if value is None or hint is Any:
        return value
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is Union or origin is types.UnionType:
        members = [a for a in args if a is not type(None)]
        if len(members) == 1:
            return from_jsonable(members[0], value)
        return value  # a union of plain types (str | float): JSON kept which one it was
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_jsonable(args[0], item) for item in value)
        return tuple(from_jsonable(arg, item) for arg, item in zip(args, value, strict=True))
    if origin is list:
        return [from_jsonable(args[0], item) for item in value]
    if origin is dict:
        key_hint, value_hint = args
        return {from_jsonable(key_hint, k): from_jsonable(value_hint, v) for k, v in value.items()}
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            # A type that reads itself back (Finding, which may come from a newer mlcheck).
            own = getattr(hint, "from_dict", None)
            return own(value) if own is not None else dataclass_from_dict(hint, value)
        if issubclass(hint, Enum):
            return hint(value)
        if hint is _dt.datetime:
            return _dt.datetime.fromisoformat(value)
        if hint is _dt.date:
            return _dt.date.fromisoformat(value)
    return value


def dataclass_from_dict(cls: type[Any], data: Mapping[str, Any]) -> Any:
    """Build a dataclass from its to_dict form; absent fields take their defaults.

    Raises TypeError or ValueError when the data does not fit the fields.
    """
    if not isinstance(data, Mapping):
        raise TypeError(f"{cls.__name__} needs an object, not {type(data).__name__}")
    hints = field_hints(cls)
    values = {
        field.name: from_jsonable(hints[field.name], data[field.name])
        for field in dataclasses.fields(cls)
        if field.name in data
    }
    return cls(**values)


class Serializable:
    """Mixin giving frozen dataclasses ``to_dict`` for JSON output and ``from_dict`` back."""

    def to_dict(self) -> dict[str, Any]:
        """Return this object as JSON-ready dict."""
        result = to_jsonable(self)
        assert isinstance(result, dict)
        return result

    @classmethod
    def from_dict(cls: type[SerializableT], data: Mapping[str, Any]) -> SerializableT:
        """Rebuild an object from its ``to_dict`` form; TypeError/ValueError when it cannot."""
        result: SerializableT = dataclass_from_dict(cls, data)
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
    x1: float = 0.0
    """Right edge in PDF points (0 for non-PDF input)."""
    bottom: float = 0.0
    """Distance of the line's bottom from the page top, in points (0 for non-PDF input)."""


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
    location: str | None = None
    """Place as printed ("San Francisco, CA"), when the header prints one."""
    degree: str | None = None
    """Education entries: the degree level named (associate, bachelor, master, mba, jd, phd);
    None when the entry names none (a school, a placeholder "Degree")."""
    internship: bool = False
    """Experience entries: an internship, trainee post or working-student job."""


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
    box: tuple[float, float, float, float] | None = field(default=None, compare=False)
    """(x0, top, x1, bottom) on its page in PDF points, measured from the page top; None when
    unknown (non-PDF input, older saved JSON). Where it is, not what it is: not compared."""


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
    file_created: _dt.date | None = None
    """The creation date the file states (PDF CreationDate, DOCX core "created"), if any."""
    file_modified: _dt.date | None = None
    """The modification date the file states (PDF ModDate, DOCX core "modified"), if any."""


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
    language: str | None = None
    """ISO 639-1 code of the language the resume is written in; None when mlcheck cannot tell."""

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
    shape: str | None = None
    """Without a measured result: the bullet with one appended in placeholder form."""


@dataclass(frozen=True)
class PillarCoverage(Serializable):
    """Evidence for one pillar of the ML-engineer roadmap."""

    name: str
    """Pillar id."""
    label: str
    """Display name: the taxonomy category's name (a user's --taxonomy file included)."""
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
    stages: tuple[str, ...] = ()
    """Every stage of the roadmap, in order (from the stage rules)."""


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
    """Years of experience from dated experience entries (overlaps merged, internships and
    education left out; "present" read as the resume's own latest printed date)."""
    degree: str | None = None
    """Highest degree found: phd, master, bachelor, associate or None."""
    internship_years: float | None = None
    """Years of internships and working-student jobs, counted apart; None when there are none."""
    years_note: str = ""
    """How the years were counted, for people: what "present" was taken to mean."""


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
    resume_count: int = 0
    """How often the resume names it (sentences naming the skill or its evidence; 0 missing)."""
    soft: bool = False
    """True for a soft skill (communication, teamwork, leadership...): its own table, never HIGH."""


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
    capped_by: str | None = None
    """Id of the blocking finding that capped ``score`` (e.g. "readability.unreadable_text"),
    or None. When capped, the earned points of ``components`` are scaled down so they still
    add up to ``score``, and ``uncapped_score`` keeps what the text would have scored."""
    uncapped_score: float | None = None
    """The score before the cap (None when not capped)."""


# --------------------------------------------------------------------------- github


@dataclass(frozen=True)
class UserProfile(Serializable):
    """A GitHub user's profile basics."""

    login: str
    """The login."""
    name: str | None = None
    """Display name."""
    bio: str | None = None
    """Bio."""
    blog: str | None = None
    """Website/blog link."""
    public_repos: int = 0
    """Count of public repos."""
    has_profile_readme: bool = False
    """True when a <login>/<login> repo with a README exists."""
    html_url: str | None = None
    """Profile link."""
    company: str | None = None
    """Company, as written on the profile."""
    location: str | None = None
    """Location, as written on the profile."""
    twitter_username: str | None = None
    """Twitter/X handle, when given."""
    followers: int = 0
    """Followers count."""


@dataclass(frozen=True)
class Criterion(Serializable):
    """One README or hygiene check, passed or failed with its fix."""

    id: str
    """Stable id, e.g. "readme.install"."""
    passed: bool
    """Whether it holds."""
    weight: float
    """Points it is worth."""
    fix: str
    """What to add or change when it fails."""


@dataclass(frozen=True)
class ReadmeScore(Serializable):
    """The README quality of one repo."""

    score: float
    """0-100."""
    criteria: tuple[Criterion, ...]
    """Every criterion, pass or fail."""


@dataclass(frozen=True)
class RepoHygiene(Serializable):
    """Engineering hygiene of one repo."""

    score: float
    """0-100."""
    criteria: tuple[Criterion, ...]
    """Every criterion, pass or fail."""
    primary_language: str | None = None
    """Main language with notebooks counted as Python."""
    tests_by: str | None = None
    """How the tests check was made: "imports" (test files import the project's code) or
    "file names" (the contents were not fetched); None when there are no test files."""
    vendored: tuple[str, ...] = ()
    """Committed environments (a virtualenv, site-packages, node_modules), by folder."""
    stub_models: tuple[str, ...] = ()
    """Model files too small to hold a model (a few bytes)."""
    skipped: tuple[tuple[str, str], ...] = ()
    """(criterion id, why) of checks left out because what they need is unknown."""
    junk: tuple[str, ...] = ()
    """Committed paths that should not be (caches, notebook checkpoints, .env), at most 5."""


@dataclass(frozen=True)
class SkillEvidence(Serializable):
    """Where a repo shows a skill, and how strongly."""

    skill: str
    """Canonical skill name."""
    where: str
    """What shows it: "requirements.txt", "import in src/train.py", "Dockerfile",
    "README prose (weak)"."""
    strength: int
    """3 code (a dependency, an import, an infrastructure file), 2 a file or the main
    language, 1 words only (README prose, description, topics)."""


@dataclass(frozen=True)
class RepoReview(Serializable):
    """A judged repo."""

    name: str
    """Repo name."""
    fork: bool
    """Is a fork (forks are listed, not judged as the candidate's work)."""
    readme: ReadmeScore
    """README score."""
    hygiene: RepoHygiene
    """Hygiene score."""
    kinds: tuple[str, ...]
    """Project kinds: tabular, recommender, nlp, vision, time_series, mlops."""
    tutorial_clone: str | None = None
    """Name of the tutorial it clones (titanic, iris...), None when not a clone."""
    skills: tuple[str, ...] = ()
    """Canonical skills the repo shows (dependencies, imports, languages, README)."""
    url: str | None = None
    """Link to the repo."""
    kind_labels: tuple[tuple[str, str], ...] = ()
    """(kind, what a project of it shows) for each of its kinds, from the rubric."""
    set_apart: str | None = None
    """Why the repo gives no evidence: "empty", "archived" or "fork"; None for a judged repo."""
    evidence: tuple[SkillEvidence, ...] = ()
    """The strongest evidence of each skill in ``skills``, strongest first."""


@dataclass(frozen=True)
class PortfolioReview(Serializable):
    """The judgement of a whole portfolio."""

    user: UserProfile
    """Profile basics."""
    repos: tuple[RepoReview, ...]
    """Judged repos (own first, then forks)."""
    kinds: tuple[str, ...]
    """Project kinds present across own repos."""
    tutorial_clones: tuple[str, ...]
    """Names of repos flagged as tutorial clones."""
    score: float
    """0-100 portfolio score."""
    findings: tuple[Finding, ...] = ()
    """What to change."""
    requests_used: int = 0
    """API requests this review cost."""
    partial: bool = False
    """True when fetching stopped early (rate limit, server errors): some repos were not seen."""
    warnings: tuple[str, ...] = ()
    """Non-fatal problems met while fetching or judging."""
    forks: tuple[str, ...] = ()
    """Names of forked repos, listed apart: they are not judged as the candidate's work."""
    kind_labels: tuple[tuple[str, str], ...] = ()
    """(kind, what a project of it shows) for every kind the rubric knows, in its order."""


@dataclass(frozen=True)
class CrossCheck(Serializable):
    """Resume skills against what the public repos show."""

    claimed_without_evidence: tuple[str, ...]
    """Skills the resume claims that no judged repo shows (sorted)."""
    evidence_not_claimed: tuple[str, ...]
    """Skills repos show that the resume does not list (most repos first)."""
    findings: tuple[Finding, ...] = ()
    """What to change."""


# --------------------------------------------------------------------------- the whole analysis


@dataclass(frozen=True)
class ResumeAnalysis(Serializable):
    """Everything mlcheck concluded about one resume (and optionally a posting and portfolio)."""

    document: ResumeDocument
    """The resume as read."""
    profile: ResumeProfile
    """Skills, achievements, bullet reviews, roadmap."""
    quality_score: float
    """Resume quality 0-100, independent of any posting (see analyzer/nlp/quality.py)."""
    findings: tuple[Finding, ...]
    """Every finding, highest impact first."""
    posting: JobPosting | None = None
    """The posting, when --job was given."""
    match: AtsMatch | None = None
    """The ATS match, when --job was given."""
    portfolio: PortfolioReview | None = None
    """The GitHub portfolio review, when --github was given."""
    cross_check: CrossCheck | None = None
    """Resume skills against the portfolio, when both a resume and a portfolio were given."""
    portfolio_error: str | None = None
    """Why the portfolio asked for (--github) is missing (GitHub unreachable, user not found,
    rate limit); None when it was not asked for or is here."""
