"""Table annexes in a batch, against project descriptions, in one run (issue 16).

    python benchmarks/table_bench.py                 # 1000 of each
    python benchmarks/table_bench.py --count 200     # a quick look

Issue 16 asks that 1 000 table annexes of 30 rows cost at most 3× a batch of
1 000 project descriptions. Three batches run here, one after the other, on
the same machine and cores: the baseline (seed 003 with other numbers, as
benchmarks/batch_bench.py makes them), 30-row tables with the rows in the
YAML, and 30-row tables reading their rows from a Windows-1257 CSV beside the
YAML (decoding, header mapping, located parsing included). Each table has a
row number, two text columns, an amount, a computed VAT and a computed sum
with a total and the total in words: every cell goes through the Decimal
arithmetic and the Latvian formatting. Each batch renders from scratch
(``force``); the ratio is what matters, not the absolute times.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from annexgen.jobs.batch import run_batch  # noqa: E402

EXAMPLE = (ROOT / "examples" / "003-integracijas-inkubators.yaml").read_text(encoding="utf-8")
ROWS = 30

TABLE_HEAD = """kind: table
decision: {{council: Cēsu novada domes, date: 2025-03-27, number: "{number}"}}
signatory: {{position: Cēsu novada domes priekšsēdētājs, name: Jānis Lāčplēsis}}
title: Finansējuma sadalījums nevalstisko organizāciju projektiem 2025. gadā
columns:
  - {{key: nr, label: "Nr. p. k.", type: row-number}}
  - {{key: recipient, label: "Saņēmējs"}}
  - {{key: project, label: "Projekts"}}
  - {{key: amount, label: "Summa bez PVN, EUR", type: amount, total: true}}
  - {{key: vat, label: "PVN 21 %, EUR", type: amount, vat: {{of: amount, rate: 21}}, total: true}}
  - {{key: gross, label: "Summa ar PVN, EUR", type: amount, sum: [amount, vat], total: true}}
total: {{in_words: true}}
"""


def _amount(n: int, i: int) -> str:
    cents = 50_000 + (n * 7919 + i * 104_729) % 900_000
    return f"{cents // 100:,}".replace(",", "\u00a0") + f",{cents % 100:02d}"


def _recipient(n: int, i: int) -> tuple[str, str]:
    return f"Biedrība „Ābele {n}-{i}”", f"Dārza svētki Nr. {i} Priekuļu pagastā"


def make_descriptions(folder: Path, count: int) -> None:
    for n in range(count):
        text = EXAMPLE.replace('number: "610"', f'number: "{610 + n}"').replace(
            "LVL 1000 (EUR 1422,87)", f"{1000 + n * 7},{n % 100:02d} EUR"
        )
        (folder / f"d-{n:05d}.yaml").write_text(text, encoding="utf-8")


def make_tables(folder: Path, count: int) -> None:
    for n in range(count):
        lines = [TABLE_HEAD.format(number=1000 + n), "rows:"]
        for i in range(ROWS):
            who, what = _recipient(n, i)
            lines.append(
                f'  - {{recipient: "{who}", project: "{what}", amount: "{_amount(n, i)}"}}'
            )
        (folder / f"t-{n:05d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_csv_tables(folder: Path, count: int) -> None:
    for n in range(count):
        yaml = TABLE_HEAD.format(number=1000 + n) + f"rows_from: t-{n:05d}.csv\n"
        (folder / f"c-{n:05d}.yaml").write_text(yaml, encoding="utf-8")
        rows = ["Nr. p. k.;Saņēmējs;Projekts;Summa bez PVN, EUR"]
        for i in range(ROWS):
            who, what = _recipient(n, i)
            rows.append(f"{i + 1}.;{who};{what};{_amount(n, i)}")
        (folder / f"t-{n:05d}.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1257"))


def timed(folder: Path, out: Path, jobs: int, count: int) -> float:
    report = run_batch(folder, out, jobs=jobs, force=True)
    assert report.count("rendered") == count, [r.message for r in report.results[:3]]
    return report.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folders = {name: tmp / name for name in ("descriptions", "tables", "csv")}
        for folder in folders.values():
            folder.mkdir()
        make_descriptions(folders["descriptions"], args.count)
        make_tables(folders["tables"], args.count)
        make_csv_tables(folders["csv"], args.count)
        # warm-up (imports, template compilation in this process) outside the timing
        run_batch(folders["tables"], tmp / "warm", jobs=1, force=True, dry_run=True)
        base = timed(folders["descriptions"], tmp / "out-d", args.jobs, args.count)
        tables = timed(folders["tables"], tmp / "out-t", args.jobs, args.count)
        csv = timed(folders["csv"], tmp / "out-c", args.jobs, args.count)
    print(f"cores: {os.cpu_count()}, jobs: {args.jobs}, annexes per batch: {args.count}")
    print(
        f"project descriptions:          {base:6.2f} s ({base / args.count * 1000:5.2f} ms/annex)"
    )
    print(
        f"tables, {ROWS} rows in the YAML:  {tables:6.2f} s "
        f"({tables / args.count * 1000:5.2f} ms/annex) → {tables / base:4.2f}× (limit 3×)"
    )
    print(
        f"tables, {ROWS} rows from a CSV:   {csv:6.2f} s "
        f"({csv / args.count * 1000:5.2f} ms/annex) → {csv / base:4.2f}× (limit 3×)"
    )


if __name__ == "__main__":
    main()
