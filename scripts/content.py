"""Reading Markdown pages the way MkDocs does, keeping line numbers for every finding."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from scripts.config import LANGS, Project

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(?:\{[ \t]*#([^\s}]+)[^}]*\})?[ \t]*#*[ \t]*$")
EXPLICIT_ANCHOR = re.compile(r"\{[^}\n]*?#([A-Za-z0-9_:.-]+)[^}\n]*\}")
FENCE = re.compile(r"^\s*(```|~~~)")
# [text](target "title") but not ![alt](src); targets without spaces.
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]*)\]\((?P<target><[^>\n]+>|[^)\s]+)(?:\s+\"[^\"]*\")?\)")
IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
CHECK_ITEM = re.compile(r"^- \[[ xX]\] (?P<id>[A-Z]+-\d+)\b[ \t]*(?P<text>.*)$")
TASK_ITEM = re.compile(r"^\s*[-*] \[[ xX]\] ")
FIELD = re.compile(r"\[\[([^\]\n]+)\]\]")


class YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML 1.2 booleans: only true/false, so the country code `no` (Norway) stays a string."""


YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
YamlLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


class FrontMatterError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Heading:
    level: int
    text: str
    anchor: str | None
    line: int


@dataclass
class Link:
    target: str
    line: int

    @property
    def path(self) -> str:
        return self.target.split("#", 1)[0]

    @property
    def anchor(self) -> str | None:
        return self.target.split("#", 1)[1] if "#" in self.target else None


@dataclass
class ChecklistItem:
    id: str
    text: str
    line: int


@dataclass
class Page:
    project: Project
    path: Path
    text: str
    meta: dict = field(default_factory=dict)
    key_lines: dict = field(default_factory=dict)
    body_start: int = 1  # 1-based line number of the body's first line
    error: FrontMatterError | None = None

    @classmethod
    def load(cls, project: Project, path: Path) -> "Page":
        text = Path(path).read_text(encoding="utf-8")
        page = cls(project=project, path=Path(path).resolve(), text=text)
        try:
            page.meta, page.key_lines, page.body_start = parse_front_matter(text)
        except FrontMatterError as err:
            page.error = err
            page.body_start = 1
        return page

    # --- where the page sits -------------------------------------------------------------
    @cached_property
    def lang(self) -> str:
        rel = self.path.relative_to(self.project.docs)
        return rel.parts[0]

    @cached_property
    def rel(self) -> str:
        """Path below docs/<lang>/, e.g. 'metoder/rfi.md': identical in both languages."""
        return self.path.relative_to(self.project.lang_dir(self.lang)).as_posix()

    @property
    def display_path(self) -> str:
        try:
            return self.path.relative_to(self.project.root).as_posix()
        except ValueError:
            return str(self.path)

    @property
    def section(self) -> str:
        parts = self.rel.split("/")
        return parts[0] if len(parts) > 1 else ""

    @property
    def type(self) -> str | None:
        return self.meta.get("type")

    @property
    def id(self) -> str | None:
        value = self.meta.get("id")
        return value if isinstance(value, str) else None

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)

    # --- the body -------------------------------------------------------------------------
    @cached_property
    def body_lines(self) -> list[tuple[int, str]]:
        """(line number, text) of body lines outside fenced code blocks."""
        lines = self.text.split("\n")[self.body_start - 1 :]
        out, in_fence = [], False
        for offset, line in enumerate(lines):
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if not in_fence:
                out.append((self.body_start + offset, line))
        return out

    @cached_property
    def headings(self) -> list[Heading]:
        found = []
        for number, line in self.body_lines:
            match = HEADING.match(line)
            if match:
                found.append(Heading(len(match.group(1)), match.group(2).strip(), match.group(3), number))
        return found

    @cached_property
    def anchors(self) -> set[str]:
        """Every fragment a link may target on this page."""
        anchors = set()
        for _, line in self.body_lines:
            anchors.update(EXPLICIT_ANCHOR.findall(line))
        anchors.update(item.id for item in self.checklist_items)
        if self.meta.get("sources"):
            anchors.add("kallor")
        return anchors

    @cached_property
    def links(self) -> list[Link]:
        found = []
        for number, line in self.body_lines:
            stripped = re.sub(r"`[^`]*`", "", line)
            for match in LINK.finditer(stripped):
                found.append(Link(match.group("target").strip("<>"), number))
        return found

    @cached_property
    def images(self) -> list[tuple[int, str, str]]:
        found = []
        for number, line in self.body_lines:
            for match in IMAGE.finditer(line):
                found.append((number, match.group("alt"), match.group("target")))
            for match in re.finditer(r"<img\b[^>]*>", line):
                alt = re.search(r"\balt=\"([^\"]*)\"", match.group(0))
                src = re.search(r"\bsrc=\"([^\"]*)\"", match.group(0))
                found.append((number, alt.group(1) if alt else "", src.group(1) if src else ""))
        return found

    @cached_property
    def checklist_items(self) -> list[ChecklistItem]:
        return [
            ChecklistItem(m.group("id"), m.group("text").strip(), number)
            for number, line in self.body_lines
            if (m := CHECK_ITEM.match(line))
        ]

    @cached_property
    def task_item_lines(self) -> list[tuple[int, str]]:
        return [(n, line) for n, line in self.body_lines if TASK_ITEM.match(line)]

    def counterpart(self, lang: str) -> Path:
        return self.project.lang_dir(lang) / self.rel


def parse_front_matter(text: str) -> tuple[dict, dict, int]:
    """Return (meta, line of each top-level key, first body line). Raises FrontMatterError."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise FrontMatterError(1, "the page has no front matter (it must start with a line '---')")
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise FrontMatterError(1, "the front matter is not closed by a line '---'")
    source = "\n".join(lines[1:end])
    try:
        loader = YamlLoader(source)
        try:
            node = loader.get_single_node()
            meta = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        # Where the broken construct starts (an unclosed bracket) beats where the parser gave up.
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(err, "problem", None) or str(err)
        raise FrontMatterError(line, f"invalid YAML in front matter: {problem}") from None
    if meta is None:
        meta, node = {}, None
    if not isinstance(meta, dict):
        raise FrontMatterError(2, "front matter must be a mapping of keys to values")
    key_lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines[key_node.value] = key_node.start_mark.line + 2
    return meta, key_lines, end + 2


def iter_pages(project: Project, paths: list[Path] | None = None) -> list[Page]:
    """All Markdown pages of both languages, or those under the given paths."""
    roots = [Path(p).resolve() for p in paths] if paths else [project.lang_dir(lang) for lang in LANGS]
    files = set()
    for root in roots:
        if root.is_dir():
            files.update(root.rglob("*.md"))
        elif root.suffix == ".md" and root.exists():
            files.add(root)
    return [Page.load(project, f) for f in sorted(files)]
