"""The ``compliance`` command: a thin shell over the library.

Every command turns a ``ComplianceError`` into one line on stderr in the
user's language and exit code 1; ``--debug`` shows the traceback instead.
The commands live in modules by job: ``reading`` (parse, cite, graph),
``checking`` (check, demo), ``catalog`` (rules), ``drafting`` (amend, diff),
``regions`` (compare, region, history) and ``serving`` (serve).
"""

from __future__ import annotations

import sys

import click

from compliance import __version__
from compliance.cli import catalog, checking, drafting, reading, regions, serving
from compliance.cli_lang import LocalizedGroup, current_lang
from compliance.i18n import DEFAULT_LANG, LANGS, message


@click.group(cls=LocalizedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="compliance")
@click.option("--lang", type=click.Choice(LANGS), default=DEFAULT_LANG, show_default=True,
              help="Language of messages and reports (id = Bahasa Indonesia; also COMPLIANCE_LANG); "
                   "before or after the command.")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def main(ctx: click.Context, lang: str, debug: bool) -> None:
    """Check Indonesian regional e-government regulations against Perpres 95/2018 (SPBE)."""
    ctx.obj = {"lang": current_lang(), "debug": debug}  # --lang read before parsing, wherever it stands
    if sys.stderr.isatty():  # OCR pages counted on a terminal, never into a pipe or a log
        from compliance import progress

        progress.attach(progress.terminal_line(sys.stderr, {"ocr": message("progress-ocr", current_lang())}))


for _command in (reading.parse, reading.cite, reading.graph, checking.check, checking.demo, catalog.rules,
                 drafting.amend, drafting.diff, regions.compare, regions.region, regions.history, serving.serve):
    main.add_command(_command)


if __name__ == "__main__":
    main()
