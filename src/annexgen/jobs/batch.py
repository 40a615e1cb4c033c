"""Regenerate a whole folder of annexes: parallel, incremental, atomic, honest.

A batch job (``annexgen batch IN_DIR -o OUT_DIR``) must be safe to run every
night over hundreds of YAML files:

* **Safe names.** The output tree mirrors the input tree, every name is made
  valid on Windows and Linux (reliability §2.9: no ``CON``, no ``a:b``, no
  trailing dots, at most 120 characters), two inputs that would land on the
  same file (also case-insensitively, as on Windows) are both refused, and
  nothing is written outside OUT_DIR.
* **Incremental.** A manifest in OUT_DIR records, per output, the SHA-256 of its
  input and every option that changes the output (:class:`OutputOptions`: the
  template's content, ``public``, ``pdf``, ``pdf_a``, ``pdf_ua``, the annexgen version);
  an item is skipped only when all of them are unchanged
  (hashes, not modification times: git does not keep mtimes). ``force`` renders
  everything.
* **Parallel.** Items are rendered in worker processes with the compiled fast
  path (each worker compiles each template once).
* **Honest.** A bad file is reported and the others still render; the report
  counts rendered / skipped / failed, and the exit code is 1 when anything
  failed. Every file is written atomically, so a failure — or Ctrl-C — never
  damages an existing output, and the manifest is written last.
* **PDF.** PDFs come from a pool of persistent LibreOffice processes (one per
  core by default, :mod:`annexgen.word.office`), started while the Word files
  are rendered; each Word file is converted as soon as it is written, into a
  private folder, and moved into place only when complete. An item whose PDF
  fails is reported as failed, with its name, and rendered again next time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from annexgen.about import VERSION
from annexgen.errors import AnnexgenError, ConversionError, DataError, OutputError
from annexgen.i18n import get_language, set_language
from annexgen.inputs import MAX_YAML_BYTES, TooLarge, read_bounded
from annexgen.messages import Param, Phrase, os_reason, render_message
from annexgen.output import safe_name, sync_dir, write_atomic
from annexgen.word.templates import bundled_sha256

if TYPE_CHECKING:  # imported where PDFs are made: start-up stays cheap without --pdf
    from concurrent.futures import Future

    from annexgen.word.office import OfficePool

__all__ = [
    "MANIFEST_NAME",
    "BatchItem",
    "BatchReport",
    "ItemResult",
    "OutputOptions",
    "plan_batch",
    "run_batch",
    "safe_name",
]

MANIFEST_NAME: Final = ".annexgen-manifest.json"

Status = Literal["rendered", "skipped", "failed", "would render"]


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One input file and where its output goes."""

    source: Path
    relative: str  # input path relative to IN_DIR, with "/" separators
    target: Path  # the .docx inside OUT_DIR
    output: str  # target relative to OUT_DIR, with "/" separators


@dataclass(frozen=True, slots=True)
class ItemResult:
    """What happened to one item."""

    relative: str
    status: Status
    message: str = ""
    output: str = ""
    input_sha256: str = ""
    seconds: float = 0.0
    #: other files the annex read (a table's ``rows_from``): path → SHA-256
    read_sha256: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class BatchReport:
    """The outcome of a batch run."""

    results: list[ItemResult] = field(default_factory=list)
    seconds: float = 0.0
    pdf_seconds: float = 0.0
    pdf_count: int = 0
    interrupted: bool = False

    def count(self, status: Status) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def ok(self) -> bool:
        return not self.interrupted and self.count("failed") == 0


#: Suffixes of annex files, in any case (``*.YAML`` and ``*.Yaml`` too).
_SUFFIXES: Final = (".yaml", ".yml")


def _inputs(in_dir: Path, out_dir: Path) -> Iterator[tuple[Path, Phrase | None]]:
    """Every annex file under ``in_dir``, with why it cannot be read (or ``None``).

    Only regular files inside the folder are read (issue 17): a link that leads
    out of it — to a file or to a folder — is refused, so a secret file never
    ends up in a .docx; a link to a folder inside it is followed once; a FIFO or
    a device named ``.yaml`` is refused (it hung the batch, or read 2.7 GB of
    ``/dev/zero``); a folder that cannot be read is reported, never skipped.
    """
    root = in_dir.resolve()
    out_resolved = out_dir.resolve()
    seen: set[Path] = {root}
    problems: list[tuple[Path, Phrase]] = []

    def unreadable(err: OSError) -> None:
        where = Path(err.filename) if err.filename else in_dir
        problems.append((where, Phrase("batch-unreadable-folder", {"reason": os_reason(err)})))

    def inside(path: Path) -> bool:
        return path == root or root in path.parents

    pending = [in_dir]
    while pending:
        top = pending.pop()
        for here_name, dirs, files in os.walk(top, onerror=unreadable, followlinks=False):
            here = Path(here_name)
            kept = []
            for d in sorted(dirs):
                path = here / d
                if d.startswith(".") or path.resolve() == out_resolved:
                    continue
                if path.is_symlink():
                    real = path.resolve()
                    if not inside(real):
                        problems.append((path, Phrase("batch-folder-link-outside")))
                    elif real not in seen and real.is_dir():
                        seen.add(real)
                        pending.append(path)  # walked on its own; never twice
                    continue
                kept.append(d)
            dirs[:] = kept
            for name in sorted(files):
                if not name.lower().endswith(_SUFFIXES) or name.startswith("."):
                    continue
                path = here / name
                yield path, _file_problem(path, inside)
    for path, problem in sorted(problems, key=lambda p: p[0]):
        yield path, problem


def _file_problem(path: Path, inside: Callable[[Path], bool]) -> Phrase | None:
    if path.is_symlink() and not inside(path.resolve()):
        return Phrase("batch-file-link-outside")
    try:
        mode = path.stat().st_mode
    except OSError as err:
        return Phrase("unreadable-file", {"reason": os_reason(err)})
    if not stat.S_ISREG(mode):
        return Phrase("batch-not-a-file")
    return None


def plan_batch(
    in_dir: Path, out_dir: Path, *, public: bool = False
) -> tuple[list[BatchItem], list[ItemResult]]:
    """Every input and its output; inputs whose outputs would collide, and inputs
    that cannot be read (:func:`_inputs`), are failures."""
    planned: dict[str, list[BatchItem]] = {}
    refused: list[ItemResult] = []
    for source, problem in _inputs(in_dir, out_dir):
        rel = source.relative_to(in_dir)
        if problem is not None:
            words = render_message(problem.code, problem.params)
            refused.append(ItemResult(rel.as_posix(), "failed", f"{rel.as_posix()}: {words}"))
            continue
        parts = [safe_name(p) for p in rel.parent.parts]
        stem = safe_name(rel.stem)
        parts.append(f"{stem}.public.docx" if public else f"{stem}.docx")
        output = "/".join(parts)
        target = out_dir.joinpath(*parts)
        if any(p in ("", ".", "..") or "/" in p or "\\" in p for p in parts):  # pragma: no cover
            raise OutputError(
                code="output-outside", params={"folder": str(out_dir), "path": output}
            )
        item = BatchItem(source, rel.as_posix(), target, output)
        planned.setdefault(output.casefold(), []).append(item)
    items: list[BatchItem] = []
    failures: list[ItemResult] = refused
    for group in planned.values():
        if len(group) == 1:
            items.append(group[0])
            continue
        names = [i.relative for i in group]
        for i in group:
            params: dict[str, Param] = {"names": names, "output": i.output}
            words = render_message("batch-collision", params)
            failures.append(ItemResult(i.relative, "failed", words))
    items.sort(key=lambda i: i.relative)
    return items, failures


#: Largest file hashed for the manifest (a template, a spreadsheet): what a Word
#: package may unpack to. YAML files are hashed within the loader's own limit.
_MAX_HASHED: Final = 256 * 1024 * 1024


def _sha256(path: Path, limit: int = _MAX_HASHED) -> str:
    """SHA-256 of a regular file of at most ``limit`` bytes (:func:`read_bounded`)."""
    return hashlib.sha256(read_bounded(path, limit)).hexdigest()


def _input_sha256(path: Path) -> str:
    return _sha256(path, MAX_YAML_BYTES)  # the loader's limit, without loading the loader


def _sha256_or_none(path: Path) -> str | None:
    """The input's hash, or ``None`` for a file that cannot be read: it goes to a
    worker, which reports why, instead of the batch stopping with a traceback."""
    try:
        return _input_sha256(path)
    except OSError:
        return None


def _unchanged_reads(reads: object) -> bool:
    """Whether the files an annex read besides its YAML (its spreadsheet) are unchanged."""
    if reads is None:
        return True
    if not isinstance(reads, dict):
        return False
    try:
        return all(_sha256(Path(path)) == sha for path, sha in reads.items())
    except OSError:
        return False  # gone or unreadable: render again and report it


@dataclass(frozen=True, slots=True)
class OutputOptions:
    """Every option of :func:`run_batch` that changes what it writes.

    The manifest key is made of all of these fields (:meth:`manifest_key`), so
    an option added here is keyed without anyone remembering to: a run with a
    different value renders again instead of skipping (``--pdf`` then
    ``--pdf-a`` must make PDF/A files, issue 10).
    """

    public: bool = False
    pdf: bool = False
    pdf_a: bool = False  # another PDF kind is another output
    pdf_ua: bool = False
    template: str | Path | None = None

    def manifest_key(self) -> dict[str, Any]:
        """What an output was made with: these options, the template's content
        (bundled or given) and the annexgen version."""
        key: dict[str, Any] = {"annexgen": VERSION}
        for option in fields(self):
            value = getattr(self, option.name)
            if option.name == "template":  # by content: an edited template renders again
                key["template_sha256"] = _sha256(Path(value)) if value else bundled_sha256()
            else:
                key[option.name] = value
        return key


#: The temporary files :func:`~annexgen.output.write_atomic` makes: ``.<name>.<8>.tmp``.
_TEMPORARY: Final = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def remove_stale_temporaries(out_dir: Path) -> list[Path]:
    """Remove the hidden temporaries a killed batch left in ``out_dir``.

    A batch killed with ``kill -9`` cannot clean up; its half-written
    ``.annex.docx.x1y2z3w4.tmp`` files and its PDF staging folder
    (``.annexgen-pdf-…``, top level) stayed in the output (issue 17). Only
    names ``write_atomic`` and the PDF stage make are removed, and only under
    OUT_DIR. Like the manifest, this assumes one batch at a time per OUT_DIR.
    """
    removed = []
    for staging in out_dir.glob(".annexgen-pdf-*"):
        if staging.is_dir() and not staging.is_symlink():
            shutil.rmtree(staging, ignore_errors=True)
            removed.append(staging)
    for here, dirs, files in os.walk(out_dir):
        dirs[:] = [d for d in dirs if not d.startswith(".annexgen-pdf-")]
        for name in files:
            path = Path(here) / name
            if _TEMPORARY.fullmatch(name) and not path.is_symlink():
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
    return removed


def _read_manifest(out_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    items = data.get("items") if isinstance(data, dict) else None
    return items if isinstance(items, dict) else {}


def _write_manifest(out_dir: Path, items: dict[str, Any]) -> None:
    body = {"annexgen": VERSION, "items": dict(sorted(items.items()))}
    text = json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_atomic(out_dir / MANIFEST_NAME, text.encode("utf-8"))


# --- the work done in each worker process ------------------------------------------


def _render_one(task: tuple[BatchItem, str | None, bool, bool]) -> ItemResult:
    # imported where the work is done: an unchanged re-run never loads the renderer
    from annexgen.model.loading import load_annex  # noqa: PLC0415
    from annexgen.word.render import render  # noqa: PLC0415

    item, template, public, dry_run = task
    started = time.perf_counter()
    try:
        try:
            digest = _input_sha256(item.source)
        except TooLarge:  # the loader says it in its own words
            digest = ""
        annex = load_annex(item.source)
        read = {str(p): _sha256(p) for p in annex.input_files()}
        if not dry_run:
            item.target.parent.mkdir(parents=True, exist_ok=True)
            data = render(annex, template, public=public)
            write_atomic(item.target, data, sync_directory=False)  # synced once at the end
    except DataError as err:
        return ItemResult(item.relative, "failed", str(err), item.output)
    except AnnexgenError as err:
        return ItemResult(item.relative, "failed", f"{item.relative}: {err}", item.output)
    except OSError as err:  # the input (or a file it names) could not be read
        words = render_message("unreadable-file", {"reason": os_reason(err)})
        return ItemResult(item.relative, "failed", f"{item.relative}: {words}", item.output)
    status: Status = "would render" if dry_run else "rendered"
    seconds = time.perf_counter() - started
    return ItemResult(item.relative, status, "", item.output, digest, seconds, read)


_PR_SET_PDEATHSIG: Final = 1  # linux/prctl.h


def _start_worker(parent: int, language: str) -> None:  # pragma: no cover - in the worker
    set_language(language)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:  # pragma: no cover - runs in the worker
    """A render worker ends when the batch does, even when the batch is killed (-9).

    Without this, ``kill -9`` of a batch left its workers alive under PID 1,
    waiting forever for work (issue 17). Linux is asked to kill the worker with
    its parent; elsewhere, and as a second line, a thread watches the parent.
    """
    import signal  # noqa: PLC0415
    import threading  # noqa: PLC0415

    with contextlib.suppress(OSError, AttributeError):
        import ctypes  # noqa: PLC0415

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the batch died before the line above
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="annexgen-parent-watch", daemon=True).start()


def _map(tasks: list[tuple[BatchItem, str | None, bool, bool]], jobs: int) -> Iterator[ItemResult]:
    if jobs <= 1 or len(tasks) < 2:
        yield from map(_render_one, tasks)
        return
    import multiprocessing  # noqa: PLC0415 - start-up: an unchanged re-run has no work
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    chunk = max(1, min(64, len(tasks) // (jobs * 8)))
    context = multiprocessing.get_context(method)
    # the workers write the failures' messages: in this process's language (--lang too),
    # and die with the batch
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(os.getpid(), get_language())
    ) as pool:
        try:
            yield from pool.map(_render_one, tasks, chunksize=chunk)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


class _PdfStage:
    """Converts each rendered item while the others are still being rendered.

    One thread per office waits on LibreOffice (the GIL is free meanwhile);
    results are collected in submission order, so the report and the progress
    lines come out in the same order on every run.
    """

    def __init__(
        self, pool: OfficePool, out_dir: Path, options: dict[str, Any], count: int
    ) -> None:
        from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415 - start-up

        self.pool = pool
        # the offices start now, while the Word files are rendered (starting
        # one is a process launch, no thread: the render workers fork safely)
        pool.start(count)
        # the renderer is imported here, once, and the forked render workers
        # share it: the cores are wanted by the offices, not by two imports
        import annexgen.model.loading  # noqa: PLC0415
        import annexgen.word.render  # noqa: F401, PLC0415

        self.options = options
        self.staging = Path(tempfile.mkdtemp(prefix=".annexgen-pdf-", dir=out_dir))
        self.executor = ThreadPoolExecutor(pool.workers, thread_name_prefix="annexgen-pdf")
        self.pending: list[tuple[ItemResult, BatchItem, Future[str]]] = []
        self.started: float | None = None

    def submit(self, result: ItemResult, item: BatchItem) -> None:
        if self.started is None:
            self.started = time.perf_counter()
        private = self.staging / f"{len(self.pending):06d}.pdf"
        future = self.executor.submit(self._convert, item, private)
        self.pending.append((result, item, future))

    def _convert(self, item: BatchItem, private: Path) -> str:
        """'' when done, else the message naming the file."""
        try:
            self.pool.convert(item.target, private, filter_data=self.options, name=item.relative)
        except ConversionError as err:
            return str(err)
        os.replace(private, item.target.with_suffix(".pdf"))  # same folder tree: a rename
        return ""

    def results(self) -> Iterator[ItemResult]:
        """Each item's final result, in order; a PDF failure turns it into a failure."""
        for result, _item, future in self.pending:
            message = future.result()
            yield replace(result, status="failed", message=message) if message else result

    def close(self, report: BatchReport) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.started is not None:
            report.pdf_seconds = time.perf_counter() - self.started


def run_batch(
    in_dir: str | Path,
    out_dir: str | Path,
    *,
    jobs: int | None = None,
    force: bool = False,
    dry_run: bool = False,
    public: bool = False,
    pdf: bool = False,
    pdf_a: bool = False,
    pdf_ua: bool = False,
    template: str | Path | None = None,
    progress: Callable[[ItemResult], None] | None = None,
    office_workers: int | None = None,
    pool: OfficePool | None = None,
) -> BatchReport:
    """Render every YAML annex under ``in_dir`` into ``out_dir``; see the module docstring.

    ``pdf_a`` / ``pdf_ua`` make the PDFs PDF/A-2b / PDF/UA-1 (either implies
    ``pdf``; every PDF is tagged). ``progress`` is called once per item as it
    finishes. A missing LibreOffice with ``pdf`` raises :class:`ConversionError`
    before anything is rendered. PDFs come from ``pool`` when given (it is left
    open), else from a pool of ``office_workers`` offices (default: one per
    core) made for this batch.
    """
    started = time.perf_counter()
    source_dir, target_dir = Path(in_dir), Path(out_dir)
    if not source_dir.is_dir():
        raise AnnexgenError(code="not-a-folder", params={"path": str(source_dir)})
    want_pdf = pdf or pdf_a or pdf_ua
    own_pool = pool is None
    if want_pdf and not dry_run:
        from annexgen.word.office import OfficePool  # noqa: PLC0415 - start-up

        pool = pool or OfficePool(office_workers)
        pool.check()  # no LibreOffice: say so (with the hint) before rendering anything
    items, report_failures = plan_batch(source_dir, target_dir, public=public)
    report = BatchReport()
    for failure in report_failures:
        report.results.append(failure)
        if progress:
            progress(failure)
    key = OutputOptions(
        public=public, pdf=pdf, pdf_a=pdf_a, pdf_ua=pdf_ua, template=template
    ).manifest_key()
    manifest = {} if force else _read_manifest(target_dir)
    new_manifest = dict(manifest)
    todo = []
    for item in items:
        entry = manifest.get(item.output)
        unchanged = (
            isinstance(entry, dict)
            and all(entry.get(k) == v for k, v in key.items())
            and entry.get("input") == item.relative
            and item.target.is_file()
            and (not want_pdf or item.target.with_suffix(".pdf").is_file())
            and entry.get("input_sha256") == _sha256_or_none(item.source)
            and _unchanged_reads(entry.get("reads"))
        )
        if unchanged:
            result = ItemResult(item.relative, "skipped", "", item.output)
            report.results.append(result)
            if progress:
                progress(result)
        else:
            todo.append(item)
    if not dry_run:
        target_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(target_dir)
    tasks = [(item, str(template) if template else None, public, dry_run) for item in todo]
    by_output = {item.output: item for item in todo}
    rendered: list[BatchItem] = []

    def finish(result: ItemResult) -> None:
        report.results.append(result)
        if result.status == "rendered":
            new_manifest[result.output] = {
                **key,
                "input": result.relative,
                "input_sha256": result.input_sha256,
                **({"reads": result.read_sha256} if result.read_sha256 else {}),
            }
        elif result.status == "failed":  # no output (or no PDF): render again next time
            new_manifest.pop(result.output, None)
        if progress:
            progress(result)

    stage = None
    try:
        if want_pdf and pool is not None and todo and not dry_run:
            from annexgen.word.pdf import export_options  # noqa: PLC0415 - start-up

            options = export_options(pdf_a=pdf_a, pdf_ua=pdf_ua)
            stage = _PdfStage(pool, target_dir, options, len(todo))
        for result in _map(tasks, jobs or os.cpu_count() or 1):
            if result.status == "rendered":
                rendered.append(by_output[result.output])
            if stage is not None and result.status == "rendered":
                stage.submit(result, by_output[result.output])  # reported when its PDF is made
            else:
                finish(result)
        if stage is not None:
            for result in stage.results():
                report.pdf_count += result.status == "rendered"
                finish(result)
    except KeyboardInterrupt:
        report.interrupted = True
        if own_pool and pool is not None:
            pool.close()  # every office stops now; the threads waiting on them return
    finally:
        if stage is not None:
            stage.close(report)
        if own_pool and pool is not None:
            pool.close()
        if not dry_run:
            for folder in sorted({item.target.parent for item in rendered}):
                sync_dir(folder)
            with contextlib.suppress(OSError):
                _write_manifest(target_dir, new_manifest)
        report.seconds = time.perf_counter() - started
    return report
