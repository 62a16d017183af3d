"""Reading the data files under skills_taxonomy/: the one place that opens them.

Every problem (missing, unreadable, not JSON, breaks its JSON Schema in analyzer/schemas/)
raises :class:`~analyzer.errors.ConfigError` with one line naming the file and the JSON path.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzer.errors import ConfigError

if TYPE_CHECKING:
    from importlib.abc import Traversable

    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

SHIPPED_PACKAGE = "skills_taxonomy"
"""The package the shipped data files live in."""
ID_PATTERN = "^[a-z][a-z0-9_]*$"
"""What an id looks like in the taxonomy and role schemas."""


def parse_json(text: str, display: str) -> Any:
    """Parse ``text`` as JSON; a syntax error names the file, line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"{display}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc


def read_user_file(path: str) -> str:
    """Return the text of a user's data file (a --taxonomy file, a rules folder's file)."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: file not found") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"{path}: is a directory, not a taxonomy or role file") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read file: {exc.strerror or exc}") from exc


def read_shipped_file(resource: Traversable, display: str) -> str:
    """Return the text of a data file shipped in the package."""
    # A broken installation is still a configuration problem, reported like a user's file.
    try:
        return resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{display}: cannot read shipped data file: {exc}") from exc


def shipped_taxonomy_files() -> Iterator[tuple[Traversable, str]]:
    """Yield (resource, display name) for skills.json, then each roles/*.json by name."""
    root = resources.files(SHIPPED_PACKAGE)
    yield root / "skills.json", f"{SHIPPED_PACKAGE}/skills.json"
    roles = root / "roles"
    if roles.is_dir():
        for entry in sorted(roles.iterdir(), key=lambda item: item.name):
            if entry.name.endswith(".json"):
                yield entry, f"{SHIPPED_PACKAGE}/roles/{entry.name}"


def read_rules_file(name: str, directory: Path | None) -> tuple[Any, str]:
    """Return (parsed JSON, display name) of the rules file ``name`` (shipped when no directory)."""
    if directory is None:
        display = f"{SHIPPED_PACKAGE}/{name}"
        text = read_shipped_file(resources.files(SHIPPED_PACKAGE) / name, display)
    else:
        display = str(directory / name)
        text = read_user_file(display)
    return parse_json(text, display), display


def check_schema(data: Any, schema: str, display: str) -> None:
    """Raise ConfigError naming the file and the field when ``data`` breaks ``schema``."""
    from jsonschema.exceptions import best_match

    error = best_match(validator(schema).iter_errors(data))
    if error is not None:
        raise ConfigError(f"{display}: {json_path(error.absolute_path)}: {describe(error)}")


@functools.lru_cache(maxsize=16)
def validator(schema: str) -> Validator:
    """Return the validator of analyzer/schemas/``schema``.schema.json (built once)."""
    # Imported here: jsonschema costs ~0.1 s to import and shipped files are checked by tests.
    from jsonschema.validators import validator_for

    schema_file = resources.files("analyzer") / "schemas" / f"{schema}.schema.json"
    document = json.loads(schema_file.read_text(encoding="utf-8"))
    checker: Validator = validator_for(document)(document)
    return checker


def describe(error: ValidationError) -> str:
    """Say what is wrong in one short line (jsonschema's own messages can embed whole objects)."""
    value = error.validator_value
    instance = error.instance
    if error.validator == "type":
        return f"expected {_type_words(value)}, got {json_type(instance)}"
    if error.validator == "pattern":
        if value == ID_PATTERN:
            return (
                f"{short(instance)} is not a valid id "
                "(lower-case letters, digits and '_', starting with a letter)"
            )
        return f"{short(instance)} must be one line with no leading or trailing blanks"
    if error.validator == "uniqueItems" and isinstance(instance, list):
        seen: list[Any] = []
        for item in instance:
            if item in seen:
                return f"{short(item)} is listed twice"
            seen.append(item)
    if error.validator == "minItems":
        return "must not be empty"
    if error.validator == "maxLength":
        return f"{short(instance)} is longer than {value} characters"
    if error.validator == "const":
        return f"expected {value!r}, got {short(instance)}"
    return " ".join(error.message.split())


def _type_words(value: Any) -> str:
    names = [value] if isinstance(value, str) else list(value)
    return " or ".join(f"an {n}" if n[:1] in "aeiou" else f"a {n}" for n in names)


def json_type(value: Any) -> str:
    """Name the JSON type of a parsed value the way error messages say it ("an array")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def short(value: Any, limit: int = 60) -> str:
    """Return repr(value), cut to ``limit`` characters for a one-line message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def json_path(parts: Iterable[str | int]) -> str:
    """Spell a JSON path as messages show it: ``ats.components[2]``, or "top level"."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "top level"
