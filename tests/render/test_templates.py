"""The checked-in Word templates are the builder's output, and stay slim and sound.

The .docx files in ``templates/`` are what annexgen ships and uses; the
builder script is how they are made. A hand edit to one without the other
would make the next rebuild silently undo it, so the two must agree byte for
byte (the builder is deterministic: fixed zip timestamps and member order).
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
KINDS = ["project-description", "generic", "project-announcement"]


def _builder() -> object:
    path = TEMPLATES / "build_templates.py"
    spec = importlib.util.spec_from_file_location("build_templates", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("kind", KINDS)
def test_checked_in_template_is_what_the_builder_makes(kind: str, tmp_path: Path) -> None:
    built = _builder().build(kind, tmp_path)  # type: ignore[attr-defined]
    assert built.read_bytes() == (TEMPLATES / f"{kind}.docx").read_bytes(), (
        f"templates/{kind}.docx differs from the builder's output: "
        "run python templates/build_templates.py and commit the result"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_template_is_slim_and_every_part_is_well_formed(kind: str) -> None:
    # issue 5: python-docx's default package carries ~790 KB of unused styles
    data = (TEMPLATES / f"{kind}.docx").read_bytes()
    assert len(data) < 20_000
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        for name in names:
            if name.endswith((".xml", ".rels")):
                etree.fromstring(zf.read(name))  # strict parse
        styles = zf.read("word/styles.xml").decode()
        document = zf.read("word/document.xml").decode()
    assert not any("thumbnail" in n for n in names)
    assert len(styles) < 10_000
    # document-rules §1.9: A4, margins 30/15/20/20 mm (in twips: 1 mm = 56.7)
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in document
    assert 'w:top="1134" w:right="850" w:bottom="1134" w:left="1701"' in document
    # reliability §2.11: the font in both the ascii and hAnsi slots (Latvian letters use hAnsi)
    assert 'w:ascii="Times New Roman" w:hAnsi="Times New Roman"' in styles
    assert 'w:lang w:val="lv-LV"' in styles  # document-rules §3.2
