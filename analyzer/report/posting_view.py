"""The posting beside the resume: each posting skill marked found or missing in both texts.

The report shows the posting's own text with its required and preferred skills marked (found on
the resume, and where, or missing) and the resume's text with the same skills marked, the side
by side view job seekers know from ATS checkers. Marks are found with the whole-word pattern the
matcher counts with, on the skill's name, its any-of members and its taxonomy aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzer.errors import MlcheckError
from analyzer.models import KeywordMatch, ResumeAnalysis

SHORT_ALIAS = 3
"""Aliases shorter than this ("R", "Go") are matched with their exact case only."""


@dataclass(frozen=True)
class Segment:
    """A run of text, plain or marked as a posting skill."""

    text: str
    """The text as written."""
    status: str = ""
    """"" for plain text; found or missing for a posting skill."""
    importance: str = ""
    """required, preferred or keyword, for a marked run."""
    note: str = ""
    """What the mark means, in words: "PyTorch: required; on the resume in experience"."""


@dataclass(frozen=True)
class PostingSideBySide:
    """The two texts, cut into segments."""

    posting: tuple[Segment, ...]
    """The posting's text."""
    resume: tuple[Segment, ...]
    """The resume's text as read."""
    found: int
    """Required and preferred skills found on the resume."""
    missing: int
    """Required and preferred skills missing from the resume."""


def _terms(match: KeywordMatch, aliases: dict[str, tuple[str, ...]]) -> list[str]:
    names = list(match.alternatives or (match.keyword,))
    for name in list(names):
        names += aliases.get(name.casefold(), ())
    return list(dict.fromkeys(n for n in names if n.strip()))


def _pattern(term: str) -> re.Pattern[str]:
    # The matcher's own pattern, imported here: rendering saved JSON loads no reader or NLP.
    from analyzer.ats.match import _term_pattern

    if len(term) < SHORT_ALIAS:
        return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")
    return _term_pattern(term)


def _segments(text: str, marks: list[tuple[list[str], str, str, str]]) -> tuple[Segment, ...]:
    """Cut the text at every occurrence of the marked terms (first, longest mark wins)."""
    spans: list[tuple[int, int, str, str, str]] = []
    for terms, status, importance, note in marks:
        for term in terms:
            for hit in _pattern(term).finditer(text):
                spans.append((hit.start(), hit.end(), status, importance, note))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    segments: list[Segment] = []
    at = 0
    for start, end, status, importance, note in spans:
        if start < at:
            continue
        if start > at:
            segments.append(Segment(text[at:start]))
        segments.append(Segment(text[start:end], status, importance, note))
        at = end
    if at < len(text):
        segments.append(Segment(text[at:]))
    return tuple(segments)


def _aliases(analysis: ResumeAnalysis) -> dict[str, tuple[str, ...]]:
    from analyzer.nlp.taxonomy import load_taxonomy

    try:
        taxonomy = load_taxonomy()
    except MlcheckError:
        return {}
    return {skill.name.casefold(): skill.aliases for skill in taxonomy.skills}


def side_by_side(analysis: ResumeAnalysis) -> PostingSideBySide | None:
    """Return the posting and resume texts with the posting's skills marked; None without one."""
    if analysis.match is None or analysis.posting is None or not analysis.posting.text.strip():
        return None  # saved JSON keeps no posting text
    aliases = _aliases(analysis)
    posting_marks: list[tuple[list[str], str, str, str]] = []
    resume_marks: list[tuple[list[str], str, str, str]] = []
    found = missing = 0
    for matched, group in ((True, analysis.match.matched), (False, analysis.match.missing)):
        for keyword in group:
            terms = _terms(keyword, aliases)
            if matched:
                where = ", ".join(keyword.found_in) or "the resume"
                via = f" (as {keyword.satisfied_by})" if keyword.satisfied_by else ""
                note = f"{keyword.keyword}: {keyword.importance}; found in {where}{via}"
                status = "found"
            else:
                note = f"{keyword.keyword}: {keyword.importance}; missing from the resume"
                status = "missing"
            if keyword.importance in ("required", "preferred"):
                found += matched
                missing += not matched
            posting_marks.append((terms, status, keyword.importance, note))
            if matched:
                resume_marks.append((terms, status, keyword.importance, note))
    return PostingSideBySide(
        posting=_segments(analysis.posting.text, posting_marks),
        resume=_segments(analysis.document.text, resume_marks),
        found=found,
        missing=missing,
    )
