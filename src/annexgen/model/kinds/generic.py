"""Any other annex: a title, then labelled rows and/or paragraphs."""

from __future__ import annotations

from typing import Annotated, ClassVar, Final, Literal

from pydantic import Field, model_validator

from annexgen.errors import FieldError
from annexgen.i18n import N_
from annexgen.model.fields import MAX_ITEMS, AnnexBase, Model, Text
from annexgen.model.kinds.base import Body, Kind
from annexgen.model.wording import split_paragraphs

__all__ = ["KIND", "GenericAnnex", "GenericRow"]


class GenericRow(Model):
    """A labelled row of a generic annex; ``personal: true`` hides its text in ``--public``."""

    personal_fields: ClassVar[tuple[str, ...]] = ("text",)

    label: Text
    text: Text
    personal: bool = False


class GenericAnnex(AnnexBase):
    """Any other annex: a title, then labelled rows and/or paragraphs."""

    kind: Literal["generic"]
    title: Text
    rows: Annotated[list[GenericRow], Field(max_length=MAX_ITEMS)] = []
    paragraphs: Annotated[list[Text], Field(max_length=MAX_ITEMS)] = []

    @model_validator(mode="after")
    def _has_content(self) -> GenericAnnex:
        if not self.rows and not self.paragraphs:
            raise FieldError(code="generic-needs-content")
        return self


def body(annex: GenericAnnex) -> Body:
    """The title, the labelled rows, then the paragraphs."""
    rows = [
        {"key": "row", "label": r.label, "paragraphs": split_paragraphs(r.text),
         "entries": [], "numbered": False}
        for r in annex.rows
    ]  # fmt: skip
    texts = [p for text in annex.paragraphs for p in split_paragraphs(text)]
    return {"title": annex.title, "rows": rows, "paragraphs": texts}


KIND: Final = Kind(name="generic", model=GenericAnnex, title=N_("Other annex"), body=body)
