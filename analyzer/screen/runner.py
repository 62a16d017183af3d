"""The batch runner: collect files, analyse them in parallel, stream, rank, render.

Each finished candidate is appended to a journal as one complete JSON line (a single write,
then flush) the moment it arrives, so a run that is killed keeps what it has: with
``--format jsonl --output FILE`` the journal is FILE itself, with another format and an output
file it is ``FILE.partial.jsonl`` beside it. At the end the ranked output replaces the journal
atomically. ``--resume`` reads the journal back and skips the candidates already in it (same
file path and content hash, same posting and settings).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import logging
import multiprocessing
import os
import re
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from analyzer.documents.limits import read_limited
from analyzer.errors import InputError, MlcheckError
from analyzer.models import JobPosting
from analyzer.output import refuse_output_onto_inputs, write_atomic
from analyzer.screen.inputs import CandidateFile, collect_inputs
from analyzer.screen.interface import (
    Executor,
    ScreenFormat,
    ScreenOptions,
    ScreenResult,
    ScreenRow,
)
from analyzer.screen.render import RenderContext, jsonl_line, render
from analyzer.screen.work import (
    TaskResult,
    content_hash,
    error_row,
    init_worker,
    load_resources,
    report_renderer,
    run_key,
    screen_task,
)
from analyzer.settings import Settings

log = logging.getLogger("analyzer.screen")

STOP_AFTER_ENV = "MLCHECK_SCREEN_STOP_AFTER"
"""Testing aid: after this many candidates are written to the journal, the run kills itself
with SIGKILL, the way an out-of-memory killer or a cancelled CI job would."""

DEFAULT_OPTIONS = ScreenOptions()
"""A table on stdout, in this process."""

Progress = Callable[[int, int], None]
"""Called with (finished, total) each time a candidate is done."""


MAX_LONE_CRASHES = 3
"""Files in a row that may kill their worker alone before the pool itself is suspected."""


class WorkerError(MlcheckError):
    """The worker processes cannot run at all (they die before finishing any resume)."""

    exit_code = 2


class ScreenUsageError(MlcheckError):
    """Options of a screen that do not fit together."""

    exit_code = 2


@dataclass(frozen=True)
class Task:
    """One file to analyse, already read."""

    data: bytes
    """The file's bytes."""
    name: str
    """The displayed path."""


FILES_PER_WORKER = {"fork": 4, "spawn": 40, "forkserver": 40}
"""With the default --jobs, one worker per this many files at most, by start method. A spawned
worker imports spaCy and builds the matchers again, about as much CPU as analysing 40 resumes; a
forked one inherits them and costs about what 1-2 resumes do (docs/performance.md), so small
batches keep few processes only where start-up is dear."""


def resolve_start_method(name: str) -> str:
    """Return the start method to use: "auto" is fork where the platform has it (Linux), else
    spawn."""
    if name != "auto":
        return name
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def auto_jobs(files: int, start_method: str = "spawn") -> int:
    """Return the default number of workers for this many files: all cores, if worth it."""
    per_worker = FILES_PER_WORKER.get(resolve_start_method(start_method), 40)
    return max(1, min(os.cpu_count() or 1, files // per_worker))


def freeze_resources(settings: Settings) -> None:
    """Load the NLP resources, then move every live object out of the collector's sight.

    The loaded pipeline and matchers are hundreds of thousands of long-lived objects; each full
    collection walked them all (about a tenth of a screen's CPU). Frozen, a forked worker also
    leaves their pages shared instead of touching them to update the collector's counts.
    """
    load_resources(settings)
    gc.collect()
    gc.freeze()


def rank_rows(rows: Iterable[ScreenRow]) -> tuple[ScreenRow, ...]:
    """Order rows (score desc, coverage desc, file name) and number the screened ones from 1.

    Unreadable files come last, by file name, without a rank.
    """
    ordered = sorted(rows, key=ScreenRow.sort_key)
    ranked: list[ScreenRow] = []
    place = 0
    for row in ordered:
        if row.ok:
            place += 1
            ranked.append(replace(row, rank=place))
        else:
            ranked.append(replace(row, rank=None))
    return tuple(ranked)


def journal_path(options: ScreenOptions) -> Path | None:
    """Return the file finished candidates stream to, None when the output is stdout."""
    if options.output is None or options.output == "-":
        return None
    output = Path(options.output)
    if options.fmt is ScreenFormat.JSONL:
        return output
    return output.with_name(output.name + ".partial.jsonl")


def read_journal(path: Path) -> list[ScreenRow]:
    """Read the complete rows of a journal or JSON Lines output; a torn last line is dropped."""
    rows: list[ScreenRow] = []
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return rows
    except OSError as error:
        raise ScreenUsageError(f"cannot read {path} to resume: {error.strerror}") from error
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if not line.endswith("\n"):
            log.info("%s: dropping an unfinished last line", path)
            break
        try:
            rows.append(ScreenRow.from_dict(json.loads(line)))
        except (ValueError, KeyError, TypeError) as error:
            raise ScreenUsageError(
                f"{path}:{number}: not a screen row, cannot resume from it ({error})"
            ) from error
    return rows


class Journal:
    """Append-only JSON Lines of finished candidates: one whole line per write, flushed."""

    def __init__(self, path: Path | None, keep: Sequence[ScreenRow]) -> None:
        self.path = path
        self.written = 0
        self._fd: int | None = None
        stop = os.environ.get(STOP_AFTER_ENV)
        self._stop_after = int(stop) if stop and stop.isdigit() else None
        if path is not None:
            # Start from exactly the rows kept (none, or the ones --resume reuses).
            write_atomic(path, "".join(jsonl_line(r) for r in keep))
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND)

    def append(self, row: ScreenRow) -> None:
        """Append one finished candidate as one unbuffered write, so no line is ever torn."""
        if self._fd is None:
            return
        data = jsonl_line(row).encode("utf-8")
        written = os.write(self._fd, data)
        while written < len(data):  # only for a full disk or a signal mid-write
            written += os.write(self._fd, data[written:])
        self.written += 1
        if self._stop_after is not None and self.written >= self._stop_after:
            os.fsync(self._fd)
            os.kill(os.getpid(), signal.SIGKILL)

    def close(self) -> None:
        """Close the file."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def report_name(row: ScreenRow) -> str:
    """Return the file name of a candidate's own report: safe, stable and unique."""
    slug = re.sub(r"[^A-Za-z0-9._-]", "_", row.candidate).strip("._") or "candidate"
    if slug != row.candidate:
        slug += "-" + hashlib.sha256(row.candidate.encode("utf-8")).hexdigest()[:8]
    return f"{slug}.html"


def _join(folder: str, name: str) -> str:
    return (folder.rstrip("/\\") + "/" + name) if folder else name


# --------------------------------------------------------------------------- executors


def _run_inline(
    work: Iterable[Task | TaskResult], fn: Callable[..., TaskResult]
) -> Iterator[TaskResult]:
    for item in work:
        yield item if isinstance(item, TaskResult) else fn(item.data, item.name)


def _run_pool(
    work: Iterable[Task | TaskResult],
    fn: Callable[..., TaskResult],
    jobs: int,
    settings: Settings,
    start_method: str,
    crashed: Callable[[Task], TaskResult],
) -> Iterator[TaskResult]:
    """Run tasks in a process pool; a file that kills its worker becomes an error row.

    When a worker dies (a crash in a PDF library, the out-of-memory killer) the pool breaks and
    every task in flight fails with it. They are retried one at a time in a new pool: the one
    that kills its worker alone is the culprit and gets crashed(task); the others go on.
    """
    method = resolve_start_method(start_method)
    if method == "fork":
        freeze_resources(settings)  # loaded once here, inherited by every worker
    context = multiprocessing.get_context(method)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=init_worker, initargs=(settings,)
        )

    pool = new_pool()
    # At most a few files per worker in flight, so memory stays flat however many files.
    limit = jobs * 2
    pending: dict[Future[TaskResult], Task] = {}
    suspects: list[Task] = []
    lone_crashes = 0  # consecutive files that killed their worker with nothing else running
    items = iter(work)
    finished = False
    try:
        while True:
            while not suspects and not finished and len(pending) < limit:
                item = next(items, None)
                if item is None:
                    finished = True
                elif isinstance(item, TaskResult):
                    yield item
                else:
                    pending[pool.submit(fn, item.data, item.name)] = item
            if suspects and not pending:
                suspect = suspects.pop(0)
                pending[pool.submit(fn, suspect.data, suspect.name)] = suspect
            if not pending:
                break
            alone = len(pending) == 1
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                task = pending.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool as error:
                    broken = True
                    if not alone:
                        suspects.append(task)
                        continue
                    lone_crashes += 1
                    if lone_crashes >= MAX_LONE_CRASHES:
                        raise WorkerError(
                            "worker processes keep dying before finishing a resume "
                            f"({error}); try --jobs 1"
                        ) from error
                    yield crashed(task)
                    continue
                lone_crashes = 0
                yield result
            if broken:
                log.warning("a worker process died; retrying its files one at a time")
                suspects.extend(pending.values())
                suspects.sort(key=lambda t: t.name)
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(
    work: Iterable[Task | TaskResult],
    posting: JobPosting,
    settings: Settings,
    jobs: int,
    scheduler: str | None,
    task_kwargs: dict[str, Any],
) -> Iterator[TaskResult]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as error:
        raise ScreenUsageError(
            "--executor dask needs Dask distributed: pip install 'mlcheck[dask]'"
        ) from error
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        client.run(load_resources, settings)
        [posting_f] = client.scatter([posting], broadcast=True)
        [settings_f] = client.scatter([settings], broadcast=True)
        limit = max(jobs, len(client.scheduler_info().get("workers", {})) or 1) * 2
        queue = as_completed()
        in_flight = 0
        for item in work:
            if isinstance(item, TaskResult):
                yield item
                continue
            queue.add(
                client.submit(
                    screen_task,
                    item.data,
                    item.name,
                    posting_f,
                    settings_f,
                    pure=False,
                    **task_kwargs,
                )
            )
            in_flight += 1
            if in_flight >= limit:
                yield next(queue).result()
                in_flight -= 1
        for future in queue:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --------------------------------------------------------------------------- the run


def _prepare(
    files: Sequence[CandidateFile],
    settings: Settings,
    options: ScreenOptions,
    key: str,
    reusable: dict[tuple[str | None, str], ScreenRow],
    reused: list[ScreenRow],
) -> Iterator[Task | TaskResult]:
    """Read each file once; yield a Task to analyse, or a finished error row; collect reuse."""
    for candidate in files:
        name = candidate.display
        reason, digest = candidate.problem or "", ""
        if not reason:
            try:
                data = read_limited(candidate.path, settings.limits.max_bytes)
                digest = content_hash(data)
            except InputError as error:
                reason = error.reason
        if reason:
            # No bytes to hash: an anonymous id is derived from the name instead.
            label = hashlib.sha256(name.encode("utf-8")).hexdigest() if options.anonymize else ""
            row = error_row(name, label, reason, anonymize=options.anonymize, run_digest=key)
            yield TaskResult(replace(row, sha256=""))
            continue
        previous = reusable.get((None if options.anonymize else name, digest))
        if previous is not None:
            reused.append(previous)
            continue
        yield Task(data, name)


def _reusable_rows(
    path: Path | None, key: str, options: ScreenOptions
) -> tuple[dict[tuple[str | None, str], ScreenRow], list[str]]:
    notes: list[str] = []
    if not options.resume:
        return {}, notes
    if path is None:
        raise ScreenUsageError("--resume needs --output FILE (the JSON Lines of an earlier run)")
    output = Path(options.output or "")
    if not path.exists() and path != output and output.exists():
        # A finished csv/junit/markdown/html/table output keeps no file hashes or run keys.
        raise ScreenUsageError(
            f"--resume continues from JSON Lines: the journal {path.name} of an interrupted "
            f"run, or a -f jsonl output; {output} is a finished {options.fmt.value} output "
            "and cannot be resumed: run without --resume (or use -f jsonl to resume later)"
        )
    rows = read_journal(path)
    stale = [r for r in rows if r.run_key != key]
    if stale:
        notes.append(
            f"{len(stale)} row(s) in {path} came from another posting, settings or privacy "
            "options and are screened again"
        )
    reusable: dict[tuple[str | None, str], ScreenRow] = {}
    for row in rows:
        if row.run_key != key or not row.sha256:
            continue
        if options.reports_dir and row.ok and not (row.report and os.path.isfile(row.report)):
            continue  # its report is missing: redo it
        reusable[(row.file, row.sha256)] = replace(row, rank=None)
    return reusable, notes


def _check_options(options: ScreenOptions) -> None:
    """Refuse options that do not fit together, before anything is read."""
    if options.jobs is not None and options.jobs < 1:
        raise ScreenUsageError("--jobs must be at least 1")
    if options.resume and options.output in (None, "-"):
        raise ScreenUsageError("--resume needs --output FILE (the JSON Lines of an earlier run)")


def _collect(
    inputs: Sequence[str], posting: JobPosting, options: ScreenOptions, journal: Path | None
) -> list[CandidateFile]:
    """Collect the candidates, never counting or overwriting a file the run reads or writes."""
    written = [options.output, options.summary, str(journal) if journal else None]
    refuse_output_onto_inputs(written, [posting.path])
    return collect_inputs(inputs, [w for w in written if w is not None and w != "-"])


def _reports_wanted(options: ScreenOptions, notes: list[str]) -> bool:
    """Return True when per-candidate reports are to be rendered; make their folder."""
    if options.reports_dir is None:
        return False
    if report_renderer() is None:
        notes.append("per-candidate reports skipped: analyzer.report.render is not available")
        return False
    Path(options.reports_dir).mkdir(parents=True, exist_ok=True)
    return True


def _analyse(
    stream: Iterable[Task | TaskResult],
    count: int,
    posting: JobPosting,
    settings: Settings,
    options: ScreenOptions,
    key: str,
    want_report: bool,
) -> Iterator[TaskResult]:
    """Run the tasks on the chosen executor: in this process, a process pool or Dask."""
    task_kwargs: dict[str, Any] = {
        "include_contact": options.include_contact,
        "anonymize": options.anonymize,
        "run_digest": key,
        "want_report": want_report,
    }
    fn = functools.partial(screen_task, posting=posting, settings=settings, **task_kwargs)
    if options.executor is Executor.DASK:
        workers = options.jobs or os.cpu_count() or 1
        return _run_dask(stream, posting, settings, workers, options.scheduler, task_kwargs)
    jobs = min(options.jobs or auto_jobs(count, options.start_method), count)
    if jobs <= 1:
        freeze_resources(settings)
        return _run_inline(stream, fn)

    def crashed(task: Task) -> TaskResult:
        reason = "the analysis crashed its worker process"
        row = error_row(
            task.name, content_hash(task.data), reason, anonymize=options.anonymize, run_digest=key
        )
        return TaskResult(row)

    return _run_pool(stream, fn, jobs, settings, options.start_method, crashed)


def _stream_rows(
    results: Iterable[TaskResult],
    journal: Journal,
    options: ScreenOptions,
    progress: Progress | None,
    reused: Sequence[ScreenRow],
    total: int,
) -> tuple[list[ScreenRow], int]:
    """Journal each finished candidate (and write its report); return the rows and how many
    files were analysed."""
    rows: list[ScreenRow] = []
    analysed = 0
    try:
        for result in results:
            row = result.row
            if result.report_html is not None and options.reports_dir is not None:
                target = _join(options.reports_dir, report_name(row))
                write_atomic(Path(target), result.report_html)
                row = replace(row, report=target.replace(os.sep, "/"))
            if row.sha256:
                analysed += 1
            rows.append(row)
            journal.append(row)
            if progress is not None:
                progress(len(rows) + len(reused), total)
    finally:
        journal.close()
    return rows, analysed


def _write_outputs(
    ranked: Sequence[ScreenRow],
    posting: JobPosting,
    options: ScreenOptions,
    journal_file: Path | None,
) -> str:
    """Render the ranked rows; write the output (replacing the journal) and the summary."""
    output_dir = None
    if options.output not in (None, "-"):
        output_dir = os.path.dirname(options.output or "") or "."
    context = RenderContext(
        posting_title=posting.title,
        min_score=options.min_score,
        include_contact=options.include_contact,
        output_dir=output_dir,
        width=options.width if options.output in (None, "-") else None,
    )
    text = render(ranked, options.fmt, context)
    if options.output not in (None, "-"):
        write_atomic(Path(options.output or ""), text)
        if journal_file is not None and journal_file != Path(options.output or ""):
            journal_file.unlink(missing_ok=True)
    if options.summary:
        markdown = (
            text
            if options.fmt is ScreenFormat.MARKDOWN
            else render(ranked, ScreenFormat.MARKDOWN, context)
        )
        with open(
            options.summary, "a", encoding="utf-8", errors="backslashreplace", newline="\n"
        ) as handle:
            handle.write(markdown)
    return text


def run_screen(
    inputs: Sequence[str],
    posting: JobPosting,
    settings: Settings = Settings(),
    options: ScreenOptions = DEFAULT_OPTIONS,
    progress: Progress | None = None,
) -> ScreenResult:
    """Screen many resumes against one posting and return (and write) the ranked shortlist.

    ``inputs`` are files, folders (searched recursively for PDF, DOCX, TXT and MD) and globs.
    Files that cannot be read become rows with status "error"; they never stop the run. When
    ``options.output`` is a file, the rendered output is written there atomically at the end,
    and finished candidates are streamed to a journal meanwhile (see the module docstring).
    Raises NoInputsError, ScreenUsageError or OutputOntoInput (exit code 2) for arguments that
    do not fit.
    """
    _check_options(options)
    journal_file = journal_path(options)
    files = _collect(inputs, posting, options, journal_file)
    key = run_key(
        posting, settings, include_contact=options.include_contact, anonymize=options.anonymize
    )
    notes: list[str] = []
    want_report = _reports_wanted(options, notes)
    reusable, resume_notes = _reusable_rows(journal_file, key, options)
    notes.extend(resume_notes)
    # The journal starts with the rows --resume may reuse; new ones are appended as they finish.
    journal = Journal(journal_file, list(reusable.values()))
    reused: list[ScreenRow] = []
    stream = _prepare(files, settings, options, key, reusable, reused)
    results = _analyse(stream, len(files), posting, settings, options, key, want_report)
    # _prepare fills `reused` while the stream is consumed; progress counts it as it grows.
    rows, analysed = _stream_rows(results, journal, options, progress, reused, len(files))
    ranked = rank_rows([*reused, *rows])
    text = _write_outputs(ranked, posting, options, journal_file)
    return ScreenResult(
        rows=ranked, text=text, analysed=analysed, notes=tuple(notes), min_score=options.min_score
    )
