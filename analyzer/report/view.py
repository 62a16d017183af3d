"""Shape a ResumeAnalysis into what the report templates show, part by part.

The templates only format; every decision (what goes first, which bullets need a number, what a
verdict says, which anchors are safe to link) is made here, once, for all output forms.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from analyzer.findings import BLOCKED_SCORE_CAP, Finding, Severity, is_blocking
from analyzer.glyphs import strip_glyphs
from analyzer.models import (
    BulletReview,
    CrossCheck,
    KeywordMatch,
    PortfolioReview,
    ResumeAnalysis,
    ResumeDocument,
    Section,
)
from analyzer.report.page_view import PageLayout, page_layout, rendered_layout
from analyzer.report.posting_view import PostingSideBySide, side_by_side

ATS_TARGET = 80.0
"""Match score commercial applicant-tracking scanners commonly recommend before applying."""

FIX_FIRST_COUNT = 5
"""How many findings the "Fix these first" part shows."""

QUANTIFIABLE_SECTIONS = ("experience", "projects")
"""Sections whose bullets should carry a measured result."""

# Areas each report part gathers; anything else lands in "Other findings".
PART_AREAS: dict[str, tuple[str, ...]] = {
    "ats": ("ats",),
    "skills": ("skills",),
    "bullets": ("bullets", "content"),
    "readability": ("readability",),
    "portfolio": ("portfolio", "readme", "hygiene"),
}


_SAFE_ANCHOR = re.compile(r"^(b\d+|section-\d+|repo-[A-Za-z0-9._-]+)$")
_REPO_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_SPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------- view types


@dataclass(frozen=True)
class FindingView:
    """A finding as the report shows it, with a safe in-page link to its source."""

    id: str
    """The finding's stable id."""
    severity: str
    """high, medium or low (the text label is always shown, never colour alone)."""
    severity_label: str
    """High, Medium or Low."""
    area: str
    """The finding's area."""
    message: str
    """What is wrong."""
    fix: str
    """What to change."""
    evidence: str | None
    """The text showing the problem."""
    show_evidence: bool
    """False when the evidence adds nothing (empty, or already quoted in the message)."""
    impact: float
    """Estimated points gained."""
    target: str | None
    """Id of the element in the appendix it links to (only ids the report generated)."""
    target_label: str | None
    """Words naming that element, e.g. "Experience, bullet 4"."""
    page_target: str | None = None
    """Id of the mark on the page view showing where the evidence is, when it has a place."""
    page: int | None = None
    """1-based page of that mark."""


@dataclass(frozen=True)
class ScoreView:
    """One headline score."""

    key: str
    """ats, quality or portfolio."""
    label: str
    """What the score measures."""
    value: float
    """0-100."""
    target: float | None
    """The bar it should clear, when there is a common one."""
    note: str
    """One sentence saying what the number means."""


@dataclass(frozen=True)
class KeywordRow:
    """One posting keyword in the ATS table."""

    keyword: str
    """The keyword."""
    importance: str
    """required, preferred or keyword."""
    posting_count: int
    """How often the posting names it."""
    matched: bool
    """Whether the resume has it."""
    found_in: str
    """Sections where the resume has it, comma-separated ("" when missing)."""
    used: bool
    """Used in experience/projects rather than only listed."""
    status: str
    """A text label: "Used", "Listed only" or "Missing"."""
    alternatives: tuple[str, ...] = ()
    """The members of an any-of group ("PyTorch", "TensorFlow"); empty for one skill."""
    matched_via: str = ""
    """The group member the resume has ("" for one skill or a missing group)."""
    satisfied_by: str = ""
    """What showed a concept the resume does not name ("deployed 12 models", "MLflow")."""
    generic: bool = False
    """A generic concept (documentation, code review), weighed at half a hard skill."""
    note: str = ""
    """The above as one line of text for the table ("any one of them; matched via PyTorch")."""
    resume_count: int = 0
    """How often the resume names it (0 when missing)."""
    soft: bool = False
    """A soft skill (communication, teamwork...): shown in its own table."""


@dataclass(frozen=True)
class RequirementRow:
    """Years or degree: asked against found."""

    label: str
    """What is compared."""
    asked: str
    """The posting's ask."""
    found: str
    """What the resume shows."""
    status: str
    """Meets, Short or Not asked."""
    note: str = ""
    """How the resume's value was read (years: what date "present" was taken as), or ""."""


@dataclass(frozen=True)
class PillarView:
    """Evidence for one pillar against the role's expectation."""

    id: str
    """Pillar id."""
    label: str
    """Display name."""
    evidence: tuple[str, ...]
    """Skills found."""
    expected: tuple[str, ...]
    """Core skills the role expects."""
    missing: tuple[str, ...]
    """Expected skills not found."""
    covered: int
    """How many expected skills were found."""
    fraction: float
    """covered / expected, 0-1 (evidence-based when nothing is expected)."""
    value_text: str
    """The bar's value in words, e.g. "3 of 5 expected"."""


@dataclass(frozen=True)
class AchievementView:
    """A measured result found on the resume."""

    text: str
    """The bullet or sentence."""
    metrics: tuple[str, ...]
    """The matched metric texts."""
    section: str
    """Section it came from."""
    target: str | None
    """Bullet id to link to, when it is a bullet."""


@dataclass(frozen=True)
class BulletNeed:
    """A bullet without a number, with a suggested shape for one."""

    target: str | None
    """Bullet id to link to."""
    text: str
    """The bullet."""
    section: str
    """Section."""
    shape: str
    """The bullet rewritten with placeholders where the numbers go."""
    other_issues: tuple[str, ...]
    """Other weaknesses of the bullet, as hints."""


@dataclass(frozen=True)
class ResumeItem:
    """One line of a section in the appendix: plain text or a bullet with its id."""

    kind: str
    """line or bullet."""
    text: str
    """The text."""
    id: str | None = None
    """The bullet id, for bullets."""


@dataclass(frozen=True)
class SectionView:
    """One section of the resume as mlcheck read it."""

    id: str
    """Anchor id, section-<index>."""
    name: str
    """Canonical name."""
    heading: str
    """Heading as printed, or the canonical name for the untitled top part."""
    items: tuple[ResumeItem, ...]
    """Lines and bullets in order."""


@dataclass(frozen=True)
class CriterionView:
    """A README or hygiene check of a repo."""

    id: str
    """Criterion id."""
    passed: bool
    """Whether it holds."""
    status: str
    """Pass or Fail."""
    weight: float
    """Points."""
    fix: str
    """What to change when it fails."""


@dataclass(frozen=True)
class RepoView:
    """A reviewed repo as the portfolio part shows it."""

    id: str
    """Anchor id, repo-<name>."""
    name: str
    """Repo name."""
    fork: bool
    """Whether it is a fork."""
    readme_score: float
    """README score 0-100."""
    hygiene_score: float
    """Hygiene score 0-100."""
    kinds: str
    """Project kinds, comma-separated."""
    tutorial_clone: str | None
    """The tutorial it clones."""
    language: str | None
    """Primary language."""
    criteria: tuple[CriterionView, ...]
    """Failed criteria first, then passed."""
    failed: int
    """Number of failed criteria."""
    set_apart: str | None = None
    """Why the repo gives no evidence (empty, archived); None for a judged repo."""


@dataclass(frozen=True)
class KindView:
    """A project kind of the growth story and whether the portfolio shows it."""

    id: str
    """Kind id."""
    label: str
    """What such a project shows."""
    present: bool
    """Whether an own repo is of this kind."""
    name: str = ""
    """Its short name for lists ("computer vision"), from kind_name."""


def kind_name(kind: str) -> str:
    """Return a project kind's short name for a list, e.g. "computer vision" for "vision".

    The names are the shipped rubric's kind labels (skills_taxonomy/portfolio.json); a kind
    they do not name (one from a custom rules folder) is shown as its id, words spaced.
    """
    from analyzer.rules import shipped_rules

    return shipped_rules().portfolio.kind_labels.get(kind, kind.replace("_", " "))


@dataclass(frozen=True)
class CrossCheckItem:
    """One fact of the resume/portfolio cross-check."""

    label: str
    """What the values are."""
    values: tuple[str, ...]
    """The values (skills, repo names...)."""


@dataclass(frozen=True)
class PortfolioView:
    """The portfolio part."""

    login: str
    """GitHub login."""
    name: str | None
    """Display name."""
    score: float
    """Portfolio score."""
    repos: tuple[RepoView, ...]
    """Reviewed repos."""
    own_count: int
    """Repos that are not forks."""
    kinds: tuple[KindView, ...]
    """The growth-story kinds."""
    tutorial_clones: tuple[str, ...]
    """Repos flagged as tutorial clones."""
    has_profile_readme: bool
    """Whether a profile README exists."""
    cross_check: tuple[CrossCheckItem, ...]
    """Resume vs portfolio facts, when both were given."""
    forks: tuple[str, ...]
    """Forked repos, listed apart (not judged as the candidate's work)."""
    partial: bool
    """True when fetching stopped early and some repos were not seen."""
    warnings: tuple[str, ...]
    """Problems met while fetching or judging."""
    local: bool = False
    """True for one local checkout (``mlcheck repo``): no account, no growth story."""


@dataclass(frozen=True)
class ReportView:
    """Everything a report shows, in the order a reader needs it."""

    title: str
    """The report's title (one h1)."""
    candidate: str | None
    """The candidate's name when read."""
    source: str
    """The resume file name."""
    posting_title: str | None
    """The posting's job title, when a posting was given."""
    posting_source: str | None
    """The posting's file name."""
    headline: str
    """The verdict in one sentence."""
    blocked: bool
    """True when a blocking finding (text that does not read as language) stands: the
    text-based lists (missing skills, roadmap) are withheld and the scores are capped."""
    years_line: str | None
    """The years of experience found, with how "present" was read, e.g. "Years of experience
    on the resume: 1.8 ('present' counted up to 1 April 2022, ...)"; None when none."""
    verdict_lines: tuple[str, ...]
    """Supporting sentences."""
    scores: tuple[ScoreView, ...]
    """Headline scores."""
    ats_score: float | None
    """The ATS match score, when a posting was given."""
    severity_counts: tuple[tuple[str, int], ...]
    """(label, count) for High, Medium, Low."""
    fix_first: tuple[FindingView, ...]
    """The highest-impact findings."""
    has_posting: bool
    """Whether --job was given."""
    keywords: tuple[KeywordRow, ...]
    """Matched and missing posting keywords (hard skills and terms), by importance."""
    soft_skills: tuple[KeywordRow, ...]
    """The posting's soft skills (communication, teamwork, leadership...), by importance."""
    missing_required: tuple[str, ...]
    """Required hard skills the resume lacks."""
    missing_soft: tuple[str, ...]
    """Soft skills the posting requires that no bullet shows (their own line, never HIGH)."""
    shown_not_named: tuple[str, ...]
    """Posting skills the resume shows without their word: "deep learning: shown by PyTorch"."""
    requirements: tuple[RequirementRow, ...]
    """Years and degree."""
    components: tuple[tuple[str, float, float], ...]
    """ATS score breakdown: (component, points earned, points available)."""
    similarity: float | None
    """TF-IDF similarity 0-100."""
    title_match: float | None
    """Title match 0-100."""
    pillars: tuple[PillarView, ...]
    """Skills per pillar."""
    skills_used: int
    """Skills shown in use."""
    skills_listed_only: tuple[str, ...]
    """Skills only listed, never shown in use."""
    achievements: tuple[AchievementView, ...]
    """Measured results."""
    bullets_quantified: int
    """Experience/project bullets carrying a number."""
    bullets_total: int
    """Experience/project bullets."""
    bullet_needs: tuple[BulletNeed, ...]
    """Bullets that need a number."""
    layout_facts: tuple[tuple[str, str], ...]
    """What the file's layout looks like to a parser, as (fact, value)."""
    hidden_text: tuple[tuple[str, str], ...]
    """Text a reader cannot see but a parser reads, as (text, reason)."""
    stage: str
    """Roadmap stage."""
    stage_index: int
    """Position of the stage in ``stages`` (-1 when unknown)."""
    stages: tuple[str, ...]
    """All stages."""
    stage_reasons: tuple[str, ...]
    """Why that stage."""
    next_steps: tuple[str, ...]
    """What to learn or show next."""
    portfolio: PortfolioView | None
    """The portfolio part, when a portfolio was reviewed."""
    portfolio_error: str | None
    """Why the portfolio asked for is missing; the report says so where it would be."""
    findings_by_part: dict[str, tuple[FindingView, ...]]
    """Findings per part (ats, skills, bullets, readability, portfolio, other)."""
    sections: tuple[SectionView, ...]
    """The resume as read, for the appendix."""
    contact: tuple[tuple[str, str], ...]
    """Contact details as read, as (label, value); links are shown as text, never linked."""
    warnings: tuple[str, ...]
    """Problems met while reading the file."""
    finding_count: int
    """All findings."""
    page_layout: PageLayout | None = None
    """The overlay of what was read on each page (no images); None without page geometry."""
    document_format: str = "pdf"
    """The resume's file format (the page view needs a PDF)."""
    posting: PostingSideBySide | None = None
    """The posting and the resume side by side with the posting's skills marked."""
    source_document: ResumeDocument | None = field(default=None, repr=False, compare=False)
    """The document, kept to render its pages when (and only when) the HTML report asks."""
    place_severities: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    """Bullet id -> worst severity of the findings on it, for the marks' colour."""

    @functools.cached_property
    def pages(self) -> tuple[PageLayout | None, str | None]:
        """Return the page view with page images, and why there are none when so.

        Rendered on first use: only the HTML template asks, so other forms never render pages.
        """
        if self.source_document is None:
            return self.page_layout, None
        return rendered_layout(self.source_document, self.place_severities)


# --------------------------------------------------------------------------- helpers


def repo_anchor(name: str) -> str:
    """Return the generated anchor id of a repo: "repo-" plus the name's safe characters."""
    return "repo-" + (_REPO_ID_UNSAFE.sub("-", name).strip("-") or "unnamed")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _fmt_value(value: str | float | None) -> str:
    if value is None:
        return "not stated"
    if isinstance(value, float):
        return f"{value:g} years" if value != int(value) else f"{int(value)} years"
    return str(value)


# --------------------------------------------------------------------------- builders


def _targets(document: ResumeDocument, portfolio: PortfolioReview | None) -> dict[str, str]:
    """Return every anchor id the appendix and portfolio generate, with words naming it."""
    targets: dict[str, str] = {}
    headings = {s.name: (s.heading or s.name.capitalize()) for s in document.sections}
    for section in document.sections:
        targets[f"section-{section.index}"] = (
            f"section \u201c{section.heading or section.name.capitalize()}\u201d"
        )
    for number, bullet in enumerate(document.bullets, start=1):
        if _SAFE_ANCHOR.match(bullet.id):
            where = headings.get(bullet.section, bullet.section.capitalize())
            targets[bullet.id] = f"{where}, bullet {number}"
    if portfolio is not None:
        for repo in portfolio.repos:
            targets[repo_anchor(repo.name)] = f"repo {repo.name}"
    return targets


def _resolve_anchor(anchor: str | None, targets: dict[str, str]) -> str | None:
    if not anchor:
        return None
    if anchor.startswith("repo-"):
        anchor = repo_anchor(anchor[len("repo-") :])
    if not _SAFE_ANCHOR.match(anchor):
        return None
    return anchor if anchor in targets else None


def _severity(finding: Finding) -> str:
    value = finding.severity
    text = value.value if isinstance(value, Severity) else str(value)
    return text if text in _SEVERITIES else "low"


_SEVERITIES = tuple(s.value for s in Severity)


def _page_place(finding: Finding, places: PagePlaces | None) -> tuple[str | None, int | None]:
    """Return the page-view mark a finding points at and its page (None, None when none)."""
    if places is None:
        return None, None
    if finding.anchor and finding.anchor in places.marks:
        page, mark = places.marks[finding.anchor]
        return mark, page
    evidence = _norm(finding.evidence or "")
    if evidence:
        for key, text in places.hidden:
            if key in places.marks and text and _norm(text)[:40] in evidence:
                page, mark = places.marks[key]
                return mark, page
    if finding.page is not None and 1 <= finding.page <= places.pages:
        return f"page-{finding.page}", finding.page
    return None, None


@dataclass(frozen=True)
class PagePlaces:
    """Where on the page view findings can point: bullet and hidden-line marks, and pages."""

    marks: dict[str, tuple[int, str]]
    """Bullet id or "hidden-<n>" -> (page, mark id)."""
    hidden: tuple[tuple[str, str], ...]
    """("hidden-<n>", hidden text), to find a finding quoting it."""
    pages: int
    """Number of pages drawn."""


def finding_view(
    finding: Finding, targets: dict[str, str], places: PagePlaces | None = None
) -> FindingView:
    """Return the finding as shown, linking only to anchors the report itself generated."""
    severity = _severity(finding)
    target = _resolve_anchor(finding.anchor, targets)
    page_target, page = _page_place(finding, places)
    return FindingView(
        id=finding.id,
        severity=severity,
        severity_label=severity.capitalize(),
        area=str(finding.area),
        message=finding.message,
        fix=finding.fix,
        evidence=finding.evidence,
        show_evidence=bool(
            finding.evidence
            and finding.evidence.strip()
            and finding.evidence.strip().casefold() not in finding.message.casefold()
        ),
        impact=finding.impact,
        target=target,
        target_label=targets.get(target) if target else None,
        page_target=page_target,
        page=page,
    )


def _is_blocked(analysis: ResumeAnalysis) -> bool:
    return any(is_blocking(f) for f in analysis.findings)


def _verdict(analysis: ResumeAnalysis) -> tuple[str, tuple[str, ...]]:
    lines: list[str] = []
    if _is_blocked(analysis):
        # What was read is not the resume: counting its "missing" skills would be false.
        headline = (
            "The text of this file could not be read: what mlcheck (and an ATS) extracts "
            "does not read as language, so the skills, bullets and match cannot be judged."
        )
        capped = [
            label
            for label, capped in (
                ("ATS match", analysis.match is not None and analysis.match.capped_by),
                ("resume quality", True),
            )
            if capped
        ]
        lines.append(
            f"The {' and '.join(capped)} {'scores are' if len(capped) > 1 else 'score is'} "
            f"capped at {BLOCKED_SCORE_CAP:.0f} until the text reads as the page does."
        )
        return headline, tuple(lines)
    if analysis.match is not None:
        score = analysis.match.score
        gap = ATS_TARGET - score
        if gap <= 0:
            headline = (
                f"Ready to apply: the resume matches this posting at {score:.0f}%, "
                f"above the {ATS_TARGET:.0f}% target."
            )
        elif gap <= 15:
            headline = (
                f"Close: the resume matches this posting at {score:.0f}%, "
                f"{gap:.0f} points below the {ATS_TARGET:.0f}% target."
            )
        else:
            headline = (
                f"Not ready for this posting yet: {score:.0f}% match, "
                f"{gap:.0f} points below the {ATS_TARGET:.0f}% target."
            )
        missing = [k.keyword for k in analysis.match.missing if k.importance == "required"]
        if missing:
            lines.append(
                f"{len(missing)} required skill{'s' if len(missing) != 1 else ''} "
                f"of the posting {'are' if len(missing) != 1 else 'is'} missing."
            )
    else:
        quality = analysis.quality_score
        word = "strong" if quality >= 80 else "fair" if quality >= 60 else "weak"
        headline = f"Resume quality is {word} at {quality:.0f}/100."
        lines.append(
            "No job posting was given: add one (--job posting.txt) to see the ATS match "
            "against the posting's own keywords."
        )
    return headline, tuple(lines)


def _scores(analysis: ResumeAnalysis) -> tuple[ScoreView, ...]:
    scores: list[ScoreView] = []
    if analysis.match is not None:
        score = analysis.match.score
        scores.append(
            ScoreView(
                key="ats",
                label="ATS match",
                value=score,
                target=ATS_TARGET,
                note=(
                    f"Target {ATS_TARGET:.0f}%: "
                    + (
                        "reached."
                        if score >= ATS_TARGET
                        else f"{ATS_TARGET - score:.0f} points to go."
                    )
                ),
            )
        )
    scores.append(
        ScoreView(
            key="quality",
            label="Resume quality",
            value=analysis.quality_score,
            target=None,
            note="Structure, bullets, measured results and readability, without a posting.",
        )
    )
    if analysis.portfolio is not None:
        scores.append(
            ScoreView(
                key="portfolio",
                label="GitHub portfolio",
                value=analysis.portfolio.score,
                target=None,
                note="READMEs, engineering hygiene and variety of own repos.",
            )
        )
    return tuple(scores)


def _any_of(members: tuple[str, ...]) -> str:
    """Name an any-of group as the posting would: "PyTorch or TensorFlow", "A, B or C"."""
    if len(members) < 2:
        return "".join(members)
    return f"{', '.join(members[:-1])} or {members[-1]}"


LITERAL_NOTE = "an ATS searching the literal word may not find it: add it once"
"""Why a skill shown without its word still deserves the word."""


def _keyword_row(match: KeywordMatch, matched: bool) -> KeywordRow:
    status = ("Used" if match.used else "Listed only") if matched else "Missing"
    group = len(match.alternatives) > 1
    via = match.keyword if group and matched and match.keyword in match.alternatives else ""
    notes = []
    if group:
        notes.append(f"any one counts; matched via {via}" if via else "any one counts")
    if match.satisfied_by:
        notes.append(f"shown by {match.satisfied_by}; {LITERAL_NOTE}")
    if match.generic and not match.soft:
        notes.append("generic concept, counts half")
    return KeywordRow(
        keyword=_any_of(match.alternatives) if group else match.keyword,
        importance=match.importance,
        posting_count=match.posting_count,
        matched=matched,
        found_in=", ".join(match.found_in),
        used=match.used,
        status=status,
        alternatives=match.alternatives if group else (),
        matched_via=via,
        satisfied_by=match.satisfied_by or "",
        generic=match.generic,
        note="; ".join(notes),
        resume_count=match.resume_count,
        soft=match.soft,
    )


_IMPORTANCE_ORDER = {"required": 0, "preferred": 1, "keyword": 2}


def _keywords(analysis: ResumeAnalysis) -> tuple[KeywordRow, ...]:
    if analysis.match is None:
        return ()
    rows = [_keyword_row(k, True) for k in analysis.match.matched]
    rows += [_keyword_row(k, False) for k in analysis.match.missing]
    rows.sort(key=lambda r: (_IMPORTANCE_ORDER.get(r.importance, 3), r.matched, -r.posting_count))
    return tuple(rows)


def _requirements(analysis: ResumeAnalysis) -> tuple[RequirementRow, ...]:
    if analysis.match is None:
        return ()
    rows = []
    for label, req in (
        ("Years of experience", analysis.match.years),
        ("Degree", analysis.match.degree),
    ):
        status = "Not asked" if req.meets is None else "Meets" if req.meets else "Short"
        asked = _fmt_value(req.asked) if req.asked is not None else "not asked"
        note = analysis.profile.years_note if label.startswith("Years") and req.found else ""
        rows.append(RequirementRow(label, asked, _fmt_value(req.found), status, note))
    return tuple(rows)


def _years_line(analysis: ResumeAnalysis) -> str | None:
    """Return the years found on the resume with how "present" was read, or None."""
    years = analysis.profile.years_experience
    if years is None:
        return None
    line = f"Years of experience on the resume: {_fmt_value(float(years))}"
    note = analysis.profile.years_note
    return f"{line} ({note})." if note else f"{line}."


def _pillars(analysis: ResumeAnalysis) -> tuple[PillarView, ...]:
    views = []
    for pillar in analysis.profile.roadmap.pillars:
        expected = len(pillar.expected)
        covered = max(0, expected - len(pillar.missing)) if expected else 0
        if expected:
            fraction = covered / expected
            value_text = f"{covered} of {expected} expected"
        else:
            fraction = min(1.0, len(pillar.evidence) / 5)
            value_text = f"{len(pillar.evidence)} found, none expected"
        views.append(
            PillarView(
                id=pillar.name,
                label=pillar.label,
                evidence=pillar.evidence,
                expected=pillar.expected,
                missing=pillar.missing,
                covered=covered,
                fraction=fraction,
                value_text=value_text,
            )
        )
    return tuple(views)


def _bullet_needs(
    reviews: tuple[BulletReview, ...], targets: dict[str, str]
) -> tuple[tuple[BulletNeed, ...], int, int]:
    scoped = [r for r in reviews if r.section in QUANTIFIABLE_SECTIONS]
    needs = []
    for review in scoped:
        if review.quantified:
            continue
        others = tuple(i.hint or i.message for i in review.issues if i.id != "no_metric")
        needs.append(
            BulletNeed(
                target=_resolve_anchor(review.bullet, targets),
                text=review.text,
                section=review.section,
                shape=review.shape or review.text,
                other_issues=others,
            )
        )
    quantified = sum(1 for r in scoped if r.quantified)
    return tuple(needs), quantified, len(scoped)


def _layout_facts(document: ResumeDocument) -> tuple[tuple[str, str], ...]:
    layout = document.layout
    return (
        ("File", f"{document.format.upper()}, {document.pages} page{'s' * (document.pages != 1)}"),
        ("Text columns", str(layout.columns)),
        ("Tables", str(layout.tables)),
        ("Images", str(layout.images)),
        ("Pages with images but no text", str(layout.image_only_pages)),
        ("Hidden text found", str(len(layout.hidden))),
        ("Characters that failed to decode", str(layout.cid_glyphs)),
        ("Text in page header or footer", str(len(layout.header_footer_text))),
    )


def _section_items(
    section: Section, bullets: list[tuple[str, str]], emitted: set[str]
) -> tuple[ResumeItem, ...]:
    """Interleave a section's plain lines with its bullets, in document order."""
    items: list[ResumeItem] = []
    pending = [(bid, text, _norm(strip_glyphs(text))) for bid, text in bullets]
    current = ""
    for raw in section.text.splitlines():
        key = _norm(strip_glyphs(raw))
        if not key:
            continue
        start = next((b for b in pending if b[0] not in emitted and b[2].startswith(key)), None)
        if start is not None:
            emitted.add(start[0])
            items.append(ResumeItem("bullet", start[1], start[0]))
            current = start[2]
        elif current and key in current:
            continue  # a wrapped continuation of the bullet just shown
        else:
            items.append(ResumeItem("line", raw.strip()))
            current = ""
    for bid, text, _ in pending:
        if bid not in emitted:
            emitted.add(bid)
            items.append(ResumeItem("bullet", text, bid))
    return tuple(items)


def _sections(document: ResumeDocument) -> tuple[SectionView, ...]:
    """Place each bullet in the section holding its text (else the first of its name)."""
    assigned: dict[int, list[tuple[str, str]]] = {i: [] for i in range(len(document.sections))}
    unplaced: list[tuple[str, str]] = []
    for bullet in document.bullets:
        if not _SAFE_ANCHOR.match(bullet.id):
            continue
        key = _norm(strip_glyphs(bullet.text))[:40]
        same_name = [i for i, s in enumerate(document.sections) if s.name == bullet.section]
        holder = next(
            (i for i in same_name if key and key in _norm(document.sections[i].text)),
            same_name[0] if same_name else None,
        )
        if holder is None:
            unplaced.append((bullet.id, bullet.text))
        else:
            assigned[holder].append((bullet.id, bullet.text))
    emitted: set[str] = set()
    views = [
        SectionView(
            id=f"section-{section.index}",
            name=section.name,
            heading=section.heading or section.name.capitalize(),
            items=_section_items(section, assigned[i], emitted),
        )
        for i, section in enumerate(document.sections)
    ]
    if unplaced:
        items = tuple(ResumeItem("bullet", text, bid) for bid, text in unplaced)
        views.append(SectionView("section-unplaced", "other", "Other bullets", items))
    return tuple(views)


def _contact(document: ResumeDocument) -> tuple[tuple[str, str], ...]:
    contact = document.contact
    rows = [
        (label, value)
        for label, value in (
            ("Name", contact.name),
            ("Email", contact.email),
            ("Phone", contact.phone),
            ("Location", contact.location),
        )
        if value
    ]
    rows += [(f"Link ({link.kind})", link.url) for link in contact.links]
    return tuple(rows)


_CROSS_CHECK_LABELS = (
    "Claimed on the resume, not shown in any repo",
    "Shown in repos, missing from the resume",
)


def _cross_check(cross_check: CrossCheck | None) -> tuple[CrossCheckItem, ...]:
    """List the cross-check's skill lists."""
    if cross_check is None:
        return ()
    return (
        CrossCheckItem(_CROSS_CHECK_LABELS[0], cross_check.claimed_without_evidence),
        CrossCheckItem(_CROSS_CHECK_LABELS[1], cross_check.evidence_not_claimed),
    )


def _portfolio(analysis: ResumeAnalysis) -> PortfolioView | None:
    if analysis.portfolio is None:
        return None
    return portfolio_view(analysis.portfolio, analysis.cross_check)


def portfolio_view(
    portfolio: PortfolioReview, cross_check: CrossCheck | None = None, *, local: bool = False
) -> PortfolioView:
    """Shape a PortfolioReview (and the resume cross-check, if any) into the portfolio part."""
    repos = []
    for repo in portfolio.repos:
        criteria = [
            CriterionView(c.id, c.passed, "Pass" if c.passed else "Fail", c.weight, c.fix)
            for c in (*repo.readme.criteria, *repo.hygiene.criteria)
        ]
        criteria.sort(key=lambda c: (c.passed, -c.weight))
        repos.append(
            RepoView(
                id=repo_anchor(repo.name),
                name=repo.name,
                fork=repo.fork,
                readme_score=repo.readme.score,
                hygiene_score=repo.hygiene.score,
                kinds=", ".join(kind_name(k) for k in repo.kinds),
                tutorial_clone=repo.tutorial_clone,
                language=repo.hygiene.primary_language,
                criteria=tuple(criteria),
                failed=sum(1 for c in criteria if not c.passed),
                set_apart=repo.set_apart if repo.set_apart != "fork" else None,
            )
        )
    known = dict(portfolio.kind_labels)
    kinds = tuple(
        KindView(k, label, k in portfolio.kinds, kind_name(k)) for k, label in portfolio.kind_labels
    )
    # A kind the review found but did not label is still shown, under its id.
    extra = tuple(
        KindView(k, k.replace("_", " "), True, kind_name(k))
        for k in portfolio.kinds
        if k not in known
    )
    return PortfolioView(
        login=portfolio.user.login,
        name=portfolio.user.name,
        score=portfolio.score,
        repos=tuple(repos),
        own_count=sum(1 for r in portfolio.repos if not r.fork and not r.set_apart),
        kinds=kinds + extra,
        tutorial_clones=tuple(portfolio.tutorial_clones),
        has_profile_readme=portfolio.user.has_profile_readme,
        cross_check=_cross_check(cross_check),
        forks=portfolio.forks or tuple(r.name for r in portfolio.repos if r.fork),
        partial=portfolio.partial,
        warnings=portfolio.warnings,
        local=local,
    )


def _findings_by_part(
    analysis: ResumeAnalysis, targets: dict[str, str], places: PagePlaces | None = None
) -> dict[str, tuple[FindingView, ...]]:
    parts: dict[str, list[FindingView]] = {part: [] for part in (*PART_AREAS, "other")}
    area_part = {area: part for part, areas in PART_AREAS.items() for area in areas}
    findings = list(analysis.findings)
    if analysis.portfolio is not None:
        seen = {(f.id, f.anchor, f.message) for f in findings}
        cross_check = analysis.cross_check.findings if analysis.cross_check else ()
        extra = (*analysis.portfolio.findings, *cross_check)
        for finding in extra:
            if (finding.id, finding.anchor, finding.message) not in seen:
                seen.add((finding.id, finding.anchor, finding.message))
                findings.append(finding)
    for finding in findings:
        part = area_part.get(str(finding.area), "other")
        if part == "portfolio" and analysis.portfolio is None:
            part = "other"
        parts[part].append(finding_view(finding, targets, places))
    return {part: tuple(views) for part, views in parts.items()}


_SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
_BULLET_ID = re.compile(r"^b\d+$")


def _place_severities(analysis: ResumeAnalysis) -> dict[str, str]:
    """Return bullet id -> the worst severity among the findings anchored on that bullet."""
    worst: dict[str, str] = {}
    for finding in analysis.findings:
        if finding.anchor and _BULLET_ID.match(finding.anchor):
            severity = _severity(finding)
            current = worst.get(finding.anchor)
            if current is None or _SEVERITY_RANK[severity] < _SEVERITY_RANK[current]:
                worst[finding.anchor] = severity
    return worst


def build_view(analysis: ResumeAnalysis) -> ReportView:
    """Decide what every part of the report shows for this analysis."""
    document = analysis.document
    profile = analysis.profile
    targets = _targets(document, analysis.portfolio)
    severities = _place_severities(analysis)
    layout = page_layout(document, severities)
    places = (
        PagePlaces(
            marks=layout.places,
            hidden=tuple(
                (f"hidden-{n}", h.text) for n, h in enumerate(document.layout.hidden, start=1)
            ),
            pages=len(layout.pages),
        )
        if layout is not None
        else None
    )
    headline, verdict_lines = _verdict(analysis)
    blocked = _is_blocked(analysis)
    counts = {s.value: 0 for s in Severity}
    for finding in analysis.findings:
        counts[_severity(finding)] += 1
    needs, quantified, total = _bullet_needs(profile.bullet_reviews, targets)
    match = analysis.match
    posting = analysis.posting
    name = document.contact.name
    source = document.path.replace("\\", "/").rsplit("/", 1)[-1]
    stage, stages = profile.roadmap.stage, profile.roadmap.stages
    return ReportView(
        title=f"mlcheck report for {name}" if name else f"mlcheck report for {source}",
        candidate=name,
        source=source,
        posting_title=posting.title if posting else None,
        posting_source=posting.path.replace("\\", "/").rsplit("/", 1)[-1] if posting else None,
        headline=headline,
        blocked=blocked,
        years_line=None if blocked else _years_line(analysis),
        verdict_lines=verdict_lines,
        scores=_scores(analysis),
        ats_score=match.score if match else None,
        severity_counts=tuple((s.value.capitalize(), counts[s.value]) for s in Severity),
        fix_first=tuple(
            finding_view(f, targets, places) for f in analysis.findings[:FIX_FIRST_COUNT]
        ),
        has_posting=match is not None,
        keywords=tuple(k for k in _keywords(analysis) if not k.soft),
        soft_skills=tuple(k for k in _keywords(analysis) if k.soft),
        missing_required=tuple(
            k.keyword
            for k in (match.missing if match and not blocked else ())
            if k.importance == "required" and not k.soft
        ),
        missing_soft=tuple(
            k.keyword
            for k in (match.missing if match and not blocked else ())
            if k.importance == "required" and k.soft
        ),
        shown_not_named=tuple(
            f"{k.keyword}: shown by {k.satisfied_by}"
            for k in (match.matched if match and not blocked else ())
            if k.satisfied_by and k.importance != "keyword"
        ),
        requirements=_requirements(analysis),
        components=tuple(match.components) if match else (),
        similarity=match.similarity * 100 if match else None,
        title_match=match.title_match * 100 if match else None,
        pillars=_pillars(analysis),
        skills_used=sum(1 for s in profile.skills if s.used),
        skills_listed_only=tuple(s.name for s in profile.skills if not s.used),
        achievements=tuple(
            AchievementView(
                text=a.text,
                metrics=tuple(m.text for m in a.metrics),
                section=a.section,
                target=_resolve_anchor(a.bullet, targets),
            )
            for a in profile.achievements
        ),
        bullets_quantified=quantified,
        bullets_total=total,
        bullet_needs=needs,
        layout_facts=_layout_facts(document),
        hidden_text=tuple((h.text, h.reason) for h in document.layout.hidden),
        stage=stage,
        stage_index=stages.index(stage) if stage in stages else -1,
        stages=stages,
        stage_reasons=profile.roadmap.reasons,
        next_steps=profile.roadmap.next_steps,
        portfolio=_portfolio(analysis),
        portfolio_error=analysis.portfolio_error,
        findings_by_part=_findings_by_part(analysis, targets, places),
        sections=_sections(document),
        contact=_contact(document),
        warnings=document.warnings,
        finding_count=len(analysis.findings),
        page_layout=layout,
        document_format=document.format,
        posting=side_by_side(analysis),
        source_document=document,
        place_severities=severities,
    )
