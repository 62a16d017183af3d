"""Skill evidence of a repo: declared dependencies, imports, languages, files and README text.

Mapping text to canonical skills is the NLP stage's job: callers pass a ``skill_finder``
(text -> canonical skill names; the CLI passes the spaCy skill matcher). Without one, the
skill names of the rubric's package table are used as they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from types import ModuleType

from analyzer.github.hygiene import primary_language, project_paths
from analyzer.github.interface import RepoSnapshot
from analyzer.models import SkillEvidence
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
        if base.endswith((".txt", ".in")):
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
        elif base == "cargo.toml" and tomllib is not None:
            data = tomllib.loads(text)
            for key in ("dependencies", "dev-dependencies"):
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


def imports_by_file(sources: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Return each top-level module imported by (path, Python text) sources -> the first path
    importing it."""
    found: dict[str, str] = {}
    for path, text in sources:
        for module in _IMPORT.findall(text):
            found.setdefault(module.lower(), path)
    return found


STRONG, FILE, WORDS = 3, 2, 1
"""Evidence strengths: code (dependency, import, infrastructure file), a file or the main
language, words only (README prose, description, topics)."""

_DEPENDENCY_BASES = (
    "pyproject.toml",
    "setup.py",
    "setup.cfg",
    "pipfile",
    "environment.yml",
    "environment.yaml",
    "conda.yml",
    "conda.yaml",
    "package.json",
    "cargo.toml",
)


def is_dependency_file(path: str) -> bool:
    """Tell whether a path is a dependency file mlcheck reads (requirements*.txt, pyproject...)."""
    base = path.rsplit("/", 1)[-1].lower()
    if base.startswith("requirements") and base.endswith((".txt", ".in")):
        return True
    return base in _DEPENDENCY_BASES or base == "dockerfile" or base.endswith(".dockerfile")


def dockerfile_terms(text: str, rubric: Rubric) -> list[str]:
    """Return skills a Dockerfile shows: its base images and the packages it pip-installs."""
    found: list[str] = []
    for line in text.splitlines():
        words = line.strip().split()
        if len(words) >= 2 and words[0].upper() == "FROM":
            image = next((w for w in words[1:] if not w.startswith("--")), "").lower()
            image = image.split("@", 1)[0].split(":", 1)[0]
            for key, skill in rubric.skill_images.items():
                if image == key or (key.endswith("/") and image.startswith(key)):
                    found.append(skill)
        elif "pip install" in line or "pip3 install" in line:
            tail = line.split("install", 1)[1]
            for word in tail.split():
                if word.startswith("-") or word in ("&&", "\\"):
                    continue
                package = _REQ_NAME.match(word)
                known = rubric.skill_packages.get(package.group(1).lower()) if package else None
                if known:
                    found.append(known)
    return found


def is_kubernetes_manifest(text: str) -> bool:
    """Tell whether a YAML text is a Kubernetes manifest (top-level apiVersion and kind)."""
    return bool(re.search(r"^apiVersion:\s*\S", text, re.M)) and bool(
        re.search(r"^kind:\s*[A-Z]\w+", text, re.M)
    )


def notebook_code(text: str) -> str:
    """Return the code cells of a Jupyter notebook as one Python text ("" when unreadable)."""
    try:
        data = json.loads(text)
    except ValueError:
        return ""
    cells = data.get("cells") if isinstance(data, dict) else None
    out = []
    for cell in cells if isinstance(cells, list) else ():
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source")
            out.append("".join(source) if isinstance(source, list) else str(source or ""))
    return "\n".join(out)


def _evidence(
    snapshot: RepoSnapshot, rubric: Rubric, imports: Mapping[str, str]
) -> list[tuple[str, str, int]]:
    """Return (term, where, strength) for everything the repo's files show, strongest first."""
    found: list[tuple[str, str, int]] = []
    for path, text in snapshot.dependency_files:
        base = path.rsplit("/", 1)[-1].lower()
        if base == "dockerfile" or base.endswith(".dockerfile"):
            found.extend((t, path, STRONG) for t in dockerfile_terms(text, rubric))
            continue
        if base.endswith((".yaml", ".yml")) and not base.startswith(("environment", "conda")):
            if is_kubernetes_manifest(text):
                found.append(("Kubernetes", path, STRONG))
            continue
        for name in dependency_names(path, text):
            skill = rubric.skill_packages.get(name)
            if skill:
                found.append((skill, path, STRONG))
    for module, where in sorted(imports.items()):
        skill = rubric.skill_packages.get(module.lower())
        if skill:
            found.append((skill, f"import in {where}", STRONG))
    paths = project_paths(snapshot, rubric)
    spelled = {
        p.lower(): p
        for p in (*snapshot.files, *snapshot.tree, *(q for q, _ in snapshot.file_sizes))
    }
    for pattern, skill in rubric.skill_files.items():
        if pattern.startswith("."):
            hit = next((p for p in paths if p.endswith(pattern) or p.startswith(pattern)), None)
        elif pattern.endswith("/"):
            hit = next((p for p in paths if p.startswith(pattern) or f"/{pattern}" in p), None)
        else:
            hit = next((p for p in paths if p.rsplit("/", 1)[-1] == pattern), None)
        if hit:
            strength = FILE if pattern == ".ipynb" else STRONG
            found.append((skill, spelled.get(hit, hit).rstrip("/"), strength))
    language = primary_language(snapshot.languages, rubric)
    if language and language not in rubric.markup_languages:
        found.append((language, "main language", FILE))
    found.sort(key=lambda item: -item[2])
    return found


def evidence_terms(
    snapshot: RepoSnapshot, rubric: Rubric, imports: Iterable[str] = ()
) -> list[str]:
    """Return skill names a repo shows through dependencies, imports, files and language."""
    seen = {m: "" for m in imports}
    return list(dict.fromkeys(term for term, _, _ in _evidence(snapshot, rubric, seen)))


def repo_evidence(
    snapshot: RepoSnapshot,
    skill_finder: SkillFinder | None = None,
    *,
    rubric: Rubric,
    imports: Mapping[str, str] | Iterable[str] = (),
) -> tuple[SkillEvidence, ...]:
    """Return the strongest evidence of each skill the repo shows, strongest first.

    Code evidence (dependency files, imports, Dockerfile, Kubernetes/Helm, SQL, CI) is strong;
    the README's prose, the description and the topics are words only and labelled so. With
    a skill_finder, names are mapped to the taxonomy's canonical skills.
    """
    where_imported = imports if isinstance(imports, Mapping) else {m: "code" for m in imports}
    best: dict[str, SkillEvidence] = {}

    def keep(skill: str, where: str, strength: int) -> None:
        key = skill.casefold()
        if key not in best or best[key].strength < strength:
            best[key] = SkillEvidence(skill, where, strength)

    for term, where, strength in _evidence(snapshot, rubric, where_imported):
        names = skill_finder(term) if skill_finder is not None else {term}
        for name in names or ({term} if skill_finder is None else set()):
            keep(name, where, strength)
    if skill_finder is not None:
        words = (
            ("README prose (weak)", snapshot.readme or ""),
            ("description (weak)", snapshot.description or ""),
            ("topics (weak)", ", ".join(t.replace("-", " ") for t in snapshot.topics)),
        )
        for where, text in words:
            if text.strip():
                for name in skill_finder(text):
                    keep(name, where, WORDS)
    return tuple(sorted(best.values(), key=lambda e: (-e.strength, e.skill.casefold())))


def repo_skills(
    snapshot: RepoSnapshot,
    skill_finder: SkillFinder | None = None,
    *,
    rubric: Rubric,
    imports: Mapping[str, str] | Iterable[str] = (),
) -> tuple[str, ...]:
    """Return the sorted skills a repo shows; with a skill_finder, as canonical names."""
    evidence = repo_evidence(snapshot, skill_finder, rubric=rubric, imports=imports)
    return tuple(sorted((e.skill for e in evidence), key=str.lower))
