"""Texts of the catalog that are not gettext calls, for ``pybabel extract`` and for run time.

Two kinds of text a person reads are not written as ``_("…")`` calls:

* the message tables of :mod:`annexgen.messages` (``"code": "template"``
  pairs, so that adding a finding stays one line) — :func:`extract_tables`
  gives each template with its code as the gettext context;
* the comments of the YAML skeletons ``annexgen new`` prints
  (``src/annexgen/skeletons``), which must stay valid, checkable YAML —
  :func:`extract_yaml_comments` gives each prose comment, and
  :func:`translate_yaml_comments` puts the translation in its place.

What counts as prose in a YAML comment (:func:`yaml_comments`): a comment after
a value (``date: 2013-12-05   # the meeting date``) and a block of whole-line
comments at one indentation; an empty ``#`` line ends a block. A whole-line
comment that starts like a YAML key (``# protocol: "25"``, ``# yaml-language-server:
…``) is a commented-out line of YAML and stays as written, but a comment after
it is prose again. ``babel.cfg`` names both extractors.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Final

__all__ = [
    "YamlComment",
    "extract_tables",
    "extract_yaml_comments",
    "translate_yaml_comments",
    "yaml_comments",
]

#: the gettext context of a skeleton comment (a skeleton's words are not a message's)
YAML_CONTEXT: Final = "skeleton"

#: ``key:`` at the start of a comment: a commented-out line of YAML, not prose
_YAML_KEY: Final = re.compile(r"[A-Za-z_][\w-]*:(\s|$)")

#: what pybabel's extraction hands an extractor, per message
_Extracted = tuple[int, str, tuple[str, str], list[str]]


def extract_tables(
    fileobj: IO[bytes],
    keywords: Mapping[str, object],
    comment_tags: Collection[str],
    options: Mapping[str, object],
) -> Iterator[_Extracted]:
    """pybabel extractor for :mod:`annexgen.messages`: ``MESSAGES`` and ``SUGGESTIONS``.

    Each entry becomes ``pgettext(code, template)``; a suggestion's context is
    ``suggestion:<code>`` (:func:`annexgen.messages.suggestion_context`).
    """
    del keywords, comment_tags, options  # the tables need none of them
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        target: ast.expr | None = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if not isinstance(target, ast.Name) or target.id not in {"MESSAGES", "SUGGESTIONS"}:
            continue
        table = getattr(node, "value", None)
        if not isinstance(table, ast.Dict):
            continue
        for key, value in zip(table.keys, table.values, strict=True):
            if not (isinstance(key, ast.Constant) and isinstance(value, ast.Constant)):
                raise ValueError(f"line {value.lineno}: a table entry must be two string literals")
            code = str(key.value)
            context = code if target.id == "MESSAGES" else f"suggestion:{code}"
            yield value.lineno, "pgettext", (context, str(value.value)), []


@dataclass(frozen=True, slots=True)
class YamlComment:
    """One piece of prose in a YAML file: the lines it is on and its text.

    ``lines`` holds (0-based line index, column of the ``#``) of each line;
    ``text`` joins the lines' comment texts with ``\\n``. The first line may
    have YAML before the ``#`` (a trailing comment); the others are whole-line
    comments — a block, or the continuation of a trailing comment in the same
    column.
    """

    lines: tuple[tuple[int, int], ...]
    text: str


def _comment_start(line: str, start: int = 0) -> int | None:
    """Index of the ``#`` that opens a comment at or after ``start`` (not in quotes)."""
    quote: str | None = None
    for i in range(start, len(line)):
        ch = line[i]
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'" and (i == start or line[i - 1] in " :[{,-"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
    return None


def _text_after(line: str, hash_at: int) -> str:
    return line[hash_at + 1 :].removeprefix(" ").rstrip()


def yaml_comments(text: str) -> list[YamlComment]:
    """The prose comments of a YAML text, in order (see the module docstring)."""
    found: list[YamlComment] = []
    open_lines: list[tuple[int, int]] = []
    open_texts: list[str] = []

    def close() -> None:
        if open_lines:
            found.append(YamlComment(tuple(open_lines), "\n".join(open_texts)))
            open_lines.clear()
            open_texts.clear()

    for index, line in enumerate(text.splitlines()):
        hash_at = _comment_start(line)
        if hash_at is None:
            close()
            continue
        comment = _text_after(line, hash_at)
        whole_line = not line[:hash_at].strip()
        if whole_line and _YAML_KEY.match(comment):  # a commented-out line of YAML
            close()
            inner = _comment_start(line, hash_at + 2)
            if inner is not None:
                open_lines.append((index, inner))
                open_texts.append(_text_after(line, inner))
            continue
        if not whole_line or not comment or (open_lines and open_lines[-1][1] != hash_at):
            close()  # a new trailing comment, an empty "#", another column
        if comment:
            open_lines.append((index, hash_at))
            open_texts.append(comment)
    close()
    return found


def extract_yaml_comments(
    fileobj: IO[bytes],
    keywords: Mapping[str, object],
    comment_tags: Collection[str],
    options: Mapping[str, object],
) -> Iterator[_Extracted]:
    """pybabel extractor for the skeletons: each prose comment, context ``skeleton``."""
    del keywords, comment_tags, options
    for comment in yaml_comments(fileobj.read().decode("utf-8")):
        yield comment.lines[0][0] + 1, "pgettext", (YAML_CONTEXT, comment.text), []


def translate_yaml_comments(text: str, translate: Callable[[str, str], str]) -> str:
    """``text`` with every prose comment replaced by ``translate(context, comment)``.

    The YAML itself — keys, values, commented-out lines — stays byte for byte.
    A translation with more or fewer lines than the original gets whole-line
    comments added or removed in the column of the comment's ``#``.
    """
    lines = text.splitlines(keepends=True)
    for comment in reversed(yaml_comments(text)):
        words = translate(YAML_CONTEXT, comment.text)
        if words == comment.text:
            continue
        new: list[str] = []
        for i, part in enumerate(words.split("\n")):
            index, hash_at = comment.lines[min(i, len(comment.lines) - 1)]
            line = lines[index]
            ending = line[len(line.rstrip("\r\n")) :] or "\n"
            head = line[:hash_at] if i < len(comment.lines) else " " * hash_at
            if i >= len(comment.lines) and not line[:hash_at].strip():
                head = line[:hash_at]  # a block's next line: the block's indentation
            new.append(f"{head}# {part}".rstrip() + ending)
        first, last = comment.lines[0][0], comment.lines[-1][0]
        if not lines[last].endswith(("\n", "\r")):
            new[-1] = new[-1].rstrip("\r\n")
        lines[first : last + 1] = new
    return "".join(lines)
