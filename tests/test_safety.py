"""Static guarantees (reliability §2.5, §2.6a): one sandboxed Jinja environment, safe YAML."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "annexgen"


def _sources() -> dict[str, str]:
    return {str(p.relative_to(SRC)): p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")}


def test_no_jinja_environment_outside_the_factory() -> None:
    offenders = [
        name
        for name, text in _sources().items()
        if re.search(r"\b(Environment|Template)\(", text) and name != "word/environment.py"
    ]
    assert offenders == []
    rendering = _sources()["word/environment.py"]
    assert "SandboxedEnvironment" in rendering
    assert "autoescape=True" in rendering
    assert "StrictUndefined" in rendering


def test_no_unsafe_yaml_loading() -> None:
    for name, text in _sources().items():
        assert not re.search(r"yaml\.(load|unsafe_load|full_load)\(", text), name
        assert "FullLoader" not in text, name
        assert "UnsafeLoader" not in text, name
