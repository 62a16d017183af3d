"""The shipped skills taxonomy and role profiles, and the loader that merges user files."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import spacy

from analyzer.errors import ConfigError
from analyzer.nlp.interface import Taxonomy
from analyzer.nlp.taxonomy import (
    DEFAULT_ROLE_ID,
    ROLE_FORMAT,
    TAXONOMY_FORMAT,
    alias_index,
    load_taxonomy,
    normalize_name,
)

PILLARS = [
    "programming",
    "python_data_stack",
    "math_statistics",
    "data_handling",
    "classical_ml",
    "evaluation",
    "deep_learning",
    "domains",
    "mlops",
    "cloud",
    "data_engineering",
    "cs_fundamentals",
    "communication",
]


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


@pytest.fixture(scope="module")
def index(taxonomy: Taxonomy) -> dict[str, Any]:
    return alias_index(taxonomy)


def write(tmp_path: Path, name: str, content: Any) -> str:
    """Write a user file (JSON-encoded unless ``content`` is already text); return its path."""
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return str(path)


def user_taxonomy(*skills: dict[str, Any], categories: list[dict[str, Any]] | None = None) -> dict:
    doc: dict[str, Any] = {"format": TAXONOMY_FORMAT, "skills": list(skills)}
    if categories is not None:
        doc["categories"] = categories
    return doc


def user_role(role_id: str = "ml_researcher", **pillars: list[str]) -> dict[str, Any]:
    return {
        "format": ROLE_FORMAT,
        "id": role_id,
        "name": "ML Researcher",
        "titles": ["Research Scientist", "ml  researcher"],
        "pillars": [{"category": c, "core": core} for c, core in pillars.items()],
    }


# ----------------------------------------------------------------------- the shipped data


def test_shipped_taxonomy_has_at_least_400_skills(taxonomy: Taxonomy) -> None:
    assert len(taxonomy.skills) >= 400


def test_categories_are_the_domain_pillars_in_order(taxonomy: Taxonomy) -> None:
    assert [c.id for c in taxonomy.categories] == PILLARS
    assert all(c.name and c.description for c in taxonomy.categories)


def test_every_skill_is_in_a_known_category(taxonomy: Taxonomy) -> None:
    assert {s.category for s in taxonomy.skills} == set(PILLARS)


def test_names_and_aliases_are_unique_across_skills(taxonomy: Taxonomy) -> None:
    owners: dict[str, str] = {}
    for skill in taxonomy.skills:
        for name in (skill.name, *skill.aliases):
            key = normalize_name(name)
            assert owners.setdefault(key, skill.name) == skill.name, name
    assert len(alias_index(taxonomy)) == len(owners)


def test_shipped_files_match_their_json_schemas() -> None:
    # The loader skips the schema for shipped files (speed), so it is checked here.
    schemas = resources.files("analyzer") / "schemas"
    shipped = resources.files("skills_taxonomy")
    files = [("taxonomy", shipped / "skills.json")]
    files += [("role", f) for f in (shipped / "roles").iterdir() if f.name.endswith(".json")]
    for kind, resource in files:
        schema = json.loads((schemas / f"{kind}.schema.json").read_text("utf-8"))
        jsonschema.validators.validator_for(schema).check_schema(schema)
        jsonschema.validate(json.loads(resource.read_text("utf-8")), schema)


def test_shipped_roles(taxonomy: Taxonomy) -> None:
    assert {r.id for r in taxonomy.roles} == {
        "machine_learning_engineer",
        "data_scientist",
        "mlops_engineer",
        "data_engineer",
    }
    mle = taxonomy.role(DEFAULT_ROLE_ID)
    assert mle is not None
    assert mle.name == "Machine Learning Engineer"
    assert {"machine learning engineer", "ml engineer", "mle"} <= set(mle.titles)
    assert {p.category for p in mle.pillars} == set(PILLARS)
    programming = next(p for p in mle.pillars if p.category == "programming")
    assert programming.core[:3] == ("Python", "SQL", "Git")


def test_every_role_core_skill_exists_in_its_pillar(taxonomy: Taxonomy) -> None:
    for role in taxonomy.roles:
        assert role.titles == tuple(t.casefold() for t in role.titles)
        for pillar in role.pillars:
            for name in pillar.core:
                skill = taxonomy.skill(name)
                assert skill is not None, (role.id, name)
                assert skill.name == name
                assert skill.category == pillar.category, (role.id, name)


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("sklearn", "scikit-learn"),
        ("scikit learn", "scikit-learn"),
        ("sci-kit learn", "scikit-learn"),
        ("k8s", "Kubernetes"),
        ("torch", "PyTorch"),
        ("Amazon Web Services", "AWS"),
        ("GCP", "Google Cloud"),
        ("Google Cloud Platform", "Google Cloud"),
        ("ML", "machine learning"),
        ("NLP", "natural language processing"),
        ("NodeJS", "Node.js"),
        ("node", "Node.js"),
        ("cpp", "C++"),
        ("C#", "C#"),
        (".NET", ".NET"),
        ("Golang", "Go"),
        ("PySpark", "Apache Spark"),
        ("W&B", "Weights & Biases"),
        ("TF Serving", "TensorFlow Serving"),
        ("LLMs", "large language models"),
        ("RAG", "retrieval-augmented generation"),
        ("Hugging Face Transformers", "Hugging Face Transformers"),
        ("A/B tests", "A/B testing"),
        ("CI/CD", "CI/CD"),
    ],
)
def test_alias_resolves_to_canonical_skill(
    index: dict[str, Any], alias: str, canonical: str
) -> None:
    assert index[normalize_name(alias)].name == canonical


def test_index_keys_are_normalised(index: dict[str, Any]) -> None:
    assert normalize_name("  Scikit \t LEARN ") == "scikit learn"
    assert all(key == normalize_name(key) for key in index)


@pytest.mark.parametrize(
    "trap",
    ["CV", "EMR", "Glue", "Beam", "Spring", "Vertex", "MLE", "TS", "Attention", "LDA", "Dash"],
)
def test_words_that_mean_something_else_are_not_aliases(index: dict[str, Any], trap: str) -> None:
    # A CV is a resume, EMR a medical record, "glue code" is not AWS Glue...
    assert normalize_name(trap) not in index


def test_python_3_is_left_to_the_version_pattern(taxonomy: Taxonomy) -> None:
    python = taxonomy.skill("Python")
    assert python is not None
    assert python.aliases == ()


def test_java_and_javascript_are_separate_skills(index: dict[str, Any]) -> None:
    assert index["java"].name == "Java"
    assert index["javascript"].name == "JavaScript"


@pytest.mark.parametrize(
    ("name", "skill", "case_sensitive"),
    [
        ("R", "R", True),
        ("Go", "Go", True),
        ("C", "C", True),
        ("Spark", "Apache Spark", False),
        ("Excel", "Excel", True),
        ("Rust", "Rust", True),
        ("Java", "Java", False),
        ("Docker", "Docker", False),
        ("Airflow", "Apache Airflow", False),
        ("Kafka", "Apache Kafka", False),
        ("Flask", "Flask", False),
        ("Swift", "Swift", True),
        ("Julia", "Julia", True),
    ],
)
def test_ambiguous_names_carry_hints(
    index: dict[str, Any], name: str, skill: str, case_sensitive: bool
) -> None:
    found = index[normalize_name(name)]
    assert found.name == skill
    assert found.hints is not None
    assert name in found.hints.ambiguous_aliases
    assert found.hints.case_sensitive is case_sensitive
    assert found.hints.context


def test_hints_of_r_go_c_spark_excel(index: dict[str, Any]) -> None:
    r = index["r"].hints
    assert {"&", "-", "."} <= set(r.reject_next)
    assert {"rstudio", "cran", "tidyverse", "ggplot2", "statistics"} <= set(r.context)
    go = index["go"].hints
    assert go.ambiguous_aliases == ("Go",)  # "Golang" is not ambiguous
    assert {"-", "to", "live", "through"} <= set(go.reject_next)
    assert {"-", "&", "+"} <= set(index["c"].hints.reject_next)
    assert {"apache", "pyspark", "databricks", "hadoop", "big data"} <= set(
        index["spark"].hints.context
    )
    assert "at" in index["excel"].hints.reject_next


def test_hint_words_are_single_tokens_or_phrases(taxonomy: Taxonomy) -> None:
    # The matcher compares hint words with single tokens; "fine-tuning" is three tokens.
    nlp = spacy.blank("en")
    for skill in taxonomy.skills:
        if skill.hints is None:
            continue
        hints = skill.hints
        for word in (*hints.context, *hints.reject_next, *hints.reject_prev):
            assert word == normalize_name(word)
            if " " not in word:
                forms = (word, word.capitalize(), word.upper())
                assert any(len(nlp.make_doc(f)) == 1 for f in forms), (skill.name, word)


def test_load_is_cached_per_tuple_of_paths() -> None:
    assert load_taxonomy() is load_taxonomy(())


# ----------------------------------------------------------------------- merging user files


def test_user_taxonomy_adds_skills_and_categories(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "extra.json",
        user_taxonomy(
            {"name": "Mojo", "category": "programming", "aliases": ["Mojo lang"]},
            {"name": "quantum ML", "category": "quantum", "aliases": ["QML"]},
            categories=[{"id": "quantum", "name": "Quantum computing"}],
        ),
    )
    shipped = load_taxonomy()
    merged = load_taxonomy((path,))
    assert len(merged.skills) == len(shipped.skills) + 2
    assert merged.skills[-2:] == (
        merged.skill("Mojo"),
        merged.skill("quantum ML"),
    )
    assert [c.id for c in merged.categories] == [*PILLARS, "quantum"]
    assert alias_index(merged)["qml"].category == "quantum"
    assert merged.roles == shipped.roles


def test_user_skill_with_the_same_name_replaces_the_shipped_one(tmp_path: Path) -> None:
    # "docker" matches "Docker" ignoring case; its freed alias "Dockerfile" can move elsewhere.
    path = write(
        tmp_path,
        "replace.json",
        user_taxonomy(
            {"name": "docker", "category": "mlops", "aliases": ["Docker Engine"]},
            {"name": "Dockerfile linting", "category": "mlops", "aliases": ["Dockerfile"]},
        ),
    )
    shipped = load_taxonomy()
    merged = load_taxonomy((path,))
    position = [s.name for s in shipped.skills].index("Docker")
    assert merged.skills[position].name == "docker"
    assert merged.skills[position].aliases == ("Docker Engine",)
    assert merged.skills[position].hints is None
    assert len(merged.skills) == len(shipped.skills) + 1
    index = alias_index(merged)
    assert index["dockerfile"].name == "Dockerfile linting"
    # Roles still name the skill by its shipped spelling; both spellings are the same skill.
    assert merged.skill("Docker") is merged.skills[position]


def test_user_role_is_added_and_can_use_user_skills(tmp_path: Path) -> None:
    skills = write(
        tmp_path, "skills.json", user_taxonomy({"name": "JAX-MD", "category": "domains"})
    )
    role = write(
        tmp_path,
        "role.json",
        user_role(programming=["python", "Julia"], domains=["JAX-MD"]),
    )
    # Role files are checked after every taxonomy file, so their order does not matter.
    merged = load_taxonomy((role, skills))
    researcher = merged.role("ml_researcher")
    assert researcher is not None
    assert researcher.titles == ("research scientist", "ml researcher")
    assert researcher.pillars[0].core == ("Python", "Julia")  # canonical spelling
    assert researcher.pillars[1].core == ("JAX-MD",)
    assert len(merged.roles) == len(load_taxonomy().roles) + 1


def test_user_role_with_the_same_id_replaces_the_shipped_one(tmp_path: Path) -> None:
    path = write(tmp_path, "mle.json", user_role(DEFAULT_ROLE_ID, programming=["Python"]))
    shipped = load_taxonomy()
    merged = load_taxonomy((path,))
    assert [r.id for r in merged.roles] == [r.id for r in shipped.roles]
    mle = merged.role(DEFAULT_ROLE_ID)
    assert mle is not None
    assert mle.name == "ML Researcher"
    assert mle.pillars[0].core == ("Python",)


def test_later_user_file_wins(tmp_path: Path) -> None:
    first = write(tmp_path, "a.json", user_taxonomy({"name": "Mojo", "category": "programming"}))
    second = write(tmp_path, "b.json", user_taxonomy({"name": "Mojo", "category": "mlops"}))
    merged = load_taxonomy((first, second))
    mojo = merged.skill("Mojo")
    assert mojo is not None
    assert mojo.category == "mlops"


def test_user_hints_are_normalised(tmp_path: Path) -> None:
    skill = {
        "name": "Pandas AI",
        "category": "python_data_stack",
        "aliases": ["Panda"],
        "hints": {"context": ["Python", "Big   Data", "python"], "ambiguous_aliases": ["Panda"]},
    }
    merged = load_taxonomy((write(tmp_path, "h.json", user_taxonomy(skill)),))
    found = merged.skill("Pandas AI")
    assert found is not None and found.hints is not None
    assert found.hints.context == ("python", "big data")
    assert found.hints.case_sensitive is True  # the default
    assert found.hints.reject_next == ()


# ----------------------------------------------------------------------- invalid user files


def error_of(paths: tuple[str, ...]) -> str:
    with pytest.raises(ConfigError) as caught:
        load_taxonomy(paths)
    message = str(caught.value)
    assert "\n" not in message
    assert caught.value.exit_code == 2
    return message


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.json")
    assert error_of((path,)) == f"{path}: file not found"


def test_directory_instead_of_file(tmp_path: Path) -> None:
    assert error_of((str(tmp_path),)) == f"{tmp_path}: is a directory, not a taxonomy or role file"


def test_bad_json_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.json", '{\n  "format": "mlcheck-taxonomy/1",\n  "skills": [,]\n}')
    assert error_of((path,)) == (f"{path}: not valid JSON: Expecting value (line 3, column 14)")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"format": "café"}'.encode("latin-1"))
    assert error_of((str(path),)) == f"{path}: not UTF-8 text (byte 15)"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ([], "top level: expected an object, got an array"),
        (
            {"skills": []},
            "top level: 'format' is missing (expected 'mlcheck-taxonomy/1' or 'mlcheck-role/1')",
        ),
        (
            {"format": "mlcheck-taxonomy/2", "skills": []},
            "format: 'mlcheck-taxonomy/2' is not a known format "
            "(known: 'mlcheck-taxonomy/1', 'mlcheck-role/1')",
        ),
        ({"format": TAXONOMY_FORMAT}, "top level: 'skills' is a required property"),
        (
            user_taxonomy({"name": "Mojo", "category": "programming"}, {"name": "Zig"}),
            "skills[1]: 'category' is a required property",
        ),
        (
            user_taxonomy({"name": "Mojo", "category": "programming", "alias": ["mojo"]}),
            "skills[0]: Additional properties are not allowed ('alias' was unexpected)",
        ),
        (
            user_taxonomy({"name": "Mojo", "category": "programming", "aliases": "mojo"}),
            "skills[0].aliases: expected an array, got a string",
        ),
        (
            user_taxonomy({"name": " Mojo", "category": "programming"}),
            "skills[0].name: ' Mojo' must be one line with no leading or trailing blanks",
        ),
        (
            user_taxonomy({"name": "Mojo", "category": "Programming"}),
            "skills[0].category: 'Programming' is not a valid id "
            "(lower-case letters, digits and '_', starting with a letter)",
        ),
        (
            user_taxonomy({"name": "Mojo", "category": "programming", "aliases": ["m", "m"]}),
            "skills[0].aliases: 'm' is listed twice",
        ),
        (
            {"format": ROLE_FORMAT, "id": "x", "name": "X", "titles": [], "pillars": []},
            "titles: must not be empty",
        ),
        (
            {"format": ROLE_FORMAT, "id": "x", "name": "X", "titles": ["x"]},
            "top level: 'pillars' is a required property",
        ),
    ],
)
def test_schema_errors_name_file_and_json_path(tmp_path: Path, content: Any, expected: str) -> None:
    path = write(tmp_path, "my.json", content)
    assert error_of((path,)) == f"{path}: {expected}"


def test_unknown_category(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "my.json",
        user_taxonomy(
            {"name": "Mojo", "category": "programming"},
            {"name": "Kedro", "category": "mlopz"},
        ),
    )
    known = ", ".join(PILLARS)
    assert error_of((path,)) == (
        f"{path}: skills[1].category: 'mlopz' is not a known category (known: {known})"
    )


def test_alias_already_used_by_a_shipped_skill(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "my.json",
        user_taxonomy({"name": "Kube tools", "category": "mlops", "aliases": ["kubectl", "K8S"]}),
    )
    assert error_of((path,)) == (
        f"{path}: skills[0].aliases[1]: 'K8S' is already an alias of skill 'Kubernetes' "
        "(skills_taxonomy/skills.json)"
    )


def test_alias_equal_to_another_skills_name(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "my.json",
        user_taxonomy({"name": "Deep nets", "category": "deep_learning", "aliases": ["pytorch"]}),
    )
    assert error_of((path,)) == (
        f"{path}: skills[0].aliases[0]: 'pytorch' is already the name of skill 'PyTorch' "
        "(skills_taxonomy/skills.json)"
    )


def test_alias_shared_by_two_user_skills(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "my.json",
        user_taxonomy(
            {"name": "Mojo", "category": "programming", "aliases": ["MJ"]},
            {"name": "Modular MAX", "category": "mlops", "aliases": ["mj"]},
        ),
    )
    assert error_of((path,)) == (
        f"{path}: skills[1].aliases[0]: 'mj' is already an alias of skill 'Mojo' ({path})"
    )


def test_alias_repeating_the_skills_own_name(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "my.json",
        user_taxonomy({"name": "Mojo", "category": "programming", "aliases": ["MOJO"]}),
    )
    assert error_of((path,)) == (
        f"{path}: skills[0].aliases[0]: 'MOJO' repeats the name 'Mojo' of the same skill "
        "(names are compared ignoring case)"
    )


def test_duplicate_skill_in_one_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "my.json",
        user_taxonomy(
            {"name": "Mojo", "category": "programming"},
            {"name": "mojo", "category": "mlops"},
        ),
    )
    assert error_of((path,)) == f"{path}: skills[1].name: duplicate skill 'mojo' (also skills[0])"


def test_duplicate_category_in_one_file(tmp_path: Path) -> None:
    categories = [{"id": "quantum", "name": "Q"}, {"id": "quantum", "name": "Q2"}]
    path = write(tmp_path, "my.json", user_taxonomy(categories=categories))
    assert error_of((path,)) == (
        f"{path}: categories[1].id: duplicate category id 'quantum' (also categories[0])"
    )


def test_ambiguous_alias_must_be_a_name_of_the_skill(tmp_path: Path) -> None:
    skill = {
        "name": "Mojo",
        "category": "programming",
        "aliases": ["Mojo lang"],
        "hints": {"context": ["python"], "ambiguous_aliases": ["mojo"]},
    }
    path = write(tmp_path, "my.json", user_taxonomy(skill))
    assert error_of((path,)) == (
        f"{path}: skills[0].hints.ambiguous_aliases[0]: 'mojo' is not a name of this skill "
        "(names: 'Mojo', 'Mojo lang'; case matters here)"
    )


def test_role_core_skill_not_in_taxonomy(tmp_path: Path) -> None:
    path = write(tmp_path, "role.json", user_role(programming=["Python", "Mojo"]))
    assert error_of((path,)) == (
        f"{path}: pillars[0].core[1]: 'Mojo' is not a skill of the taxonomy"
    )


def test_role_core_skill_given_by_alias(tmp_path: Path) -> None:
    path = write(tmp_path, "role.json", user_role(classical_ml=["sklearn"]))
    assert error_of((path,)) == (
        f"{path}: pillars[0].core[0]: 'sklearn' is an alias; use the skill's name 'scikit-learn'"
    )


def test_role_core_skill_in_another_pillar(tmp_path: Path) -> None:
    path = write(tmp_path, "role.json", user_role(programming=["Python", "Docker"]))
    assert error_of((path,)) == (
        f"{path}: pillars[0].core[1]: 'Docker' is in category 'mlops' "
        "(skills_taxonomy/skills.json), not 'programming'"
    )


def test_role_unknown_and_repeated_pillar(tmp_path: Path) -> None:
    unknown = write(tmp_path, "a.json", user_role(quantum=["Python"]))
    assert error_of((unknown,)).startswith(
        f"{unknown}: pillars[0].category: 'quantum' is not a known category (known: programming, "
    )
    role = user_role(programming=["Python"])
    role["pillars"].append({"category": "programming", "core": ["SQL"]})
    repeated = write(tmp_path, "b.json", role)
    assert error_of((repeated,)) == (
        f"{repeated}: pillars[1].category: pillar 'programming' is listed twice (also pillars[0])"
    )


def test_role_repeated_core_skill(tmp_path: Path) -> None:
    path = write(tmp_path, "role.json", user_role(programming=["Python", "python"]))
    assert error_of((path,)) == (
        f"{path}: pillars[0].core[1]: 'python' is listed twice (names are compared ignoring case)"
    )


def test_shipped_role_broken_by_a_user_category_change_names_both_files(tmp_path: Path) -> None:
    path = write(tmp_path, "my.json", user_taxonomy({"name": "Docker", "category": "programming"}))
    assert error_of((path,)) == (
        "skills_taxonomy/roles/data_engineer.json: pillars[2].core[0]: 'Docker' is in category "
        f"'programming' ({path}), not 'mlops'"
    )


def test_examples_in_the_documentation_load(tmp_path: Path) -> None:
    doc = Path(__file__).parents[2] / "docs" / "taxonomy.md"
    blocks = doc.read_text("utf-8").split("```json\n")[1:]
    paths = tuple(
        write(tmp_path, f"example{i}.json", block.split("```")[0]) for i, block in enumerate(blocks)
    )
    assert len(paths) == 2
    merged = load_taxonomy(paths)
    researcher = merged.role("ml_researcher")
    assert researcher is not None
    assert researcher.pillars[-1].core == ("Qiskit",)
    polaris = merged.skill("Polaris")
    assert polaris is not None and polaris.hints is not None
    assert polaris.hints.ambiguous_aliases == ("Polaris",)


# ----------------------------------------------------------------------- implied skills


def implying(taxonomy: Taxonomy, name: str) -> set[str]:
    return {s.name for s in taxonomy.skills if name in s.implies}


def test_shipped_implications_name_real_skills(taxonomy: Taxonomy) -> None:
    skills = {s.name: s for s in taxonomy.skills}
    assert skills["Amazon EKS"].implies == ("AWS", "Kubernetes")
    assert skills["SageMaker"].implies == ("AWS", "machine learning")
    assert skills["Vertex AI"].implies == ("Google Cloud", "machine learning")
    assert skills["Azure Kubernetes Service"].implies == ("Azure", "Kubernetes")
    # Keras runs on JAX or PyTorch too: it shows deep learning, not TensorFlow.
    assert skills["Keras"].implies == ("deep learning",)
    # Concepts shown by the skills that imply them (issue 14).
    assert {"MySQL", "PostgreSQL", "SQLite", "BigQuery"} <= implying(taxonomy, "SQL")
    assert {"convolutional neural networks", "LSTM", "BERT", "PyTorch"} <= implying(
        taxonomy, "deep learning"
    )
    assert "PySpark" in skills["Apache Spark"].aliases  # an alias, not an implication
    for skill in taxonomy.skills:
        assert all(name in skills and name != skill.name for name in skill.implies), skill.name
        if skill.category == "cloud" and skill.name.startswith(("Amazon ", "AWS ")):
            assert "AWS" in skill.implies, skill.name


def test_user_skill_implies_a_later_files_skill(tmp_path: Path) -> None:
    first = write(
        tmp_path,
        "a.json",
        user_taxonomy({"name": "Qiskit Runtime", "category": "cloud", "implies": ["qiskit"]}),
    )
    with pytest.raises(ConfigError):
        load_taxonomy((first,))  # alone, it implies an unknown skill
    second = write(tmp_path, "b.json", user_taxonomy({"name": "Qiskit", "category": "cloud"}))
    taxonomy = load_taxonomy((first, second))
    runtime = taxonomy.skill("Qiskit Runtime")
    assert runtime is not None and runtime.implies == ("Qiskit",)  # stored as the skill's name


@pytest.mark.parametrize(
    ("implies", "expected"),
    [
        (["Mojo"], "skills[0].implies[0]: 'Mojo' is not a skill of the taxonomy"),
        (["k8s"], "skills[0].implies[0]: 'k8s' is an alias; use the skill's name 'Kubernetes'"),
        (["Kedro"], "skills[0].implies[0]: a skill cannot imply itself"),
        (
            ["AWS", "aws"],
            "skills[0].implies[1]: 'aws' is listed twice (names are compared ignoring case)",
        ),
    ],
)
def test_implied_skills_are_checked(tmp_path: Path, implies: list[str], expected: str) -> None:
    skill = {"name": "Kedro", "category": "mlops", "implies": implies}
    path = write(tmp_path, "my.json", user_taxonomy(skill))
    assert error_of((path,)) == f"{path}: {expected}"


def test_implies_must_be_a_list_of_names(tmp_path: Path) -> None:
    skill = {"name": "Kedro", "category": "mlops", "implies": "AWS"}
    path = write(tmp_path, "my.json", user_taxonomy(skill))
    assert error_of((path,)).startswith(f"{path}: skills[0].implies: ")
