"""`python -m scripts validate`: every content rule, as findings `path:line: RULE message`."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import defaultdict
from pathlib import Path

from scripts.config import ID_PREFIX, LANGS, OVERVIEW_PAGES, SECTION_TYPES, SOURCE_LANG, Project
from scripts.content import Page, iter_pages
from scripts.findings import Finding
from scripts.schema import MIN_SOURCES, REFERENCE_TYPES, REQUIRED_SECTIONS, fields_for

ID_FORMAT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ANCHOR_FORMAT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PREFIX_FORMAT = re.compile(r"^[A-Z]{2,6}$")
COMMIT_FORMAT = re.compile(r"^[0-9a-f]{7,40}$")
YEAR_FORMAT = re.compile(r"^(19|20)\d\d(–(19|20)\d\d)?$")
GENERIC_ALT = re.compile(r"^(image|bild|img|picture|foto|photo|screenshot|skärmbild)?\s*\d*$|\.(png|jpe?g|svg|gif|webp)$", re.I)


def validate(project: Project, paths: list[Path] | None = None) -> list[Finding]:
    """Check every page; report the findings of the pages under `paths` (all pages when None)."""
    pages = iter_pages(project)
    wanted = {p.path for p in iter_pages(project, paths)} if paths else None
    index = SiteIndex(pages)
    findings = []
    for page in pages:
        if wanted is not None and page.path not in wanted:
            continue
        findings.extend(check_page(page, index))
    return sorted(set(findings))


class SiteIndex:
    """What cross-page rules need: pages by language and path, and by id."""

    def __init__(self, pages: list[Page]):
        self.by_path = {(p.lang, p.rel): p for p in pages}
        self.by_id: dict[tuple[str, str], list[Page]] = defaultdict(list)
        for page in pages:
            if page.id and not page.error:
                self.by_id[(page.lang, page.id)].append(page)

    def page(self, lang: str, rel: str) -> Page | None:
        return self.by_path.get((lang, rel)) or self.by_path.get((SOURCE_LANG, rel))

    def id_type(self, lang: str, page_id: str) -> str | None:
        found = self.by_id.get((lang, page_id)) or self.by_id.get((SOURCE_LANG, page_id))
        return found[0].type if found else None


def check_page(page: Page, index: SiteIndex) -> list[Finding]:
    out: list[Finding] = []

    def add(line: int, rule: str, message: str):
        out.append(Finding(page.display_path, line, rule, message))

    if page.lang not in LANGS:
        add(1, "I18N001", f"'{page.lang}' is not a site language ({', '.join(LANGS)})")
        return out
    if page.error:
        add(page.error.line, "FM001", page.error.message)
        return out
    check_front_matter(page, index, add)
    check_body(page, index, add)
    if page.lang != SOURCE_LANG:
        check_translation(page, index, add)
    return out


# --- front matter ----------------------------------------------------------------------------
def check_front_matter(page: Page, index: SiteIndex, add) -> None:
    meta, project = page.meta, page.project
    page_type = meta.get("type")
    known_types = project.taxonomy["type"]
    if page_type not in known_types:
        add(page.line_of("type"), "FM004" if "type" in meta else "FM003",
            f"'type' must be one of: {', '.join(known_types)}" + (f" (got '{page_type}')" if page_type else ""))
        return
    fields = fields_for(page_type)
    for key in meta:
        if key not in fields:
            close = [f for f in fields if f.startswith(str(key)[:3])]
            add(page.line_of(key), "FM002", f"unknown key '{key}' for type '{page_type}'"
                + (f" (did you mean '{close[0]}'?)" if close else ""))
    for key, (kind, required) in fields.items():
        if required and key not in meta:
            add(1, "FM003", f"missing required key '{key}' for type '{page_type}'")
        elif key in meta:
            problem = check_value(project, kind, meta[key], page.lang)
            if problem:
                add(page.line_of(key), "FM004", f"'{key}': {problem}")
    if page.lang == SOURCE_LANG:
        if "owner" not in meta:
            add(1, "FM003", "missing required key 'owner' (Swedish pages name the team that owns them)")
        if "source_commit" in meta:
            add(page.line_of("source_commit"), "FM002", "'source_commit' belongs on English pages only")
    else:
        if "owner" in meta:
            add(page.line_of("owner"), "FM002", "'owner' belongs on the Swedish page only")
        if "source_commit" not in meta:
            add(1, "I18N005", "missing 'source_commit': the Swedish commit this translation was made from")

    expected = expected_type(page)
    if expected and page_type not in expected:
        add(page.line_of("type"), "FM005",
            f"pages in '{page.section}/' have type {' or '.join(sorted(expected))}, not '{page_type}'")
    page_id = page.id
    if page_id is not None:
        prefix = ID_PREFIX.get(page_type, "")
        if not ID_FORMAT.match(page_id) or not page_id.startswith(prefix):
            add(page.line_of("id"), "FM006",
                f"id '{page_id}' must be lowercase kebab-case" + (f" starting with '{prefix}'" if prefix else ""))
        twins = [p for p in index.by_id.get((page.lang, page_id), []) if p.path != page.path]
        if twins:
            add(page.line_of("id"), "ID001", f"id '{page_id}' is also used by {twins[0].display_path}")
    check_sources(page, add)
    check_references(page, index, add)


def expected_type(page: Page) -> set[str] | None:
    if page.section == "" or page.rel in OVERVIEW_PAGES or page.rel.endswith("/index.md") and page.rel.count("/") == 1:
        return {"page", "glossary"} if page.section == "ordlista" else {"page"}
    if page.section == "utbildning":
        return {"course"} if page.rel.endswith("/index.md") else {"module"}
    section_type = SECTION_TYPES.get(page.section)
    return {section_type} if section_type else None


def check_value(project: Project, kind: str, value, lang: str) -> str | None:
    if kind == "text":
        if not isinstance(value, str) or not value.strip():
            return "must be a non-empty one-line text"
        if "\n" in value.strip():
            return "must be one line"
        return None
    if kind == "date":
        if isinstance(value, dt.date):
            return None
        try:
            dt.date.fromisoformat(str(value))
            return None
        except ValueError:
            return f"must be a date YYYY-MM-DD (got '{value}')"
    if kind.startswith("int:"):
        low, high = (int(x) for x in kind[4:].split("-"))
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            return f"must be a whole number of minutes from {low} to {high}"
        return None
    if kind.startswith("taxonomy:"):
        facet = kind.split(":", 1)[1]
        allowed = project.taxonomy[facet]
        if str(value) not in allowed:
            return f"'{value}' is not allowed; use one of: {', '.join(map(str, allowed))}"
        return None
    if kind.startswith("list:"):
        if not isinstance(value, list) or not value:
            return "must be a non-empty list"
        inner = kind[5:]
        for item in value:
            problem = check_value(project, inner, item, lang)
            if problem:
                return problem
        return None
    if kind == "ids":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "must be a list of page ids"
        return None
    if kind == "year":
        if not YEAR_FORMAT.match(str(value)):
            return f"must be a year '2017' or a range '2014–2018' with an en dash (got '{value}')"
        return None
    if kind == "commit":
        return None if COMMIT_FORMAT.match(str(value)) else "must be a git commit hash (7–40 hex digits)"
    if kind == "prefix":
        return None if PREFIX_FORMAT.match(str(value)) else "must be 2–6 capital letters, e.g. KONF"
    if kind == "legal":
        if not isinstance(value, dict) or set(value) != {"eu", "se", "no"}:
            return "must have exactly the keys eu, se and no (each a list, [] if none applies)"
        if not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in value.values()):
            return "eu, se and no must each be a list of references"
        return None
    if kind == "sources":
        return None  # checked by check_sources, which knows the line of each entry
    raise ValueError(f"unknown field kind {kind}")


def check_sources(page: Page, add) -> None:
    sources = page.meta.get("sources")
    needed = MIN_SOURCES.get(page.type, 0)
    line = page.line_of("sources")
    if sources is None:
        return  # a missing required 'sources' key is FM003
    if not isinstance(sources, list):
        add(line, "SRC001", "'sources' must be a list of entries with 'title' and 'url'")
        return
    if len(sources) < needed:
        add(line, "SRC001", f"a {page.type} needs at least {needed} sources (has {len(sources)})")
    for number, source in enumerate(sources, 1):
        if not isinstance(source, dict) or not {"title", "url"} <= set(source):
            add(line, "SRC001", f"source {number} must have 'title' and 'url'")
            continue
        extra = set(source) - {"title", "url", "publisher", "date"}
        if extra:
            add(line, "SRC001", f"source {number} has unknown keys: {', '.join(sorted(extra))}")
        if not str(source["url"]).startswith("https://") and not str(source["url"]).startswith("http://"):
            add(line, "SRC001", f"source {number} url must be a web address (got '{source['url']}')")


def check_references(page: Page, index: SiteIndex, add) -> None:
    for key, (kind, _) in fields_for(page.type).items():
        if kind != "ids" or not isinstance(page.meta.get(key), list):
            continue
        wanted = REFERENCE_TYPES.get((page.type, key))
        for ref in page.meta[key]:
            found = index.id_type(page.lang, ref)
            if found is None:
                add(page.line_of(key), "REF001", f"'{key}' names unknown id '{ref}'")
            elif wanted and found not in wanted:
                add(page.line_of(key), "REF001", f"'{key}' must name {'/'.join(sorted(wanted))} ids; '{ref}' is a {found}")


# --- body ------------------------------------------------------------------------------------
def check_body(page: Page, index: SiteIndex, add) -> None:
    seen: dict[str, int] = {}
    for heading in page.headings:
        if heading.level == 1:
            add(heading.line, "ST001", "H1 in the body: the title comes from front matter")
        elif heading.level in (2, 3):
            if not heading.anchor:
                add(heading.line, "ST002", f"heading '{heading.text}' has no explicit anchor")
            elif not ANCHOR_FORMAT.match(heading.anchor):
                add(heading.line, "ST002", f"anchor '{heading.anchor}' must be lowercase ASCII kebab-case")
        if heading.anchor:
            if heading.anchor in seen:
                add(heading.line, "ST004", f"anchor '{heading.anchor}' is already used on line {seen[heading.anchor]}")
            seen.setdefault(heading.anchor, heading.line)

    required = REQUIRED_SECTIONS.get(page.type)
    if required:
        present = [h.anchor for h in page.headings if h.level == 2 and h.anchor in required]
        missing = [a for a in required if a not in present]
        if missing:
            add(page.body_start, "ST003", f"missing required section(s): {', '.join('#' + a for a in missing)}")
        elif present != required:
            add(page.body_start, "ST003", f"required sections out of order; expected {', '.join('#' + a for a in required)}")

    if page.type == "checklist":
        check_checklist(page, add)
    if page.type == "module" and isinstance(page.meta.get("exercises"), int) and page.meta["exercises"] > 0:
        if not any(re.match(r"^(!!!|\?\?\?\+?) exercise\b", line) for _, line in page.body_lines):
            add(page.body_start, "ST005", "the module has exercise time but no '!!! exercise' block")

    for link in page.links:
        check_link(page, link, index, add)
    for line, alt, target in page.images:
        if not alt.strip() or GENERIC_ALT.search(alt.strip()):
            add(line, "IM001", f"image '{target}' has no real alt text")
        elif not target.startswith(("https://", "data:")) and not resolve(page, target).exists():
            add(line, "IM001", f"image file '{target}' does not exist")


def check_checklist(page: Page, add) -> None:
    items = page.checklist_items
    if not items:
        add(page.body_start, "ST005", "a checklist needs items '- [ ] PREFIX-01 Text'")
    prefix = page.meta.get("item_prefix")
    seen: dict[str, int] = {}
    for number, item in enumerate(items, 1):
        if item.id in seen:
            add(item.line, "CL002", f"item id {item.id} is already used on line {seen[item.id]}")
            continue
        seen[item.id] = item.line
        expected = f"{prefix}-{number:02d}"
        if item.id != expected:
            add(item.line, "CL001", f"item id {item.id} should be {expected} (prefix {prefix}, numbered in order)")
        if not item.text:
            add(item.line, "CL001", f"item {item.id} has no text")
    ids = {item.line for item in items}
    for line, _ in page.task_item_lines:
        if line not in ids:
            add(line, "CL001", "checklist item without an id: write '- [ ] PREFIX-NN Text'")


def resolve(page: Page, target: str) -> Path:
    return (page.path.parent / target).resolve()


def check_link(page: Page, link, index: SiteIndex, add) -> None:
    target = link.target
    if re.match(r"^(https://|mailto:)", target):
        return
    if re.match(r"^[a-z]+:", target) or target.startswith("/") or re.search(r"\.html?(#|$)", target):
        add(link.line, "LK003", f"link '{target}' must be a relative .md link or an https URL")
        return
    if link.path == "":
        if link.anchor and link.anchor not in page.anchors:
            add(link.line, "LK002", f"anchor '#{link.anchor}' does not exist on this page")
        return
    rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), link.path))
    if not link.path.endswith(".md"):
        if not (page.path.parent / link.path).exists():
            add(link.line, "LK001", f"link target '{link.path}' does not exist")
        return
    target_page = index.page(page.lang, rel)
    if target_page is None:
        add(link.line, "LK001", f"link target '{link.path}' does not exist (no docs/{page.lang}/{rel})")
        return
    if link.anchor and link.anchor not in target_page.anchors:
        add(link.line, "LK002", f"anchor '#{link.anchor}' does not exist in {target_page.display_path}")


# --- translations ------------------------------------------------------------------------------
def check_translation(page: Page, index: SiteIndex, add) -> None:
    source = index.by_path.get((SOURCE_LANG, page.rel))
    if source is None:
        add(1, "I18N001", f"no Swedish source docs/{SOURCE_LANG}/{page.rel} for this translation")
        return
    if source.error:
        return
    if source.id and page.id and source.id != page.id:
        add(page.line_of("id"), "I18N002", f"id '{page.id}' differs from the Swedish page's '{source.id}'")
    ours = [h.anchor for h in page.headings if h.anchor]
    theirs = [h.anchor for h in source.headings if h.anchor]
    if ours != theirs:
        first = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
        line = [h.line for h in page.headings if h.anchor][first] if first < len(ours) else page.body_start
        want = theirs[first] if first < len(theirs) else "(none)"
        have = ours[first] if first < len(ours) else "(none)"
        add(line, "I18N003", f"heading anchor #{have} where the Swedish page has #{want}")
    if page.type == "checklist":
        ours_items = [i.id for i in page.checklist_items]
        theirs_items = [i.id for i in source.checklist_items]
        if ours_items != theirs_items:
            missing = sorted(set(theirs_items) - set(ours_items))
            extra = sorted(set(ours_items) - set(theirs_items))
            line = page.checklist_items[0].line if page.checklist_items else page.body_start
            detail = []
            if missing:
                detail.append("missing " + ", ".join(missing))
            if extra:
                detail.append("not in Swedish " + ", ".join(extra))
            add(line, "I18N004", "item ids differ from the Swedish checklist: " + ("; ".join(detail) or "order differs"))
