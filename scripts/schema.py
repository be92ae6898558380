"""Front-matter schemas per content type: required keys, value kinds, allowed values.

A field is (kind, required). Kinds: "text" one-line string, "date" ISO date, "int:LO-HI" minutes,
"taxonomy:FACET" id from data/taxonomy.yml, "list:taxonomy:FACET", "list:text", "ids" list of page ids,
"sources", "legal", "year", "commit", "prefix".
"""
from __future__ import annotations

COMMON = {
    "title": ("text", True),
    "description": ("text", True),
    "type": ("text", True),
    "id": ("text", True),
    "reviewed": ("date", True),
    "owner": ("text", False),       # required on Swedish pages, forbidden on English ones (rules.py)
    "source_commit": ("commit", False),  # required on English pages, forbidden on Swedish ones
    "tags": ("list:taxonomy:tag", False),
    "sources": ("sources", False),
}

BY_TYPE = {
    "page": {"hide": ("list:text", False)},  # Material's own key: hide navigation/toc on landing pages
    "glossary": {},
    "guide": {"sources": ("sources", True), "related": ("ids", False)},
    "method": {
        "sources": ("sources", True),
        "phase": ("taxonomy:phase", True),
        "effort": ("taxonomy:effort", True),
        "lead_time": ("text", True),
        "when": ("text", True),
        "legal": ("legal", True),
        "related": ("ids", False),
    },
    "case": {
        "sources": ("sources", True),
        "organisation": ("text", True),
        "country": ("taxonomy:country", True),
        "year": ("year", True),
        "sector": ("taxonomy:sector", True),
        "methods": ("ids", True),
        "procedure": ("taxonomy:procedure", True),
        "outcome": ("text", True),
        "lup_link": ("text", True),
    },
    "checklist": {"sources": ("sources", True), "item_prefix": ("prefix", True), "related": ("ids", False)},
    "template": {"sources": ("sources", True), "related": ("ids", False)},
    "module": {
        "teaching": ("int:0-240", True),
        "exercises": ("int:0-240", True),
        "objectives": ("list:text", True),
        "keypoints": ("list:text", True),
        "prerequisites": ("ids", False),
    },
    "course": {
        "modules": ("ids", True),
        "audience": ("list:taxonomy:audience", True),
        "level": ("taxonomy:level", True),
    },
}

# Minimum number of sources per type (guides and method cards need two independent ones).
MIN_SOURCES = {"guide": 2, "method": 2, "case": 1, "checklist": 1, "template": 1}

# Body sections (explicit anchors, in this order) that each type must have.
REQUIRED_SECTIONS = {
    "method": ["vad", "nar", "insats", "steg", "fallgropar", "lagen", "exempel", "relaterat"],
    "case": ["bakgrund", "behov", "dialog", "upphandling", "resultat", "lardomar"],
    "template": ["nar", "sa-fyller-du-i", "mall"],
}

# Which id references must point at which types.
REFERENCE_TYPES = {
    ("case", "methods"): {"method"},
    ("course", "modules"): {"module"},
    ("module", "prerequisites"): {"module"},
}


def fields_for(page_type: str) -> dict:
    return {**COMMON, **BY_TYPE.get(page_type, {})}
