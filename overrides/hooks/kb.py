"""Thin MkDocs hooks: each event hands over to the scripts package, where the logic lives."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

# MkDocs only puts the hook's own folder on sys.path; the package sits at the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts import site  # noqa: E402
from scripts.config import Project  # noqa: E402

PROJECT = Project(Path(__file__).resolve().parents[2])


def build_lang(config) -> str:
    return config.theme["language"]


def on_page_markdown(markdown, page, config, files):
    return site.expand(PROJECT, markdown, page_rel(page), build_lang(config), page.meta)


def on_page_content(html, page, config, files):
    if page.meta.get("type") == "checklist":
        html = site.checklist_html(html, page.meta.get("id"), build_lang(config), PROJECT)
    if page.meta.get("type") == "template":
        html = site.template_fields(html)
    return site.glossary_tooltips(PROJECT, html, build_lang(config), page_rel(page))


def on_post_page(output, page, config):
    return site.absolute_alternates(output, page.url, config.site_url)


def on_page_context(context, page, config, nav):
    lang = build_lang(config)
    context["kb"] = site.page_context(PROJECT, page.meta, page_rel(page), lang, getattr(page.file, "locale", lang))
    return context


def on_post_template(output, template_name, config):
    # Every language build renders 404.html at the site root; keep the Swedish one there and put
    # each other language's copy under its own folder.
    if template_name == "404.html":
        return site.place_404(Path(config.site_dir), build_lang(config), output)
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the search index
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # an inner per-language build; the outer build finishes the whole site
    site_dir = Path(config.site_dir)
    site.split_search_index(PROJECT, site_dir)
    site.write_redirects(PROJECT, site_dir)
    from scripts.downloads import write_all

    write_all(PROJECT, site_dir)


def page_rel(page) -> str:
    """The page's path below docs/<lang>/ (identical for a translation and its Swedish source)."""
    return getattr(page.file, "norm_src_uri", page.file.src_uri)
