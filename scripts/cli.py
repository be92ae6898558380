"""The one command line: `python -m scripts <command>`. Commands parse, call the library and print."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.config import DEFAULT, Project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="Tidig dialog content tools.")
    parser.add_argument("--root", type=Path, default=None, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check pages: front matter, ids, links, anchors, translations")
    validate.add_argument("paths", nargs="*", type=Path, help="files or folders (default: all of docs/)")

    new = commands.add_parser("new", help="write a new Swedish page from a skeleton that passes validation")
    new.add_argument("type", choices=["guide", "method", "case", "checklist", "template", "module", "page"])
    new.add_argument("slug")
    new.add_argument("--course", help="course folder under utbildning/ (modules only)")

    i18n = commands.add_parser("i18n", help="translation status and stamping")
    i18n_commands = i18n.add_subparsers(dest="i18n_command", required=True)
    i18n_commands.add_parser("status", help="list pages as translated, missing or stale")
    stamp = i18n_commands.add_parser("stamp", help="record the Swedish commit an English page was translated from")
    stamp.add_argument("paths", nargs="+", type=Path)
    stamp.add_argument("--commit")

    downloads = commands.add_parser("downloads", help="write the DOCX files of checklists and templates")
    downloads.add_argument("--out", type=Path, default=Path("site"), help="site folder (default: site)")

    commands.add_parser("bench", help="measure build time, pages per language and sizes (bench-results/latest.json)")

    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 2 if exit_.code else 0
    project = Project(args.root) if args.root else DEFAULT

    if args.command == "validate":
        from scripts.validate import validate as run

        missing = [p for p in args.paths if not p.exists()]
        if missing:
            print(f"error: no such file or folder: {', '.join(map(str, missing))}", file=sys.stderr)
            return 2
        findings = run(project, args.paths or None)
        for finding in findings:
            print(finding.format())
        print(f"{len(findings)} finding(s)" if findings else "validate: no findings", file=sys.stderr)
        return 1 if findings else 0

    if args.command == "new":
        from scripts.skeleton import create

        try:
            path = create(project, args.type, args.slug, args.course)
        except ValueError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        print(f"wrote {path.relative_to(project.root)} (and added it to the nav in mkdocs.yml)")
        return 0

    if args.command == "i18n":
        from scripts import i18n as tr

        if args.i18n_command == "status":
            rows = tr.status(project)
            width = max((len(r.rel) for r in rows), default=10)
            for row in rows:
                print(f"{row.state:<10} {row.rel:<{width}} {row.detail}".rstrip())
            counts = {s: sum(r.state == s for r in rows) for s in (tr.TRANSLATED, tr.STALE, tr.MISSING, tr.UNKNOWN)}
            print(", ".join(f"{n} {s}" for s, n in counts.items()), file=sys.stderr)
            return 0
        status = 0
        for path in args.paths:
            try:
                commit = tr.stamp(project, path, args.commit)
                print(f"{path}: source_commit {commit[:12]}")
            except (ValueError, OSError) as err:
                print(f"error: {path}: {err}", file=sys.stderr)
                status = 2
        return status

    if args.command == "downloads":
        from scripts.downloads import write_all

        for path in write_all(project, args.out):
            print(path)
        return 0
    if args.command == "bench":
        import json

        from scripts.bench import run as bench

        print(json.dumps(bench(project), indent=2))
        return 0
    return 2
