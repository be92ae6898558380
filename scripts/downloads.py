"""Editable DOCX downloads of checklists and templates, written at build time from the same Markdown."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt

from scripts.config import LANGS, Project
from scripts.content import CHECK_ITEM, FIELD, HEADING, Page


def plain(markdown: str) -> str:
    """Inline Markdown to plain text: links keep their text, emphasis and attribute lists go."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\{[^}]*\}", "", text)
    text = re.sub(r"(\*\*|__|\*|_|`)(.+?)\1", r"\2", text)
    return text.strip()


def add_text(paragraph, text: str) -> None:
    """Add text to a paragraph, with [[fields]] highlighted so they are easy to find and fill in."""
    position = 0
    for match in FIELD.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position:match.start()])
        run = paragraph.add_run(f"[{match.group(1)}]")
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        run.bold = True
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:])


def base_document(page: Page, strings: dict, url: str, version: str) -> Document:
    doc = Document()
    doc.core_properties.title = str(page.meta["title"])
    doc.core_properties.language = page.lang
    doc.core_properties.identifier = str(page.id)
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(str(page.meta["title"]), level=0)
    doc.add_paragraph(str(page.meta.get("description", "")))
    doc.add_paragraph(f"{page.id} · {strings['version']} {version} · {strings['address']}: {url}")
    return doc


def checklist_document(page: Page, strings: dict, url: str, version: str) -> Document:
    doc = base_document(page, strings, url, version)
    for _, line in page.body_lines:
        heading = HEADING.match(line)
        item = CHECK_ITEM.match(line)
        if heading and len(heading.group(1)) == 2:
            doc.add_heading(plain(heading.group(2)), level=1)
        elif item:
            paragraph = doc.add_paragraph()
            paragraph.add_run("☐ ")
            paragraph.add_run(item.group("id")).bold = True
            paragraph.add_run(" " + plain(item.group("text")))
    return doc


def template_document(page: Page, strings: dict, url: str, version: str) -> Document:
    doc = base_document(page, strings, url, version)
    inside = False
    paragraph_lines: list[str] = []

    def flush():
        if paragraph_lines:
            add_text(doc.add_paragraph(), strip_inline(" ".join(paragraph_lines)))
            paragraph_lines.clear()

    for _, line in page.body_lines:
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) == 2:
            flush()
            inside = heading.group(3) == "mall"
            continue
        if not inside:
            continue
        if heading:
            flush()
            doc.add_heading(plain(heading.group(2)), level=min(len(heading.group(1)) - 1, 3))
        elif re.match(r"^\s*([-*]|\d+\.)\s+", line):
            flush()
            style = "List Number" if re.match(r"^\s*\d+\.", line) else "List Bullet"
            add_text(doc.add_paragraph(style=style), strip_inline(re.sub(r"^\s*([-*]|\d+\.)\s+", "", line)))
        elif not line.strip():
            flush()
        else:
            paragraph_lines.append(line.strip())
    flush()
    return doc


def strip_inline(text: str) -> str:
    """Like plain(), but leaves [[fields]] alone for add_text to highlight."""
    parts = re.split(r"(\[\[[^\]]+\]\])", text)
    return "".join(part if FIELD.fullmatch(part) else plain_keep_spaces(part) for part in parts)


def plain_keep_spaces(text: str) -> str:
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return lead + plain(text) + trail if text.strip() else text


def site_url(project: Project) -> str:
    match = re.search(r"^site_url:\s*(\S+)", (project.root / "mkdocs.yml").read_text(encoding="utf-8"), flags=re.M)
    return match.group(1).rstrip("/") + "/" if match else ""


def write_all(project: Project, site_dir: Path) -> list[Path]:
    from scripts.site import current_model, download_path, strings, url_of, version_of

    site = current_model(project)
    written = []
    for lang in LANGS:
        for page in site.pages(lang):
            if page.type not in ("checklist", "template"):
                continue
            builder = checklist_document if page.type == "checklist" else template_document
            url = site_url(project) + url_of(page.rel, lang)
            doc = builder(page, strings(project, lang), url, version_of(project, page.rel, page.meta))
            target = Path(site_dir) / download_path(page.id, lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            doc.core_properties.created = dt.datetime(2000, 1, 1)  # deterministic output
            doc.save(target)
            written.append(target)
    return written
