"""The Finding type, the catalogue of finding ids, docs/findings.md and the order of findings."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from analyzer.findings import (
    BULLET_ISSUES,
    CATALOGUE,
    Area,
    Finding,
    Severity,
    UnknownFindingError,
    catalogue_markdown,
    order_findings,
)
from analyzer.nlp.taxonomy import load_taxonomy
from analyzer.report.view import PART_AREAS

# Three ATS ids in alphabetical order, for the order's id tie-break.
A, B, C = "ats.degree_short", "ats.missing_keywords", "ats.title_mismatch"


def test_order_findings_is_by_severity_then_impact_then_id() -> None:
    def finding(id_: str, severity: Severity, impact: float) -> Finding:
        return Finding(id_, severity, "ats", "m", "f", impact=impact)

    items = [
        finding(B, Severity.LOW, 9.0),
        finding(A, Severity.HIGH, 1.0),
        finding(C, Severity.HIGH, 5.0),
        finding(A, Severity.MEDIUM, 2.0),
        finding(B, Severity.HIGH, 1.0),
    ]
    ordered = order_findings(items)
    assert [(f.severity.value, f.id) for f in ordered] == [
        ("high", C),
        ("high", A),
        ("high", B),
        ("medium", A),
        ("low", B),
    ]
    assert order_findings(reversed(items)) == ordered
    assert order_findings([dataclasses.replace(items[0])]) == (items[0],)


def test_order_findings_keeps_check_order_on_ties() -> None:
    bullets = [
        Finding(
            "content.bullet_no_metric",
            Severity.MEDIUM,
            "bullets",
            "m",
            "f",
            anchor=f"b{i}",
            impact=1.0,
        )
        for i in (3, 10, 11)
    ]
    assert [f.anchor for f in order_findings(bullets)] == ["b3", "b10", "b11"]


def test_order_findings_lets_other_kinds_in_after_two_of_one_kind() -> None:
    bullets = [
        Finding(
            "content.bullet_no_metric",
            Severity.MEDIUM,
            "bullets",
            "m",
            "f",
            anchor=f"b{i}",
            impact=6.0,
        )
        for i in range(4)
    ]
    pillar = Finding("content.missing_pillar", Severity.MEDIUM, "content", "m", "f", impact=1.0)
    skill = Finding("ats.missing_required_skill", Severity.HIGH, "ats", "m", "f", impact=1.0)
    ordered = order_findings([*bullets, pillar, skill])
    assert [f.anchor or f.id for f in ordered] == [
        "ats.missing_required_skill",
        "b0",
        "b1",
        "content.missing_pillar",
        "b2",
        "b3",
    ]


def test_a_missing_pillar_that_repeats_a_missing_required_skill_is_dropped() -> None:
    pillar = Finding(
        "content.missing_pillar", Severity.MEDIUM, "content", "m", "f", "math_statistics"
    )
    other = Finding("content.missing_pillar", Severity.MEDIUM, "content", "m", "f", "cloud")
    skill = Finding("ats.missing_required_skill", Severity.HIGH, "ats", "m", "f", "statistics")
    taxonomy = load_taxonomy()
    assert order_findings([pillar, other, skill], taxonomy) == (skill, other)
    grouped = Finding(
        "ats.missing_required_skills", Severity.MEDIUM, "ats", "m", "f", "Kafka, AWS or GCP"
    )
    assert order_findings([pillar, other, grouped], taxonomy) == (grouped, pillar)
    # Without the run's taxonomy nothing is dropped (a portfolio's findings have no pillars).
    assert len(order_findings([pillar, other, skill])) == 3


# --------------------------------------------------------------------------- the catalogue

PACKAGE = Path(__file__).resolve().parents[1] / "analyzer"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "findings.md"
PREFIXES = "|".join(sorted({i.split(".")[0] for i in CATALOGUE}))
ID_SHAPE = re.compile(rf"(?:{PREFIXES})\.(?!(?:md|json|txt|py)$)[a-z_]+")
"""A string that looks like a finding id: a catalogued prefix (ats., readme., ...) and a name,
not a file name (readme.md, portfolio.json)."""


@dataclasses.dataclass(frozen=True)
class Emitted:
    """A finding id (or id pattern) written in the package's source."""

    pattern: str
    """The id, or a regular expression for an f-string id ("content\\.bullet_.+")."""
    where: str
    """file:line, for the failure message."""


def _pattern(node: ast.expr) -> str | None:
    """Return the id, or a pattern for an f-string id, written at node; None when computed."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.escape(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(
            re.escape(part.value) if isinstance(part, ast.Constant) else ".+"
            for part in node.values
        )
    return None


def emitted_ids() -> list[Emitted]:
    """Scan analyzer/ for finding ids: Finding(...) ids, readability checks, id-like strings."""
    found: list[Emitted] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        name = path.relative_to(PACKAGE.parent).as_posix()
        # The text parts of an f-string are scanned as the f-string's pattern, not alone.
        parts = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            where = f"{name}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                args = {k.arg: k.value for k in node.keywords}
                first = node.args[0] if node.args else args.get("id")
                if node.func.id == "Finding" and first is not None:
                    pattern = _pattern(first)
                    # An id with no literal area ("{AREA.value}.{check}") is a helper's; its
                    # callers are scanned instead (readability's _finding below).
                    if pattern is not None and not pattern.startswith(".+"):
                        found.append(Emitted(pattern, where))
                if name == "analyzer/ats/readability.py" and node.func.id == "_finding":
                    # readability's helper takes (rules, the check's name, ...) and prefixes
                    # the area: the check is its first string argument.
                    check = next(
                        (a for a in node.args if isinstance(a, (ast.Constant, ast.JoinedStr))),
                        None,
                    )
                    assert check is not None and (pattern := _pattern(check)) is not None, where
                    found.append(Emitted(r"readability\." + pattern, where))
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in parts
                and ID_SHAPE.fullmatch(node.value)
            ):
                found.append(Emitted(re.escape(node.value), where))
    return found


def test_the_source_scan_sees_every_kind_of_emitter() -> None:
    # A scan that finds nothing would pass the test below; these are one of each kind.
    patterns = {e.pattern for e in emitted_ids()}
    assert re.escape("ats.title_mismatch") in patterns  # Finding(id="...")
    assert r"content\.bullet_.+" in patterns  # an f-string id
    assert r"readability\.hidden_text" in patterns  # readability's _finding("check")
    assert re.escape("portfolio.no_bio") in patterns  # an id kept in a table
    assert re.escape("readme.install") in patterns  # a README check's id


def test_every_id_the_code_emits_is_in_the_catalogue() -> None:
    missing = [
        f"{e.where}: {e.pattern}"
        for e in emitted_ids()
        if not any(re.fullmatch(e.pattern, i) for i in CATALOGUE)
    ]
    assert not missing, "finding ids missing from analyzer/findings.py CATALOGUE: " + ", ".join(
        missing
    )


def test_every_catalogued_id_is_emitted_somewhere() -> None:
    patterns = {e.pattern for e in emitted_ids() if not e.where.startswith("analyzer/findings.py")}
    stale = [i for i in CATALOGUE if not any(re.fullmatch(p, i) for p in patterns)]
    assert not stale, f"catalogued ids no code emits: {stale}"


def test_a_finding_with_an_uncatalogued_id_cannot_be_built() -> None:
    with pytest.raises(UnknownFindingError, match="'ats.made_up' is not in the catalogue"):
        Finding("ats.made_up", Severity.LOW, Area.ATS, "m", "f")


def test_a_finding_must_have_its_catalogued_area() -> None:
    with pytest.raises(UnknownFindingError, match="catalogue says 'ats'"):
        Finding("ats.title_mismatch", Severity.LOW, Area.CONTENT, "m", "f")


def test_a_finding_keeps_enums_and_gives_the_json_strings() -> None:
    finding = Finding("content.no_github", "medium", "content", "m", "f")  # type: ignore[arg-type]
    assert (finding.severity, finding.area) == (Severity.MEDIUM, Area.CONTENT)
    assert finding.to_dict() == {
        "id": "content.no_github",
        "severity": "medium",
        "area": "content",
        "message": "m",
        "fix": "f",
        "evidence": None,
        "anchor": None,
        "page": None,
        "impact": 0.0,
    }


def test_docs_findings_md_is_the_catalogue() -> None:
    assert DOCS.read_text("utf-8") == catalogue_markdown(), (
        "docs/findings.md is out of date: run python -m analyzer.findings > docs/findings.md"
    )


def test_the_docs_list_every_id_once() -> None:
    listed = re.findall(r"^\| `([^`]+)` \|", catalogue_markdown(), flags=re.MULTILINE)
    assert sorted(listed) == sorted(CATALOGUE)


def test_bullet_finding_ids_cover_every_bullet_issue() -> None:
    source = (PACKAGE / "nlp" / "bullets.py").read_text("utf-8")
    issues = set(re.findall(r'BulletIssue\(\s*id="([a-z_]+)"', source))
    assert issues == {issue for issue, _severity, _what in BULLET_ISSUES}


def test_a_finding_is_read_back_from_its_json() -> None:
    finding = Finding(
        "readability.tables", Severity.MEDIUM, Area.READABILITY, "m", "f", "e", "section-1", 2.5
    )
    assert Finding(**finding.to_dict()) == finding


def test_every_area_has_its_part_in_the_report() -> None:
    placed = {area for areas in PART_AREAS.values() for area in areas}
    assert placed == {area.value for area in Area}
