"""HTML validity (Nu Html Checker) of every page and Lighthouse scores of three key pages.

The test-only tools come from npm (package.json), installed by ./run test."""
from __future__ import annotations

import json
import os
import re
import subprocess

import pytest

from scripts.config import ROOT
from scripts.site import url_of
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
# Errors in Material's own markup that we do not override (we extend its blocks, never copy them):
THEME_ERRORS = {
    # The hidden checkbox toggles of the drawer and search carry autocomplete="off" so that Firefox
    # does not restore their state; harmless, and only in theme markup.
    r"Attribute “autocomplete” is only allowed when the input type is",
    # Section index pages (navigation.indexes) have a table of contents whose title label points at
    # the toggle that Material renders only for leaf pages.
    r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
}


def test_every_page_is_valid_html(site_dir):
    pages = sorted(str(p) for p in site_dir.rglob("*.html"))
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    ours = [m for m in messages if not any(re.search(p, m["message"]) for p in THEME_ERRORS)]
    toc_labels = [m for m in messages if "“for” attribute" in m["message"]]
    assert len(pages) >= 140
    assert not ours, "\n".join(f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in ours[:30])
    assert all(re.search(r"/index\.html$", m["url"]) for m in toc_labels)


@pytest.fixture(scope="session")
def gzip_url(site_dir, serve):
    return serve(site_dir, gzip=True)


@pytest.mark.parametrize("rel", ["index.md", "metoder/dialogkonferens.md", "checklistor/dialogkonferens.md"])
def test_lighthouse_scores(gzip_url, rel, tmp_path):
    report = tmp_path / "report.json"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'profile'}"])
    result = subprocess.run(
        [str(LIGHTHOUSE), gzip_url + url_of(rel, "sv"), "--quiet", "--output=json", f"--output-path={report}",
         "--only-categories=performance,accessibility,best-practices,seo", f"--chrome-flags={flags}"],
        capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {key: round(cat["score"] * 100) for key, cat in data["categories"].items()}
    out = ROOT / "test-artifacts" / "lighthouse"
    out.mkdir(parents=True, exist_ok=True)
    (out / (rel.replace("/", "-").replace(".md", "") + ".json")).write_text(json.dumps(scores), encoding="utf-8")
    print(f"\nLighthouse {rel}: {scores}")
    failing = {k: [a["id"] for a in data["audits"].values() if a.get("score") not in (None, 1) and
                   a["id"] in {r["id"] for r in data["categories"][k]["auditRefs"]}] for k in scores if k != "performance"}
    for key in ("accessibility", "best-practices", "seo"):
        assert scores[key] == 100, (key, failing[key])
