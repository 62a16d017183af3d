"""A section under a heading that holds several is not called missing (advice review).

"EDUCATION ET PROJET ET EXPERIENCE" heads a French resume's timeline: mlcheck said no heading
was one it knows as 'Experience'. The finding now names the shared heading instead.
"""

from __future__ import annotations

from pathlib import Path

from analyzer.api import analyze_resume

RESUME = """Ana Martin
ana.martin@example.com | +33 6 12 34 56 78

SKILLS
Python, PyTorch, SQL, Docker

EDUCATION AND EXPERIENCE
M.Sc. Computer Science, Université de Lyon, 2016 - 2018
Machine Learning Engineer, Acme, 2018 - 2023
- Built a churn model in PyTorch that cut churn by 12% for 40k customers.
"""


def test_a_shared_heading_is_named_not_called_missing(tmp_path: Path) -> None:
    path = tmp_path / "resume.txt"
    path.write_text(RESUME, "utf-8")
    analysis = analyze_resume(path)
    names = {s.name for s in analysis.document.sections}
    assert "experience" not in names  # the heading was filed under one name only
    found = [f for f in analysis.findings if f.id == "readability.missing_section"]
    messages = [f.message for f in found]
    assert not any(
        "No heading on the resume is one mlcheck knows as 'Experience'" in m for m in messages
    )
    shared = [m for m in messages if m.startswith("Your experience shares the heading")]
    assert shared and "'EDUCATION AND EXPERIENCE'" in shared[0]
