"""Every rule mlcheck judges by, loaded once from the data files under skills_taxonomy/.

``shipped_rules()`` returns the process-wide :class:`Rules`: cheap to build (JSON only, no
spaCy), so the document stage uses it before any NLP resource exists, and the heavy
``analyzer.nlp.resources.Resources`` carries the same object to the NLP, ATS and scoring
stages. Stages take the part they need (``rules.scoring.readability``...) as a parameter and
never open a data file themselves. The taxonomy and role files, which users extend with
``--taxonomy``, are read through :mod:`analyzer.rules.files` by ``analyzer.nlp.taxonomy``.

Each file has a JSON Schema in analyzer/schemas/; a file that breaks it raises
:class:`~analyzer.errors.ConfigError` with one line naming the file and the field. The shipped
files skip the schema at run time (importing jsonschema costs ~0.1 s per process); the test
suite validates them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.rules.files import check_schema, read_rules_file
from analyzer.rules.headings import HeadingRules, parse_headings
from analyzer.rules.language import LanguageLists, parse_language
from analyzer.rules.portfolio import Rubric, parse_rubric
from analyzer.rules.posting import PostingRules, parse_posting_rules
from analyzer.rules.scoring import ScoringRules, parse_scoring
from analyzer.rules.stages import StageRules, parse_stages

__all__ = ["RULE_FILES", "Rules", "load_rules", "shipped_rules"]

RULE_FILES = (
    "headings.json",
    "posting.json",
    "scoring.json",
    "language.json",
    "stages.json",
    "portfolio.json",
)
"""The rules files under skills_taxonomy/, each with analyzer/schemas/<name>.schema.json."""


@dataclass(frozen=True, eq=False)
class Rules:
    """Every rules file, typed (compared by identity: stages cache derived tables on it)."""

    headings: HeadingRules
    """Resume section headings and entry words (headings.json)."""
    posting: PostingRules
    """How a job posting is read (posting.json)."""
    scoring: ScoringRules
    """Weights and thresholds of the scores and checks (scoring.json)."""
    language: LanguageLists
    """Action verbs, weak openers, clichés, metric nouns (language.json)."""
    stages: StageRules
    """Career-stage signals and stages (stages.json)."""
    portfolio: Rubric
    """README and hygiene checks, project kinds, portfolio weights (portfolio.json)."""


def _read(name: str, directory: Path | None) -> tuple[dict[str, Any], str]:
    """Return (data, display name) of one rules file, schema-checked when read from a folder."""
    data, display = read_rules_file(name, directory)
    if directory is not None:
        check_schema(data, name.removesuffix(".json"), display)
    return data, display


def load_rules(directory: Path | None = None) -> Rules:
    """Read and type every rules file: the shipped ones, or those of ``directory``.

    Raises:
        ConfigError: a file is missing, not JSON, or breaks its schema (one line naming the
            file and the field).
    """
    portfolio, portfolio_display = _read("portfolio.json", directory)
    return Rules(
        headings=parse_headings(_read("headings.json", directory)[0]),
        posting=parse_posting_rules(_read("posting.json", directory)[0]),
        scoring=parse_scoring(_read("scoring.json", directory)[0]),
        language=parse_language(_read("language.json", directory)[0]),
        stages=parse_stages(_read("stages.json", directory)[0]),
        portfolio=parse_rubric(portfolio, portfolio_display),
    )


@functools.cache
def shipped_rules() -> Rules:
    """Return the rules of the shipped data files, built once per process."""
    return load_rules()
