"""The language annexgen speaks to people: Latvian by default, English on request.

Why this module: the people who read annexgen's messages are Latvian municipal
clerks, so every message a person reads — findings, CLI summaries and errors,
``--help``, the comments of ``annexgen new``, the web form, ``str()`` of an
exception — goes through gettext with the catalog in
``annexgen/locale/lv/LC_MESSAGES/annexgen.po``. The message ids are English,
so English needs no catalog.

Which language, first match wins:

1. :func:`use_language` — a ``with`` block (a request of the web form, one
   job); a :class:`~contextvars.ContextVar`, so threads and asyncio tasks each
   keep their own;
2. :func:`set_language` — the whole process (``annexgen --lang en``);
3. ``ANNEXGEN_LANG`` (``lv`` or ``en``);
4. the locale, in gettext's order ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
   ``LANG``: the first one set decides; it means English only when it names
   English (``en_GB.UTF-8``); ``C``, ``POSIX`` or any other language means Latvian;
5. Latvian.

The catalog is read once per process: the compiled ``annexgen.mo`` that the
wheel ships (``hatch_build.py`` compiles it), or — in a source checkout, where
only the ``.po`` is committed — the ``.po`` itself, through Babel, so that an
edited translation shows at once without a compile step; the checkout then
keeps the compiled form beside it (ignored by git) until the ``.po`` changes.

This module imports nothing from annexgen: messages, errors and every layer
above use it.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import io
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal, TypeAlias, get_args

__all__ = [
    "DEFAULT_LANGUAGE",
    "DOMAIN",
    "LANGUAGES",
    "N_",
    "Language",
    "catalog_path",
    "get_language",
    "gettext",
    "install_jinja",
    "language_from_environment",
    "ngettext",
    "normalize_language",
    "npgettext",
    "pgettext",
    "set_language",
    "translations",
    "use_language",
]

Language: TypeAlias = Literal["lv", "en"]
#: the languages annexgen speaks, the default first
LANGUAGES: Final[tuple[Language, ...]] = get_args(Language)
DEFAULT_LANGUAGE: Final[Language] = "lv"
#: the gettext domain: ``annexgen.po`` / ``annexgen.mo``
DOMAIN: Final = "annexgen"
#: annexgen's own switch, before the locale
ENV_VAR: Final = "ANNEXGEN_LANG"
#: the locale variables in the order gettext reads them
LOCALE_VARIABLES: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"

_block: ContextVar[Language | None] = ContextVar("annexgen_language", default=None)
_process: Language | None = None


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it now (it is translated
    where it is shown: click help, a table of texts read before a language is chosen)."""
    return message


def normalize_language(name: str) -> Language | None:
    """``en_GB.UTF-8``, ``en-US``, ``EN`` → ``en``; ``lv_LV`` → ``lv``; anything else → None.

    ``C`` and ``POSIX`` (with or without an encoding) name no language.
    """
    code = name.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0]
    code = code.lower()
    return code if code in LANGUAGES else None


def language_from_environment(environ: Mapping[str, str] | None = None) -> Language:
    """The language the environment asks for (steps 3–5 of the module docstring)."""
    env = os.environ if environ is None else environ
    chosen = normalize_language(env.get(ENV_VAR, ""))
    if chosen is not None:
        return chosen
    for variable in LOCALE_VARIABLES:
        value = env.get(variable, "")
        if not value:
            continue
        # LANGUAGE is a list ("de:en"); the first language annexgen speaks wins
        for item in value.split(":") if variable == "LANGUAGE" else [value]:
            found = normalize_language(item)
            if found is not None:
                return found
        return DEFAULT_LANGUAGE  # gettext stops at the first variable that is set
    return DEFAULT_LANGUAGE


def _checked(lang: str) -> Language:
    found = normalize_language(lang)
    if found is None:
        raise ValueError(f"annexgen speaks {' and '.join(LANGUAGES)}, not {lang!r}")
    return found


def set_language(lang: str | None) -> None:
    """Speak ``lang`` (``"lv"``, ``"en"``) in this whole process; ``None``: back to the
    environment. A :func:`use_language` block still wins inside it."""
    global _process  # noqa: PLW0603 - the one process-wide choice, by design
    _process = None if lang is None else _checked(lang)


def get_language() -> Language:
    """The language messages are made in right here (this thread, this task)."""
    return _block.get() or _process or language_from_environment()


@contextmanager
def use_language(lang: str) -> Iterator[Language]:
    """Speak ``lang`` inside the ``with`` block only (this thread or asyncio task)::

    with use_language("en"):
        print(finding.message)
    """
    token = _block.set(_checked(lang))
    try:
        yield _block.get() or DEFAULT_LANGUAGE
    finally:
        _block.reset(token)


def catalog_path(lang: str, suffix: Literal[".po", ".mo"]) -> Path:
    """Where the catalog of ``lang`` lives inside the package."""
    return _LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The gettext translations of ``lang``, read once.

    English is the language of the message ids: no catalog. Latvian comes from
    the compiled ``.mo`` when it is there and not older than the ``.po`` (an
    installed wheel has only the ``.mo``), else from the ``.po`` (a checkout).
    """
    lang = _checked(lang)
    if lang == "en":
        return _gettext.NullTranslations()
    mo, po = catalog_path(lang, ".mo"), catalog_path(lang, ".po")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fp:
            return _gettext.GNUTranslations(fp)
    data = compile_catalog(po)
    _keep(mo, data)
    return _gettext.GNUTranslations(io.BytesIO(data))


def _keep(mo: Path, data: bytes) -> None:
    """A checkout keeps its compiled catalog beside the .po (git ignores it), so that
    the next start reads it without Babel; written atomically, skipped if read-only."""
    tmp = mo.with_name(f".{mo.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, mo)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def compile_catalog(po: Path) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file (fuzzy entries left out, as ``pybabel
    compile`` does); the build hook and a source checkout use this one function."""
    from babel.messages.mofile import write_mo  # noqa: PLC0415 - only without a .mo
    from babel.messages.pofile import read_po  # noqa: PLC0415

    with po.open("rb") as fp:
        catalog = read_po(fp, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _current() -> _gettext.NullTranslations:
    return translations(get_language())


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return _current().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` (Latvian: three forms, ``1 kļūda``, ``2 kļūdas``, ``0 kļūdu``)."""
    return _current().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, told apart by ``context`` (a message code)."""
    return _current().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """:func:`ngettext` told apart by ``context``."""
    return _current().npgettext(context, singular, plural, n)


def install_jinja(env: Any) -> None:
    """Give a Jinja2 environment ``{% trans %}``, ``_()``, ``gettext``, ``ngettext``.

    The callables ask for the current language on each call, so one environment
    serves every request: wrap the rendering of a page in :func:`use_language`.
    New-style gettext: ``{{ _("Hello %(name)s", name=user) }}`` escapes and
    formats in one step. ``pybabel extract`` reads the templates (``babel.cfg``).
    """
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
