"""Reading postings: parts, required vs preferred, title, years, degree, keywords."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.ats.posting import (
    degree_asked,
    idf,
    parse_posting,
    read_posting,
    salient_keywords,
    term_key,
    years_asked,
)
from analyzer.errors import InputError
from analyzer.nlp.resources import Resources
from analyzer.rules import shipped_rules

FIXTURES = Path(__file__).parent / "fixtures"


def test_required_and_preferred_parts(resources: Resources) -> None:
    posting = parse_posting(
        "Machine Learning Engineer\n\nRequirements:\n- Python and SQL\n- Docker\n\n"
        "Nice to have:\n- Spark\n- Python scripting\n",
        resources,
    )
    assert posting.title == "Machine Learning Engineer"
    assert set(posting.required_skills) == {"Python", "SQL", "Docker", "machine learning"}
    # Python is named in both parts: required wins.
    assert posting.preferred_skills == ("Apache Spark",)
    assert dict(posting.skill_counts)["Python"] == 2


def test_preferred_marker_in_a_sentence(resources: Resources) -> None:
    posting = parse_posting(
        "Data Engineer\n\nWe need:\n- Strong SQL.\n- Kubernetes experience is a plus.\n"
        "- Airflow nice to have.\n- Python required, Spark preferred.\n",
        resources,
    )
    assert set(posting.required_skills) == {"SQL", "Python"}
    assert set(posting.preferred_skills) == {"Kubernetes", "Apache Airflow", "Apache Spark"}


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("3+ years of Python experience", 3.0),
        ("At least 5 years building ML systems.", 5.0),
        ("A minimum of two years of relevant experience", 2.0),
        ("3-15 years’ experience", 3.0),
        ("Minimum five years’ work experience within Pharma", 5.0),
        ("We have been in business for 20 years.", None),
        ("Join a company with 100 years of history and experience", None),
    ],
)
def test_years_asked(text: str, years: float | None) -> None:
    assert years_asked([text], shipped_rules().posting.years) == years


@pytest.mark.parametrize(
    ("text", "degree", "equivalent"),
    [
        ("BS, MS or PhD in Computer Science", "bachelor", False),
        ("Bachelor's degree in CS or equivalent experience", "bachelor", True),
        ("Master’s degree in Statistics required", "master", False),
        ("MS or Ph.D. in a quantitative field", "master", False),
        ("PhD in machine learning", "phd", False),
        ("Proficient with MS Office and MS Excel", None, False),
        ("Strong communication skills", None, False),
    ],
)
def test_degree_asked(text: str, degree: str | None, equivalent: bool) -> None:
    assert degree_asked([text], shipped_rules().posting.degrees) == (degree, equivalent)


def test_degree_preferred_is_not_required(resources: Resources) -> None:
    posting = parse_posting(
        "ML Engineer\n\nRequirements\n- Bachelor's degree required, Master's preferred\n"
        "\nPreferred\n- PhD\n",
        resources,
    )
    assert posting.degree_required == "bachelor"


def test_title_from_job_title_line(resources: Resources) -> None:
    posting = parse_posting(
        "Job Title: Senior Machine Learning Engineer\nCompany: Acme\n\nWe build things.", resources
    )
    assert posting.title == "Senior Machine Learning Engineer"


def test_title_cut_at_separator(resources: Resources) -> None:
    posting = parse_posting("# ML Engineer - Remote (EU)\n\nWe build models in Python.", resources)
    assert posting.title == "ML Engineer"


def test_title_from_role_titles_in_body(resources: Resources) -> None:
    posting = parse_posting(
        "Acme Corp is growing fast and building great products for everyone.\n"
        "We are hiring an MLOps engineer to run our model platform on Kubernetes.\n",
        resources,
    )
    assert posting.title is not None and posting.title.lower() == "mlops engineer"


def test_keywords_exclude_skills_and_stop_words(resources: Resources) -> None:
    posting = parse_posting(
        "ML Engineer\n\nRequirements\n- Python for ad auctions.\n"
        "- Ad auctions at scale, with bidding strategies and budgets.\n"
        "- Bidding strategies for ad auctions.\n",
        resources,
    )
    assert {"ad auctions", "bidding strategies"} <= set(posting.keywords)
    assert "python" not in posting.keywords and "auctions" not in posting.keywords
    assert "the" not in posting.keywords and "experience" not in posting.keywords


def test_hard_wrapped_lines_are_joined(resources: Resources) -> None:
    posting = parse_posting(
        "Title: Data Engineer\n\nAbout the role\n"
        "Our platform team runs pipelines for forty clients, and as a member of the Machine\n"
        "Learning platform team you will run it all with us every single day of the week.\n",
        resources,
    )
    assert "machine learning" in posting.required_skills


def test_read_posting_text_file_and_stdin(tmp_path: Path, resources: Resources) -> None:
    file = tmp_path / "job.md"
    file.write_text("# Machine Learning Engineer\n\n## Requirements\n- Python\n", "utf-8")
    from_file = read_posting(str(file), resources)
    from_stdin = read_posting("-", resources, stdin_text=file.read_text("utf-8"))
    assert from_file.required_skills == from_stdin.required_skills
    assert from_stdin.path == "-"


def test_unreadable_postings_raise(tmp_path: Path, resources: Resources) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_posting(str(tmp_path / "missing.txt"), resources)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", "utf-8")
    with pytest.raises(InputError, match="empty"):
        read_posting(str(empty), resources)
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02garbage")
    with pytest.raises(InputError):
        read_posting(str(binary), resources)


@pytest.mark.parametrize(
    ("line", "group"),
    [
        (
            "Hands-on experience with PyTorch or TensorFlow, and with scikit-learn.",
            ("PyTorch", "TensorFlow"),
        ),
        ("Experience with PyTorch/TensorFlow.", ("PyTorch", "TensorFlow")),
        ("Python, Java, or Scala.", ("Python", "Java", "Scala")),
        ("Cloud platforms such as AWS, GCP and Azure.", ("AWS", "Google Cloud", "Azure")),
        ("One of Python, Go, Rust.", ("Python", "Go", "Rust")),
        ("Python, SQL and PyTorch or TensorFlow.", ("PyTorch", "TensorFlow")),
        ("Experience with AWS (S3, SageMaker or EC2).", ("Amazon S3", "SageMaker", "Amazon EC2")),
    ],
)
def test_alternatives_form_one_any_of_group(
    line: str, group: tuple[str, ...], resources: Resources
) -> None:
    posting = parse_posting(f"Requirements\n- {line}\n", resources)
    assert posting.alternatives == (group,)
    assert set(group) <= set(posting.required_skills)


def test_lists_without_or_are_not_alternatives(resources: Resources) -> None:
    posting = parse_posting("Requirements\n- Python, SQL and Docker.\n", resources)
    assert posting.alternatives == ()
    assert set(posting.required_skills) == {"Python", "SQL", "Docker"}


def test_a_member_asked_on_its_own_decides(resources: Resources) -> None:
    # "Strong Python" on its own: Python is required, R was only an alternative to it.
    posting = parse_posting("Requirements\n- Python or R.\n- Strong Python.\n", resources)
    assert (posting.alternatives, posting.required_skills) == ((), ("Python",))
    # A weaker lone ask (nice to have) is absorbed into the required group.
    posting = parse_posting(
        "Requirements\n- PyTorch or TensorFlow.\n\nNice to have\n- TensorFlow.\n", resources
    )
    assert posting.alternatives == (("PyTorch", "TensorFlow"),)
    assert posting.preferred_skills == ()


def test_preferred_alternatives_stay_preferred(resources: Resources) -> None:
    posting = parse_posting("Requirements\n- Python required, Spark or Flink a plus.\n", resources)
    assert posting.required_skills == ("Python",)
    assert posting.alternatives == (("Apache Spark", "Apache Flink"),)
    assert set(posting.preferred_skills) == {"Apache Spark", "Apache Flink"}


EXAMPLE_POSTING = Path(__file__).resolve().parents[2] / "examples" / "posting.txt"


def test_example_posting_keywords_are_searchable_terms(resources: Resources) -> None:
    posting = read_posting(str(EXAMPLE_POSTING), resources)
    keywords = set(posting.keywords)
    assert len(posting.keywords) <= 10
    assert {"clinical", "performance decay", "workflow orchestrator", "tabular"} <= keywords
    # The location line, generic words, a degree's field and the skills stay out.
    noise = {"zones", "product", "notebook", "quantitative", "domain text", "team"}
    assert not noise & keywords
    assert not {"experiment-tracking", "model-registry", "offline evaluation"} & keywords
    # "clinical" stands for "clinical stakeholders": one term is not repeated inside another.
    assert "clinical stakeholders" not in keywords


def test_keywords_come_from_the_job_parts_not_the_company_blurb(resources: Resources) -> None:
    posting = parse_posting(
        "Job Title: Data Scientist\n\nAbout us\nWe run vineyards and wineries across Europe "
        "on Kubernetes.\n\nRequirements\n- Churn prediction for subscription boxes.\n"
        "- Subscription boxes at scale with Python.\n\nBenefits\n- Wine tasting on Fridays.\n",
        resources,
    )
    assert "subscription boxes" in posting.keywords
    assert not {"vineyards", "wineries", "wine tasting"} & set(posting.keywords)
    assert "Kubernetes" in posting.required_skills  # the blurb's skills still count


def test_hyphenated_and_spaced_forms_are_one_keyword(resources: Resources) -> None:
    posting = parse_posting(
        "ML Engineer\n\nRequirements\n- Bid-shading for ad auctions.\n"
        "- Bid shading at scale.\n- Bid shading experiments in Python.\n",
        resources,
    )
    shading = [k for k in posting.keywords if k.replace("-", " ") == "bid shading"]
    assert len(shading) == 1


def test_keywords_inside_a_skill_of_the_posting_are_dropped(resources: Resources) -> None:
    text = "- Evaluation of ranking models for ad auctions.\n- Evaluation of ad auctions."
    assert "evaluation" in salient_keywords(text, resources)
    assert "evaluation" not in salient_keywords(text, resources, skills=("model evaluation",))


def test_background_postings_make_everyday_words_weigh_less() -> None:
    assert idf(term_key("customers"), shipped_rules().posting.keywords) < idf(
        term_key("bioprocess"), shipped_rules().posting.keywords
    )
    assert term_key("Experiment-tracking") == term_key("experiment tracking")
