"""Every message annexgen shows about input, in one table keyed by a stable code.

Why one table: a finding (:class:`annexgen.errors.Finding`) holds a code and
the values it speaks of, never ready text; its words are made here. So
``check``, ``lint``, ``template check`` and the web form say the same thing
for the same fact, ``--format json`` can give the values apart from the
prose, and the clerk's Latvian is made by code, without touching a call site:
each template is looked up in the gettext catalog with its code as context
(``pgettext(code, template)``, :mod:`annexgen.i18n`), and :func:`format_param`
writes the values the way the current language writes them.

The two tables are read by ``pybabel extract`` through the extractor in
:mod:`annexgen.i18n_extract` (``babel.cfg``), so an entry is a plain
``"code": "English template"`` pair — nothing else to mark.

Rules for a template:

* English prose with named placeholders only: ``{figure}``, never ``{0}``,
  no conversions (``!r``) or format specs — how a value is written is the
  language's business (:func:`format_param`), not the call site's;
* a literal brace is doubled (``{{``), as in :meth:`str.format`;
* one code, one template: a rule that needs two sentences needs two codes.

This module imports only :mod:`annexgen.i18n`: it sits below everything, so
the error tree can render its messages.
"""

from __future__ import annotations

import errno
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Final, TypeAlias

from annexgen.i18n import get_language, pgettext

__all__ = [
    "MESSAGES",
    "SUGGESTIONS",
    "Param",
    "Phrase",
    "format_param",
    "json_param",
    "os_reason",
    "place_words",
    "placeholders",
    "render_message",
    "render_suggestion",
    "suggestion_context",
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
    # --- the language core (annexgen.lv)
    "unknown-number-word": "unknown number word '{word}' in '{text}'",
    "unknown-number-word-at": "unknown number word '{word}' at position {position} in '{text}'",
    "number-words-malformed": "not a number: {why} at position {position} in '{text}'",
    "words-after-smaller": "'{words}' after smaller words",
    "simti-needs-multiplier": "'simti' needs a multiplier (divi simti)",
    "word-after-tens": "'{word}' after a tens, teens or units word",
    "word-after-units": "'{word}' after a units or teens word",
    "word-after-others": "'{word}' after other number words",
    "word-after-scale": "'{word}' after an equal or smaller scale word",
    "no-number-words": "no number words in '{text}'",
    "words-out-of-order": "the words are not in the order of a number",
    "words-unknown-word": "unknown number word '{word}'",
    "words-unknown-word-near": "unknown number word '{word}' (did you mean '{near}'?)",
    "words-cents-over-99": "the cents part {cents} is more than 99",
    "words-other-currency": "the figure is in {figure} but the words say {words}",
    "words-minor-currency": "'{word}' are not the cents of {currency}",
    "nulle-combined": "'nulle' cannot be combined with other words in '{text}'",
    "number-out-of-range": "number out of range 0 … 999 999 999 999: {number}",
    "needs-type": "{function} needs a {type}, got {got}",
    "unknown-option": "unknown {what} '{value}'; expected one of: {options}",
    "money-float": "money must be a Decimal, int or str, not a float ({value}): floats cannot "
    "hold cents exactly",
    "money-type": "money must be a Decimal, int or str, not {type}",
    "amount-not-a-number": "amount is not a number: '{value}'",
    "amount-negative": "amount must not be negative: '{value}'",
    "amount-decimals": "amount has more than two decimals: '{value}'",
    "amount-too-large": "amount too large (must be below 10^12): '{value}'",
    "not-an-amount": "not an amount: '{value}' (expected e.g. 19700, 19 700,00 or 19 700.00)",
    "amount-has-cents": "{value} has cents; use cents='digits' or cents='words' to keep them",
    "no-currency-word": "no currency word (eiro, euro, lats …) in '{text}'",
    "no-minor-unit": "cannot read the minor unit (centi, santīmi …) in '{text}'",
    "minor-over-99": "minor part {minor} is more than 99 in '{text}'",
    "unknown-spelling": "unknown spelling '{spelling}' for {currency}; expected one of: {options}",
    "unknown-currency": "unknown currency '{currency}'; known: {options}",
    "plural-category": "unexpected plural category '{category}' for {number}",
    "not-a-latvian-date": "not a date like '2013. gada 5. decembra': '{value}'",
    "not-a-figure": "not a number: '{value}' (expected e.g. 1 234,56)",
    "too-many-decimals": "{value} has more than {places} decimals",
    "no-initial": "cannot take an initial of '{name}'",
    "name-needed": "a name is needed for the signature",
    # --- values the models refuse (FieldError)
    "date-expected": "expected a date like 2013-12-05, 05.12.2013. or 2013. gada 5. decembris, "
    "got '{value}'",
    "date-not-real": "expected a date like 2013-12-05, 05.12.2013. or 2013. gada 5. decembris: "
    "'{value}' is not a real date",
    "whole-number-digits": "expected a whole number written with digits, like 3, got '{value}'",
    "whole-number-bool": "expected a whole number, not true/false",
    "whole-number-float": "expected a whole number, not the float {value}",
    "money-expected": "expected an amount like '19 700,00 EUR' or 'LVL 1000', got '{value}'",
    "eur-only-for-other": "'eur' is only for amounts in another currency (LVL)",
    "no-euro-rate": "no fixed euro rate for {currency}",
    "generic-needs-content": "a generic annex needs 'rows' or 'paragraphs'",
    "block-text-or-bullets": "a block is either 'text' or 'bullets'",
    "duration-one-form": "give exactly one of: until, start+end, months, text",
    "duration-start-end": "a period needs both start and end",
    "duration-reversed": "start {start} is after end {end}",
    "unpaired-quote": "the quotation mark {mark} in '{name}' has no pair; write the name "
    "without quotation marks, the document adds them („…”)",
    "order-twice": "'order' names a row twice",
    "order-missing": "'order' leaves out rows that have content: {rows}",
    # --- why the operating system refused a file (os_reason)
    "os-not-found": "no such file or folder",
    "os-permission": "permission denied",
    "os-is-a-folder": "is a directory, not a file",
    "os-not-a-folder": "a part of the path is not a folder",
    "os-no-space": "no space left on the disk",
    "os-exists": "it already exists",
    "os-read-only": "the disk is read-only",
    "os-busy": "the file is in use by another program",
    "os-other": "{reason}",
    # … and what annexgen itself refuses to read (annexgen.inputs)
    "os-pipe": "not a regular file (a named pipe)",
    "os-device": "not a regular file (a device)",
    "os-socket": "not a regular file (a socket)",
    "os-too-large": "the file is {size} bytes; the limit is {limit}",
    "os-bad-name": "the file name is not valid text (a lone surrogate)",
    # --- places in a Word or text document (Location.place): "table 1 row 3 cell 2"
    "place-numbered": "{word} {number}",
    "place-table": "table",
    "place-row": "row",
    "place-cell": "cell",
    "place-paragraph": "paragraph",
    "place-line": "line",
    "place-header": "header",
    "place-footer": "footer",
    "place-body": "body",
    "place-footnotes": "footnotes",
    "place-endnotes": "endnotes",
    "place-near": "near",
    # --- files, folders, LibreOffice
    "output-folder-unwritable": "cannot write in {folder}: {reason}",
    "output-in-use": "cannot replace the file: is it open in Word? Close it and try again",
    "output-unwritable": "cannot write the file: {reason}",
    "output-exists-extract": "the file exists; give another -o or add --force to overwrite it",
    "output-outside": "refusing to write outside {folder}: {path}",
    "not-a-folder": "not a folder: {path}",
    "libreoffice-missing": "PDF output needs LibreOffice. Install it (Debian/Ubuntu: "
    "sudo apt-get install libreoffice-writer-nogui python3-uno; Windows/macOS: "
    "libreoffice.org) or leave out --pdf to get the Word file only",
    "libreoffice-no-uno": "PDF output needs LibreOffice's Python bridge (the 'uno' module), "
    "which was not found. Install it (Debian/Ubuntu: sudo apt-get install python3-uno) or name "
    "a Python that has it in ANNEXGEN_UNO_PYTHON",
    "office-start-timeout": "LibreOffice did not start within {seconds} s",
    "office-start-failed": "LibreOffice could not be started",
    "office-start-failed-because": "LibreOffice could not be started: {reason}",
    "office-pool-closed": "the office pool is closed",
    "office-file-problem": "{file}: {reason}",
    "office-timeout": "{file}: LibreOffice did not finish within {seconds} s; its office was "
    "stopped and will be replaced",
    "office-crashed": "{file}: LibreOffice stopped while converting it, also when tried again "
    "in a new office ({reason})",
    "office-no-pdf": "{file}: LibreOffice made no PDF: {reason}",
    "office-no-pdf-written": "{file}: LibreOffice reported success but wrote no PDF",
    "conversion-failures": "{failures}",
    "pdf-name-clash": "two files would both become {name}: {first} and {second}",
    # --- reading an existing document (lint, extract)
    "document-not-found": "file not found",
    "document-wrong-type": "cannot read {suffix} files: expected .docx or .txt",
    "document-no-extension": "cannot read files without an extension: expected .docx or .txt",
    "document-not-utf8": "not UTF-8 text (byte {byte} at offset {offset}); save the file as UTF-8",
    "not-word-document": "not a Word document (no {part})",
    "broken-xml": "broken Word XML: {reason}",
    # --- the table kind and the spreadsheets it reads (model/kinds/table.py, tabular.py)
    "table-rate-float": "write the rate as text or a whole number, not the float {value}",
    "table-no-rows": "the table has no rows",
    "table-key-twice": "two columns have the key '{key}'",
    "table-vat-and-sum": "a column is computed by 'vat' or by 'sum', not both",
    "table-computed-type": "a 'vat' or 'sum' column must be amount or decimal",
    "table-places": "'places' is for decimal and percent columns",
    "table-total-type": "a {type} column cannot have a total; totals are for integer, decimal "
    "and amount columns",
    "table-total-first": "the first column holds the 'Kopā' label; put the total in a later column",
    "table-personal-computed": "a personal column cannot be summed or computed",
    "table-no-column": "no column '{key}'; columns: {options}",
    "table-no-column-suggest": "no column '{key}' (did you mean '{suggestion}'?); columns: "
    "{options}",
    "table-column-not-number": "column '{key}' is {type}, not a number",
    "table-column-personal": "column '{key}' is personal data",
    "table-computed-itself": "a column cannot be computed from itself",
    "table-row-numbers": "only one column can be of type row-number",
    "table-computed-cycle": "columns computed from each other: {chain}",
    "table-total-column": "'{column}' is not a column with a total; those are: {totals}",
    "table-total-column-none": "'{column}' is not a column with a total; none is (set "
    "total: true on a column)",
    "table-total-needs-column": "a total row needs a column with 'total: true'",
    "table-rows-twice": "give the rows either in 'rows' or in 'rows_from'",
    "table-sheet-alone": "'sheet' goes with 'rows_from' (an .xlsx file)",
    "table-row-values": "this row has {count} values; the columns to fill are {expected} "
    "({columns})",
    "table-rows-from-no-file": "'rows_from' reads a file beside a YAML file; here there is "
    "none — write the rows in 'rows'",
    "table-rows-from-folder": "give a file name beside the YAML (no folders above it)",
    "table-rows-from-type": "expected a .csv or .xlsx file",
    "table-file-problem": "{file}: {reason}",
    "table-header-unknown": "the header '{name}' names no column; columns: {options}",
    "table-header-unknown-suggest": "the header '{name}' names no column (did you mean "
    "'{suggestion}'?); columns: {options}",
    "table-header-twice": "the column '{label}' is named twice in the header",
    "table-header-missing": "the header has no column '{label}' (or '{key}')",
    "table-value-no-header": "a value in a column without a header: {value}",
    "table-computed-differs": "the file says {written}, but {how} gives {value} (difference "
    "{difference})",
    "table-how-vat": "{rate} of '{of}'",
    "table-how-sum": "{columns}",
    "table-how-position": "the row's position",
    "table-not-total-column": "'{key}' is not a column with a total",
    "table-stated-total": "the stated total of '{label}' is {stated}, but the rows add up to "
    "{computed} (difference {difference})",
    "table-words-needs-amount": "the total in words needs an amount column with 'total: true'",
    "table-words-negative": "a negative total cannot be written in words",
    "table-cell-structure": "expected a value, not {type}",
    "table-cell-float": "write numbers as text, not the float {value}",
    "table-cell-date": "expected a number, not the date {date}",
    "table-cell-whole": "expected a whole number, got {value}",
    "table-cell-decimals-amount": "{number} has more decimals than {places}: an amount has "
    "{places}; round it where it is typed (in Excel: =ROUND(…; 2))",
    "table-cell-decimals": "{number} has more decimals than {places}: this column has "
    "{places}; round it where it is typed (in Excel: =ROUND(…; 2))",
    "table-cell-number": "expected a number like {example}, got {value}",
    "tabular-type": "expected a .csv or .xlsx file, not '{suffix}'",
    "tabular-no-extension": "expected a .csv or .xlsx file, not a file without an extension",
    "tabular-sheet-xlsx": "'sheet' is only for .xlsx files",
    "tabular-no-rows": "the file has no rows",
    "tabular-too-many-rows": "the file has {count} rows; the limit is {limit}",
    "tabular-too-many-columns": "the file has {count} columns; the limit is {limit}",
    "tabular-encoding": "neither UTF-8 nor Windows-1257 text (byte {byte}); save it from "
    "Excel as 'CSV UTF-8' or 'CSV (semikolu atdalīts)'",
    "tabular-bad-csv": "not a valid CSV file: {reason}",
    "tabular-bad-xlsx": "not an Excel (.xlsx) workbook: {reason}",
    "tabular-no-sheet": "no sheet '{sheet}'; the workbook has: {sheets}",
    "tabular-sheet-too-many-rows": "the sheet has more than {limit} rows",
    # --- Word packages (templates, rendered documents)
    "docx-too-large": "it unpacks to more than {limit} MB",
    "docx-password": "it is password-protected",
    "docx-part-too-large": "{part} unpacks to more than {limit} MB",
    "docx-ratio": "{part} is packed {ratio}:1, more than {limit}:1 (a ZIP bomb, not a document)",
    "docx-too-many-tags": "its XML has more than {limit} tags",
    "docx-not-zip": "not a ZIP package ({reason})",
    "docx-damaged-zip": "a damaged ZIP package ({reason})",
    "docx-part-missing": "{part} is missing",
    "docx-main-missing": "its main document {part} is missing",
    "docx-other-kind": "it is {what}; save it as a Word document (.docx)",
    "docx-is-docm": "a macro-enabled document (.docm)",
    "docx-is-dotx": "a Word template file (.dotx)",
    "docx-is-dotm": "a macro-enabled Word template (.dotm)",
    "docx-not-body": "{part} is not a Word document body ({kind})",
    "docx-broken-part": "{part} is not well-formed XML ({reason})",
    "docx-dtd": "{part} declares a DTD, which Word never writes",
    "docx-no-main": "it has no main document",
    "rendered-broken-part": "the rendered {part} is not well-formed: {reason}",
    "rendered-does-not-open": "the rendered document does not open: {reason}",
    "rendered-lost-text": "the rendered document lost text: '{text}'",
    "rendered-lost-texts": "the rendered document lost text: '{text}' and {more} more",
    "docxtpl-failed": "docxtpl cannot render this template: {reason}",
    "templates-missing": "the bundled templates are missing from this installation",
    "no-bundled-template": "no bundled template for '{kind}'",
    # --- characters that cannot go into a Word document (model.text.describe_char)
    "char": "{code} {name}",
    "char-hinted": "{code} {name} ({hint})",
    "char-hint-bell": "docxtpl would start a new paragraph",
    "char-hint-vertical-tab": "Shift+Enter in Word; use a normal line break",
    "char-hint-form-feed": "docxtpl would insert a page break",
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
    "yaml-colon": "a colon and a space (': ') cannot be here; put the text in quotes",
    "yaml-no-colon": "expected a line like 'key: value' (no ':' found)",
    "yaml-indentation": "the indentation does not match the lines above",
    "yaml-unclosed-quote": "a quotation mark is opened but never closed",
    "yaml-bad-start": "a value cannot start with this character (a tab, @ or `): indent with "
    "spaces and put such text in quotes",
    "yaml-unclosed-bracket": "a [ or {{ is opened but never closed; put text that starts with "
    "[ or {{ in quotes",
    # a library's own words (PyYAML, Jinja, LibreOffice), quoted when there are no better ones
    "library-words": "{words}",
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
    "empty-value": "this is empty; write a value here",
    "fields-expected": "expected fields here (name: value on lines of their own), not '{value}'",
    "list-expected": "expected a list here (lines that start with '- '), not '{value}'",
    "single-value-expected": "expected one value here, not a list or fields",
    "value-not-valid": "'{value}' does not fit here ({check})",
    "text-expected-mapping": "expected text but YAML read a mapping (key: value); put text "
    "that starts with {{, [ or contains ': ' in quotes",
    "text-expected-list": "expected text but YAML read a list; put text that starts with "
    "{{, [ or contains ': ' in quotes",
    "forbidden-character": "character {character} at position {position} cannot appear in a "
    "Word document; remove it",
    "text-too-long": "text is {length} characters long; the limit is {limit}",
    # --- limits a field declares (pydantic's constraints, said in our words)
    "number-too-small": "the number must be at least {limit}",
    "number-too-large": "the number must be at most {limit}",
    "list-too-short": "too few entries: at least {limit} needed, here {count}",
    "list-too-long": "too many entries: at most {limit} allowed, here {count}",
    "key-characters": "'{value}' cannot be a key: use Latin letters, digits and _, starting "
    "with a letter or _ (like amount)",
    "yes-or-no": "expected yes or no (true or false), got '{value}'",
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
    "gender-agreement": "'{phrase}' does not agree with '{noun}'; write '{right}'",
    "scale-agreement": "'{phrase}': after {number} the word is '{word}'",
    "colloquial-number": "'{word}' is colloquial; documents write '{standard}'",
    "text-total": "its parts add up to {sum}, not {total}",
    "date-case": "'{word}' needs the date in the {required}, not the {found}",
    # the grammatical cases date-case speaks of (annexgen.lv.CASES)
    "case-nominative": "nominative",
    "case-genitive": "genitive",
    "case-dative": "dative",
    "case-accusative": "accusative",
    "case-locative": "locative",
    "date-spacing": "no space after the ordinal dot (legacy spelling)",
    "month-spelling": "'{word}' is no month name",
    "month-capital": "a month name is written in small letters",
    "date-leading-zero": "a day is written without a leading zero",
    "decimal-point": "decimal point in an amount; Latvian uses a decimal comma",
    "quotes": "quotation marks {marks}; Latvian documents use „…”",
    "nr-spacing": "no space after 'Nr.'",
    "ordinal-spacing": "no space after the ordinal dot",
    "currency-twice": "the currency is written twice; write it once, after the amount",
    "unit-spacing": "no space before the unit; Latvian writes '15 %' and '19 700,00 EUR'",
    "thousands-separator": "thousands grouped with '{mark}'; Latvian groups them with a space",
    "initial-spacing": "no space after the initial",
    "scale-indeclinable": "'{word}' is the indeclinable form used in reading years; amounts "
    "write '{standard}'",
    "unreadable-document": "cannot read the document: {reason}",
    # --- limits on what lint and extract read (issue 17)
    "document-too-large": "the file is {size} bytes; lint and extract read at most {limit} MB",
    "document-too-many-blocks": "more than {limit} paragraphs, cells or lines; the limit "
    "keeps lint and extract fast",
    "document-too-much-text": "more than {limit} characters of text; split the document",
    "document-broken-utf16": "broken UTF-16 text ({reason} at byte {byte}); save the file as UTF-8",
    "batch-collision": "{names} would all be written to {output}",
    "batch-file-link-outside": "is a link to a file outside the input folder",
    "batch-folder-link-outside": "is a link to a folder outside the input folder",
    "batch-unreadable-folder": "cannot read the folder: {reason}",
    "batch-not-a-file": "is not a regular file (a pipe, a device or a socket)",
    "output-not-a-file": "is not a regular file (a device, a pipe or a folder); choose a file name",
    "output-bad-name": "the file name is not valid text (a lone surrogate)",
    "money-text-too-long": "expected an amount like '19 700,00 EUR' or 'LVL 1000', got "
    "{length} characters (at most {limit})",
    # --- what annexgen extract could not understand (its "# CHECK:" lines)
    "extract-no-council": "the annex mark names no council: fill in decision.council",
    "extract-cost-words": "costs: '{text}' — the words say {words_value}, the figure {figure}; "
    "the figure was kept",
    "extract-eu-sentence": "the EU-funding sentence is not in the standard wording: kept as "
    "written",
    "extract-no-title": "no title found: fill in title",
    "extract-total-label": "the total in words is labelled '{label}'",
    "extract-tables-as-rows": "the document's tables are kept as labelled rows: check them",
    "extract-generic": "not a project description, announcement or table: read as a generic annex",
    "extract-no-description-title": "no title like 'Projekta „…” apraksts' found",
    "extract-extra-row": "row '{label}' ({place}) kept as an extra row",
    "extract-placeholder": "{field}: the document shows '{placeholder}' here, not the personal "
    "data (it was published with --public); left empty: fill it in from the original",
    # --- Word templates
    "template-unreadable": "cannot read the template: {reason}",
    "template-not-docx": "not a Word (.docx) file: {reason}",
    "template-syntax": "template syntax error: {reason}",
    "template-unknown-filter": "template syntax error: {reason}. Filters: {filters}",
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
    "jinja-undefined": "'{name}' is undefined",
    "jinja-no-attribute": "'{owner}' has no attribute '{name}'",
    "jinja-unexpected": "unexpected '{token}'",
    "jinja-unknown-tag": "unknown tag '{name}'",
    "jinja-no-filter": "no filter named '{name}'",
    "jinja-unclosed-block": "a block ({{% if %}}, {{% for %}} …) is opened but never closed",
    "jinja-unsafe-attribute": "access to attribute '{name}' of '{owner}' object is unsafe",
    "filter-cannot-format": "filter '{filter}' cannot format {value}: {reason}",
    "not-a-date": "not a date: {value}",
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
    """A parameter as a message in the current language writes it.

    Amounts are written the way the Latvian document writes them, in both
    languages ("115 029,00", with an ordinary space a terminal can show and
    grep can find): a message speaks of a figure in that document, and the
    reader finds the same figure in Word; a negative one gets a real minus
    sign. Whole numbers (line numbers, years, counts) are plain digits. Dates
    are written in words in Latvian ("2013. gada 5. decembris", as annexgen.lv
    writes the nominative, with plain spaces) and ISO in English, like the
    YAML. Sequences read "a, b, c" (phrases "a; b").
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
        return _date_in_words(value) if get_language() == "lv" else value.isoformat()
    if isinstance(value, int | str):
        return str(value)
    items = list(value)
    separator = "; " if items and all(isinstance(i, Phrase) for i in items) else ", "
    return separator.join(format_param(i) for i in items)


def _date_in_words(value: date) -> str:
    """``2013. gada 5. decembris``: CLDR's long Latvian date, the nominative (Babel).

    Not :func:`annexgen.lv.format_date`, which raises errors built from this
    module (an import circle); tests/test_i18n.py checks that both write the
    same words.
    """
    from babel.dates import format_date  # noqa: PLC0415 - only a message with a date

    return format_date(value, "long", locale="lv").replace("\u00a0", " ")


_OS_CODES: Final = {
    errno.ENOENT: "os-not-found",
    errno.EACCES: "os-permission",
    errno.EPERM: "os-permission",
    errno.EISDIR: "os-is-a-folder",
    errno.ENOTDIR: "os-not-a-folder",
    errno.ENOSPC: "os-no-space",
    errno.EEXIST: "os-exists",
    errno.EROFS: "os-read-only",
    errno.EBUSY: "os-busy",
    errno.ETXTBSY: "os-busy",
}


#: the words places are made of (annexgen.reading.documents, template check), by code
_PLACE_WORDS: Final = {
    "table": "place-table", "row": "place-row", "cell": "place-cell",
    "paragraph": "place-paragraph", "line": "place-line", "header": "place-header",
    "footer": "place-footer", "body": "place-body", "document": "place-body",
    "footnotes": "place-footnotes", "endnotes": "place-endnotes", "near": "place-near",
}  # fmt: skip
_PLACE_PART: Final = re.compile(r"'(?P<quote>[^']*)'|(?P<word>[a-z]+)(?: (?P<number>\d+))?")


def place_words(place: str) -> str:
    """A place in a document ("table 1 row 3 cell 2") in the current language.

    Places are made of a few words, each with an optional number, and a quoted
    excerpt; English keeps them as written, Latvian writes "1. tabula, 3. rinda,
    2. šūna" — the numbers as ordinals before the word — and the excerpt in „…”.
    """
    if get_language() == "en":
        return place
    parts: list[str] = []
    quoted = ""
    for m in _PLACE_PART.finditer(place):
        if m["quote"] is not None:
            quoted = f" „{m['quote']}”"
            continue
        code = _PLACE_WORDS.get(m["word"])
        if code is None:
            return place  # not a place annexgen made: leave it as written
        word = render_message(code, {})
        if m["number"] is None:
            parts.append(word)
        else:
            parts.append(render_message("place-numbered", {"word": word, "number": m["number"]}))
    return ", ".join(parts) + quoted


def os_reason(err: OSError) -> Phrase:
    """Why the system refused a file, as a phrase of the clerk's language.

    The system's own words (``strerror``) follow the C library's locale, which
    is English on most servers; the common reasons have codes, the others keep
    the system's words.
    """
    phrase = getattr(err, "phrase", None)  # annexgen.inputs' own refusals say it themselves
    if isinstance(phrase, Phrase):
        return phrase
    code = _OS_CODES.get(err.errno or 0)
    if code is not None:
        return Phrase(code)
    return Phrase("os-other", {"reason": err.strerror or str(err)})


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
    """The message of ``code`` with ``params`` filled in, in the current language."""
    try:
        template = MESSAGES[code]
    except KeyError:
        raise ValueError(f"no message template for code {code!r}") from None
    missing = [name for name in placeholders(template) if name not in params]
    if missing:
        raise ValueError(f"message {code!r} needs the params {', '.join(missing)}")
    translated = pgettext(code, template)
    return translated.format_map({k: format_param(v) for k, v in params.items()})


def render_suggestion(code: str, suggestion: str) -> str:
    """How the suggestion of a ``code`` finding is offered ("did you mean 'title'?")."""
    key = code if code in SUGGESTIONS else "suggest"
    template = pgettext(suggestion_context(key), SUGGESTIONS[key])
    return template.format_map({"suggestion": suggestion})


def suggestion_context(key: str) -> str:
    """The catalog context of a :data:`SUGGESTIONS` template (its code, told apart from
    the message of the same code)."""
    return f"suggestion:{key}"
