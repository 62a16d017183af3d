"""Render the example's HTML report and screenshot it in headless Chromium (desktop and phone).

Usage (from the repository root):

    python scripts/screenshot_report.py            # the shipped example, else the test sample
    python scripts/screenshot_report.py --sample   # always the hand-built test sample

Writes out/report.html, docs/report-desktop.png and docs/report-phone.png. Needs a Chromium
binary (Debian: ``apt-get install -y chromium``); nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_RESUME = ROOT / "examples" / "resume.pdf"
EXAMPLE_POSTING = ROOT / "examples" / "posting.txt"
SIZES = {"desktop": (1280, 2400), "phone": (390, 2400)}
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


def render_report(use_sample: bool) -> tuple[str, str]:
    """Return the HTML report and a word on where it came from."""
    sys.path.insert(0, str(ROOT))
    from analyzer.report import ReportFormat, render

    if not use_sample and EXAMPLE_RESUME.exists() and EXAMPLE_POSTING.exists():
        try:
            from analyzer.api import analyze_resume

            analysis = analyze_resume(EXAMPLE_RESUME, job=EXAMPLE_POSTING)
            return render(analysis, ReportFormat.HTML), "examples/resume.pdf + posting.txt"
        except (ImportError, NotImplementedError) as error:
            log.warning("the example pipeline is not ready (%s); using the test sample", error)
    from tests.report.sample import sample_analysis

    return render(sample_analysis(), ReportFormat.HTML), "tests/report/sample.py"


def screenshot(chromium: str, html_path: Path, png: Path, size: tuple[int, int]) -> None:
    """Take one screenshot of a local file at the given window size."""
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
    log.info("wrote %s", png)


def main(argv: list[str] | None = None) -> None:
    """Render the report and take the desktop and phone screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", action="store_true", help="Use the hand-built test sample.")
    parser.add_argument("--html", type=Path, default=ROOT / "out" / "report.html")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")

    html, source = render_report(args.sample)
    args.html.parent.mkdir(parents=True, exist_ok=True)
    args.html.write_text(html, encoding="utf-8")
    log.info("rendered %s from %s", args.html, source)
    chromium = find_chromium()
    for name, size in SIZES.items():
        screenshot(chromium, args.html, args.docs / f"report-{name}.png", size)


if __name__ == "__main__":
    main()
