"""The version of annexgen: written here once.

``pyproject.toml`` reads it from this file (``[tool.hatch.version]``), so the
wheel's metadata and the code agree without the code importing
``importlib.metadata`` (20 ms of start-up on every command) or the package
``__init__``.
"""

from __future__ import annotations

from typing import Final

__all__ = ["VERSION"]

VERSION: Final = "0.1.0"
