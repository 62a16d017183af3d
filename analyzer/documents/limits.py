"""Enforce the resource limits while a document is read, never trusting what the file says.

Every limit of :class:`analyzer.settings.Limits` is checked by code that measures, before the
expensive step when it can:

- **Bytes** (``max_bytes``): :func:`read_limited` takes a regular file's size from ``stat``
  before it is read, and reads a pipe or a device (``<(...)``, ``/dev/zero``), which has no
  size, up to one byte past the limit.
- **Pages** (``max_pages``): :func:`count_pages` walks the PDF page tree lazily with pdfminer's
  own walker and stops one page past the limit, so a 5,000-page file costs the same as a
  21-page one and ``/Count`` is never believed. A looping tree is walked once per node;
  a tree nested deeper than Python's recursion limit is refused as corrupt.
- **Page area** (``max_page_area``): each page's MediaBox, before the page is parsed (pdf.py).
- **Inflated bytes** (``max_inflated_bytes``): decompression bombs.

  *DOCX*: :func:`check_zip` reads the ZIP's central directory and inflates every member with a
  bounded ``zlib.decompressobj`` (``max_length``) *before* python-docx opens the file: the sum
  of the declared sizes must fit the budget, and each member must inflate to exactly its
  declared size (a member that lies about its size is refused after at most ``declared + 1``
  bytes). A stored member counts its stored bytes. Any other method (bzip2, LZMA...) is
  refused unread: Word never writes one, and zipfile would inflate it without a bound.
  Memory stays bounded by the budget.

  *PDF*: pdfminer inflates each stream in one ``zlib.decompress`` call, with no limit and no
  hook. Inside :func:`inflate_budget`, the decoders pdfminer's ``pdftypes`` module calls
  (``zlib`` for /FlateDecode, ``lzwdecode``, ``rldecode`` and ``decompress_corrupted``) are
  replaced by bounded ones that share one budget per document: content streams, fonts, object
  and xref streams all count, chained filters (``[/FlateDecode /FlateDecode]``) included. The
  first byte past the budget stops the read, so a 1 KB file that inflates to 300 MB is refused
  after inflating ``max_inflated_bytes``, in milliseconds. Image streams are never decoded to
  read text, so photos do not count. Outside the context manager (any other pdfminer user) the
  decoders behave exactly as pdfminer's. The replacement is installed once, on first use.
- **Time** (``max_seconds``): :func:`deadline` arms a ``SIGALRM`` timer (``setitimer``) for the
  whole read when it runs in the main thread of a POSIX process and nobody else owns SIGALRM;
  it interrupts a read stuck inside one page (a content stream of millions of operators). The
  budget is also checked between PDF pages, which is all a worker thread or Windows gets.
- **Characters** (``max_chars``): text beyond it is cut with a warning (reader.py, text.py).

Both guards raise :class:`GuardTripped`, a ``BaseException`` so that third-party
``except Exception`` blocks (pdfminer, pdfplumber, python-docx wrap everything they catch)
cannot swallow or re-label it; :func:`read_guarded` turns it into :class:`LimitExceeded`.
There is no separate memory (RLIMIT_AS) guard: memory is bounded by ``max_bytes`` of input,
``max_inflated_bytes`` of inflated data and ``max_pages`` pages of parsed objects.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import signal
import stat
import struct
import threading
import zlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

from analyzer.errors import InputError, LimitExceeded

log = logging.getLogger(__name__)

T = TypeVar("T")


class GuardTripped(BaseException):  # noqa: N818 - a signal, not an error for callers
    """A resource guard stopped the read; :func:`read_guarded` turns it into LimitExceeded."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------- input bytes


def size_reason(size: int, limit: int) -> str:
    """The one-line reason for a file of ``size`` bytes over the --max-bytes limit."""
    return f"is {size} bytes, more than the limit of {limit} (--max-bytes)"


def read_limited(path: str, limit: int) -> bytes:
    """Read a file, a pipe or a device named by the user, never more than ``limit`` + 1 bytes.

    A regular file over the limit is refused from its ``stat`` size, unread. A pipe
    (``--job <(...)``, ``/dev/fd/63``) or a character device has no size: it is read up to one
    byte past the limit, so ``/dev/zero`` is refused after ``limit`` bytes instead of filling
    memory. Raises InputError (or LimitExceeded) with one reason.
    """
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a directory, not a file")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise LimitExceeded(path, size_reason(info.st_size, limit))
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        if stat.S_ISREG(info.st_mode):
            raise LimitExceeded(path, size_reason(len(data), limit))  # it grew while read
        raise LimitExceeded(path, f"holds more than the limit of {limit} bytes (--max-bytes)")
    return data


# --------------------------------------------------------------------------- inflate budget


@dataclass
class _Budget:
    limit: int
    used: int = 0

    @property
    def remaining(self) -> int:
        return max(self.limit - self.used, 0)

    def take(self, size: int) -> None:
        self.used += size
        if self.used > self.limit:
            raise GuardTripped(inflate_reason(self.limit))


_BUDGET: ContextVar[_Budget | None] = ContextVar("mlcheck_inflate_budget", default=None)


def inflate_reason(limit: int) -> str:
    """The one-line reason given for a decompression bomb."""
    return (
        f"decompresses to more than {limit} bytes, the limit for inflated data "
        "(a decompression bomb?)"
    )


class _BoundedDecompressor:
    """zlib.decompressobj() whose output counts against the current budget."""

    def __init__(self, budget: _Budget, *args: Any) -> None:
        self._budget = budget
        self._inner = zlib.decompressobj(*args)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        cap = self._budget.remaining + 1
        out = self._inner.decompress(data, min(max_length, cap) if max_length else cap)
        self._budget.take(len(out))
        return out

    def flush(self, *args: Any) -> bytes:
        out = self._inner.flush(*args)
        self._budget.take(len(out))
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _GuardedZlib:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes``."""

    error = zlib.error

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    def decompress(self, data: bytes, *args: Any) -> bytes:
        budget = _BUDGET.get()
        if budget is None:
            return zlib.decompress(data, *args)
        inflater = zlib.decompressobj(*args[:1])
        out = inflater.decompress(data, budget.remaining + 1)
        budget.take(len(out))
        if not inflater.eof:
            # What zlib.decompress says of a stream that ends early (pdfminer handles it).
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    def decompressobj(self, *args: Any) -> Any:
        budget = _BUDGET.get()
        return zlib.decompressobj(*args) if budget is None else _BoundedDecompressor(budget, *args)


def _decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's decoder for a Flate stream with a bad checksum, linear and bounded.

    pdfminer's own feeds one byte at a time into a growing bytes object (quadratic); this one
    keeps its rule: an error before the last four bytes (the Adler-32) is an error.
    """
    budget = _BUDGET.get() or _Budget(limit=1 << 62)
    inflater = _BoundedDecompressor(budget)
    body, checksum = data[:-4], data[-4:]
    out = [inflater.decompress(body)]
    try:
        out.append(inflater.decompress(checksum))
    except zlib.error:
        log.warning("Data-loss while decompressing corrupted data")
    return b"".join(out)


def _lzwdecode(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    budget = _BUDGET.get()
    chunks = []
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        if budget is not None:
            budget.take(len(chunk))
        chunks.append(chunk)
    return b"".join(chunks)


def _rldecode(data: bytes) -> bytes:
    """RunLengthDecode (PDF 1.7, 7.4.5) with the output counted against the budget."""
    budget = _BUDGET.get()
    out = bytearray()
    index, size = 0, len(data)
    while index < size:
        length = data[index]
        if length == 128:
            break
        if length < 128:
            run = data[index + 1 : index + 2 + length]
            index += 2 + length
        else:
            run = data[index + 1 : index + 2] * (257 - length)
            index += 2
        if budget is not None:
            budget.take(len(run))
        out += run
    return bytes(out)


_installed = False
_install_lock = threading.Lock()


def _install() -> None:
    """Replace the decoders pdfminer.pdftypes calls with the bounded ones (once)."""
    global _installed
    with _install_lock:
        if _installed:
            return
        from pdfminer import pdftypes

        guarded = {
            "zlib": _GuardedZlib(),
            "lzwdecode": _lzwdecode,
            "rldecode": _rldecode,
            "decompress_corrupted": _decompress_corrupted,
        }
        for name, value in guarded.items():
            if not hasattr(pdftypes, name):
                log.debug("pdfminer.pdftypes has no %s; its guard is not installed", name)
                continue
            setattr(pdftypes, name, value)
        _installed = True


@contextlib.contextmanager
def inflate_budget(limit: int) -> Iterator[None]:
    """Count every byte pdfminer inflates inside the block; past ``limit``, GuardTripped."""
    _install()
    token = _BUDGET.set(_Budget(limit=limit))
    try:
        yield
    finally:
        _BUDGET.reset(token)


# --------------------------------------------------------------------------- wall clock


def _can_use_alarm() -> bool:
    if not hasattr(signal, "setitimer"):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    return signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)


def time_reason(seconds: float) -> str:
    """The one-line reason given for a read that ran out of time."""
    return f"took longer than {seconds:g} s to read (--max-seconds)"


REARM_SECONDS = 0.05
"""After the deadline fired, how soon it fires again while the block still runs."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block with GuardTripped after ``seconds`` (main thread, POSIX only)."""
    if seconds <= 0 or not _can_use_alarm():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        # An exception raised inside a gc callback or a __del__ is swallowed by Python: arm the
        # alarm again, so a swallowed deadline fires once more instead of being lost.
        signal.setitimer(signal.ITIMER_REAL, REARM_SECONDS)
        raise GuardTripped(time_reason(seconds))

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_guarded(path: str, read: Callable[[], T], inflate_limit: int, seconds: float) -> T:
    """Run ``read()`` under the inflate budget and the deadline; a tripped guard is one line.

    The document libraries' own warnings are kept off stderr meanwhile (library_log.py).
    """
    from analyzer.documents.library_log import library_messages

    try:
        with library_messages(path), deadline(seconds), inflate_budget(inflate_limit):
            return read()
    except GuardTripped as tripped:
        raise LimitExceeded(path, tripped.reason) from None


# --------------------------------------------------------------------------- PDF pages


PAGE_COUNT_CAP = 200
"""Pages counted exactly before a too-long PDF is only said to have "more than" this."""


def count_pages(document: Any, limit: int) -> int:
    """Count a pdfminer document's pages lazily, stopping early past ``limit``.

    Returns the exact count up to ``max(limit + 1, PAGE_COUNT_CAP)`` pages, else that cap (the
    caller only needs to know it is over the limit). Uses pdfminer's own tree walk (the one
    pdfplumber uses next), which visits each node once, so loops end.
    """
    from pdfminer.pdfpage import PDFPage

    cap = max(limit + 1, PAGE_COUNT_CAP)
    try:
        return sum(1 for _ in islice(PDFPage.create_pages(document), cap))
    except RecursionError:
        raise PageTreeTooDeep("the page tree is nested too deeply") from None


class PageTreeTooDeep(Exception):
    """The PDF's page tree is deeper than any real document's."""


def page_chars_reason(page: int, count: int, limit: int) -> str:
    """The one-line reason for a page with more characters than a resume page can hold."""
    return (
        f"page {page} holds {count:,} characters, more than the limit of {limit:,} a page "
        "(--max-page-chars); no resume page holds that many"
    )


def document_chars_reason(limit: int) -> str:
    """The one-line reason for a PDF whose pages hold more characters than allowed in all."""
    return f"holds more than {limit:,} characters in all, the limit (--max-document-chars)"


def page_limit_reason(count: int, limit: int) -> str:
    """The one-line reason for a PDF with too many pages (count as :func:`count_pages` gave)."""
    if count >= max(limit + 1, PAGE_COUNT_CAP):
        return f"has at least {count} pages, more than the limit of {limit} (--max-pages)"
    return f"has {count} pages, more than the limit of {limit}"


# --------------------------------------------------------------------------- ZIP (DOCX)


_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
_METHOD_NAMES = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "XZ", 99: "AES"}


def check_zip(path: str, data: bytes, limit: int) -> None:
    """Refuse a ZIP (DOCX) that inflates past ``limit`` bytes, inflating at most that much.

    The declared sizes are summed first (cheap); then each deflated member is inflated with a
    bounded decompressor and must end at exactly its declared size. Raises LimitExceeded for a
    bomb and InputError for a ZIP that lies about its sizes or cannot be read.
    """
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(path, f"is not a readable DOCX (BadZipFile: {str(exc)[:100]})") from None
    if sum(member.file_size for member in members) > limit:
        raise LimitExceeded(path, inflate_reason(limit))
    budget = _Budget(limit=limit)
    for member in members:
        if member.compress_type == zipfile.ZIP_STORED:
            size: int | None = member.compress_size
            budget.used += member.compress_size
        elif member.compress_type == zipfile.ZIP_DEFLATED:
            try:
                size = _inflated_size(data, member, budget)
            except GuardTripped:
                raise LimitExceeded(path, inflate_reason(limit)) from None
        else:
            # bzip2, LZMA, zstd...: Word never writes them, and they would inflate outside the
            # budget (a 36 KB bzip2 DOCX holds 4 GB), so they are refused unread.
            method = _METHOD_NAMES.get(member.compress_type, f"method {member.compress_type}")
            raise InputError(
                path,
                f"is not a readable DOCX (its part {member.filename[:60]} uses {method} "
                "compression; Word writes only stored or deflated parts)",
            )
        name = member.filename[:60]
        if size is None:
            raise InputError(path, f"is not a readable DOCX (its part {name} is corrupt)")
        if size != member.file_size:
            more = "more than " if size > member.file_size else ""
            raise InputError(
                path,
                f"is not a readable DOCX (its part {name} inflates to {more}{size} bytes, "
                f"not the {member.file_size} it declares)",
            )
    if budget.used > limit:
        raise LimitExceeded(path, inflate_reason(limit))


def _inflated_size(data: bytes, member: Any, budget: _Budget) -> int | None:
    """Inflate one deflated member (bounded) and return its true size, at most declared + 1."""
    start = member.header_offset
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        return None
    fields = _LOCAL_HEADER.unpack(header)
    body = start + _LOCAL_HEADER.size + fields[9] + fields[10]
    raw = data[body : body + member.compress_size]
    inflater = zlib.decompressobj(-15)
    total = 0
    step = 1 << 20
    pending = raw
    try:
        while pending and total <= member.file_size:
            cap = min(step, member.file_size + 1 - total)
            chunk = inflater.decompress(pending, cap)
            budget.take(len(chunk))
            total += len(chunk)
            pending = inflater.unconsumed_tail
            if inflater.eof or not chunk:
                break
    except zlib.error:
        return None
    return total
