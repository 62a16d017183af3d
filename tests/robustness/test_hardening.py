"""Hardening (issue 18): each attack found on the command line, reproduced and held off.

Every hostile file is generated in ``tmp_path``. The attacks: outputs written onto inputs,
non-UTF-8 file names, formula, terminal-escape, XML and Markdown injection through outputs,
decompression and unbounded reads that skip the limits, symlink loops, planted cache entries,
README symlinks out of a checkout, --resume after a finished run and raw library messages.
"""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from analyzer.cli import main
from tests.pdf_factory import make_resume_pdf

POSTING = """Machine Learning Engineer

Requirements
- 3+ years of experience with Python and SQL.
- PyTorch and Docker.
"""
RESUME = """Ada Lovelace
ada@example.com

EXPERIENCE
ML Engineer, Acme Corp, Jan 2020 - Present
- Cut inference latency by 40% with PyTorch and Docker

SKILLS
Python, PyTorch, SQL, Docker
"""
ESC = "\x1b]0;pwned\x07\x1b[2J"


def cli(*args: str, stdin: str | None = None) -> Result:
    """Run mlcheck with these arguments in this process."""
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture()
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with posting.txt and a folder resumes/ of one good resume."""
    (tmp_path / "posting.txt").write_text(POSTING, encoding="utf-8")
    folder = tmp_path / "resumes"
    folder.mkdir()
    (folder / "ada.txt").write_text(RESUME, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def screen(*args: str) -> Result:
    """Run `mlcheck screen ... --job posting.txt --jobs 1`."""
    return cli("screen", *args, "--job", "posting.txt", "--jobs", "1")


# --------------------------------------------------------------------------- injection


def test_csv_cells_that_open_a_formula_are_defused(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OWASP: a cell starting with = + - @ gets a leading quote, so no spreadsheet runs it."""
    folder = work / "formulas"
    folder.mkdir()
    for name in ("=HYPERLINK(1).txt", "+SUM(1).txt", "-2+3.txt", "@SUM(1).txt"):
        (folder / name).write_text(RESUME, encoding="utf-8")
    monkeypatch.chdir(folder)
    result = cli("screen", ".", "--job", "../posting.txt", "--jobs", "1", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(row["file"] for row in rows) == [
        "'+SUM(1).txt",
        "'-2+3.txt",
        "'=HYPERLINK(1).txt",
        "'@SUM(1).txt",
    ]
    assert all(row["candidate"].startswith("'") for row in rows)


def test_a_tel_link_that_is_not_a_number_is_no_phone(work: Path) -> None:
    """A PDF link tel:=cmd|... is data the author chose; it never becomes the phone cell."""
    make_resume_pdf(
        work / "resumes" / "tel.pdf",
        name="Ada Lovelace",
        contact_lines=["ada@example.com"],
        sections=[("Skills", ["Python, PyTorch, SQL, Docker"])],
        links=[("Call me", "tel:=cmd|' /C calc'!A0")],
    )
    result = screen("resumes/tel.pdf", "-f", "csv", "--include-contact")
    assert result.exit_code == 0, result.stderr
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["phone"] == ""


def test_a_tel_link_with_a_number_is_the_phone() -> None:
    """The fix keeps real tel: links: digits, spaces, ( ) . - and a leading +."""
    from analyzer.documents.contact import extract_contact
    from analyzer.rules import shipped_rules

    headings = shipped_rules().headings
    assert extract_contact("Ada Lovelace", headings, ["tel:+44%2020%207946%200958"]).phone == (
        "+44 20 7946 0958"
    )
    assert extract_contact("Ada Lovelace", headings, ["tel:=1+2"]).phone is None
    assert extract_contact("Ada Lovelace", headings, ["tel:-1234567890"]).phone is None


def test_control_characters_never_reach_the_terminal(work: Path) -> None:
    """ESC in a file name is shown escaped in the table and in the stderr lines."""
    (work / "resumes" / f"evil{ESC}.txt").write_text(RESUME, encoding="utf-8")
    (work / "resumes" / f"broken{ESC}.pdf").write_bytes(b"%PDF-1.7 not a pdf")
    result = screen("resumes")
    assert result.exit_code == 5
    for text in (result.stdout, result.stderr):
        assert not [ch for ch in text if ord(ch) < 32 and ch not in "\n"], repr(text)
    assert "evil\\x1b]0;pwned\\x07" in result.stdout
    assert "mlcheck: cannot read resumes/broken\\x1b" in result.stderr


def test_check_error_lines_escape_control_characters(work: Path) -> None:
    """The one-line error of `mlcheck check` quotes the path without its escape sequences."""
    result = cli(f"missing{ESC}.pdf", "--job", "posting.txt")
    assert result.exit_code == 3
    assert "\x1b" not in result.stderr
    assert "missing\\x1b]0;pwned" in result.stderr


def test_junit_is_valid_xml_whatever_the_names(work: Path) -> None:
    """Characters XML 1.0 forbids (ESC, BEL, other C0 controls) are removed; CI can parse it."""
    (work / "resumes" / f"evil{ESC}.txt").write_text(RESUME, encoding="utf-8")
    (work / "resumes" / f"broken{ESC}.pdf").write_bytes(b"%PDF-1.7 not a pdf")
    result = screen("resumes", "-f", "junit")
    assert result.exit_code == 5
    root = ET.fromstring(result.stdout.encode("utf-8"))
    names = sorted(case.get("name") or "" for case in root.iter("testcase"))
    assert names == [
        "resumes/ada.txt",
        "resumes/broken]0;pwned[2J.pdf",
        "resumes/evil]0;pwned[2J.txt",
    ]


def test_screen_markdown_leaves_no_mention_link_or_escape_live(work: Path) -> None:
    """The summary goes through the report's one Markdown escaper: @, www., ESC, | are inert."""
    name = f"@octocat www.evil.example |x| <b>{ESC}.txt"
    (work / "resumes" / name).write_text(RESUME, encoding="utf-8")
    result = screen("resumes", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "@octocat" not in result.stdout
    assert "www.evil" not in result.stdout
    assert "<b>" not in result.stdout
    assert "\\|x\\|" in result.stdout


# --------------------------------------------------------------------------- documents


def _docx_bytes(tmp_path: Path) -> bytes:
    from tests.pdf_factory import make_resume_docx

    path = make_resume_docx(
        tmp_path / "plain.docx",
        name="Ada Lovelace",
        contact_lines=["ada@example.com"],
        sections=[("Skills", ["Python, PyTorch, SQL, Docker"])],
    )
    return path.read_bytes()


def _rezip(data: bytes, method: int, replace: dict[bytes, bytes] | None = None) -> bytes:
    """Copy a DOCX's parts into a new ZIP with another compression method."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", method) as zip_:
        for info in source.infolist():
            part = source.read(info)
            for old, new in (replace or {}).items():
                part = part.replace(old, new)
            zip_.writestr(info.filename, part)
    return out.getvalue()


def test_docx_parts_in_another_compression_are_refused(tmp_path: Path) -> None:
    """bzip2 parts skipped the inflate budget (36 KB -> 4.25 GB); now they are refused unread."""
    import zipfile

    from analyzer.documents import read_document
    from analyzer.errors import InputError

    path = tmp_path / "bzip2.docx"
    path.write_bytes(_rezip(_docx_bytes(tmp_path), zipfile.ZIP_BZIP2))
    with pytest.raises(InputError) as raised:
        read_document(path)
    assert "uses bzip2 compression; Word writes only stored or deflated parts" in str(raised.value)


def test_a_renamed_docm_is_named_not_shown_as_an_object(work: Path) -> None:
    """python-docx's message named '<_io.BytesIO object at 0x...>'; the user's file is named."""
    import zipfile

    macro = _rezip(
        _docx_bytes(work),
        zipfile.ZIP_DEFLATED,
        {
            b"wordprocessingml.document.main+xml": b"wordprocessingml.document.main+xml-x",
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml-x": (
                b"application/vnd.ms-word.document.macroEnabled.main+xml"
            ),
        },
    )
    (work / "macro.docx").write_bytes(macro)
    result = cli("parse", "macro.docx")
    assert result.exit_code == 3
    assert result.stderr == (
        "mlcheck: error: macro.docx: is a macro-enabled Word document (.docm); save it as a "
        "plain DOCX or a PDF\n"
    )


# --------------------------------------------------------------------------- data loss


@pytest.mark.parametrize("link", ["same", "symlink", "hardlink"])
def test_output_onto_the_resume_is_refused(work: Path, link: str) -> None:
    """-o naming the resume (directly, through a symlink or a hard link) is refused, exit 2."""
    resume = work / "resumes" / "ada.txt"
    target = {"same": resume, "symlink": work / "link.txt", "hardlink": work / "hard.txt"}[link]
    if link == "symlink":
        target.symlink_to(resume)
    elif link == "hardlink":
        os.link(resume, target)
    for command in (["parse"], ["check"]):
        result = cli(*command, "resumes/ada.txt", "-o", str(target))
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"mlcheck: error: {target} is also an input")
        assert len(result.stderr.splitlines()) == 1
    assert resume.read_text(encoding="utf-8") == RESUME


def test_output_onto_the_posting_is_refused(work: Path) -> None:
    """Neither check nor screen may write over the posting they read."""
    for args in (
        ["resumes/ada.txt", "--job", "posting.txt", "-o", "posting.txt"],
        ["screen", "resumes", "--job", "posting.txt", "-o", "posting.txt"],
        ["screen", "resumes", "--job", "posting.txt", "--summary", "posting.txt"],
    ):
        result = cli(*args)
        assert result.exit_code == 2, result.output
        assert "posting.txt is also an input" in result.stderr
    assert (work / "posting.txt").read_text(encoding="utf-8") == POSTING


def test_repo_output_onto_a_file_of_the_checkout_is_refused(tmp_path: Path) -> None:
    """`mlcheck repo . -o README.md` would overwrite the README it just reviewed."""
    checkout = tmp_path / "repo"
    checkout.mkdir()
    readme = checkout / "README.md"
    readme.write_text("# Churn model\n\nPredicts churn.\n", encoding="utf-8")
    result = cli("repo", str(checkout), "-o", str(readme))
    assert result.exit_code == 2, result.output
    assert "is a file of the checkout under review" in result.stderr
    assert readme.read_text(encoding="utf-8") == "# Churn model\n\nPredicts churn.\n"
    written = checkout / "review.md"
    assert cli("repo", str(checkout), "-o", str(written)).exit_code == 0
    assert written.read_text(encoding="utf-8").startswith("#")


def test_screen_output_onto_a_screened_file_is_refused(work: Path) -> None:
    """A file named as a candidate cannot be the output too."""
    result = screen("resumes/ada.txt", "-o", "resumes/ada.txt")
    assert result.exit_code == 2
    assert "resumes/ada.txt is also an input" in result.stderr
    assert (work / "resumes" / "ada.txt").read_text(encoding="utf-8") == RESUME


def test_screen_never_screens_its_own_outputs(work: Path) -> None:
    """Outputs and --summary inside the screened folder are not candidates (3 became 5)."""
    for _ in range(2):
        result = screen("resumes", "-o", "resumes/shortlist.md", "--summary", "resumes/sum.md")
        assert result.exit_code == 0, result.stderr
        assert "1 candidate: 1 screened" in (work / "resumes" / "shortlist.md").read_text("utf-8")
    # An earlier run's table or Markdown is recognised by its first line, whatever its name.
    result = screen("resumes", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["file"] for line in result.stdout.splitlines()] == ["resumes/ada.txt"]


def test_non_utf8_file_names_do_not_lose_the_run(work: Path) -> None:
    """A name that is not UTF-8 shows U+FFFD for its bad bytes; every output is still written."""
    raw = os.fsencode(work / "resumes") + b"/caf\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(RESUME.encode("utf-8"))
    for output in ("out.csv", "out.jsonl", "out.md", "out.xml", "out.html", "out.txt"):
        result = screen("resumes", "-o", output)
        assert result.exit_code == 0, result.stderr
        assert "resumes/caf\ufffd.txt" in (work / output).read_text(encoding="utf-8")
    name = os.fsdecode(raw)
    result = cli(name, "--job", "posting.txt", "-o", "report.json")
    assert result.exit_code == 0, result.stderr
    assert "caf\ufffd.txt" in (work / "report.json").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- reads


def test_a_device_as_the_resume_is_read_within_max_bytes(work: Path) -> None:
    """/dev/zero has no size: it is read one byte past --max-bytes and refused, no MemoryError."""
    result = cli("parse", "/dev/zero", "--max-bytes", "1000")
    assert result.exit_code == 3
    assert result.stderr == (
        "mlcheck: error: /dev/zero: holds more than the limit of 1000 bytes (--max-bytes)\n"
    )


def test_a_pipe_as_the_posting_is_read(work: Path) -> None:
    """--job <(cat posting.txt) is a /dev/fd path to a pipe: read, not "no such file"."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, POSTING.encode("utf-8"))
        os.close(write_end)
        result = cli("resumes/ada.txt", "--job", f"/dev/fd/{read_end}", "-f", "json")
    finally:
        os.close(read_end)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["ats"]["score"] > 0


def test_fifos_in_a_screened_folder_are_skipped_with_a_line(work: Path) -> None:
    """A FIFO named like a resume would block the run forever; it is skipped, with a warning."""
    os.mkfifo(work / "resumes" / "pipe.pdf")
    result = screen("resumes", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert (
        result.stderr == "mlcheck: WARNING: skipped resumes/pipe.pdf: a FIFO, not a regular file\n"
    )
    assert "pipe.pdf" not in result.stdout


def test_double_star_glob_over_symlink_loops_ends(work: Path) -> None:
    """Two links back to the parent made glob's ** walk 2^40 paths; each folder is seen once."""
    (work / "resumes" / "up").symlink_to(work / "resumes")
    (work / "resumes" / "again").symlink_to(work / "resumes")
    result = screen("resumes/**/*.txt", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["file"] for line in result.stdout.splitlines()] == ["resumes/ada.txt"]


def test_an_unreadable_subfolder_is_an_error_row(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot be listed is reported (exit 5), not skipped silently with exit 0."""
    (work / "resumes" / "private").mkdir()
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        # Running as root, chmod 000 does not stop a listing; the refusal is simulated.
        if os.fspath(path).endswith("private"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = screen("resumes", "-f", "csv")
    assert result.exit_code == 5
    assert result.stderr == (
        "mlcheck: cannot read resumes/private/: cannot list this folder: Permission denied\n"
    )


# --------------------------------------------------------------------------- GitHub cache

OTHER_UID = 4242
"""A user id that is not the test's own."""


def _cache(folder: Path):  # type: ignore[no-untyped-def]
    from analyzer.github.cache import ResponseCache

    return ResponseCache(folder, "anonymous")


def test_a_symlinked_cache_folder_is_refused_and_its_target_left_alone(tmp_path: Path) -> None:
    """A cache folder that is a symlink is refused; chmod never reaches the link's target."""
    from analyzer.github.cache import CacheRefused

    target = tmp_path / "elsewhere"
    target.mkdir()
    target.chmod(0o755)
    (tmp_path / "cache").symlink_to(target)
    with pytest.raises(CacheRefused, match="is a symlink"):
        _cache(tmp_path / "cache")
    assert target.stat().st_mode & 0o777 == 0o755


def test_a_cache_folder_of_another_user_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoever owns the folder can plant answers in it: only the user's own folder is used."""
    from analyzer.github.cache import CacheRefused

    (tmp_path / "cache").mkdir()
    monkeypatch.setattr(os, "geteuid", lambda: OTHER_UID)
    with pytest.raises(CacheRefused, match="belongs to another user"):
        _cache(tmp_path / "cache")


def test_a_refused_cache_folder_means_no_cache_and_a_warning(tmp_path: Path) -> None:
    """The review goes on without a cache; the run says why in one line."""
    from tests.github.fakegithub import FakeGitHub, FakeRepo, FakeUser

    target = tmp_path / "elsewhere"
    target.mkdir()
    (tmp_path / "cache").symlink_to(target)
    fake = FakeGitHub([FakeUser("ada", repos=[FakeRepo("churn", {"README.md": "# Churn\n"})])])
    with fake.serve():
        result = cli(
            "github", "ada", "--api-url", fake.api_url, "--cache-dir", str(tmp_path / "cache")
        )
    assert result.exit_code == 0, result.output
    assert "GitHub cache disabled: " in result.stderr
    assert "is a symlink; refusing to use it as the cache" in result.stderr
    assert list(target.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_cache_entries_planted_by_another_user_are_ignored(tmp_path: Path) -> None:
    """An entry not owned by the user (planted while the folder was writable) is not read."""
    cache = _cache(tmp_path / "cache")
    cache.put("https://api.github.com/x", "json", {"ETag": '"1"'}, b'{"planted": false}')
    assert cache.get("https://api.github.com/x", "json") is not None
    [entry] = (tmp_path / "cache").iterdir()
    os.chown(entry, OTHER_UID, OTHER_UID)
    assert cache.get("https://api.github.com/x", "json") is None


def test_cache_entries_others_can_write_are_ignored_and_new_ones_are_0600(tmp_path: Path) -> None:
    """Entries are written user-only; one that others could have rewritten is not trusted."""
    cache = _cache(tmp_path / "cache")
    cache.put("https://api.github.com/x", "json", {"ETag": '"1"'}, b"{}")
    [entry] = (tmp_path / "cache").iterdir()
    assert entry.stat().st_mode & 0o777 == 0o600
    entry.chmod(0o666)
    assert cache.get("https://api.github.com/x", "json") is None


# --------------------------------------------------------------------------- mlcheck repo


def test_repo_never_follows_a_readme_symlink_out_of_the_checkout(tmp_path: Path) -> None:
    """README.md -> a file outside the checkout is not read or quoted; README.rst inside is."""
    secret = tmp_path / "secret.md"
    secret.write_text("# Private key\n\nSECRET-OUTSIDE-THE-CHECKOUT results 99% accuracy\n")
    checkout = tmp_path / "repo"
    checkout.mkdir()
    (checkout / "README.md").symlink_to(secret)
    (checkout / "README.rst").write_text("Churn model\n===========\n\nPredicts churn.\n")
    for fmt in ("json", "text", "md"):
        result = cli("repo", str(checkout), "-f", fmt)
        assert result.exit_code == 0, result.output
        assert "SECRET-OUTSIDE" not in result.stdout
    from analyzer.github.local import snapshot_local_repo
    from analyzer.rules import shipped_rules

    snapshot = snapshot_local_repo(checkout, shipped_rules().portfolio)
    assert snapshot.readme_path == "README.rst"
    assert "SECRET" not in (snapshot.readme or "")


def test_repo_with_fifos_ends(tmp_path: Path) -> None:
    """A FIFO named README.md, LICENSE or a .py file blocked the review forever; it is skipped."""
    checkout = tmp_path / "repo"
    checkout.mkdir()
    for name in ("README.md", "LICENSE", "model.py", "requirements.txt"):
        os.mkfifo(checkout / name)
    result = cli("repo", str(checkout), "-f", "json")
    assert result.exit_code == 0, result.output
    from analyzer.github.local import snapshot_local_repo
    from analyzer.rules import shipped_rules

    snapshot = snapshot_local_repo(checkout, shipped_rules().portfolio)
    assert (snapshot.readme, snapshot.license, snapshot.dependency_files) == (None, None, ())


# --------------------------------------------------------------------------- messages


def _bad_xref_entry_pdf() -> bytes:
    """A text PDF whose cross-reference table has an entry that is not a number (pdfminer warns).

    pdfium reads the text; pdfminer parses the file's structure in the pre-flight and leaves
    the entry out with a warning. (A ruled table no longer makes pdfminer interpret a page:
    its edges come from pdfium's path objects.)
    """
    from tests.robustness.hostile import FONT, RESUME_LINES, _page, raw_pdf, stream, text_content

    pdf = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(2, 4, 5),
            stream(text_content(RESUME_LINES)),
            FONT,
        ]
    )
    entry = b"00000000x0 00000 n \n"
    return pdf.replace(b"xref\n0 6\n", b"xref\n0 7\n").replace(b"trailer\n", entry + b"trailer\n")


def test_library_warnings_go_to_the_log_one_line_per_file(work: Path) -> None:
    """pdfminer's warnings are not printed raw; -v shows one line per file."""
    for name in ("one.pdf", "two.pdf"):
        (work / "resumes" / name).write_bytes(_bad_xref_entry_pdf())
    quiet = cli("parse", "resumes/one.pdf")
    assert quiet.exit_code == 0, quiet.stderr
    assert quiet.stderr == ""
    result = screen("resumes", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    verbose = screen("resumes", "-f", "csv", "-v")
    lines = [line for line in verbose.stderr.splitlines() if "pdfminer" in line]
    assert lines == [
        f"mlcheck: INFO: resumes/{name}: pdfminer reported 1 problem(s) it worked around, "
        "e.g. 'Not adding object 6 to xref' (-vv lists them)"
        for name in ("one.pdf", "two.pdf")
    ]


def test_resume_after_a_finished_csv_run_says_what_it_resumes_from(work: Path) -> None:
    """--resume re-analysed every file after a finished CSV run; now it says which forms work."""
    assert screen("resumes", "-o", "out.csv").exit_code == 0
    before = (work / "out.csv").read_bytes()
    result = screen("resumes", "-o", "out.csv", "--resume")
    assert result.exit_code == 2
    assert result.stderr == (
        "mlcheck: error: --resume continues from JSON Lines: the journal "
        "out.csv.partial.jsonl of an interrupted run, or a -f jsonl output; out.csv is a "
        "finished csv output and cannot be resumed: run without --resume (or use -f jsonl to "
        "resume later)\n"
    )
    assert (work / "out.csv").read_bytes() == before


# --------------------------------------------------------------------------- promises


def test_no_code_execution_primitive_in_the_package() -> None:
    """README "Security": nothing in analyzer/ can run code taken from an input."""
    import re

    import analyzer

    forbidden = re.compile(
        r"\beval\(|\bexec\(|\bsubprocess\b|os\.system|os\.popen|pickle\.loads?\(|"
        r"yaml\.load\(|marshal\.|__import__\("
    )
    package = Path(analyzer.__file__).parent
    found = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if forbidden.search(line)
    ]
    # the one program run: `git log -1` on the checkout `mlcheck repo` judges (fixed argv,
    # no shell, the checkout's config unable to start a program); see its test in
    # tests/github/test_substance.py
    local = [f for f in found if f.startswith("github/local.py:")]
    assert [f for f in found if f not in local] == []
    git = (package / "github" / "local.py").read_text(encoding="utf-8")
    assert git.count("subprocess.run(") == 1 and "shell=" not in git


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_no_network_and_no_file_outside_the_named_outputs(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README "Security": check, parse, screen and repo open no socket and write only -o,
    --summary and --reports."""
    import socket

    def refuse(*args: object) -> None:
        raise AssertionError(f"network connection attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setenv("HOME", str(work / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(work / "home" / ".cache"))
    before = _files(work)
    runs = [
        ("parse", "resumes/ada.txt", "-o", "parsed.json", "--format", "json"),
        ("resumes/ada.txt", "--job", "posting.txt", "-o", "report.html"),
        ("repo", "resumes", "-o", "repo.md"),
        (
            "screen",
            "resumes",
            "--job",
            "posting.txt",
            "--jobs",
            "1",
            "-o",
            "out/short.csv",
            "--summary",
            "summary.md",
            "--reports",
            "out/reports",
        ),
    ]
    for args in runs:
        result = cli(*args)
        assert result.exit_code == 0, result.output
    assert _files(work) - before == {
        "parsed.json",
        "report.html",
        "repo.md",
        "out",
        "out/short.csv",
        "summary.md",
        "out/reports",
        "out/reports/resumes_ada.txt-" + _report_suffix("resumes/ada.txt"),
    }


def _report_suffix(candidate: str) -> str:
    import hashlib

    return hashlib.sha256(candidate.encode("utf-8")).hexdigest()[:8] + ".html"
