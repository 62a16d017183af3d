"""The HTML report: structure, accessibility, self-containment and safety with hostile input."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.models import ResumeAnalysis
from analyzer.report import ReportFormat, render
from analyzer.report.escaping import strip_controls
from tests.report import sample
from tests.report.htmltree import Node, parse

PARTS_FULL = [
    "verdict",
    "fix-first",
    "pages",
    "ats",
    "posting",
    "skills",
    "bullets",
    "readability",
    "roadmap",
    "portfolio",
    "other",
    "resume",
]
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "link", "img", "base", "form", "frame"}

ALL_CASES = {
    "full": sample.sample_analysis,
    "hostile": lambda: sample.sample_analysis(hostile=True),
    "no_job": sample.no_job_analysis,
    "no_achievements": sample.no_achievements_analysis,
    "empty": sample.empty_analysis,
}


def html_of(analysis: ResumeAnalysis) -> tuple[str, Node]:
    html = render(analysis, ReportFormat.HTML)
    root, builder = parse(html)
    assert builder.errors == []
    assert builder.doctype is not None and builder.doctype.lower() == "doctype html"
    return html, root


def part_ids(root: Node) -> list[str]:
    return [s.attrs["id"] or "" for s in root.find_all("section")]


@pytest.fixture(params=sorted(ALL_CASES))
def any_analysis(request: pytest.FixtureRequest) -> ResumeAnalysis:
    return ALL_CASES[request.param]()


def test_parts_appear_in_reading_order(sample_analysis: ResumeAnalysis) -> None:
    _, root = html_of(sample_analysis)
    assert part_ids(root) == PARTS_FULL


def test_without_posting_or_portfolio_the_parts_still_read_in_order(
    no_job_analysis: ResumeAnalysis,
) -> None:
    html, root = html_of(no_job_analysis)
    assert part_ids(root) == [p for p in PARTS_FULL if p not in ("portfolio", "posting")]
    ats = root.by_id("ats")
    assert ats is not None
    assert "No job posting was given" in ats.text
    assert ats.find_all("table") == []
    assert "80%" not in root.by_id("verdict").text  # type: ignore[union-attr]


def test_one_h1_and_headings_never_skip_a_level(any_analysis: ResumeAnalysis) -> None:
    _, root = html_of(any_analysis)
    levels = [int(n.tag[1]) for n in root.iter() if re.fullmatch(r"h[1-6]", n.tag)]
    assert levels[0] == 1
    assert levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels
    assert max(levels) <= 3


def test_each_part_has_an_h2(sample_analysis: ResumeAnalysis) -> None:
    _, root = html_of(sample_analysis)
    for section in root.find_all("section"):
        first = next(n for n in section.iter() if re.fullmatch(r"h[1-6]", n.tag))
        assert first.tag == "h2"
        assert section.attrs["aria-labelledby"] == first.attrs["id"]


def test_tables_have_scoped_headers_and_captions(any_analysis: ResumeAnalysis) -> None:
    _, root = html_of(any_analysis)
    for table in root.find_all("table"):
        headers = table.find_all("th")
        assert headers, "a table without header cells"
        assert all(th.attrs.get("scope") in ("col", "row") for th in headers)
        assert table.find_all("caption"), "a table without a caption"


def test_page_is_self_contained_with_no_scripts_or_external_links(
    any_analysis: ResumeAnalysis,
) -> None:
    html, root = html_of(any_analysis)
    for node in root.iter():
        assert node.tag not in FORBIDDEN_TAGS
        for name, value in node.attrs.items():
            assert not name.startswith("on"), (node.tag, name)
            assert name not in ("src", "srcset", "action", "formaction", "background")
            if name in ("href", "xlink:href") and node.tag == "image":
                # The page images of the page view: PNG data only (the CSP allows data: images).
                assert value is not None and re.fullmatch(
                    r"data:image/png;base64,[A-Za-z0-9+/=]+", value
                )
            elif name in ("href", "xlink:href"):
                assert value is not None and re.fullmatch(r"#[A-Za-z][A-Za-z0-9._-]*", value)
            # Text in a content or title attribute is never followed as a link.
            assert "javascript:" not in (value or "").lower() or name in ("content", "title")
    style = root.find_all("style")
    assert len(style) == 1
    assert "@media print" in style[0].text
    assert "url(" not in style[0].text and "@import" not in style[0].text
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html or "https://" in root.by_id("resume").text  # type: ignore[union-attr]


def test_content_security_policy_forbids_everything_but_inline_style(
    sample_analysis: ResumeAnalysis,
) -> None:
    _, root = html_of(sample_analysis)
    csp = [
        m.attrs["content"]
        for m in root.find_all("meta")
        if m.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp and "default-src 'none'" in (csp[0] or "")
    viewport = [m for m in root.find_all("meta") if m.attrs.get("name") == "viewport"]
    assert viewport


def test_every_in_page_link_has_a_target_and_ids_are_unique(any_analysis: ResumeAnalysis) -> None:
    _, root = html_of(any_analysis)
    ids = [n.attrs["id"] for n in root.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    for link in root.find_all("a"):
        href = link.attrs["href"] or ""
        assert root.by_id(href[1:]) is not None, href


def test_findings_link_to_the_bullet_section_or_repo_they_came_from(
    sample_analysis: ResumeAnalysis,
) -> None:
    _, root = html_of(sample_analysis)
    hrefs = {a.attrs["href"] for a in root.find_all("a")}
    for finding in sample_analysis.findings:
        if finding.anchor:
            assert f"#{finding.anchor}" in hrefs, finding.anchor
    bullet = root.by_id("b1")
    assert bullet is not None and bullet.tag == "li"
    assert bullet.text == sample_analysis.document.bullets[1].text
    section = root.by_id("section-2")
    assert section is not None and "Work Experience" in section.text
    assert "Acme Payments" in section.text
    repo = root.by_id("repo-ticket-router")
    assert repo is not None and "ticket-router" in repo.text


def test_appendix_shows_every_bullet_once_in_document_order(
    sample_analysis: ResumeAnalysis,
) -> None:
    _, root = html_of(sample_analysis)
    appendix = root.by_id("resume")
    assert appendix is not None
    shown = [li.attrs["id"] for li in appendix.find_all("li") if li.attrs.get("id")]
    assert shown == [b.id for b in sample_analysis.document.bullets]
    experience = root.by_id("section-2")
    assert experience is not None
    texts = [p.text for p in experience.find_all("p")]
    assert texts == [
        "Acme Payments, Senior ML Engineer, 2022 - Present",
        "Shoply, ML Engineer, 2020 - 2022",
    ]


def test_fix_first_lists_the_five_highest_impact_findings_with_fix_and_evidence(
    sample_analysis: ResumeAnalysis,
) -> None:
    _, root = html_of(sample_analysis)
    part = root.by_id("fix-first")
    assert part is not None
    items = [li for li in part.find_all("li")]
    assert len(items) == 5
    for item, finding in zip(items, sample_analysis.findings[:5], strict=True):
        assert finding.message in item.text
        assert f"Fix: {finding.fix}" in item.text
        if finding.evidence:
            assert finding.evidence in item.text
        assert finding.severity.value.capitalize() in item.text  # a text label, not colour


def test_verdict_states_scores_against_the_80_percent_target(
    sample_analysis: ResumeAnalysis,
) -> None:
    _, root = html_of(sample_analysis)
    verdict = root.by_id("verdict")
    assert verdict is not None
    assert "64% match, 16 points below the 80% target" in verdict.text
    assert "71 / 100" in verdict.text and "58 / 100" in verdict.text


def test_ats_table_lists_missing_required_first(sample_analysis: ResumeAnalysis) -> None:
    _, root = html_of(sample_analysis)
    table = root.by_id("ats").find_all("table")[0]  # type: ignore[union-attr]
    rows = [[c.text for c in tr.children] for tr in table.find_all("tr")[1:]]
    assert rows[0] == ["Kubernetes", "required", "2", "0", "Missing", "-"]
    assert rows[1][0] == "AWS"
    assert ["Python", "required", "3", "0", "Listed only", "skills"] in rows
    assert rows[-1][2] == "2" and rows[-1][1] == "keyword"


def test_charts_are_inline_svg_with_title_desc_and_text_values(
    sample_analysis: ResumeAnalysis,
) -> None:
    _, root = html_of(sample_analysis)
    svgs = root.find_all("svg")
    assert len(svgs) == 3 + len(sample_analysis.profile.roadmap.pillars)
    for svg in svgs:
        assert svg.attrs["role"] == "img"
        labelled = (svg.attrs["aria-labelledby"] or "").split()
        assert [svg.children[0].tag, svg.children[1].tag] == ["title", "desc"]
        assert labelled == [svg.children[0].attrs["id"], svg.children[1].attrs["id"]]
    skills = root.by_id("skills")
    assert skills is not None
    pillars = skills.find_all("ul")[0]
    values = {li.children[0].text: li.children[2].text for li in pillars.children}
    assert values["MLOps & deployment"] == "1 of 4 expected"  # the value as text by the bar
    assert values["Programming"] == "3 of 3 expected"
    assert "Expected but missing: Kubernetes, CI/CD, model monitoring" in skills.text


def test_no_achievements_says_so_and_lists_every_bullet_needing_a_number(
    no_achievements_analysis: ResumeAnalysis,
) -> None:
    _, root = html_of(no_achievements_analysis)
    part = root.by_id("bullets")
    assert part is not None
    assert "No measured results found" in part.text
    assert "0 of 7 experience and project bullets carry a number" in part.text
    assert part.text.count("Suggested shape:") == 7


def test_empty_resume_renders_every_part_without_inventing_content(
    empty_analysis: ResumeAnalysis,
) -> None:
    _, root = html_of(empty_analysis)
    assert part_ids(root) == [
        "verdict",
        "fix-first",
        "pages",
        "ats",
        "skills",
        "bullets",
        "readability",
        "roadmap",
        "resume",
    ]
    assert "Nothing to fix" in root.by_id("fix-first").text  # type: ignore[union-attr]
    assert "No sections were found" in root.by_id("resume").text  # type: ignore[union-attr]
    assert root.find_all("h1")[0].text == "mlcheck report for empty.txt"


def test_hostile_text_is_shown_as_text_and_never_becomes_markup(
    hostile_analysis: ResumeAnalysis,
) -> None:
    html, root = html_of(hostile_analysis)
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "\x1b" not in html
    assert "onerror=" not in re.sub(r"&[a-z#0-9]+;", "", html).replace("onerror=alert", "")
    # The text survives, visibly, as text.
    bullet = root.by_id("b1")
    assert bullet is not None and "<script>alert(1)</script>" in bullet.text
    assert '"><img src=x onerror=alert(1)>' in bullet.text
    assert "<script>alert(1)</script>" in root.by_id("ats").text  # type: ignore[union-attr]
    assert "<script>alert(1)</script>" in root.by_id("portfolio").text  # type: ignore[union-attr]
    # A hostile anchor never becomes a link; a hostile repo name gets a generated id.
    hrefs = [a.attrs["href"] for a in root.find_all("a")]
    assert all(re.fullmatch(r"#[A-Za-z0-9._-]+", h or "") for h in hrefs)
    assert '#b1" onmouseover' not in html
    assert root.by_id("repo-x-script-alert-1-script") is not None


def test_render_accepts_the_format_as_text(sample_analysis: ResumeAnalysis) -> None:
    assert render(sample_analysis, "html") == render(sample_analysis, ReportFormat.HTML)
    with pytest.raises(ValueError):
        render(sample_analysis, "pdf")


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_any_bullet_text_comes_back_as_the_same_text_and_no_markup(text: str) -> None:
    analysis = sample.sample_analysis()
    document = analysis.document
    bullets = (dataclasses.replace(document.bullets[0], text=text), *document.bullets[1:])
    analysis = dataclasses.replace(
        analysis, document=dataclasses.replace(document, bullets=bullets)
    )
    html = render(analysis, ReportFormat.HTML)
    root, builder = parse(html)
    assert builder.errors == []
    tags = {n.tag for n in root.iter()}
    assert not tags & FORBIDDEN_TAGS
    shown = root.by_id("b0")
    assert shown is not None
    expected = " ".join(strip_controls(text).split())
    assert shown.text == expected


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize(
    ("ink", "paper"),
    [
        ("--ink", "#ffffff"),
        ("--muted", "#ffffff"),
        ("--muted", "--soft"),
        ("--accent", "#ffffff"),
        ("--high-ink", "--high-bg"),
        ("--medium-ink", "--medium-bg"),
        ("--low-ink", "--low-bg"),
        ("--ok-ink", "#ffffff"),
        ("--bad-ink", "#ffffff"),
    ],
)
def test_text_colours_meet_wcag_aa(ink: str, paper: str) -> None:
    from analyzer.report.forms import report_css

    css = str(report_css())
    colours = dict(re.findall(r"(--[a-z-]+):\s*(#[0-9a-fA-F]{6})", css))
    assert _contrast(colours.get(ink, ink), colours.get(paper, paper)) >= 4.5


def test_portfolio_part_shows_repos_kinds_clones_and_cross_check(
    sample_analysis: ResumeAnalysis,
) -> None:
    _, root = html_of(sample_analysis)
    part = root.by_id("portfolio")
    assert part is not None
    headings = [h.text for h in part.find_all("h3")]
    assert headings == [
        "Repositories",
        "Growth story",
        "Tutorial clones",
        "Resume and portfolio cross-check",
        "Checks per repository",
        "Portfolio findings",
    ]
    rows = [[c.text for c in tr.children] for tr in part.find_all("table")[0].find_all("tr")[1:]]
    assert rows[0][:3] == ["fraud-detector", "80", "100"]
    assert "Tutorial clone (titanic)" in rows[2][4]
    assert "Missing: Intermediate: a recommender from user-item interactions" in part.text
    assert "Claimed on the resume, not shown in any repo Spark, XGBoost" in part.text
    assert "Spark is on the resume but in none of your repos." in part.text
    titanic = root.by_id("repo-titanic")
    assert titanic is not None and "10 failed checks" in titanic.text


def test_ats_table_explains_groups_evidence_and_generic_concepts(
    sample_analysis: ResumeAnalysis,
) -> None:
    _, root = html_of(sample_analysis)
    table = root.by_id("ats").find_all("table")[0]  # type: ignore[union-attr]
    cells = {tr.children[0].text: tr for tr in table.find_all("tr")[1:]}
    # Said in words, not only by colour.
    assert "PyTorch or JAX any one counts; matched via PyTorch" in cells
    assert (
        "model deployment shown by deployed 12 models; an ATS searching the literal word may "
        "not find it: add it once" in cells
    )
    assert "code review generic concept, counts half" in cells
    notes = [span.text for span in table.find_all("span")]
    assert "any one counts; matched via PyTorch" in notes


def test_hostile_evidence_in_the_ats_table_stays_text(hostile_analysis: ResumeAnalysis) -> None:
    html, root = html_of(hostile_analysis)
    table = root.by_id("ats").find_all("table")[0]  # type: ignore[union-attr]
    notes = [span.text for span in table.find_all("span")]
    assert any(n.startswith("shown by <script>alert(1)</script>") for n in notes)
    assert "<script" not in html.lower()
