"""`python -m scripts new TYPE SLUG`: a new Swedish page that passes validation, added to the nav."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from scripts.config import ID_PREFIX, Project

SECTION_OF = {"guide": "guider", "method": "metoder", "case": "fallstudier", "checklist": "checklistor",
              "template": "mallar", "page": "om"}
STANDARD_SOURCES = """sources:
  - title: Tidig dialog
    publisher: Upphandlingsmyndigheten
    url: https://upphandlingsmyndigheten.se/inkopsprocessen/forbered-upphandling/tidig-dialog
  - title: About the programme
    publisher: Nasjonalt program for leverandørutvikling
    url: https://innovativeanskaffelser.no/about/
"""

BODIES = {
    "guide": """Skriv inledningen här: vem guiden är till för och vad läsaren kan göra efter att ha läst den.

## Första avsnittet { #forsta-avsnittet }

Skriv korta meningar i aktiv form och tilltala läsaren med "du".
""",
    "page": """Skriv sidans text här.
""",
    "method": """Beskriv metoden i två eller tre meningar.

## Vad metoden är { #vad }

## När du använder den { #nar }

## Insats och ledtid { #insats }

## Steg för steg { #steg }

### Förbered { #forbered }

### Bjud in { #bjud-in }

### Genomför { #genomfor }

### Ta hand om resultatet { #resultat }

### Dokumentera { #dokumentera }

## Fallgropar { #fallgropar }

## Vad lagen säger { #lagen }

## Exempel { #exempel }

## Relaterat { #relaterat }
""",
    "case": """Sammanfatta fallet i två meningar.

## Bakgrund { #bakgrund }

## Behovet { #behov }

## Dialogen { #dialog }

## Upphandlingen { #upphandling }

## Resultat { #resultat }

## Lärdomar { #lardomar }
""",
    "checklist": """Beskriv när checklistan används.

## Förberedelser { #forberedelser }

- [ ] {prefix}-01 Skriv den första punkten som en uppmaning.
""",
    "template": """Beskriv mallen i en mening.

## När du använder mallen { #nar }

## Så fyller du i den { #sa-fyller-du-i }

## Mallen { #mall }

[[Namn på myndigheten]]
""",
    "module": """Beskriv modulen i två meningar.

## Genomgång { #genomgang }

!!! exercise "Övning"

    Beskriv övningen.

??? solution "Lösningsförslag"

    Beskriv ett lösningsförslag.
""",
}

EXTRA = {
    "method": "phase: dialog\neffort: medel\nlead_time: 2–4 veckor\nwhen: Skriv på en rad när metoden passar.\n"
              "legal:\n  eu: []\n  se: []\n  no: []\n",
    "case": "organisation: Namn på organisationen\ncountry: se\nyear: \"{year}\"\nsector: halsa-omsorg\n"
            "methods: [{method}]\nprocedure: okand\noutcome: Skriv resultatet på en rad.\n"
            "lup_link: Svenskt fall, utanför LUP.\n",
    "checklist": "item_prefix: {prefix}\n",
    "module": "teaching: 20\nexercises: 15\nobjectives:\n  - Förklara ...\nkeypoints:\n  - ...\n",
}


def create(project: Project, page_type: str, slug: str, course: str | None = None) -> Path:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
        raise ValueError("SLUG must be lowercase ASCII kebab-case (å/ä→a, ö→o), e.g. dialog-i-vardupphandling")
    if page_type == "module":
        if not course:
            raise ValueError("a module belongs to a course: add --course COURSE-FOLDER (e.g. grundkurs)")
        rel = f"utbildning/{course}/{slug}.md"
    elif page_type in SECTION_OF:
        rel = f"{SECTION_OF[page_type]}/{slug}.md"
    else:
        raise ValueError(f"TYPE must be one of: {', '.join([*SECTION_OF, 'module'])}")
    path = project.lang_dir("sv") / rel
    if path.exists():
        raise ValueError(f"{path.relative_to(project.root)} exists already")
    prefix = re.sub(r"[^A-Z]", "", slug.upper())[:4] or "PUNKT"
    title = slug.replace("-", " ").capitalize()
    front = (f"---\ntitle: {title}\ndescription: Skriv en mening på 50–160 tecken som beskriver sidan för sökmotorer och kort.\n"
             f"type: {page_type}\nid: {ID_PREFIX.get(page_type, '')}{slug}\nreviewed: {dt.date.today().isoformat()}\n"
             f"owner: redaktionen\n" + EXTRA.get(page_type, "").replace("{prefix}", prefix).replace("{year}", str(dt.date.today().year))
             .replace("{method}", first_method_id(project))
             + (STANDARD_SOURCES if page_type not in ("page", "module") else "") + "---\n\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front + BODIES[page_type].replace("{prefix}", prefix), encoding="utf-8")
    add_to_nav(project, rel)
    return path


def first_method_id(project: Project) -> str:
    from scripts.content import iter_pages

    ids = sorted(p.id for p in iter_pages(project, [project.lang_dir("sv") / "metoder"]) if p.type == "method" and p.id)
    return ids[0] if ids else "metod-dialogkonferens"


def add_to_nav(project: Project, rel: str) -> None:
    """Insert the page after the last nav entry of its folder, so `mkdocs build --strict` keeps passing."""
    config = project.root / "mkdocs.yml"
    if not config.exists():
        return
    lines = config.read_text(encoding="utf-8").split("\n")
    folder = rel.rsplit("/", 1)[0] + "/"
    last = max((i for i, line in enumerate(lines) if re.match(rf"^\s*- (.*: )?{re.escape(folder)}[^/]+\.md\s*$", line)),
               default=None)
    if last is None:
        return
    indent = re.match(r"^(\s*)", lines[last]).group(1)
    lines.insert(last + 1, f"{indent}- {rel}")
    config.write_text("\n".join(lines), encoding="utf-8")
