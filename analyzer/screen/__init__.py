"""Batch screening: many resumes against one posting, ranked, reproducible, private, parallel.

    from analyzer.api import load_posting
    from analyzer.screen import ScreenOptions, ScreenFormat, run_screen

    posting = load_posting("posting.txt", settings)
    result = run_screen(["resumes/"], posting, settings, ScreenOptions(fmt=ScreenFormat.CSV))
    print(result.text)

``screen_one`` is the unit of work, for engines other than ours (docs/screen.md).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from analyzer.screen.inputs import CandidateFile, NoInputsError, collect_inputs
    from analyzer.screen.render import RenderContext, render
    from analyzer.screen.runner import ScreenUsageError, rank_rows, run_screen
    from analyzer.screen.work import screen_one

_LAZY = {
    "CandidateFile": "inputs",
    "NoInputsError": "inputs",
    "collect_inputs": "inputs",
    "RenderContext": "render",
    "render": "render",
    "ScreenUsageError": "runner",
    "rank_rows": "runner",
    "run_screen": "runner",
    "screen_one": "work",
}
"""Names imported on first use: the runner imports the whole analysis (spaCy, pdfium), which
`mlcheck screen --help` (it imports interface.py through this package) must not pay for."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'analyzer.screen' has no attribute {name!r}")
    return getattr(import_module(f"analyzer.screen.{module}"), name)


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
