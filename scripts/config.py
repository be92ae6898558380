"""Paths, languages and the data files that are the single source of truth for vocabularies and UI strings."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("sv", "en")
SOURCE_LANG = "sv"

# Section folder -> the content type its pages have (index pages of a section are type "page").
SECTION_TYPES = {
    "guider": "guide",
    "metoder": "method",
    "fallstudier": "case",
    "checklistor": "checklist",
    "mallar": "template",
    "utbildning": "module",
    "ordlista": "glossary",
    "om": "page",
}
# Overview pages (type "page") that live inside a typed section besides its index.md.
OVERVIEW_PAGES = {"fallstudier/jamforelse.md"}
# Id prefix each type's ids must start with (pages of type "page" are free).
ID_PREFIX = {
    "guide": "guide-",
    "method": "metod-",
    "case": "fall-",
    "checklist": "checklista-",
    "template": "mall-",
    "module": "modul-",
    "course": "kurs-",
}


class Project:
    """A content tree: the real repository or a fixture copy of it (tests)."""

    def __init__(self, root: Path | str = ROOT):
        self.root = Path(root).resolve()
        self.docs = self.root / "docs"
        self.data_dir = self.root / "data"

    def lang_dir(self, lang: str) -> Path:
        return self.docs / lang

    @lru_cache(maxsize=None)
    def data(self, name: str) -> dict | list:
        with open(self.data_dir / f"{name}.yml", encoding="utf-8") as fh:
            return yaml.safe_load(fh) or {}

    @property
    def taxonomy(self) -> dict:
        return self.data("taxonomy")

    @property
    def strings(self) -> dict:
        return self.data("strings")

    def label(self, facet: str, value, lang: str) -> str:
        entry = self.taxonomy.get(facet, {}).get(str(value))
        return entry[lang] if entry else str(value)

    def __hash__(self):
        return hash(self.root)

    def __eq__(self, other):
        return isinstance(other, Project) and other.root == self.root


DEFAULT = Project()
