"""The document-template markup: front matter, a line-based body, bold and placeholders.

Pure Python so the renderer, the template editor and the tests share one parser, and a
template that would print a blank (an unknown placeholder) or a stray ``**`` is refused
when it is saved rather than discovered on paper in front of a patient.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

KINDS = ("consent", "aftercare", "general")
LANGUAGES = ("zh_CN", "en")

# Every placeholder, in the editor menu's order: the patient, a minor's guardian, the
# treatment, the clinic.
PLACEHOLDER_ORDER: tuple[str, ...] = (
    "patient.name",
    "patient.record_no",
    "patient.birth_date",
    "patient.age",
    "patient.sex",
    "patient.mobile_masked",
    "guardian.name",
    "guardian.relation",
    "treatment.item",
    "treatment.areas",
    "treatment.products",
    "treatment.operator",
    "treatment.date",
    "treatment.next_review",
    "clinic.name",
    "clinic.address",
    "clinic.phone",
    "today",
)
PLACEHOLDERS: frozenset[str] = frozenset(PLACEHOLDER_ORDER)

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?")
_NUMBERED = re.compile(r"\d+\.\s+")
_FILL = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_HEADER_KEYS = ("key", "kind", "language", "title")


class TemplateError(ValueError):
    """A template that cannot be printed as written; ``line`` is 1-based in the body
    (0 for the front matter or when the line is not known). ``code`` and ``detail`` let
    the UI say it in the user's language; ``message`` is English for the command line."""

    def __init__(self, line: int, message: str, code: str = "", detail: str = "") -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line
        self.message = message
        self.code = code  # unclosed_brace | not_placeholder | unopened_brace | unclosed_bold |
        self.detail = detail  # unknown_placeholder; detail: the column or the {text}


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Block:
    kind: str  # "heading1" | "heading2" | "paragraph" | "bullet" | "numbered"
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class TemplateFile:
    key: str
    kind: str
    language: str
    title: str
    body: str


def read_template_file(text: str) -> TemplateFile:
    """Split a shipped template file into its front matter and body.

    The body keeps its own line numbering (line 1 is the line after the closing ``---``)
    so errors point where an editor shows them.
    """
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        raise TemplateError(0, "front matter: the file must start with a '---' line")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise TemplateError(0, "front matter: no closing '---' line") from None
    header: dict[str, str] = {}
    for raw in lines[1:end]:
        line = re.sub(r"\s+#.*$", "", raw).strip()
        if not line or line.startswith("#"):
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise TemplateError(0, f"front matter: expected 'name: value', got {raw.strip()!r}")
        header[name.strip()] = value.strip()
    missing = [k for k in _HEADER_KEYS if not header.get(k)]
    if missing:
        raise TemplateError(0, f"front matter: missing {', '.join(missing)}")
    if header["kind"] not in KINDS:
        raise TemplateError(0, f"front matter: kind must be one of {', '.join(KINDS)}")
    if header["language"] not in LANGUAGES:
        raise TemplateError(0, f"front matter: language must be one of {', '.join(LANGUAGES)}")
    body = "\n".join(lines[end + 1 :])
    return TemplateFile(
        key=header["key"],
        kind=header["kind"],
        language=header["language"],
        title=header["title"],
        body=body,
    )


def _block_kind(line: str) -> tuple[str, str]:
    if line.startswith("## "):
        return "heading2", line[3:]
    if line.startswith("# "):
        return "heading1", line[2:]
    if line.startswith("- "):
        return "bullet", line[2:]
    match = _NUMBERED.match(line)
    if match:
        return "numbered", line[match.end() :]
    return "paragraph", line


def _spans(text: str, line_no: int) -> tuple[tuple[Span, ...], list[str]]:
    """Inline markup of one line: bold runs and placeholders (kept as ``{x.y}`` text)."""
    spans: list[Span] = []
    names: list[str] = []
    current: list[str] = []
    bold = False
    i = 0

    def flush() -> None:
        if current:
            spans.append(Span("".join(current), bold))
            current.clear()

    while i < len(text):
        two = text[i : i + 2]
        if two in ("{{", "}}"):
            current.append(two)
            i += 2
        elif two == "**":
            flush()
            bold = not bold
            i += 2
        elif text[i] == "{":
            close = text.find("}", i + 1)
            if close < 0:
                raise TemplateError(
                    line_no, f"'{{' at column {i + 1} is never closed", "unclosed_brace", str(i + 1)
                )
            name = text[i + 1 : close]
            if not _NAME.fullmatch(name):
                raise TemplateError(
                    line_no,
                    f"'{{{name}}}' is not a placeholder (write '{{{{' for a brace)",
                    "not_placeholder",
                    f"{{{name}}}",
                )
            names.append(name)
            current.append(text[i : close + 1])
            i = close + 1
        elif text[i] == "}":
            raise TemplateError(
                line_no, f"'}}' at column {i + 1} has no opening '{{'", "unopened_brace", str(i + 1)
            )
        else:
            current.append(text[i])
            i += 1
    if bold:
        raise TemplateError(line_no, "'**' opens bold text that is never closed", "unclosed_bold")
    flush()
    return tuple(spans), names


def _parse(body: str) -> tuple[list[Block], list[tuple[int, str]]]:
    blocks: list[Block] = []
    used: list[tuple[int, str]] = []
    for line_no, raw in enumerate(body.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        kind, rest = _block_kind(line)
        spans, names = _spans(rest.strip(), line_no)
        blocks.append(Block(kind, spans))
        used.extend((line_no, name) for name in names)
    return blocks, used


def parse(body: str) -> list[Block]:
    """One block per non-blank line; placeholders stay as ``{x.y}`` text for ``fill``."""
    return _parse(body)[0]


def check(body: str) -> None:
    """Refuse a body that would not print as written: bad markup or an unknown placeholder."""
    for line_no, name in _parse(body)[1]:
        if name not in PLACEHOLDERS:
            raise TemplateError(
                line_no, f"unknown placeholder {{{name}}}", "unknown_placeholder", f"{{{name}}}"
            )


def fill(blocks: Sequence[Block], values: Mapping[str, str]) -> list[Block]:
    """Replace placeholders by their values and ``{{``/``}}`` by single braces.

    A single pass, so a value that itself contains braces is printed as given. A
    placeholder without a value is an error, never a silent blank.
    """

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        name = match.group(1)
        if name not in values:
            raise TemplateError(0, f"no value for placeholder {{{name}}}")
        return values[name]

    return [
        Block(block.kind, tuple(Span(_FILL.sub(replace, s.text), s.bold) for s in block.spans))
        for block in blocks
    ]
