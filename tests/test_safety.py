"""Static guarantees (reliability §2.5, §2.6a): one sandboxed Jinja environment, safe YAML."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "annexgen"


def _sources() -> dict[str, str]:
    return {str(p.relative_to(SRC)): p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")}


def test_no_jinja_environment_outside_the_factory() -> None:
    factories = {"word/environment.py", "web/pages.py"}  # Word templates; the web's own pages
    offenders = [
        name
        for name, text in _sources().items()
        if re.search(r"\b(Sandboxed)?(Environment|Template)\(", text) and name not in factories
    ]
    assert offenders == []
    pages = _sources()["web/pages.py"]  # the web form's pages: only the package's templates
    assert "SandboxedEnvironment(" in pages
    assert 'PackageLoader("annexgen.web", "templates")' in pages
    assert "autoescape=True" in pages
    rendering = _sources()["word/environment.py"]
    assert "SandboxedEnvironment" in rendering
    assert "autoescape=True" in rendering
    assert "StrictUndefined" in rendering


def test_no_unsafe_yaml_loading() -> None:
    for name, text in _sources().items():
        assert not re.search(r"yaml\.(load|unsafe_load|full_load)\(", text), name
        assert "FullLoader" not in text, name
        assert "UnsafeLoader" not in text, name
