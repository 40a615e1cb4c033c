"""The installed version of annexgen, read from the package metadata.

``pyproject.toml`` is the one place the version is written; the wheel's
metadata carries it here, so nothing else repeats it.
"""

from __future__ import annotations

from importlib import metadata
from typing import Final

__all__ = ["VERSION"]


def _version() -> str:
    try:
        return metadata.version("annexgen")
    except metadata.PackageNotFoundError:  # pragma: no cover - a source tree never installed
        return "0+unknown"


VERSION: Final = _version()
