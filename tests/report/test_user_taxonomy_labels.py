"""A user's --taxonomy names pillars: each report form shows the user's label, not the shipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import main

USER_TAXONOMY = {
    "format": "mlcheck-taxonomy/1",
    "categories": [
        {"id": "quantum", "name": "Quantum computing"},
        {"id": "python_data_stack", "name": "Dataframe toolkit (mine)"},
    ],
    "skills": [{"name": "Qiskit", "category": "quantum"}],
}

RESUME = """Ada Lovelace
ada@example.com | +1 555 010 2030

EXPERIENCE
ML Engineer, Acme Corp, 2020 - 2024
- Built quantum circuits in Qiskit that cut simulation time by 40%
- Deployed 12 models with Docker and Kubernetes, serving 3M requests a day

SKILLS
Python, Qiskit, Docker, Kubernetes

EDUCATION
BSc Computer Science, University of Somewhere, 2019
"""


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Render the resume with the user's taxonomy in every form, once."""
    folder = tmp_path_factory.mktemp("labels")
    resume, taxonomy = folder / "resume.txt", folder / "taxonomy.json"
    resume.write_text(RESUME, encoding="utf-8")
    taxonomy.write_text(json.dumps(USER_TAXONOMY), encoding="utf-8")
    out: dict[str, str] = {}
    for form in ("html", "md", "text", "json"):
        target = folder / f"report.{form}"
        result = CliRunner().invoke(
            main, [str(resume), "--taxonomy", str(taxonomy), "--format", form, "-o", str(target)]
        )
        assert result.exit_code == 0, result.output
        out[form] = Path(target).read_text(encoding="utf-8")
    return out


@pytest.mark.parametrize("form", ["html", "md"])
def test_pillar_table_shows_the_users_labels(reports: dict[str, str], form: str) -> None:
    assert "Quantum computing" in reports[form]  # an added category, under its own name
    assert "Dataframe toolkit (mine)" in reports[form]  # a renamed shipped category
    assert "Python data stack" not in reports[form]  # the shipped name is gone


def test_text_findings_name_the_pillar_as_the_user_does(reports: dict[str, str]) -> None:
    text = " ".join(reports["text"].split())
    assert "pillars of the ML-engineer roadmap" in text
    assert "Dataframe toolkit (mine)" in text
    assert "Python data stack" not in reports["text"]


def test_json_carries_each_pillars_label(reports: dict[str, str]) -> None:
    pillars = json.loads(reports["json"])["roadmap"]["pillars"]
    labels = {p["name"]: p["label"] for p in pillars}
    assert labels["quantum"] == "Quantum computing"
    assert labels["python_data_stack"] == "Dataframe toolkit (mine)"
    assert labels["mlops"] == "MLOps & deployment"  # untouched categories keep the shipped name
