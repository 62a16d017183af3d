"""The `mlcheck` group: `mlcheck resume.pdf ...` means `mlcheck check resume.pdf ...`."""

from __future__ import annotations

import atexit
import gc
from collections.abc import Sequence
from typing import Any

import click

from analyzer import __version__
from analyzer.cli.portfolio import github, repo
from analyzer.cli.render import render
from analyzer.cli.resume import check, parse
from analyzer.cli.screen import screen

COMMANDS_WITHOUT_DEFAULT = {"--help", "-h", "--version"}

GC_THRESHOLD = (20_000, 10, 10)
"""The garbage collector's thresholds in an `mlcheck` process (Python's: 700, 10, 10).

Importing spaCy, scikit-learn and pdfplumber and building the pipeline leave some 130,000
long-lived objects; with Python's first threshold a one-resume check runs over 30 collections
of the older generations, each walking them all (0.3 s of CPU). A larger first threshold
makes those rare; cyclic garbage is still collected, and peak memory stayed the same."""


def _one_process_gc() -> None:
    """Tune the collector for a process that runs one mlcheck command and ends.

    The collector's thresholds are raised, and at exit everything left is frozen, so that the
    collections that run while the interpreter shuts down do not walk objects about to be
    freed anyway (another 0.3 s of CPU after a check's report is written).
    """
    gc.set_threshold(*GC_THRESHOLD)
    atexit.register(gc.freeze)


class DefaultToCheckGroup(click.Group):
    """A group where `mlcheck resume.pdf ...` means `mlcheck check resume.pdf ...`."""

    default_command = "check"

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        """Run the command line; as the program itself (no ``args``), tune the collector.

        A caller passing ``args`` (click's test runner, a script) runs in a process of its
        own whose collector is left alone.
        """
        if args is None:
            _one_process_gc()
        return super().main(args, *rest, **extra)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Insert the default command when the first argument is not a command."""
        if args and args[0] not in self.commands and args[0] not in COMMANDS_WITHOUT_DEFAULT:
            first_positional = next((a for a in args if not a.startswith("-")), None)
            if first_positional is not None and first_positional not in self.commands:
                args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(
    cls=DefaultToCheckGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""\b
Examples:
  mlcheck resume.pdf --job posting.txt            check a resume against a posting
  mlcheck resume.pdf --job posting.txt -o report.html
  mlcheck github octocat                          review a GitHub portfolio
  mlcheck resume.pdf --job posting.txt --github octocat   both, cross-checked
  mlcheck repo .                                  score a local repo's README and hygiene
  mlcheck parse resume.pdf --format json          see what mlcheck reads
  mlcheck render analysis.json -o report.html     render a saved --format json result again
  mlcheck screen resumes/ --job posting.txt --format csv -o shortlist.csv

Exit codes: 0 ok, 1 score below --fail-under, 2 usage error, 3 unreadable input,
4 GitHub error, 5 screen finished but some files could not be read.""",
)
@click.version_option(__version__, "-V", "--version", prog_name="mlcheck")
def main() -> None:
    """Check an ML engineer's resume and GitHub portfolio the way a hiring pipeline sees them.

    The resume (PDF, DOCX, TXT or Markdown) can be given directly: `mlcheck resume.pdf` is short
    for `mlcheck check resume.pdf`.
    """


for command in (check, parse, render, github, repo, screen):
    main.add_command(command)
