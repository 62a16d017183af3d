"""One command for issue 12's figures: mlcheck next to the floor and pdfplumber, start-up,
screen throughput and the peak memory of hostile PDFs, side by side in one run.

Prints Markdown:

1. the machine (CPU model, cores, load average, Python and package versions);
2. per corpus resume, warm (resources loaded once in this process), median CPU ms of
   - the floor: pypdfium2 text + spaCy's blank English tokenizer + a PhraseMatcher over the
     taxonomy's skill names and aliases,
   - bare pdfplumber ``extract_text`` of every page,
   - mlcheck's full analysis with the example posting (``analyze_resume(path, job=...)``),
   and the median ratio mlcheck/floor (target <= 5) and mlcheck/pdfplumber (target < 1 each);
   the warm loops run as a screen worker does (loaded resources frozen out of the collector);
2b. where that analysis spends its CPU: the pre-flight, pdfium's characters, their ink (and
   the renders in it), the analysis after reading and the rest, in multiples of the floor;
3. CPU seconds of ``mlcheck examples/resume.pdf --job examples/posting.txt`` (target <= 2.0)
   and ``mlcheck --version`` (target < 0.15), each a subprocess, median of --runs, with
   mlcheck's bytecode compiled first (as pip does for an installed copy);
4. ``mlcheck screen`` over --screen-n copies of the corpus under distinct names, --jobs 1 and
   --jobs 2 (target >= 15 resumes/s and >= 1.7x);
5. the peak RSS of reading the worst hostile PDFs under the default limits (target < 1 GiB).

CPU time (``time.process_time``, ``RUSAGE_CHILDREN``) is what is compared: on a shared machine
wall time swings with the other jobs, CPU time much less. Rounds are interleaved and medians
taken. Usage, from the repository root::

    python benchmarks/bench_reader.py --repeat 5 --runs 5 --screen-n 500
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import json
import logging
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_single import (  # noqa: E402
    CORPUS,
    EXAMPLE,
    POSTING,
    pdfium_text,
    plumber_text,
    timed,
)

PACKAGES = ("pypdfium2", "pdfplumber", "pdfminer.six", "spacy", "numpy", "click")
GIB = 1024**3


def machine() -> str:
    """Describe the machine the way lscpu would, plus the load and the package versions."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / GIB
        ram = f"{memory:.1f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        ram = "RAM unknown"
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return (
        f"{model}; {os.cpu_count()} CPUs; {ram}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; load average {load} at the start; "
        + ", ".join(versions)
    )


# --------------------------------------------------------------------------- the floor


@functools.lru_cache(maxsize=1)
def floor_tools() -> tuple[object, object]:
    """Return spaCy's blank English pipeline and a PhraseMatcher over the taxonomy's names."""
    import spacy
    from spacy.matcher import PhraseMatcher

    from analyzer.nlp.taxonomy import load_taxonomy

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    taxonomy = load_taxonomy()
    for skill in taxonomy.skills:
        names = [skill.name, *skill.aliases]
        matcher.add(skill.name, [nlp.make_doc(name) for name in names])
    return nlp, matcher


def floor(data: bytes) -> int:
    """pypdfium2 text, tokenized by spaCy's blank English tokenizer, matched to the taxonomy."""
    nlp, matcher = floor_tools()
    text = pdfium_text(data)
    doc = nlp.make_doc(text)  # type: ignore[attr-defined]
    return len(matcher(doc))  # type: ignore[operator]


def warm_up() -> None:
    """Load the resources once, as a warm process has them, and set its collector up.

    A warm mlcheck process is a screen worker: it freezes what it loaded out of the garbage
    collector's reach (screen/work.py init_worker) and runs with the command line's
    thresholds (cli/app.py), so the loops are measured the same way.
    """
    from analyzer.api import analyze_resume
    from analyzer.cli.app import GC_THRESHOLD

    analyze_resume(EXAMPLE, job=POSTING)
    floor(EXAMPLE.read_bytes())
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def single(files: list[Path], repeat: int) -> None:
    """Print the per-resume table: floor, pdfplumber, mlcheck (warm) and the ratios."""
    from analyzer.api import analyze_resume

    warm_up()
    print("## One resume, warm (median CPU ms)\n")
    print("| file | floor | pdfplumber | mlcheck | mlcheck / floor | mlcheck / pdfplumber |")
    print("|---|---:|---:|---:|---:|---:|")
    to_floor, to_plumber = [], []
    for path in files:
        data = path.read_bytes()
        fns: dict[str, Callable[[], object]] = {
            "floor": functools.partial(floor, data),
            "plumber": functools.partial(plumber_text, data),
            "mlcheck": functools.partial(analyze_resume, path, job=POSTING),
        }
        figures = timed(fns, repeat)
        low, plumb, full = (figures[k][0] for k in ("floor", "plumber", "mlcheck"))
        to_floor.append(full / low)
        to_plumber.append(full / plumb)
        mark = "" if full < plumb else " **(slower)**"
        print(
            f"| {path.name} | {low:.1f} | {plumb:.1f} | {full:.1f} | {full / low:.2f} "
            f"| {full / plumb:.2f}{mark} |"
        )
        sys.stdout.flush()
    slower = sum(1 for r in to_plumber if r >= 1)
    print(
        f"\nMedian mlcheck/floor: **{statistics.median(to_floor):.2f}x** (target <= 5); "
        f"median mlcheck/pdfplumber: {statistics.median(to_plumber):.2f}; "
        f"slower than pdfplumber on {slower} of {len(files)} files (target: none).\n"
    )


STAGES = {
    "pre-flight (pdfminer)": ("analyzer.documents.pdf", "check_pdf"),
    "pdfium characters": ("analyzer.documents.pdf_chars", "page_chars"),
    "ink (renders and comparison)": ("analyzer.documents.pdf_chars", "measure_ink"),
    "of which pdfium renders": ("analyzer.documents.pdf_chars", "_render"),
    "skills, matching, advice": ("analyzer.api", "analyze_document"),
}
"""Stages timed apart: (module, function) as the caller looks the function up."""


def stages(files: list[Path], repeat: int) -> None:
    """Print where a warm analysis spends its CPU, each stage in multiples of the floor."""
    from analyzer.api import analyze_resume

    warm_up()
    spent: dict[str, float] = {}

    def timed_stage(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - started

        return run

    originals = []
    for name, (module_name, attr) in STAGES.items():
        module = importlib.import_module(module_name)
        originals.append((module, attr, getattr(module, attr)))
        setattr(module, attr, timed_stage(name, getattr(module, attr)))
    shares: dict[str, list[float]] = {name: [] for name in [*STAGES, "rest", "total"]}
    try:
        for path in files:
            data = path.read_bytes()
            runs = []
            for _ in range(repeat):
                spent.clear()
                started = time.process_time()
                analyze_resume(path, job=POSTING)
                total = time.process_time() - started
                started = time.process_time()
                floor(data)
                runs.append((total, time.process_time() - started, dict(spent)))
            total, low, parts = min(runs, key=lambda run: run[0])
            for name in STAGES:
                shares[name].append(parts.get(name, 0.0) / low)
            top_level = sum(v for k, v in parts.items() if k != "of which pdfium renders")
            shares["rest"].append((total - top_level) / low)
            shares["total"].append(total / low)
    finally:
        for module, attr, fn in originals:
            setattr(module, attr, fn)
    print("## Where a warm analysis spends its CPU (multiples of the floor, medians)\n")
    print("| stage | x floor |")
    print("|---|---:|")
    for name, values in shares.items():
        label = "layout, sections, entries, the rest" if name == "rest" else name
        print(f"| {label} | {statistics.median(values):.2f} |")
    print()


# --------------------------------------------------------------------------- subprocesses


def child_cpu(command: list[str], cwd: Path = ROOT) -> tuple[float, float, int, int]:
    """Run a command; return its CPU seconds, wall seconds, peak RSS in bytes and exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    # ru_maxrss of the children is the largest of all children so far; peak_rss measures
    # memory inside each child instead.
    return cpu, wall, after.ru_maxrss * 1024, done.returncode


def cli(*args: str) -> list[str]:
    """The mlcheck command line, run from this checkout."""
    return [sys.executable, "-m", "analyzer.cli", *args]


def startup(runs: int) -> None:
    """Print the CPU seconds of the example check and of --version, medians of ``runs``."""
    # pip compiles an installed copy's bytecode; a checkout run with PYTHONDONTWRITEBYTECODE
    # (set on this machine) would compile mlcheck's sources again in every process (0.15 s).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "analyzer")], check=True)
    check = cli(str(EXAMPLE), "--job", str(POSTING))
    version = cli("--version")
    cpu: dict[str, list[float]] = {"check": [], "version": []}
    for _ in range(runs):
        cpu["check"].append(child_cpu(check)[0])
        cpu["version"].append(child_cpu(version)[0])
    print("## Start-up (fresh process, median CPU s)\n")
    print("| command | CPU s | runs | target |")
    print("|---|---:|---|---|")
    print(
        f"| `mlcheck examples/resume.pdf --job examples/posting.txt` "
        f"| {statistics.median(cpu['check']):.2f} "
        f"| {', '.join(f'{x:.2f}' for x in cpu['check'])} | <= 2.0 |"
    )
    print(
        f"| `mlcheck --version` | {statistics.median(cpu['version']):.3f} "
        f"| {', '.join(f'{x:.2f}' for x in cpu['version'])} | < 0.15 |\n"
    )


def screen(files: list[Path], n: int) -> None:
    """Print screen throughput over ``n`` copies of the corpus with --jobs 1 and --jobs 2."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "resumes"
        folder.mkdir()
        for i in range(n):
            source = files[i % len(files)]
            shutil.copyfile(source, folder / f"{i:04d}-{source.name}")
        print(f"## `mlcheck screen` of {n} resumes (copies of the corpus), start-up included\n")
        print("| --jobs | wall s | resumes/s | speed-up | CPU s (all processes) |")
        print("|---:|---:|---:|---:|---:|")
        base = None
        for jobs in (1, 2):
            output = Path(tmp) / f"out{jobs}.jsonl"
            command = cli("screen", str(folder), "--job", str(POSTING), "--jobs", str(jobs))
            cpu, wall, _rss, code = child_cpu([*command, "-o", str(output)])
            if code not in (0, 1, 5):
                print(f"| {jobs} | failed with exit code {code} | | | |")
                continue
            base = base or wall
            print(f"| {jobs} | {wall:.1f} | {n / wall:.1f} | {base / wall:.2f} | {cpu:.1f} |")
            sys.stdout.flush()
        print("\nTargets: >= 15 resumes/s with --jobs 1, --jobs 2 >= 1.7x (on an idle machine).\n")


# --------------------------------------------------------------------------- hostile PDFs


def hostile_cases() -> dict[str, bytes]:
    """The worst hostile PDFs: bombs, many pages, dense text operators, one huge line."""
    from tests.robustness.hostile import (
        flate_bomb_pdf,
        many_pages_pdf,
        single_line_pdf,
        text_operators_pdf,
    )

    return {
        "flate bomb, 2 layers": flate_bomb_pdf(layers=2),
        "flate bomb, 1 layer": flate_bomb_pdf(layers=1),
        "5000 pages": many_pages_pdf(5000),
        "5000 pages, /Count says 1": many_pages_pdf(5000, declared_count=1),
        "~60 MB of `(ab) Tj` operators": text_operators_pdf(),
        "one 1.1 MB line": single_line_pdf(),
    }


PEAK_CODE = """
import json, resource, sys
from analyzer.documents import read_document
from analyzer.errors import MlcheckError
try:
    read_document(sys.argv[1])
    outcome = "read"
except MlcheckError as error:
    outcome = f"exit {error.exit_code}: {error}"
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"outcome": outcome, "peak": peak}))
"""


def peak_rss() -> None:
    """Print the peak RSS of reading each hostile PDF in a fresh process, default limits."""
    print("## Peak memory of hostile PDFs (default limits, a fresh process each)\n")
    print("| case | file size | peak RSS MiB | outcome |")
    print("|---|---:|---:|---|")
    worst = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in hostile_cases().items():
            path = Path(tmp) / "hostile.pdf"
            path.write_bytes(data)
            done = subprocess.run(
                [sys.executable, "-c", PEAK_CODE, str(path)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            try:
                report = json.loads(done.stdout.strip().splitlines()[-1])
            except (IndexError, ValueError):
                print(f"| {name} | {len(data):,} | - | crashed: {done.stderr.strip()[-150:]} |")
                continue
            worst = max(worst, report["peak"])
            outcome = report["outcome"].replace(str(path), "hostile.pdf").replace("|", "/")
            print(f"| {name} | {len(data):,} | {report['peak'] / 2**20:.0f} | {outcome} |")
            sys.stdout.flush()
    verdict = "below" if worst < GIB else "**above**"
    print(f"\nWorst peak: {worst / 2**20:.0f} MiB, {verdict} the 1 GiB target.\n")


def main() -> None:
    """Run every part and print Markdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds per per-resume figure")
    parser.add_argument("--runs", type=int, default=5, help="runs of each start-up command")
    parser.add_argument("--screen-n", type=int, default=500, help="resumes to screen; 0 skips")
    parser.add_argument(
        "--parts",
        nargs="+",
        default=["single", "stages", "startup", "screen", "memory"],
        choices=["single", "stages", "startup", "screen", "memory"],
    )
    args = parser.parse_args()
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    # Subprocesses import this checkout's analyzer, not an installed copy.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    print(f"Machine: {machine()}\n")
    files = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
    if not files:
        files = [EXAMPLE]
        print(f"(no corpus at {CORPUS}: the example only)\n")
    # Memory first: Linux keeps a process's RSS high-water mark across exec, so a child forked
    # from this process once it holds the NLP resources would report their size as its peak.
    if "memory" in args.parts:
        peak_rss()
    if "single" in args.parts:
        single(files, args.repeat)
    if "stages" in args.parts:
        stages(files, args.repeat)
    if "startup" in args.parts:
        startup(args.runs)
    if "screen" in args.parts and args.screen_n:
        screen(files, args.screen_n)


if __name__ == "__main__":
    main()
