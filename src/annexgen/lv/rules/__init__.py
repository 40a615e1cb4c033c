"""Every rule on Latvian text in one place: what ``lint``, ``check`` and the web report.

Rules: ``docs/latvian-language.md`` and ``docs/document-rules.md``, cited per
rule in :data:`RULES` (with an example each rule accepts and one it reports).
:func:`check_text` runs all of them on one piece of text and returns
:class:`~annexgen.errors.Finding` objects located by column in that text;
the callers put them where they belong — a line of a .txt file, a paragraph
of a Word file (``lint``), a field of a YAML annex (``check``).

The rules find amounts, dates and number words with one tokenisation of the
text (:mod:`annexgen.lv.tokens`) and bounded look-around, so checking is
linear in the length of the text, whatever the text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from annexgen.errors import Finding
from annexgen.i18n import gettext
from annexgen.lv.mentions import scan
from annexgen.lv.rules._base import RULES, Rule
from annexgen.lv.rules.agreement import check_agreement
from annexgen.lv.rules.amounts import amount_words_params, check_amounts, suggest_words
from annexgen.lv.rules.dates import check_dates, date_tokens
from annexgen.lv.rules.sums import check_sums
from annexgen.lv.rules.typography import check_typography

__all__ = ["RULES", "Rule", "amount_words_params", "check_text", "rules_text", "suggest_words"]


def check_text(text: str) -> list[Finding]:
    """Every finding of every rule in ``text``, ordered by position.

    Each finding's ``location.column`` is the 1-based offset of its
    ``excerpt`` in the NFC form of ``text``.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    found = scan(text)
    findings = [
        *check_amounts(found),
        *check_sums(found),
        *check_agreement(found),
        *check_dates(found),
        *check_typography(found, date_tokens(found.tokens)),
    ]
    return sorted(findings, key=lambda f: (f.location.column or 0, len(f.excerpt or ""), f.code))


def rules_text(rules: Mapping[str, Rule] = RULES) -> str:
    """The rule table as a reader wants it (``annexgen lint --rules``): id, severity,
    what it finds, its source, an example it accepts and one it reports."""
    width = max(len(r.id) for r in rules.values())
    lines = []
    for severity in ("error", "warning"):
        for rule in (r for r in rules.values() if r.severity == severity):
            pad = f"{'':<{width}}  {'':<7}"
            word = gettext(rule.severity)  # "error" / "warning", as the finding lines say it
            lines.append(f"{rule.id:<{width}}  {word:<7}  {gettext(rule.summary)}")
            lines.append(
                f"{pad}  " + gettext("source: {reference}").format(reference=rule.reference)
            )
            lines.append(f"{pad}  " + gettext("right: {example}").format(example=rule.right))
            lines.append(f"{pad}  " + gettext("wrong: {example}").format(example=rule.wrong))
    return "\n".join(lines) + "\n"
