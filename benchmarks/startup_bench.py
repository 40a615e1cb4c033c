"""Start-up cost of the command line, as whole processes, against a floor in the same run.

    python benchmarks/startup_bench.py              # 15 runs of each, 300 annexes
    python benchmarks/startup_bench.py --runs 30 --count 1000

A clerk waits for start-up on every command and a batch job pays it on every
re-run (issue 11). The floor is the smallest program of the same shape: a
click group with one command that imports PyYAML, run by the same interpreter.
Targets: ``annexgen --help`` and ``annexgen words 19700`` at most 3× the floor;
an unchanged re-run of a batch at most 15 % of the first run, both as whole
processes. Each figure is the median of ``--runs`` runs (min–max in brackets).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from batch_bench import make_inputs  # noqa: E402

FLOOR = """
import click
import yaml

@click.group()
def main():
    "A floor: click and PyYAML, nothing else."

@main.command()
@click.argument("text")
def echo(text):
    click.echo(yaml.safe_load(text))

main()
"""


def _annexgen() -> list[str]:
    script = Path(sys.executable).with_name("annexgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "annexgen"]


def timed(command: list[str], runs: int, prepare: object = None) -> tuple[float, float, float]:
    """(median, min, max) seconds of ``command`` as a whole process."""
    figures = []
    for _ in range(runs):
        if callable(prepare):
            prepare()
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        figures.append(time.perf_counter() - started)
    return statistics.median(figures), min(figures), max(figures)


def show(name: str, figure: tuple[float, float, float], floor: float | None = None) -> None:
    median, low, high = figure
    ratio = f"  {median / floor:4.2f}× the floor" if floor else ""
    print(f"{name:<42} {median * 1000:7.1f} ms  ({low * 1000:.0f}–{high * 1000:.0f}){ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--count", type=int, default=300, help="annexes in the batch")
    args = parser.parse_args()
    annexgen = _annexgen()
    with tempfile.TemporaryDirectory(prefix="annexgen-startup-") as tmp:
        work = Path(tmp)
        floor_script = work / "floor.py"
        floor_script.write_text(FLOOR, encoding="utf-8")
        floor = timed([sys.executable, str(floor_script), "echo", "x"], args.runs)
        show("floor (click + PyYAML)", floor)
        show("annexgen --help", timed([*annexgen, "--help"], args.runs), floor[0])
        show("annexgen words 19700", timed([*annexgen, "words", "19700"], args.runs), floor[0])
        show("annexgen check (one example)", timed(
            [*annexgen, "check", str(ROOT / "examples" / "003-integracijas-inkubators.yaml")],
            args.runs), floor[0])  # fmt: skip

        inputs, out = work / "in", work / "out"
        make_inputs(inputs, args.count)
        batch = [*annexgen, "batch", str(inputs), "-o", str(out)]
        first = timed(batch, max(3, args.runs // 3), lambda: shutil.rmtree(out, True))
        again = timed(batch, args.runs)
        show(f"batch of {args.count}, first run", first)
        show(f"batch of {args.count}, unchanged re-run", again)
        print(f"{'re-run / first run':<42} {again[0] / first[0] * 100:7.1f} %  (target ≤ 15 %)")


if __name__ == "__main__":
    main()
