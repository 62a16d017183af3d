"""Findings: the Finding type, the catalogue of every finding id, and the one order of findings.

Each stage judges its own input and emits Findings: readability and posting-match findings in
``analyzer/ats/``, resume-quality and content findings in ``analyzer/nlp/quality.py``, portfolio
findings in ``analyzer/github/``. A finding's id must be in ``CATALOGUE`` (constructing one with
another id raises ``UnknownFindingError``), and its area is the one the catalogue gives the id.
``order_findings`` is the one order every report shows. docs/findings.md lists the catalogue;
``python -m analyzer.findings > docs/findings.md`` regenerates it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analyzer.models import AtsMatch
    from analyzer.nlp.interface import Taxonomy


class Severity(str, Enum):
    """How much a finding matters."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Area(str, Enum):
    """What part of the candidate a finding is about; the value is the JSON's ``area``."""

    ATS = "ats"
    READABILITY = "readability"
    CONTENT = "content"
    BULLETS = "bullets"
    SKILLS = "skills"
    PORTFOLIO = "portfolio"
    README = "readme"
    HYGIENE = "hygiene"

    def __str__(self) -> str:
        return self.value


class UnknownFindingError(ValueError):
    """A finding was built with an id the catalogue does not hold, or with another area."""


@dataclass(frozen=True)
class FindingKind:
    """One entry of the catalogue: a finding id and what it means."""

    id: str
    """The finding id, e.g. "ats.missing_required_skill"."""
    area: Area
    """The area every finding with this id has."""
    severity: Severity
    """The usual severity (some checks raise or lower it with the size of the problem)."""
    meaning: str
    """What the finding says is wrong, in one sentence."""


@dataclass(frozen=True)
class Finding:
    """One thing to change, with the change named."""

    id: str
    """Stable identifier from the catalogue, e.g. "ats.missing_required_skill"."""
    severity: Severity
    """high, medium or low."""
    area: Area
    """ats, readability, content, bullets, skills, portfolio, readme, hygiene."""
    message: str
    """What is wrong, in one sentence."""
    fix: str
    """The concrete change to make."""
    evidence: str | None = None
    """The text that shows the problem (a bullet, a heading, a keyword)."""
    anchor: str | None = None
    """Where it came from: a bullet id ("b3"), a section ("section-2") or a repo ("repo-name")."""
    page: int | None = None
    """1-based page of the resume the evidence is on, when known."""
    impact: float = 0.0
    """Estimated score points gained by fixing it; orders "fix these first"."""

    def __post_init__(self) -> None:
        kind = CATALOGUE.get(self.id)
        if kind is None:
            raise UnknownFindingError(
                f"finding id {self.id!r} is not in the catalogue (analyzer/findings.py)"
            )
        # Callers may pass the JSON strings ("high", "ats"); keep the enums either way.
        object.__setattr__(self, "severity", Severity(self.severity))
        object.__setattr__(self, "area", Area(self.area))
        if self.area is not kind.area:
            raise UnknownFindingError(
                f"finding {self.id!r} has area {self.area.value!r}; the catalogue says "
                f"{kind.area.value!r}"
            )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Rebuild a finding from its JSON form, also one a newer mlcheck wrote.

        The catalogue binds the code that emits findings; a saved result may hold an id (and
        an area) this version does not know, and the report shows it under "Other findings".
        """
        if not isinstance(data, Mapping):
            raise TypeError(f"{cls.__name__} needs an object, not {type(data).__name__}")
        names = {field.name for field in dataclasses.fields(cls)}
        values = {key: value for key, value in data.items() if key in names}
        try:
            return cls(**values)
        except UnknownFindingError:
            finding = object.__new__(cls)
            for name in names:
                default = cls.__dataclass_fields__[name].default
                object.__setattr__(finding, name, values.get(name, default))
            object.__setattr__(finding, "severity", Severity(finding.severity))
            if finding.area in {area.value for area in Area}:
                object.__setattr__(finding, "area", Area(finding.area))
            return finding

    def to_dict(self) -> dict[str, Any]:
        """Return this finding as a JSON-ready dict (enums as their values)."""
        return {
            field.name: value.value if isinstance(value, Enum) else value
            for field in dataclasses.fields(self)
            for value in (getattr(self, field.name),)
        }


# --------------------------------------------------------------------------- the catalogue

_H, _M, _L = Severity.HIGH, Severity.MEDIUM, Severity.LOW

_ATS = (
    (
        "ats.missing_required_skill",
        _H,
        "The posting requires a hard skill (or any-of group) "
        "the resume does not name; one finding each for the first few.",
    ),
    (
        "ats.missing_required_skills",
        _M,
        "Further required skills the resume lacks, in one "
        "finding (low when all are generic concepts).",
    ),
    ("ats.missing_preferred_skills", _M, "The posting's nice-to-have skills the resume lacks."),
    (
        "ats.required_skills_only_listed",
        _M,
        "Required skills the resume lists but shows in no experience or project bullet.",
    ),
    (
        "ats.skills_shown_not_named",
        _L,
        "Skills the resume shows by related words but never "
        "names, which a literal keyword match may miss.",
    ),
    (
        "ats.title_mismatch",
        _H,
        "The posting's job title is not in the headline or the most "
        "recent role (medium when partly there).",
    ),
    (
        "ats.years_short",
        _M,
        "The posting asks more years of experience than the resume's dates "
        "show; low and worth no points when mlcheck could not tell the years (no role with a "
        "start and an end date: the check is skipped).",
    ),
    (
        "ats.degree_short",
        _M,
        "The posting asks a degree above the highest one the resume shows; low and worth no "
        "points when no degree was found (the check is skipped).",
    ),
    (
        "ats.missing_keywords",
        _L,
        "Salient terms of the posting (not skills) that the resume does not use.",
    ),
)

_READABILITY = (
    (
        "readability.hidden_text",
        _H,
        "The file holds text a person cannot see on the rendered page (white, covered, "
        "clipped, invisible or off the page), which ATS vendors flag as keyword stuffing.",
    ),
    (
        "readability.faint_text",
        _M,
        "The file prints text too small or too faint to read, which a person skims past and "
        "an ATS reads; high when it speaks to automated screeners.",
    ),
    (
        "readability.image_only_pages",
        _H,
        "Some pages are images with no text layer, so an ATS reads nothing on them.",
    ),
    ("readability.images", _L, "The file holds images; words inside them are invisible to an ATS."),
    (
        "readability.bullet_glyphs",
        _L,
        "Bullet symbols come out as (cid:NN) codes when the text is extracted.",
    ),
    (
        "readability.garbled_text",
        _H,
        "Characters come out as (cid:NN) codes: their font has no text mapping; high when 2% "
        "or more of the text is lost, low for a ligature or two (icon and symbol fonts are not "
        "counted).",
    ),
    (
        "readability.unreadable_text",
        _H,
        "The extracted text does not read as any language (a font's ToUnicode map is broken, so "
        "letters come out as other letters); it blocks every other check and caps the scores.",
    ),
    (
        "readability.glued_words",
        _M,
        "Words run together without spaces when the text is extracted.",
    ),
    (
        "readability.multi_column",
        _M,
        "The layout has several columns, which many parsers read across.",
    ),
    (
        "readability.tables",
        _M,
        "The layout uses tables, whose cells parsers often read out of order.",
    ),
    (
        "readability.contact_in_header",
        _H,
        "Contact details appear only in the page header/footer, which many parsers skip.",
    ),
    ("readability.nonstandard_heading", _L, "A section heading is not one an ATS recognises."),
    (
        "readability.missing_section",
        _M,
        "No heading mlcheck knows names a section an ATS looks for (experience, education, "
        "skills); the headings it could not place are named (never high: the section may be "
        "there under another heading).",
    ),
    (
        "readability.language",
        _L,
        "The resume is not in English: its headings are read, but skills and bullet checks are "
        "English.",
    ),
    ("readability.missing_email", _H, "No e-mail address was found."),
    ("readability.missing_phone", _M, "No phone number was found."),
    ("readability.missing_linkedin", _L, "No LinkedIn profile link was found."),
    ("readability.too_many_pages", _M, "The resume runs more pages than its stage warrants."),
    ("readability.too_short", _M, "The resume has too few words to match or to read."),
    ("readability.too_long", _L, "The resume has more words than its stage warrants."),
    ("readability.file_type", _L, "The file is not DOCX or PDF, which upload forms expect."),
    ("readability.file_size", _M, "The file is larger than many upload forms accept."),
)

_CONTENT = (
    (
        "content.no_bullets",
        Area.CONTENT,
        _M,
        "The experience section is written as paragraphs, not bullets.",
    ),
    (
        "content.missing_pillar",
        Area.CONTENT,
        _M,
        "Nothing on the resume shows some pillars of the ML-engineer roadmap the role expects; "
        "one finding lists them, the pillar the role expects most core skills of first.",
    ),
    ("content.no_github", Area.CONTENT, _M, "The resume links no GitHub profile."),
    (
        "content.skills_only_listed",
        Area.SKILLS,
        _L,
        "Skills that appear only in a list, never in the work described.",
    ),
)

BULLET_ISSUES = (
    ("no_metric", _M, "carries no measured result"),
    ("weak_opener", _M, "opens with a weak or vague verb"),
    ("passive", _L, "is written in the passive voice"),
    ("first_person", _L, "uses the first person"),
    ("cliche", _L, "leans on a cliché"),
    ("too_long", _L, "is too long to scan"),
    ("too_short", _L, "is too short to say what was done"),
)
"""Bullet issue ids (analyzer/nlp/bullets.py), their severity and what they mean: a weak
bullet's finding is ``content.bullet_<issue>``, named after its most important issue."""

_PORTFOLIO = (
    (
        "crosscheck.claimed_without_evidence",
        Area.PORTFOLIO,
        _M,
        "The resume lists skills that no public repo shows.",
    ),
    (
        "crosscheck.evidence_not_claimed",
        Area.PORTFOLIO,
        _L,
        "The repos show skills the resume does not list.",
    ),
    ("portfolio.no_name", Area.PORTFOLIO, _L, "The GitHub profile shows no name."),
    ("portfolio.no_bio", Area.PORTFOLIO, _L, "The GitHub profile has no bio."),
    ("portfolio.no_profile_readme", Area.PORTFOLIO, _L, "The account has no profile README."),
    ("portfolio.no_link", Area.PORTFOLIO, _L, "The profile links no website, blog or LinkedIn."),
    ("portfolio.empty", Area.PORTFOLIO, _H, "The account has no public repositories of its own."),
    (
        "portfolio.tutorial_clone",
        Area.PORTFOLIO,
        _M,
        "A repo looks like a well-known tutorial every applicant has.",
    ),
    (
        "portfolio.missing_kind",
        Area.PORTFOLIO,
        _M,
        "No project shows one step of the growth "
        "story (tabular, then recommender/time series/text, then deep learning, then deployed).",
    ),
    (
        "portfolio.few_projects",
        Area.PORTFOLIO,
        _M,
        "Fewer own projects are public than a portfolio needs.",
    ),
    ("portfolio.stale", Area.PORTFOLIO, _M, "No own repo has been updated for a long time."),
    ("portfolio.many_forks", Area.PORTFOLIO, _L, "Forks outnumber the account's own repos."),
    (
        "portfolio.partial",
        Area.PORTFOLIO,
        _L,
        "Some repos could not be fetched, so the review covers part of the profile.",
    ),
    ("readme.missing", Area.README, _H, "A repo has no README."),
    (
        "readme.weak",
        Area.README,
        _H,
        "A repo's README scores under 70 (high under 40, else "
        "medium); the fix names its worst checks.",
    ),
    (
        "hygiene.vendored_environment",
        Area.HYGIENE,
        _M,
        "A repo commits an installed environment (a virtualenv, site-packages, node_modules).",
    ),
    (
        "hygiene.stub_model",
        Area.HYGIENE,
        _L,
        "A repo's model files are a few bytes: stubs, not trained models.",
    ),
    (
        "hygiene.weak",
        Area.HYGIENE,
        _M,
        "A repo scores under 70 on engineering hygiene (medium under 50, else low).",
    ),
)

README_CHECKS = (
    ("readme.title", "does not start with a '# Project name' heading"),
    ("readme.description", "does not open with a paragraph saying what the project does"),
    ("readme.motivation", "has no problem or motivation section"),
    ("readme.data", "does not say where the data comes from"),
    ("readme.approach", "does not describe the approach"),
    ("readme.results", "has no results section"),
    ("readme.metrics", "reports no numbers with named metrics"),
    ("readme.conclusions", "has no conclusions or limitations"),
    ("readme.install", "does not say how to install it"),
    ("readme.usage", "does not show how to run it"),
    ("readme.reproduce", "does not show the commands that reproduce the results"),
    ("readme.code_blocks", "has no fenced code blocks"),
    ("readme.visuals", "has no figure, screenshot or demo"),
    ("readme.structure", "does not describe the project's structure"),
    ("readme.sections", "is not organised in sections"),
    ("readme.length", "is too short (or too long) to explain the project"),
    ("readme.links_resolve", "has relative links or images pointing to missing files"),
    ("readme.references", "links none of its sources (data, papers, docs)"),
    ("readme.toc", "is long and has no table of contents"),
    ("readme.license", "does not name the licence"),
    ("readme.contributing", "does not say who made it or how to reach them"),
)
"""README rubric checks (analyzer/github/readme.py ``CHECKS``): ``mlcheck repo`` reports each
failed check as a finding with the check's id (medium; high when the README scores under 40)."""

HYGIENE_CHECKS = (
    ("hygiene.description", "has no About description"),
    ("hygiene.topics", "has no topics"),
    ("hygiene.license", "has no LICENSE file"),
    ("hygiene.dependencies", "declares no pinned dependencies"),
    ("hygiene.tests", "has no tests"),
    ("hygiene.ci", "has no CI workflow"),
    ("hygiene.deployment", "has nothing that runs it elsewhere (container, app, demo link)"),
    ("hygiene.modular_code", "keeps its code in notebooks rather than modules"),
    ("hygiene.recent", "has not been pushed to for over a year"),
    ("hygiene.clean_tree", "commits caches, notebook checkpoints, IDE folders or a .env file"),
)
"""Hygiene rubric checks (analyzer/github/hygiene.py): ``mlcheck repo`` reports each failed
check as a finding with the check's id (low; medium when hygiene scores under 50)."""


def _catalogue() -> dict[str, FindingKind]:
    kinds = [
        *(FindingKind(i, Area.ATS, s, m) for i, s, m in _ATS),
        *(FindingKind(i, Area.READABILITY, s, m) for i, s, m in _READABILITY),
        *(FindingKind(i, a, s, m) for i, a, s, m in _CONTENT),
        *(
            FindingKind(
                f"content.bullet_{issue}",
                Area.BULLETS,
                s,
                f"An experience or project bullet {what} (the finding lists its other issues too).",
            )
            for issue, s, what in BULLET_ISSUES
        ),
        *(FindingKind(i, a, s, m) for i, a, s, m in _PORTFOLIO),
        *(FindingKind(i, Area.README, _M, f"A repo's README {what}.") for i, what in README_CHECKS),
        *(FindingKind(i, Area.HYGIENE, _L, f"A repo {what}.") for i, what in HYGIENE_CHECKS),
    ]
    catalogue = {kind.id: kind for kind in kinds}
    assert len(catalogue) == len(kinds), "a finding id is catalogued twice"
    return catalogue


CATALOGUE: dict[str, FindingKind] = _catalogue()
"""Every finding id mlcheck can emit, by id, in the order docs/findings.md lists them."""


def catalogue_markdown() -> str:
    """Return docs/findings.md: the catalogue as Markdown tables, one per area."""
    lines = [
        "# Findings",
        "",
        "<!-- Generated from analyzer/findings.py by: "
        "python -m analyzer.findings > docs/findings.md -->",
        "",
        "Every finding mlcheck can report, by area. The id and the area are stable (they are in "
        "the JSON output); the severity is the usual one: some checks raise or lower it with "
        "the size of the problem, as the meaning says.",
    ]
    for area in Area:
        kinds = [k for k in CATALOGUE.values() if k.area is area]
        lines += [
            "",
            f"## Area `{area.value}`",
            "",
            "| id | severity | meaning |",
            "| --- | --- | --- |",
        ]
        lines += [f"| `{k.id}` | {k.severity.value} | {k.meaning} |" for k in kinds]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- order

SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
"""Order of severities, most serious first."""

SAME_KIND_LEAD = 2
"""How many findings of one kind (id) lead within a severity before the other kinds' turn."""


MISSING_REQUIRED_IDS = ("ats.missing_required_skill", "ats.missing_required_skills")
"""ATS findings naming required skills the resume lacks."""
_NAME_SPLIT = re.compile(r",\s*|\s+or\s+")


def drop_repeated_pillars(findings: Iterable[Finding], taxonomy: Taxonomy) -> list[Finding]:
    """Take out of the "missing pillars" finding the pillars an ATS finding asks a skill of.

    "Nothing shows the Math & statistics pillar" beside "The posting requires statistics" is
    one change said twice; the ATS finding is the one to keep: it names the skill and the
    posting, and adding that skill fills the pillar too (any skill of a pillar shows it). The
    pillar finding is rebuilt with the other pillars, or dropped when none is left. The
    pillar of each skill comes from ``taxonomy``, the run's own (a user --taxonomy file may
    move a skill to another pillar or add one).
    """
    findings = list(findings)
    asked = [
        name
        for f in findings
        if f.id in MISSING_REQUIRED_IDS and f.evidence
        for name in _NAME_SPLIT.split(f.evidence)
    ]
    if not asked:
        return findings
    categories = {s.category for s in (taxonomy.skill(n) for n in asked) if s is not None}
    names = {c.id: c.name for c in taxonomy.categories}
    repeated = {names.get(c, c) for c in categories} | categories
    kept: list[Finding] = []
    for finding in findings:
        if finding.id != "content.missing_pillar" or not finding.evidence:
            kept.append(finding)
            continue
        labels = finding.evidence.split("; ")
        left = [label for label in labels if label not in repeated]
        if len(left) == len(labels):
            kept.append(finding)
        elif left:
            from analyzer.nlp.quality import missing_pillars_finding

            kept.append(missing_pillars_finding(left, finding.impact / len(labels)))
    return kept


def merge_findings(*groups: Iterable[Finding]) -> list[Finding]:
    """Return the findings of several stages in one list, a repeat of an earlier one dropped.

    A repeat has the same id, anchor and message (a portfolio finding both the review and a
    saved analysis carry); the first one is kept.
    """
    unique: dict[tuple[str, str | None, str], Finding] = {}
    for group in groups:
        for finding in group:
            unique.setdefault((finding.id, finding.anchor, finding.message), finding)
    return list(unique.values())


BLOCKING_IDS = frozenset({"readability.unreadable_text"})
"""Findings that stop mlcheck from reading the resume at all: always HIGH, always first, and
the scores are capped while they stand (``BLOCKED_SCORE_CAP``)."""

BLOCKED_SCORE_CAP = 20.0
"""The most a score can be while a blocking finding stands: what was read is not the resume."""

KEPT_WHEN_BLOCKED = frozenset(
    {
        "readability.file_type",
        "readability.file_size",
        "readability.image_only_pages",
        "readability.too_many_pages",
    }
)
"""Findings about the file itself, true whatever its text says: the only ones kept beside a
blocking finding (the others judge text that is not the resume, e.g. "no e-mail found")."""

HIGH_POINTS = 8.0
"""A finding whose fix gains this many points or more is HIGH."""
MEDIUM_POINTS = 2.0
"""A finding whose fix gains this many points or more (and under HIGH_POINTS) is MEDIUM."""


REPO_SCORE_AREAS = frozenset({Area.README, Area.HYGIENE})
"""Areas whose impact is points of one repo's README or hygiene score, not of a headline
score: their points can lower the check's severity, never raise it."""


def cap_match(match: AtsMatch, finding_id: str, cap: float = BLOCKED_SCORE_CAP) -> AtsMatch:
    """Return the match with its score capped by a blocking finding.

    The components' earned points are scaled by the same factor so they still add up to the
    score; ``capped_by`` names the finding and ``uncapped_score`` keeps the score before.
    """
    if match.score <= cap:
        return dataclasses.replace(match, capped_by=finding_id, uncapped_score=match.score)
    factor = cap / match.score
    return dataclasses.replace(
        match,
        score=cap,
        components=tuple((n, round(e * factor, 1), a) for n, e, a in match.components),
        capped_by=finding_id,
        uncapped_score=match.score,
    )


def is_blocking(finding: Finding) -> bool:
    """True when the finding stops every other check from reading the resume."""
    return finding.id in BLOCKING_IDS


def settled_severity(finding: Finding) -> Severity:
    """Return the severity a finding's impact and blocking earn.

    Blocking problems are HIGH. A finding with an estimated impact takes the band of its
    points (HIGH from ``HIGH_POINTS``, MEDIUM from ``MEDIUM_POINTS``, else LOW), so a finding
    worth 38 points is never below one worth 5. A finding without an estimate (impact 0: the
    check cannot say what its fix is worth) keeps its check's severity, but is never HIGH.
    README and hygiene check findings count points of one repo's own score
    (``REPO_SCORE_AREAS``): those points lower their severity, never raise it.
    """
    if is_blocking(finding):
        return Severity.HIGH
    severity = Severity(finding.severity)
    impact = round(finding.impact, 2)
    if impact <= 0:
        return Severity.MEDIUM if severity is Severity.HIGH else severity
    band = (
        Severity.HIGH
        if impact >= HIGH_POINTS
        else Severity.MEDIUM
        if impact >= MEDIUM_POINTS
        else Severity.LOW
    )
    if finding.area in REPO_SCORE_AREAS and SEVERITY_RANK[band] < SEVERITY_RANK[severity]:
        return severity  # points of one repo's own score: they lower a severity, never raise it
    return band


def settle(finding: Finding) -> Finding:
    """Return the finding with the severity its impact earns (``settled_severity``)."""
    severity = settled_severity(finding)
    if severity is finding.severity:
        return finding
    return dataclasses.replace(finding, severity=severity)


def order_findings(
    findings: Iterable[Finding], taxonomy: Taxonomy | None = None
) -> tuple[Finding, ...]:
    """Return findings by what fixing them is worth, severities settled; deterministic.

    Each finding's severity is first settled from its impact (``settled_severity``: HIGH from
    8 points, MEDIUM from 2), so severity bands follow the points a fix gains and a finding
    worth 38 points never ranks below one worth 5. Blocking findings lead; then findings by
    severity, then impact (largest first), then id. Ties keep the order the checks produced
    them in, which is the meaningful one: bullets in document order (b3 before b10), missing
    skills by importance then posting frequency. Within one severity, the third and later
    findings of one kind (id) follow the other kinds, so the first few ("fix these first")
    are a mix of changes, not five rewrites of equal bullets. A missing-pillar finding that repeats
    a missing-required-skill finding is dropped first (``drop_repeated_pillars``) when the
    run's ``taxonomy`` is given. Beside a blocking finding only findings about the file itself
    (``KEPT_WHEN_BLOCKED``) are kept: the others judge text that is not the resume.
    """
    findings = list(findings) if taxonomy is None else drop_repeated_pillars(findings, taxonomy)
    if any(is_blocking(f) for f in findings):
        findings = [f for f in findings if is_blocking(f) or f.id in KEPT_WHEN_BLOCKED]
    settled = [settle(f) if f.id in CATALOGUE else f for f in findings]

    def rank(finding: Finding) -> tuple[bool, int]:
        severity = SEVERITY_RANK.get(Severity(finding.severity), len(SEVERITY_RANK))
        return (not is_blocking(finding), severity)

    ranked = sorted(settled, key=lambda f: (rank(f), -round(f.impact, 2), f.id))
    seen: Counter[tuple[tuple[bool, int], str]] = Counter()
    deferred: list[bool] = []
    for finding in ranked:
        seen[(rank(finding), finding.id)] += 1
        deferred.append(seen[(rank(finding), finding.id)] > SAME_KIND_LEAD)
    order = sorted(range(len(ranked)), key=lambda i: (rank(ranked[i]), deferred[i], i))
    return tuple(ranked[i] for i in order)


def page_of(text: str | None, lines: Iterable[Any]) -> int | None:
    """Return the 1-based page of the first line that ``text`` starts with, or holds, if any.

    ``lines`` are the document's ``Line`` objects (text and page); a bullet joined across
    wrapped lines starts with its first line's text, a heading is one line.
    """
    if not text:
        return None
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None
    head = wanted[:40]
    fallback: int | None = None
    for line in lines:
        line_text = " ".join(str(line.text).split()).casefold()
        if not line_text:
            continue
        if wanted.startswith(line_text[:40]) and len(line_text) >= min(12, len(wanted)):
            return int(line.page)
        if fallback is None and head in line_text:
            fallback = int(line.page)
    return fallback


if __name__ == "__main__":
    print(catalogue_markdown(), end="")
