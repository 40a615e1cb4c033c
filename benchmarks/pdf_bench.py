"""PDF speed, measured side by side with one ``soffice --convert-to pdf`` per file, in one run.

    python benchmarks/pdf_bench.py                        # 40 annexes, 5 rounds
    python benchmarks/pdf_bench.py --count 1000 --rounds 2 --no-old

Each round times, one after the other on the same machine:

* **baseline** — what a user does without annexgen: ``soffice --headless
  --convert-to pdf FILE`` for each file, each with a fresh profile (as two
  such commands cannot share one), ``--baseline-files`` files timed;
* **old** — what annexgen did before issue 15: one ``soffice --convert-to``
  for all the files of the batch (only with ``--old``, the default up to 100);
* **annexgen** — ``run_batch(..., pdf=True)`` over the YAML files, Word and
  PDF, office start included, everything a ``annexgen batch --pdf`` does after
  Python has started.

The figure is the ratio baseline seconds per file ÷ annexgen seconds per
annex, per round: a machine shared with other work slows both sides of a
round alike. The web form's PDFs are timed by ``benchmarks/web_bench.py``.
Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from batch_bench import make_inputs  # noqa: E402

from annexgen.jobs.batch import run_batch  # noqa: E402
from annexgen.word.office import find_soffice  # noqa: E402


def soffice_per_file(soffice: str, sources: list[Path], out: Path) -> float:
    """Seconds per file of the plain way: one ``soffice --convert-to pdf`` per file."""
    started = time.perf_counter()
    for source in sources:
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                 "--convert-to", "pdf", "--outdir", str(out), str(source)],
                capture_output=True, check=True,
            )  # fmt: skip
    for source in sources:
        assert (out / f"{source.stem}.pdf").is_file(), source
    return (time.perf_counter() - started) / len(sources)


def soffice_once(soffice: str, sources: list[Path], out: Path) -> float:
    """Seconds per file of annexgen before issue 15: one ``soffice`` for all files."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(out), *map(str, sources)],
            capture_output=True, check=True,
        )  # fmt: skip
    assert len(list(out.glob("*.pdf"))) == len(sources)
    return (time.perf_counter() - started) / len(sources)


def spread(values: list[float], fmt: str = "{:.3f}") -> str:
    """min – median – max, the way the docs quote a shared machine's figures."""
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{fmt.format(low)} – {fmt.format(mid)} – {fmt.format(high)}"


def batch_rounds(args: argparse.Namespace, soffice: str, tmp: Path) -> None:
    inputs = tmp / "in"
    make_inputs(inputs, args.count)
    # the baseline converts Word files annexgen made from the same YAML
    docx = tmp / "docx"
    run_batch(inputs, docx, jobs=args.jobs)
    sample = sorted(docx.rglob("*.docx"))
    ratios, ours_per, pdf_share, base_per, old_per = [], [], [], [], []
    for n in range(args.rounds):
        base = soffice_per_file(soffice, sample[: args.baseline_files], tmp / f"base{n}")
        report = run_batch(
            inputs, tmp / f"out{n}", jobs=args.jobs, pdf=True, force=True,
            office_workers=args.office_workers,
        )  # fmt: skip
        assert report.count("rendered") == args.count, report.results[:3]
        assert report.pdf_count == args.count
        per = report.seconds / args.count
        line = (
            f"round {n + 1}: soffice per file {base:6.3f} s | annexgen batch --pdf "
            f"{report.seconds:6.2f} s = {per * 1000:6.1f} ms/annex "
            f"(PDF stage {report.pdf_seconds:5.2f} s) → 1/{base / per:4.1f}"
        )
        if args.old:
            old = soffice_once(soffice, sample, tmp / f"old{n}")
            old_per.append(old)
            line += f" | one soffice for all {old * 1000:6.1f} ms/annex → 1/{base / old:4.1f}"
        print(line, flush=True)
        ratios.append(base / per)
        ours_per.append(per * 1000)
        base_per.append(base)
        pdf_share.append(report.pdf_seconds / report.seconds * 100)
    workers = args.office_workers or os.cpu_count()
    print(f"\n{args.count} annexes, {args.rounds} rounds, cores: {os.cpu_count()}, "
          f"office workers: {workers} (min – median – max)")  # fmt: skip
    print(f"  soffice --convert-to per file: {spread(base_per)} s/file")
    print(f"  annexgen batch --pdf:          {spread(ours_per, '{:.1f}')} ms/annex")
    print(f"  ratio (same round):            1/{spread(ratios, '{:.1f}')}")
    if old_per:
        old_ratios = [b / o for b, o in zip(base_per, old_per, strict=True)]
        print(f"  before (one soffice for all):  {spread([o * 1000 for o in old_per], '{:.1f}')}"
              f" ms/annex, 1/{spread(old_ratios, '{:.1f}')}")  # fmt: skip
    print(f"  PDF stage share of the batch:  {spread(pdf_share, '{:.0f}')} %")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=40, help="annexes in the batch")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline-files", type=int, default=3, help="soffice runs a round")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--office-workers", type=int, default=None)
    parser.add_argument("--old", action=argparse.BooleanOptionalAction, default=None)
    args = parser.parse_args()
    if args.old is None:
        args.old = args.count <= 100
    soffice = find_soffice()
    if soffice is None:
        sys.exit("LibreOffice is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        batch_rounds(args, soffice, Path(tmp))


if __name__ == "__main__":
    main()
