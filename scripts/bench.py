"""`python -m scripts bench`: build time, pages per language and size, measured (not asserted)."""
from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.config import Project


def measure(project: Project, runs: int = 3) -> dict:
    times, site = [], None
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            out = Path(tmp) / "site"
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=project.root,
                           check=True, capture_output=True, env=env)
            times.append(time.perf_counter() - start)
            site = out
        html = [p for p in site.rglob("index.html") if b'http-equiv="refresh"' not in p.read_bytes()]
        en = [p for p in html if p.relative_to(site).parts[0] == "en"]
        sizes = [p.stat().st_size for p in html]
        shared = [site / "assets/stylesheets/kb.css", site / "assets/javascripts/kb.js"]
        shared += list((site / "assets/stylesheets").glob("main.*.min.css")) + list((site / "assets/javascripts").glob("bundle.*.min.js"))
        gz = lambda p: len(gzip.compress(p.read_bytes(), 6))  # noqa: E731
        return {
            "build_seconds_median": round(statistics.median(times), 2),
            "build_seconds_all": [round(t, 2) for t in times],
            "pages_sv": len(html) - len(en),
            "pages_en": len(en),
            "site_megabytes": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6, 1),
            "html_kilobytes_median": round(statistics.median(sizes) / 1e3, 1),
            "html_kilobytes_gzip_median": round(statistics.median(gz(p) for p in html) / 1e3, 1),
            "css_js_kilobytes_gzip": round(sum(gz(p) for p in shared) / 1e3, 1),
            "search_index_kilobytes": {lang: round((site / prefix / "search/search_index.json").stat().st_size / 1e3, 1)
                                       for lang, prefix in (("sv", ""), ("en", "en"))},
        }


def run(project: Project) -> dict:
    result = measure(project)
    out = project.root / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result
