"""The rule table: every rule's id, severity, reason, source and two examples.

One table, read by ``annexgen lint --rules``, by ``docs/lint-rules.md`` (a test
checks the page lists every rule with these examples) and by a test that runs
each rule on its own right and wrong example.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from annexgen.errors import Finding, Location, Severity
from annexgen.i18n import N_
from annexgen.messages import Param

__all__ = ["RULES", "Rule", "finding"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule on Latvian text: its id (the code of its findings) and why it exists.

    ``right`` is a text the rule accepts and ``wrong`` one it reports; both
    are checked by the tests, so the examples in the docs never go stale.
    """

    id: str
    severity: Severity
    summary: str
    reference: str
    right: str
    wrong: str


RULES: Final[dict[str, Rule]] = {
    r.id: r
    for r in (
        Rule("amount-words", "error",
             N_("an amount, percentage or count in words differs from its figure"),
             "latvian-language §10",
             "19 700,00 EUR (deviņpadsmit tūkstoši septiņi simti eiro)",
             "115 029,00 EUR (simt vienpadsmit tūkstoši divdesmit deviņi eiro 00 eiro centi)"),
        Rule("amount-words-unreadable", "error",
             N_("an amount in words contains a word that is not a number word"),
             "latvian-language §10 step 2",
             "19 700,00 EUR (deviņpadsmit tūkstoši septiņi simti eiro)",
             "19 700,00 EUR (devinpadsmit tūkstoši septiņi simti eiro)"),
        Rule("amount-currency", "error", N_("the figure and the words name different currencies"),
             "latvian-language §10",
             "1000 LVL (viens tūkstotis latu)", "1000 EUR (viens tūkstotis latu)"),
        Rule("noun-agreement", "error", N_("a counted noun does not agree with its number"),
             "latvian-language §2",
             "LVL 1000 (viens tūkstotis latu)", "LVL 1000 (viens tūkstotis lati)"),
        Rule("gender-agreement", "error",
             N_("a number in the other gender than its noun ('divi dienas')"),
             "latvian-language §3",
             "22 (divdesmit divas) darba dienas", "22 (divdesmit divi) darba dienas"),
        Rule("scale-agreement", "error",
             N_("simts/tūkstotis/miljons does not agree with its multiplier"),
             "latvian-language §1.2",
             "2000 EUR (divi tūkstoši eiro)", "2000 EUR (divi tūkstotis eiro)"),
        Rule("lvl-eur-rate", "error", N_("a euro equivalent is not LVL ÷ 0,702804"),
             "latvian-language §11",
             "LVL 500 (711,44 euro)", "LVL 500 (711,45 euro)"),
        Rule("text-total", "error",
             N_("amounts in a sentence do not add up to the total it states"),
             "document-rules §2.1; issue 16",
             "personāls 4 500,00 EUR, materiāli 1 250,50 EUR; kopā 5 750,50 EUR",
             "personāls 4 500,00 EUR, materiāli 1 250,50 EUR; kopā 5 705,50 EUR"),
        Rule("date-case", "error",
             N_("a date in the wrong case after a preposition or before the noun it describes"),
             "latvian-language §6.2",
             "līdz 2024. gada 30. jūnijam", "līdz 2024. gada 30. jūnijs"),
        Rule("month-spelling", "error", N_("a month name misspelt in a date"),
             "latvian-language §6.3",
             "domes 2023. gada 27. aprīļa lēmums", "domes 2023. gada 27. aprīla lēmums"),
        Rule("date-spacing", "warning", N_("no space after an ordinal dot of a date ('2013.gada')"),
             "latvian-language §6.1; document-rules §1.4",
             "2013. gada 5. decembra sēdes", "2013.gada 5.decembra sēdes"),
        Rule("month-capital", "warning", N_("a month name with a capital letter"),
             "latvian-language §6.1",
             "2024. gada 12. martā", "2024. gada 12. Martā"),
        Rule("date-leading-zero", "warning", N_("a day written with a leading zero ('05. martā')"),
             "latvian-language §6.1",
             "2024. gada 5. martā", "2024. gada 05. martā"),
        Rule("ordinal-spacing", "warning", N_("no space after an ordinal dot ('1.pielikumu')"),
             "document-rules §1.10; latvian-language §6.1",
             "saskaņā ar 1. pielikumu", "saskaņā ar 1.pielikumu"),
        Rule("decimal-point", "warning", N_("a decimal point in an amount (Latvian uses a comma)"),
             "document-rules §2.1; latvian-language §5",
             "19 700,00 EUR", "19 700.00 EUR"),
        Rule("unit-spacing", "warning",
             N_("no space between a number and its currency or '%' ('100%', '1 000EUR')"),
             "document-rules §2.1, §2.2; latvian-language §4",
             "15 % un 19 700,00 EUR", "15% un 19 700,00EUR"),
        Rule("thousands-separator", "warning",
             N_("thousands grouped with a dot or a comma ('19.700,00')"),
             "document-rules §2.1; latvian-language §5",
             "19 700,00 EUR", "19.700,00 EUR"),
        Rule("currency-twice", "warning", N_("the currency written twice for one amount"),
             "document-rules §2.2",
             "11 354 188,46 EUR", "EUR 11 354 188,46 EUR"),
        Rule("quotes", "warning", N_("quotation marks other than Latvian „…”"),
             "document-rules §1.11",
             "biedrība „Izglītības centrs”", 'biedrība "Izglītības centrs"'),
        Rule("nr-spacing", "warning", N_("no space after 'Nr.'"), "document-rules §1.10",
             "lēmums Nr. 610", "lēmums Nr.610"),
        Rule("initial-spacing", "warning", N_("no space after an initial ('J.Lāčplēsis')"),
             "document-rules §1.5",
             "priekšsēdētājs J. Lāčplēsis", "priekšsēdētājs J.Lāčplēsis"),
        Rule("digits-agreement", "warning",
             N_("a counted noun after digits does not agree with the number ('01 centi')"),
             "latvian-language §2, §4",
             "0,01 EUR (nulle eiro 01 cents)", "0,01 EUR (nulle eiro 01 centi)"),
        Rule("colloquial-number", "warning", N_("a colloquial number word (simtu, tūkstots)"),
             "latvian-language §1.3, §10 step 2",
             "101,00 EUR (simt viens eiro)", "101,00 EUR (simtu viens eiro)"),
        Rule("scale-indeclinable", "warning",
             N_("'tūkstoš' (the form for reading years) in an amount instead of 'tūkstotis'"),
             "latvian-language §1.1, §1.3",
             "1000 EUR (viens tūkstotis eiro)", "1000 EUR (viens tūkstoš eiro)"),
    )
}  # fmt: skip


def finding(
    code: str,
    text: str,
    start: int,
    end: int,
    params: Mapping[str, Param] | None = None,
    suggestion: str | None = None,
) -> Finding:
    """A finding of rule ``code`` on ``text[start:end]``; column = 1-based offset."""
    return Finding(
        code,
        RULES[code].severity,
        Location(column=start + 1),
        dict(params or {}),
        suggestion,
        excerpt=text[start:end],
    )
