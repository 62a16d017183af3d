"""Skill evidence of a repo: declared dependencies, imports, languages, files and README text.

Mapping text to canonical skills is the NLP stage's job: callers pass a ``skill_finder``
(text -> canonical skill names; the CLI passes the spaCy skill matcher). Without one, the
skill names of the rubric's package table are used as they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from types import ModuleType

from analyzer.github.hygiene import primary_language, project_paths
from analyzer.github.interface import RepoSnapshot
from analyzer.rules.portfolio import Rubric

tomllib: ModuleType | None
try:  # Python 3.11+
    import tomllib as _tomllib

    tomllib = _tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    tomllib = None

SkillFinder = Callable[[str], set[str]]
"""Text -> canonical skill names found in it."""

_REQ_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_SETUP_REQUIREMENT = re.compile(r"[\"']([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:[<>=~!;\[].*?)?[\"']")
_IMPORT = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)


def _requirement_names(lines: Iterable[str]) -> list[str]:
    names = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith(("-", "git+", "http")):
            continue
        m = _REQ_NAME.match(line)
        if m:
            names.append(m.group(1))
    return names


def dependency_names(path: str, text: str) -> list[str]:
    """Return the package names a dependency file declares (lower case, in file order)."""
    base = path.rsplit("/", 1)[-1].lower()
    names: list[str] = []
    try:
        if base.endswith(".txt") or base.endswith(".in"):
            names = _requirement_names(text.splitlines())
        elif base == "pyproject.toml" and tomllib is None:
            names = _requirement_names(re.findall(r"^\s*[\"']([^\"']+)[\"'],?\s*$", text, re.M))
        elif base == "pyproject.toml":
            assert tomllib is not None
            data = tomllib.loads(text)
            project = data.get("project", {})
            deps = list(project.get("dependencies", []))
            for extra in project.get("optional-dependencies", {}).values():
                deps.extend(extra)
            poetry = data.get("tool", {}).get("poetry", {})
            deps.extend(k for k in poetry.get("dependencies", {}) if k != "python")
            names = _requirement_names(deps)
        elif base in ("environment.yml", "environment.yaml", "conda.yml", "conda.yaml"):
            items = re.findall(r"^\s*-\s*([^\s#:]+)", text, re.MULTILINE)
            names = _requirement_names(i.split("=")[0] for i in items)
        elif base == "package.json":
            data = json.loads(text)
            for key in ("dependencies", "devDependencies"):
                names.extend(str(k) for k in (data.get(key) or {}))
        elif base in ("setup.py", "setup.cfg", "pipfile"):
            quoted = _SETUP_REQUIREMENT.findall(text)
            names = quoted if base == "setup.py" else _requirement_names(text.splitlines())
    except (ValueError, TypeError, AttributeError):
        return []
    return [n.lower().replace("_", "-") for n in names]


def imported_modules(sources: Iterable[str]) -> set[str]:
    """Return the top-level modules imported by Python sources."""
    found: set[str] = set()
    for text in sources:
        found.update(m.lower() for m in _IMPORT.findall(text))
    return found


def evidence_terms(
    snapshot: RepoSnapshot, rubric: Rubric, imports: Iterable[str] = ()
) -> list[str]:
    """Return skill names a repo shows through dependencies, imports, files and language."""
    terms: dict[str, None] = {}
    packages = [n for path, text in snapshot.dependency_files for n in dependency_names(path, text)]
    for name in [*packages, *imports]:
        skill = rubric.skill_packages.get(name.lower())
        if skill:
            terms.setdefault(skill, None)
    paths = project_paths(snapshot, rubric)
    for pattern, skill in rubric.skill_files.items():
        if pattern.startswith("."):
            hit = any(p.endswith(pattern) or p.startswith(pattern) for p in paths)
        elif pattern.endswith("/"):
            hit = any(p.startswith(pattern) or f"/{pattern}" in p for p in paths)
        else:
            hit = any(p.rsplit("/", 1)[-1] == pattern for p in paths)
        if hit:
            terms.setdefault(skill, None)
    language = primary_language(snapshot.languages, rubric)
    if language and language not in rubric.markup_languages:
        terms.setdefault(language, None)
    return list(terms)


def repo_skills(
    snapshot: RepoSnapshot,
    skill_finder: SkillFinder | None = None,
    *,
    rubric: Rubric,
    imports: Iterable[str] = (),
) -> tuple[str, ...]:
    """Return the sorted skills a repo shows; with a skill_finder, as canonical names."""
    terms = evidence_terms(snapshot, rubric, imports)
    if skill_finder is None:
        return tuple(sorted(terms, key=str.lower))
    text = "\n".join(
        [
            ", ".join(terms),
            snapshot.description or "",
            ", ".join(t.replace("-", " ") for t in snapshot.topics),
            snapshot.readme or "",
        ]
    )
    return tuple(sorted(skill_finder(text), key=str.lower))
