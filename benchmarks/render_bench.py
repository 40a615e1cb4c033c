"""The two render paths side by side, in one run: the fast path against the docxtpl path.

    python benchmarks/render_bench.py              # 200 renders a path and template
    python benchmarks/render_bench.py --count 1000

For each bundled template (and a python-docx-made one, as a clerk's own template
would be), the same annexes are rendered by ``render`` (the compiled fast path)
and by ``render_docxtpl`` (docxtpl's render and save, finished by the same
package layer). Both include building the context, the core properties, the
strict re-parse and the zip. Figures are CPU time per annex (process time, so
other work on a shared machine disturbs them less) and the ratio; wall time
follows in brackets. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import docx  # noqa: E402

from annexgen.model.fields import AnnexBase  # noqa: E402
from annexgen.model.kinds import REGISTRY  # noqa: E402
from annexgen.model.loading import load_annex, load_annex_text, skeleton  # noqa: E402
from annexgen.word.render import render, render_docxtpl  # noqa: E402


def clerk_template() -> bytes:
    """A template made with python-docx's default document (its ~790 KB of styles)."""
    document = docx.Document()
    document.add_paragraph("{%p if mark %}")
    document.add_paragraph("{%p for line in mark.lines %}")
    document.add_paragraph("{{ line }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endif %}")
    document.add_heading("{{ title }}", level=1)
    table = document.add_table(rows=3, cols=2)
    table.rows[0].cells[0].text = "{%tr for row in rows %}"
    table.rows[1].cells[0].text = "{{ row.label }}"
    table.rows[1].cells[1].text = '{{ row.paragraphs | join("\\n") }}'
    table.rows[2].cells[0].text = "{%tr endfor %}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def timed(
    path: Callable[..., bytes], annexes: list[AnnexBase], template: bytes | None
) -> tuple[float, float]:
    """(CPU ms, wall ms) per annex, best of three rounds."""
    path(annexes[0], template)  # compile once, as a batch worker does
    best = (float("inf"), float("inf"))
    for _ in range(3):
        cpu, wall = time.process_time(), time.perf_counter()
        for annex in annexes:
            path(annex, template)
        per = len(annexes) / 1000
        best = min(best, ((time.process_time() - cpu) / per, (time.perf_counter() - wall) / per))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200, help="renders a path and template")
    args = parser.parse_args()
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    by_kind: dict[str, list[AnnexBase]] = {}
    for path in examples:
        annex = load_annex(path)
        by_kind.setdefault(annex.kind, []).append(annex)
    for kind in REGISTRY:  # a kind without an example: its skeleton
        by_kind.setdefault(kind, [load_annex_text(skeleton(kind), f"{kind}.yaml")])
    cases: list[tuple[str, list[AnnexBase], bytes | None]] = [
        (f"bundled {kind}", annexes, None) for kind, annexes in sorted(by_kind.items())
    ]
    cases.append(("python-docx-made", [a for v in by_kind.values() for a in v], clerk_template()))
    print(f"{'template':36} {'fast':>16} {'docxtpl':>18} {'ratio':>7}")
    for label, annexes, template in cases:
        batch = (annexes * (args.count // len(annexes) + 1))[: args.count]
        fast = timed(render, batch, template)
        slow = timed(render_docxtpl, batch, template)
        print(
            f"{label:36} {fast[0]:6.2f} ms ({fast[1]:5.2f}) {slow[0]:7.2f} ms ({slow[1]:6.2f})"
            f" {slow[0] / fast[0]:6.1f}×"
        )


if __name__ == "__main__":
    main()
