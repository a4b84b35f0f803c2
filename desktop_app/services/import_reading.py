"""Reading a clinic's messy patient export into rows of plain strings (issue 11).

Real exports have title rows above the header, merged cells, blank rows, phones stored as
numbers (1.38e10), dates as Excel serials, full-width digits and whatever encoding the
other system used. This module only reads and cleans: no Qt, no database. Validation
against the intake rules (identity.mobile, identity.resident_id) and dedupe belong to the
import service, so the same rules apply to typed and imported patients.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

# Field → the column names seen in real exports; compared through header_key().
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "客户姓名", "名字", "Name", "患者姓名"),
    "mobile": ("手机", "手机号", "手机号码", "电话", "联系电话", "Mobile", "Phone"),
    "id_number": ("身份证", "身份证号", "身份证号码", "证件号码", "ID"),
    "sex": ("性别", "Sex", "Gender"),
    "birth_date": ("生日", "出生日期", "Birthday", "Date of birth"),
    "source": ("来源", "渠道", "来源渠道", "Source"),
    "consultant": ("咨询师", "顾问", "Consultant"),
    "note": ("备注", "Note", "Notes"),
    "first_visit": ("首次到院", "建档日期", "首次到店", "First visit"),
}

_BLANKS = " \t\r\n\u3000\u00a0"
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 after Excel's 1900 leap bug


def header_key(text: str) -> str:
    """姓　名, ＮＡＭＥ and "Date of Birth" match their alias: NFKC, no spaces, casefold."""
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


_ALIAS_TO_FIELD: dict[str, str] = {
    header_key(alias): field for field, aliases in COLUMN_ALIASES.items() for alias in aliases
}


# --- reading -------------------------------------------------------------------------------


def _cell_text(value: object) -> str:
    """One cell as the string a person would have typed: 13800138000, not 13800138000.0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _clean_row(values: Iterable[object]) -> list[str]:
    """Cells stripped of surrounding spaces; empty cells at the end of the row dropped."""
    cells = [_cell_text(v).strip(_BLANKS) for v in values]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    # read_only streams the sheet XML: memory stays flat for 100,000 rows. Merged cells
    # come back as the value in the top-left cell and empty cells elsewhere.
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = _clean_row(values)
            if cells:
                yield number, cells
    finally:
        workbook.close()


def decode_csv_bytes(data: bytes) -> str:
    """UTF-8 with BOM, UTF-8, then GB18030 (a superset of GBK), each decoded strictly.

    Detected, not assumed: Excel on a Chinese Windows saves "CSV" in GBK, other systems in
    UTF-8. GBK bytes of Chinese text are almost never valid UTF-8, so the order is safe.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("encoding")


_DELIMITERS = ",\t;|"


def guess_delimiter(text: str, lines: int = 50) -> str:
    """The separator most of the first lines use the same number of times.

    csv.Sniffer looks at the whole sample as one table and gives up when a title line
    ("客户档案导出") sits above the header; counting per line, the title is outvoted.
    """
    sample = [line for line in text.splitlines()[: lines * 2] if line.strip()][:lines]
    best, best_score = ",", 0
    for delimiter in _DELIMITERS:
        counts = [line.count(delimiter) for line in sample]
        used = [count for count in counts if count]
        if not used:
            continue
        typical = max(set(used), key=used.count)
        score = sum(1 for count in counts if count == typical)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    # Read once into memory: a 100,000-row CSV is a few MB, and decoding the whole file is
    # the only way to know the encoding is right for every row, not just the first ones.
    text = decode_csv_bytes(path.read_bytes())
    dialect = csv.excel()
    dialect.delimiter = guess_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    for number, values in enumerate(reader, start=1):
        cells = _clean_row(values)
        if cells:
            yield number, cells


def open_rows(path: str | Path) -> Iterator[tuple[int, list[str]]]:
    """(source row number, cells) for every non-blank row of an .xlsx (first sheet) or .csv.

    Row numbers count blank rows too, so a reject report points at the row the user sees
    in Excel. Cells are plain strings; trailing empty cells are dropped, so index with care.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    if suffix in (".csv", ".txt"):
        return _csv_rows(path)
    raise ValueError("file_type")


def row_count_hint(path: str | Path) -> int:
    """How many rows the file says it has, for a progress bar; never exact, 0 if unknown.

    For .xlsx the first sheet's <dimension ref="A1:J100003"> is read from the head of its
    XML (asking openpyxl for max_row parses the whole sheet when the writer left the
    dimension out, as long as the import itself); without one, the sheet's size over the
    size of its first rows. For .csv, its line count.
    """
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import zipfile

        with zipfile.ZipFile(path) as archive:
            sheets = sorted(
                name
                for name in archive.namelist()
                if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name)
            )
            if not sheets:
                return 0
            size = archive.getinfo(sheets[0]).file_size
            with archive.open(sheets[0]) as sheet:
                head = sheet.read(65536).decode("utf-8", "replace")
        found = re.search(r'<(?:\w+:)?dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"', head)
        if found:
            return int(found.group(1))
        rows = len(re.findall(r"<(?:\w+:)?row[ >]", head))  # none: estimated from its size
        return size * rows // len(head) if rows > 1 else 0
    with path.open("rb") as file:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1 << 20), b""))


def find_header(
    rows: Iterable[tuple[int, list[str]]], max_scan: int = 20
) -> tuple[int, dict[str, int]]:
    """The first row (of the first ``max_scan``) naming at least two known fields.

    Title rows ("2023年客户档案") often sit above the header, so the first row cannot be
    trusted. Returns (header row number, {field: column index}); the first column wins
    when two map to one field; unknown columns are ignored. Consumes at most ``max_scan``
    rows of ``rows``. Raises ValueError("header") when no row qualifies.
    """
    for scanned, (number, cells) in enumerate(rows, start=1):
        mapping: dict[str, int] = {}
        for index, cell in enumerate(cells):
            field = _ALIAS_TO_FIELD.get(header_key(cell))
            if field is not None and field not in mapping:
                mapping[field] = index
        if len(mapping) >= 2:
            return number, mapping
        if scanned >= max_scan:
            break
    raise ValueError("header")


# --- normalizers: each returns the clean string or raises ValueError(reason code) ---------


def normal_text(text: str) -> str:
    """Full-width letters, digits and spaces to half-width; runs of spaces to one."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


_SCIENTIFIC = re.compile(r"^\d+(\.\d+)?[eE]\+?\d+$")


def normal_mobile(text: str) -> str:
    """13800138000 from "138-0013-8000", "+86 138 0013 8000", "8613800138000", "1.38E10".

    Only cleaning: whether the number can exist is identity.mobile()'s job, as for intake.
    """
    value = normal_text(text)
    if _SCIENTIFIC.match(value):
        number = float(value)  # a phone pasted from a number cell: exact below 2**53
        if not number.is_integer():
            raise ValueError("mobile")
        value = str(int(number))
    elif re.fullmatch(r"\d+\.0+", value):
        value = value.split(".")[0]
    digits = re.sub(r"[\s\-()（）.]", "", value)
    if digits.startswith("+"):
        digits = digits[1:]
        if digits.startswith("86"):
            digits = digits[2:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not digits.isdigit() or not 5 <= len(digits) <= 15:
        raise ValueError("mobile")
    return digits


_DATE_TEXT = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_SERIAL = re.compile(r"^(\d{5})(?:\.\d+)?$")


def normal_date(text: str) -> str:
    """ "1990-05-17" from 1990/5/17, 1990.05.17, 19900517, 1990年5月17日 or Excel serial 33010.

    Serials are accepted with five digits only (1927-05-18 to 2173-10-14): a bare
    four-digit number is more likely a year than a date in 1905. Impossible dates
    (1990-02-30) are refused rather than guessed.
    """
    value = normal_text(text)
    serial = _SERIAL.match(value)
    try:
        if serial:
            return (_EXCEL_EPOCH + dt.timedelta(days=int(serial.group(1)))).isoformat()
        if re.fullmatch(r"\d{8}", value):
            parts = int(value[:4]), int(value[4:6]), int(value[6:])
        else:
            match = _DATE_TEXT.match(value)
            if not match:
                raise ValueError("date")
            parts = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if parts[0] < 1900:
            raise ValueError("date")
        return dt.date(*parts).isoformat()
    except ValueError as exc:
        raise ValueError("date") from exc


_SEXES = {
    "男": "M",
    "男性": "M",
    "m": "M",
    "male": "M",
    "1": "M",
    "女": "F",
    "女性": "F",
    "f": "F",
    "female": "F",
    "2": "F",
}


def normal_sex(text: str) -> str:
    """ "M" or "F" from 男/女, M/F, male/female or the 1/2 of the national standard."""
    sex = _SEXES.get(normal_text(text).casefold())
    if sex is None:
        raise ValueError("sex")
    return sex
