"""Generate hostile and unusual inputs in code, each file named after the case it covers.

Nothing big lives in the repository: every case is written into a test's ``tmp_path`` by
:func:`make`. PDFs are written as raw bytes with a correct cross-reference table
(:func:`raw_pdf`), so a case shows exactly which object is hostile. Decompression bombs are
built from one repeated deflate block (see :func:`deflate_zeros`), so a few hundred megabytes of
inflated data cost milliseconds to generate and a few kilobytes to store.

Example::

    path = make("pdf_flate_bomb", tmp_path)   # tmp_path / "pdf_flate_bomb.pdf"
"""

from __future__ import annotations

import codecs
import random
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from tests.pdf_factory import make_resume_docx, make_resume_pdf, truncated_pdf_bytes

MB = 1024 * 1024
BOMB_BYTES = 300 * MB
"""What each decompression bomb inflates to."""

RESUME_LINES = (
    "Ada Lovelace",
    "ada@example.com | +44 20 7946 0958",
    "",
    "EXPERIENCE",
    "ML Engineer, Acme Corp, Jan 2020 - Present",
    "- Cut inference latency by 40% with ONNX Runtime",
    "",
    "SKILLS",
    "Python, PyTorch, SQL, Docker",
)
RESUME_TEXT = "\n".join(RESUME_LINES) + "\n"
SECTIONS = [
    ("Experience", ["**ML Engineer, Acme Corp\tJan 2020 – Present", "• Cut latency by 40%"]),
    ("Skills", ["Python, PyTorch, SQL, Docker"]),
]


# --------------------------------------------------------------------------- raw PDF bytes


def stream(body: bytes, extra: str = "") -> bytes:
    """A PDF stream object body: dictionary with the true /Length, then the data."""
    return b"<< /Length %d %s >>\nstream\n" % (len(body), extra.encode()) + body + b"\nendstream"


def raw_pdf(objects: Sequence[bytes], root: int = 1, trailer: str = "") -> bytes:
    """Assemble numbered objects (1, 2, ...) into a PDF with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R %s >>\n" % (len(objects) + 1, root, trailer.encode())
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def text_content(lines: Sequence[str], top: float = 740.0) -> bytes:
    """A content stream drawing lines of Helvetica text from the top of a Letter page."""
    ops = [b"BT /F1 11 Tf 14 TL 56 %d Td" % int(top)]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("cp1252") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def _page(parent: int, content: int, font: int, box: str = "0 0 612 792") -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [%s] /Contents %d 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (parent, box.encode(), content, font)
    )


def one_page_pdf(content: bytes, box: str = "0 0 612 792") -> bytes:
    """A one-page PDF whose page draws ``content`` (a stream object body)."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            _page(2, 4, 5, box),
            content,
            FONT,
        ]
    )


def many_pages_pdf(pages: int, declared_count: int | None = None) -> bytes:
    """A PDF of ``pages`` tiny pages sharing one content stream; /Count may lie."""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    count = pages if declared_count is None else declared_count
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        stream(text_content(RESUME_LINES)),
        FONT,
    ]
    objects += [_page(2, 3, 4) for _ in range(pages)]
    return raw_pdf(objects)


def looping_tree_pdf(kind: str) -> bytes:
    """A page tree that points back at itself ("self") or at its parent ("parent")."""
    page = _page(2, 4, 5)
    content = stream(text_content(RESUME_LINES))
    if kind == "self":
        pages = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>"
        return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", pages, page, content, FONT])
    # 2 -> [6], 6 -> [2, 3]: the inner node lists its own parent as a kid.
    outer = b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>"
    inner = b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>"
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", outer, page, content, FONT, inner])


def deep_tree_pdf(depth: int) -> bytes:
    """A page tree ``depth`` /Pages nodes deep with one page at the bottom."""
    # Objects: 1 catalog, 2 content, 3 font, 4 page, 5.. the chain of /Pages nodes.
    objects = [
        b"<< /Type /Catalog /Pages 5 0 R >>",
        stream(text_content(RESUME_LINES)),
        FONT,
        _page(4 + depth, 2, 3),
    ]
    for level in range(depth):
        number = 5 + level
        kid = number + 1 if level < depth - 1 else 4
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % kid)
    return raw_pdf(objects)


# --------------------------------------------------------------------------- deflate bombs


ZEROS_CRC32 = {BOMB_BYTES: 0x6DFB08C4}
"""CRC-32 of BOMB_BYTES zero bytes, computed once (zlib.crc32 over 300 MB costs ~0.3 s)."""


def deflate_zeros(size: int, wrapper: str = "zlib") -> tuple[bytes, int]:
    """Compress ``size`` zero bytes fast: one full-flushed block repeated; returns (data, crc).

    A block compressed after Z_FULL_FLUSH does not refer to earlier data, so the same bytes can
    be repeated. ``wrapper`` "zlib" gives a FlateDecode stream (header and Adler-32), "raw" the
    bare deflate data of a ZIP entry; the CRC-32 of the inflated data is returned for ZIP.
    """
    chunk = b"\0" * MB
    assert size % MB == 0
    count = size // MB
    compressor = zlib.compressobj(9, zlib.DEFLATED, 15 if wrapper == "zlib" else -15)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    final = compressor.flush(zlib.Z_FINISH)
    body = first + block * (count - 1)
    if wrapper == "raw":
        return body + final, ZEROS_CRC32.get(size, 0)
    # Adler-32 of n zero bytes: a stays 1, b grows by a (1) per byte.
    adler = ((size % 65521) << 16) | 1
    return body + final[:-4] + struct.pack(">I", adler), 0


def flate_bomb_pdf(layers: int = 2) -> bytes:
    """A one-page PDF whose content stream is a few KB and inflates to BOMB_BYTES."""
    data, _ = deflate_zeros(BOMB_BYTES)
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    filters = " ".join(["/FlateDecode"] * layers)
    return one_page_pdf(stream(data, f"/Filter [{filters}]"))


def text_operators_pdf(inflated_bytes: int = 60 * MB) -> bytes:
    """A one-page PDF of about 90 KB whose content stream inflates to ``inflated_bytes`` of
    `(ab) Tj` operators: millions of characters drawn on one page."""
    line = b"(ab) Tj " * 1024
    compressor = zlib.compressobj(9)
    body = compressor.compress(b"BT /F1 11 Tf 56 740 Td ")
    for _ in range(inflated_bytes // len(line)):
        body += compressor.compress(line)
    body += compressor.compress(b" ET") + compressor.flush()
    return one_page_pdf(stream(body, "/Filter /FlateDecode"))


def single_line_pdf(size: int = 1_100_000) -> bytes:
    """A one-page PDF of about ``size`` bytes drawing one uncompressed line of text."""
    text = b"Python PyTorch Kubernetes " * (size // 26)
    return one_page_pdf(stream(b"BT /F1 11 Tf 56 740 Td (" + text + b") Tj ET"))


def _zip(entries: Sequence[tuple[str, bytes, int, int]]) -> bytes:
    """Write a ZIP by hand from (name, raw deflate data, crc, inflated size) entries."""
    out = bytearray()
    central = bytearray()
    for name, data, crc, size in entries:
        offset = len(out)
        encoded = name.encode()
        header = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0
        )
        out += header + encoded + data
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0
    )
    return bytes(out + central + end)


def docx_bomb(tmp: Path, lie: bool = False) -> bytes:
    """A real DOCX whose word/document.xml inflates to BOMB_BYTES (``lie``: declared 1 KB)."""
    good = make_resume_docx(tmp / "_good.docx", name="Ada Lovelace", sections=SECTIONS)
    entries = []
    with zipfile.ZipFile(good) as archive:
        for info in archive.infolist():
            if info.filename == "word/document.xml":
                data, crc = deflate_zeros(BOMB_BYTES, wrapper="raw")
                entries.append((info.filename, data, crc, 1024 if lie else BOMB_BYTES))
                continue
            body = archive.read(info)
            compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
            raw = compressor.compress(body) + compressor.flush()
            entries.append((info.filename, raw, zlib.crc32(body), len(body)))
    return _zip(entries)


# --------------------------------------------------------------------------- the cases


def _text(text: str, encoding: str = "utf-8") -> Callable[[Path], bytes]:
    return lambda _tmp: text.encode(encoding)


GERMAN = (
    "Jürgen Müller\njuergen.mueller@example.de | +49 30 1234567\n\nBERUFSERFAHRUNG\n"
    "ML-Ingenieur, Größe GmbH, Jan 2020 – heute\n- Latenz um 40 % gesenkt (Übersetzung)\n\n"
    "KENNTNISSE\nPython, PyTorch, SQL\n"
)
SPANISH = (
    "José Peña\njose.pena@example.es\n\nEXPERIENCIA\nIngeniero de ML, Compañía Año 2020 – "
    "actualidad\n- Reducción del 40 % en la latencia de inferencia ¿cómo? ¡así!\n\n"
    "HABILIDADES\nPython, PyTorch, SQL\n"
)
CHINESE = (
    "王小明\nwang@example.cn\n\n工作经历\n机器学习工程师，阿里巴巴，2020年1月 – 至今\n"
    "- 将推理延迟降低了40%\n\n技能\nPython, PyTorch, SQL\n"
)
ARABIC = (
    "\u202bأحمد علي\u202c\nahmed@example.com\n\nالخبرة\nمهندس تعلم الآلة، شركة أكمي، 2020 – الآن\n"
    "- خفض زمن الاستجابة بنسبة 40%\n\nSKILLS\nPython, PyTorch, SQL\n"
)
EMOJI = (
    RESUME_TEXT.replace("Ada Lovelace", "Ada Lovelace 🚀").replace("- Cut", "- 🔥 Cut")
    + "🤖🧠📈 " * 50
    + "\n"
)
ZERO_WIDTH = RESUME_TEXT.replace("Python", "Py\u200bthon").replace("Ada", "A\u200dda\ufeff")
CONTROL = RESUME_TEXT.replace("\n", "\x07\n", 3).replace("SQL", "S\x1bQ\x08L")
CP1252 = "Ada Lovelace\n\nSUMMARY\n\u201cShipped\u201d models \u2013 the \u2018best\u2019 ones\n"
LATIN1 = "Jürgen Müller\n\nSKILLS\nPython, Français, Résumé, Señor\n"


def _random(size: int, seed: int, nul: bool = True) -> bytes:
    rng = random.Random(seed)
    data = bytes(rng.getrandbits(8) for _ in range(size))
    return data if nul else data.replace(b"\0", b"\x01")


def _corrupt_xref(_tmp: Path) -> bytes:
    good = one_page_pdf(stream(text_content(RESUME_LINES)))
    head, _, _ = good.rpartition(b"startxref")
    return head + b"startxref\n999999\n%%EOF\n"


def _over_bytes_limit(tmp: Path) -> bytes:
    return (RESUME_TEXT * (10 * MB // len(RESUME_TEXT) + 2)).encode()[: 10 * MB + 1]


def _under_bytes_limit(tmp: Path) -> bytes:
    return (RESUME_TEXT * (10 * MB // len(RESUME_TEXT) + 2)).encode()[: 10 * MB]


CASES: dict[str, tuple[str, Callable[[Path], bytes]]] = {
    # name: (file extension, bytes writer)
    "pdf_truncated": (".pdf", lambda tmp: truncated_pdf_bytes(tmp / "_full.pdf")),
    "pdf_random_body": (".pdf", lambda _tmp: b"%PDF-1.4\n" + _random(4000, seed=1)),
    "pdf_bad_startxref": (".pdf", _corrupt_xref),
    "pdf_no_objects": (".pdf", lambda _tmp: b"%PDF-1.7\n%%EOF\n"),
    "pdf_page_tree_self_loop": (".pdf", lambda _tmp: looping_tree_pdf("self")),
    "pdf_page_tree_parent_loop": (".pdf", lambda _tmp: looping_tree_pdf("parent")),
    "pdf_page_tree_deep": (".pdf", lambda _tmp: deep_tree_pdf(3000)),
    "pdf_5000_pages": (".pdf", lambda _tmp: many_pages_pdf(5000)),
    "pdf_5000_pages_count_says_1": (".pdf", lambda _tmp: many_pages_pdf(5000, declared_count=1)),
    "pdf_1_page_count_says_99999": (".pdf", lambda _tmp: many_pages_pdf(1, declared_count=99999)),
    "pdf_huge_page": (
        ".pdf",
        lambda _tmp: one_page_pdf(stream(text_content(RESUME_LINES)), "0 0 200000 200000"),
    ),
    "pdf_flate_bomb": (".pdf", lambda _tmp: flate_bomb_pdf(layers=2)),
    "pdf_flate_bomb_one_layer": (".pdf", lambda _tmp: flate_bomb_pdf(layers=1)),
    "pdf_60mb_of_text_operators": (".pdf", lambda _tmp: text_operators_pdf()),
    "pdf_encrypted_password": (
        ".pdf",
        lambda tmp: make_resume_pdf(
            tmp / "_locked.pdf", name="Ada Lovelace", sections=SECTIONS, user_password="secret"
        ).read_bytes(),
    ),
    "pdf_encrypted_empty_password": (
        ".pdf",
        lambda tmp: make_resume_pdf(
            tmp / "_open.pdf", name="Ada Lovelace", sections=SECTIONS, user_password=""
        ).read_bytes(),
    ),
    "docx_bomb": (".docx", lambda tmp: docx_bomb(tmp)),
    "docx_bomb_lying_sizes": (".docx", lambda tmp: docx_bomb(tmp, lie=True)),
    "docx_not_a_zip": (".docx", _text(RESUME_TEXT)),
    "docx_truncated_zip": (
        ".docx",
        lambda tmp: make_resume_docx(
            tmp / "_t.docx", name="Ada Lovelace", sections=SECTIONS
        ).read_bytes()[:3000],
    ),
    "pdf_named_docx": (
        ".docx",
        lambda tmp: make_resume_pdf(
            tmp / "_r.pdf", name="Ada Lovelace", sections=SECTIONS
        ).read_bytes(),
    ),
    "docx_named_pdf": (
        ".pdf",
        lambda tmp: make_resume_docx(
            tmp / "_r.docx", name="Ada Lovelace", sections=SECTIONS
        ).read_bytes(),
    ),
    "binary_garbage_txt": (".txt", lambda _tmp: _random(50_000, seed=2)),
    "binary_garbage_no_nul_txt": (".txt", lambda _tmp: _random(50_000, seed=3, nul=False)),
    "binary_garbage_md": (".md", lambda _tmp: _random(50_000, seed=4, nul=False)),
    "binary_garbage_pdf": (".pdf", lambda _tmp: _random(50_000, seed=5)),
    "binary_garbage_docx": (".docx", lambda _tmp: _random(50_000, seed=6)),
    "latin1_txt": (".txt", _text(LATIN1, "latin-1")),
    "cp1252_smart_quotes_txt": (".txt", _text(CP1252, "cp1252")),
    "utf16_bom_txt": (".txt", lambda _tmp: codecs.BOM_UTF16_LE + RESUME_TEXT.encode("utf-16-le")),
    "utf16le_no_bom_txt": (".txt", _text(GERMAN, "utf-16-le")),
    "utf16be_no_bom_txt": (".txt", _text(GERMAN, "utf-16-be")),
    "utf8_bom_txt": (".txt", lambda _tmp: codecs.BOM_UTF8 + GERMAN.encode()),
    "long_line_5mb_txt": (".txt", lambda _tmp: b"Python " * (5 * MB // 7)),
    "long_line_5mb_md": (".md", lambda _tmp: b"*a _b [c **d `e # " * (5 * MB // 18)),
    "text_10mb_under_limit_txt": (".txt", _under_bytes_limit),
    "text_10mb_over_limit_txt": (".txt", _over_bytes_limit),
    "german_txt": (".txt", _text(GERMAN)),
    "spanish_txt": (".txt", _text(SPANISH)),
    "chinese_txt": (".txt", _text(CHINESE)),
    "arabic_rtl_txt": (".txt", _text(ARABIC)),
    "emoji_txt": (".txt", _text(EMOJI)),
    "zero_width_txt": (".txt", _text(ZERO_WIDTH)),
    "control_chars_txt": (".txt", _text(CONTROL)),
    "whitespace_only_txt": (".txt", _text(" \n\t\n\u3000\u00a0\n" * 200)),
    "zero_width_only_txt": (".txt", _text("\u200b\u200c\u200d\ufeff\n" * 50)),
    "whitespace_only_docx": (
        ".docx",
        lambda tmp: make_resume_docx(tmp / "_w.docx", name="   ", sections=[]).read_bytes(),
    ),
    "german_docx": (
        ".docx",
        lambda tmp: make_resume_docx(
            tmp / "_de.docx",
            name="Jürgen Müller",
            contact_lines=["juergen@example.de"],
            sections=[
                ("Berufserfahrung", ["• Latenz um 40 % gesenkt"]),
                ("Kenntnisse", ["Python"]),
            ],
        ).read_bytes(),
    ),
}


def make(case: str, tmp_path: Path) -> Path:
    """Write the file for ``case`` into ``tmp_path``, named after the case, and return it."""
    extension, writer = CASES[case]
    path = tmp_path / f"{case}{extension}"
    path.write_bytes(writer(tmp_path))
    return path
