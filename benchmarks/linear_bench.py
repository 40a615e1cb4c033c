"""Every entry point that reads user text is linear in its length (issue 17).

    python benchmarks/linear_bench.py            # every entry point × every hostile line
    python benchmarks/linear_bench.py --only lint --factor 16

Why a ratio and not seconds: a pattern that backtracks is cheap on short text
and explodes on long text — "1" + 2 500 spaces + "x" as an amount took 38 s —
while the machine's speed and load change every absolute figure. So each entry
point is timed on a hostile line of some length and on the same line made
``factor`` times longer, in the same run: linear work grows about ``factor``
times, quadratic work ``factor``² times. The check fails when the growth is
more than :data:`LIMIT_PER_FACTOR` × ``factor``.

The hostile lines are built from :data:`UNITS`: a unit (``"111 "``, ``"“"``,
``"2013.gada 5.decembrī "``) repeated, between a head and a tail that make the
last step of a match fail (``"x"``) — the shape that makes a backtracking
engine try every start against every end. ``tests/test_linear_time.py`` runs
this over every entry point (slow-marked); the entry points are in
:data:`ENTRY_POINTS`, each a function of one text. A new way in for user text
belongs there.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import io
import json
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

#: Allowed growth of the time per growth of the length. Linear work grows ×1
#: (plus noise on a shared machine); quadratic work grows ×factor.
LIMIT_PER_FACTOR = 2.5


@dataclass(frozen=True)
class Unit:
    """A hostile line: ``head + unit * n + tail``."""

    unit: str
    head: str = ""
    tail: str = "x"

    def line(self, length: int) -> str:
        count = max(1, (length - len(self.head) - len(self.tail)) // len(self.unit))
        return self.head + self.unit * count + self.tail

    def __str__(self) -> str:
        return repr(self.head + self.unit + "…" + self.tail)


#: The units: what the issue measured and what the patterns in src/ could trip on
#: (digit groups, spaces, brackets, quotes, dates, currency codes, number words, tabs).
UNITS: tuple[Unit, ...] = (
    Unit(" ", head="1"),  # the money pattern: "1" + spaces + "x"
    Unit("1"),
    Unit("1 "),
    Unit("111 "),
    Unit("1,"),
    Unit("1."),
    Unit("1 000,00 "),
    Unit("1 ("),
    Unit("1 LVL "),
    Unit("LVL 1 "),
    Unit("LVL 1 ("),
    Unit("1 LVL ("),
    Unit("EUR 1 "),
    Unit("(EUR "),
    Unit("(viens "),
    Unit("viens ", head="1 (", tail=")"),
    Unit("viens "),
    Unit("simts tūkstoši "),
    Unit("1 lati "),
    Unit("2013."),
    Unit("2013.gada "),
    Unit("2013.gada 5.decembrī "),
    Unit("2013. gada 5. "),
    Unit("līdz "),
    Unit("Nr."),
    Unit('"'),
    Unit("“"),
    Unit("”a "),
    Unit("„"),
    Unit("\t"),
    Unit("a\t"),
    Unit("\t ", head="a"),
    Unit("- "),
    Unit("J."),
    Unit("Projekts „", tail=""),
    Unit("Projekts „a” tiek īstenots "),
    Unit("€"),
    Unit("pielikums "),
    Unit("{{"),
    Unit("{%"),
    Unit("{#"),
    Unit("{{ a }"),
    # the rules added after the independent sets (issue 12): sums, equivalents, months …
    Unit("kopā 1 EUR "),
    Unit("1 EUR, "),
    Unit("1 EUR + "),
    Unit("1 EUR, no tām 1 EUR "),
    Unit("LVL 1 atbilst "),
    Unit("atbilst 1 EUR "),
    Unit("divi dienas "),
    Unit("2013. gada 5. Martā "),
    Unit("05. martā "),
    Unit("1%"),
    Unit("1.000,00 "),
    Unit('„a" '),
    Unit("1 EUR bez PVN, PVN 1 EUR, ar PVN 1 EUR; "),
    Unit("1. A – 1 EUR. "),
    Unit("kas ir 1 EUR LVL 1 "),
    Unit("5. janvāriun "),
)


# --- the entry points ----------------------------------------------------------------


def _lint(text: str) -> object:
    from annexgen.reading.lint import lint_text  # noqa: PLC0415

    return lint_text(text)


def _yaml(field_yaml: str) -> str:
    return (
        "kind: project-description\nproject_name: P\ntitle: T\napplicant: A\n" + field_yaml + "\n"
    )


def _check_text_field(text: str) -> object:
    from annexgen.model.loading import check_text  # noqa: PLC0415

    return check_text(_yaml("goal: " + json.dumps(text[:9000])))


def _check_amount(text: str) -> object:
    from annexgen.model.loading import check_text  # noqa: PLC0415

    return check_text(_yaml("costs:\n  - role: total\n    amount: " + json.dumps(text)))


def _check_date(text: str) -> object:
    from annexgen.model.loading import check_text  # noqa: PLC0415

    return check_text(_yaml("duration:\n  until: " + json.dumps(text)))


def _check_raw(text: str) -> object:
    """The unit as the YAML file's own lines: comments carrying the text."""
    from annexgen.model.loading import check_text  # noqa: PLC0415

    return check_text(_yaml("# " + text.replace("\n", " ")))


def _check_control_lines(text: str) -> object:
    """Raw control characters, one per comment line (reported with line and column)."""
    from annexgen.model.loading import check_text  # noqa: PLC0415

    return check_text(_yaml("#\x01\n" * (len(text) // 4)))


def _render(text: str) -> object:
    from annexgen.model.loading import load_annex_text  # noqa: PLC0415
    from annexgen.word.render import render  # noqa: PLC0415

    yaml_text = _yaml("goal: " + json.dumps(text[:9000]) + "\ndescription: D\ntarget_group: G")
    try:
        annex = load_annex_text(yaml_text)
    except Exception:  # refused: the refusal is what is timed
        return None
    return render(annex)


def _extract_text(text: str) -> object:
    from annexgen.reading.extract import extract  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "annex.txt"
        lines = ["\tProjekta nosaukums", "\t" + text, text, "Kopējās izmaksas\t" + text]
        path.write_text("\n".join([text, *lines]), encoding="utf-8")
        try:
            return extract(path)
        except Exception:  # refused: the refusal is what is timed
            return None


def _docx(paragraphs: list[str]) -> bytes:
    from docx import Document  # noqa: PLC0415

    doc = Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _extract_docx(text: str) -> object:
    from annexgen.reading.extract import extract  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "annex.docx"
        path.write_bytes(_docx([text, text, "Šo projektu finansē Eiropas Savienība. " + text]))
        try:
            return extract(path)
        except Exception:  # refused: the refusal is what is timed
            return None


def _lint_docx(text: str) -> object:
    from annexgen.reading.lint import lint_file  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "annex.docx"
        path.write_bytes(_docx([text]))
        return lint_file(path)


def _template_check(text: str) -> object:
    from annexgen.word.template_check import check_template  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "template.docx"
        path.write_bytes(_docx(["{{ title }} " + text, "{% if title %}" + text + "{% endif %}"]))
        return check_template(path)


_CLIENT: list[Any] = []


def _web() -> Any:
    """One test client of the web app for the whole run (it starts worker processes)."""
    if not _CLIENT:
        from starlette.testclient import TestClient  # noqa: PLC0415

        from annexgen.web import create_app  # noqa: PLC0415

        client = TestClient(create_app(), base_url="http://127.0.0.1:8000")
        client.__enter__()
        atexit.register(client.__exit__, None, None, None)
        _CLIENT.append(client)
    return _CLIENT[0]


def _web_validate(text: str) -> object:
    form = {
        "_kind": "project-description", "project_name": "P", "title": "T", "applicant": "A",
        "goal": text[:9000], "costs.0.role": "total", "costs.0.amount": text[:9000],
        "duration.until": text[:9000],
    }  # fmt: skip
    return _web().post("/validate", data=form).status_code


def _web_check_document(text: str) -> object:
    body = "\n".join([text, "\tProjekta nosaukums", "\t" + text]).encode()
    return _web().post("/check-document", content=body, headers={"X-File-Name": "a.txt"})


#: The lines for entry points that cost a Word file or a web request per call: the
#: shapes that were quadratic somewhere, one of each kind (the others go through the
#: same patterns as ``lint``, ``extract-txt`` and ``check-*``, which take every line).
QUICK_UNITS: tuple[Unit, ...] = tuple(
    u for u in UNITS
    if (u.head + u.unit) in {
        "1 ", "111 ", "1 LVL (", '"', "„", "2013.gada 5.decembrī ", "\t ", "a\t",
        "Projekts „a” tiek īstenots ", "{{", "{%",
    }
)  # fmt: skip

#: name → (function of one text, length of the short line, the lines: "all", "quick"
#: (:data:`QUICK_UNITS`) or "one" where only the length counts). The long line is
#: ``factor`` times longer. Fields capped at 10 000 characters get shorter lines.
ENTRY_POINTS: dict[str, tuple[Callable[[str], object], int, str]] = {
    "lint": (_lint, 2000, "all"),
    "check-text-field": (_check_text_field, 1000, "all"),
    # an amount is refused past 100 characters: the quick lines say all there is to say
    "check-amount": (_check_amount, 250, "quick"),  # was cubic: 30 s at 1 000 before issue 17
    "check-date": (_check_date, 1000, "all"),
    "check-yaml-comment": (_check_raw, 2000, "all"),
    "check-control-characters": (_check_control_lines, 2000, "one"),
    "render": (_render, 1000, "all"),
    "extract-txt": (_extract_text, 1000, "all"),
    "extract-docx": (_extract_docx, 1000, "quick"),
    "lint-docx": (_lint_docx, 2000, "quick"),
    "template-check": (_template_check, 1000, "quick"),
    "web-validate": (_web_validate, 1000, "quick"),
    "web-check-document": (_web_check_document, 2000, "quick"),
}


def units(entry: str, *, every: bool = False) -> tuple[Unit, ...]:
    """The lines an entry point is timed on (``every``: all of them, whatever it costs)."""
    which = ENTRY_POINTS[entry][2]
    if which == "one":
        return UNITS[:1]
    return UNITS if every or which == "all" else QUICK_UNITS


class _TooSlow(BaseException):  # not an Exception: no "except Exception" swallows it
    pass


def _stop(signum: int, frame: object) -> None:
    raise _TooSlow


def _time(
    function: Callable[[str], object], text: str, repeat: int, cap: float | None = None
) -> float:
    """Best of ``repeat`` runs; a run past ``cap`` seconds is stopped and counts as ``cap``
    (Python's regular expressions check for signals: a pattern that would run for hours on
    the old code fails the check in seconds instead of hanging it)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        use_timer = cap is not None and hasattr(signal, "setitimer")
        if use_timer:
            previous = signal.signal(signal.SIGALRM, _stop)
            signal.setitimer(signal.ITIMER_REAL, cap or 0.0)
        try:
            function(text)
        except _TooSlow:
            return cap or float("inf")
        finally:
            if use_timer:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
        best = min(best, time.perf_counter() - start)
    return best


@dataclass(frozen=True)
class Result:
    entry: str
    unit: Unit
    short: float
    long: float
    factor: int

    @property
    def growth(self) -> float:
        return self.long / max(self.short, 1e-6)

    @property
    def linear(self) -> bool:
        # a few milliseconds for the long line is linear whatever the ratio says
        return self.long < 0.005 or self.growth <= LIMIT_PER_FACTOR * self.factor


def _measure(entry: str, unit: Unit, factor: int, repeat: int) -> Result:
    function, length, _ = ENTRY_POINTS[entry]
    _time(function, unit.line(length), 1, cap=60.0)  # warm up: imports, caches, patterns
    short = _time(function, unit.line(length), repeat, cap=60.0)
    # past four times the allowed growth the answer is known: stop there
    cap = max(2.0, 4 * LIMIT_PER_FACTOR * factor * short)
    long = _time(function, unit.line(length * factor), repeat, cap=cap)
    return Result(entry, unit, short, long, factor)


def measure(entry: str, unit: Unit, *, factor: int = 8, repeat: int = 3) -> Result:
    """Time ``entry`` on ``unit``'s line and on one ``factor`` times longer.

    A growth past the limit is measured again with twice the factor before it
    counts: quadratic work then grows twice as much again, a busy moment of a
    shared machine does not.
    """
    result = _measure(entry, unit, factor, repeat)
    if not result.linear:
        again = _measure(entry, unit, factor * 2, repeat)
        if again.linear:
            return again
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=sorted(ENTRY_POINTS))
    parser.add_argument("--factor", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--every-line", action="store_true", help="every line for every entry")
    args = parser.parse_args()
    failed = 0
    total = 0
    for entry in args.only or ENTRY_POINTS:
        for unit in units(entry, every=args.every_line):
            total += 1
            r = measure(entry, unit, factor=args.factor, repeat=args.repeat)
            mark = "ok " if r.linear else "SUPERLINEAR"
            failed += not r.linear
            print(
                f"{mark:11} {entry:24} {unit!s:34} short {r.short * 1000:8.2f} ms  "
                f"long {r.long * 1000:9.2f} ms  ×{r.growth:6.1f} (length ×{r.factor})",
                flush=True,
            )
    print(f"{failed} super-linear of {total}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
