"""Findings and the catalogue of rules (rendered on the contributor page om/valideringsregler)."""
from __future__ import annotations

from dataclasses import dataclass

# rule id -> (what it checks, in Swedish; in English; how to fix it)
RULES = {
    "FM001": ("Sidan har front matter med giltig YAML.", "The page has front matter with valid YAML.",
              "start the file with '---', YAML keys, '---'; quote values that contain ': '"),
    "FM002": ("Front matter har bara nycklar som sidtypen känner till.", "Front matter has only keys its type knows.",
              "remove the key or fix its spelling; see om/valideringsregler for the keys of each type"),
    "FM003": ("Alla obligatoriska nycklar finns.", "Every required key is present.",
              "add the key; 'python -m scripts new TYPE SLUG' shows a complete example"),
    "FM004": ("Värdena har rätt form och tillåtna värden.", "Values have the right form and allowed values.",
              "use one of the allowed values listed in the message"),
    "FM005": ("Sidtypen stämmer med mappen.", "The type matches the section folder.",
              "move the page or change 'type'"),
    "FM006": ("Sidans id har rätt form och prefix.", "The page id has the right form and prefix.",
              "ids are lowercase ASCII kebab-case with the prefix of the type, e.g. metod-rfi"),
    "ID001": ("Varje id är unikt inom ett språk.", "Every id is unique within a language.",
              "choose a new id; never reuse an id that has been published"),
    "REF001": ("Id-hänvisningar pekar på sidor av rätt typ.", "Id references point at pages of the right type.",
               "use an id that exists (see the message for the expected type)"),
    "SRC001": ("Sidtyper som kräver källor har tillräckligt många, med titel och https-adress.",
               "Types that need sources have enough of them, each with a title and an https URL.",
               "add entries '- title: ...' and 'url: https://...' under 'sources'"),
    "ST001": ("Brödtexten har ingen H1; titeln kommer från front matter.",
              "The body has no H1; the title comes from front matter.", "turn '# ...' into '## ... { #anchor }' or remove it"),
    "ST002": ("Varje H2 och H3 har ett uttryckligt ankare.", "Every H2 and H3 has an explicit anchor.",
              "write '## Rubrik { #rubrik }' with a lowercase ASCII anchor"),
    "ST003": ("Sidtypens obligatoriska avsnitt finns, i rätt ordning.", "The type's required sections exist, in order.",
              "add the headings with the anchors listed in the message"),
    "ST004": ("Ett ankare förekommer bara en gång per sida.", "An anchor occurs only once per page.",
              "rename one of the anchors"),
    "ST005": ("Moduler med övningstid har en övning; checklistor har punkter.",
              "Modules with exercise time have an exercise; checklists have items.",
              "add a '!!! exercise' block, or checklist items"),
    "LK001": ("Interna länkar pekar på sidor som finns.", "Internal links point at pages that exist.",
              "link the .md file by its relative path, e.g. ../metoder/informationsforfragan.md"),
    "LK002": ("Länkade ankare finns på målsidan.", "Linked anchors exist on the target page.",
              "link an explicit heading anchor or a checklist item id of the target page"),
    "LK003": ("Länkar är relativa .md-länkar eller https-adresser.", "Links are relative .md links or https URLs.",
              "do not link /absolute paths, .html files or http:// URLs"),
    "IM001": ("Bilder har en riktig alternativtext och filen finns.", "Images have real alt text and the file exists.",
              "describe what the image shows in ![...]; do not use the file name"),
    "CL001": ("Checklistpunkter har id med checklistans prefix, numrerade i ordning.",
              "Checklist items have ids with the checklist's prefix, numbered in order.",
              "write '- [ ] PREFIX-01 Text', numbering 01, 02, ... in document order"),
    "CL002": ("Ett punkt-id förekommer bara en gång.", "An item id occurs only once.", "renumber the duplicate"),
    "I18N001": ("Varje engelsk sida har en svensk källa med samma sökväg.",
                "Every English page has a Swedish source at the same path.", "create docs/sv/<same path> or move the file"),
    "I18N002": ("Id är detsamma i svensk och engelsk version.", "The id is identical in the Swedish and English page.",
                "copy the id from the Swedish page"),
    "I18N003": ("Rubrikankarna är desamma och i samma ordning på båda språken.",
                "Heading anchors are identical and in the same order in both languages.",
                "translate the heading text only, never the '{ #anchor }'"),
    "I18N004": ("Checklistpunkternas id är desamma på båda språken.", "Checklist item ids are identical in both languages.",
                "keep the ids and their order from the Swedish checklist"),
    "I18N005": ("Engelska sidor anger vilken svensk version de översatts från.",
                "English pages record the Swedish commit they were translated from.",
                "run 'python -m scripts i18n stamp docs/en/<path>' after translating"),
}


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    rule: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.rule} {self.message} (hint: {RULES[self.rule][2]})"
