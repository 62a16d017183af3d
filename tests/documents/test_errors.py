"""Every unreadable input gives one InputError line naming the file and the reason."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from analyzer.documents import read_document
from analyzer.errors import InputError, LimitExceeded
from analyzer.settings import Limits
from tests.documents.conftest import SECTIONS
from tests.pdf_factory import (
    make_resume_docx,
    make_resume_pdf,
    make_scanned_pdf,
    truncated_pdf_bytes,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def reason(path: str | Path, data: bytes | None = None, limits: Limits = Limits()) -> str:
    with pytest.raises(InputError) as caught:
        read_document(path, data=data, limits=limits)
    assert str(caught.value) == f"{caught.value.path}: {caught.value.reason}"
    assert "\n" not in str(caught.value)
    return caught.value.reason


def test_missing_file(tmp_path: Path) -> None:
    assert reason(tmp_path / "nope.pdf") == "no such file"


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "resume.pdf"
    folder.mkdir()
    assert reason(folder) == "is a directory, not a file"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert reason(path) == "file is empty (0 bytes)"


def test_png_renamed_pdf(tmp_path: Path) -> None:
    path = tmp_path / "photo.pdf"
    path.write_bytes(PNG)
    assert reason(path) == "is not a PDF (it looks like a PNG image)"


def test_text_renamed_pdf(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("Ada Lovelace\nSkills: Python\n")
    assert reason(path) == "is not a PDF (it looks like text)"


def test_truncated_pdf(tmp_path: Path) -> None:
    path = tmp_path / "truncated.pdf"
    path.write_bytes(truncated_pdf_bytes(tmp_path / "full.pdf"))
    assert reason(path).startswith("is not a readable PDF (corrupt or truncated")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>",
        b"%PDF-1.4\n" + os.urandom(2000),
        b"%PDF-1.4\n" + b"[" * 5000,
    ],
)
def test_garbage_pdf_never_leaks_a_traceback(tmp_path: Path, data: bytes) -> None:
    text = reason(tmp_path / "garbage.pdf", data=data)
    assert text.startswith(("is not a readable PDF", "no text layer"))


def test_encrypted_pdf_needing_a_password(tmp_path: Path) -> None:
    path = make_resume_pdf(
        tmp_path / "locked.pdf", name="Ada Lovelace", sections=SECTIONS, user_password="secret"
    )
    assert reason(path) == "is encrypted (password-protected); save an unprotected copy"


def test_encrypted_pdf_with_empty_password_is_read(tmp_path: Path) -> None:
    path = make_resume_pdf(
        tmp_path / "open.pdf", name="Ada Lovelace", sections=SECTIONS, user_password=""
    )
    document = read_document(path)
    assert [s.name for s in document.sections] == [
        "contact",
        "summary",
        "experience",
        "education",
        "skills",
    ]


def test_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    path = make_scanned_pdf(tmp_path / "scan.pdf")
    assert reason(path) == (
        "no text layer: this PDF is a scanned image; an ATS cannot read it either. Export the "
        "resume from its source (Word, Google Docs, LaTeX) as a text PDF."
    )


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "resume.png"
    path.write_bytes(PNG)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(caught.value) == (f"{path}: unsupported file type; use PDF, DOCX, TXT or Markdown")


def test_file_over_max_bytes_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(LimitExceeded) as caught:
        read_document(path, limits=Limits(max_bytes=1024))
    assert caught.value.reason == "is 2048 bytes, more than the limit of 1024 (--max-bytes)"
    with pytest.raises(LimitExceeded):
        read_document("given.txt", data=b"x" * 2048, limits=Limits(max_bytes=1024))


def test_pdf_over_max_pages(tmp_path: Path) -> None:
    path = make_resume_pdf(
        tmp_path / "long.pdf",
        name="Ada Lovelace",
        sections=SECTIONS,
        new_page_before=("Education", "Technical Skills"),
    )
    with pytest.raises(LimitExceeded) as caught:
        read_document(path, limits=Limits(max_pages=2))
    assert caught.value.reason == "has 3 pages, more than the limit of 2"


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "resume.docx"
    path.write_text("just text")
    assert reason(path) == "is not a DOCX Word document (it looks like text)"


def test_zip_without_word_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert reason("resume.docx", data=buffer.getvalue()) == (
        "is not a DOCX Word document (it looks like a ZIP archive)"
    )


def test_corrupt_docx(tmp_path: Path) -> None:
    good = make_resume_docx(tmp_path / "good.docx", name="Ada Lovelace", sections=SECTIONS)
    buffer = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    assert reason("broken.docx", data=buffer.getvalue()).startswith("is not a readable DOCX (")


def test_data_is_used_instead_of_opening_the_path(tmp_path: Path) -> None:
    document = read_document("batch/ada.txt", data=b"Ada Lovelace\n\nSKILLS\nPython\n")
    assert document.path == "batch/ada.txt"
    assert document.size_bytes == len(b"Ada Lovelace\n\nSKILLS\nPython\n")
    assert document.section("skills").text == "Python"


def test_long_text_is_cut_with_a_warning() -> None:
    data = ("Ada Lovelace\n\nSKILLS\n" + "Python SQL\n" * 100).encode()
    document = read_document("long.txt", data=data, limits=Limits(max_chars=200))
    assert len(document.text) <= 200
    assert document.warnings == ("the text is longer than 200 characters; the rest was not read",)
