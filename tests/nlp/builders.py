"""Builders for the NLP tests: a small taxonomy, documents from sections, resources."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

from analyzer.models import Bullet, Contact, Entry, LayoutFacts, ResumeDocument, Section
from analyzer.nlp.interface import (
    AmbiguityHints,
    Category,
    PillarExpectation,
    RoleProfile,
    SkillDef,
    Taxonomy,
)
from analyzer.nlp.pipeline import build_nlp
from analyzer.nlp.resources import Resources, build_resources

ROOT = Path(__file__).resolve().parents[2]

_LANG_CONTEXT = ("programming", "language", "languages", "statistics", "rstudio", "tidyverse")


def small_taxonomy() -> Taxonomy:
    """Return a taxonomy of a few dozen skills with the ambiguous cases of the brief."""
    cats = [
        Category("programming", "Programming"),
        Category("python_data_stack", "Python data stack"),
        Category("classical_ml", "Classical ML"),
        Category("evaluation", "Evaluation"),
        Category("deep_learning", "Deep learning"),
        Category("domains", "Domains"),
        Category("mlops", "MLOps"),
        Category("cloud", "Cloud"),
        Category("cs_fundamentals", "CS fundamentals"),
        Category("data_engineering", "Data engineering"),
    ]
    s = SkillDef
    skills = [
        s("Python", "programming", ("python3",)),
        s("R", "programming", ("R language",), AmbiguityHints(True, _LANG_CONTEXT, ("&", "-"),
                                                             ("-", "&"), ("R",))),
        s("Go", "programming", ("Golang",), AmbiguityHints(True, ("golang", "microservices"),
                                                           ("-", "to"), (), ("Go",))),
        s("C", "programming", (), AmbiguityHints(True, ("embedded", "firmware"), ("-", "#"),
                                                 ("-",), ("C",))),
        s("C++", "programming", ("cpp",)),
        s("C#", "programming", ("csharp",)),
        s(".NET", "programming", ("dotnet",)),
        s("Java", "programming"),
        s("Node.js", "programming", ("NodeJS",)),
        s("Vue.js", "programming", ("VueJS",)),
        s("SQL", "programming"),
        s("NumPy", "python_data_stack"),
        s("pandas", "python_data_stack"),
        s("scikit-learn", "classical_ml", ("sklearn",)),
        s("XGBoost", "classical_ml"),
        s("decision trees", "classical_ml", ("decision tree",)),
        s("A/B testing", "evaluation", ("A/B tests",)),
        s("cross-validation", "evaluation"),
        s("PyTorch", "deep_learning", ("torch",), AmbiguityHints(False, ("deep", "model"),
                                                                 ("-",), (), ("torch",))),
        s("TensorFlow", "deep_learning"),
        s("Keras", "deep_learning"),
        s("CNN", "deep_learning", ("convolutional neural network",)),
        s("NLP", "domains", ("natural language processing",)),
        s("computer vision", "domains"),
        s("Docker", "mlops"),
        s("Kubernetes", "mlops", ("k8s",)),
        s("CI/CD", "mlops", ("CICD",)),
        s("FastAPI", "mlops"),
        s("AWS", "cloud", ("Amazon Web Services",)),
        s("Amazon SageMaker", "cloud", ("SageMaker",)),
        s("algorithms", "cs_fundamentals"),
        s("Apache Spark", "data_engineering", ("Spark", "PySpark"),
          AmbiguityHints(False, ("hadoop", "etl", "databricks"), ("interest",), (), ("Spark",))),
        s("Excel", "data_engineering", ("Microsoft Excel",),
          AmbiguityHints(True, ("spreadsheet", "vba"), ("at", "in"), (), ("Excel",))),
    ]  # fmt: skip
    role = RoleProfile(
        id="machine_learning_engineer",
        name="Machine Learning Engineer",
        titles=("machine learning engineer", "ml engineer"),
        pillars=(
            PillarExpectation("programming", ("Python", "SQL")),
            PillarExpectation("python_data_stack", ("NumPy", "pandas")),
            PillarExpectation("classical_ml", ("scikit-learn", "XGBoost")),
            PillarExpectation("deep_learning", ("PyTorch", "TensorFlow")),
            PillarExpectation("mlops", ("Docker", "Kubernetes", "CI/CD")),
            PillarExpectation("cloud", ("AWS",)),
        ),
    )
    return Taxonomy(categories=tuple(cats), skills=tuple(skills), roles=(role,))


def small_resources() -> Resources:
    """Return resources over the blank pipeline and the small taxonomy."""
    return build_resources(build_nlp(), small_taxonomy(), "machine_learning_engineer")


def real_taxonomy() -> Taxonomy:
    """Return the shipped taxonomy (through the loader when it exists)."""
    try:
        from analyzer.nlp.taxonomy import load_taxonomy
    except ImportError:
        return _taxonomy_from_files()
    return load_taxonomy()


def real_resources() -> Resources:
    """Return resources over the blank pipeline and the shipped taxonomy."""
    return build_resources(build_nlp(), real_taxonomy(), "machine_learning_engineer")


def _taxonomy_from_files() -> Taxonomy:
    """Read skills.json and roles/*.json directly (until the loader lands)."""
    data = json.loads((ROOT / "skills_taxonomy" / "skills.json").read_text(encoding="utf-8"))
    cats = tuple(Category(c["id"], c["name"], c.get("description", "")) for c in data["categories"])
    skills = []
    for item in data["skills"]:
        hints = item.get("hints")
        skills.append(
            SkillDef(
                item["name"],
                item["category"],
                tuple(item.get("aliases", ())),
                AmbiguityHints(
                    hints.get("case_sensitive", True),
                    tuple(hints.get("context", ())),
                    tuple(hints.get("reject_next", ())),
                    tuple(hints.get("reject_prev", ())),
                    tuple(hints.get("ambiguous_aliases", ())),
                )
                if hints
                else None,
            )
        )
    roles = []
    for path in sorted((ROOT / "skills_taxonomy" / "roles").glob("*.json")):
        role = json.loads(path.read_text(encoding="utf-8"))
        pillars = role.get("pillars", [])
        if isinstance(pillars, dict):
            pillars = [{"category": k, "core": v} for k, v in pillars.items()]
        roles.append(
            RoleProfile(
                role["id"],
                role.get("name", role["id"]),
                tuple(role.get("titles", ())),
                tuple(PillarExpectation(p["category"], tuple(p.get("core", ()))) for p in pillars),
            )
        )
    return Taxonomy(cats, tuple(skills), tuple(roles))


def make_document(
    sections: Sequence[tuple[str, str | Sequence[str]]],
    entries: Sequence[Entry] = (),
    path: str = "resume.txt",
) -> ResumeDocument:
    """Build a ResumeDocument from (canonical section, text or list of bullets) pairs."""
    built: list[Section] = []
    bullets: list[Bullet] = []
    lines: list[str] = []
    for index, (name, body) in enumerate(sections):
        if isinstance(body, str):
            text = body
        else:
            for item in body:
                bullets.append(Bullet(f"b{len(bullets)}", item, name))
            text = "\n".join(f"• {item}" for item in body)
        built.append(Section(name=name, heading=name.upper(), text=text, index=index))
        lines += [name.upper(), *text.splitlines()]
    full = "\n".join(lines)
    return ResumeDocument(
        path=path,
        format="txt",
        pages=1,
        size_bytes=len(full.encode()),
        text=full,
        lines=(),
        sections=tuple(built),
        bullets=tuple(bullets),
        entries=tuple(entries),
        contact=Contact(),
        layout=LayoutFacts(),
    )


def entry(
    start: dt.date, end: dt.date | None, section: str = "experience", role: str = "ML Engineer"
) -> Entry:
    """Return a dated entry; ``end=None`` means it is current."""
    return Entry(section, role, "Acme", None, start=start, end=end, current=end is None)
