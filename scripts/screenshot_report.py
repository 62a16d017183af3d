"""Render mlcheck's HTML outputs and screenshot them in headless Chromium (desktop and phone).

Usage (from the repository root):

    python scripts/screenshot_report.py            # every shot below
    python scripts/screenshot_report.py --only report pages-hidden

Shots (each at 1280 px and 390 px wide, written as docs/<shot>-desktop.png, -phone.png):

- ``report``: the top of the example's report (examples/resume.pdf against examples/posting.txt)
- ``pages-example``: the example report's "pages as read" part (page image + overlay)
- ``pages-two-column``: the same part for a two-column corpus resume (Deedy)
- ``pages-hidden``: the same part for a resume hiding keywords under a white box
  (tests/hidden_pdfs.py)
- ``posting``: the example report's "posting beside the resume" part
- ``screen``: ``mlcheck screen`` HTML overview of the corpus resumes against the example posting

A part is shown by hiding the report's other parts with one added CSS rule (Chromium's
--screenshot ignores a #fragment). Corpus shots need ../shared/corpus (MLCHECK_SHARED) and are
skipped without it. Screenshots are reduced to 256 colours to stay small. Needs a Chromium binary
(Debian: ``apt-get install -y chromium``); nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXAMPLE_RESUME = ROOT / "examples" / "resume.pdf"
EXAMPLE_POSTING = ROOT / "examples" / "posting.txt"
WIDTHS = {"desktop": 1280, "phone": 390}
COLOURS = 256
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)

log = logging.getLogger("screenshot_report")


def find_chromium() -> str:
    """Return the path of a Chromium binary, or exit with a hint."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("screenshot_report: no chromium found (apt-get install -y chromium)")


def only_part(html: str, part: str) -> str:
    """Return the report showing its header and one part (by section id) only."""
    rule = f"<style>nav.toc, main > section:not(#{part}), footer {{ display: none; }}</style>"
    return html.replace("</head>", rule + "\n</head>", 1)


def report_html(resume: Path, posting: Path | None) -> str:
    """Return the HTML report of one resume (against a posting, when given)."""
    from analyzer.api import analyze_resume
    from analyzer.report import ReportFormat, render

    return render(analyze_resume(resume, job=posting), ReportFormat.HTML)


def corpus() -> Path | None:
    """Return the shared corpus folder, when present."""
    from tests.shared import CORPUS

    return CORPUS if CORPUS.is_dir() else None


def example_report() -> str:
    """The example's report."""
    return report_html(EXAMPLE_RESUME, EXAMPLE_POSTING)


def two_column_pages() -> str | None:
    """The pages part for Deedy's two-column resume."""
    folder = corpus()
    if folder is None:
        return None
    resume = folder / "resumes" / "deedy__deedy_resume-openfont.pdf"
    return only_part(report_html(resume, EXAMPLE_POSTING), "pages")


def hidden_pages() -> str:
    """The pages part for a resume hiding keywords under a white rectangle."""
    from tests.hidden_pdfs import hidden_pdf

    folder = Path(tempfile.mkdtemp(prefix="mlcheck-shot-"))
    resume = hidden_pdf(folder / "hidden_under_white_rectangle.pdf", "under_white_rectangle")
    return only_part(report_html(resume, None), "pages")


def screen_overview() -> str | None:
    """The screen HTML overview of the corpus resumes against the example posting."""
    folder = corpus()
    if folder is None:
        return None
    from click.testing import CliRunner

    from analyzer.cli.app import main as cli

    resumes = sorted(p.name for p in (folder / "resumes").glob("*.pdf"))[:8]
    here = Path.cwd()
    os.chdir(folder / "resumes")  # candidates named by file name, as a recruiter's folder
    try:
        result = CliRunner().invoke(
            cli, ["screen", "-j", str(EXAMPLE_POSTING), "-f", "html", "--jobs", "1", *resumes]
        )
    finally:
        os.chdir(here)
    if result.exit_code not in (0, 1):
        sys.exit(f"screenshot_report: mlcheck screen failed:\n{result.output[-2000:]}")
    return result.stdout


SHOTS: dict[str, tuple[Callable[[], str | None], dict[str, int]]] = {
    "report": (example_report, {"desktop": 2400, "phone": 2400}),
    "pages-example": (
        lambda: only_part(example_report(), "pages"),
        {"desktop": 1250, "phone": 1450},
    ),
    "pages-two-column": (two_column_pages, {"desktop": 1150, "phone": 1000}),
    "pages-hidden": (hidden_pages, {"desktop": 1150, "phone": 1000}),
    "posting": (lambda: only_part(example_report(), "posting"), {"desktop": 900, "phone": 1200}),
    "screen": (screen_overview, {"desktop": 1100, "phone": 1600}),
}
"""Shot name -> (what to render, window height per width)."""


def screenshot(chromium: str, html_path: Path, png: Path, size: tuple[int, int]) -> None:
    """Take one screenshot of a local file at the given window size, reduced to few colours."""
    from PIL import Image

    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mlcheck-chromium-") as profile:
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size={size[0]},{size[1]}",
            html_path.resolve().as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or not png.exists():
        sys.exit(f"screenshot_report: chromium failed for {png}:\n{result.stderr[-2000:]}")
    with Image.open(png) as image:
        # Octree keeps small distinct swatches (the legend's keys) apart; median cut merged them.
        small = image.convert("RGB").quantize(
            colors=COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    small.save(png, optimize=True)
    log.info("wrote %s (%d KB)", png, png.stat().st_size // 1024)


def main(argv: list[str] | None = None) -> None:
    """Render each shot's HTML and take its desktop and phone screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=sorted(SHOTS), help="Take these shots only.")
    parser.add_argument("--html", type=Path, default=ROOT / "out" / "shots")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    logging.getLogger("analyzer").setLevel(logging.WARNING)

    chromium = find_chromium()
    args.html.mkdir(parents=True, exist_ok=True)
    for name in args.only or SHOTS:
        make, heights = SHOTS[name]
        html = make()
        if html is None:
            log.warning("skipped %s: the shared corpus is not here (MLCHECK_SHARED)", name)
            continue
        html_path = args.html / f"{name}.html"
        html_path.write_text(html, encoding="utf-8")
        for device, width in WIDTHS.items():
            png = args.docs / f"{name}-{device}.png"
            screenshot(chromium, html_path, png, (width, heights[device]))


if __name__ == "__main__":
    main()
