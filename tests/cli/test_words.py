"""``annexgen words``: the command line over annexgen.lv."""

from __future__ import annotations

from click.testing import CliRunner

from annexgen.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["words", *args])
    return result.exit_code, result.stdout, result.stderr


def test_spells_the_seed_000_total() -> None:
    code, out, _ = run("19700", "--currency", "EUR", "--cents", "none")
    assert (code, out) == (0, "deviņpadsmit tūkstoši septiņi simti eiro\n")


def test_default_cents_are_digits() -> None:
    assert run("19700")[1] == "deviņpadsmit tūkstoši septiņi simti eiro 00 centu\n"


def test_options() -> None:
    assert run("25,33", "--cents", "words")[1] == (
        "divdesmit pieci eiro un trīsdesmit trīs centi\n"
    )
    assert run("100", "--style", "financial", "--cents", "none")[1] == "viens simts eiro\n"
    assert run("1000", "--currency", "lvl", "--cents", "none")[1] == "viens tūkstotis latu\n"
    assert run("19700", "--figures", "--cents", "none")[1] == (
        "19\u00a0700,00\u00a0EUR (deviņpadsmit tūkstoši septiņi simti eiro)\n"
    )


def test_parse() -> None:
    assert run("--parse", "simt vienpadsmit tūkstoši") == (0, "111000\n", "")
    assert run("--parse", "viens tūkstotis eiro 00 eirocenti")[1] == "1000.00 EUR\n"


def test_bad_input_exits_1_with_a_message() -> None:
    code, out, err = run("1.234")
    assert code == 1
    assert out == ""
    assert "more than two decimals" in err
    code, _, err = run("--parse", "devinpadsmit")
    assert code == 1
    assert "devinpadsmit" in err


def test_usage_errors_exit_2() -> None:
    assert run()[0] == 2
    assert run("5", "--parse", "pieci")[0] == 2
    assert run("5", "--currency", "USD")[0] == 2
