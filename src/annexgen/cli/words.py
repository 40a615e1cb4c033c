"""``annexgen words`` — spell an amount in Latvian, or read words back."""

from __future__ import annotations

import click

from annexgen.cli._choices import LazyChoice
from annexgen.cli._language import ClerkCommand
from annexgen.i18n import N_, gettext


def _currencies() -> list[str]:
    from annexgen.lv import CURRENCIES  # noqa: PLC0415 - start-up: only when parsed

    return sorted(CURRENCIES)


def _styles() -> tuple[str, ...]:
    from annexgen.lv import STYLES  # noqa: PLC0415 - start-up: only when parsed

    return tuple(STYLES)


def _cents_modes() -> tuple[str, ...]:
    import typing  # noqa: PLC0415

    from annexgen.lv import CentsMode  # noqa: PLC0415 - start-up: only when parsed

    return typing.get_args(CentsMode)


HELP = N_(
    "Spell AMOUNT in Latvian words, or read words back with --parse.\n"
    "\n"
    "\b\n"
    "Examples:\n"
    "  annexgen words 19700 --currency EUR\n"
    '  annexgen words "3 899,20" --cents words\n'
    '  annexgen words --parse "simt vienpadsmit tūkstoši"'
)


@click.command(cls=ClerkCommand, help=HELP)
@click.argument("amount", required=False)
@click.option(
    "--currency",
    default="EUR",
    show_default=True,
    type=LazyChoice(_currencies, case_sensitive=False),
    help=N_("Currency of AMOUNT."),
)
@click.option(
    "--cents",
    default="digits",
    show_default=True,
    type=LazyChoice(_cents_modes),
    help=N_("How to write the cents: leave out, as digits (00 centu) or in words."),
)
@click.option(
    "--style",
    default="municipal",
    show_default=True,
    type=LazyChoice(_styles),
    help=N_(
        "municipal: viens tūkstotis, simt viens; normative: tūkstotis; "
        "financial: viens simts, viens tūkstotis."
    ),
)
@click.option(
    "--spelling", default=None, help=N_("Spelling of the currency, e.g. euro (legal acts).")
)
@click.option(
    "--figures", is_flag=True, help=N_('Print "19 700,00 EUR (…)" instead of words only.')
)
@click.option(
    "--parse", "parse_text", metavar="TEXT", help=N_("Read TEXT (words) back to a number.")
)
def words(
    amount: str | None,
    currency: str,
    cents: str,
    style: str,
    spelling: str | None,
    figures: bool,
    parse_text: str | None,
) -> None:
    """A thin door to annexgen.lv: the language core's own errors reach the one handler."""
    from annexgen.lv import (  # noqa: PLC0415 - start-up: only when run
        amount_to_words,
        format_amount,
        parse_amount_words,
        words_to_number,
    )
    from annexgen.lv.amounts import MAJOR_WORDS  # noqa: PLC0415

    # a LanguageError (not a number, unknown word) goes to the one handler: exit 1
    if parse_text is not None:
        if amount is not None:
            raise click.UsageError(gettext("give either AMOUNT or --parse TEXT, not both"))
        lowered = parse_text.lower().split()
        if any(w.strip(",.") in MAJOR_WORDS for w in lowered):
            value, code = parse_amount_words(parse_text)
            click.echo(f"{value} {code}")
        else:
            click.echo(words_to_number(parse_text))
        return
    if amount is None:
        raise click.UsageError(gettext("missing AMOUNT (or --parse TEXT)"))
    text = amount_to_words(
        amount,
        currency.upper(),
        cents=cents,  # type: ignore[arg-type]
        style=style,  # type: ignore[arg-type]
        spelling=spelling,
    )
    if figures:
        text = f"{format_amount(amount, currency.upper())} ({text})"
    click.echo(text)
