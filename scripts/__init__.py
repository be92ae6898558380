"""Tidig dialog tooling: content model, validation, i18n status and the build logic behind the hooks.

One package, one CLI (`python -m scripts <command>`); MkDocs hooks in overrides/hooks/ only call in here.
"""
