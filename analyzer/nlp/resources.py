"""The NLP stage's heavy resources, built once per process and passed in.

``get_resources(settings)`` returns the spaCy pipeline, the taxonomy, the compiled skill
matcher, the role profile and the rules (every data file under skills_taxonomy/, typed). It
is cached per process keyed by (taxonomy paths, model name, role id), so a batch run or a
worker pool builds them once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language

from analyzer.errors import ConfigError
from analyzer.nlp.interface import RoleProfile, Taxonomy
from analyzer.nlp.pipeline import build_nlp
from analyzer.nlp.skills import SkillMatcher
from analyzer.rules import Rules, shipped_rules
from analyzer.rules.language import LanguageLists
from analyzer.settings import Settings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Resources:
    """Everything the NLP and ATS stages need besides the input."""

    nlp: Language
    """The spaCy pipeline (trained when installed, else blank English + sentencizer)."""
    taxonomy: Taxonomy
    """Skills, categories and role profiles."""
    skills: SkillMatcher
    """The taxonomy compiled into spaCy matchers."""
    role: RoleProfile
    """The role profile the roadmap measures against."""
    rules: Rules
    """Every rules file under skills_taxonomy/, typed (the process-wide shipped_rules())."""

    @property
    def language(self) -> LanguageLists:
        """Action verbs, weak openers, clichés and metric nouns."""
        return self.rules.language


def resolve_role(taxonomy: Taxonomy, role_id: str) -> RoleProfile:
    """Return the role profile ``role_id``; refuse an unknown id when roles are defined."""
    role = taxonomy.role(role_id)
    if role is not None:
        return role
    if taxonomy.roles:
        known = ", ".join(sorted(r.id for r in taxonomy.roles))
        raise ConfigError(f"unknown role {role_id!r} (known: {known})")
    logger.warning("no role profiles loaded; the roadmap has no expectations")
    return RoleProfile(id=role_id, name=role_id, titles=(), pillars=())


def build_resources(
    nlp: Language, taxonomy: Taxonomy, role_id: str, rules: Rules | None = None
) -> Resources:
    """Compile resources from a pipeline and a taxonomy already loaded (tests use this).

    ``rules`` defaults to the process-wide shipped rules, the ones the document stage uses.
    """
    return Resources(
        nlp=nlp,
        taxonomy=taxonomy,
        skills=SkillMatcher(nlp, taxonomy),
        role=resolve_role(taxonomy, role_id),
        rules=shipped_rules() if rules is None else rules,
    )


@lru_cache(maxsize=8)
def _cached(taxonomy_paths: tuple[str, ...], model: str | None, role_id: str) -> Resources:
    from analyzer.nlp.taxonomy import load_taxonomy

    return build_resources(build_nlp(model), load_taxonomy(taxonomy_paths), role_id)


def get_resources(settings: Settings) -> Resources:
    """Return the resources for ``settings``, built once per process."""
    return _cached(tuple(settings.taxonomy_paths), settings.model, settings.role)
