"""Build-time logic behind the MkDocs hooks: template context, generated blocks, HTML transforms,
per-language search indexes and redirects. Everything is derived from the pages' front matter and
the data files, so nothing generated is ever edited by hand."""
from __future__ import annotations

import html
import json
import posixpath
import re
from functools import lru_cache
from pathlib import Path

import yaml

from scripts.config import LANGS, SOURCE_LANG, Project
from scripts.content import Page, iter_pages

MARKER = re.compile(r"<!--\s*kb:([a-z-]+)\s*-->")


# --- the site model ---------------------------------------------------------------------------
class SiteModel:
    """The pages a language's build shows: its own translations, else the Swedish fallback."""

    def __init__(self, project: Project):
        self.project = project
        pages = iter_pages(project)
        self.source = {p.rel: p for p in pages if p.lang == SOURCE_LANG}
        self.translated = {(p.lang, p.rel): p for p in pages if p.lang != SOURCE_LANG}
        self.nav_order = nav_order(project)

    def pages(self, lang: str) -> list[Page]:
        chosen = [self.page(rel, lang) for rel in self.source]
        return sorted(chosen, key=lambda p: (self.nav_order.get(p.rel, 10_000), p.rel))

    def page(self, rel: str, lang: str) -> Page:
        return self.translated.get((lang, rel), self.source[rel])

    def by_id(self, page_id: str, lang: str) -> Page | None:
        for page in self.pages(lang):
            if page.id == page_id:
                return page
        return None

    def of_type(self, page_type: str, lang: str) -> list[Page]:
        return [p for p in self.pages(lang) if p.type == page_type]


@lru_cache(maxsize=4)
def model(project: Project, stamp: float) -> SiteModel:
    return SiteModel(project)


def current_model(project: Project) -> SiteModel:
    """The model, rebuilt whenever a page changes (cheap check on `mkdocs serve` reloads)."""
    newest = max((p.stat().st_mtime for p in project.docs.rglob("*.md")), default=0.0)
    return model(project, newest)


def nav_order(project: Project) -> dict[str, int]:
    config = project.root / "mkdocs.yml"
    if not config.exists():
        return {}
    text = config.read_text(encoding="utf-8")
    paths = re.findall(r"^\s*-\s*(?:[^:\n]+:\s*)?([\w/.-]+\.md)\s*$", text, flags=re.M)
    return {p: i for i, p in enumerate(paths)}


def url_of(rel: str, lang: str) -> str:
    """Site-root-relative URL of a page (use_directory_urls)."""
    path = rel[:-3]
    if path == "index":
        path = ""
    elif path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    return ("" if lang == SOURCE_LANG else f"{lang}/") + path


def relative_url(from_rel: str, to_rel: str, lang: str) -> str:
    """URL of `to_rel` as seen from the page `from_rel` (both in the same language tree)."""
    rel = posixpath.relpath("/" + url_of(to_rel, lang), "/" + url_of(from_rel, lang))
    return "./" if rel == "." else rel + "/"


def strings(project: Project, lang: str) -> dict:
    return project.strings[lang]


# --- template context -------------------------------------------------------------------------
def page_context(project: Project, meta: dict, rel: str, lang: str, file_lang: str) -> dict:
    """Everything our partials show for one page, already resolved to labels and URLs."""
    site = current_model(project)
    text = strings(project, lang)
    page_type = meta.get("type", "page")
    ctx = {
        "s": text,
        "lang": lang,
        "type": page_type,
        "fallback": file_lang != lang,
        "source_url": url_of(rel, SOURCE_LANG),
        "sources": meta.get("sources") or [],
        "facts": [],
        "downloads": [],
    }

    def link(page_id: str) -> dict:
        target = site.by_id(page_id, lang)
        if target is None:
            return {"text": page_id, "href": None}
        return {"text": target.meta.get("title", page_id), "href": url_of(target.rel, lang)}

    def row(key: str, values: list[dict]) -> None:
        if values:
            ctx["facts"].append({"label": text[key], "entries": values})

    def plain(value) -> list[dict]:
        return [{"text": str(value), "href": None}]

    if page_type == "method":
        row("phase", plain(project.label("phase", meta.get("phase"), lang)))
        row("effort", plain(project.label("effort", meta.get("effort"), lang)))
        row("lead_time", plain(meta.get("lead_time", "")))
        row("when", plain(meta.get("when", "")))
        legal = normalise_legal(meta.get("legal") or {})
        for key in ("eu", "se", "no"):
            row(f"legal_{key}", [{"text": ref, "href": None} for ref in legal.get(key, [])])
        row("related", [link(i) for i in meta.get("related") or []])
    elif page_type == "case":
        row("organisation", plain(meta.get("organisation", "")))
        row("country", plain(project.label("country", normalise_country(meta.get("country")), lang)))
        row("year", plain(meta.get("year", "")))
        row("sector", plain(project.label("sector", meta.get("sector"), lang)))
        row("methods", [link(i) for i in meta.get("methods") or []])
        row("procedure", plain(project.label("procedure", meta.get("procedure"), lang)))
        row("outcome", plain(meta.get("outcome", "")))
        row("lup_link", plain(meta.get("lup_link", "")))
    elif page_type == "module":
        teaching, exercises = meta.get("teaching", 0), meta.get("exercises", 0)
        ctx["time"] = {"teaching": teaching, "exercises": exercises, "total": teaching + exercises}
        ctx["objectives"] = meta.get("objectives") or []
        ctx["keypoints"] = meta.get("keypoints") or []
        row("prerequisites", [link(i) for i in meta.get("prerequisites") or []])
    elif page_type == "course":
        modules = [site.by_id(i, lang) for i in meta.get("modules") or []]
        modules = [m for m in modules if m is not None]
        ctx["time"] = {"total": sum(m.meta.get("teaching", 0) + m.meta.get("exercises", 0) for m in modules)}
        ctx["objectives"] = [o for m in modules for o in m.meta.get("objectives") or []]
        row("audience", [{"text": project.label("audience", a, lang), "href": None} for a in meta.get("audience") or []])
        row("level", plain(project.label("level", meta.get("level"), lang)))
    if page_type in ("checklist", "template"):
        ctx["downloads"].append({"href": download_path(meta.get("id", ""), lang), "label": text["download_docx"]})
        ctx["version"] = version_of(project, rel, meta)
    if page_type == "checklist":
        ctx["checklist_id"] = meta.get("id")
    return ctx


def normalise_legal(legal: dict) -> dict:
    # MkDocs reads front matter as YAML 1.1, where the key `no` becomes False.
    return {("no" if key is False else key): value for key, value in legal.items()}


def normalise_country(value) -> str:
    return "no" if value is False else str(value)


def download_path(page_id: str, lang: str) -> str:
    return ("" if lang == SOURCE_LANG else f"{lang}/") + f"nedladdningar/{page_id}.docx"


def version_of(project: Project, rel: str, meta: dict) -> str:
    """Content version shown on checklists and in their downloads: review date + Swedish commit."""
    from scripts.i18n import git

    commit = git(project, "log", "-1", "--format=%h", "--", str(project.lang_dir(SOURCE_LANG) / rel)) or "ej incheckad"
    return f"{meta.get('reviewed', '')} ({commit})"


# --- generated Markdown -------------------------------------------------------------------------
def expand(project: Project, markdown: str, rel: str, lang: str, meta: dict) -> str:
    """Replace `<!-- kb:NAME -->` markers and append the generated parts of typed pages."""
    site = current_model(project)

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in GENERATORS:
            raise ValueError(f"{rel}: unknown marker <!-- kb:{name} --> (known: {', '.join(GENERATORS)})")
        return GENERATORS[name](project, site, rel, lang)

    markdown = MARKER.sub(replace, markdown)
    if meta.get("type") == "method":
        markdown += "\n\n" + method_cases(project, site, rel, lang, meta.get("id"))
    if meta.get("type") == "course":
        markdown += "\n\n" + course_agenda(project, site, rel, lang, meta)
    return markdown


def md_link(text: str, from_rel: str, to_rel: str) -> str:
    target = posixpath.relpath(to_rel, posixpath.dirname(from_rel) or ".")
    return f"[{text.replace('[', '(').replace(']', ')')}]({target})"


def cell(text) -> str:
    """Text for a Markdown table cell: no pipes, no line breaks, no raw HTML."""
    return str(text).replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


def method_cases(project, site, rel, lang, method_id) -> str:
    text = strings(project, lang)
    cases = [c for c in site.of_type("case", lang) if method_id in (c.meta.get("methods") or [])]
    lines = [f"## {text['cases_using_method']} {{ #fallstudier }}", ""]
    if not cases:
        return "\n".join(lines + [text["no_cases_yet"]])
    for case in cases:
        meta = case.meta
        facts = f"{meta.get('organisation')}, {project.label('country', normalise_country(meta.get('country')), lang)}, {meta.get('year')}"
        lines.append(f"- {md_link(meta['title'], rel, case.rel)} ({facts})")
    return "\n".join(lines)


def course_agenda(project, site, rel, lang, meta) -> str:
    text = strings(project, lang)
    lines = [f"## {text['modules']} {{ #moduler }}", "",
             f"| # | {text['module']} | {text['teaching']} | {text['exercises']} | {text['objectives']} |",
             "|---|---|---|---|---|"]
    for number, module_id in enumerate(meta.get("modules") or [], 1):
        module = site.by_id(module_id, lang)
        if module is None:
            continue
        m = module.meta
        lines.append(f"| {number} | {md_link(m['title'], rel, module.rel)} | {m.get('teaching')} {text['minutes']} "
                     f"| {m.get('exercises')} {text['minutes']} | {cell('; '.join(m.get('objectives') or []))} |")
    return "\n".join(lines)


def section_index(project, site, rel, lang) -> str:
    """The pages of a section (and its sub-sections' index pages) in nav order, with descriptions."""
    folder = posixpath.dirname(rel)

    def belongs(page: Page) -> bool:
        parent = posixpath.dirname(page.rel)
        return page.rel != rel and (parent == folder or page.rel.endswith("/index.md") and posixpath.dirname(parent) == folder)

    return "\n".join(f"- **{md_link(p.meta['title'], rel, p.rel)}**: {p.meta.get('description', '')}"
                     for p in site.pages(lang) if belongs(p))


def case_filter(project, site, rel, lang) -> str:
    """The case index: a complete table without JavaScript; kb.js adds the filters."""
    text = strings(project, lang)
    cases = site.of_type("case", lang)
    facets = {"sector": {}, "country": {}, "methods": {}, "procedure": {}, "year": set()}
    rows = []
    for case in cases:
        m = case.meta
        country = normalise_country(m.get("country"))
        years = year_span(str(m.get("year", "")))
        facets["sector"][m.get("sector")] = project.label("sector", m.get("sector"), lang)
        facets["country"][country] = project.label("country", country, lang)
        facets["procedure"][m.get("procedure")] = project.label("procedure", m.get("procedure"), lang)
        facets["year"].update(years)
        method_links = []
        for method_id in m.get("methods") or []:
            method = site.by_id(method_id, lang)
            if method:
                facets["methods"][method_id] = method.meta["title"]
                method_links.append(f'<a href="{relative_url(rel, method.rel, lang)}">{esc(method.meta["title"])}</a>')
        rows.append(
            f'<tr data-sector="{esc(m.get("sector"))}" data-country="{country}" data-procedure="{esc(m.get("procedure"))}" '
            f'data-methods="{esc(" ".join(m.get("methods") or []))}" data-year="{" ".join(map(str, years))}">'
            f'<th scope="row"><a href="{relative_url(rel, case.rel, lang)}">{esc(m["title"])}</a></th>'
            f"<td>{esc(m.get('organisation'))}</td><td>{esc(facets['country'][country])}</td><td>{esc(m.get('year'))}</td>"
            f"<td>{esc(facets['sector'][m.get('sector')])}</td><td>{', '.join(method_links)}</td>"
            f"<td>{esc(facets['procedure'][m.get('procedure')])}</td><td>{esc(m.get('outcome'))}</td></tr>")
    selects = []
    for key, label_key in (("sector", "sector"), ("country", "country"), ("methods", "methods"),
                           ("procedure", "procedure"), ("year", "year")):
        options = sorted(facets[key]) if key == "year" else sorted(facets[key].items(), key=lambda kv: kv[1])
        opts = "".join(f'<option value="{v}">{v}</option>' if key == "year" else f'<option value="{esc(v)}">{esc(t)}</option>'
                       for v, t in ((o, o) if key == "year" else o for o in options))
        selects.append(f'<div class="kb-filter__field"><label for="kb-filter-{key}">{esc(text[label_key])}</label>'
                       f'<select id="kb-filter-{key}" data-filter="{key}"><option value="">{esc(text["filter_all"])}</option>{opts}</select></div>')
    head = "".join(f'<th scope="col">{esc(text[k])}</th>' for k in
                   ("case", "organisation", "country", "year", "sector", "methods", "procedure", "outcome"))
    return (f'<form class="kb-filter" hidden aria-labelledby="kb-filter-heading">'
            f'<h2 id="kb-filter-heading" class="kb-filter__heading">{esc(text["filter_heading"])}</h2>'
            f'<div class="kb-filter__fields">{"".join(selects)}</div>'
            f'<button type="reset" class="md-button">{esc(text["filter_reset"])}</button>'
            f'<p class="kb-filter__result" role="status" aria-live="polite"></p></form>\n\n'
            f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table data-kb-cases>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>")


def case_comparison(project, site, rel, lang) -> str:
    text = strings(project, lang)
    cases = site.of_type("case", lang)
    fields = ("organisation", "country", "year", "sector", "methods", "procedure", "outcome", "lup_link")
    lines = ["| " + " | ".join([text["case"], *(text[f] for f in fields)]) + " |", "|" + "---|" * (len(fields) + 1)]
    for case in cases:
        m = case.meta
        values = []
        for field in fields:
            value = m.get(field, "")
            if field in ("country", "sector", "procedure"):
                value = project.label(field, normalise_country(value) if field == "country" else value, lang)
            elif field == "methods":
                found = [site.by_id(i, lang) for i in value or []]
                value = ", ".join(md_link(p.meta["title"], rel, p.rel) for p in found if p)
            values.append(cell(value))
        lines.append("| " + " | ".join([md_link(m["title"], rel, case.rel), *values]) + " |")
    return "\n".join(lines)


def year_span(year: str) -> list[int]:
    numbers = [int(y) for y in re.findall(r"\d{4}", year)]
    if not numbers:
        return []
    return list(range(numbers[0], numbers[-1] + 1))


def glossary(project, site, rel, lang) -> str:
    text = strings(project, lang)
    other = "en" if lang == "sv" else "sv"
    lines = [f"| {text['term_' + lang]} | {text['term_nb']} | {text['term_' + other]} | {text['definition']} |",
             "|---|---|---|---|"]
    for term in sorted(project.data("glossary"), key=lambda t: t[lang].lower()):
        # The other languages' terms carry their own lang, so screen readers pronounce them right.
        lines.append(f"| **{cell(term[lang])}** {{ #{term['id']} }} | <span lang=\"nb\">{cell(term['nb'])}</span> "
                     f"| <span lang=\"{other}\">{cell(term[other])}</span> | {cell(term['def_' + lang])} |")
    return "\n".join(lines)


def translation_status(project, site, rel, lang) -> str:
    from scripts.i18n import status

    text = strings(project, lang)
    lines = [f"| {text['status_page']} | {text['status_state']} | {text['status_detail']} |", "|---|---|---|"]
    for row in status(project):
        lines.append(f"| {md_link(row.title, rel, row.rel)} | {text['status_' + row.state]} | {cell(row.detail)} |")
    return "\n".join(lines)


def rules_table(project, site, rel, lang) -> str:
    from scripts.findings import RULES

    column = 0 if lang == "sv" else 1
    header = "| Regel | Vad som kontrolleras | Så rättar du |" if lang == "sv" else "| Rule | What is checked | How to fix it |"
    lines = [header, "|---|---|---|"]
    for rule, texts in RULES.items():
        lines.append(f"| `{rule}` {{ #{rule.lower()} }} | {cell(texts[column])} | {cell(texts[2])} |")
    return "\n".join(lines)


GENERATORS = {
    "section-index": section_index,
    "case-filter": case_filter,
    "case-comparison": case_comparison,
    "glossary": glossary,
    "translation-status": translation_status,
    "rules": rules_table,
}


def esc(value) -> str:
    return html.escape(str(value if value is not None else ""), quote=True)


# --- HTML transforms ----------------------------------------------------------------------------
TASK = re.compile(r'<li class="task-list-item"><input type="checkbox"(?: disabled(?:="disabled")?)?\s*/?>\s*'
                  r"(?P<id>[A-Z]{2,6}-\d{2})\s+(?P<text>.*?)</li>", re.S)
FIELD_HTML = re.compile(r"\[\[([^\]<>\n]+)\]\]")


def checklist_html(page_html: str, checklist_id: str, lang: str, project: Project) -> str:
    item_label = strings(project, lang)["item_id"]

    def item(match: re.Match) -> str:
        item_id, text = match.group("id"), match.group("text").strip()
        return (f'<li class="task-list-item kb-item" id="{item_id}">'
                f'<input type="checkbox" class="kb-check" id="kb-check-{item_id}" data-item="{item_id}">'
                f'<label for="kb-check-{item_id}"><span class="kb-item__id">{item_id}</span> {text}</label>'
                f'<a class="kb-item__link headerlink" href="#{item_id}" aria-label="{item_label} {item_id}">¶</a></li>')

    return TASK.sub(item, page_html)


# Inside these elements a tooltip would be wrong (links, headings, code) or nested in a control.
NO_TOOLTIP = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "button",
              "label", "summary", "select", "option", "textarea", "th", "dt"}
TAG = re.compile(r"(<[^>]+>)")
TAG_NAME = re.compile(r"^</?([a-zA-Z0-9]+)")


@lru_cache(maxsize=4)
def glossary_terms(project: Project, lang: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """One pattern for every tooltip form of the language, longest first, and form -> definition."""
    definitions = {}
    for term in project.data("glossary"):
        forms = term.get("match_" + lang)
        for form in [term[lang]] if forms is None else forms:  # [] switches tooltips off for a term
            definitions[form] = term["def_" + lang].strip()
    if not definitions:
        return None, {}
    alternatives = "|".join(re.escape(f) for f in sorted(definitions, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])"), definitions


def glossary_tooltips(project: Project, page_html: str, lang: str, rel: str) -> str:
    """Explain glossary terms where they appear in body text: the first use of each term on a page
    becomes an <abbr> with the definition as its tooltip, reachable by keyboard."""
    pattern, definitions = glossary_terms(project, lang)
    if pattern is None or rel.startswith("ordlista/"):
        return page_html
    explained: set[str] = set()
    skip_depth = 0

    def explain(match: re.Match) -> str:
        definition = definitions[match.group(1)]
        if definition in explained:
            return match.group(0)
        explained.add(definition)
        return f'<abbr title="{html.escape(definition, quote=True)}" tabindex="0">{match.group(0)}</abbr>'

    out = []
    for part in TAG.split(page_html):
        if part.startswith("<"):
            name = TAG_NAME.match(part)
            if name and name.group(1).lower() in NO_TOOLTIP and not part.endswith("/>"):
                skip_depth += -1 if part.startswith("</") else 1
            out.append(part)
        else:
            out.append(pattern.sub(explain, part) if skip_depth == 0 and part.strip() else part)
    return "".join(out)


ALTERNATE = re.compile(r'(<link rel="alternate" (?:hreflang="[^"]+" )?href=")([^"]+)(")')


def absolute_alternates(page_html: str, page_url: str, site_url: str) -> str:
    """hreflang alternates must be absolute URLs (search engines ignore relative ones)."""
    from urllib.parse import urljoin

    base = urljoin(site_url, page_url)
    return ALTERNATE.sub(lambda m: m.group(1) + urljoin(base, m.group(2)) + m.group(3), page_html)


def template_fields(page_html: str) -> str:
    return FIELD_HTML.sub(r'<span class="kb-field">[\1]</span>', page_html)


# --- after the build ----------------------------------------------------------------------------
def split_search_index(project: Project, site_dir: Path) -> dict[str, int]:
    """One search index per language: /search/ for Swedish, /en/search/ for English.

    The i18n plugin merges both languages into one index, so an English search would return Swedish
    pages. Swedish fallback pages under /en/ are left out of the English index."""
    index_path = site_dir / "search" / "search_index.json"
    data = json.loads(index_path.read_text(encoding="utf-8"))
    per_lang = {lang: [] for lang in LANGS}
    for doc in data["docs"]:
        location = doc["location"]
        lang = next((lg for lg in LANGS if lg != SOURCE_LANG and location.startswith(f"{lg}/")), SOURCE_LANG)
        if lang != SOURCE_LANG and is_fallback(project, location[len(lang) + 1:], lang):
            continue
        per_lang[lang].append(doc)
    counts = {}
    for lang, docs in per_lang.items():
        target = index_path if lang == SOURCE_LANG else site_dir / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        config = dict(data["config"], lang=[lang])
        target.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
        counts[lang] = len(docs)
    return counts


def is_fallback(project: Project, location: str, lang: str) -> bool:
    path = location.split("#", 1)[0].rstrip("/")
    candidates = [f"{path}/index.md", f"{path}.md"] if path else ["index.md"]
    if not any((project.lang_dir(SOURCE_LANG) / c).exists() for c in candidates):
        return False  # not a content page (e.g. 404): keep
    return not any((project.lang_dir(lang) / c).exists() for c in candidates)


_ROOT_404: dict[str, str] = {}


def place_404(site_dir: Path, lang: str, output: str) -> str:
    """Return what the build writes to /404.html: always the Swedish page; others go to /<lang>/404.html."""
    if lang == SOURCE_LANG:
        _ROOT_404[str(site_dir)] = output
        return output
    target = site_dir / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _ROOT_404.get(str(site_dir), output)


def redirects(project: Project) -> dict[str, str]:
    path = project.data_dir / "redirects.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.exists() else {}


def write_redirects(project: Project, site_dir: Path) -> list[Path]:
    """A small HTML page at each old address, in every language, pointing at the new one."""
    written = []
    for old, new in redirects(project).items():
        if not (project.lang_dir(SOURCE_LANG) / new).exists():
            raise ValueError(f"data/redirects.yml: target {new} of {old} does not exist")
        for lang in LANGS:
            old_url, new_url = url_of(old, lang), url_of(new, lang)
            target = site_dir / old_url / "index.html"
            href = posixpath.relpath("/" + new_url, "/" + old_url.rstrip("/")) + "/"
            text = strings(project, lang)["redirect_notice"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(text)} {esc(new_url)}</title>'
                f'<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={href}">'
                f'<link rel="canonical" href="{href}"></head><body><p>{esc(text)} <a href="{href}">{esc(new_url)}</a></p>'
                f"</body></html>", encoding="utf-8")
            written.append(target)
    return written
