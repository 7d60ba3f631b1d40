"""The two ways an export can fail on purpose: the request is refused (bad input), or the
machine cannot make this kind of file (no chromium for chart images)."""

from __future__ import annotations

from i18n import t


class ExportRefused(ValueError):
    """The input names nothing we can export (unknown region, no data for the year and stage, a bad
    agenda). Carries a message key and its values, so it can be worded in either language."""

    def __init__(self, key: str, **values):
        self.key = key
        self.values = values
        super().__init__(t(key, "en", **values))

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.values)


class ExportUnavailable(RuntimeError):
    """A PDF (chart images) cannot be made here: kaleido or chromium is missing or does not start.
    The message says how to enable it: install Debian's chromium, which kaleido finds itself."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(t("reports.unavailable", "en", reason=reason))

    def message(self, lang: str) -> str:
        return t("reports.unavailable", lang, reason=self.reason)
