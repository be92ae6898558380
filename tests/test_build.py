"""The built site: strict build, both languages, search per language, sitemap, 404, fallback pages,
redirects, downloads and every internal link and anchor in the HTML."""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from docx import Document
from selectolax.parser import HTMLParser

from scripts.config import DEFAULT as PROJECT
from scripts.content import HEADING, iter_pages
from scripts.site import redirects, url_of
from scripts.validate import validate


def content_pages(site_dir: Path, lang: str) -> list[Path]:
    root = site_dir / "en" if lang == "en" else site_dir
    pages = [p for p in root.rglob("index.html") if "<meta http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")]
    return [p for p in pages if lang == "en" or not p.relative_to(site_dir).as_posix().startswith("en/")]


def test_real_content_passes_validation():
    findings = validate(PROJECT)
    assert findings == [], "\n".join(f.format() for f in findings[:40])


def test_strict_build_has_no_warnings(built):
    out, result = built
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-6000:]
    assert not re.search(r"^(WARNING|ERROR)", log, flags=re.M), log[-6000:]


def test_every_source_page_is_built_in_both_languages(site_dir):
    sources = [p for p in iter_pages(PROJECT, [PROJECT.lang_dir("sv")])]
    for page in sources:
        for lang in ("sv", "en"):
            assert (site_dir / url_of(page.rel, lang) / "index.html").exists(), (lang, page.rel)
    assert len(content_pages(site_dir, "sv")) == len(content_pages(site_dir, "en")) == len(sources)


def test_pages_carry_their_language(site_dir):
    assert '<html lang="sv"' in (site_dir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (site_dir / "en/index.html").read_text(encoding="utf-8")
    assert "Early Dialogue" in (site_dir / "en/index.html").read_text(encoding="utf-8")


def test_search_index_is_split_per_language(site_dir):
    sv = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site_dir / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert sv["docs"] and en["docs"]
    assert not [d for d in sv["docs"] if d["location"].startswith("en/")]
    assert all(d["location"].startswith("en/") for d in en["docs"])
    assert any("dialogmöten" in d["text"] for d in sv["docs"])


def test_sitemap_has_hreflang_alternates(site_dir):
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="en"' in sitemap and 'hreflang="sv"' in sitemap
    assert "https://tidig-dialog.example.org/en/metoder/informationsforfragan/" in sitemap


def test_404_page_in_each_language(site_dir):
    assert "Sidan finns inte" in (site_dir / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in (site_dir / "en/404.html").read_text(encoding="utf-8")


def test_no_third_party_assets_in_html(site_dir):
    for page in list(site_dir.rglob("*.html"))[:400]:
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "unpkg.com" not in html and "cdn.jsdelivr" not in html, page
        tree = HTMLParser(html)
        for node in tree.css("script[src], link[rel=stylesheet], img[src]"):
            src = node.attributes.get("src") or node.attributes.get("href") or ""
            assert not src.startswith(("http:", "https:", "//")), (page, src)


def test_fallback_page_is_marked(fallback_site):
    out, _ = fallback_site
    html = (out / "en/om/integritet/index.html").read_text(encoding="utf-8")
    tree = HTMLParser(html)
    assert tree.css_first('meta[name="robots"]').attributes["content"] == "noindex"
    notice = tree.css_first(".kb-fallback")
    assert "has not been translated into English" in notice.text()
    assert notice.css_first("a").attributes["href"].rstrip("/").endswith("om/integritet")
    assert tree.css_first("div.kb-page").attributes.get("lang") == "sv"
    en_index = json.loads((out / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in en_index["docs"] if d["location"].startswith("en/om/integritet/")]


def test_redirects_in_both_languages(site_dir):
    assert redirects(PROJECT), "the redirect map is empty"
    for old, new in redirects(PROJECT).items():
        for lang in ("sv", "en"):
            html = (site_dir / url_of(old, lang) / "index.html").read_text(encoding="utf-8")
            target = re.search(r'url=([^"]+)"', html).group(1)
            resolved = posixpath.normpath(posixpath.join("/" + url_of(old, lang), target)) + "/"
            assert resolved == "/" + url_of(new, lang), (old, lang, resolved)


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_checklist_downloads_hold_every_item(site_dir, lang):
    checklists = [p for p in iter_pages(PROJECT, [PROJECT.lang_dir(lang) / "checklistor"]) if p.type == "checklist"]
    assert checklists
    for page in checklists:
        path = site_dir / ("" if lang == "sv" else "en") / "nedladdningar" / f"{page.id}.docx"
        text = docx_text(path)
        prefix = page.meta["item_prefix"]
        found = [i for i in re.findall(r"\b[A-Z]{2,6}-\d{2}\b", text) if i.startswith(prefix + "-")]
        assert found == [i.id for i in page.checklist_items], page.rel
        assert page.meta["title"] in text and Document(str(path)).core_properties.language == lang


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_template_downloads_hold_every_section(site_dir, lang):
    templates = [p for p in iter_pages(PROJECT, [PROJECT.lang_dir(lang) / "mallar"]) if p.type == "template"]
    assert templates
    for page in templates:
        text = docx_text(site_dir / ("" if lang == "sv" else "en") / "nedladdningar" / f"{page.id}.docx")
        after = False
        for _, line in page.body_lines:
            heading = HEADING.match(line)
            if heading and len(heading.group(1)) == 2:
                after = heading.group(3) == "mall"
            elif heading and after:
                assert heading.group(2).strip() in text, (page.rel, heading.group(2))
        assert "[" in text, "fields to fill in are kept"


def test_every_internal_link_and_anchor_resolves(site_dir):
    ids_cache: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids_cache:
            tree = HTMLParser(path.read_text(encoding="utf-8"))
            ids_cache[path] = {n.attributes["id"] for n in tree.css("[id]")}
        return ids_cache[path]

    broken = []
    for page in site_dir.rglob("*.html"):
        tree = HTMLParser(page.read_text(encoding="utf-8"))
        for node in tree.css("a[href]"):
            href = node.attributes["href"]
            if re.match(r"^(https?:|mailto:|javascript:)", href) or node.parent is not None and "md-source" in (node.attributes.get("class") or ""):
                continue
            parts = urlsplit(href)
            if parts.netloc:
                broken.append(f"{page.relative_to(site_dir)}: {href} (leaves the site)")
                continue
            if parts.path.startswith("/"):  # the 404 pages and the home page's language links are root-absolute
                target = (site_dir / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site_dir)}: {href}")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in ids_of(target) and not fragment.startswith("ticks="):
                broken.append(f"{page.relative_to(site_dir)}: {href} (no #{fragment})")
    assert not broken, "\n".join(broken[:50])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_process_guide_links_every_method_card(lang):
    guide = next(p for p in iter_pages(PROJECT, [PROJECT.lang_dir(lang) / "guider/processen.md"]))
    linked = {posixpath.normpath(posixpath.join("guider", link.path)) for link in guide.links if link.path}
    methods = {p.rel for p in iter_pages(PROJECT, [PROJECT.lang_dir(lang) / "metoder"]) if p.type == "method"}
    assert len(methods) >= 13
    assert methods <= linked, methods - linked


def test_every_method_card_lists_the_cases_that_name_it(site_dir):
    from scripts.site import SiteModel

    site = SiteModel(PROJECT)
    for lang in ("sv", "en"):
        cases = site.of_type("case", lang)
        for method in site.of_type("method", lang):
            html = (site_dir / url_of(method.rel, lang) / "index.html").read_text(encoding="utf-8")
            section = html[html.index('id="fallstudier"'):]
            section = section[:section.index('id="kallor"')]
            expected = [c for c in cases if method.id in c.meta["methods"]]
            for case in expected:
                assert url_of(case.rel, lang).rsplit("/", 2)[-2] + "/" in section, (lang, method.rel, case.rel)
            assert section.count('href="../../fallstudier/') == len(expected) or not expected, (lang, method.rel)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_glossary_terms_and_tooltips(site_dir, lang):
    glossary = HTMLParser((site_dir / url_of("ordlista/index.md", lang) / "index.html").read_text(encoding="utf-8"))
    rows = glossary.css("article table tbody tr")
    assert len(rows) >= 50
    assert all(row.css_first('span[lang="nb"]') for row in rows)
    guide = HTMLParser((site_dir / url_of("guider/processen.md", lang) / "index.html").read_text(encoding="utf-8"))
    tooltips = guide.css("article abbr[title]")
    assert len(tooltips) >= 5
    titles = [t.attributes["title"] for t in tooltips]
    assert len(titles) == len(set(titles)), "a term is explained once per page"
    assert not guide.css("article a abbr, article h2 abbr, article code abbr")
