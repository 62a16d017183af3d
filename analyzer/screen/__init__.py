"""Batch screening: many resumes against one posting, ranked, reproducible, private, parallel.

    from analyzer.api import load_posting
    from analyzer.screen import ScreenOptions, ScreenFormat, run_screen

    posting = load_posting("posting.txt", settings)
    result = run_screen(["resumes/"], posting, settings, ScreenOptions(fmt=ScreenFormat.CSV))
    print(result.text)

``screen_one`` is the unit of work, for engines other than ours (docs/screen.md).
"""

from __future__ import annotations

from analyzer.screen.inputs import CandidateFile, NoInputsError, collect_inputs
from analyzer.screen.interface import (
    SCHEMA_VERSION,
    ContactInfo,
    Executor,
    ScreenFormat,
    ScreenOptions,
    ScreenResult,
    ScreenRow,
    ScreenStatus,
)
from analyzer.screen.render import RenderContext, render
from analyzer.screen.runner import ScreenUsageError, rank_rows, run_screen
from analyzer.screen.work import screen_one

__all__ = [
    "SCHEMA_VERSION",
    "CandidateFile",
    "ContactInfo",
    "Executor",
    "NoInputsError",
    "RenderContext",
    "ScreenFormat",
    "ScreenOptions",
    "ScreenResult",
    "ScreenRow",
    "ScreenStatus",
    "ScreenUsageError",
    "collect_inputs",
    "rank_rows",
    "render",
    "run_screen",
    "screen_one",
]
