"""README scoring: criteria on small cases, the labelled ranking, the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from scipy.stats import spearmanr

from analyzer.github.readme import parse_readme, score_readme, slugify_heading, strip_front_matter
from analyzer.rules import shipped_rules
from tests.shared import CORPUS as SHARED_CORPUS

RUBRIC = shipped_rules().portfolio

FIXTURES = Path(__file__).parent / "fixtures" / "readmes"
CORPUS = SHARED_CORPUS / "readmes"


def _labels() -> list[tuple[str, int]]:
    rows = []
    for line in (FIXTURES / "labels.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            name, rank, _why = line.split("\t")
            rows.append((name, int(rank)))
    return rows


def _failed(text: str, files: list[str] | None = None) -> set[str]:
    return {c.id for c in score_readme(text, files, rubric=RUBRIC.readme).criteria if not c.passed}


def test_weights_sum_to_100_and_every_criterion_has_a_fix() -> None:
    rubric = RUBRIC.readme
    assert sum(rubric.weights.values()) == 100
    score = score_readme("# x\n", rubric=RUBRIC.readme)
    assert {c.id for c in score.criteria} == set(rubric.weights)
    assert all(c.fix for c in score.criteria)


def test_labelled_readmes_rank_in_order() -> None:
    rows = _labels()
    assert len(rows) >= 15
    scores = [
        score_readme((FIXTURES / name).read_text(), rubric=RUBRIC.readme).score for name, _ in rows
    ]
    rho = spearmanr([rank for _, rank in rows], scores).statistic
    assert rho >= 0.8, list(zip(rows, scores, strict=True))


def test_missing_readme_fails_every_criterion() -> None:
    score = score_readme(None, rubric=RUBRIC.readme)
    assert score.score == 0
    assert not any(c.passed for c in score.criteria)


def test_badges_and_licence_boilerplate_are_not_content() -> None:
    badges = (FIXTURES / "03_badges_only.md").read_text()
    licence = (FIXTURES / "04_license_boilerplate.md").read_text()
    assert {"readme.description", "readme.length", "readme.visuals"} <= _failed(badges)
    assert {"readme.description", "readme.motivation", "readme.length"} <= _failed(licence)
    assert "readme.license" not in _failed(licence)


def test_front_matter_is_stripped_before_parsing() -> None:
    text = "---\ntitle: Demo\nsdk: gradio\n---\n# Demo\n\nA demo app.\n"
    assert strip_front_matter(text).startswith("# Demo")
    doc = parse_readme(text, rubric=RUBRIC.readme)
    assert doc.headings == [(1, "Demo")]


def test_metrics_need_a_named_metric_with_a_number() -> None:
    assert "readme.metrics" in _failed("# M\n\nThe model has good accuracy.\n")
    assert "readme.metrics" not in _failed("# M\n\nThe model reaches an accuracy of 94%.\n")
    table = "# M\n\n| model | MAE | R² |\n|---|---|---|\n| lgbm | 1.2 | 0.93 |\n"
    assert "readme.metrics" not in _failed(table)
    assert "readme.results" not in _failed(table)


def test_metric_in_code_block_does_not_count() -> None:
    assert "readme.metrics" in _failed("# M\n\n```\naccuracy = 0.93\n```\n")


def test_relative_links_are_checked_against_the_tree() -> None:
    text = "# P\n\n![plot](docs/plot.png)\n\nSee [the notebook](notebooks/eda.ipynb).\n"
    files = ["README.md", "docs/", "docs/plot.png", "notebooks/"]
    failed = _failed(text, files)
    assert "readme.links_resolve" in failed
    assert "readme.visuals" not in failed
    fix = next(
        c.fix
        for c in score_readme(text, files, rubric=RUBRIC.readme).criteria
        if c.id == "readme.links_resolve"
    )
    assert "notebooks/eda.ipynb" in fix
    assert "readme.links_resolve" not in _failed(text, [*files, "notebooks/eda.ipynb"])
    # unknown tree: links are not judged
    assert "readme.links_resolve" not in _failed(text, None)


def test_broken_image_is_not_a_visual() -> None:
    failed = _failed("# P\n\n![plot](img/missing.png)\n", ["README.md", "src/"])
    assert {"readme.visuals", "readme.links_resolve"} <= failed


def test_html_images_and_headings_are_read() -> None:
    text = '<h1 align="center">Tool</h1>\n<p align="center"><img src="logo.png"></p>\n'
    doc = parse_readme(text, rubric=RUBRIC.readme)
    assert doc.headings == [(1, "Tool")]
    assert doc.images == ["logo.png"]


def test_in_page_anchors_must_match_headings() -> None:
    ok = "# P\n\n- [Usage](#usage)\n\n## Usage\n\nRun it.\n"
    bad = "# P\n\n- [Usage](#how-to-use)\n\n## Usage\n\nRun it.\n"
    assert "readme.links_resolve" not in _failed(ok)
    assert "readme.links_resolve" in _failed(bad)
    assert slugify_heading("1. Data & Sources!") == "1-data--sources"


def test_section_synonyms_with_emoji_and_numbering() -> None:
    text = "# P\n\n## 📊 2. Model Performance\n\nok\n\n## ⚙️ Getting Started\n\nok\n"
    failed = _failed(text)
    assert "readme.results" not in failed
    assert "readme.install" not in failed


def test_long_readme_needs_a_table_of_contents() -> None:
    body = "".join(f"## Part {i}\n\n{'word ' * 120}\n\n" for i in range(14))
    assert "readme.toc" in _failed("# Long\n\n" + body)
    toc = "".join(f"- [Part {i}](#part-{i})\n" for i in range(14))
    assert "readme.toc" not in _failed("# Long\n\n" + toc + "\n" + body)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_corpus_readmes_score_sensibly() -> None:
    def score(name: str) -> float:
        return score_readme((CORPUS / name).read_text(), rubric=RUBRIC.readme).score

    bare = [score("SPD3__TitanicML.md"), score("esaimorales__Iris-Classification.md")]
    medium = [score("jobayer-mojumder__titanic-kaggle.md")]
    good = [score("karpathy__micrograd.md"), score("PlayingNumbers__ds_salary_proj.md")]
    excellent = [score("openai__whisper.md")]
    assert max(bare) < 30 <= min(medium)
    assert max(bare) < min(medium) <= min(good) <= max(excellent)
    assert sum(medium) / len(medium) < sum(excellent) / len(excellent)


def test_docs_table_mirrors_the_weights() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "readme-score.md").read_text()
    rubric = RUBRIC
    for cid, weight in [*rubric.readme.weights.items(), *rubric.hygiene.weights.items()]:
        assert f"| `{cid}` | {weight:g} |" in doc
