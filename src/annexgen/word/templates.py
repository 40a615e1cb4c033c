"""Where the bundled Word templates are, and their bytes.

Kept apart from the renderer (and free of docxtpl) because a batch re-run
hashes the templates to know whether anything must be rendered again, and
should not pay for importing the render machinery to find that out.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from annexgen.errors import Location, TemplateError
from annexgen.messages import os_reason

__all__ = ["bundled_sha256", "bundled_template", "read_template", "template_path", "templates_dir"]


@lru_cache(maxsize=1)
def templates_dir() -> Path:
    """The folder of bundled templates: inside the installed package, or the checkout's.

    Found once per process: looking it up cost a fifth of a fast render.
    """
    packaged = Path(str(resources.files("annexgen"))) / "templates"
    if packaged.is_dir():
        return packaged  # installed wheel: templates ship inside the package
    checkout = Path(__file__).resolve().parents[3] / "templates"
    if checkout.is_dir():
        return checkout  # source checkout or editable install
    raise TemplateError(code="templates-missing")


def template_path(kind: str) -> Path:
    """Path of the bundled template for an annex kind (named by the registry)."""
    from annexgen.model.kinds import get_kind  # noqa: PLC0415 - the registry loads the models

    path = templates_dir() / get_kind(kind).template
    if not path.is_file():
        raise TemplateError(code="no-bundled-template", params={"kind": kind})
    return path


@lru_cache(maxsize=32)
def _template_bytes(path: str, mtime: float) -> bytes:
    return Path(path).read_bytes()


def bundled_template(kind: str) -> bytes:
    """Bytes of the bundled template for ``kind`` (read once per process)."""
    path = template_path(kind)
    return _template_bytes(str(path), path.stat().st_mtime)


def read_template(template: str | Path | bytes | None, kind: str) -> tuple[bytes, str]:
    """(bytes, name for messages) of a custom template, or of the kind's bundled one."""
    if template is None:
        return bundled_template(kind), f"bundled template {kind}.docx"
    if isinstance(template, bytes):
        return template, "template"
    path = Path(template)
    try:
        return _template_bytes(str(path), path.stat().st_mtime), str(path)
    except OSError as err:
        raise TemplateError(
            code="template-unreadable",
            params={"reason": os_reason(err)},
            location=Location(str(path)),
        ) from err


def bundled_sha256() -> str:
    """One hash over every bundled template: a changed template re-renders everything."""
    digest = hashlib.sha256()
    for path in sorted(templates_dir().glob("*.docx")):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
