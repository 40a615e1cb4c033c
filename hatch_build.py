"""Build hook: the wheel ships compiled message catalogs (``annexgen.mo``), never a compile step.

The ``.po`` files in ``src/annexgen/locale`` are what translators edit and git
keeps; a wheel (built from the checkout or from the sdist, which carries the
``.po``) gets each one compiled to ``.mo`` here, with Babel, fuzzy entries left
out as ``pybabel compile`` does. The ``.po`` stays out of the wheel, so an
installed annexgen reads only the ``.mo`` (``annexgen.i18n.translations``).
An editable install needs nothing: a checkout reads the ``.po`` itself.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src") / "annexgen" / "locale"


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg,unused-ignore]
    """Compiles every ``locale/<lang>/LC_MESSAGES/<domain>.po`` into the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        from babel.messages.mofile import write_mo  # noqa: PLC0415 - a build dependency
        from babel.messages.pofile import read_po  # noqa: PLC0415

        self._out = Path(tempfile.mkdtemp(prefix="annexgen-mo-"))
        catalogs = sorted((Path(self.root) / LOCALE).glob("*/LC_MESSAGES/*.po"))
        if not catalogs:
            raise RuntimeError(f"no message catalogs under {LOCALE}: the wheel would speak English")
        for po in catalogs:
            relative = po.relative_to(Path(self.root) / LOCALE).with_suffix(".mo")
            mo = self._out / relative
            mo.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalog = read_po(source, domain=po.stem)
            with mo.open("wb") as target:
                write_mo(target, catalog)
            build_data["force_include"][str(mo)] = f"annexgen/locale/{relative.as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
