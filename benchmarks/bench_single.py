"""Benchmark one resume at a time: mlcheck's full analysis next to bare text extraction.

For each file (the shipped example, a generated two-page resume, and the corpus resumes in
../shared/corpus/resumes/ when that folder exists) it measures, in this one process:

- pypdfium2 text extraction (``PdfDocument(data)[i].get_textpage().get_text_range()``),
- pdfplumber text extraction (``page.extract_text()`` for every page),
- mlcheck's full analysis through the library (``analyze_resume(path, job=...)``) with the
  pipeline already loaded; the one-off start-up (imports, spaCy pipeline, taxonomy matchers,
  first posting analysis) is measured apart, in a fresh subprocess.

Each figure is the median of ``--repeat`` runs after one warm-up. Both CPU time of this process
(``time.process_time``, steady on a shared machine) and wall time are reported; the ratio uses
CPU time. Then ``mlcheck screen`` runs over ``--screen-n`` generated resumes with ``--jobs 1``
and ``--jobs 2`` (CLI in a subprocess, wall time) to show how the batch scales with cores.

Usage (from the repository root, test extras installed for reportlab)::

    python benchmarks/bench_single.py --repeat 7 --screen-n 50
"""

from __future__ import annotations

import argparse
import functools
import io
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EXAMPLE = ROOT / "examples" / "resume.pdf"
POSTING = ROOT / "examples" / "posting.txt"
CORPUS = (
    Path(os.environ.get("MLCHECK_SHARED") or Path(__file__).resolve().parents[2] / "shared")
    / "corpus"
    / "resumes"
)
PACKAGES = ("pdfplumber", "pdfminer.six", "pypdfium2", "spacy", "scikit-learn", "numpy")


def machine() -> str:
    """Describe the machine (as benchmarks/screen.py does), the load and the package versions."""
    from benchmarks.screen import machine as cpu_cores_python

    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{cpu_cores_python()}; load average {load}; " + ", ".join(versions)


def two_page_resume(folder: Path) -> Path:
    """Write a plain two-page ML-engineer resume with tests/pdf_factory."""
    from tests.pdf_factory import make_resume_pdf

    experience: list[str] = []
    for i in range(6):
        experience += [
            f"**Company {i} Inc., San Francisco, CA",
            f"**Machine Learning Engineer\tJan {2012 + 2 * i} - Dec {2013 + 2 * i}",
            "• Built a demand-forecasting service in PyTorch and LightGBM that cut stock-outs "
            f"by {10 + i}% across {100 + 20 * i} warehouses.",
            "• Deployed models as FastAPI services in Docker on Kubernetes (AWS EKS), serving "
            f"{i + 2}k requests/s at 45 ms p95 latency.",
            "• Moved feature pipelines to Spark on Databricks and tracked experiments in MLflow, "
            "cutting training time from 6 hours to 40 minutes.",
        ]
    return make_resume_pdf(
        folder / "generated_2page.pdf",
        name="Alex Example",
        contact_lines=["alex@example.com | +1 415 555 0100 | github.com/alexexample"],
        sections=[
            (
                "Summary",
                [
                    "Machine learning engineer with 8 years of experience shipping forecasting, "
                    "ranking and NLP models in Python, PyTorch and scikit-learn to production."
                ],
            ),
            ("Experience", experience),
            (
                "Projects",
                [
                    "**Open-source retrieval toolkit",
                    "• Wrote a retrieval-augmented QA library with FAISS and Hugging Face "
                    "Transformers; 1.2k GitHub stars.",
                ],
            ),
            ("Education", ["**MSc Computer Science, Example University\t2010 - 2012"]),
            (
                "Skills",
                [
                    "Python, SQL, PyTorch, TensorFlow, scikit-learn, pandas, NumPy, Spark, "
                    "Airflow, MLflow, Docker, Kubernetes, AWS, GCP, FastAPI, Git, Linux"
                ],
            ),
        ],
    )


def timed(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, tuple[float, float]]:
    """Return each function's median CPU and wall milliseconds over ``repeat`` rounds.

    The functions run in turns within each round (after one warm-up round), so a change of
    load on a shared machine falls on all of them alike and the ratios stay steady.
    """
    for fn in fns.values():
        fn()
    cpu: dict[str, list[float]] = {name: [] for name in fns}
    wall: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            c0, w0 = time.process_time(), time.perf_counter()
            fn()
            cpu[name].append((time.process_time() - c0) * 1000)
            wall[name].append((time.perf_counter() - w0) * 1000)
    return {name: (statistics.median(cpu[name]), statistics.median(wall[name])) for name in fns}


def pdfium_text(data: bytes) -> str:
    """Extract all text with pypdfium2 (no layout)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        parts = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(parts)
    finally:
        pdf.close()


def plumber_text(data: bytes) -> str:
    """Extract all text with pdfplumber's ``extract_text``."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def page_count(data: bytes) -> int:
    """Count pages with pypdfium2."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def startup() -> tuple[float, float]:
    """Time a fresh process from import to the first analysis done (CPU s, wall s)."""
    code = (
        "import time, resource\n"
        "w = time.perf_counter()\n"
        "from analyzer.api import analyze_resume\n"
        f"analyze_resume({str(EXAMPLE)!r}, job={str(POSTING)!r})\n"
        "u = resource.getrusage(resource.RUSAGE_SELF)\n"
        "print(u.ru_utime + u.ru_stime, time.perf_counter() - w)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def single(files: list[Path], repeat: int) -> None:
    """Print the per-resume table."""
    from analyzer.api import analyze_resume
    from analyzer.errors import MlcheckError

    cpu, wall = startup()
    print(
        f"Start-up (fresh process: imports, pipeline, first analysis of the example): "
        f"{cpu:.2f} s CPU, {wall:.2f} s wall\n"
    )
    analyze_resume(EXAMPLE, job=POSTING)  # load the pipeline in this process
    print(
        "| file | pages | pypdfium2 ms | pdfplumber ms | mlcheck ms | mlcheck/pdfplumber "
        "| wall ms (pdfium / plumber / mlcheck) |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for path in files:
        data = path.read_bytes()
        pages = page_count(data)
        try:
            figures = timed(
                {
                    "pdfium": functools.partial(pdfium_text, data),
                    "plumber": functools.partial(plumber_text, data),
                    "mlcheck": functools.partial(analyze_resume, path, job=POSTING),
                },
                repeat,
            )
        except MlcheckError as exc:
            print(f"| {path.name} | {pages} | | | error: {exc} | | |")
            continue
        fium, plumb, full = figures["pdfium"], figures["plumber"], figures["mlcheck"]
        print(
            f"| {path.name} | {pages} | {fium[0]:.1f} | {plumb[0]:.1f} | {full[0]:.1f} "
            f"| {full[0] / plumb[0]:.2f} | {fium[1]:.0f} / {plumb[1]:.0f} / {full[1]:.0f} |"
        )
        sys.stdout.flush()


def screen(n: int) -> None:
    """Generate ``n`` resumes and time ``mlcheck screen`` with --jobs 1 and 2."""
    from benchmarks.screen import generate

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "resumes"
        generate(folder, n)
        print(
            f"\n`mlcheck screen` over {n} generated one-page resumes "
            "(CLI in a subprocess, start-up included):\n"
        )
        print("| jobs (start method) | wall s | resumes/s | speed-up | CPU s (all processes) |")
        print("|---|---:|---:|---:|---:|")
        base = None
        for jobs, start in ((1, None), (2, "spawn"), (2, "fork")):
            command = [sys.executable, "-m", "analyzer.cli", "screen", str(folder)]
            command += ["--job", str(POSTING), "--jobs", str(jobs)]
            command += ["--output", str(Path(tmp) / f"o{jobs}{start}.jsonl")]
            if start:
                command += ["--start-method", start]
            cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(command, cwd=ROOT, check=False, capture_output=True, text=True)
            took = time.perf_counter() - started
            cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (
                cpu_before.ru_utime + cpu_before.ru_stime
            )
            label = f"{jobs} ({start})" if start else f"{jobs} (in process)"
            if done.returncode not in (0, 1):
                print(f"| {label} | failed ({done.returncode}): {done.stderr.strip()[-200:]} |||")
                continue
            base = base or took
            print(f"| {label} | {took:.1f} | {n / took:.2f} | {base / took:.2f} | {cpu:.1f} |")
            sys.stdout.flush()


def main() -> None:
    """Run the benchmark and print Markdown."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per figure")
    parser.add_argument("--screen-n", type=int, default=50, help="resumes for screen; 0 skips")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus folder")
    args = parser.parse_args()
    # pdfminer warns about every odd font descriptor; the figures are what this prints.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    print(f"Machine: {machine()}\n")
    with tempfile.TemporaryDirectory() as tmp:
        files = [EXAMPLE, two_page_resume(Path(tmp))]
        if CORPUS.is_dir() and not args.no_corpus:
            files += sorted(CORPUS.glob("*.pdf"))
        single(files, args.repeat)
    if args.screen_n:
        screen(args.screen_n)


if __name__ == "__main__":
    main()
