"""Resume section headings and entry words (headings.json), typed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, eq=False)
class HeadingRules:
    """How the document stage names sections and tells entry lines apart.

    Compared by identity: the document stage caches its synonym table on it.
    """

    sections: Mapping[str, tuple[str, ...]]
    """Canonical section -> the headings people print for it."""
    keywords: Mapping[str, tuple[str, ...]]
    """Canonical section -> words that make a short unknown heading that section."""
    role_words: frozenset[str]
    """Words of a job title ("engineer", "intern"), lower case."""
    organisation_words: frozenset[str]
    """Words of an employer or school name ("inc", "university"), lower case."""
    degree_words: frozenset[str]
    """Words of a degree ("bsc", "master"), lower case."""
    regions: frozenset[str]
    """Regions and countries a location line ends with, lower case."""
    function_words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """ISO 639-1 language code -> common function words ("und", "the"), lower case."""


def _lower(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


def parse_headings(data: dict[str, Any]) -> HeadingRules:
    """Build the heading rules from schema-valid headings.json data."""
    entries = data["entries"]
    return HeadingRules(
        sections={name: tuple(v) for name, v in data["sections"].items()},
        keywords={name: tuple(v) for name, v in data["keywords"].items()},
        role_words=_lower(entries["role_words"]),
        organisation_words=_lower(entries["organisation_words"]),
        degree_words=_lower(entries["degree_words"]),
        regions=_lower(entries["regions"]),
        function_words={
            code: _lower(words) for code, words in data.get("function_words", {}).items()
        },
    )
