"""Importing 100,000 patients from a messy .xlsx against just reading the file.

    .venv/bin/python benchmarks/import.py [--rows 100000] [--backend sqlite|postgresql|both]
        [--seed 1] [--repeat 3]

Writes a workbook like a clinic's real export (a merged title row above the header,
blank rows, phones as numbers, with +86 or dashes, full-width digits, 15-digit, valid and
invalid ID numbers, dates as Excel serials and in several text formats, 男/女/M/F/1/2, a
consultant and channel column, ~1 % of rows repeating an earlier mobile), then measures:

- read: bare openpyxl, ``load_workbook(read_only=True, data_only=True)`` and every row of
  ``iter_rows(values_only=True)``, nothing else (median of ``--repeat``);
- import: ``patient_import.import_patients`` (the service the CLI and wizard call: the
  permission check, reading, checking, dedupe, the batched writes, the audit rows) into a
  fresh migrated database (an SQLite file; a scratch PostgreSQL database at
  CLINIC_DESK_TEST_PG_URL, dropped after), once per backend;
- memory: the peak resident size of a child process (and of its row-checking worker)
  importing a fifth of the rows and of one importing all of them (flat memory: the two
  should be close).

Budget (issue 11): import time ≤ 3 × read time. Exit status 1 if missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook, load_workbook  # noqa: E402
from sqlalchemy.engine import URL  # noqa: E402
from stdnum.cn import ric  # noqa: E402

from desktop_app.db import Database  # noqa: E402
from desktop_app.migrations import upgrade  # noqa: E402
from desktop_app.services import patient_import  # noqa: E402
from desktop_app.services.setup import FirstRun, complete_first_run  # noqa: E402
from tests.support.databases import scratch_postgres_database, sqlite_url  # noqa: E402

BUDGET_RATIO = 3.0
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史黎贺顾毛郝龚邵万钱覃武戴孔"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁"
    "梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦"
    "黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪"
    "澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"
)
CHANNELS = ("抖音", "小红书", "大众点评", "美团", "朋友推荐", "老客转介绍", "朋友圈")
HEADER = ["序号", "客户姓名", "联系电话", "身份证号", "性别", "出生日期", "来源", "咨询师"]
HEADER += ["备注", "建档日期"]


def write_workbook(path: Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("客户档案")
    sheet.append(["2019-2026 客户档案导出"])
    sheet.append([])
    sheet.append(HEADER)
    mobiles: list[int] = []
    for index in range(rows):
        if index and index % 997 == 0:
            sheet.append([])  # a blank row now and then
        if mobiles and rng.random() < 0.01:
            mobile_number = rng.choice(mobiles)
        else:
            mobile_number = 13000000000 + rng.randrange(10**9) * 7 % 10**9 + index
            mobiles.append(mobile_number)
        sheet.append(
            [
                index + 1,
                rng.choice(SURNAMES)
                + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
                + (" " if rng.random() < 0.1 else ""),
                _mobile_cell(rng, mobile_number),
                _id_cell(rng),
                rng.choice(("男", "女", "M", "F", "1", "2", "", "女")),
                _date_cell(rng, dt.date(1950, 1, 1), dt.date(2006, 12, 31)),
                rng.choice(CHANNELS) if rng.random() < 0.7 else None,
                rng.choice(("王店长", "李咨询", "", "")),
                "老客户，偏好周末" if rng.random() < 0.2 else None,
                _date_cell(rng, dt.date(2015, 1, 1), dt.date(2026, 10, 31)),
            ]
        )
    book.save(path)


def _mobile_cell(rng: random.Random, number: int) -> object:
    text = str(number)
    return rng.choices(
        (
            number,
            float(number),
            f"{text[:3]}-{text[3:7]}-{text[7:]}",
            f"+86 {text}",
            text.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
            None,
        ),
        (50, 10, 15, 10, 5, 10),
    )[0]


def _id_cell(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.45:
        return None
    born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(20_000))
    body = f"{rng.choice((110105, 310101, 440305, 510104))}{born:%Y%m%d}{rng.randrange(1000):03d}"
    if roll < 0.5:
        return body[:6] + body[8:]  # the 15-digit form of an old card
    number = body + ric.calc_check_digit(body + "?")
    if roll < 0.52:
        return number[:-1] + ("0" if number[-1] != "0" else "1")  # a typo
    return number


def _date_cell(rng: random.Random, start: dt.date, end: dt.date) -> object:
    day = start + dt.timedelta(days=rng.randrange((end - start).days))
    return rng.choice(
        (
            dt.datetime(day.year, day.month, day.day),
            (day - dt.date(1899, 12, 30)).days,
            f"{day:%Y/%m/%d}".replace("/0", "/"),
            f"{day.year}年{day.month}月{day.day}日",
            f"{day:%Y%m%d}",
            None,
        )
    )


def bare_read(path: Path) -> int:
    book = load_workbook(path, read_only=True, data_only=True)
    count = 0
    for _row in book.worksheets[0].iter_rows(values_only=True):
        count += 1
    book.close()
    return count


@contextmanager
def fresh_database(backend: str, folder: Path) -> Iterator[Database]:
    with ExitStack() as stack:
        url: URL = (
            sqlite_url(folder, f"import-{time.monotonic_ns()}.db")
            if backend == "sqlite"
            else stack.enter_context(scratch_postgres_database())  # dropped at the end
        )
        database = Database(url)
        try:
            upgrade(database)
            yield database
        finally:
            database.dispose()


def import_once(database: Database, path: Path) -> tuple[float, dict[str, int]]:
    actor = complete_first_run(database, FirstRun("基准诊所", "boss", "王店长", "benchmark pw 1"))
    started = time.perf_counter()
    result = patient_import.import_patients(database, actor, path)
    return time.perf_counter() - started, result.summary.as_dict()


def child_peak_kib(backend: str, path: Path, folder: Path) -> tuple[int, int]:
    """Peak RSS of a separate process importing ``path``, and of its worker (KiB)."""
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            str(path),
            "--backend",
            backend,
            "--folder",
            str(folder),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    peaks = json.loads(out.strip().splitlines()[-1])
    return int(peaks["peak_kib"]), int(peaks["worker_peak_kib"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        with fresh_database(args.backend, args.folder) as database:
            import_once(database, args.child)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the row checker
        print(json.dumps({"peak_kib": own, "worker_peak_kib": worker}))
        return 0
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    missed = False
    with tempfile.TemporaryDirectory(prefix="import-benchmark-") as temporary:
        folder = Path(temporary)
        path, small = folder / "客户档案.xlsx", folder / "客户档案-小.xlsx"
        started = time.perf_counter()
        write_workbook(path, args.rows, args.seed)
        write_workbook(small, args.rows // 5, args.seed)
        print(
            f"wrote {args.rows:,} rows ({path.stat().st_size / 1e6:.1f} MB) and "
            f"{args.rows // 5:,} in {time.perf_counter() - started:.0f} s"
        )
        reads = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            bare_read(path)
            reads.append(time.perf_counter() - started)
        read = statistics.median(reads)
        print(f"bare openpyxl read: median {read:.2f} s of {[round(r, 2) for r in reads]}")
        for backend in backends:
            with fresh_database(backend, folder) as database:
                seconds, summary = import_once(database, path)
            ratio = seconds / read
            missed |= ratio > BUDGET_RATIO
            print(
                f"{backend}: import {seconds:.2f} s ({summary['rows'] / seconds:,.0f} rows/s), "
                f"{ratio:.2f} × the read ({'within' if ratio <= BUDGET_RATIO else 'MISSED'}); "
                f"{json.dumps(summary)}"
            )
            peaks = [child_peak_kib(backend, file, folder) for file in (small, path)]
            (small_own, small_worker), (own, worker) = peaks
            print(
                f"{backend}: peak RSS (importing process / its worker) for "
                f"{args.rows // 5:,} rows {small_own / 1024:.0f} / {small_worker / 1024:.0f} MiB, "
                f"{args.rows:,} rows {own / 1024:.0f} / {worker / 1024:.0f} MiB"
            )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
