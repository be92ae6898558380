"""A small valid two-language content tree with one page of every type, for the tool tests.

Each rule test copies it, breaks one thing and asserts the exact finding."""
from __future__ import annotations

import shutil
from pathlib import Path

from scripts.config import ROOT, Project

SOURCES = """sources:
  - title: Tidig dialog
    publisher: Upphandlingsmyndigheten
    url: https://upphandlingsmyndigheten.se/inkopsprocessen/forbered-upphandling/tidig-dialog
  - title: About
    url: https://innovativeanskaffelser.no/about/
"""

METHOD_BODY = """Inledning.

## Vad metoden är { #vad }

Text med en länk till [fallet](../fallstudier/lervig.md#dialog).

## När du använder den { #nar }

## Insats och ledtid { #insats }

## Steg för steg { #steg }

### Förbered { #forbered }

## Fallgropar { #fallgropar }

## Vad lagen säger { #lagen }

## Exempel { #exempel }

## Relaterat { #relaterat }

Se [checklistan](../checklistor/konferens.md#KONF-02).
"""

PAGES = {
    "index.md": """---
title: Start
description: Startsidan för testwebbplatsen med en mening som är tillräckligt lång.
type: page
id: start
reviewed: 2026-12-05
{owner}---

Välkommen. Läs om [metoden](metoder/rfi.md).
""",
    "metoder/rfi.md": """---
title: Informationsförfrågan
description: En metod för att fråga marknaden skriftligt innan upphandlingen.
type: method
id: metod-rfi
reviewed: 2026-12-05
{owner}phase: dialog
effort: lag
lead_time: 2–4 veckor
when: När du vill ha skriftliga svar.
legal:
  eu: [Direktiv 2014/24/EU art. 40]
  se: []
  no: []
related: [checklista-konferens]
""" + SOURCES + "---\n\n" + METHOD_BODY,
    "fallstudier/lervig.md": """---
title: Lervig
description: Ett fall där kommunen förde dialog före upphandlingen av ett larmsystem.
type: case
id: fall-lervig
reviewed: 2026-12-05
{owner}organisation: Stavanger kommune
country: no
year: "2014–2018"
sector: halsa-omsorg
methods: [metod-rfi]
procedure: forhandlat
outcome: Kommunen fick ett bättre underlag för sitt val.
lup_link: Ett lärandefall i programmet.
""" + SOURCES + """---

Sammanfattning.

## Bakgrund { #bakgrund }

## Behovet { #behov }

## Dialogen { #dialog }

![Ett dialogmöte med leverantörer i en konferenssal](../../assets/mote.png)

## Upphandlingen { #upphandling }

## Resultat { #resultat }

## Lärdomar { #lardomar }
""",
    "checklistor/konferens.md": """---
title: Dialogkonferens
description: Checklista för att planera och genomföra en dialogkonferens med leverantörer.
type: checklist
id: checklista-konferens
reviewed: 2026-12-05
{owner}item_prefix: KONF
""" + SOURCES + """---

Inledning.

## Planera { #planera }

- [ ] KONF-01 Bestäm syftet.
- [ ] KONF-02 Välj form.
""",
    "mallar/inbjudan.md": """---
title: Inbjudan
description: Mall för en inbjudan till en dialogkonferens med leverantörer.
type: template
id: mall-inbjudan
reviewed: 2026-12-05
{owner}""" + SOURCES + """---

Inledning.

## När du använder mallen { #nar }

## Så fyller du i den { #sa-fyller-du-i }

## Mallen { #mall }

Välkommen till [[Myndighetens namn]].
""",
    "guider/processen.md": """---
title: Processen
description: Processen för tidig dialog steg för steg, från förankring till uppföljning.
type: guide
id: guide-processen
reviewed: 2026-12-05
{owner}""" + SOURCES + """---

Inledning.

## Förankring { #forankring }
""",
    "utbildning/kurs/index.md": """---
title: Kurs
description: En kurs om tidig dialog för upphandlare och chefer som vill komma i gång.
type: course
id: kurs-grund
reviewed: 2026-12-05
{owner}modules: [modul-intro]
audience: [upphandlare]
level: intro
---

Om kursen.
""",
    "utbildning/kurs/intro.md": """---
title: Introduktion
description: Modulen introducerar tidig dialog och varför den lönar sig för alla parter.
type: module
id: modul-intro
reviewed: 2026-12-05
{owner}teaching: 20
exercises: 10
objectives: [Förklara vad tidig dialog är]
keypoints: [Dialog är tillåten]
prerequisites: []
---

Inledning.

!!! exercise "Övning"

    Gör så här.
""",
    "ordlista/index.md": """---
title: Ordlista
description: Begrepp inom tidig dialog på svenska, norska och engelska med förklaringar.
type: glossary
id: ordlista
reviewed: 2026-12-05
{owner}---

Ordlistan.
""",
}


def make_project(root: Path, english: bool = True) -> Project:
    """Write the mini site under root (data files copied from the real project)."""
    shutil.copytree(ROOT / "data", root / "data")
    (root / "docs" / "assets").mkdir(parents=True)
    (root / "docs" / "assets" / "mote.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    for rel, text in PAGES.items():
        for lang in ("sv", "en") if english else ("sv",):
            path = root / "docs" / lang / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            owner = "owner: redaktionen\n" if lang == "sv" else "source_commit: abcdef1\n"
            path.write_text(text.replace("{owner}", owner), encoding="utf-8")
    return Project(root)


def edit(project: Project, rel_path: str, old: str, new: str, count: int = 1) -> None:
    path = project.root / rel_path
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel_path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
