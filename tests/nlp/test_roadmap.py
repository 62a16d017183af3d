"""Roadmap: pillar coverage, career stages from stages.json, years and degree."""

from __future__ import annotations

import datetime as dt

import pytest

from analyzer.models import Link
from analyzer.nlp.experience import highest_degree, years_experience_from_entries
from analyzer.nlp.profile import build_profile
from tests.nlp.builders import entry, make_document, real_resources, small_resources

TODAY = dt.date(2024, 6, 1)


def test_overlapping_ranges_are_merged_and_present_runs_to_today() -> None:
    entries = [
        entry(dt.date(2018, 6, 1), dt.date(2020, 6, 1)),
        entry(dt.date(2020, 1, 1), dt.date(2021, 6, 1)),  # overlaps the first
        entry(dt.date(2022, 6, 1), None),  # Present
        entry(dt.date(2015, 1, 1), dt.date(2019, 1, 1), section="education"),
    ]
    assert years_experience_from_entries(entries, TODAY) == 5.0


def test_no_dated_entries_means_unknown_years() -> None:
    assert years_experience_from_entries([], TODAY) is None


@pytest.mark.parametrize(
    ("text", "degree"),
    [
        ("Ph.D. in Computer Science, ETH Zurich", "phd"),
        ("PhD candidate, Stanford\nM.S. in Statistics", "master"),
        ("MSc Data Science; BSc Mathematics", "master"),
        ("B.S. Computer Science, 3.5 GPA", "bachelor"),
        ("Bachelor of Engineering", "bachelor"),
        ("Associate degree in Information Technology", "associate"),
        ("Coursera Machine Learning Specialization", None),
        ("Tools: MS Excel, MS Office", None),
    ],
)
def test_highest_degree(text: str, degree: str | None) -> None:
    assert highest_degree(text) == degree


def test_beginner() -> None:
    doc = make_document([("skills", "Python, NumPy"), ("education", "BSc Biology")])
    profile = build_profile(doc, small_resources(), today=TODAY)
    assert profile.roadmap.stage == "Beginner"
    assert "no classical ML library (scikit-learn, XGBoost)" in profile.roadmap.reasons
    assert profile.roadmap.next_steps


def test_intermediate() -> None:
    doc = make_document(
        [
            ("skills", "Python, pandas, NumPy, SQL, scikit-learn"),
            ("projects", ["Built a churn model with scikit-learn", "Trained a CNN in Keras"]),
        ]
    )
    roadmap = build_profile(doc, small_resources(), today=TODAY).roadmap
    assert roadmap.stage == "Intermediate"
    assert "no deep-learning framework" not in roadmap.reasons


def test_job_seeker_with_mlops_evidence() -> None:
    doc = make_document(
        [
            ("skills", "Python, SQL, scikit-learn, PyTorch, Docker, Kubernetes, AWS, algorithms"),
            (
                "projects",
                [
                    "Served a PyTorch model with FastAPI and Docker at 200 requests/s",
                    "Cut training time by 40% on AWS",
                ],
            ),
        ]
    )
    roadmap = build_profile(doc, small_resources(), today=TODAY).roadmap
    assert roadmap.stage == "Job seeker"
    assert "MLOps evidence: Docker, Kubernetes" in roadmap.reasons
    assert "no production impact shown" in roadmap.reasons


def test_professional_needs_years_in_ml_roles_and_production() -> None:
    sections = [
        ("skills", "Python, scikit-learn, PyTorch, Docker, Kubernetes, AWS, NLP, A/B testing"),
        (
            "experience",
            [
                "Deployed 12 NLP models to production, serving 5k requests/s",
                "Led A/B testing of the ranking model, raising click-through by 8%",
                "Cut inference cost by 30% with Kubernetes autoscaling",
            ],
        ),
    ]
    entries = [entry(dt.date(2020, 1, 1), None, role="Machine Learning Engineer")]
    roadmap = build_profile(make_document(sections, entries), small_resources(), TODAY).roadmap
    assert roadmap.stage == "Professional"
    assert "4.4 years in ML roles" in roadmap.reasons
    # Same resume, but the years were spent outside ML roles.
    entries = [entry(dt.date(2020, 1, 1), None, role="Accountant")]
    roadmap = build_profile(make_document(sections, entries), small_resources(), TODAY).roadmap
    assert roadmap.stage == "Job seeker"
    assert "under 2 years in ML roles" in roadmap.reasons


def test_pillars_show_expected_and_missing_core_skills() -> None:
    doc = make_document([("skills", "Python, Docker")])
    roadmap = build_profile(doc, small_resources(), today=TODAY).roadmap
    mlops = next(p for p in roadmap.pillars if p.name == "mlops")
    assert mlops.evidence == ("Docker",)
    assert mlops.expected == ("Docker", "Kubernetes", "CI/CD")
    assert mlops.missing == ("Kubernetes", "CI/CD")
    assert roadmap.to_dict()["pillars"][0].keys() >= {"name", "evidence"}


def test_github_link_counts() -> None:
    doc = make_document([("skills", "Python")])
    contact = doc.contact.__class__(links=(Link("https://github.com/a", "github", "text"),))
    doc = doc.__class__(**{**doc.__dict__, "contact": contact})
    roadmap = build_profile(doc, small_resources(), today=TODAY).roadmap
    assert "no GitHub link" not in roadmap.reasons


def test_profile_fields() -> None:
    doc = make_document(
        [
            ("summary", "ML engineer who cut\nserving cost by 30% in 2023."),
            ("experience", ["Responsible for the sklearn, k8s, torch stack", "Saved $1.2M a year"]),
            ("education", "M.S. Computer Science, GPA: 3.8/4.0, 2019-2021"),
        ],
        entries=[entry(dt.date(2021, 6, 1), None)],
    )
    profile = build_profile(doc, small_resources(), today=TODAY)
    assert {s.name for s in profile.skills} == {"Kubernetes", "PyTorch", "scikit-learn"}
    assert all(s.used for s in profile.skills)
    assert [(a.section, a.bullet) for a in profile.achievements] == [
        ("experience", "b1"),
        ("summary", None),
    ]
    assert profile.achievements[1].text == "ML engineer who cut serving cost by 30% in 2023."
    assert profile.degree == "master"
    # "Present" is the resume's own latest date (the summary's "2023"), not TODAY:
    # June 2021 to 1 January 2023 is 19 months.
    assert profile.years_experience == 1.6
    assert "1 January 2023" in profile.years_note
    assert len(profile.bullet_reviews) == 2


def test_communication_is_shown_by_explaining_and_documenting() -> None:
    resources = real_resources()
    doc = make_document(
        [
            (
                "experience",
                [
                    "Designed A/B tests for a claims-triage model and explained results to claims "
                    "managers and executives.",
                    "Time-series forecasting with Prophet; documented data, approach and results "
                    "in the README.",
                ],
            )
        ]
    )
    profile = build_profile(doc, resources, today=TODAY)
    communication = next(p for p in profile.roadmap.pillars if p.name == "communication")
    assert communication.evidence == ("documentation", "non-technical communication")
    assert communication.missing == ("technical writing",)
    # The words fill the pillar; they do not become skills the resume names.
    assert "non-technical communication" not in {s.name for s in profile.skills}


def test_words_near_each_other_only_show_communication_in_order() -> None:
    doc = make_document(
        [("experience", ["Managed the claims team and the results pipeline for executives."])]
    )
    profile = build_profile(doc, real_resources(), today=TODAY)
    communication = next(p for p in profile.roadmap.pillars if p.name == "communication")
    assert communication.evidence == ()
