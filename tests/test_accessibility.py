"""WCAG 2.1 AA in a real browser: axe-core on every page, both languages, both colour schemes;
keyboard use; phone width; screenshots of each page type for people to look at."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import axe_playwright_python
import pytest

from scripts.config import ROOT
from scripts.site import url_of
from tests.test_browser import page_urls

AXE = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTIFACTS = ROOT / "test-artifacts"
# One page of each type, for keyboard, phone and screenshot checks.
PAGE_TYPES = {
    "start": "index.md",
    "guide": "guider/processen.md",
    "method": "metoder/dialogkonferens.md",
    "case": "fallstudier/lervig.md",
    "case-index": "fallstudier/index.md",
    "checklist": "checklistor/dialogkonferens.md",
    "template": "mallar/informationsforfragan.md",
    "module": "utbildning/grundkurs/planera-en-dialog.md",
    "course": "utbildning/grundkurs/index.md",
    "glossary": "ordlista/index.md",
}


def run_axe(page, tags=None):
    page.evaluate(AXE)
    options = {"runOnly": {"type": "tag", "values": tags}} if tags else {}
    return page.evaluate("async (options) => await axe.run(document, options)", options)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_wcag21_aa_on_every_page(site_dir, base_url, browser, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    violations, best_practice = [], Counter()
    urls = sorted(set(page_urls(site_dir)))
    try:
        for url in urls:
            page.goto(base_url + url)
            expected = "slate" if scheme == "dark" else "default"
            assert page.locator("body").get_attribute("data-md-color-scheme") == expected
            for violation in run_axe(page, WCAG_TAGS + ["best-practice"])["violations"]:
                if not set(violation["tags"]) & set(WCAG_TAGS):
                    best_practice[violation["id"]] += 1  # reported, not failed
                    continue
                targets = [", ".join(map(str, n["target"])) for n in violation["nodes"][:3]]
                violations.append(f"{url} [{scheme}] {violation['id']} ({violation['impact']}): {targets}")
    finally:
        context.close()
    print(f"\naxe checked {len(urls)} pages in the {scheme} scheme; best-practice findings: {dict(best_practice) or 'none'}")
    assert not violations, "\n".join(violations[:40])


def test_every_interactive_element_on_key_pages_gets_visible_focus(base_url, context):
    page = context.new_page()
    for rel in ("index.md", "metoder/dialogkonferens.md", "checklistor/dialogkonferens.md"):
        page.goto(base_url + url_of(rel, "sv"))
        seen, missing = set(), []
        for _ in range(250):
            page.keyboard.press("Tab")
            info = page.evaluate("""() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                const box = el.getBoundingClientRect();
                const visible = box.width > 0 && box.height > 0;
                const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
                return {key: el.outerHTML.slice(0, 120), visible, ring};
            }""")
            if info is None or info["key"] in seen:
                if info is not None:
                    break
                continue
            seen.add(info["key"])
            if info["visible"] and not info["ring"]:
                missing.append(info["key"])
        assert len(seen) > 10, rel
        assert not missing, f"{rel}: no visible focus on {missing[:5]}"


def test_keyboard_operates_language_switch_search_checkbox_and_details(base_url, context):
    page = context.new_page()
    page.goto(base_url + url_of("checklistor/dialogkonferens.md", "sv"))
    # Skip link is the first stop and moves focus into the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    # Checkbox: focus and toggle with the space bar.
    box = page.locator("#kb-check-KONF-01")
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    # Search: Material's shortcut "s" (outside form fields) opens the search field, which takes text.
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("s")
    page.wait_for_function("document.activeElement && document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("dialog")
    page.keyboard.press("Escape")
    # Language switch: reachable with Tab, then Enter follows the English link.
    link = page.locator('.md-select__link[hreflang="en"]')
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/checklistor/dialogkonferens/")
    # Collapsed blocks open with the keyboard.
    page.goto(base_url + url_of("utbildning/grundkurs/planera-en-dialog.md", "sv"))
    summary = page.locator("details summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("details").first.get_attribute("open") is not None


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_phone_width_has_no_horizontal_scrolling(base_url, browser, lang):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=1, is_mobile=True)
    page = context.new_page()
    wide = []
    try:
        for name, rel in PAGE_TYPES.items():
            page.goto(base_url + url_of(rel, lang))
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                wide.append(f"{name} ({rel}): {overflow}px too wide")
    finally:
        context.close()
    assert not wide, wide


def test_screenshots_of_each_page_type(base_url, browser):
    """Written to test-artifacts/screenshots/ for people to look at; the assertions are on geometry."""
    out = ARTIFACTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        for width in (375, 1280):
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
            page = context.new_page()
            for name, rel in PAGE_TYPES.items():
                page.goto(base_url + url_of(rel, "sv"))
                title = page.locator("article h1").first.bounding_box()
                assert title and title["x"] >= 0 and title["x"] + title["width"] <= width, (name, width)
                page.screenshot(path=str(out / f"{name}-{width}-{scheme}.png"))
            context.close()
    assert len(list(out.glob("*.png"))) >= len(PAGE_TYPES) * 4
