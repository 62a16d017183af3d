"""Load the skills taxonomy and role profiles: the shipped files merged with the user's own.

The shipped data lives in the ``skills_taxonomy`` package (``skills.json`` and ``roles/*.json``);
users add or replace skills, categories and roles with ``--taxonomy PATH``. The file formats,
validation rules and merge rules are documented in docs/taxonomy.md. Every problem in a file
raises :class:`~analyzer.errors.ConfigError` with one line naming the file and the JSON path.

Names are compared after :func:`normalize_name` (case-folded, blanks collapsed), so "Sklearn"
and "sklearn" are the same alias and no two skills may share a normalised name.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from analyzer.errors import ConfigError
from analyzer.nlp.interface import (
    AmbiguityHints,
    Category,
    PillarExpectation,
    RoleProfile,
    SkillDef,
    Taxonomy,
)
from analyzer.rules.files import (
    check_schema as check_schema_of,
)
from analyzer.rules.files import (
    json_type,
    parse_json,
    read_shipped_file,
    read_user_file,
    shipped_taxonomy_files,
    short,
)

__all__ = [
    "DEFAULT_ROLE_ID",
    "ROLE_FORMAT",
    "TAXONOMY_FORMAT",
    "alias_index",
    "load_taxonomy",
    "normalize_name",
]

TAXONOMY_FORMAT = "mlcheck-taxonomy/1"
"""Value of "format" in a taxonomy file."""
ROLE_FORMAT = "mlcheck-role/1"
"""Value of "format" in a role file."""
DEFAULT_ROLE_ID = "machine_learning_engineer"
"""The role a resume is judged against when nothing else is known."""


def normalize_name(text: str) -> str:
    """Return the form names are compared in: case-folded, blanks collapsed to one space."""
    return " ".join(text.casefold().split())


def alias_index(taxonomy: Taxonomy) -> dict[str, SkillDef]:
    """Map every normalised canonical name and alias of the taxonomy to its skill.

    Build it once per taxonomy and keep it; keys are :func:`normalize_name` forms. A loaded
    taxonomy never has two skills sharing a name; in a hand-built one the first skill wins.
    """
    index: dict[str, SkillDef] = {}
    for skill in taxonomy.skills:
        for name in (skill.name, *skill.aliases):
            index.setdefault(normalize_name(name), skill)
    return index


def load_taxonomy(extra_paths: tuple[str, ...] = ()) -> Taxonomy:
    """Load the shipped taxonomy and roles, merged with the user files in ``extra_paths``.

    Each user file is a taxonomy file (its skills are added, a skill with the same name replaces
    the shipped one, its categories are added or replace those with the same id) or a role file
    (added, or replacing the role with the same id); later files win over earlier ones. The
    result is cached per process for each tuple of paths, so files are read once.

    Raises:
        ConfigError: a file is missing, unreadable, not JSON, or breaks a validation rule.
    """
    return _load_cached(tuple(os.fspath(path) for path in extra_paths))


# --------------------------------------------------------------------------- reading files


@dataclass(frozen=True)
class _Document:
    """One parsed, schema-valid file."""

    display: str
    """The file's name in error messages."""
    kind: str
    """"taxonomy" or "role"."""
    data: Mapping[str, Any]
    """The parsed JSON object (never mutated)."""


def _document(text: str, display: str, *, check_schema: bool = True) -> _Document:
    data = parse_json(text, display)
    if not isinstance(data, dict):
        raise ConfigError(f"{display}: top level: expected an object, got {json_type(data)}")
    if "format" not in data:
        raise ConfigError(
            f"{display}: top level: 'format' is missing "
            f"(expected {TAXONOMY_FORMAT!r} or {ROLE_FORMAT!r})"
        )
    fmt = data["format"]
    if fmt == TAXONOMY_FORMAT:
        kind = "taxonomy"
    elif fmt == ROLE_FORMAT:
        kind = "role"
    else:
        raise ConfigError(
            f"{display}: format: {short(fmt)} is not a known format "
            f"(known: {TAXONOMY_FORMAT!r}, {ROLE_FORMAT!r})"
        )
    if check_schema:
        check_schema_of(data, kind, display)
    return _Document(display=display, kind=kind, data=data)


@functools.lru_cache(maxsize=1)
def _shipped_documents() -> tuple[_Document, ...]:
    # The shipped files skip the JSON Schema (validating skills.json takes about a second);
    # tests/nlp/test_taxonomy.py validates them, and the semantic checks below still run.
    documents = tuple(
        _document(read_shipped_file(resource, display), display, check_schema=False)
        for resource, display in shipped_taxonomy_files()
    )
    if documents[0].kind != "taxonomy":
        raise ConfigError(f"{documents[0].display}: format: expected {TAXONOMY_FORMAT!r}")
    for doc in documents[1:]:
        if doc.kind != "role":
            raise ConfigError(f"{doc.display}: format: expected {ROLE_FORMAT!r}")
    return documents


@functools.lru_cache(maxsize=32)
def _load_cached(extra_paths: tuple[str, ...]) -> Taxonomy:
    merger = _Merger()
    documents = _shipped_documents() + tuple(
        _document(read_user_file(path), path) for path in extra_paths
    )
    for doc in documents:
        if doc.kind == "taxonomy":
            merger.add_taxonomy(doc)
        else:
            merger.add_role(doc)
    return merger.result()


# --------------------------------------------------------------------------- merging


@dataclass(frozen=True)
class _Entry:
    """A skill of the merged taxonomy and the file that defined it."""

    skill: SkillDef
    display: str
    path: str = ""
    """JSON path of the skill in its file ("skills[3]"), for messages."""


class _Merger:
    """Accumulates documents in order, checking each against what came before it."""

    def __init__(self) -> None:
        self.categories: dict[str, Category] = {}
        self.skills: dict[str, _Entry] = {}  # normalised canonical name -> entry
        self.owners: dict[str, str] = {}  # normalised name or alias -> normalised canonical
        self.roles: dict[str, _Document] = {}

    # ---- taxonomy files

    def add_taxonomy(self, doc: _Document) -> None:
        """Merge a taxonomy file's categories, then its skills."""
        where = doc.display
        first_index: dict[str, int] = {}
        for i, raw in enumerate(doc.data.get("categories", [])):
            cid = raw["id"]
            if cid in first_index:
                raise ConfigError(
                    f"{where}: categories[{i}].id: duplicate category id {cid!r} "
                    f"(also categories[{first_index[cid]}])"
                )
            first_index[cid] = i
            self.categories[cid] = Category(
                id=cid, name=raw["name"], description=raw.get("description", "")
            )

        raw_skills: list[Mapping[str, Any]] = doc.data["skills"]
        first_index = {}
        for i, raw in enumerate(raw_skills):
            key = normalize_name(raw["name"])
            if key in first_index:
                raise ConfigError(
                    f"{where}: skills[{i}].name: duplicate skill {raw['name']!r} "
                    f"(also skills[{first_index[key]}])"
                )
            first_index[key] = i
        # A skill whose name is already a canonical name replaces that skill: free its names.
        for key in first_index:
            replaced = self.skills.get(key)
            if replaced is not None:
                for name in _names(replaced.skill):
                    del self.owners[normalize_name(name)]
        for i, raw in enumerate(raw_skills):
            skill = self._skill(raw, f"skills[{i}]", where)
            key = normalize_name(skill.name)
            self.skills[key] = _Entry(skill=skill, display=where, path=f"skills[{i}]")
            for name in _names(skill):
                self.owners[normalize_name(name)] = key

    def _skill(self, raw: Mapping[str, Any], path: str, where: str) -> SkillDef:
        category = raw["category"]
        if category not in self.categories:
            raise ConfigError(
                f"{where}: {path}.category: {category!r} is not a known category "
                f"(known: {', '.join(self.categories)})"
            )
        name: str = raw["name"]
        aliases: list[str] = raw.get("aliases", [])
        own: dict[str, str] = {}
        for field_path, text in [(f"{path}.name", name)] + [
            (f"{path}.aliases[{j}]", alias) for j, alias in enumerate(aliases)
        ]:
            key = normalize_name(text)
            if key in own:
                raise ConfigError(
                    f"{where}: {field_path}: {text!r} repeats the name {own[key]!r} "
                    "of the same skill (names are compared ignoring case)"
                )
            own[key] = text
            owner_key = self.owners.get(key)
            if owner_key is not None:
                owner = self.skills[owner_key]
                role = "the name" if owner_key == key else "an alias"
                raise ConfigError(
                    f"{where}: {field_path}: {text!r} is already {role} of skill "
                    f"{owner.skill.name!r} ({owner.display})"
                )
        hints = None
        if "hints" in raw:
            hints = _hints(raw["hints"], [name, *aliases], f"{path}.hints", where)
        return SkillDef(
            name=name,
            category=category,
            aliases=tuple(aliases),
            hints=hints,
            implies=tuple(raw.get("implies", ())),
        )

    # ---- role files

    def add_role(self, doc: _Document) -> None:
        """Remember a role file; it is checked once every skill is known."""
        self.roles[doc.data["id"]] = doc

    def _role(self, doc: _Document) -> RoleProfile:
        where = doc.display
        pillars: list[PillarExpectation] = []
        first_index: dict[str, int] = {}
        for i, raw in enumerate(doc.data["pillars"]):
            category = raw["category"]
            if category not in self.categories:
                raise ConfigError(
                    f"{where}: pillars[{i}].category: {category!r} is not a known category "
                    f"(known: {', '.join(self.categories)})"
                )
            if category in first_index:
                raise ConfigError(
                    f"{where}: pillars[{i}].category: pillar {category!r} is listed twice "
                    f"(also pillars[{first_index[category]}])"
                )
            first_index[category] = i
            core: list[str] = []
            for j, text in enumerate(raw["core"]):
                core.append(self._core_skill(text, category, f"pillars[{i}].core[{j}]", where))
                if core[-1] in core[:-1]:
                    raise ConfigError(
                        f"{where}: pillars[{i}].core[{j}]: {text!r} is listed twice "
                        "(names are compared ignoring case)"
                    )
            pillars.append(PillarExpectation(category=category, core=tuple(core)))
        titles = tuple(dict.fromkeys(normalize_name(t) for t in doc.data["titles"]))
        return RoleProfile(
            id=doc.data["id"], name=doc.data["name"], titles=titles, pillars=tuple(pillars)
        )

    def _core_skill(self, text: str, category: str, path: str, where: str) -> str:
        key = normalize_name(text)
        owner_key = self.owners.get(key)
        if owner_key is None:
            raise ConfigError(f"{where}: {path}: {text!r} is not a skill of the taxonomy")
        entry = self.skills[owner_key]
        if owner_key != key:
            raise ConfigError(
                f"{where}: {path}: {text!r} is an alias; use the skill's name {entry.skill.name!r}"
            )
        if entry.skill.category != category:
            raise ConfigError(
                f"{where}: {path}: {entry.skill.name!r} is in category "
                f"{entry.skill.category!r} ({entry.display}), not {category!r}"
            )
        return entry.skill.name

    # ---- result

    def _implied(self, entry: _Entry) -> SkillDef:
        """Check a skill's ``implies`` against the merged skills; return it with canonical names.

        Checked once every file is merged, as roles are, so an implied skill may come from a
        later file.
        """
        skill = entry.skill
        names: list[str] = []
        for j, text in enumerate(skill.implies):
            path = f"{entry.path}.implies[{j}]"
            key = normalize_name(text)
            owner_key = self.owners.get(key)
            if owner_key is None:
                raise ConfigError(
                    f"{entry.display}: {path}: {text!r} is not a skill of the taxonomy"
                )
            target = self.skills[owner_key].skill.name
            if owner_key != key:
                raise ConfigError(
                    f"{entry.display}: {path}: {text!r} is an alias; use the skill's name "
                    f"{target!r}"
                )
            if owner_key == normalize_name(skill.name):
                raise ConfigError(f"{entry.display}: {path}: a skill cannot imply itself")
            if target in names:
                raise ConfigError(
                    f"{entry.display}: {path}: {text!r} is listed twice "
                    "(names are compared ignoring case)"
                )
            names.append(target)
        return dataclasses.replace(skill, implies=tuple(names))

    def result(self) -> Taxonomy:
        """Check the roles and implied skills against the merged skills; freeze everything."""
        roles = tuple(self._role(doc) for doc in self.roles.values())
        return Taxonomy(
            categories=tuple(self.categories.values()),
            skills=tuple(self._implied(entry) for entry in self.skills.values()),
            roles=roles,
        )


def _names(skill: SkillDef) -> tuple[str, ...]:
    return (skill.name, *skill.aliases)


def _hints(raw: Mapping[str, Any], names: list[str], path: str, where: str) -> AmbiguityHints:
    ambiguous: list[str] = raw.get("ambiguous_aliases", [])
    for k, text in enumerate(ambiguous):
        if text not in names:
            raise ConfigError(
                f"{where}: {path}.ambiguous_aliases[{k}]: {text!r} is not a name of this skill "
                f"(names: {', '.join(repr(n) for n in names)}; case matters here)"
            )
    return AmbiguityHints(
        case_sensitive=raw.get("case_sensitive", True),
        context=_words(raw.get("context", [])),
        reject_next=_words(raw.get("reject_next", [])),
        reject_prev=_words(raw.get("reject_prev", [])),
        ambiguous_aliases=tuple(ambiguous),
        metric=bool(raw.get("metric", False)),
    )


def _words(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalize_name(item) for item in items))
