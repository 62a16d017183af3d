"""Degree levels and internships as entry headers name them ("M.Sc.", "Dipl.-Ing.", "Intern").

The document stage marks each education entry with its degree level and each job with whether
it is an internship; the NLP stage ranks degrees and counts years from those marks.
"""

from __future__ import annotations

import re

from analyzer.models import Entry

DEGREE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "phd",
        re.compile(
            r"\bPh\.?\s?D\b\.?|\bD\.?Phil\b|(?i:\bdoctor(?:ate| of philosophy)\b)|\bPHD\b|\bphd\b"
            r"|\bDr\.\s?(?:rer|phil|ing)\b|(?i:\bdoktor(?:at)?\b|\bpromotion\b|\bdoctorado\b"
            r"|\bdoctorat\b|\bdoutorado\b)"
        ),
    ),
    ("jd", re.compile(r"\bJ\.\s?D\.|\bJD\b(?!\s*(?:Edwards|Power))|(?i:\bjuris doctor\b)")),
    ("mba", re.compile(r"\bM\.?B\.?A\b\.?|(?i:\bmaster of business administration\b)")),
    (
        "master",
        re.compile(
            r"(?i:\bmaster'?s?\b(?!\s+(?:project|thesis|class|course)\b)|\bm\.?\s?sc\b"
            r"|\bm\.?\s?eng\b|\bm\.?\s?tech\b|\bm\.?phil\b|\bmaîtrise\b|\bmaestr[ií]a\b"
            r"|\bmestrado\b|\bmagister\b|\bdipl(?:om)?\.?\s?-?\s?ing(?:enieur)?\b"
            r"|\bdiplom-(?:informatiker|mathematiker|physiker|kaufmann)\b)"
            r"|\bM\.S\.?|\bM\.A\.|\bMS(?=[\s,]+(?:in|of)\b|,?\s+(?:Computer|Data|Statistics|Electrical))"
            r"|\bMS\b(?!\s*(?:Excel|Office|SQL|Word|Teams|Azure|Access|Project|Power))"
            r"(?=.{0,40}(?:(?i:science|engineering|statistics|mathematics|analytics|university)))"
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"(?i:\bbachelor'?s?\b|\bb\.?\s?sc\b|\bb\.?\s?eng\b|\bb\.?\s?tech\b"
            r"|\bundergraduate degree\b|\blicenciatura\b|\blicence\b|\bbacharelado\b"
            r"|\blicenciado\b)"
            r"|\bB\.S\.?|\bB\.A\.|\bB\.E\.|\bBS\b|\bBA\b(?=[\s,]+(?:in|of)\b)|\bBE\b(?=[\s,]+in\b)"
        ),
    ),
    (
        "associate",
        re.compile(
            r"(?i:\bassociate'?s? (?:degree|of (?:arts|science|applied))\b)|\bA\.A\.S?\.?"
            r"|\bA\.S\.(?=\s+in\b)"
        ),
    ),
)
DEGREE_LEVELS = tuple(name for name, _ in DEGREE_PATTERNS)
"""Degree levels an education line can name, as degree_level() returns them."""


def degree_level(text: str) -> str | None:
    """Return the level of the degree a line names: phd, jd, mba, master, bachelor, associate.

    The first level in that order wins, so "PhD (M.Sc. en route)" is a PhD. None when the line
    names no degree ("Abitur", "Semester abroad", a placeholder "Degree").
    """
    for name, pattern in DEGREE_PATTERNS:
        if pattern.search(text):
            return name
    return None


_INTERNSHIP = re.compile(
    r"(?i:\bintern(?:ship)?s?\b|\btrainee(?:ship)?\b|\bpraktik(?:um|ant(?:in)?)\b"
    r"|\bwerkstudent(?:in)?\b|\bworking student\b|\bco-?op\b|\bstagiaire\b|\bstage\b"
    r"|\bbecari[oa]\b|\bpr[aá]cticas\b|\best[aá]gi[oá]ri[oa]\b|\bsummer analyst\b)"
)


def is_internship(entry: Entry) -> bool:
    """Tell an internship, trainee post or working-student job from its role or organisation."""
    return names_internship(f"{entry.role or ''} {entry.organisation or ''}")


def names_internship(text: str) -> bool:
    """Tell whether a header text names an internship, trainee post or working-student job."""
    return bool(_INTERNSHIP.search(text))
