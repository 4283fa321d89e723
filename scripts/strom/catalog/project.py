"""Where a project's sources, templates and catalogues are: one object, so commands and tests can point elsewhere."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from strom import paths

#: The interface catalogue (theme, Sphinx and our own strings); Sphinx loads it before its bundled ``sphinx.mo``.
INTERFACE_DOMAIN = "sphinx"


@dataclass(frozen=True)
class Project:
    """The folders of one checkout: ``docs/``, ``locale/`` and ``_build/`` under ``root``."""

    root: Path

    @classmethod
    def default(cls) -> Project:
        """The project that :mod:`strom.paths` found (the repository root, or ``$STROM_ROOT``)."""
        return cls(paths.ROOT)

    @property
    def docs(self) -> Path:
        """The MyST sources."""
        return self.root / "docs"

    @property
    def locale(self) -> Path:
        """The catalogues, termbases and the language registry."""
        return self.root / "locale"

    @property
    def registry(self) -> Path:
        """The language registry file."""
        return self.locale / "languages.toml"

    @property
    def build(self) -> Path:
        """All build output."""
        return self.root / "_build"

    @property
    def templates(self) -> Path:
        """The ``.pot`` files written by ``make gettext``."""
        return self.build / "gettext"

    @property
    def status_file(self) -> Path:
        """The machine-readable translation progress written by ``make stats``."""
        return self.build / "translation-status.json"

    def catalog_dir(self, code: str) -> Path:
        """The folder of one language's catalogues: ``locale/<code>/LC_MESSAGES``."""
        return self.locale / code / "LC_MESSAGES"

    def catalog(self, code: str, domain: str) -> Path:
        """The catalogue of one document (``chapters/01-about``) or of the interface (``sphinx``)."""
        return self.catalog_dir(code) / f"{domain}.po"

    def catalogs(self, code: str) -> list[Path]:
        """Every catalogue of one language, sorted, interface catalogue included."""
        folder = self.catalog_dir(code)
        if not folder.is_dir():
            return []
        # Dot files are editors' and tools' temporary files (Poedit, Emacs, an interrupted write), not catalogues.
        return sorted(
            path
            for path in folder.rglob("*.po")
            if not any(part.startswith(".") for part in path.relative_to(folder).parts)
        )

    def domain_of(self, code: str, catalog: Path) -> str:
        """The domain (document name, or ``sphinx``) of a catalogue file."""
        return catalog.relative_to(self.catalog_dir(code)).with_suffix("").as_posix()

    def termbase(self, code: str) -> Path:
        """The termbase of one language: ``locale/<code>/termbase.csv``."""
        return self.locale / code / "termbase.csv"

    def templates_list(self) -> list[Path]:
        """Every ``.pot`` file of the last extraction, sorted."""
        if not self.templates.is_dir():
            return []
        return sorted(
            path
            for path in self.templates.rglob("*.pot")
            if not any(part.startswith(".") for part in path.relative_to(self.templates).parts)
        )

    def domain_of_template(self, template: Path) -> str:
        """The domain of a ``.pot`` file."""
        return template.relative_to(self.templates).with_suffix("").as_posix()
