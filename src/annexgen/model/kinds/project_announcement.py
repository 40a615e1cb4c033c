"""A press release about a project (seed 004), ending with the EU-funding disclaimer."""

from __future__ import annotations

from typing import Annotated, Final, Literal

from pydantic import Field, model_validator

from annexgen.errors import FieldError
from annexgen.i18n import N_
from annexgen.model.fields import MAX_ITEMS, AlsoText, AnnexBase, Model, Text
from annexgen.model.kinds.base import Body, Kind
from annexgen.model.wording import quote

__all__ = ["KIND", "Block", "ProjectAnnouncement", "ProjectInfo", "disclaimer"]


class ProjectInfo(Model):
    """The facts about a project that the EU-funding disclaimer needs."""

    name: Text = Field(description="Full project name, without quotation marks")
    code: Text | None = Field(default=None, description="e.g. 'LLI-402'")
    short_name: Text | None = Field(default=None, description="e.g. 'risk-free'")
    programme: Text = Field(description="Genitive, ends before 'ietvaros'")
    responsible: Text = Field(description="Who is responsible for the content")


class Block(AlsoText):
    """A paragraph (a plain string in YAML) or a bulleted list in an announcement."""

    text: Text | None = None
    bullets: Annotated[list[Text], Field(max_length=MAX_ITEMS)] | None = None

    @model_validator(mode="after")
    def _one(self) -> Block:
        if (self.text is None) == (self.bullets is None):
            raise FieldError(code="block-text-or-bullets")
        return self


class ProjectAnnouncement(AnnexBase):
    """A press release about a project (seed 004), ending with the EU disclaimer.

    The disclaimer is generated from ``project`` (the wording EU-funded
    programmes require) unless ``disclaimer`` gives it verbatim.
    """

    kind: Literal["project-announcement"]
    title: Text
    blocks: Annotated[list[Block], Field(max_length=MAX_ITEMS, min_length=1)]
    project: ProjectInfo
    disclaimer: Text | None = None


def disclaimer(annex: ProjectAnnouncement) -> str:
    """The EU-funding sentence EU programmes require at the end of a publication."""
    if annex.disclaimer:
        return annex.disclaimer
    p = annex.project
    name = " ".join(
        part
        for part in (
            p.code,
            quote(p.name, annex.options),
            f"({p.short_name})" if p.short_name else None,
        )
        if part
    )
    return (
        f"{DISCLAIMER_START}{name}{DISCLAIMER_RUNS}{p.programme}{DISCLAIMER_MIDDLE}"
        f"{p.responsible}{DISCLAIMER_END}"
    )


# The fixed words of the disclaimer, in one place: the extractor reads them back.
DISCLAIMER_START: Final = "Projekts "
DISCLAIMER_RUNS: Final = " tiek īstenots "
DISCLAIMER_MIDDLE: Final = (
    " ietvaros. Šo projektu finansē Eiropas Savienība. Šis raksts ir sagatavots ar Eiropas "
    "Savienības finansiālo atbalstu. Par šī dokumenta saturu pilnībā atbild "
)
DISCLAIMER_END: Final = (
    ", un tas nekādos apstākļos nav uzskatāms par Eiropas Savienības oficiālo nostāju."
)


def body(annex: ProjectAnnouncement) -> Body:
    """The title, the paragraphs and bullet lists, and the disclaimer."""
    blocks = [{"text": b.text, "bullets": list(b.bullets or [])} for b in annex.blocks]
    return {"title": annex.title, "blocks": blocks, "disclaimer": disclaimer(annex)}


KIND: Final = Kind(
    name="project-announcement",
    model=ProjectAnnouncement,
    title=N_("Project announcement"),
    body=body,
)
