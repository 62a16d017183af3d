"""The rules loader: every shipped data file loads and validates; a broken one says where."""

from __future__ import annotations

import ast
import dataclasses
import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from analyzer.errors import ConfigError
from analyzer.rules import RULE_FILES, Rules, load_rules, shipped_rules
from analyzer.rules.files import check_schema

ANALYZER = Path(__file__).resolve().parents[2] / "analyzer"
SHIPPED = Path(str(resources.files("skills_taxonomy")))
SCHEMAS = ANALYZER / "schemas"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the shipped rules files to break."""
    for name in RULE_FILES:
        shutil.copy(SHIPPED / name, tmp_path / name)
    return tmp_path


def _edit(folder: Path, name: str, change: Any) -> None:
    data = json.loads((folder / name).read_text(encoding="utf-8"))
    change(data)
    (folder / name).write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("name", RULE_FILES)
def test_every_shipped_file_validates_against_its_schema(name: str) -> None:
    schema = json.loads((SCHEMAS / name.replace(".json", ".schema.json")).read_text("utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)
    data = json.loads((SHIPPED / name).read_text(encoding="utf-8"))
    check_schema(data, name.removesuffix(".json"), name)  # raises ConfigError when it breaks


def test_loading_from_a_folder_checks_and_types_every_file() -> None:
    rules = load_rules(SHIPPED)
    assert rules.scoring.ats.title.headline == 1.0
    assert rules.posting.years.max_years == shipped_rules().posting.years.max_years
    assert "experience" in rules.headings.sections
    assert rules.portfolio.kind_order == shipped_rules().portfolio.kind_order
    assert [s.name for s in rules.stages.stages][0] == "Beginner"


def test_shipped_rules_are_built_once_per_process() -> None:
    assert shipped_rules() is shipped_rules()


@pytest.mark.parametrize(
    ("name", "change", "where"),
    [
        (
            "scoring.json",
            lambda d: d["ats"]["components"].update(skills="thirty"),
            "ats.components.skills: expected an integer, got a string",
        ),
        (
            "posting.json",
            lambda d: d.pop("years"),
            "top level: 'years' is a required property",
        ),
        (
            "headings.json",
            lambda d: d["sections"]["skills"].insert(0, 7),
            "sections.skills[0]: expected a string, got a number",
        ),
        (
            "stages.json",
            lambda d: d["signals"]["python"].pop("label"),
            "signals.python: 'label' is a required property",
        ),
    ],
)
def test_a_broken_file_gives_one_line_naming_the_file_and_field(
    copy: Path, name: str, change: Any, where: str
) -> None:
    _edit(copy, name, change)
    with pytest.raises(ConfigError) as error:
        load_rules(copy)
    assert str(error.value) == f"{copy / name}: {where}"
    assert error.value.exit_code == 2


def test_a_file_that_is_not_json_names_line_and_column(copy: Path) -> None:
    (copy / "language.json").write_text('{"format": }', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"language\.json: not valid JSON: .*line 1, column 12"):
        load_rules(copy)


def _dataclasses_under(value: Any, seen: set[int]) -> list[Any]:
    if id(value) in seen:
        return []
    seen.add(id(value))
    found = []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found.append(value)
        for field in dataclasses.fields(value):
            found += _dataclasses_under(getattr(value, field.name), seen)
    elif isinstance(value, dict):
        for item in value.values():
            found += _dataclasses_under(item, seen)
    elif isinstance(value, (tuple, list, frozenset)):
        for item in value:
            found += _dataclasses_under(item, seen)
    return found


def test_every_rules_dataclass_is_frozen() -> None:
    found = _dataclasses_under(shipped_rules(), set())
    kinds = {type(d).__name__ for d in found}
    assert {"Rules", "ScoringRules", "PostingRules", "HeadingRules", "Rubric"} <= kinds
    for value in found:
        first = dataclasses.fields(value)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, first, None)


def test_rules_carry_no_raw_json_objects() -> None:
    """Typed through and through: no dict of dicts or list of dicts left from the JSON."""

    def raw(value: Any) -> bool:
        if isinstance(value, dict):
            return any(isinstance(v, (dict, list)) for v in value.values())
        return isinstance(value, list)

    for value in _dataclasses_under(shipped_rules(), set()):
        for field in dataclasses.fields(value):
            assert not raw(getattr(value, field.name)), f"{type(value).__name__}.{field.name}"


def _code_strings(tree: ast.AST) -> list[str]:
    """String constants a module computes with: bare string statements (docstrings) aside."""
    bare = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in bare
    ]


def test_only_the_rules_package_reads_the_data_files() -> None:
    data_files = {path.name for path in SHIPPED.rglob("*.json")}
    offenders = []
    for path in sorted(ANALYZER.rglob("*.py")):
        if (ANALYZER / "rules") in path.parents:
            continue
        for text in _code_strings(ast.parse(path.read_text(encoding="utf-8"))):
            if "skills_taxonomy" in text or text in data_files:
                offenders.append(f"{path.relative_to(ANALYZER.parent)}: {text!r}")
    assert offenders == []


def test_the_scan_sees_a_loader_outside_the_rules_package() -> None:
    source = 'import json\nDATA = "skills_taxonomy"\n\n\ndef f():\n    """Doc."""\n    return 1\n'
    assert "skills_taxonomy" in _code_strings(ast.parse(source))
    assert _code_strings(ast.parse('"""skills_taxonomy is documented here."""\n')) == []


def test_rules_type_is_what_resources_carry() -> None:
    assert isinstance(shipped_rules(), Rules)
