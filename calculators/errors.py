"""The one error users see from a calculator: a Chinese sentence and the input field it concerns."""

from __future__ import annotations


class CalculationError(ValueError):
    """Bad input or an impossible calculation, worded for the user.

    `field` names the input field (dotted path such as ``departments.生产部.members``) so that
    a caller can ask for exactly that value again. ``str(exc)`` is the Chinese message, with the
    field appended as "（字段 pool）" when the message does not already name it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        self.bare_message = message
        if field and f"字段 {field}" not in message:
            message = f"{message}（字段 {field}）"
        super().__init__(message)
