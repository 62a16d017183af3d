"""Types of the NLP stage's resources: the skills taxonomy and role profiles.

The file format these are loaded from is documented in docs/taxonomy.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class AmbiguityHints:
    """Rules that keep an ambiguous skill name (R, Go, C, Spark...) from false matches."""

    case_sensitive: bool = True
    """Match the short form only with exactly this casing ("Go", not "go")."""
    context: tuple[str, ...] = ()
    """Words (lower case) of which one must be in the same sentence, unless the mention is in
    a skills section or in a list of other skills."""
    reject_next: tuple[str, ...] = ()
    """Next-token texts (lower case) that rule the match out ("&" after "R", "-" after "Go")."""
    reject_prev: tuple[str, ...] = ()
    """Previous-token texts (lower case) that rule the match out."""
    ambiguous_aliases: tuple[str, ...] = ()
    """Which of the names these hints apply to; empty means all names of the skill."""
    metric: bool = False
    """A metric's name: with a value beside it ("recall of 0.9", "92% recall") it reports a
    result, not a skill, outside a skills list."""


@dataclass(frozen=True)
class SkillDef:
    """One skill of the taxonomy."""

    name: str
    """Canonical name, as displayed ("scikit-learn")."""
    category: str
    """Pillar id."""
    aliases: tuple[str, ...] = ()
    """Other spellings that mean the same skill ("sklearn", "scikit learn")."""
    hints: AmbiguityHints | None = None
    """Present for ambiguous names only."""
    implies: tuple[str, ...] = ()
    """Canonical names of skills that using this one shows ("Amazon EKS" -> AWS, Kubernetes)."""


@dataclass(frozen=True)
class Category:
    """A pillar of the ML-engineer roadmap."""

    id: str
    """Identifier, e.g. "mlops"."""
    name: str
    """Display name, e.g. "MLOps & deployment"."""
    description: str = ""
    """What evidence of this pillar looks like."""


@dataclass(frozen=True)
class PillarExpectation:
    """The core skills a role expects for one pillar."""

    category: str
    """Pillar id."""
    core: tuple[str, ...]
    """Canonical skill names a strong candidate shows."""


@dataclass(frozen=True)
class RoleProfile:
    """What a role expects, per pillar."""

    id: str
    """Identifier, e.g. "machine_learning_engineer"."""
    name: str
    """Display name."""
    titles: tuple[str, ...]
    """Job titles that mean this role (lower case)."""
    pillars: tuple[PillarExpectation, ...]
    """Expectations per pillar."""


@dataclass(frozen=True)
class Taxonomy:
    """Skills, categories and role profiles, loaded once per process."""

    categories: tuple[Category, ...]
    """Pillars in display order."""
    skills: tuple[SkillDef, ...]
    """All skills."""
    roles: tuple[RoleProfile, ...]
    """Role profiles."""

    def skill(self, name: str) -> SkillDef | None:
        """Return the skill with this canonical name (case-insensitive), if any."""
        return self._by_name.get(name.casefold())

    def implies(self, name: str) -> tuple[str, ...]:
        """Return the skills this canonical name directly implies (``implies``), or ()."""
        return self._implies.get(name, ())

    @cached_property
    def _by_name(self) -> dict[str, SkillDef]:
        # Looked up for every skill of every resume and posting: a scan of the taxonomy per
        # call was a tenth of the analysis. The first skill of a name wins, as in a scan.
        by_name: dict[str, SkillDef] = {}
        for skill in self.skills:
            by_name.setdefault(skill.name.casefold(), skill)
        return by_name

    @cached_property
    def _implies(self) -> dict[str, tuple[str, ...]]:
        return {s.name: s.implies for s in self.skills if s.implies}

    def role(self, role_id: str) -> RoleProfile | None:
        """Return the role profile with this id, if any."""
        return next((r for r in self.roles if r.id == role_id), None)
