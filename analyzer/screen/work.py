"""The unit of work of a screen: one resume's bytes in, one ScreenRow out.

``screen_one`` is a pure, picklable function of (file bytes, name, posting, settings), so any
engine that can map a function over files can run a screen: a process pool here, Dask, Spark
(``sc.binaryFiles(...).map(lambda kv: screen_one(kv[1], kv[0], posting, settings))``) or Ray
(``ray.remote(screen_one)``). See docs/screen.md.
"""

from __future__ import annotations

import ctypes
import dataclasses
import gc
import hashlib
import importlib
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from analyzer import api
from analyzer.errors import MlcheckError
from analyzer.findings import Area
from analyzer.models import JobPosting, ResumeAnalysis
from analyzer.screen.interface import ContactInfo, ScreenRow, ScreenStatus
from analyzer.settings import Settings

log = logging.getLogger("analyzer.screen")

BULLET_SECTIONS = ("experience", "projects")
"""Sections whose bullets count towards the quantified-achievement share."""

READABILITY_AREA = Area.READABILITY
"""Finding area of the parsing problems an ATS would have."""


def content_hash(data: bytes) -> str:
    """Return the SHA-256 hex digest of a file's bytes."""
    return hashlib.sha256(data).hexdigest()


def candidate_id(name: str, digest: str, anonymize: bool) -> str:
    """Return how a candidate is named: the file path, or the digest's first 12 hex chars."""
    return digest[:12] if anonymize else name


def run_key(
    posting: JobPosting, settings: Settings, *, include_contact: bool, anonymize: bool
) -> str:
    """Return a digest of everything besides the file that decides a row.

    --resume reuses a row of an earlier run only when this matches, so changing the posting,
    the settings or the privacy options re-screens everyone.
    """
    from analyzer.screen.interface import SCHEMA_VERSION

    payload = json.dumps(
        {
            "schema": SCHEMA_VERSION,
            "posting": posting.to_dict(),
            "settings": dataclasses.asdict(settings),
            "include_contact": include_contact,
            "anonymize": anonymize,
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _round(value: float | None, digits: int) -> float | None:
    # Rounded once here so every output shows the same figure and ties sort as displayed.
    return None if value is None else round(float(value), digits)


def row_from_analysis(
    analysis: ResumeAnalysis,
    name: str,
    digest: str,
    *,
    include_contact: bool = False,
    anonymize: bool = False,
    run_digest: str = "",
) -> ScreenRow:
    """Summarise one analysis as a shortlist row (rank left empty)."""
    match = analysis.match
    required_found = (
        [m.keyword for m in match.matched if m.importance == "required"] if match else []
    )
    missing = [m.keyword for m in match.missing if m.importance == "required"] if match else []
    total = len(required_found) + len(missing)
    reviews = [r for r in analysis.profile.bullet_reviews if r.section in BULLET_SECTIONS]
    quantified = sum(1 for r in reviews if r.quantified)
    readability = [f.id for f in analysis.findings if f.area == READABILITY_AREA]
    contact = None
    if include_contact:
        c = analysis.document.contact
        contact = ContactInfo(name=c.name, email=c.email, phone=c.phone, location=c.location)
    years_asked = match.years.asked if match else None
    return ScreenRow(
        candidate=candidate_id(name, digest, anonymize),
        file=None if anonymize else name,
        sha256=digest,
        status=ScreenStatus.OK,
        score=_round(match.score if match else analysis.quality_score, 1),
        quality_score=_round(analysis.quality_score, 1),
        required_matched=len(required_found),
        required_total=total,
        coverage=_round(len(required_found) / total, 3) if total else None,
        missing_required=tuple(missing),
        years=_round(analysis.profile.years_experience, 1),
        years_required=_round(years_asked, 1) if isinstance(years_asked, (int, float)) else None,
        years_meets=match.years.meets if match else None,
        bullets=len(reviews),
        quantified_bullets=quantified,
        quantified_share=_round(quantified / len(reviews), 3) if reviews else None,
        readability_problems=len(readability),
        readability_ids=tuple(sorted(set(readability))),
        contact=contact,
        run_key=run_digest,
    )


def error_row(
    name: str, digest: str, reason: str, *, anonymize: bool = False, run_digest: str = ""
) -> ScreenRow:
    """Return the row of a file that could not be screened, with the reason."""
    return ScreenRow(
        candidate=candidate_id(name, digest, anonymize),
        file=None if anonymize else name,
        sha256=digest,
        status=ScreenStatus.ERROR,
        reason=reason,
        run_key=run_digest,
    )


def _reason(error: BaseException) -> str:
    # InputError carries the path in its message; the reason alone keeps --anonymize private.
    reason = getattr(error, "reason", None)
    if isinstance(reason, str) and reason:
        return reason
    if isinstance(error, MlcheckError):
        return str(error)
    return f"internal error: {type(error).__name__}: {error}"


@dataclass(frozen=True)
class TaskResult:
    """What one task sends back: the row and, with --reports, the candidate's HTML report."""

    row: ScreenRow
    """The candidate's row."""
    report_html: str | None = None
    """The rendered report, when asked for and the analysis succeeded."""


HIDDEN = "[hidden]"
"""What personal data is replaced by in a candidate's report without --include-contact."""


def _redact(value: Any, secrets: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, HIDDEN)
        return value
    if isinstance(value, tuple):
        return tuple(_redact(v, secrets) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _redact(getattr(value, f.name), secrets) for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    return value


def private_analysis(analysis: ResumeAnalysis) -> ResumeAnalysis:
    """Return the analysis with the name, e-mail, phone and location hidden wherever quoted.

    Links (GitHub, LinkedIn) are kept: they are how a recruiter finds the portfolio.
    """
    c = analysis.document.contact
    secrets = tuple(
        sorted({v for v in (c.name, c.email, c.phone, c.location) if v and len(v) >= 3}, key=len)
    )[::-1]  # longest first, so a name inside an e-mail address does not break it
    redacted = _redact(analysis, secrets)
    contact = dataclasses.replace(
        redacted.document.contact, name=None, email=None, phone=None, location=None
    )
    document = dataclasses.replace(redacted.document, contact=contact)
    return dataclasses.replace(redacted, document=document)


def report_renderer() -> Callable[[ResumeAnalysis], str] | None:
    """Return a function rendering one analysis as an HTML report, None if there is none yet.

    The report engine is analyzer.report's ``render(analysis, ReportFormat.HTML)``.
    """
    try:
        module = importlib.import_module("analyzer.report")
    except ImportError:
        return None
    render = getattr(module, "render", None)
    report_format = getattr(module, "ReportFormat", None)
    html = getattr(report_format, "HTML", None)
    if render is None or html is None:
        return None
    return lambda analysis: str(render(analysis, html))


def render_report(analysis: ResumeAnalysis) -> str:
    """Render one analysis as the candidate's own HTML report."""
    render = report_renderer()
    if render is None:
        raise MlcheckError("per-candidate reports need analyzer.report.render")
    return render(analysis)


def screen_task(
    data: bytes,
    name: str,
    posting: JobPosting,
    settings: Settings,
    *,
    include_contact: bool = False,
    anonymize: bool = False,
    run_digest: str = "",
    want_report: bool = False,
) -> TaskResult:
    """Screen one file's bytes; with want_report also render its HTML report.

    Never raises for a bad file: an unreadable resume becomes a row with status error.
    """
    digest = content_hash(data)
    # Anonymous runs hide the file name from the analysis (and so from the report) too; the
    # extension stays, the reader needs it.
    seen_as = (
        candidate_id(name, digest, anonymize) + os.path.splitext(name)[1] if anonymize else name
    )
    try:
        analysis = api.analyze_resume_bytes(data, seen_as, posting, settings)
    except (KeyboardInterrupt, SystemExit):
        raise
    except MlcheckError as error:
        return TaskResult(
            error_row(name, digest, _reason(error), anonymize=anonymize, run_digest=run_digest)
        )
    except Exception as error:  # noqa: BLE001 - one broken file must not stop the batch
        log.debug("analysis of %s failed", name, exc_info=True)
        return TaskResult(
            error_row(name, digest, _reason(error), anonymize=anonymize, run_digest=run_digest)
        )
    row = row_from_analysis(
        analysis,
        name,
        digest,
        include_contact=include_contact,
        anonymize=anonymize,
        run_digest=run_digest,
    )
    report = None
    if want_report:
        report = render_report(analysis if include_contact else private_analysis(analysis))
    return TaskResult(row, report)


def screen_one(
    data: bytes,
    name: str,
    posting: JobPosting,
    settings: Settings = Settings(),
    *,
    include_contact: bool = False,
    anonymize: bool = False,
) -> ScreenRow:
    """Screen one resume given as bytes against a posting and return its (unranked) row.

    Pure and picklable: the same arguments give the same row on any machine. A file that cannot
    be read gives a row with status "error" and the reason, never an exception. Rank the rows
    of a batch with ``analyzer.screen.rank_rows``.
    """
    key = run_key(posting, settings, include_contact=include_contact, anonymize=anonymize)
    return screen_task(
        data,
        name,
        posting,
        settings,
        include_contact=include_contact,
        anonymize=anonymize,
        run_digest=key,
    ).row


def _die_with_parent() -> None:
    # A killed screen (SIGKILL, a cancelled CI job) must not leave its workers running.
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="mlcheck-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the watch started
        os._exit(1)


def init_worker(settings: Settings) -> None:
    """Prepare a pool worker process: die with the parent, load the NLP resources once.

    A forked worker finds them loaded (and frozen) by the parent; a spawned one loads them and
    freezes them from the garbage collector, which would otherwise walk them on every full
    collection.
    """
    _die_with_parent()
    load_resources(settings)
    gc.collect()
    gc.freeze()


def load_resources(settings: Settings) -> None:
    """Load the NLP resources (spaCy pipeline, taxonomy) into this process's cache."""
    try:
        from analyzer.nlp.resources import get_resources
    except ImportError:  # the NLP stage not installed: the first task loads what it needs
        return
    get_resources(settings)
