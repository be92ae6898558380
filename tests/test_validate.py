"""Every validation rule: the mini site passes, and each defect gives exactly one precise finding."""
from __future__ import annotations

import pytest

from scripts.findings import RULES
from scripts.validate import validate
from tests.minisite import edit, make_project

SV_METHOD = "docs/sv/metoder/rfi.md"
SV_CASE = "docs/sv/fallstudier/lervig.md"
SV_CHECK = "docs/sv/checklistor/konferens.md"
EN_CHECK = "docs/en/checklistor/konferens.md"

# (rule, file, old text, new text, expected finding without the hint)
CASES = [
    ("FM001", SV_METHOD, "phase: dialog", "phase: [dialog", f"{SV_METHOD}:8: FM001 invalid YAML in front matter: "),
    ("FM001", SV_METHOD, "---\ntitle", "title", f"{SV_METHOD}:1: FM001 the page has no front matter"),
    ("FM002", SV_METHOD, "phase: dialog", "phase: dialog\nsektor: vard",
     f"{SV_METHOD}:9: FM002 unknown key 'sektor' for type 'method'"),
    ("FM003", SV_CASE, "outcome: Kommunen fick ett bättre underlag för sitt val.\n", "",
     f"{SV_CASE}:1: FM003 missing required key 'outcome' for type 'case'"),
    ("FM004", SV_METHOD, "effort: lag", "effort: enorm",
     f"{SV_METHOD}:9: FM004 'effort': 'enorm' is not allowed; use one of: lag, medel, hog"),
    ("FM004", SV_CASE, 'year: "2014–2018"', 'year: "2014-2018"',
     f"{SV_CASE}:10: FM004 'year': must be a year '2017' or a range '2014–2018' with an en dash (got '2014-2018')"),
    ("FM005", "docs/sv/guider/processen.md", "type: guide", "type: page",
     "docs/sv/guider/processen.md:4: FM005 pages in 'guider/' have type guide, not 'page'"),
    ("FM006", SV_METHOD, "id: metod-rfi", "id: rfi", f"{SV_METHOD}:5: FM006 id 'rfi' must be lowercase kebab-case starting with 'metod-'"),
    ("ID001", "docs/sv/guider/processen.md", None, None,
     "docs/sv/guider/processen.md:5: ID001 id 'guide-processen' is also used by docs/sv/guider/kopia.md"),
    ("REF001", SV_CASE, "methods: [metod-rfi]", "methods: [metod-rfii]",
     f"{SV_CASE}:12: REF001 'methods' names unknown id 'metod-rfii'"),
    ("SRC001", "docs/sv/guider/processen.md", "  - title: About\n    url: https://innovativeanskaffelser.no/about/\n", "",
     "docs/sv/guider/processen.md:8: SRC001 a guide needs at least 2 sources (has 1)"),
    ("SRC001", "docs/sv/guider/processen.md", "url: https://innovativeanskaffelser.no/about/", "url: innovativeanskaffelser.no",
     "docs/sv/guider/processen.md:8: SRC001 source 2 url must be a web address (got 'innovativeanskaffelser.no')"),
    ("ST001", SV_METHOD, "Inledning.", "# Rubrik\n\nInledning.", f"{SV_METHOD}:25: ST001 H1 in the body: the title comes from front matter"),
    ("ST002", SV_METHOD, "## Fallgropar { #fallgropar }", "## Fallgropar\n\n## Fallgropar igen { #fallgropar }",
     f"{SV_METHOD}:39: ST002 heading 'Fallgropar' has no explicit anchor"),
    ("ST003", SV_CASE, "## Lärdomar { #lardomar }", "## Lärdomar { #lardom }",
     f"{SV_CASE}:23: ST003 missing required section(s): #lardomar"),
    ("ST004", SV_METHOD, "### Förbered { #forbered }", "### Förbered { #forbered }\n\n### Extra { #vad }",
     f"{SV_METHOD}:39: ST004 anchor 'vad' is already used on line 27"),
    ("ST005", "docs/sv/utbildning/kurs/intro.md", '!!! exercise "Övning"', '!!! note "Övning"',
     "docs/sv/utbildning/kurs/intro.md:14: ST005 the module has exercise time but no '!!! exercise' block"),
    ("LK001", SV_METHOD, "../fallstudier/lervig.md#dialog", "../fallstudier/lervik.md#dialog",
     f"{SV_METHOD}:29: LK001 link target '../fallstudier/lervik.md' does not exist (no docs/sv/fallstudier/lervik.md)"),
    ("LK002", SV_METHOD, "../fallstudier/lervig.md#dialog", "../fallstudier/lervig.md#dialogen",
     f"{SV_METHOD}:29: LK002 anchor '#dialogen' does not exist in docs/sv/fallstudier/lervig.md"),
    ("LK002", SV_METHOD, "konferens.md#KONF-02", "konferens.md#KONF-09",
     f"{SV_METHOD}:47: LK002 anchor '#KONF-09' does not exist in docs/sv/checklistor/konferens.md"),
    ("LK003", "docs/sv/index.md", "(metoder/rfi.md)", "(/metoder/rfi/)",
     "docs/sv/index.md:10: LK003 link '/metoder/rfi/' must be a relative .md link or an https URL"),
    ("IM001", SV_CASE, "![Ett dialogmöte med leverantörer i en konferenssal]", "![]",
     f"{SV_CASE}:32: IM001 image '../../assets/mote.png' has no real alt text"),
    ("IM001", SV_CASE, "![Ett dialogmöte med leverantörer i en konferenssal]", "![mote.png]",
     f"{SV_CASE}:32: IM001 image '../../assets/mote.png' has no real alt text"),
    ("CL001", SV_CHECK, "KONF-02 Välj", "KONF-03 Välj", f"{SV_CHECK}:22: CL001 item id KONF-03 should be KONF-02 (prefix KONF, numbered in order)"),
    ("CL001", SV_CHECK, "- [ ] KONF-02 Välj form.", "- [ ] KONF-02 Välj form.\n- [ ] Utan id.",
     f"{SV_CHECK}:23: CL001 checklist item without an id: write '- [ ] PREFIX-NN Text'"),
    ("CL002", SV_CHECK, "KONF-02 Välj", "KONF-01 Välj", f"{SV_CHECK}:22: CL002 item id KONF-01 is already used on line 21"),
    ("I18N001", None, None, None, "docs/en/guider/extra.md:1: I18N001 no Swedish source docs/sv/guider/extra.md for this translation"),
    ("I18N002", "docs/en/guider/processen.md", "id: guide-processen", "id: guide-process",
     "docs/en/guider/processen.md:5: I18N002 id 'guide-process' differs from the Swedish page's 'guide-processen'"),
    ("I18N003", "docs/en/guider/processen.md", "## Förankring { #forankring }", "## Anchoring { #anchoring }",
     "docs/en/guider/processen.md:18: I18N003 heading anchor #anchoring where the Swedish page has #forankring"),
    ("I18N004", EN_CHECK, "- [ ] KONF-02 Välj form.\n", "",
     f"{EN_CHECK}:21: I18N004 item ids differ from the Swedish checklist: missing KONF-02"),
    ("I18N005", "docs/en/guider/processen.md", "source_commit: abcdef1\n", "",
     "docs/en/guider/processen.md:1: I18N005 missing 'source_commit': the Swedish commit this translation was made from"),
]


def formatted(findings):
    return [f.format().rsplit(" (hint: ", 1)[0] for f in findings]


def test_mini_site_has_no_findings(tmp_path):
    project = make_project(tmp_path)
    assert validate(project) == []


def test_every_rule_has_a_failing_case():
    assert {case[0] for case in CASES} == set(RULES)


@pytest.mark.parametrize("rule,path,old,new,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(tmp_path, rule, path, old, new, expected):
    project = make_project(tmp_path)
    if rule == "I18N001":
        (project.root / "docs/en/guider/processen.md").rename(project.root / "docs/en/guider/extra.md")
        path = "docs/en/guider/extra.md"
    elif rule == "ID001":
        original = project.root / path
        copy = original.with_name("kopia.md")
        copy.write_text(original.read_text(encoding="utf-8").replace("title: Processen", "title: Kopia"), encoding="utf-8")
    else:
        edit(project, path, old, new)
    # Only the broken file's findings: a broken page may also break references to it elsewhere.
    got = formatted(validate(project, [project.root / path]))
    assert len(got) == 1, got
    assert got[0].startswith(expected), (got[0], expected)
    assert f" {rule} " in got[0]


def test_paths_limit_the_report_but_not_the_checks(tmp_path):
    project = make_project(tmp_path)
    edit(project, SV_CASE, "methods: [metod-rfi]", "methods: [metod-okand]")
    assert validate(project, [project.root / "docs/sv/metoder"]) == []
    assert [f.rule for f in validate(project, [project.root / SV_CASE])] == ["REF001"]


def test_norway_country_code_is_not_a_boolean(tmp_path):
    """YAML 1.1 reads `no` as False; the content model keeps it the country code."""
    project = make_project(tmp_path)
    edit(project, SV_CASE, "country: no", "country: 'no'")
    assert validate(project) == []


def test_case_without_sources_is_rejected(tmp_path):
    project = make_project(tmp_path)
    path = project.root / SV_CASE
    text = path.read_text(encoding="utf-8")
    start = text.index("sources:")
    path.write_text(text[:start] + text[text.index("---", start):], encoding="utf-8")
    assert formatted(validate(project, [path])) == [f"{SV_CASE}:1: FM003 missing required key 'sources' for type 'case'"]
