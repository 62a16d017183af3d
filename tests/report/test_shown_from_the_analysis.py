"""The renderers show what the analysis carries: stage names, project kinds, metric shapes."""

from __future__ import annotations

import dataclasses

from analyzer.models import ResumeAnalysis
from analyzer.report import ReportFormat, render
from tests.report import sample


def _markdown(analysis: ResumeAnalysis) -> str:
    return render(analysis, ReportFormat.MD)


def test_stage_ladder_is_the_roadmaps_own() -> None:
    analysis = sample.sample_analysis()
    roadmap = dataclasses.replace(
        analysis.profile.roadmap, stage="Job seeker", stages=("Novice", "Job seeker", "Expert")
    )
    profile = dataclasses.replace(analysis.profile, roadmap=roadmap)
    text = _markdown(dataclasses.replace(analysis, profile=profile))
    assert "Stage: **Job seeker** (Novice → Job seeker → Expert)" in text


def test_growth_story_lists_the_reviews_kinds() -> None:
    analysis = sample.sample_analysis()
    assert analysis.portfolio is not None
    review = dataclasses.replace(
        analysis.portfolio, kind_labels=(("tabular", "A table project"), ("quantum", "A qubit one"))
    )
    html = render(dataclasses.replace(analysis, portfolio=review), ReportFormat.HTML)
    assert "Present:</span> A table project" in html
    assert "Missing:</span> A qubit one" in html
    assert "Foundational: tabular data" not in html  # nothing comes from the shipped data


def test_a_bullet_without_a_number_gets_the_reviews_shape() -> None:
    analysis = sample.sample_analysis()
    reviews = tuple(
        r if r.quantified else dataclasses.replace(r, shape=f"{r.text} (shape from the review)")
        for r in analysis.profile.bullet_reviews
    )
    profile = dataclasses.replace(analysis.profile, bullet_reviews=reviews)
    text = _markdown(dataclasses.replace(analysis, profile=profile))
    assert "(shape from the review)" in text
