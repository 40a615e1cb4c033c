"""The web form's words — labels, help lines, row names, choices — in the clerk's language.

The message ids are English, written here; the Latvian is in annexgen's one
catalog (``annexgen/locale/lv/LC_MESSAGES/annexgen.po``), like every other
text a person reads (README, "Translations"). :func:`form_words` builds the
table in the current language (:func:`annexgen.i18n.use_language`), so each
call site of ``_()`` below is what ``pybabel extract`` finds.

Keys: ``fields[<Model>][<field>]`` (a model's fields, looked up along its
MRO), ``lists["<Model>.<field>"]`` (what one row of a list is called: the
row title and the words of its buttons), ``choices["<Model>.<field>"]`` (the
words shown for each value of a choice). A field whose values are the row keys
of a kind (``order``, ``after``) shows those rows' labels.
``tests/test_web.py`` checks that every field and choice of every kind has words
here and a Latvian translation in the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from annexgen.i18n import get_language, pgettext
from annexgen.i18n import gettext as _

__all__ = ["FieldWords", "FormWords", "ListWords", "form_words"]


@dataclass(frozen=True, slots=True)
class FieldWords:
    """What the clerk reads at one input."""

    label: str
    help: str = ""
    long: bool = False  # a multi-line text box
    placeholder: str = ""


@dataclass(frozen=True, slots=True)
class ListWords:
    """The words of one list's rows: ``{n}`` is the row's position (1, 2, …)."""

    name: str  # what one row is called, as the label of a one-input row: "Paragraph"
    title: str  # a row's heading: "Paragraph {n}" / "{n}. rindkopa"
    add: str  # the add button: "Add a paragraph" / "Pievienot rindkopu"
    remove: str  # "Remove paragraph {n}" / "Dzēst {n}. rindkopu"
    up: str  # "Move paragraph {n} up" / "Pārvietot {n}. rindkopu uz augšu"
    down: str  # "Move paragraph {n} down"


@dataclass(frozen=True, slots=True)
class FormWords:
    """Every word of the forms, in one language."""

    fields: dict[str, dict[str, FieldWords]]
    lists: dict[str, ListWords]
    choices: dict[str, dict[str, str]]


F = FieldWords


def _list(item: str, accusative: str) -> ListWords:
    """A list's words from what one row is called (nominative) and its accusative."""
    title = _("{item} {n}").format(item=item, n="{n}")
    return ListWords(
        name=item[:1].upper() + item[1:],
        title=title[:1].upper() + title[1:],
        add=_("Add {item}").format(item=accusative),
        remove=_("Remove {item} {n}").format(item=accusative, n="{n}"),
        up=_("Move {item} {n} up").format(item=accusative, n="{n}"),
        down=_("Move {item} {n} down").format(item=accusative, n="{n}"),
    )


@cache
def _form_words(lang: str) -> FormWords:
    del lang  # the cache key: the words below are made in the current language
    date_placeholder = _("dd.mm.yyyy.")
    personal = _("Personal data (hidden in the public version)")
    row_label = _("Row label")
    fields: dict[str, dict[str, FieldWords]] = {
        "Decision": {
            "council": F(
                _("Council (in the genitive)"),
                _("As in the annex mark: „Daugavpils pilsētas domes”."),
            ),
            "date": F(
                _("Date of the meeting"),
                _("For example 05.12.2013. or 2013-12-05."),
                placeholder=date_placeholder,
            ),
            "number": F(_("Decision No."), _("For example 610.")),
            "protocol": F(_("Minutes No.")),
            "item": F(_("Agenda item (§)")),
            "annex_number": F(
                _("Annex No."),
                _("Only when the decision has several annexes: 1 → „1. pielikums”."),
            ),
            "act": F(_("Kind of act (in the dative)"), _("lēmumam, rīkojumam, …")),
            "meeting": F(_("Write „sēdes” after the date")),
            "approved": F(
                _("Word of the approval mark"),
                _(
                    "Only when the title does not decide it: nolikums → APSTIPRINĀTS, "
                    "kārtība → APSTIPRINĀTA, noteikumi → APSTIPRINĀTI, "
                    "izmaksas → APSTIPRINĀTAS."
                ),
            ),
            "approval": F(
                _("Approval mark"),
                _(
                    "„APSTIPRINĀTS ar … lēmumu” (budgets, regulations) instead of "
                    "„Pielikums … lēmumam”."
                ),
            ),
        },
        "Signatory": {
            "position": F(
                _("Position"), _("For example „Daugavpils pilsētas domes priekšsēdētājs”.")
            ),
            "name": F(_("Name and surname"), _("On the signature line: „J. Lāčplēsis”.")),
            "acting": F(_("Signs as acting (p. i.)")),
        },
        "AnnexBase": {
            "decision": F(
                _("The decision the annex belongs to"),
                _("The annex mark in the top right corner. Leave empty if there is no decision."),
            ),
            "signatory": F(_("Signature"), _("Leave empty if nobody signs.")),
            "e_signed": F(_("Signed with a secure electronic signature")),
            "options": F(_("Language and layout settings"), _("Usually left as they are.")),
        },
        "Options": {
            "number_style": F(_("Numbers in words")),
            "cents": F(_("Cents in amounts")),
            "minor_word": F(
                _("Word after the cents"), _("For example „eiro centi”; empty: „centu”.")
            ),
            "euro_spelling": F(_("Currency word")),
            "quotes": F(_("Quotation marks")),
            "date_spaces": F(_("Spaces in dates")),
            "personal_placeholder": F(
                _("Instead of personal data in the public version"),
                _("The text written where hidden personal data was."),
            ),
            "header_row": F(_("Table header „Sadaļa | Saturs” on every page")),
        },
        "ProjectDescription": {
            "project_name": F(
                _("Project name"),
                _("Without quotation marks; in the title: Projekta „…” apraksts."),
            ),
            "title": F(
                _("Another title"),
                _("Only when the title is not „Projekta „…” apraksts”."),
                long=True,
            ),
            "applicant": F(_("Project applicant"), long=True),
            "implementer": F(_("Project implementer"), long=True),
            "partners": F(_("Project partners"), long=True),
            "duration": F(_("Project duration")),
            "goal": F(_("Project goal"), long=True),
            "description": F(_("Project description"), long=True),
            "justification": F(_("Project justification"), long=True),
            "costs": F(_("Project costs")),
            "target_group": F(_("Project target group")),
            "activities": F(_("Project activities")),
            "results": F(_("Project results"), long=True),
            "contact": F(_("Contact person")),
            "labels": F(
                _("Row labels in the document"),
                _(
                    "Only when the document names a row differently, for example "
                    "„Projekta īstenošanas laiks:”."
                ),
            ),
            "order": F(
                _("Order of the rows"),
                _("Empty: the usual order. Otherwise list the rows in the order they are printed."),
            ),
            "extra_rows": F(_("Extra rows"), _("Rows that have no field of their own.")),
        },
        "Duration": {
            "until": F(_("Until (date)"), placeholder=date_placeholder),
            "start": F(_("From (start of the period)"), placeholder=date_placeholder),
            "end": F(_("Until (end of the period)"), placeholder=date_placeholder),
            "months": F(_("Number of months")),
            "text": F(
                _("Or free text"),
                _("Fill in only one: a date, a period, months or text."),
            ),
            "note": F(_("Note after the duration"), _("For example „(2 gadi)”.")),
        },
        "CostLine": {
            "role": F(
                _("What the amount is"),
                _("Used to check that the sources add up to the total."),
            ),
            "text": F(_("Text before the amount"), long=True),
            "amount": F(_("Amount"), _("For example 19 700,00 EUR or LVL 1000 (EUR 1422,87).")),
            "after": F(_("Text after the amount"), long=True),
            "in_words": F(_("Amount also in words")),
            "minor_word": F(
                _("Word after the cents of this amount"),
                _("Only when it differs from the document setting, for example „eirocenti”."),
            ),
        },
        "Money": {
            "amount": F(_("Amount")),
            "currency": F(_("Currency")),
            "eur": F(_("Amount in euro")),
        },
        "TargetGroup": {
            "direct": F(_("Target group"), long=True),
            "indirect": F(_("Indirect target group"), long=True),
        },
        "Activity": {
            "number": F(
                _("Number"),
                _(
                    "Usually empty (numbered automatically); fill in only to repeat an "
                    "unusual numbering."
                ),
            ),
            "text": F(_("Activity"), long=True),
        },
        "Contact": {
            "name": F(_("Name and surname")),
            "position": F(_("Position")),
            "phone": F(_("Phone")),
            "mobile": F(_("Mobile phone")),
            "email": F(_("E-mail")),
        },
        "ExtraRow": {
            "label": F(row_label),
            "text": F(_("Text"), long=True),
            "after": F(_("Place after the row")),
            "personal": F(personal),
        },
        "GenericAnnex": {
            "title": F(_("Title"), long=True),
            "rows": F(_("Labelled rows")),
            "paragraphs": F(_("Paragraphs after the table")),
        },
        "GenericRow": {
            "label": F(row_label),
            "text": F(_("Text"), long=True),
            "personal": F(personal),
        },
        "ProjectAnnouncement": {
            "title": F(_("Title"), long=True),
            "blocks": F(_("Text"), _("Paragraphs and lists in the order they are printed.")),
            "project": F(_("Project (for the EU funding disclaimer)")),
            "disclaimer": F(
                _("Another disclaimer"),
                _("Empty: the standard EU funding sentence from the project's data."),
                long=True,
            ),
        },
        "Block": {
            "text": F(_("Paragraph"), _("Fill in the paragraph or the list, not both."), long=True),
            "bullets": F(_("List")),
        },
        "ProjectInfo": {
            "name": F(_("Project name"), _("The full name, without quotation marks.")),
            "code": F(_("Project code"), _("For example LLI-402.")),
            "short_name": F(_("Short name"), _("For example risk-free.")),
            "programme": F(_("Programme (in the genitive)"), _("In the sentence „… ietvaros”.")),
            "responsible": F(_("Responsible for the content")),
        },
        "TableAnnex": {
            "title": F(_("Title"), long=True),
            "intro": F(_("Paragraphs before the table")),
            "columns": F(
                _("Columns"),
                _("For each column a short name (key), a heading and the kind of its values."),
            ),
            "rows": F(
                _("Table rows"),
                _(
                    "One line per row, one box per column. Computed columns are filled in "
                    "by themselves."
                ),
            ),
            "rows_from": F(
                _("Rows from a file"),
                _(
                    "For YAML files only: a .csv or .xlsx file beside the YAML file; "
                    "opened here, its rows are in the table above."
                ),
            ),
            "sheet": F(_("Excel sheet")),
            "total": F(_("The „Kopā” row")),
            "notes": F(_("Paragraphs after the table")),
            "currency": F(_("Currency of the amounts"), _("EUR or LVL.")),
            "orientation": F(_("Page orientation")),
        },
        "Column": {
            "key": F(
                _("Short name (key)"),
                _("Latin letters, digits, _; for example amount."),
            ),
            "label": F(_("Column heading")),
            "type": F(_("Kind of values")),
            "places": F(_("Decimal places"), _("For decimal numbers (usually 2) and percentages.")),
            "total": F(_("Add up in the „Kopā” row")),
            "personal": F(personal),
            "vat": F(_("VAT column"), _("Computed from another column.")),
            "sum": F(_("Sum of other columns"), _("The short names of the columns to add up.")),
            "align": F(_("Alignment")),
        },
        "Vat": {
            "of": F(_("Of the column (key)")),
            "rate": F(_("Rate, %"), _("For example 21.")),
        },
        "Total": {
            "label": F(_("Row heading")),
            "in_words": F(_("Write the total in words too")),
            "column": F(
                _("Which column's total to write in words (key)"),
                _("Empty: the last amount column."),
            ),
            "stated": F(
                _("Total as the decision states it"),
                _(
                    "For example 12 345,67; checked against the computed one. For several "
                    "columns with totals: price: 100,00; vat: 21,00."
                ),
            ),
        },
    }
    paragraph = _("paragraph")
    lists = {
        "TableAnnex.intro": _list(
            _("paragraph before the table"), pgettext("accusative", "paragraph before the table")
        ),
        "TableAnnex.columns": _list(_("column"), pgettext("accusative", "column")),
        "TableAnnex.rows": _list(_("table row"), pgettext("accusative", "table row")),
        "TableAnnex.notes": _list(
            _("paragraph after the table"), pgettext("accusative", "paragraph after the table")
        ),
        "Column.sum": _list(_("column to add"), pgettext("accusative", "column to add")),
        "ProjectDescription.costs": _list(_("cost line"), pgettext("accusative", "cost line")),
        "ProjectDescription.activities": _list(_("activity"), pgettext("accusative", "activity")),
        "ProjectDescription.order": _list(
            _("row in the order"), pgettext("accusative", "row in the order")
        ),
        "ProjectDescription.extra_rows": _list(_("extra row"), pgettext("accusative", "extra row")),
        "GenericAnnex.rows": _list(_("row"), pgettext("accusative", "row")),
        "GenericAnnex.paragraphs": _list(paragraph, pgettext("accusative", "paragraph")),
        "ProjectAnnouncement.blocks": _list(_("text part"), pgettext("accusative", "text part")),
        "Block.bullets": _list(_("list item"), pgettext("accusative", "list item")),
    }
    choices = {
        "CostLine.role": {
            "total": _("the total"),
            "source": _("a funding source"),
            "co_financing": _("the municipality's co-financing"),
            "note": _("other text with an amount"),
        },
        "Options.number_style": {
            "municipal": _("as in municipal documents: simts, viens tūkstotis"),
            "normative": _("as in grammar: simts, tūkstotis"),
            "financial": _("as in financial documents: viens simts, viens tūkstotis"),
        },
        "Options.cents": {
            "none": _("no cents"),
            "digits": _("cents in digits: … eiro 00 centu"),
            "words": _("cents in words: … eiro un … centi"),
        },
        "Options.euro_spelling": {
            "eiro": _("eiro (the usual spelling)"),
            "euro": _("euro (in legal acts)"),
        },
        "Options.quotes": {
            "lv": _("Latvian „…”"),
            "en": _("English “…”"),
            "straight": _('straight "…"'),
        },
        "Options.date_spaces": {
            "nbsp": _("no-break (a date is never split between lines)"),
            "space": _("ordinary"),
        },
        "Decision.approved": {
            "APSTIPRINĀTS": _("APSTIPRINĀTS (masculine singular)"),
            "APSTIPRINĀTA": _("APSTIPRINĀTA (feminine singular)"),
            "APSTIPRINĀTI": _("APSTIPRINĀTI (masculine plural)"),
            "APSTIPRINĀTAS": _("APSTIPRINĀTAS (feminine plural)"),
        },
        "Column.type": {
            "text": _("text"),
            "row-number": _("row number (automatic)"),
            "integer": _("whole number"),
            "decimal": _("decimal number"),
            "amount": _("amount"),
            "percent": _("percent"),
            "date": _("date"),
        },
        "Column.align": {
            "left": _("left"),
            "center": _("centre"),
            "right": _("right"),
        },
        "TableAnnex.orientation": {
            "auto": _("automatic (landscape when the columns do not fit)"),
            "portrait": _("portrait"),
            "landscape": _("landscape"),
        },
    }
    return FormWords(fields, lists, choices)


def form_words() -> FormWords:
    """Every word of the forms in the current language (read once per language)."""
    return _form_words(get_language())
