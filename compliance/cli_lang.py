"""The command line speaks the user's language: Indonesian by default, English on request.

The language is read from the arguments before click parses them (``--lang en`` may stand
before or after the subcommand; ``COMPLIANCE_LANG=en`` is the fallback), because click's
own messages (usage errors, ``--help`` headings) are made while parsing. Click's texts go
through ``gettext``; the names it imported are pointed at ``translate`` so they follow the
chosen language. The help of our own commands and options is written in English in the
code and looked up in ``HELP_ID`` (Indonesian) when the language is ``id``.
"""

from __future__ import annotations

import contextvars
import os
import sys
from typing import Iterable

import click

from compliance.cli_texts import CLICK_ID, HELP_ID, METAVARS_ID
from compliance.i18n import DEFAULT_LANG, LANGS

_current = contextvars.ContextVar("compliance_cli_lang", default=DEFAULT_LANG)
_CLICK_EN = {indonesian: english for english, indonesian in CLICK_ID.items()}
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")


def lang_from_args(args: Iterable[str], environ: dict | None = None) -> str:
    """The last valid ``--lang X`` / ``--lang=X`` before a ``--``, else ``COMPLIANCE_LANG``, else id.
    An invalid value is left for click to refuse (it keeps the option's own check)."""
    found = None
    args = list(args)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else (
            arg.partition("=")[2] if arg.startswith("--lang=") else None)
        if value in LANGS:
            found = value
    env = (environ if environ is not None else os.environ).get("COMPLIANCE_LANG", "")
    return found or (env if env in LANGS else DEFAULT_LANG)


def current_lang() -> str:
    return _current.get()


def set_lang(lang: str) -> None:
    _current.set(lang if lang in LANGS else DEFAULT_LANG)


def translate(text: str) -> str:
    """Click's message in the current language (click writes English)."""
    return CLICK_ID.get(text, text) if _current.get() == "id" else text


def translate_n(singular: str, plural: str, n: int) -> str:
    chosen = singular if n == 1 else plural
    return translate(chosen)


def help_text(text: str | None) -> str | None:
    """One of our help texts, or click's (``--help``, ``--version``: click translates them
    once, when the option is made), in the current language."""
    if not text:
        return text
    english = _CLICK_EN.get(text, text)
    if _current.get() != "id":
        return english
    return HELP_ID.get(" ".join(english.split())) or CLICK_ID.get(english, english)


def install_click_translation() -> None:
    """Point the ``_`` and ``ngettext`` names click's modules imported at ``translate``."""
    for name in _CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = translate
        if hasattr(module, "ngettext"):
            module.ngettext = translate_n


class _Localized:
    """Help, usage line and click's ``--help`` text in the current language."""

    def get_help_option(self, ctx: click.Context):
        option = super().get_help_option(ctx)
        if option is not None:  # click made it once, in the language of that moment
            option.help = translate("Show this message and exit.")
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        return _with_help(self, lambda: super(_Localized, self).get_short_help_str(limit))

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _with_help(self, lambda: super(_Localized, self).format_help(ctx, formatter))

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _with_help(self, lambda: super(_Localized, self).format_usage(ctx, formatter))


class LocalizedCommand(_Localized, click.Command):
    """A command whose help follows the language and which accepts ``--lang`` itself,
    so ``compliance check x.pdf --lang en`` works like ``compliance --lang en check x.pdf``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        add_lang_option(self)


class LocalizedGroup(_Localized, click.Group):
    """A group whose commands and subgroups are localized; the root reads the language
    from the arguments before click parses them."""

    command_class = LocalizedCommand

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not any(p.name == "lang" for p in self.params):
            add_lang_option(self)

    def make_context(self, info_name, args, parent=None, **extra):
        if parent is None:
            set_lang(lang_from_args(args))
            name_path_types(self)
        return super().make_context(info_name, args, parent=parent, **extra)


LocalizedGroup.group_class = LocalizedGroup


def name_path_types(command: click.Command) -> None:
    """Name every path type ("file", "directory", "path") in the current language: click names
    one once, when its option is made, in the language of that moment, and shows the name as
    the option's metavar (``--cache-dir FOLDER``) and in its usage errors."""
    for param in command.params:
        if isinstance(param.type, click.Path):
            param.type.name = translate(_CLICK_EN.get(param.type.name, param.type.name))
    for sub in getattr(command, "commands", {}).values():
        name_path_types(sub)


def add_lang_option(command: click.Command) -> None:
    """``--lang`` on a subcommand: checked by click, its value already read by the root."""
    command.params.append(click.Option(["--lang"], type=click.Choice(LANGS), expose_value=False,
                                       help="Language of messages and reports (id = Bahasa Indonesia; "
                                            "also COMPLIANCE_LANG)."))


def _with_help(command: click.Command, render):
    """Run ``render`` with the command's and its options' help texts in the current language."""
    saved = [(command, "help", command.help), (command, "short_help", command.short_help),
             (command, "options_metavar", command.options_metavar)]
    if isinstance(command, click.Group):
        saved.append((command, "subcommand_metavar", command.subcommand_metavar))
    saved += [(p, "help", getattr(p, "help", None)) for p in command.params]
    try:
        for obj, attr, value in saved:
            setattr(obj, attr, METAVARS_ID.get(value, value) if attr.endswith("metavar") and _current.get() == "id"
                    else help_text(value) if attr.endswith("help") else value)
        return render()
    finally:
        for obj, attr, value in saved:
            setattr(obj, attr, value)
