"""Match a resume against a job posting: keywords, title, years, degree, score.

Skills meet through their canonical names: the posting and the resume go through the same
taxonomy and matcher, so "ML" in a posting matches "machine learning" in a resume, and names
match as whole words only ("Go" is not found in "going"). A skill counts once however often it
is repeated. An any-of group of the posting ("PyTorch or TensorFlow") is one requirement, met by
its best member in the resume; a concept skill the resume does not name (model deployment) is
still met by evidence of it ("Deployed 12 models", see analyzer/ats/evidence.py) or by the
skills the resume names that imply it (``implies`` in the taxonomy: MySQL shows SQL, PyTorch
deep learning); ``satisfied_by`` then says what showed it. The title
match (0-1)::

    1.0  the posting's title (seniority words dropped, "ML" read as "machine learning") is in
         the resume's headline/summary or its most recent experience role
    0.8  it is in an older experience role
    0.7  a title of the same role family (taxonomy role titles) is in any of those places
    0.4 * the best word overlap (Jaccard) between the title and a headline line or role

The score itself is computed in analyzer/ats/score.py (formula in its docstring and in
docs/scoring.md); ``similarity`` is the TF-IDF cosine similarity of the two texts, reported
beside the score but not part of it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from analyzer.ats.evidence import Unit, concept_evidence, resume_words
from analyzer.ats.interface import AtsResources
from analyzer.ats.posting import clean_title
from analyzer.ats.score import DEGREE_RANK, SCORING_VERSION, components, total
from analyzer.models import (
    AtsMatch,
    JobPosting,
    KeywordMatch,
    Requirement,
    ResumeDocument,
    ResumeProfile,
    Skill,
)
from analyzer.nlp.interface import Taxonomy
from analyzer.rules.posting import PostingRules
from analyzer.rules.scoring import GenericSkills

IMPORTANCE_ORDER = {"required": 0, "preferred": 1, "keyword": 2}
"""Order of KeywordMatch lists: required, then preferred, then other keywords."""

SHOWN_BY_LIMIT = 4
"""Implying skills named at most in ``satisfied_by`` ("deep learning: shown by PyTorch, BERT")."""

HEADLINE_SECTIONS = ("contact", "summary")
"""Sections that hold the resume's headline."""

_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]")
_TERM_SPLIT = re.compile(r"[\s-]+")


def match_resume(
    document: ResumeDocument,
    profile: ResumeProfile,
    posting: JobPosting,
    resources: AtsResources,
) -> AtsMatch:
    """Match a resume (document + profile) against a posting and score it 0-100."""
    matched, missing = keyword_matches(document, profile, posting, resources)
    title = title_match(document, posting.title, resources) if posting.title else None
    years = years_requirement(posting, profile)
    degree = degree_requirement(posting, profile, years)
    parts = components(
        matched,
        missing,
        title,
        years,
        degree,
        posting.degree_or_equivalent,
        resources.rules.scoring.ats,
    )
    score, breakdown = total(parts)
    return AtsMatch(
        score=score,
        similarity=text_similarity(posting.text, document.text),
        title_match=round(title or 0.0, 2),
        matched=matched,
        missing=missing,
        years=years,
        degree=degree,
        scoring_version=SCORING_VERSION,
        posting_title=posting.title,
        components=breakdown,
    )


# --------------------------------------------------------------------------- keywords


def _order(item: KeywordMatch) -> tuple[int, int, str]:
    return (IMPORTANCE_ORDER[item.importance], -item.posting_count, item.keyword.casefold())


def keyword_matches(
    document: ResumeDocument,
    profile: ResumeProfile,
    posting: JobPosting,
    resources: AtsResources,
) -> tuple[tuple[KeywordMatch, ...], tuple[KeywordMatch, ...]]:
    """Return (matched, missing) posting skills, any-of groups and keywords, required first.

    ``resources`` gives the skills' categories, which tell generic concepts from hard skills.
    """
    rules = resources.rules.scoring.ats
    skills: dict[str, Skill] = {s.name.casefold(): s for s in profile.skills}
    counts = {name.casefold(): count for name, count in posting.skill_counts}
    grouped = {m.casefold() for group in posting.alternatives for m in group}
    required = {n.casefold() for n in posting.required_skills}
    matched: list[KeywordMatch] = []
    missing: list[KeywordMatch] = []
    units: tuple[Unit, ...] | None = None  # the resume's words, split at the first need

    def found(name: str) -> tuple[tuple[str, ...], bool, str | None, int] | None:
        """(sections, used, shown by, count) of a skill in the resume, by name or evidence."""
        skill = skills.get(name.casefold())
        if skill is not None:
            # Shown only by the skills that imply it (MySQL -> SQL): name them.
            shown = ", ".join(skill.implied_by[:SHOWN_BY_LIMIT]) if skill.implied_by else None
            return tuple(sorted(set(skill.sections))), skill.used, shown, skill.mentions
        nonlocal units
        if units is None:
            units = resume_words(document)
        evidence = concept_evidence(name, document, profile, rules.concept_evidence, units)
        if evidence is not None:
            return evidence.sections, evidence.used, evidence.shown_by, evidence.count
        return None

    def soft(names: Iterable[str]) -> bool:
        return all(n.casefold() in rules.generic_skills.soft for n in names)

    for importance, names in (
        ("required", posting.required_skills),
        ("preferred", posting.preferred_skills),
    ):
        for name in names:
            if name.casefold() in grouped:
                continue
            count = counts.get(name.casefold(), 1)
            generic = is_generic(name, rules.generic_skills, resources.taxonomy)
            hit = found(name)
            if hit is None:
                missing.append(
                    KeywordMatch(name, importance, count, generic=generic, soft=soft([name]))
                )
            else:
                sections, used, shown, times = hit
                matched.append(
                    KeywordMatch(
                        name,
                        importance,
                        count,
                        sections,
                        used,
                        satisfied_by=shown,
                        generic=generic,
                        resume_count=times,
                        soft=soft([name]),
                    )
                )
    for group in posting.alternatives:
        importance = "required" if all(m.casefold() in required for m in group) else "preferred"
        count = max(counts.get(m.casefold(), 1) for m in group)
        generic = all(is_generic(m, rules.generic_skills, resources.taxonomy) for m in group)
        hits = [(m, hit) for m in group if (hit := found(m)) is not None]
        if not hits:
            missing.append(
                KeywordMatch(
                    any_of(group),
                    importance,
                    count,
                    alternatives=group,
                    generic=generic,
                    soft=soft(group),
                )
            )
            continue
        name, (sections, used, shown, times) = next((h for h in hits if h[1][1]), hits[0])
        matched.append(
            KeywordMatch(
                name,
                importance,
                count,
                sections,
                used,
                alternatives=group,
                satisfied_by=shown,
                generic=generic,
                resume_count=times,
                soft=soft(group),
            )
        )
    texts = _folded_texts(document) if posting.keywords else None
    for keyword in posting.keywords:
        count = len(find_term(keyword, posting.text))
        sections = term_sections(keyword, document, texts)
        if sections:
            used = any(s in ("experience", "projects") for s in sections)
            times = len(find_term(keyword, document.text))
            matched.append(
                KeywordMatch(keyword, "keyword", max(count, 1), sections, used, resume_count=times)
            )
        else:
            missing.append(KeywordMatch(keyword, "keyword", max(count, 1)))
    return tuple(sorted(matched, key=_order)), tuple(sorted(missing, key=_order))


def any_of(members: tuple[str, ...]) -> str:
    """Name an any-of group as the posting would: "PyTorch or TensorFlow", "A, B or C"."""
    if len(members) < 2:
        return "".join(members)
    return f"{', '.join(members[:-1])} or {members[-1]}"


def is_generic(name: str, rules: GenericSkills, taxonomy: Taxonomy) -> bool:
    """True for a generic concept: a listed generic term or a skill of a generic category."""
    folded = name.casefold()
    if folded in rules.not_generic:
        return False
    if folded in rules.skills:
        return True
    definition = taxonomy.skill(name)
    return definition is not None and definition.category in rules.categories


@functools.lru_cache(maxsize=1024)
def _term_pattern(term: str) -> re.Pattern[str]:
    """Whole-word pattern for a term, tolerating a plural "s" and flexible spacing/hyphens."""
    words = [re.escape(w) for w in _TERM_SPLIT.split(term.strip()) if w]
    body = r"[\s-]+".join(words)
    return re.compile(rf"(?<![\w-]){body}(?:s|es)?(?![\w-])", re.IGNORECASE)


def find_term(term: str, text: str) -> list[str]:
    """Return every whole-word occurrence of a term in a text."""
    return _term_pattern(term).findall(text)


_ODD_FOLDS = frozenset("\u0130\u0131\u017f\u212a")
"""Characters an IGNORECASE regex matches to an ASCII letter though str.lower() does not give
that letter (İ, dotless ı, long ſ, the Kelvin sign): a text holding one gets no pre-test."""

_FoldedTexts = tuple[tuple[tuple[str, str, "str | None"], ...], "str | None"]
"""((section name, text, its pre-test form), ...) and the whole text's pre-test form."""


def _folded(text: str) -> str | None:
    """Return ``text`` lower-cased for the substring pre-test, or None when it cannot serve."""
    return None if not _ODD_FOLDS.isdisjoint(text) else text.lower()


def _folded_texts(document: ResumeDocument) -> _FoldedTexts:
    """Lower-case the resume's sections and text once for all the posting's keywords."""
    sections = tuple((s.name, s.text, _folded(s.text)) for s in document.sections)
    return sections, _folded(document.text)


def _may_hold(term: str, folded: str | None) -> bool:
    """False only when ``_term_pattern(term)`` cannot match the text ``folded`` was made from.

    The pattern's words are ASCII literals matched case-insensitively, so in a text without
    odd folds each word, lower-cased, is a substring of the lower-cased text: a plain ``in``
    rules most texts out before the regex, whose look-behind it tries at every position.
    """
    if folded is None:
        return True
    words = [w.lower() for w in _TERM_SPLIT.split(term.strip()) if w]
    if not all(w.isascii() for w in words):
        return True
    return all(w in folded for w in words)


def term_sections(
    term: str, document: ResumeDocument, texts: _FoldedTexts | None = None
) -> tuple[str, ...]:
    """Return the sorted canonical sections of the resume that contain the term.

    ``texts`` is ``_folded_texts(document)``, passed by a caller asking for many terms.
    """
    pattern = _term_pattern(term)
    sections, whole = _folded_texts(document) if texts is None else texts
    found = {
        name for name, text, folded in sections if _may_hold(term, folded) and pattern.search(text)
    }
    if not found and _may_hold(term, whole) and pattern.search(document.text):
        found.add("other")
    return tuple(sorted(found))


# --------------------------------------------------------------------------- title


def normalize_title(title: str, rules: PostingRules) -> str:
    """Lower-case a title, expand abbreviations ("ML") and drop seniority/noise words."""
    noise = rules.title_noise
    abbreviations = rules.title_abbreviations
    tokens = _TOKEN.findall(clean_title(title, rules).lower().replace("\u2019", "'"))
    out: list[str] = []
    for token in tokens:
        if token in noise:
            continue
        out.extend(abbreviations.get(token, token).split())
    return " ".join(out)


def _normalize_text(text: str, abbreviations: Mapping[str, str]) -> str:
    """Normalize resume text the same way as titles, but keep every word."""
    tokens = _TOKEN.findall(text.lower())
    return " ".join(w for t in tokens for w in abbreviations.get(t, t).split())


def _has_title(title: str, normalized: Iterable[str]) -> bool:
    """True when ``title`` is in one of the texts (each normalized by ``_normalize_text``)."""
    if not title:
        return False
    pattern = re.compile(rf"(?<![\w]){re.escape(title)}(?![\w])")
    return any(pattern.search(t) for t in normalized)


_ROLE_TITLES_KEPT = 4
_RoleTitles = tuple[tuple[str, ...], ...]
_role_titles: dict[tuple[int, int], tuple[Taxonomy, PostingRules, _RoleTitles]] = {}
"""Normalized titles of each taxonomy role, by the identity of the taxonomy and the rules."""


def _normalized_role_titles(taxonomy: Taxonomy, rules: PostingRules) -> _RoleTitles:
    """Return each role's sorted normalized titles, normalized once per taxonomy and rules."""
    key = (id(taxonomy), id(rules))
    kept = _role_titles.get(key)
    if kept is not None and kept[0] is taxonomy and kept[1] is rules:
        return kept[2]
    titles = tuple(
        tuple(sorted({normalize_title(t, rules) for t in role.titles if t.strip()}))
        for role in taxonomy.roles
    )
    if len(_role_titles) >= _ROLE_TITLES_KEPT:
        del _role_titles[next(iter(_role_titles))]
    _role_titles[key] = (taxonomy, rules, titles)
    return titles


def role_family(title: str, resources: AtsResources) -> tuple[str, ...]:
    """Return the normalized titles of the taxonomy role the title belongs to."""
    best: tuple[int, tuple[str, ...]] = (0, ())
    padded = f" {title} "
    for titles in _normalized_role_titles(resources.taxonomy, resources.rules.posting):
        for candidate in titles:
            if candidate and (candidate == title or f" {candidate} " in padded):
                if len(candidate) > best[0]:
                    best = (len(candidate), titles)
    return best[1]


def headline_texts(document: ResumeDocument) -> list[str]:
    """Return the resume's headline lines: contact/summary sections and its first lines."""
    texts = [s.text for s in document.sections if s.name in HEADLINE_SECTIONS]
    texts.extend(line.text for line in document.lines[:4])
    return texts


def title_match(document: ResumeDocument, title: str, resources: AtsResources) -> float:
    """Return 0-1: how well the resume shows the posting's job title (see module doc)."""
    weights = resources.rules.scoring.ats.title
    posting_rules = resources.rules.posting
    abbreviations = posting_rules.title_abbreviations
    wanted = normalize_title(title, posting_rules)
    if not wanted:
        return 0.0
    headline = headline_texts(document)
    roles = [e.role for e in document.entries if e.section == "experience" and e.role]
    recent = [
        e.role
        for i, e in enumerate(e for e in document.entries if e.section == "experience")
        if e.role and (i == 0 or e.current)
    ]
    normalized = {t: _normalize_text(t, abbreviations) for t in [*headline, *roles]}
    if _has_title(wanted, (normalized[t] for t in headline)):
        return weights.headline
    if _has_title(wanted, (normalized[t] for t in recent)):
        return weights.recent_role
    if _has_title(wanted, (normalized[t] for t in roles)):
        return weights.any_role
    family = [t for t in role_family(wanted, resources) if t != wanted]
    everywhere = [normalized[t] for t in [*headline, *roles]]
    if any(_has_title(t, everywhere) for t in family):
        return weights.family
    wanted_words = set(wanted.split())
    best = 0.0
    for text in [*headline, *roles]:
        for line in text.split("\n"):
            words = set(_normalize_text(line, abbreviations).split())
            if words:
                best = max(best, len(wanted_words & words) / len(wanted_words | words))
    return round(weights.partial_max * best, 2)


# --------------------------------------------------------------------------- years, degree


def years_requirement(posting: JobPosting, profile: ResumeProfile) -> Requirement:
    """Return years asked vs the resume's years of experience."""
    found = round(profile.years_experience, 1) if profile.years_experience is not None else None
    asked = posting.years_required
    meets = None if asked is None or found is None else found >= asked
    if asked is not None and found is None:
        meets = False
    return Requirement(asked=asked, found=found, meets=meets)


def degree_requirement(
    posting: JobPosting, profile: ResumeProfile, years: Requirement
) -> Requirement:
    """Return the degree asked vs the resume's highest degree."""
    asked, found = posting.degree_required, profile.degree
    if asked is None:
        return Requirement(asked=None, found=found, meets=None)
    meets = found is not None and DEGREE_RANK.get(found, -1) >= DEGREE_RANK.get(asked, 1)
    if not meets and posting.degree_or_equivalent and years.meets:
        meets = True
    return Requirement(asked=asked, found=found, meets=meets)


# --------------------------------------------------------------------------- similarity


def text_similarity(posting_text: str, resume_text: str) -> float:
    """Return the TF-IDF cosine similarity (English stop words, 1-2 grams) of two texts."""
    from analyzer.ats.tfidf import tfidf_cosine

    try:
        return round(tfidf_cosine(posting_text, resume_text), 2)
    except ValueError:  # nothing but stop words
        return 0.0
