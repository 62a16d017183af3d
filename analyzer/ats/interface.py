"""What the ATS stage needs from the NLP stage's resources, as structural types.

``analyzer.nlp.resources.Resources`` satisfies these; tests may pass small fakes. The ATS stage
matches a posting with the SAME taxonomy and skill matcher as the resume, so that an alias in
the posting ("ML", "GCP") and another in the resume ("machine learning", "Google Cloud") meet
at one canonical skill.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from analyzer.models import SkillMention
from analyzer.nlp.interface import Taxonomy
from analyzer.rules import Rules


class SkillFinder(Protocol):
    """Finds taxonomy skills in text, whole words only, aliases mapped to canonical names."""

    def find_in_text(self, text: str, section: str) -> Sequence[SkillMention]:
        """Return one mention per occurrence of a skill in ``text``."""
        ...


class AtsResources(Protocol):
    """The loaded resources the ATS stage uses (taxonomy, skill matcher, rules)."""

    @property
    def taxonomy(self) -> Taxonomy:
        """Skills, categories and role profiles."""
        ...

    @property
    def skills(self) -> SkillFinder:
        """The compiled skill matcher."""
        ...

    @property
    def rules(self) -> Rules:
        """The rules files (posting reading, scoring weights, word lists)."""
        ...
