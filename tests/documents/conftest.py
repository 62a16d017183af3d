"""Resumes generated in code for the documents tests (see tests/pdf_factory.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pdf_factory import make_resume_pdf

NAME = "Ada Lovelace"
CONTACT = ["London, UK | ada@example.com | +44 20 7946 0958"]
SECTIONS = [
    ("Summary", ["Machine learning engineer with 6 years of experience shipping ranking models."]),
    (
        "Work Experience",
        [
            "**Acme Corp",
            "**Senior ML Engineer\tJan 2022 – Present",
            "• Cut inference latency by 40% by distilling a BERT ranker into a two-layer model "
            "served with ONNX Runtime on CPU",
            "• Built the feature store used by 12 teams",
            "**ML Engineer\t2020 – 2021",
            "• Trained gradient-boosted models for churn",
            "**Data Scientist, Globex\t03/2018 - 05/2020",
            "• Analysed A/B tests for pricing",
        ],
    ),
    ("Education", ["**MSc in Computer Science, University of Edinburgh\t2016 – 2017"]),
    ("Technical Skills", ["Python, PyTorch, SQL, Docker, Kubernetes"]),
]
BULLETS = [
    "Cut inference latency by 40% by distilling a BERT ranker into a two-layer model served "
    "with ONNX Runtime on CPU",
    "Built the feature store used by 12 teams",
    "Trained gradient-boosted models for churn",
    "Analysed A/B tests for pricing",
]


@pytest.fixture
def one_column_pdf(tmp_path: Path) -> Path:
    """A clean one-column resume with two link annotations."""
    return make_resume_pdf(
        tmp_path / "one_column.pdf",
        name=NAME,
        contact_lines=CONTACT,
        sections=SECTIONS,
        links=[
            ("GitHub", "https://github.com/ada"),
            ("LinkedIn", "https://www.linkedin.com/in/ada/"),
        ],
    )
