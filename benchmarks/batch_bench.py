"""Batch speed, measured side by side with the naive way, in one run.

    python benchmarks/batch_bench.py                 # 1000 annexes, PDF on 20
    python benchmarks/batch_bench.py --count 10000   # also shows memory stays flat

Baseline ("naive"): what a user writes with docxtpl — for every annex, load a
template made with python-docx, render, save (issue 5). annexgen: ``run_batch``
over the same annexes as YAML files (loading and validation included), with
all cores. PDF: one ``soffice --convert-to pdf`` per file versus annexgen's
batch conversion. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from docx import Document  # noqa: E402
from docxtpl import DocxTemplate  # noqa: E402

from annexgen.jobs.batch import run_batch  # noqa: E402
from annexgen.word.pdf import find_soffice  # noqa: E402

EXAMPLE = (ROOT / "examples" / "003-integracijas-inkubators.yaml").read_text(encoding="utf-8")


def make_inputs(folder: Path, count: int) -> None:
    """``count`` different annexes: the seed 003 example with other numbers and amounts."""
    for n in range(count):
        sub = folder / f"{n // 250:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = EXAMPLE.replace('number: "610"', f'number: "{610 + n}"').replace(
            "LVL 1000 (EUR 1422,87)", f"{1000 + n * 7},{n % 100:02d} EUR"
        )
        (sub / f"annex-{n:05d}.yaml").write_text(text, encoding="utf-8")


def naive_template(path: Path) -> None:
    """A template as a user would make it with python-docx (its default styles)."""
    doc = Document()
    for line in ("Pielikums", "{{ council }}", "{{ date }} sēdes", "lēmumam Nr. {{ number }}"):
        doc.add_paragraph(line)
    doc.add_heading("{{ title }}", level=1)
    table = doc.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "{%tr for row in rows %}"
    table.cell(1, 0).text = "{{ row.label }}"
    table.cell(1, 1).text = "{{ row.text }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    doc.add_paragraph("{{ position }}\t{{ name }}")
    doc.save(path)


def naive_run(template: Path, out: Path, count: int) -> float:
    rows = [{"label": f"Projekta rinda {i}", "text": "Teksts " * 40} for i in range(8)]
    started = time.perf_counter()
    for n in range(count):
        tpl = DocxTemplate(template)
        tpl.render(
            {
                "council": "Daugavpils pilsētas domes",
                "date": "2013. gada 5. decembra",
                "number": str(610 + n),
                "title": "Projekta „Integrācijas inkubators” apraksts",
                "rows": rows,
                "position": "Daugavpils pilsētas domes priekšsēdētājs",
                "name": "J. Lāčplēsis",
            }
        )
        tpl.save(out / f"naive-{n:05d}.docx")
    return time.perf_counter() - started


def peak_rss_mb() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(me, children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--naive-count", type=int, default=200, help="naive renders to time")
    parser.add_argument("--pdf-count", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        inputs, out, naive_out = tmp / "in", tmp / "out", tmp / "naive"
        naive_out.mkdir()
        make_inputs(inputs, args.count)
        template = tmp / "naive.docx"
        naive_template(template)

        naive_seconds = naive_run(template, naive_out, args.naive_count)
        naive_per = naive_seconds / args.naive_count
        report = run_batch(inputs, out, jobs=args.jobs, force=True)
        assert report.count("rendered") == args.count, report.results[:3]
        ours = report.seconds
        rerun = run_batch(inputs, out, jobs=args.jobs)
        assert rerun.count("skipped") == args.count
        naive_total = naive_per * args.count

        print(f"cores: {os.cpu_count()}, jobs: {args.jobs}, annexes: {args.count}")
        print(
            f"naive docxtpl loop:   {naive_per * 1000:7.2f} ms/annex "
            f"({args.naive_count} timed) → {naive_total:6.2f} s for {args.count}"
        )
        print(
            f"annexgen batch:       {ours / args.count * 1000:7.2f} ms/annex "
            f"→ {ours:6.2f} s for {args.count} (YAML loading and checks included)"
        )
        print(f"speed-up:             {naive_total / ours:7.1f}×")
        print(
            f"unchanged re-run:     {rerun.seconds:7.3f} s "
            f"({rerun.seconds / ours * 100:.1f}% of the first run)"
        )
        print(f"peak RSS:             {peak_rss_mb():7.1f} MB (largest process)")

        soffice = find_soffice()
        if soffice and args.pdf_count:
            sample = sorted(out.rglob("*.docx"))[: args.pdf_count]
            single_dir = tmp / "single"
            started = time.perf_counter()
            for path in sample[:5]:
                with tempfile.TemporaryDirectory() as profile:
                    subprocess.run(
                        [soffice, f"-env:UserInstallation={Path(profile).as_uri()}",
                         "--headless", "--convert-to", "pdf", "--outdir", str(single_dir),
                         str(path)],
                        capture_output=True, check=True,
                    )  # fmt: skip
            single = (time.perf_counter() - started) / 5
            pdf_in = tmp / "pdf-in"
            for path in sample:
                dest = pdf_in / path.relative_to(out).with_suffix(".yaml")
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(inputs / path.relative_to(out).with_suffix(".yaml"), dest)
            pdf_report = run_batch(pdf_in, tmp / "pdf-out", jobs=args.jobs, pdf=True)
            per = pdf_report.pdf_seconds / pdf_report.pdf_count
            print(f"PDF, soffice per file: {single:7.3f} s/annex (5 timed)")
            print(
                f"PDF, annexgen batch:   {per:7.3f} s/annex ({pdf_report.pdf_count} files) "
                f"→ {single / per:.1f}×"
            )


if __name__ == "__main__":
    main()
