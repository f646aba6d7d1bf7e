"""User-facing errors.

Every error that can reach a person carries a Japanese message (the shipped language)
and an English one; :func:`message_for` picks the one for the UI language. Code that
catches a :class:`DxError` shows the message and never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable

_LANGUAGE = "ja"


def set_language(lang: str) -> None:
    """Choose the language of user-facing messages ("ja" or "en")."""
    global _LANGUAGE
    _LANGUAGE = "en" if lang.startswith("en") else "ja"


def language() -> str:
    """The current language of user-facing messages."""
    return _LANGUAGE


class DxError(Exception):
    """An error with a message a person can act on.

    ``ja`` is the Japanese text, ``en`` the English one; ``where`` names the place
    (file, line, JSON path, cell) when there is one.
    """

    exit_code = 2

    def __init__(self, ja: str, en: str | None = None, *, where: str | None = None) -> None:
        self.ja = ja
        self.en = en or ja
        self.where = where
        super().__init__(self.message())

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language), with the place."""
        lang = lang or _LANGUAGE
        text = self.en if lang == "en" else self.ja
        if self.where:
            text = f"{self.where}: {text}"
        return text

    def __str__(self) -> str:
        return self.message()


class PlanFileError(DxError):
    """A plan file that cannot be opened, saved or migrated."""


class ReadOnlyError(PlanFileError):
    """An edit of a plan that is open read-only."""

    def __init__(self) -> None:
        super().__init__("読み取り専用で開いているため編集できません。", "The plan is open read-only and cannot be edited.")


class ValidationError(DxError):
    """Input that breaks a rule of the plan (bad value, missing reference, …)."""


class ImportFormatError(DxError):
    """An import source (JSON, workbook) that is malformed or not recognised."""


def message_for(exc: BaseException, lang: str | None = None) -> str:
    """A user-facing message for any exception (a generic one for unexpected errors)."""
    if isinstance(exc, DxError):
        return exc.message(lang)
    if isinstance(exc, PermissionError):
        path = getattr(exc, "filename", "") or ""
        return _pick(lang, f"書き込みできません（アクセス権がありません）: {path}",
                     f"Cannot write (permission denied): {path}")
    if isinstance(exc, FileNotFoundError):
        path = getattr(exc, "filename", "") or ""
        return _pick(lang, f"ファイルが見つかりません: {path}", f"File not found: {path}")
    if isinstance(exc, OSError):
        path = getattr(exc, "filename", "") or ""
        return _pick(lang, f"ファイルの読み書きに失敗しました: {path} ({exc.strerror or exc})",
                     f"File input/output failed: {path} ({exc.strerror or exc})")
    if isinstance(exc, RecursionError):
        return _pick(lang, "入力の入れ子（表や項目の中の表や項目）が深すぎるため処理できません。",
                     "The input nests too deeply to be processed.")
    if isinstance(exc, MemoryError):
        return _pick(lang, "メモリが足りないため処理できません（入力が大きすぎます）。",
                     "Not enough memory (the input is too large).")
    return _pick(lang, f"予期しないエラーが発生しました: {type(exc).__name__}: {exc}",
                 f"Unexpected error: {type(exc).__name__}: {exc}")


def _pick(lang: str | None, ja: str, en: str) -> str:
    return en if (lang or _LANGUAGE) == "en" else ja


class Cancelled(DxError):
    """The person stopped a long run (an export, an import) before it finished; nothing was written."""

    exit_code = 130

    def __init__(self) -> None:
        super().__init__("中止しました。", "Cancelled.")


#: A progress report: ``progress(done, total)``; returning False asks the run to stop.
ProgressFn = Callable[[int, int], bool]


def check_progress(progress: ProgressFn | None, done: int, total: int) -> None:
    """Report ``done`` of ``total`` to ``progress`` (if any); raise :class:`Cancelled` when it says stop."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled()
