"""Types of the batch screen: one ranked row per candidate, the output formats, the options.

A row is JSON-ready through ``to_dict`` (the JSON Lines object documented by
analyzer/schemas/screen-row.schema.json) and rebuilt from it with ``from_dict`` (``--resume``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

SCHEMA_VERSION = "1.0"
"""Version of the screen-row JSON object; a breaking change bumps it."""


class ScreenStatus(str, Enum):
    """Whether a candidate's file could be screened."""

    OK = "ok"
    ERROR = "error"


class ScreenFormat(str, Enum):
    """Output forms of `mlcheck screen`; each maps to one renderer in render.py."""

    TABLE = "table"
    CSV = "csv"
    JSONL = "jsonl"
    JUNIT = "junit"
    MARKDOWN = "markdown"
    HTML = "html"


class Executor(str, Enum):
    """Where the per-file analyses run."""

    LOCAL = "local"
    """This machine: in-process for --jobs 1, else a process pool."""
    DASK = "dask"
    """A Dask distributed cluster (--scheduler ADDRESS, or a LocalCluster of --jobs workers)."""


@dataclass(frozen=True)
class ContactInfo:
    """The candidate's personal data; only kept with --include-contact."""

    name: str | None = None
    """Name as printed on the resume."""
    email: str | None = None
    """E-mail address."""
    phone: str | None = None
    """Phone number as written."""
    location: str | None = None
    """City/region line."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form."""
        return {
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "location": self.location,
        }


@dataclass(frozen=True)
class ScreenRow:
    """One candidate of the shortlist: where they rank and why; private data left out."""

    candidate: str
    """Candidate id: the file path as given (default) or sha256 prefix (--anonymize)."""
    file: str | None
    """The file path as the user gave it (joined with the path inside a folder); None with
    --anonymize."""
    sha256: str
    """SHA-256 of the file's bytes; with the file path, the key --resume matches on."""
    status: ScreenStatus
    """ok when the file was screened, error when it could not be read."""
    reason: str | None = None
    """Why the file could not be read (status error only)."""
    rank: int | None = None
    """1-based place in the ranking; None for errors and for lines of an unfinished run."""
    score: float | None = None
    """ATS match score 0-100 against the posting (one decimal)."""
    quality_score: float | None = None
    """Resume quality 0-100, independent of the posting (one decimal)."""
    required_matched: int = 0
    """Number of the posting's required skills the resume shows."""
    required_total: int = 0
    """Number of required skills the posting names."""
    coverage: float | None = None
    """required_matched / required_total (three decimals); None when nothing is required."""
    missing_required: tuple[str, ...] = ()
    """Required skills the resume lacks, in the posting's order of importance."""
    years: float | None = None
    """Years of experience found on the resume (one decimal)."""
    years_required: float | None = None
    """Years the posting asks for."""
    years_meets: bool | None = None
    """Whether years >= years_required; None when either is unknown."""
    bullets: int = 0
    """Number of experience and project bullets."""
    quantified_bullets: int = 0
    """Of those, how many carry a measured result."""
    quantified_share: float | None = None
    """quantified_bullets / bullets (three decimals); None without bullets."""
    readability_problems: int = 0
    """Number of readability findings (parsing problems an ATS would have)."""
    readability_ids: tuple[str, ...] = ()
    """Their finding ids, sorted and de-duplicated."""
    contact: ContactInfo | None = None
    """Personal data, only with --include-contact."""
    run_key: str = ""
    """Digest of what decides the row besides the file (posting, settings, privacy options);
    --resume reuses a row only when it matches."""
    report: str | None = field(default=None, compare=False)
    """Path of the candidate's own report (with --reports), relative as written."""

    @property
    def ok(self) -> bool:
        """Return True when the file was screened."""
        return self.status is ScreenStatus.OK

    def sort_key(self) -> tuple[Any, ...]:
        """Return the ranking key: screened first, score desc, coverage desc, then file name.

        Computed from the row's own fields only, so rows read back by --resume rank the same.
        """
        name = self.file if self.file is not None else self.candidate
        if not self.ok:
            return (1, 0.0, 0.0, name, self.candidate)
        score = self.score if self.score is not None else -1.0
        coverage = self.coverage if self.coverage is not None else -1.0
        return (0, -score, -coverage, name, self.candidate)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON Lines object (schema analyzer/schemas/screen-row.schema.json)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "rank": self.rank,
            "candidate": self.candidate,
            "file": self.file,
            "sha256": self.sha256,
            "status": self.status.value,
            "reason": self.reason,
            "score": self.score,
            "quality_score": self.quality_score,
            "required_matched": self.required_matched,
            "required_total": self.required_total,
            "coverage": self.coverage,
            "missing_required": list(self.missing_required),
            "years": self.years,
            "years_required": self.years_required,
            "years_meets": self.years_meets,
            "bullets": self.bullets,
            "quantified_bullets": self.quantified_bullets,
            "quantified_share": self.quantified_share,
            "readability_problems": self.readability_problems,
            "readability_ids": list(self.readability_ids),
            "contact": self.contact.to_dict() if self.contact is not None else None,
            "report": self.report,
            "run_key": self.run_key,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScreenRow:
        """Rebuild a row from its JSON Lines object."""
        contact = data.get("contact")
        return cls(
            candidate=str(data["candidate"]),
            file=data.get("file"),
            sha256=str(data["sha256"]),
            status=ScreenStatus(data["status"]),
            reason=data.get("reason"),
            rank=data.get("rank"),
            score=data.get("score"),
            quality_score=data.get("quality_score"),
            required_matched=int(data.get("required_matched", 0)),
            required_total=int(data.get("required_total", 0)),
            coverage=data.get("coverage"),
            missing_required=tuple(data.get("missing_required", ())),
            years=data.get("years"),
            years_required=data.get("years_required"),
            years_meets=data.get("years_meets"),
            bullets=int(data.get("bullets", 0)),
            quantified_bullets=int(data.get("quantified_bullets", 0)),
            quantified_share=data.get("quantified_share"),
            readability_problems=int(data.get("readability_problems", 0)),
            readability_ids=tuple(data.get("readability_ids", ())),
            contact=ContactInfo(**contact) if isinstance(contact, dict) else None,
            report=data.get("report"),
            run_key=str(data.get("run_key", "")),
        )


@dataclass(frozen=True)
class ScreenOptions:
    """How a screen runs and what it writes; everything besides inputs, posting and settings."""

    fmt: ScreenFormat = ScreenFormat.TABLE
    """Output form."""
    output: str | None = None
    """File to write ("-" or None: return the text for stdout)."""
    jobs: int | None = 1
    """Parallel workers; 1 runs in this process; None: all cores, at most one per
    FILES_PER_WORKER files (a worker's start-up costs about as much as that many resumes)."""
    executor: Executor = Executor.LOCAL
    """Where the analyses run."""
    scheduler: str | None = None
    """Dask scheduler address; None starts a LocalCluster."""
    min_score: float | None = None
    """Scores below this fail (JUnit <failure>, exit code 1)."""
    include_contact: bool = False
    """Keep name, e-mail, phone and location in the outputs."""
    anonymize: bool = False
    """Identify candidates by a hash of the file bytes and hide file names."""
    reports_dir: str | None = None
    """Write each candidate's own HTML report into this folder and link it."""
    resume: bool = False
    """Skip candidates already in the JSON Lines output (or its journal) of an earlier run."""
    summary: str | None = None
    """Also append the Markdown summary to this file (e.g. $GITHUB_STEP_SUMMARY)."""
    start_method: str = "auto"
    """multiprocessing start method of the process pool: auto (fork on Linux, where workers
    inherit the resources loaded once before forking; spawn elsewhere), spawn, forkserver or
    fork."""
    width: int | None = None
    """Columns of the terminal the table goes to (it is fitted to them); None: in full."""


@dataclass(frozen=True)
class ScreenResult:
    """What a screen produced."""

    rows: tuple[ScreenRow, ...]
    """Every candidate, ranked; unreadable files last."""
    text: str
    """The rendered output (also written to options.output when that is a file)."""
    analysed: int
    """How many files were analysed in this run (rows reused by --resume not counted)."""
    notes: tuple[str, ...] = ()
    """Things the user should know (reports skipped, rows not reused...)."""
    min_score: float | None = None
    """The threshold the run applied."""

    @property
    def errors(self) -> tuple[ScreenRow, ...]:
        """Return the rows of files that could not be read."""
        return tuple(r for r in self.rows if not r.ok)

    @property
    def below(self) -> tuple[ScreenRow, ...]:
        """Return the screened rows whose score falls short of min_score."""
        if self.min_score is None:
            return ()
        return tuple(r for r in self.rows if r.ok and (r.score or 0.0) < self.min_score)

    @property
    def exit_code(self) -> int:
        """Return 5 when a file could not be read, else 1 when someone is below min_score, else 0.

        5 wins over 1: an incomplete screen must be fixed before its verdict can be trusted,
        and the below-threshold candidates are still marked in every output.
        """
        if self.errors:
            return 5
        if self.below:
            return 1
        return 0
