"""The one exception type the library raises for bad input."""

from __future__ import annotations

from compliance.i18n import DEFAULT_LANG, message


class ComplianceError(Exception):
    """Bad input or an impossible request; ``code`` selects the message in ``i18n``."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(message(code, "en", **params))

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return message(self.code, lang, **self.params)
