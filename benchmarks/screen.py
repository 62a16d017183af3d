"""Benchmark `mlcheck screen`: resumes per second and peak memory, next to bare text extraction.

Generates N synthetic one-page PDF resumes (reportlab, seeded, varied content), then measures,
each in a fresh subprocess so peak memory is its own:

- pypdfium2 text extraction of every file (the floor: reading without layout),
- pdfplumber ``extract_text`` of every file (the PDF library the reader is built on),
- ``run_screen`` with --jobs 1 (in process) and --jobs 2 (process pool), the whole analysis.

Prints the machine, its load average, and a Markdown table. Wall time depends on what else
runs on the machine; CPU time (this process and its workers, user + system) does not, so
compare that when the machine is shared. Usage (from the repository root)::

    python benchmarks/screen.py --n 100 1000 --jobs 1 2

Peak memory is the largest resident set of the measuring process and, for the pool, of its
largest worker (``resource.getrusage``'s ``ru_maxrss``; Linux reports KiB).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

POSTING = """Machine Learning Engineer

Requirements
- 3+ years of experience building machine learning systems in production.
- Strong Python and SQL.
- Hands-on experience with PyTorch or TensorFlow, and with scikit-learn.
- Experience deploying models with Docker and Kubernetes, and CI/CD.
- Experience with AWS (S3, SageMaker or EC2).

Nice to have
- MLflow, Airflow, Spark.
"""

FIRST = ["Alex", "Sam", "Jordan", "Maya", "Ravi", "Lena", "Omar", "Chen", "Ines", "Tomas"]
LAST = ["Okafor", "Smith", "Garcia", "Novak", "Tanaka", "Haddad", "Silva", "Berg", "Kowalski"]
TITLES = [
    "Machine Learning Engineer",
    "Data Scientist",
    "ML Engineer",
    "Data Analyst",
    "Software Engineer",
    "Research Engineer",
]
SKILLS = [
    "Python",
    "SQL",
    "PyTorch",
    "TensorFlow",
    "scikit-learn",
    "Docker",
    "Kubernetes",
    "AWS",
    "GCP",
    "MLflow",
    "Airflow",
    "Spark",
    "pandas",
    "NumPy",
    "XGBoost",
    "FastAPI",
    "Kafka",
    "Java",
    "C++",
    "Tableau",
    "Excel",
]
VERBS = [
    "Built",
    "Deployed",
    "Designed",
    "Cut",
    "Trained",
    "Automated",
    "Led",
    "Migrated",
    "Worked on",
    "Responsible for",
    "Helped with",
]
OBJECTS = [
    "a demand-forecasting service",
    "a churn model",
    "feature pipelines",
    "a fraud classifier",
    "model monitoring",
    "a recommendation engine",
    "an NLP ticket router",
    "the CI/CD pipeline",
    "data quality checks",
]
RESULTS = [
    "that cut latency by {n}%",
    "serving {n}k requests/s",
    "saving ${n}0k a year",
    "raising recall by {n}%",
    "for the analytics team",
    "across {n} markets",
    "",
]


def make_resume(rng: random.Random, index: int) -> list[tuple[str, str]]:
    """Return (kind, text) lines of one varied resume."""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    skills = rng.sample(SKILLS, rng.randint(3, 12))
    lines = [
        ("name", name),
        ("text", rng.choice(TITLES)),
        ("text", f"candidate{index}@example.com | +1 555 {index:07d} | Remote"),
        ("heading", "Summary"),
        (
            "text",
            f"{rng.choice(TITLES)} with {rng.randint(1, 12)} years of experience in "
            f"{', '.join(skills[:3])}.",
        ),
        ("heading", "Experience"),
    ]
    year = 2025
    for _ in range(rng.randint(1, 3)):
        span = rng.randint(1, 4)
        lines.append(("bold", f"{rng.choice(TITLES)}, Company {rng.randint(1, 999)}"))
        lines.append(("text", f"Jan {year - span} - Dec {year}"))
        year -= span + 1
        for _ in range(rng.randint(2, 5)):
            result = rng.choice(RESULTS).format(n=rng.randint(2, 90))
            tool = rng.choice(skills)
            lines.append(
                (
                    "bullet",
                    f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} in {tool} {result}".strip() + ".",
                )
            )
    lines += [
        ("heading", "Skills"),
        ("text", ", ".join(skills)),
        ("heading", "Education"),
        (
            "text",
            rng.choice(["B.Sc. Computer Science", "M.Sc. Statistics", "BA Economics"])
            + f", University {rng.randint(1, 50)}, {rng.randint(2005, 2020)}",
        ),
    ]
    return lines


def write_pdf(path: Path, lines: list[tuple[str, str]]) -> None:
    """Write one resume as a one-page PDF."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=LETTER, invariant=1)
    y = 750.0
    for kind, text in lines:
        size = {"name": 18.0, "heading": 12.0}.get(kind, 10.0)
        font = "Helvetica-Bold" if kind in ("name", "heading", "bold") else "Helvetica"
        if kind == "heading":
            y -= 8
        canvas.setFont(font, size)
        if kind == "bullet":
            canvas.drawString(54, y, "\u2022")
        canvas.drawString(66 if kind == "bullet" else 54, y, text[:110])
        y -= size + 4
    canvas.showPage()
    canvas.save()


def generate(folder: Path, n: int, seed: int = 7) -> None:
    """Write n resumes into folder (skipped when already there)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i in range(n):
        path = folder / f"resume-{i:05d}.pdf"
        lines = make_resume(rng, i)
        if not path.exists():
            write_pdf(path, lines)


def _cpu_seconds() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def _peak_kib() -> tuple[int, int]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return own, children


def measure(kind: str, folder: Path, jobs: int, start_method: str = "spawn") -> dict[str, float]:
    """Run one measurement in this process and return its figures."""
    sys.path.insert(0, str(ROOT))
    files = sorted(folder.glob("*.pdf"))
    if kind == "pdfium":
        import pypdfium2 as pdfium

        start, cpu_start = time.perf_counter(), _cpu_seconds()
        for path in files:
            pdf = pdfium.PdfDocument(path.read_bytes())
            "".join(page.get_textpage().get_text_range() for page in pdf)
            pdf.close()
    elif kind == "pdfplumber":
        import pdfplumber

        start, cpu_start = time.perf_counter(), _cpu_seconds()
        for path in files:
            with pdfplumber.open(path) as pdf:
                "".join(page.extract_text() or "" for page in pdf.pages)
    else:
        from analyzer.api import load_posting
        from analyzer.screen import ScreenOptions, run_screen
        from analyzer.settings import Settings

        settings = Settings()
        # The posting and the resources are part of the cost.
        start, cpu_start = time.perf_counter(), _cpu_seconds()
        posting = load_posting("-", settings, stdin_text=POSTING)
        result = run_screen(
            [str(folder)], posting, settings, ScreenOptions(jobs=jobs, start_method=start_method)
        )
        errors = len(result.errors)
        if errors:
            print(f"warning: {errors} files could not be screened", file=sys.stderr)
    elapsed = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu_start
    own, children = _peak_kib()
    return {
        "seconds": elapsed,
        "cpu": cpu,
        "per_second": len(files) / elapsed,
        "own_kib": own,
        "children_kib": children,
    }


def machine() -> str:
    """Describe the machine: CPU model, cores, Python."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores, Python {platform.python_version()} "
        f"({platform.system()} {platform.machine()})"
    )


def run_child(kind: str, folder: Path, jobs: int, start_method: str) -> dict[str, float]:
    """Measure in a fresh interpreter so each peak memory is its own."""
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--measure",
            kind,
            "--dir",
            str(folder),
            "--jobs",
            str(jobs),
            "--start-methods",
            start_method,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Parse the arguments, generate, measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dir", type=Path, default=None, help="where to keep generated PDFs")
    parser.add_argument(
        "--start-methods",
        nargs="+",
        default=["spawn"],
        choices=["spawn", "forkserver", "fork"],
        help="pool start methods to measure for jobs > 1",
    )
    parser.add_argument("--measure", choices=["pdfium", "pdfplumber", "screen"], default=None)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.dir, args.jobs[0], args.start_methods[0])))
        return

    base = args.dir or Path(tempfile.gettempdir()) / "mlcheck-bench"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Machine: {machine()}; load average at start: {load}\n")
    print(
        "| N | what | jobs | wall s | resumes/s | CPU s | peak RSS main (MiB) "
        "| peak RSS worker (MiB) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for n in args.n:
        folder = base / f"n{n}"
        generate(folder, n)
        runs = [("pdfium", 1, "-"), ("pdfplumber", 1, "-")]
        for jobs in args.jobs:
            methods = args.start_methods if jobs > 1 else ["-"]
            runs += [("screen", jobs, method) for method in methods]
        for kind, jobs, method in runs:
            r = run_child(kind, folder, jobs, method if method != "-" else "spawn")
            label = {
                "pdfium": "pypdfium2 text (floor)",
                "pdfplumber": "pdfplumber extract_text",
                "screen": "mlcheck screen",
            }[kind]
            if method != "-":
                label += f" ({method})"
            worker = f"{r['children_kib'] / 1024:.0f}" if kind == "screen" and jobs > 1 else "-"
            print(
                f"| {n} | {label} | {jobs} | {r['seconds']:.1f} | {r['per_second']:.1f} | "
                f"{r['cpu']:.1f} | "
                f"{r['own_kib'] / 1024:.0f} | {worker} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
