"""Personal data never reaches the logs: a filter that masks national ID numbers (CCCD: 12
digits; the old CMND: 9) in every log record, message and arguments alike.

Installed on the console handler in settings.LOGGING, so it covers Django's own records too
(a request line with an ID number in its query string, an exception message quoting a value).
"""

from __future__ import annotations

import logging
import re

# 9 or 12 digits standing alone (not part of a longer number, a date or a phone number with
# a different length).
NATIONAL_ID = re.compile(r"(?<![0-9])(?:[0-9]{12}|[0-9]{9})(?![0-9])")


def mask_ids(text: str) -> str:
    """ "001185012345" -> "0**********5"; "123456789" -> "1*******9"."""

    def hide(match: re.Match[str]) -> str:
        value = match.group(0)
        return value[0] + "*" * (len(value) - 2) + value[-1]

    return NATIONAL_ID.sub(hide, text)


class MaskPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a record whose arguments do not fit: leave it alone
            return True
        masked = mask_ids(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_ids(record.exc_text)
        if masked != message or record.args:
            record.msg, record.args = masked, ()
        return True
