"""The one exception type the library raises for bad input."""

from __future__ import annotations

from compliance.i18n import DEFAULT_LANG, message
from compliance.terminal import one_line


class ComplianceError(Exception):
    """Bad input or an impossible request; ``code`` selects the message in ``i18n``.

    The message is always one line: a file name or reason carrying a newline, an escape
    sequence or a bidi override is shown escaped (see ``terminal.one_line``)."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return message(self.code, lang, **{k: one_line(v) if isinstance(v, str) else v
                                           for k, v in self.params.items()})
