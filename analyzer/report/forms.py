"""Render a ResumeAnalysis as HTML, Markdown, JSON or terminal text; each form is a string.

Writing the string anywhere is the CLI's job. The HTML form is one self-contained file (inline
CSS and SVG, no scripts, no external resources); Markdown fits a GitHub job summary or a PR
comment; text is the concise terminal summary.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from enum import Enum
from importlib import resources
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup

from analyzer import __version__
from analyzer.models import CrossCheck, PortfolioReview, RepoReview, ResumeAnalysis
from analyzer.report import charts
from analyzer.report.escaping import (
    finalize_html,
    finalize_markdown,
    finalize_text,
    md_escape,
    wrap_text,
)
from analyzer.report.view import ATS_TARGET, build_view

if TYPE_CHECKING:
    from analyzer.report.portfolio_view import PortfolioReportView

TEMPLATE_PACKAGE = "report_templates"
"""The package holding the templates and CSS (shipped as package data)."""


class ReportFormat(str, Enum):
    """The output forms of the improvement report."""

    HTML = "html"
    MD = "md"
    JSON = "json"
    TEXT = "text"


def _number(value: float | None, digits: int = 0) -> str:
    """Format a score for display ("-" when absent)."""
    if value is None:
        return "-"
    return f"{value:.{digits}f}"


def _common(env: jinja2.Environment) -> jinja2.Environment:
    env.filters["num"] = _number
    env.globals["ats_target"] = ATS_TARGET
    env.globals["version"] = __version__
    return env


@functools.lru_cache(maxsize=1)
def html_environment() -> jinja2.Environment:
    """Return the HTML environment: autoescape on for every template, undefined is an error."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(TEMPLATE_PACKAGE, ""),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=finalize_html,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["score_bar"] = charts.score_bar
    env.globals["pillar_bar"] = charts.pillar_bar
    return _common(env)


@functools.lru_cache(maxsize=1)
def text_environment() -> jinja2.Environment:
    """Return the environment of the Markdown and text forms (no HTML autoescape).

    Markdown templates escape through ``finalize`` (every printed value goes through
    ``md_escape`` unless it is ``Markup`` built by us); the text template prints each value on
    one line without control characters. Which finalize applies is chosen per form.
    """
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(TEMPLATE_PACKAGE, ""),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = lambda value: Markup(md_escape(str(value)))
    env.filters["wrap"] = wrap_text
    return _common(env)


@functools.lru_cache(maxsize=2)
def _overlay(kind: str) -> jinja2.Environment:
    finalize = finalize_markdown if kind == "md" else finalize_text
    return text_environment().overlay(finalize=finalize)


@functools.lru_cache(maxsize=1)
def report_css() -> Markup:
    """Return the report stylesheet, read once from the template package, to inline."""
    css = resources.files(TEMPLATE_PACKAGE).joinpath("report.css").read_text(encoding="utf-8")
    # The stylesheet is ours, but make sure it can never close the <style> element early.
    return Markup(css.replace("</", "<\\/"))


def _tidy(text: str) -> str:
    """Drop trailing spaces and runs of blank lines that optional template parts leave."""
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def render_html(analysis: ResumeAnalysis) -> str:
    """Render the self-contained HTML improvement report."""
    template = html_environment().get_template("report.html")
    return template.render(view=build_view(analysis), css=report_css())


def render_markdown(analysis: ResumeAnalysis) -> str:
    """Render the Markdown report for a GitHub job summary or a PR comment."""
    template = _overlay("md").get_template("report.md.j2")
    return _tidy(template.render(view=build_view(analysis)))


def terminal_summary(analysis: ResumeAnalysis) -> str:
    """Render the concise plain-text summary printed to the terminal by default."""
    template = _overlay("text").get_template("summary.txt.j2")
    return _tidy(template.render(view=build_view(analysis)))


def render_json(analysis: ResumeAnalysis) -> str:
    """Render the versioned JSON form (the contract for CI users) as indented text."""
    from analyzer.report.json_form import analysis_json, dumps

    return dumps(analysis_json(analysis))


RENDERERS: dict[ReportFormat, Callable[[ResumeAnalysis], str]] = {
    ReportFormat.HTML: render_html,
    ReportFormat.MD: render_markdown,
    ReportFormat.JSON: render_json,
    ReportFormat.TEXT: terminal_summary,
}
"""The renderer of each output form."""


def render(analysis: ResumeAnalysis, fmt: ReportFormat | str = ReportFormat.TEXT) -> str:
    """Render the analysis in the given form and return the text."""
    return RENDERERS[ReportFormat(fmt)](analysis)


def _render_portfolio_view(view: PortfolioReportView, fmt: ReportFormat) -> str:
    """Render the portfolio-only report view in one of the text forms (not JSON)."""
    if fmt is ReportFormat.HTML:
        template = html_environment().get_template("portfolio_report.html")
        return template.render(view=view, css=report_css())
    name = "portfolio_report.md.j2" if fmt is ReportFormat.MD else "portfolio_summary.txt.j2"
    template = _overlay("md" if fmt is ReportFormat.MD else "text").get_template(name)
    return _tidy(template.render(view=view))


def render_portfolio(
    review: PortfolioReview,
    fmt: ReportFormat | str = ReportFormat.TEXT,
    cross_check: CrossCheck | None = None,
) -> str:
    """Render a GitHub portfolio review without a resume (``mlcheck github``) in a form."""
    fmt = ReportFormat(fmt)
    if fmt is ReportFormat.JSON:
        from analyzer.report.json_form import dumps, portfolio_report_json

        return dumps(portfolio_report_json(review, cross_check))
    from analyzer.report.portfolio_view import build_portfolio_report

    return _render_portfolio_view(build_portfolio_report(review, cross_check), fmt)


def render_repo(repo: RepoReview, fmt: ReportFormat | str = ReportFormat.TEXT) -> str:
    """Render the review of one local checkout (``mlcheck repo``) in a form."""
    fmt = ReportFormat(fmt)
    if fmt is ReportFormat.JSON:
        from analyzer.report.json_form import dumps, repo_report_json

        return dumps(repo_report_json(repo))
    from analyzer.report.portfolio_view import build_repo_report

    return _render_portfolio_view(build_repo_report(repo), fmt)


def render_saved(text: str, fmt: ReportFormat | str = ReportFormat.TEXT) -> str:
    """Render a saved `--format json` result (analysis, portfolio or repo) again, in a form.

    Raises json_form.SavedJsonError when the text is not a saved result this version reads.
    """
    from analyzer.report.json_form import SavedPortfolio, read_saved

    saved = read_saved(text)
    if isinstance(saved, ResumeAnalysis):
        return render(saved, fmt)
    if isinstance(saved, SavedPortfolio):
        return render_portfolio(saved.review, fmt, saved.cross_check)
    return render_repo(saved, fmt)
