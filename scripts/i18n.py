"""Translation status (translated / missing / stale) from git history, and stamping translations."""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from scripts.config import SOURCE_LANG, Project
from scripts.content import iter_pages

TRANSLATED, MISSING, STALE, UNKNOWN = "translated", "missing", "stale", "unknown"


@dataclass
class Status:
    rel: str
    title: str
    state: str
    detail: str = ""


def git(project: Project, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=project.root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def last_commit(project: Project, path: Path) -> str | None:
    return git(project, "log", "-1", "--format=%H", "--", str(path)) or None


def status(project: Project, target_lang: str = "en") -> list[Status]:
    out = []
    for page in iter_pages(project, [project.lang_dir(SOURCE_LANG)]):
        title = str(page.meta.get("title", page.rel))
        translation = page.counterpart(target_lang)
        if not translation.exists():
            out.append(Status(page.rel, title, MISSING))
            continue
        from scripts.content import Page

        made_from = str(Page.load(project, translation).meta.get("source_commit") or "")
        if not made_from:
            out.append(Status(page.rel, title, UNKNOWN, "no source_commit"))
            continue
        changes = git(project, "log", "--format=%h", f"{made_from}..HEAD", "--", str(page.path))
        if changes is None:
            out.append(Status(page.rel, title, UNKNOWN, f"commit {made_from[:7]} not in this history"))
        elif changes:
            count = len(changes.splitlines())
            out.append(Status(page.rel, title, STALE, f"{count} Swedish change(s) since {made_from[:7]}"))
        else:
            out.append(Status(page.rel, title, TRANSLATED))
    return out


def stamp(project: Project, translation: Path, commit: str | None = None) -> str:
    """Record in an English page the commit of its Swedish source; returns the commit."""
    translation = Path(translation).resolve()
    rel = translation.relative_to(project.docs).parts[1:]
    source = project.lang_dir(SOURCE_LANG).joinpath(*rel)
    commit = commit or last_commit(project, source)
    if not commit:
        raise ValueError(f"{source} has no commit yet: commit the Swedish page first")
    text = translation.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\n---")
    if re.search(r"^source_commit:.*$", head, flags=re.M):
        head = re.sub(r"^source_commit:.*$", f"source_commit: {commit}", head, flags=re.M)
    else:
        head = head.rstrip("\n") + f"\nsource_commit: {commit}"
    translation.write_text(head + sep + rest, encoding="utf-8")
    return commit
