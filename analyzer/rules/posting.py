"""How a job posting is read (posting.json), typed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class YearsRules:
    """How "3+ years of experience" is read."""

    number_words: Mapping[str, int]
    """Numbers written as words ("three") -> value."""
    follow_words: frozenset[str]
    """Words after "N years" that make it an experience ask ("experience", "building")."""
    max_years: int
    """A larger number of years is not an ask (a company's age, a typo)."""


@dataclass(frozen=True)
class DegreeWords:
    """How one degree level is written."""

    words: tuple[str, ...]
    """Regular-expression alternatives of the written-out degree ("bachelor'?s")."""
    abbrev: tuple[str, ...]
    """Regular-expression alternatives of its abbreviations ("B\\.?S", "BSc")."""


@dataclass(frozen=True, eq=False)
class DegreeRules:
    """How a degree ask is read (compared by identity: compiled patterns cache on it)."""

    levels: Mapping[str, DegreeWords]
    """bachelor, master, phd -> how each is written."""
    abbrev_reject_next: tuple[str, ...]
    """Words after an abbreviation that make it something else ("MS Office")."""
    equivalent: tuple[str, ...]
    """Phrases accepting equivalent experience instead of the degree."""


@dataclass(frozen=True, eq=False)
class KeywordRules:
    """How the salient keywords are chosen (compared by identity: derived tables cache on it)."""

    top: int
    """Keywords kept by default."""
    min_length: int
    """Shorter keywords (in characters) are dropped."""
    stop_words: tuple[str, ...]
    """Words never in a keyword, besides spaCy's and scikit-learn's stop words."""
    generic_unigrams: frozenset[str]
    """Words too generic to be a keyword alone ("experience", "systems")."""
    prose_weight: float
    """Weight of a prose sentence against a list item's 1.0."""
    boilerplate: tuple[str, ...]
    """Words of company and benefits boilerplate, never in a keyword."""
    background: tuple[str, ...]
    """Generic postings of other trades whose words give the IDF."""


@dataclass(frozen=True)
class PostingRules:
    """Everything in posting.json, typed."""

    headings: Mapping[str, tuple[str, ...]]
    """Posting part (required, preferred, responsibilities, company, ignore) -> headings."""
    meta_prefixes: frozenset[str]
    """Prefixes of "Location: ..."-style metadata lines."""
    title_prefixes: frozenset[str]
    """Prefixes of a "Title: ..." line."""
    title_words: tuple[str, ...]
    """Words that make a line a job title ("engineer", "scientist")."""
    title_noise: frozenset[str]
    """Words of a title that say nothing about the job ("senior", "remote")."""
    title_abbreviations: Mapping[str, str]
    """Title abbreviations -> words ("mle" -> "machine learning engineer")."""
    preferred_markers: tuple[str, ...]
    """Phrases that make a clause a nice-to-have ("is a plus")."""
    required_markers: tuple[str, ...]
    """Phrases that make a clause a requirement ("must have")."""
    lead_ins: tuple[str, ...]
    """Phrases before a list of alternatives ("such as", "one of")."""
    years: YearsRules
    """How years of experience are read."""
    degrees: DegreeRules
    """How degrees are read."""
    keywords: KeywordRules
    """How salient keywords are chosen."""


def parse_posting_rules(data: dict[str, Any]) -> PostingRules:
    """Build the posting rules from schema-valid posting.json data."""
    years, degrees, keywords = data["years"], data["degrees"], data["keywords"]
    return PostingRules(
        headings={part: tuple(v) for part, v in data["headings"].items()},
        meta_prefixes=frozenset(data["meta_prefixes"]),
        title_prefixes=frozenset(data["title_prefixes"]),
        title_words=tuple(data["title_words"]),
        title_noise=frozenset(data["title_noise"]),
        title_abbreviations=dict(data["title_abbreviations"]),
        preferred_markers=tuple(data["preferred_markers"]),
        required_markers=tuple(data["required_markers"]),
        lead_ins=tuple(data["alternatives"]["lead_ins"]),
        years=YearsRules(
            number_words=dict(years["number_words"]),
            follow_words=frozenset(years["follow_words"]),
            max_years=int(years["max_years"]),
        ),
        degrees=DegreeRules(
            levels={
                level: DegreeWords(tuple(degrees[level]["words"]), tuple(degrees[level]["abbrev"]))
                for level in ("bachelor", "master", "phd")
            },
            abbrev_reject_next=tuple(degrees["abbrev_reject_next"]),
            equivalent=tuple(degrees["equivalent"]),
        ),
        keywords=KeywordRules(
            top=int(keywords["top"]),
            min_length=int(keywords["min_length"]),
            stop_words=tuple(keywords["stop_words"]),
            generic_unigrams=frozenset(keywords["generic_unigrams"]),
            prose_weight=float(keywords["prose_weight"]),
            boilerplate=tuple(keywords["boilerplate"]),
            background=tuple(keywords["background"]),
        ),
    )
