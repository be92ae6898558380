"""The one CLI: exit codes, output format, page skeletons, translation status and stamping."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from scripts.cli import main
from scripts.config import ROOT
from scripts.i18n import status
from scripts.validate import validate
from tests.minisite import edit, make_project


def run(project, *args):
    return main(["--root", str(project.root), *args])


def test_validate_exit_codes_and_format(tmp_path, capsys):
    project = make_project(tmp_path)
    assert run(project, "validate") == 0
    edit(project, "docs/sv/metoder/rfi.md", "effort: lag", "effort: lagom")
    assert run(project, "validate", str(project.root / "docs/sv/metoder")) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out == ["docs/sv/metoder/rfi.md:9: FM004 'effort': 'lagom' is not allowed; use one of: lag, medel, hog "
                   "(hint: use one of the allowed values listed in the message)"]
    assert run(project, "validate", str(tmp_path / "no-such-folder")) == 2
    assert run(project, "no-such-command") == 2


def test_module_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "scripts", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "validate" in result.stdout


@pytest.mark.parametrize("page_type", ["guide", "method", "case", "checklist", "template", "module", "page"])
def test_new_page_passes_validation_and_joins_the_nav(tmp_path, page_type):
    project = make_project(tmp_path, english=False)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    args = ["new", page_type, "ny-sida"] + (["--course", "kurs"] if page_type == "module" else [])
    assert run(project, *args) == 0
    assert validate(project) == []
    folder = {"guide": "guider", "method": "metoder", "case": "fallstudier", "checklist": "checklistor",
              "template": "mallar", "module": "utbildning/kurs", "page": "om"}[page_type]
    if page_type != "module":  # the test course is not in the real nav
        assert f"- {folder}/ny-sida.md" in (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert run(project, *args) == 2, "a second page with the same slug is refused"


def test_new_rejects_bad_slug(tmp_path):
    project = make_project(tmp_path, english=False)
    assert run(project, "new", "guide", "Å fel") == 2


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.invalid", "PATH": "/usr/bin:/bin"})


def test_translation_status_and_stamp(tmp_path):
    project = make_project(tmp_path)
    (project.root / "docs/en/ordlista/index.md").unlink()
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "content")
    for path in (project.root / "docs/en").rglob("*.md"):
        assert run(project, "i18n", "stamp", str(path)) == 0
    git(tmp_path, "commit", "-qam", "stamp")
    states = {row.rel: row.state for row in status(project)}
    assert states["ordlista/index.md"] == "missing"
    assert states["metoder/rfi.md"] == "translated"
    assert validate(project) == [] or all(f.rule == "I18N001" for f in validate(project))

    edit(project, "docs/sv/metoder/rfi.md", "Inledning.", "Ny inledning.")
    git(tmp_path, "commit", "-qam", "Swedish change")
    rows = {row.rel: row for row in status(project)}
    assert rows["metoder/rfi.md"].state == "stale"
    assert rows["metoder/rfi.md"].detail.startswith("1 Swedish change(s) since ")

    assert run(project, "i18n", "stamp", str(project.root / "docs/en/metoder/rfi.md")) == 0
    git(tmp_path, "commit", "-qam", "restamp")
    assert {row.rel: row.state for row in status(project)}["metoder/rfi.md"] == "translated"
