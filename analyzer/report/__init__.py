"""The improvement report: HTML, Markdown, JSON and terminal text forms of an analysis."""

from __future__ import annotations

from analyzer.report.forms import (
    RENDERERS,
    ReportFormat,
    render,
    render_html,
    render_json,
    render_markdown,
    render_portfolio,
    render_repo,
    render_saved,
    terminal_summary,
)

__all__ = [
    "RENDERERS",
    "ReportFormat",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "render_portfolio",
    "render_repo",
    "render_saved",
    "terminal_summary",
]
