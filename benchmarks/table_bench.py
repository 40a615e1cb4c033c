"""Table annexes in a batch, against project descriptions, in one run (issue 16).

    python benchmarks/table_bench.py                 # 1000 of each, three rounds
    python benchmarks/table_bench.py --count 200     # a quick look
    python benchmarks/table_bench.py --jobs 1        # one worker: CPU time is exact

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

The machine is shared, and a batch that runs while another program takes
the cores looks slower than it is. So the three batches run in ``--rounds``
rounds, one after the other within each round, and both the wall time and
the CPU time (this process and its workers, ``os.times``) are reported, with
the median ratio of the rounds: CPU time is what the batch costs, whatever
else runs beside it (it leaves out the time spent waiting for the disk,
which is the same for every kind).

``ANNEXGEN_BENCH_ROOT=/path/to/other/checkout`` measures that checkout's code
and examples with this script (before/after comparisons on one machine).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from statistics import median

ROOT = Path(os.environ.get("ANNEXGEN_BENCH_ROOT") or Path(__file__).resolve().parent.parent)
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


def timed(folder: Path, out: Path, jobs: int, count: int) -> tuple[float, float]:
    """Wall and CPU seconds of one batch (CPU: this process and the workers it waited for)."""
    before = os.times()
    report = run_batch(folder, out, jobs=jobs, force=True)
    after = os.times()
    assert report.count("rendered") == count, [r.message for r in report.results[:3]]
    cpu = sum(getattr(after, f) - getattr(before, f)
              for f in ("user", "system", "children_user", "children_system"))  # fmt: skip
    return report.seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    names = ("descriptions", "tables", "csv")
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folders = {name: tmp / name for name in names}
        for folder in folders.values():
            folder.mkdir()
        make_descriptions(folders["descriptions"], args.count)
        make_tables(folders["tables"], args.count)
        make_csv_tables(folders["csv"], args.count)
        # warm-up (imports, template compilation in this process) outside the timing
        run_batch(folders["tables"], tmp / "warm", jobs=1, force=True, dry_run=True)
        for _ in range(args.rounds):
            for name in names:
                seconds, used = timed(folders[name], tmp / f"out-{name}", args.jobs, args.count)
                wall[name].append(seconds)
                cpu[name].append(used)
    print(f"cores: {os.cpu_count()}, jobs: {args.jobs}, annexes per batch: {args.count}, "
          f"rounds: {args.rounds}")  # fmt: skip
    what = {"descriptions": "project descriptions:        ",
            "tables": f"tables, {ROWS} rows in the YAML:",
            "csv": f"tables, {ROWS} rows from a CSV: "}  # fmt: skip
    for name in names:
        line = f"{what[name]} wall {median(wall[name]) / args.count * 1000:6.2f} ms/annex, "
        line += f"CPU {median(cpu[name]) / args.count * 1000:6.2f} ms/annex"
        if name != "descriptions":
            ratios = [t / d for t, d in zip(wall[name], wall["descriptions"], strict=True)]
            cpu_ratios = [t / d for t, d in zip(cpu[name], cpu["descriptions"], strict=True)]
            each = ", ".join(f"{r:.2f}" for r in cpu_ratios)
            line += (f" → wall {median(ratios):4.2f}×, CPU {median(cpu_ratios):4.2f}× "
                     f"(limit 3×; CPU by round: {each})")  # fmt: skip
        print(line)


if __name__ == "__main__":
    main()
