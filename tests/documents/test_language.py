"""The language of a resume: told from its function words, carried on the document and the JSON,
and named in a finding when it is not English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from analyzer.ats.readability import readability_findings
from analyzer.documents import read_document
from analyzer.documents.language import detect_language
from analyzer.nlp.profile import build_profile
from analyzer.nlp.resources import Resources, get_resources
from analyzer.report.json_form import document_json
from analyzer.rules import shipped_rules
from analyzer.settings import Settings
from tests.pdf_factory import Section, make_resume_pdf

HEADINGS = shipped_rules().headings


@pytest.fixture(scope="module")
def resources() -> Resources:
    """The shipped taxonomy and skill matcher."""
    return get_resources(Settings())


GERMAN: list[Section] = [
    (
        "Profil",
        [
            "Data Scientist mit fünf Jahren Erfahrung in der Entwicklung von Modellen für die "
            "Vorhersage der Nachfrage und die Erkennung von Betrug im Zahlungsverkehr."
        ],
    ),
    (
        "Berufserfahrung",
        [
            "**Data Scientist\tJan 2021 – heute",
            "**Zahlwerk GmbH, Berlin",
            "• Entwicklung eines Modells zur Betrugserkennung mit PyTorch, das die Verluste um "
            "18% senkte.",
            "• Aufbau einer Pipeline für die Datenaufbereitung mit Airflow und Docker auf AWS.",
            "• Einführung von Tests und CI für die Modelle des Teams und Schulung der Kollegen.",
        ],
    ),
    ("Ausbildung", ["**M.Sc. Informatik\t2015 – 2017", "Technische Universität München"]),
    ("Kenntnisse", ["Python, SQL, PyTorch, scikit-learn, Docker, Kubernetes, AWS"]),
    ("Sprachen", ["Deutsch (Muttersprache), Englisch (fließend)"]),
]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Built a ranking model with PyTorch for the search team and deployed it on AWS; "
            "the model served 2k requests per second from a cluster that was managed by the "
            "platform team, and I wrote the tests for it and the docs.",
            "en",
        ),
        (
            "Entwicklung eines Modells für die Vorhersage der Nachfrage mit Python und der "
            "Aufbau einer Pipeline für die Daten des Teams, sowie die Betreuung der Kollegen "
            "bei der Einführung von Tests.",
            "de",
        ),
        (
            "Desarrollo de modelos de aprendizaje automático para la predicción de la demanda "
            "con Python y el despliegue de los servicios en la nube para el equipo de datos, "
            "y el diseño de los tableros con el equipo de producto.",
            "es",
        ),
        (
            "Développement des modèles pour la prévision de la demande avec Python et le "
            "déploiement des services dans le cloud pour les équipes, avec les tests et la "
            "documentation du projet.",
            "fr",
        ),
        (
            "Desenvolvimento dos modelos para a previsão da procura com Python e a implantação "
            "dos serviços na nuvem para as equipas, com os testes e a documentação do projeto.",
            "pt",
        ),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text, HEADINGS) == code


def test_a_bare_list_of_skills_has_no_language() -> None:
    assert detect_language("Python, SQL, PyTorch, Docker, Kubernetes, AWS, GCP", HEADINGS) is None


def test_german_resume_is_read_and_its_language_named(tmp_path: Path, resources: Resources) -> None:
    path = make_resume_pdf(
        tmp_path / "lebenslauf.pdf",
        name="Anna Beispiel",
        contact_lines=["anna@example.de | +49 30 1234567 | Berlin"],
        sections=GERMAN,
    )
    document = read_document(str(path))
    assert document.language == "de"
    assert document_json(document)["language"] == "de"
    assert [s.name for s in document.sections] == [
        "contact",
        "summary",
        "experience",
        "education",
        "skills",
        "other",
    ]
    profile = build_profile(document, resources, today=dt.date(2025, 6, 1))
    assert {"Python", "PyTorch", "Docker", "Kubernetes"} <= {s.name for s in profile.skills}
    findings = {
        f.id: f
        for f in readability_findings(document, profile, shipped_rules().scoring.readability)
    }
    assert "readability.missing_section" not in findings
    language = findings["readability.language"]
    assert language.message.startswith("The resume is written in German.")
    assert "skills taxonomy and bullet checks are English" in language.message


def test_english_resume_has_no_language_finding(tmp_path: Path, resources: Resources) -> None:
    path = make_resume_pdf(
        tmp_path / "resume.pdf",
        name="Ada Example",
        contact_lines=["ada@example.com"],
        sections=[
            (
                "Experience",
                [
                    "**Machine Learning Engineer\tJan 2023 – Present",
                    "• Built a ranking model in PyTorch that raised the click-through rate by "
                    "12% for the shoppers of the web and the mobile app.",
                    "• Deployed 9 models as services on AWS with the platform team, serving "
                    "2k requests per second at 40 ms latency.",
                ],
            ),
            ("Skills", ["Python, PyTorch, Docker"]),
        ],
    )
    document = read_document(str(path))
    assert document.language == "en"
    profile = build_profile(document, resources, today=dt.date(2025, 6, 1))
    ids = {
        f.id for f in readability_findings(document, profile, shipped_rules().scoring.readability)
    }
    assert "readability.language" not in ids
