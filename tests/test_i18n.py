"""Every user-visible string is translated, and the compiled catalogue is what the app loads."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop_app import paths
from desktop_app.ui.i18n import Translations

TS = paths.RESOURCES / "i18n" / "clinic_desk_zh_CN.ts"
UI = Path(paths.RESOURCES.parent, "desktop_app", "ui")


def test_every_string_in_the_ui_has_a_chinese_translation(tmp_path):
    """Re-extract strings from the code: a new untranslated string fails this test."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in UI.glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(copy)], check=True, capture_output=True)
    messages = list(ET.parse(copy).iter("message"))
    assert len(messages) > 50
    untranslated = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
        or not m.findtext("translation")
    ]
    assert untranslated == []


def test_chinese_catalogue_loads_and_translates(qapp):
    translations = Translations(qapp)
    try:
        assert translations.apply("zh_CN")
        assert QCoreApplication.translate("MainWindow", "Not signed in") == "未登录"
        assert QCoreApplication.translate("Messages", "Wrong user name or password.") == (
            "用户名或密码错误。"
        )
    finally:
        translations.apply("en")
    assert QCoreApplication.translate("MainWindow", "Not signed in") == "Not signed in"


def _wrappers(tree: ast.Module) -> set[str]:
    """Functions that pass a parameter to translate()/tr(): lupdate cannot see their strings."""
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        params = {a.arg for a in node.args.args}
        for call in ast.walk(node):
            method = getattr(getattr(call, "func", None), "attr", None)
            if not isinstance(call, ast.Call) or method not in ("translate", "tr"):
                continue
            position = 1 if method == "translate" else 0
            text = call.args[position] if len(call.args) > position else None
            if isinstance(text, ast.Name) and text.id in params:
                names.add(node.name)
    return names


def test_no_string_literal_hides_behind_a_translation_wrapper():
    """``t("Save")`` is translated at run time but never extracted: it stays English."""
    hidden = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = _wrappers(tree) | {"t", "_t", "_tr"}
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in wrappers
                and any(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
            ):
                hidden.append(f"{path.name}:{node.lineno} {node.func.id}(…)")
    assert hidden == []


def test_every_literal_given_to_translate_reaches_the_catalogue():
    """lupdate silently drops a call whose count is an attribute (``…, "", report.applied)``):
    every literal text passed to translate()/tr() must be in the catalogue."""
    known = {m.findtext("source") for m in ET.parse(TS).iter("message")}
    dropped = []
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            method = getattr(getattr(node, "func", None), "attr", None)
            if not isinstance(node, ast.Call) or method not in ("translate", "tr"):
                continue
            position = 1 if method == "translate" else 0
            text = node.args[position] if len(node.args) > position else None
            literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
            if literal and text.value not in known:
                dropped.append(f"{path.name}:{node.lineno} {text.value[:40]}")
    assert dropped == []
