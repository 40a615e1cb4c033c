"""``--public`` hides every field the models mark as personal, in every part of the package.

document-rules §3.1: personal data (a contact's name, phone, e-mail, rows a
clerk marks ``personal: true``) is not published. The marks on the models are
the only source: this test enumerates them (``personal_paths``), puts a unique
value into each in turn, renders with and without ``public`` and looks for the
value in every part of the .docx — body, headers, footers, docProps — so a new
marked field is covered the day it is marked, and a field that leaks fails.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter

from annexgen.model.introspect import models_in, unwrap
from annexgen.model.kinds import REGISTRY, Annex
from annexgen.model.loading import load_annex_text, skeleton
from annexgen.model.redaction import personal_paths, redact
from annexgen.word.render import render

ADAPTER: TypeAdapter[Any] = TypeAdapter(Annex)
SENTINEL = "Slepenaisvards"  # one word, no characters XML would escape

CASES = [(kind.name, path) for kind in REGISTRY.values() for path in personal_paths(kind.model)]


def _minimal(model: type[BaseModel]) -> dict[str, Any]:
    """The required text fields of ``model`` filled, so a new item validates."""
    return {
        name: "x"
        for name, info in model.model_fields.items()
        if info.is_required() and unwrap(info.annotation)[0] is str
    }


def _fill(data: dict[str, Any], model: type[BaseModel], path: tuple[str, ...]) -> None:
    key, rest = path[0], path[1:]
    if not rest:
        data[key] = SENTINEL
        if "personal" in model.model_fields:  # a row whose text is personal when flagged
            data["personal"] = True
        return
    info = model.model_fields[key]
    (sub,) = models_in(info.annotation)[:1]
    if unwrap(info.annotation)[1]:  # a list: add one item holding the value
        item = _minimal(sub)
        _fill(item, sub, rest)
        data[key] = [*(data.get(key) or []), item]
        return
    child = data.get(key)
    if not isinstance(child, dict):
        child = _minimal(sub)
    _fill(child, sub, rest)
    data[key] = child


def _parts(docx: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return {name: package.read(name).decode("utf-8", "replace") for name in package.namelist()}


def test_every_kind_has_its_marks_enumerated() -> None:
    # the project description has its contact and extra rows; generic rows carry the flag
    paths = {(kind, ".".join(path)) for kind, path in CASES}
    assert ("project-description", "contact.email") in paths
    assert ("project-description", "extra_rows.text") in paths
    assert ("generic", "rows.text") in paths


@pytest.mark.parametrize(("kind", "path"), CASES, ids=[f"{k}:{'.'.join(p)}" for k, p in CASES])
def test_a_marked_field_is_in_no_part_of_the_public_document(
    kind: str, path: tuple[str, ...]
) -> None:
    base = load_annex_text(skeleton(kind), "skeleton").model_dump(mode="json", exclude_none=True)
    _fill(base, REGISTRY[kind].model, path)
    annex = ADAPTER.validate_python(base)

    shown = _parts(render(annex))
    assert any(SENTINEL in text for text in shown.values()), "the value must be printed at all"

    hidden = _parts(render(annex, public=True))
    leaks = [name for name, text in hidden.items() if SENTINEL in text]
    assert leaks == [], f"{'.'.join(path)} leaks into {leaks}"
    assert any(annex.options.personal_placeholder in text for text in hidden.values())


def test_redaction_keeps_everything_that_is_not_personal() -> None:
    annex = load_annex_text(skeleton("project-description"), "skeleton")
    public = redact(annex)
    assert public.project_name == annex.project_name
    assert public.decision == annex.decision
    if annex.contact is not None:
        assert public.contact is not None
        assert public.contact.position == annex.contact.position
    assert redact(public) == public  # idempotent
