"""Matching a resume against a posting: keywords, aliases, stuffing, title, years, degree."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.ats.match import match_resume, term_sections, title_match
from analyzer.ats.posting import parse_posting, read_posting
from analyzer.models import AtsMatch, JobPosting
from analyzer.nlp.resources import get_resources
from analyzer.settings import Settings
from tests.ats.resumes import fake_profile, text_document

FIXTURES = Path(__file__).parent / "fixtures"
RES = get_resources(Settings())


def posting(name: str = "ml_engineer_posting.txt") -> JobPosting:
    return read_posting(str(FIXTURES / name), RES)


def resume_text(name: str = "ml_resume.txt") -> str:
    return (FIXTURES / name).read_text("utf-8")


def match_text(
    text: str,
    job: JobPosting | None = None,
    years: float | None = 5.0,
    degree: str | None = "bachelor",
) -> AtsMatch:
    document = text_document(text)
    profile = fake_profile(document, RES, years=years, degree=degree)
    return match_resume(document, profile, job or posting(), RES)


def names(items: tuple) -> set[str]:  # type: ignore[type-arg]
    return {k.keyword for k in items}


def test_posting_fixture_reads_as_expected() -> None:
    job = posting()
    assert job.title == "Machine Learning Engineer"
    assert {"machine learning", "Python", "SQL", "Docker", "Kubernetes", "Google Cloud"} <= set(
        job.required_skills
    )
    assert set(job.preferred_skills) == {"Apache Spark", "Apache Airflow"}
    assert (job.years_required, job.degree_required, job.degree_or_equivalent) == (
        3.0,
        "bachelor",
        True,
    )
    assert {"marketplace", "pipeline orchestration"} <= set(job.keywords)
    assert "recommendation systems" not in job.keywords  # a skill (recommender systems)


def test_aliases_meet_at_the_canonical_skill() -> None:
    # The posting says "ML" and "GCP"; the resume "machine learning" and "Google Cloud".
    match = match_text(resume_text())
    matched = {k.keyword: k for k in match.matched}
    assert "machine learning" in matched and "Google Cloud" in matched
    assert matched["Google Cloud"].found_in == ("experience", "skills")
    assert matched["Google Cloud"].used is True
    assert "Kubernetes" in names(match.missing)


def test_missing_is_ordered_by_importance_then_frequency_then_name() -> None:
    match = match_text("Someone\n\nSKILLS\nNothing relevant")
    order = [(k.importance, -k.posting_count, k.keyword.casefold()) for k in match.missing]
    rank = {"required": 0, "preferred": 1, "keyword": 2}
    assert order == sorted(order, key=lambda o: (rank[o[0]], o[1], o[2]))
    assert match.missing[0].importance == "required"
    assert match.missing[-1].importance == "keyword"


def test_required_skills_weigh_more_than_preferred() -> None:
    base = resume_text() + "\n- Ran Kubernetes clusters for 9 services."
    without_required = base.replace("Docker", "containers")
    without_preferred = base.replace("Spark", "spreadsheets")
    assert match_text(without_required).score < match_text(without_preferred).score


def test_used_skill_counts_more_than_listed_only() -> None:
    listed = resume_text() + "\nKubernetes"  # appended to the skills section
    used = resume_text().replace(
        "- Analysed recommendation", "- Ran Kubernetes for 4 services.\n- Analysed recommendation"
    )
    listed_match, used_match = match_text(listed), match_text(used)
    assert {k.keyword: k.used for k in listed_match.matched}["Kubernetes"] is False
    assert {k.keyword: k.used for k in used_match.matched}["Kubernetes"] is True
    assert match_text(resume_text()).score < listed_match.score < used_match.score


def test_go_is_not_found_in_going() -> None:
    job = posting("go_posting.txt")
    assert "Go" in job.required_skills
    match = match_text("Sam\n\nSUMMARY\nGoing places with SQL, ongoing work.", job)
    assert "Go" in names(match.missing)
    assert "SQL" in names(match.matched)


def test_stuffing_does_not_pay() -> None:
    once = resume_text()
    stuffed = once + "\n" + " ".join(["Python"] * 10) + "\n" + "recommendation systems " * 10
    assert match_text(stuffed).score == match_text(once).score


def test_adding_a_missing_required_skill_raises_the_score() -> None:
    before = match_text(resume_text())
    after = match_text(
        resume_text().replace(
            "- Deployed 9 models with Docker", "- Deployed 9 models with Docker and Kubernetes"
        )
    )
    assert "Kubernetes" in names(before.missing) and "Kubernetes" in names(after.matched)
    assert after.score > before.score


def test_removing_the_job_title_lowers_the_score() -> None:
    with_title = match_text(resume_text())
    text = resume_text().replace("Machine Learning Engineer\n", "Engineer\n")
    text = text.replace("Machine Learning Engineer |", "Software Developer |")
    text = text.replace("Machine learning engineer who", "Builder who")
    without = match_text(text)
    assert with_title.title_match == 1.0
    assert without.title_match < 0.5
    assert without.score < with_title.score


def test_title_family_and_abbreviation() -> None:
    job = parse_posting("Senior ML Engineer\n\nRequirements\n- Python", RES)
    doc = text_document("Kim\nMachine Learning Engineer\n\nSKILLS\nPython")
    assert title_match(doc, job.title or "", RES) == 1.0
    doc = text_document("Kim\nDeep Learning Engineer\n\nSKILLS\nPython")
    assert title_match(doc, "Machine Learning Engineer", RES) == 0.7


def test_pastry_chef_scores_below_25() -> None:
    match = match_text(resume_text("pastry_chef_resume.txt"), years=10.0, degree=None)
    assert match.score < 25
    assert not {k.keyword for k in match.matched if k.importance == "required"}


def test_years_and_degree_requirements() -> None:
    short = match_text(resume_text(), years=1.5, degree=None)
    assert (short.years.asked, short.years.found, short.years.meets) == (3.0, 1.5, False)
    assert (short.degree.asked, short.degree.found, short.degree.meets) == ("bachelor", None, False)
    enough = match_text(resume_text(), years=4.0, degree=None)
    # "or equivalent experience": the years make up for the degree.
    assert enough.degree.meets is True
    assert enough.score > short.score


def test_breakdown_sums_to_score_and_version() -> None:
    match = match_text(resume_text())
    assert match.scoring_version == "1.3"
    assert abs(sum(earned for _n, earned, _a in match.components) - match.score) < 0.5
    assert abs(sum(avail for _n, _e, avail in match.components) - 100) < 0.5
    assert 0 <= match.similarity <= 1


def test_components_leave_out_what_the_posting_does_not_ask() -> None:
    job = parse_posting("Job Title: Data Engineer\n\nRequirements\n- Python, SQL\n", RES)
    match = match_text("Kim\nData Engineer\n\nSKILLS\nPython, SQL", job)
    assert {name for name, _e, _a in match.components} == {"skills", "title"}
    assert match.score == pytest.approx(100 * (60 * 0.6 + 15 * 1.0) / 75, abs=0.1)


def test_deterministic() -> None:
    first = match_text(resume_text()).to_dict()
    second = match_text(resume_text()).to_dict()
    assert first == second


def test_any_of_group_is_one_requirement_met_by_any_member() -> None:
    resume = "Kim\nData Engineer\n\nSKILLS\nPython, PyTorch"
    either = parse_posting(
        "Job Title: Data Engineer\n\nRequirements\n- Python and PyTorch or JAX\n", RES
    )
    alone = parse_posting("Job Title: Data Engineer\n\nRequirements\n- Python and PyTorch\n", RES)
    match = match_text(resume, either)
    found = {k.keyword: k for k in match.matched}
    assert found["PyTorch"].alternatives == ("PyTorch", "JAX")
    assert not [k for k in match.missing if k.importance != "keyword"]
    # The group weighs what one skill weighs: JAX, unmatched, costs nothing.
    assert match.score == match_text(resume, alone).score


def test_missing_any_of_group_is_listed_once() -> None:
    job = parse_posting("Job Title: Data Engineer\n\nRequirements\n- Python; PyTorch or JAX\n", RES)
    match = match_text("Kim\nData Engineer\n\nSKILLS\nPython", job)
    skills = [k for k in match.missing if k.importance != "keyword"]
    assert [(k.keyword, k.alternatives) for k in skills] == [("PyTorch or JAX", ("PyTorch", "JAX"))]


def test_example_posting_accepts_pytorch_for_pytorch_or_tensorflow() -> None:
    job = read_posting(str(Path(__file__).parents[2] / "examples" / "posting.txt"), RES)
    assert ("PyTorch", "TensorFlow") in job.alternatives
    match = match_text(resume_text().replace("Python, SQL,", "Python, PyTorch, SQL,"), job)
    assert "PyTorch" in names(match.matched)
    assert not any("TensorFlow" in k.keyword for k in match.missing)


CONCEPT_POSTING = (
    "Job Title: Machine Learning Engineer\n\nRequirements\n"
    "- Model deployment, model monitoring, ML pipelines and model evaluation.\n"
)
CONCEPT_RESUME = """Kim Example
Machine Learning Engineer

EXPERIENCE
Machine Learning Engineer | Shopwise | Jan 2021 - Present
- Deployed 12 models as FastAPI services, serving 3k requests/s at 45 ms p95.
- Set up drift monitoring and automated retraining, cutting silent failures to zero.
- Moved feature pipelines to Spark, cutting training time from 6 hours to 40 minutes.
- Raised recall by 12% at the same precision on the fraud model.

SKILLS
Python, Spark, FastAPI
"""


def test_concept_skills_are_shown_by_evidence() -> None:
    job = parse_posting(CONCEPT_POSTING, RES)
    match = match_text(CONCEPT_RESUME, job)
    found = {k.keyword: k for k in match.matched}
    wanted = {"model deployment", "model monitoring", "ML pipelines", "model evaluation"}
    assert wanted <= set(found)
    assert all(found[name].used for name in wanted)
    assert found["model deployment"].satisfied_by == "'deployed 12 models'"
    assert found["model monitoring"].satisfied_by == "'drift monitoring'"
    # "Raised recall by 12%" is a result (not the skill recall) that shows evaluation.
    assert found["model evaluation"].satisfied_by == "'raised recall'"


def test_concept_skills_without_evidence_stay_missing() -> None:
    job = parse_posting(CONCEPT_POSTING, RES)
    text = "Kim Example\nMachine Learning Engineer\n\nSKILLS\nPython, Spark\n"
    match = match_text(text, job)
    wanted = {"model deployment", "model monitoring", "ML pipelines", "model evaluation"}
    assert wanted <= names(match.missing)


def test_generic_concepts_weigh_half_a_hard_skill() -> None:
    resume = "Kim\nData Engineer\n\nSKILLS\nPython, Docker"
    generic = parse_posting(
        "Job Title: Data Engineer\n\nRequirements\n- Python, Docker and documentation\n", RES
    )
    hard = parse_posting(
        "Job Title: Data Engineer\n\nRequirements\n- Python, Docker and Terraform\n", RES
    )
    with_generic, with_hard = match_text(resume, generic), match_text(resume, hard)
    assert [k.generic for k in with_generic.missing if k.keyword == "documentation"] == [True]
    # skills credit: listed-only Python and Docker (0.6 each, weight 2) over 2 + 2 + 1 / 2 + 2 + 2
    assert with_generic.score == pytest.approx(100 * (60 * 2.4 / 5 + 15) / 75, abs=0.1)
    assert with_hard.score == pytest.approx(100 * (60 * 2.4 / 6 + 15) / 75, abs=0.1)


def test_hyphenated_skill_names_are_shown_by_mlflow() -> None:
    job = parse_posting(
        "Job Title: Machine Learning Engineer\n\nNice to have\n"
        "- MLflow or another experiment-tracking and model-registry tool.\n",
        RES,
    )
    assert {"experiment tracking", "model registry"} <= set(job.preferred_skills)
    assert not {"experiment-tracking", "model-registry"} & set(job.keywords)
    resume = CONCEPT_RESUME.replace("drift monitoring", "drift monitoring in MLflow")
    found = {k.keyword: k for k in match_text(resume, job).matched}
    assert found["experiment tracking"].satisfied_by == "MLflow"
    assert found["model registry"].satisfied_by == "MLflow"
    assert found["model registry"].used is True


@pytest.mark.parametrize(
    ("printed", "term"),
    [
        ("Built REST Services for clinics", "rest services"),
        ("Tuned \u0130nference servers", "inference"),  # dotted İ: lower() adds a combining dot
        ("Wrote ſql pipelines", "sql"),  # a long s: lower() keeps it, the regex folds it
        ("Ran the ASSESSMENTS", "assessment"),
    ],
)
def test_term_sections_finds_terms_the_substring_pretest_must_not_rule_out(
    printed: str, term: str
) -> None:
    document = text_document(f"Kim\n\nEXPERIENCE\n- {printed}\n")
    assert term_sections(term, document) == ("experience",)


def test_term_sections_misses_a_term_the_text_lacks() -> None:
    document = text_document("Kim\n\nEXPERIENCE\n- Built triage dashboards\n")
    assert term_sections("triage models", document) == ()
