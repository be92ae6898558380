"""The built site in headless Chromium: every page, the language switcher, per-language search,
checklists and the case filter."""
from __future__ import annotations

import pytest

from scripts.config import DEFAULT as PROJECT
from scripts.site import SiteModel, url_of
from tests.test_build import content_pages


def page_urls(site_dir):
    for lang in ("sv", "en"):
        for path in content_pages(site_dir, lang):
            yield path.parent.relative_to(site_dir).as_posix().replace(".", "") + "/"


def test_every_page_loads_without_errors_or_outside_requests(site_dir, base_url, context):
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(f"{page.url}: console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    page.on("response", lambda r: problems.append(f"{page.url}: {r.status} {r.url}") if r.status >= 400 else None)
    urls = sorted(set(page_urls(site_dir)))
    assert len(urls) > 100
    for url in urls:
        page.goto(base_url + url.lstrip("/"), wait_until="load")
    page.wait_for_timeout(300)
    assert not problems, "\n".join(problems[:30])
    assert context.outside_requests == []
    cookies = context.cookies()
    assert cookies == []


@pytest.mark.parametrize("rel", ["metoder/informationsforfragan.md", "checklistor/dialogkonferens.md", "index.md"])
def test_language_switcher_keeps_the_page(base_url, context, rel):
    page = context.new_page()
    page.goto(base_url + url_of(rel, "sv"))
    page.click(".md-header__option .md-select > button", force=True)
    page.click('.md-select__link[hreflang="en"]', force=True)
    page.wait_for_load_state("load")
    assert page.url == base_url + url_of(rel, "en")
    assert page.locator("html").get_attribute("lang") == "en"
    page.click(".md-header__option .md-select > button", force=True)
    page.click('.md-select__link[hreflang="sv"]', force=True)
    page.wait_for_load_state("load")
    assert page.url == base_url + url_of(rel, "sv")


def search(page, query):
    """Type a query and return the result links once the list has rendered and stopped changing."""
    page.click("label.md-search__icon, .md-search__input", force=True)
    page.fill(".md-search__input", query)
    page.wait_for_selector(".md-search-result__link", timeout=15000)
    previous = None
    for _ in range(20):
        links = [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]
        if links == previous:
            return links
        previous = links
        page.wait_for_timeout(150)
    return previous


def test_english_search_returns_only_english_pages(base_url, context):
    page = context.new_page()
    page.goto(base_url + "en/")
    links = search(page, "supplier")
    assert links, "no English results"
    assert all("/en/" in link for link in links), links


@pytest.mark.parametrize("query", ["dialogmöten", "leverantörer", "informationsförfrågan"])
def test_swedish_search_finds_inflected_words_and_only_swedish_pages(base_url, context, query):
    page = context.new_page()
    page.goto(base_url)
    links = search(page, query)
    assert links, f"no Swedish results for {query}"
    assert not [link for link in links if "/en/" in link], links


def test_checklist_keeps_progress_locally_and_shares_it_by_link(base_url, context, browser):
    url = base_url + url_of("checklistor/dialogkonferens.md", "sv")
    page = context.new_page()
    page.goto(url)
    boxes = page.locator(".kb-check")
    total = boxes.count()
    assert total >= 8
    boxes.nth(0).check()
    boxes.nth(2).check()
    assert page.locator(".kb-progress").text_content() == f"2 av {total} punkter klara"
    page.reload()
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]

    page.click("button[data-action=copy-link]")
    link = page.locator(".kb-link-output").input_value()
    assert link.endswith("#ticks=KONF-01,KONF-03")

    page.click("button[data-action=reset]")
    assert not any(boxes.nth(i).is_checked() for i in range(total))
    page.reload()
    assert not any(boxes.nth(i).is_checked() for i in range(total))

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(link)
        other_boxes = other.locator(".kb-check")
        assert [other_boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    finally:
        fresh.close()
    assert context.cookies() == []


def test_checklist_items_have_names_and_work_with_the_keyboard(base_url, context):
    page = context.new_page()
    page.goto(base_url + url_of("checklistor/dialogkonferens.md", "en") + "#KONF-03")
    box = page.get_by_role("checkbox", name="KONF-03", exact=False)
    assert box.count() == 1
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()


def test_print_hides_navigation(base_url, context):
    page = context.new_page()
    page.goto(base_url + url_of("checklistor/dialogkonferens.md", "sv"))
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".kb-checklist-tools").is_visible()
    assert page.locator(".kb-print-only").first.is_visible()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_case_filter_by_method_matches_front_matter(base_url, context, lang):
    site = SiteModel(PROJECT)
    cases = site.of_type("case", lang)
    page = context.new_page()
    page.goto(base_url + url_of("fallstudier/index.md", lang))
    rows = page.locator("table[data-kb-cases] tbody tr")
    assert rows.count() == len(cases)
    methods = sorted({m for c in cases for m in c.meta["methods"]})
    for method in methods:
        page.select_option("#kb-filter-methods", method)
        expected = sorted(c.meta["title"] for c in cases if method in c.meta["methods"])
        shown = sorted(r.locator("th a").text_content().strip() for r in rows.all() if r.is_visible())
        assert shown == expected, method
        status = page.locator(".kb-filter__result").text_content()
        assert status.startswith(str(len(expected))), status
    page.click(".kb-filter button[type=reset]")
    page.wait_for_timeout(50)
    assert sum(r.is_visible() for r in rows.all()) == len(cases)
