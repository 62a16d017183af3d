"""Generated resumes for the screen tests: each candidate named after the case it covers.

Contact data is made up and unique per candidate, so tests can look for it in outputs.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

POSTING = """Machine Learning Engineer
Acme Analytics - Remote - Full-time

About the role
You will take models from notebook to production and keep them healthy once they are live.

Requirements
- 3+ years of experience building machine learning systems in production.
- Strong Python and SQL.
- Hands-on experience with PyTorch and scikit-learn.
- Experience deploying models with Docker and Kubernetes.
- Experience with AWS.

Nice to have
- MLflow or Airflow.
- Spark for large-scale data processing.
"""


@dataclass(frozen=True)
class Candidate:
    """One generated resume: who, what it says, and its made-up contact data."""

    file: str
    name: str
    email: str
    phone: str
    headline: str
    summary: str
    experience: tuple[tuple[str, str, str, tuple[str, ...]], ...]
    skills: str
    education: str = "B.Sc. Computer Science, State University, 2016"


STRONG = Candidate(
    file="strong.pdf",
    name="Alice Strongfield",
    email="alice.strongfield@example.com",
    phone="+1 415 555 0101",
    headline="Machine Learning Engineer",
    summary="Machine learning engineer with 6 years of experience shipping models to production "
    "with Python, PyTorch and scikit-learn on AWS.",
    experience=(
        (
            "Senior Machine Learning Engineer",
            "Harbor Logistics",
            "Jan 2021 - Present",
            (
                "Built a demand-forecasting service in PyTorch that cut stock-outs by 18% across "
                "240 warehouses.",
                "Deployed 12 models as APIs in Docker on Kubernetes on AWS, serving 3k "
                "requests/s at 45 ms p95 latency.",
                "Cut training time from 6 hours to 40 minutes by rewriting SQL feature pipelines.",
                "Set up drift monitoring and retraining with MLflow, reducing incidents by 60%.",
            ),
        ),
        (
            "Machine Learning Engineer",
            "Brightpath Insurance",
            "Jan 2018 - Dec 2020",
            (
                "Trained a scikit-learn fraud model in Python that raised recall by 12%, saving "
                "$1.2M a year.",
                "Wrote SQL pipelines over 40 TB of claims data in Spark.",
            ),
        ),
    ),
    skills="Python, SQL, PyTorch, scikit-learn, Docker, Kubernetes, AWS, MLflow, Spark, pandas",
)

MIDDLE = Candidate(
    file="middle.docx",
    name="Dana Middleton",
    email="dana.middleton@example.com",
    phone="+1 212 555 0177",
    headline="Data Scientist",
    summary="Data scientist with 3 years of experience building models in Python.",
    experience=(
        (
            "Data Scientist",
            "Northwind Retail",
            "Jan 2022 - Present",
            (
                "Built churn models in Python with scikit-learn that lifted retention by 8%.",
                "Wrote SQL reports for the marketing team.",
                "Worked on a PyTorch image classifier.",
            ),
        ),
    ),
    skills="Python, SQL, scikit-learn, PyTorch, pandas, Matplotlib",
)

WEAK = Candidate(
    file="weak.pdf",
    name="Bob Weakley",
    email="bob.weakley@example.com",
    phone="+1 303 555 0142",
    headline="Junior Data Analyst",
    summary="Analyst interested in machine learning.",
    experience=(
        (
            "Data Analyst Intern",
            "City Council",
            "Jun 2023 - Dec 2023",
            (
                "Responsible for cleaning spreadsheets.",
                "Helped with Python scripts for reports.",
            ),
        ),
    ),
    skills="Python, Excel",
)

UNRELATED = Candidate(
    file="unrelated.pdf",
    name="Carol Pastry",
    email="carol.pastry@example.com",
    phone="+1 617 555 0199",
    headline="Pastry Chef",
    summary="Pastry chef with 10 years in fine-dining kitchens.",
    experience=(
        (
            "Head Pastry Chef",
            "Le Petit Four",
            "Jan 2015 - Present",
            (
                "Designed a seasonal dessert menu that raised dessert sales by 25%.",
                "Trained 6 junior cooks in laminated doughs.",
            ),
        ),
    ),
    skills="Baking, chocolate work, menu design, food safety",
    education="Diploma in Pastry Arts, Culinary Institute, 2014",
)

READABLE = (STRONG, MIDDLE, WEAK, UNRELATED)


def resume_lines(candidate: Candidate) -> list[tuple[str, str]]:
    """Return (kind, text) lines: name, contact, heading, entry, bullet, text."""
    lines = [
        ("name", candidate.name),
        ("text", candidate.headline),
        ("contact", f"{candidate.email} | {candidate.phone} | Springfield, IL"),
        ("heading", "Summary"),
        ("text", candidate.summary),
        ("heading", "Experience"),
    ]
    for role, org, dates, bullets in candidate.experience:
        lines.append(("entry", f"{role}, {org}"))
        lines.append(("text", dates))
        lines.extend(("bullet", b) for b in bullets)
    lines += [
        ("heading", "Skills"),
        ("text", candidate.skills),
        ("heading", "Education"),
        ("text", candidate.education),
    ]
    return lines


def _wrap(text: str, width: int = 95) -> list[str]:
    words, out, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        out.append(line)
    return out


def pdf_bytes(candidate: Candidate) -> bytes:
    """Return a one-page text PDF of the candidate's resume."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, invariant=1)
    y = 750.0
    for kind, text in resume_lines(candidate):
        font, size, x = "Helvetica", 10.0, 54.0
        if kind == "name":
            font, size = "Helvetica-Bold", 18.0
        elif kind == "heading":
            font, size = "Helvetica-Bold", 12.0
            y -= 8
        elif kind == "entry":
            font = "Helvetica-Bold"
        for i, part in enumerate(_wrap(text)):
            canvas.setFont(font, size)
            if kind == "bullet" and i == 0:
                canvas.drawString(x, y, "\u2022")
            canvas.drawString(x + (12 if kind == "bullet" else 0), y, part)
            y -= size + 4
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def docx_bytes(candidate: Candidate) -> bytes:
    """Return a DOCX of the candidate's resume."""
    import docx

    document = docx.Document()
    for kind, text in resume_lines(candidate):
        if kind == "name":
            document.add_heading(text, level=0)
        elif kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def scanned_pdf_bytes() -> bytes:
    """Return a PDF whose only content is a picture of text: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(image).text((20, 20), "Erin Scanner - erin.scanner@example.com", fill="black")
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, invariant=1)
    canvas.drawImage(ImageReader(image), 54, 500, width=500, height=166)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


CORRUPT = b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a real pdf\n"


def write_folder(folder: Path) -> dict[str, Path]:
    """Write every case into folder and return file name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        STRONG.file: pdf_bytes(STRONG),
        MIDDLE.file: docx_bytes(MIDDLE),
        WEAK.file: pdf_bytes(WEAK),
        UNRELATED.file: pdf_bytes(UNRELATED),
        "corrupt.pdf": CORRUPT,
        "scanned.pdf": scanned_pdf_bytes(),
    }
    paths = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = path
    (folder / "notes.xlsx").write_bytes(b"not a resume kind")  # skipped in folders
    return paths
