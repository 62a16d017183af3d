"""The mlcheck command line: thin click commands over the analyzer library.

    app.py        the `mlcheck` group (a resume as first argument means `check`)
    resume.py     check, parse        portfolio.py  github, repo
    render.py     render a saved JSON analysis again, in another form
    screen.py     screen many resumes against one posting
    options.py    options shared by the commands, each defined once
    output.py     the output forms, the suffix map, writing a result once
    errors.py     the one error handler: one stderr line and the documented exit code

Nothing in the library imports this package.
"""

from __future__ import annotations

from analyzer.cli.app import main
from analyzer.cli.options import GITHUB_API_URL, GITHUB_MAX_REPOS

__all__ = ["GITHUB_API_URL", "GITHUB_MAX_REPOS", "main"]
