"""Every message annexgen shows about input, in one table keyed by a stable code.

Why one table: a finding (:class:`annexgen.errors.Finding`) holds a code and
the values it speaks of, never ready text; its words are made here. So
``check``, ``lint``, ``template check`` and the web form say the same thing
for the same fact, ``--format json`` can give the values apart from the
prose, and a translation (the clerk's Latvian) replaces :data:`MESSAGES` and
:func:`format_param` for its language without touching a single call site.

Rules for a template:

* English prose with named placeholders only: ``{figure}``, never ``{0}``,
  no conversions (``!r``) or format specs — how a value is written is the
  language's business (:func:`format_param`), not the call site's;
* a literal brace is doubled (``{{``), as in :meth:`str.format`;
* one code, one template: a rule that needs two sentences needs two codes.

This module imports nothing from annexgen: it sits below everything, so the
error tree can render its messages.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Final, TypeAlias

__all__ = [
    "MESSAGES",
    "SUGGESTIONS",
    "Param",
    "Phrase",
    "format_param",
    "json_param",
    "placeholders",
    "render_message",
    "render_suggestion",
]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A part of a message that is itself a message (code and params).

    For parts that vary in number — "thousands group 115 vs 111; cents 00 vs
    05" — so that each part is translated by its code like a whole message.
    """

    code: str
    params: Mapping[str, Param] = field(default_factory=dict, hash=False)


#: A message parameter: a value, not text formatted for one language.
#: Amounts are ``Decimal``, counts and line numbers ``int``, dates ``date``;
#: a sequence is a list of values (options, numbers) or of :class:`Phrase`.
Param: TypeAlias = str | int | Decimal | date | Phrase | Sequence["str | int | Decimal | Phrase"]

#: code → English template. Grouped by where the finding comes from; codes of
#: lint rules are the rule ids (``annexgen lint --rules``).
MESSAGES: Final[dict[str, str]] = {
    # --- any value a model or the language core refused, with its own English reason
    "invalid-value": "{reason}",
    "wrong-type": "{reason} (got '{value}')",
    # --- reading a YAML file
    "file-too-large": "file is {size} bytes; the limit is {limit} KiB",
    "text-too-large": "text is over the {limit} KiB limit",
    "unreadable-file": "cannot read the file: {reason}",
    "not-utf8": "not UTF-8 text (byte {byte}); save the file as UTF-8",
    "yaml-syntax": "not valid YAML: {reason}",
    "yaml-alias": "YAML aliases (*name) are not allowed; write the value out",
    "yaml-anchor": "YAML anchors (&name) are not allowed; write the value out",
    "yaml-tag": "YAML tags like '{tag}' are not allowed",
    "yaml-too-deep": "lists and mappings are nested more than {limit} deep",
    "yaml-key-not-plain": "a key must be a plain word",
    "yaml-forbidden-character": "character {character} cannot appear in a Word document; remove it",
    "yaml-line-separator": "character {character} is a line break to YAML, which would drop "
    "the spaces after it; write it as {escape} inside double quotes, or use a normal line break",
    "duplicate-key": "duplicate key '{key}' (first given on line {first_line})",
    "empty-file": "the file is empty",
    "several-documents": "a file must hold exactly one annex",
    "not-a-mapping": "expected a mapping of fields (key: value)",
    # --- validating the fields
    "missing-field": "required field '{field}' is missing",
    "unknown-field": "unknown field '{field}'",
    "unknown-row": "unknown row '{row}'",
    "not-one-of": "'{value}' is not one of: {options}",
    "unknown-kind": "'kind' must be one of: {options}",
    "invalid-date": "expected a date like 2013-12-05 or 05.12.2013.: {reason} (got '{value}')",
    "empty-value": "this is empty; write a value here",
    "text-expected-mapping": "expected text but YAML read a mapping (key: value); put text "
    "that starts with {{, [ or contains ': ' in quotes",
    "text-expected-list": "expected text but YAML read a list; put text that starts with "
    "{{, [ or contains ': ' in quotes",
    "forbidden-character": "character {character} at position {position} cannot appear in a "
    "Word document; remove it",
    "text-too-long": "text is {length} characters long; the limit is {limit}",
    # --- amounts, in YAML cross-checks and in lint alike
    "amount-words": "the figure is {figure} but the words say {words_value} "
    "(difference {difference}; {groups})",
    "group-milliards": "milliards group {figure} vs {words}",
    "group-millions": "millions group {figure} vs {words}",
    "group-thousands": "thousands group {figure} vs {words}",
    "group-units": "units group {figure} vs {words}",
    "group-cents": "cents {figure} vs {words}",
    "amount-words-unreadable": "cannot read the amount in words: {reason}",
    "amount-currency": "figure and words name different currencies: {reason}",
    "table-total": "{table}, row {row} ('{label}'): the row says {stated} but column {column} "
    "adds up to {computed} (difference {difference})",
    "lvl-eur-rate": "LVL {lvl} is EUR {expected} at the fixed rate 0,702804 "
    "(LVL ÷ 0,702804, rounded half up), not EUR {eur}",
    # --- cross-checks of one annex
    "cost-needs-amount": "a cost line with role '{role}' needs an amount",
    "several-totals": "more than one cost line has role 'total'",
    "funding-sum": "funding sources add up to {sum} EUR, but the total is {total} EUR",
    "funding-sum-co-financing": "funding sources ({sources} EUR) and co-financing "
    "({co_financing} EUR) add up to {sum} EUR, but the total is {total} EUR",
    "activities-partly-numbered": "number all activities or none of them",
    "activities-numbering": "activities are numbered {numbers} instead of 1, 2, 3 …; leave "
    "'number' out to number them automatically",
    "no-decision": "no decision given: the annex mark will be left out",
    # --- lint rules (codes are the rule ids)
    "noun-agreement": "'{phrase}': after {number} the noun is '{noun}'",
    "digits-agreement": "'{phrase}': after {number} the noun is '{noun}'",
    "scale-agreement": "'{phrase}': after {number} the word is '{word}'",
    "colloquial-number": "'{word}' is colloquial; documents write '{standard}'",
    "date-case": "'{word}' needs the date in the {required} ({required_lv}), not the {found}",
    "date-spacing": "no space after the ordinal dot (legacy spelling)",
    "decimal-point": "decimal point in an amount; Latvian uses a decimal comma",
    "quotes": "quotation marks {marks}; Latvian documents use „…”",
    "nr-spacing": "no space after 'Nr.'",
    "unreadable-document": "cannot read the document: {reason}",
    # --- limits on what lint and extract read (issue 17)
    "document-too-large": "the file is {size} bytes; lint and extract read at most {limit} MB",
    "document-too-many-blocks": "more than {limit} paragraphs, cells or lines; the limit "
    "keeps lint and extract fast",
    "document-too-much-text": "more than {limit} characters of text; split the document",
    "document-broken-utf16": "broken UTF-16 text ({reason} at byte {byte}); save the file as UTF-8",
    "not-a-regular-file": "not a regular file ({what}); give a file",
    "output-not-a-file": "is not a regular file (a device, a pipe or a folder); choose a file name",
    "output-bad-name": "the file name is not valid text (a lone surrogate)",
    "money-text-too-long": "expected an amount like '19 700,00 EUR' or 'LVL 1000', got "
    "{length} characters (at most {limit})",
    # --- limits of the one reader of Word packages (templates and documents alike)
    "package-too-large": "not a Word (.docx) file: it unpacks to more than {limit} MB",
    "package-part-too-large": "not a Word (.docx) file: {part} unpacks to more than {limit} MB",
    "package-ratio": "not a Word (.docx) file: {part} is packed {ratio}:1, more than "
    "{limit}:1 (a ZIP bomb, not a document)",
    "package-too-many-tags": "not a Word (.docx) file: its XML has more than {limit} tags",
    # --- Word templates
    "template-unreadable": "cannot read the template: {reason}",
    "template-not-docx": "not a Word (.docx) file: {reason}",
    "template-syntax": "template syntax error: {reason}",
    "template-unknown-filter": "template syntax error: {reason} Filters: {filters}",
    "template-unknown-variable": "unknown variable '{variable}'; available: {variables}",
    "template-unknown-attribute": "unknown field: '{owner}' has no field '{field}'; "
    "its fields: {fields}",
    "template-split-tag": "tag '{tag}' is split across formatting runs; retype it in one go "
    "without changing its formatting",
    "template-smart-quotes": "typographic quotes inside '{tag}': use straight quotes (turn off "
    "Word's AutoFormat quotes while editing tags)",
    "template-unclosed-tag": "a tag is opened but never closed",
    "template-trial-render": "trial render with sample data failed: {reason}",
    "template-undefined": "the template uses an unknown variable: {reason}",
    "template-filter": "{reason}",
    "template-unsafe": "the template tried something unsafe: {reason}",
    "template-error": "template error ({kind}): {reason}",
    "template-too-slow": "the template ran for more than {seconds} s; a loop that never ends "
    "or repeats too often?",
    "template-too-large": "the template made a text or list longer than {limit}; the limit "
    "keeps a mistake from filling the memory",
    "template-output": "the template wrote more than {limit} characters into one part",
    "template-range": "range() of {count} numbers; a template may count to {limit}",
    "template-recursion": "a macro calls itself too deeply",
    "template-not-available": "{name} cannot be used in an annex template",
    "template-failed": "the template failed here: {kind}: {reason}",
    "template-nested": "tags are nested too deeply to read",
}

#: How a suggestion is offered, per code; every other code uses ``suggest``.
SUGGESTIONS: Final[dict[str, str]] = {
    "suggest": "suggest: {suggestion}",
    "unknown-field": "did you mean '{suggestion}'?",
    "unknown-row": "did you mean '{suggestion}'?",
    "not-one-of": "did you mean '{suggestion}'?",
    "unknown-kind": "did you mean '{suggestion}'?",
}

_FORMATTER: Final = string.Formatter()


def placeholders(template: str) -> list[str]:
    """The names a template uses; refuses positional fields, conversions and specs."""
    names = []
    for _, name, spec, conversion in _FORMATTER.parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"template field {{{name}}} must be a plain name: {template!r}")
        names.append(name)
    return names


def format_param(value: Param) -> str:
    """A parameter as English messages write it.

    Amounts keep the Latvian way the document writes them ("115 029,00", with
    an ordinary space a terminal can show and grep can find), so the clerk
    finds the same figure in Word; a negative one gets a real minus sign.
    Whole numbers (line numbers, years, counts) are plain digits, dates ISO
    like the YAML, sequences "a, b, c" (phrases "a; b").
    """
    if isinstance(value, Phrase):
        return render_message(value.code, value.params)
    if isinstance(value, bool):  # pragma: no cover - a programming error
        raise TypeError("a message parameter cannot be a bool")
    if isinstance(value, Decimal):
        sign = "−" if value < 0 else ""
        grouped = f"{abs(value):,f}".replace(",", " ").replace(".", ",")
        return sign + grouped
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | str):
        return str(value)
    items = list(value)
    separator = "; " if items and all(isinstance(i, Phrase) for i in items) else ", "
    return separator.join(format_param(i) for i in items)


def json_param(value: Param) -> object:
    """A parameter for JSON: exact amounts as strings ("115029.00"), dates ISO."""
    if isinstance(value, Phrase):
        return {"code": value.code, "params": {k: json_param(v) for k, v in value.params.items()}}
    if isinstance(value, Decimal | date):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    if isinstance(value, int | str):
        return value
    return [json_param(i) for i in value]


def render_message(code: str, params: Mapping[str, Param]) -> str:
    """The English message of ``code`` with ``params`` filled in."""
    try:
        template = MESSAGES[code]
    except KeyError:
        raise ValueError(f"no message template for code {code!r}") from None
    missing = [name for name in placeholders(template) if name not in params]
    if missing:
        raise ValueError(f"message {code!r} needs the params {', '.join(missing)}")
    return template.format_map({k: format_param(v) for k, v in params.items()})


def render_suggestion(code: str, suggestion: str) -> str:
    """How the suggestion of a ``code`` finding is offered ("did you mean 'title'?")."""
    template = SUGGESTIONS.get(code, SUGGESTIONS["suggest"])
    return template.format_map({"suggestion": suggestion})
