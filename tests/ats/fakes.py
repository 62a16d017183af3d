"""Small stand-ins for the NLP stage, used until (or where) the real one is not needed.

FakeSkills matches a handful of skills whole-word, aliases to canonical names, the way the
real matcher does; the tests that need the real taxonomy use ``real_resources()``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analyzer.models import SkillMention
from analyzer.nlp.interface import PillarExpectation, RoleProfile, SkillDef, Taxonomy

SKILLS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Python": ("programming", ("python",)),
    "Go": ("programming", ("Go", "golang")),
    "SQL": ("programming", ("sql",)),
    "machine learning": ("classical_ml", ("machine learning", "ML")),
    "Google Cloud": ("cloud", ("google cloud", "GCP", "google cloud platform")),
    "Kubernetes": ("mlops", ("kubernetes", "k8s")),
    "Docker": ("mlops", ("docker",)),
    "PyTorch": ("deep_learning", ("pytorch",)),
    "TensorFlow": ("deep_learning", ("tensorflow",)),
    "Spark": ("data", ("spark", "apache spark")),
    "AWS": ("cloud", ("aws", "amazon web services")),
    "scikit-learn": ("classical_ml", ("scikit-learn", "sklearn")),
    "MLflow": ("mlops", ("mlflow",)),
    "Airflow": ("mlops", ("airflow",)),
}


def taxonomy() -> Taxonomy:
    """A tiny taxonomy with one ML-engineer role."""
    skills = tuple(
        SkillDef(name=name, category=cat, aliases=aliases)
        for name, (cat, aliases) in SKILLS.items()
    )
    role = RoleProfile(
        id="machine_learning_engineer",
        name="Machine Learning Engineer",
        titles=("machine learning engineer", "ml engineer", "mlops engineer", "ai engineer"),
        pillars=(PillarExpectation("mlops", ("Docker", "Kubernetes")),),
    )
    return Taxonomy(categories=(), skills=skills, roles=(role,))


@dataclass
class FakeSkills:
    """Whole-word alias matcher; upper-case aliases match case-sensitively."""

    patterns: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name, (_cat, aliases) in SKILLS.items():
            for alias in (name, *aliases):
                flags = 0 if alias.isupper() or alias == "Go" else re.IGNORECASE
                pattern = re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", flags)
                self.patterns.append((name, pattern))

    def find_in_text(self, text: str, section: str) -> list[SkillMention]:
        """Return one mention per occurrence (longest alias wins at a position)."""
        hits: dict[int, tuple[int, str]] = {}
        for name, pattern in self.patterns:
            for m in pattern.finditer(text):
                end, _ = hits.get(m.start(), (-1, ""))
                if m.end() > end:
                    hits[m.start()] = (m.end(), name)
        used = section in ("experience", "projects")
        return [
            SkillMention(skill=name, section=section, sentence=text, used=used)
            for _start, (_end, name) in sorted(hits.items())
        ]


@dataclass
class FakeResources:
    """Taxonomy and matcher, shaped like analyzer.nlp.resources.Resources."""

    taxonomy: Taxonomy = field(default_factory=taxonomy)
    skills: FakeSkills = field(default_factory=FakeSkills)
