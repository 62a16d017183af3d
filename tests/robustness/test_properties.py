"""Property tests: the text-level parsers never raise on arbitrary text and keep their invariants.

Inputs mix arbitrary Unicode (control characters, RTL, emoji, unassigned code points) with the
fragments the parsers look for (numbers of any size, %, $, dates, e-mails, Markdown), so both
the "nothing matches" and the "almost matches" paths are exercised.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.ats.posting import SKILL_PARTS, parse_posting, split_parts
from analyzer.documents import canonical_heading, extract_contact, find_date_range, parse_date
from analyzer.documents.sections import CANONICAL
from analyzer.github import score_readme
from analyzer.nlp.achievements import parse_metrics
from analyzer.nlp.resources import get_resources
from analyzer.rules import shipped_rules
from analyzer.settings import Settings

HEADINGS = shipped_rules().headings

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

FRAGMENTS = [
    "%",
    "$",
    "€",
    "£",
    "x",
    "k",
    "M",
    "ms",
    "GB",
    "10x",
    "-",
    "–",
    "—",
    "/",
    ".",
    ",",
    ":",
    " to ",
    " from ",
    " by ",
    "Jan",
    "Sept.",
    "Summer",
    "Present",
    "1999",
    "2024",
    "12/2021",
    "9" * 40,
    "1e308",
    "0.000001",
    "-5",
    "½",
    "٣",
    "１２",
    "@",
    "a@b.co",
    "ada@example.com",
    "mailto:",
    "https://",
    "github.com/",
    "linkedin.com/in/",
    "+44 20 7946 0958",
    "(555)",
    "# ",
    "## ",
    "**",
    "__",
    "`",
    "[",
    "](",
    ")",
    "![",
    "- ",
    "* ",
    "1. ",
    "|",
    "\n",
    "\n\n",
    "\t",
    "\r",
    "\x00",
    "\x0b",
    "\u200b",
    "\u202e",
    "\ufeff",
    "🚀",
    "王",
    "مرحبا",
    "Requirements",
    "Nice to have",
    "Benefits",
    "Python",
    "PyTorch",
    "years",
    "PhD",
    "Experience",
    "EDUCATION",
    "Skills & Tools",
    "Install",
    "Usage",
    "Results",
    "accuracy",
]

resume_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=300),
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8), st.integers().map(str)),
        max_size=40,
    ).map("".join),
)


@given(resume_text)
@PROPERTY
def test_parse_metrics(text: str) -> None:
    metrics = parse_metrics(text, shipped_rules().language)
    for metric in metrics:
        assert metric.text
        assert metric.text in text
        assert math.isfinite(metric.value)
        assert metric.kind in {"percent", "money", "multiplier", "count", "time", "size", "rate"}


@given(resume_text)
@PROPERTY
def test_find_date_range(text: str) -> None:
    found = find_date_range(text)
    if found is None:
        return
    assert found.text in text
    start, end = found.span
    assert 0 <= start <= end <= len(text)
    for day in (found.start, found.end):
        assert day is None or 1900 <= day.year <= 2099
    if found.current:
        assert found.end is None


@given(resume_text)
@PROPERTY
def test_parse_date(text: str) -> None:
    value = parse_date(text)
    assert value is None or isinstance(value, dt.date)


@given(resume_text)
@PROPERTY
def test_extract_contact(text: str) -> None:
    contact = extract_contact(text, HEADINGS)
    if contact.email is not None:
        assert "@" in contact.email
        assert contact.email.casefold() in text.casefold()
        assert not any(ch.isspace() for ch in contact.email)
    if contact.phone is not None:
        assert sum(ch.isdigit() for ch in contact.phone) >= 7
    for link in contact.links:
        assert link.kind in {"linkedin", "github", "website", "other"}
        assert not link.url.lower().startswith(("mailto:", "tel:", "javascript:"))


@given(resume_text)
@PROPERTY
def test_canonical_heading(text: str) -> None:
    assert canonical_heading(text, HEADINGS) in (*CANONICAL, None)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [("Work Experience", "experience"), ("EDUCATION", "education"), ("Ada Lovelace", None)],
)
def test_canonical_heading_examples(heading: str, expected: str | None) -> None:
    assert canonical_heading(heading, HEADINGS) == expected


@given(
    resume_text,
    st.none() | st.lists(st.text(max_size=20), max_size=5),
)
@PROPERTY
def test_score_readme(text: str, files: list[str] | None) -> None:
    score = score_readme(text, files, rubric=shipped_rules().portfolio.readme)
    assert 0 <= score.score <= 100
    assert math.isfinite(score.score)
    earned = sum(c.weight for c in score.criteria if c.passed)
    assert earned <= sum(c.weight for c in score.criteria) + 1e-9


def test_score_readme_of_nothing_is_zero() -> None:
    assert score_readme(None, rubric=shipped_rules().portfolio.readme).score == 0
    assert score_readme("", rubric=shipped_rules().portfolio.readme).score == 0


@given(resume_text)
@PROPERTY
def test_split_parts(text: str) -> None:
    lines = split_parts(text, shipped_rules().posting)
    for line in lines:
        assert line.part in {*SKILL_PARTS, "meta", "ignore"}
        assert "\n" not in line.text
        assert line.text.strip()


@pytest.fixture(scope="module")
def resources():  # type: ignore[no-untyped-def]
    return get_resources(Settings())


@given(text=resume_text)
@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_parse_posting(resources, text: str) -> None:  # type: ignore[no-untyped-def]
    posting = parse_posting(text, resources)
    assert not set(posting.required_skills) & set(posting.preferred_skills)
    if posting.years_required is not None:
        assert 0 <= posting.years_required <= 50
    assert posting.title is None or posting.title.strip()
    assert posting.degree_required in (None, "associate", "bachelor", "master", "phd")


def test_a_broken_ipv6_url_is_no_crash() -> None:
    """Hypothesis found it: urllib refuses 'http://[' with ValueError ('Invalid IPv6 URL')."""
    from analyzer.documents.contact import extract_contact, link_kind

    assert extract_contact("HTTP://[", HEADINGS).email is None
    assert link_kind("http://[::1") == "website"


def test_a_huge_number_is_no_date_and_no_crash() -> None:
    """Hypothesis found it: dateutil raises decimal.InvalidOperation on a 29-digit number."""
    from analyzer.documents.dates import parse_date

    assert parse_date("10000000000000000000000000000M") is None
