"""Clinical photos: importing a 24 MP JPEG against naive Pillow, and opening a 500-photo gallery.

    .venv/bin/python benchmarks/photos.py [--repeat 15] [--gallery-repeat 30]
        [--photos 500] [--backend sqlite|postgresql|both] [--seed 1]

A 6000 × 4000 JPEG is generated once (noise over gradients, so it compresses like a photo:
about 11 MB at quality 92; Exif orientation 6, camera, taken-at and GPS). For each backend,
a fresh database (an SQLite file in a temporary folder; a scratch PostgreSQL database at
CLINIC_DESK_TEST_PG_URL, as the tests use, skipped if unreachable), migrated, with a
manager and patients who consented to photos. Then, alternating after two warm-ups each:

- import: the file read and ``photos.import_file`` (hash, header check, decode, display
  copy and thumbnail, the original's metadata rewritten, row + three blobs sealed
  (AES-GCM) + audit row committed), each time for another patient (the same file twice for
  one patient is a duplicate), against
- naive: ``Image.open`` → ``ImageOps.exif_transpose`` → ``resize`` (long side 2048) →
  ``save`` as JPEG to a file, of the same file.

Budget (issue 6): import ≤ 1.0 × naive, at p50 and p95. Exit status 1 if missed.

Gallery: ``--photos`` photos (1024 × 768, through ``photos.import_file``, stages, angles
and dates varied) for one patient; opening it as the Photos tab does, ``--gallery-repeat``
times: ``photos.gallery`` (audited, so a write transaction) then ``photos.thumbnails`` for
the first screenful (48, the grid's batch) and, separately, for all of them (each
thumbnail opened: AES-GCM).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The scratch clinic's data key (every photo is sealed under it) kept in memory, as in the
# tests: a benchmark must not leave keys in this computer's keyring, nor need one.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.support.memory_keyring.MemoryKeyring")

from PIL import ExifTags, Image, ImageOps  # noqa: E402

from benchmarks.search import fresh_database, percentile  # noqa: E402
from desktop_app.db import Database  # noqa: E402
from desktop_app.migrations import upgrade  # noqa: E402
from desktop_app.models import ConsentKind, PhotoAngle, PhotoStage  # noqa: E402
from desktop_app.services import photos  # noqa: E402
from desktop_app.services.context import Actor  # noqa: E402
from desktop_app.services.intake import PatientDraft  # noqa: E402
from desktop_app.services.patients import register_patient  # noqa: E402
from desktop_app.services.setup import FirstRun, complete_first_run  # noqa: E402
from tests.support.databases import postgres_problem  # noqa: E402

BUDGET_RATIO = 1.0
SCREENFUL = 48  # ui/photo_grid.BATCH
LONG_SIDE = 2048


def camera_jpeg(width: int, height: int, seed: int, quality: int = 92) -> bytes:
    """A photo-like JPEG: smooth gradients under sensor-like noise, turned by Exif."""
    rng = random.Random(seed)
    horizontal = Image.linear_gradient("L").rotate(90).resize((width, height))
    vertical = Image.linear_gradient("L").resize((width, height))
    radial = Image.radial_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 24 + rng.random() * 8)
    image = Image.merge(
        "RGB",
        (
            Image.blend(horizontal, noise, 0.35),
            Image.blend(radial, noise, 0.3),
            Image.blend(vertical, noise, 0.4),
        ),
    )
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "Canon EOS R6"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2026:11:20 10:30:00"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = "012345678901"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {1: "N", 2: (31.0, 14.0, 5.5), 3: "E", 4: (121.0, 28.0, 9.1)}
    )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, exif=exif.tobytes())
    return out.getvalue()


def naive(path: Path, target: Path) -> None:
    """What anyone would write first with Pillow."""
    image = ImageOps.exif_transpose(Image.open(path))
    scale = LONG_SIDE / max(image.size)
    image = image.resize((round(image.width * scale), round(image.height * scale)))
    image.save(target, "JPEG")


def setup(url: object) -> tuple[Database, Actor]:
    database = Database(url)
    upgrade(database)
    actor = complete_first_run(database, FirstRun("Bench Clinic", "boss", "Boss", "bench-pass-123"))
    return database, actor


def new_patient(database: Database, actor: Actor, n: int) -> object:
    draft = PatientDraft(
        f"测试{n:04d}", mobile=f"139{n:08d}", consents={ConsentKind.PHOTOS_RECORD: True}
    )
    return register_patient(database, actor, draft).id


def measure_import(
    database: Database, actor: Actor, path: Path, repeat: int, scratch: Path
) -> dict[str, list[float]]:
    tags = photos.PhotoTags(stage=PhotoStage.BEFORE, angle=PhotoAngle.FRONT)
    patients = [new_patient(database, actor, n) for n in range(repeat + 2)]

    def ours(patient_id: object) -> None:
        photos.import_file(database, actor, patient_id, path.name, path.read_bytes(), tags)

    timings: dict[str, list[float]] = {"import": [], "naive": []}
    for n, patient_id in enumerate(patients):
        took = {
            "import": _timed(lambda p=patient_id: ours(p)),
            "naive": _timed(lambda: naive(path, scratch / "naive.jpg")),
        }
        if n >= 2:  # two warm-ups: imports, caches, the database's first pages
            for name, ms in took.items():
                timings[name].append(ms)
    return timings


def measure_gallery(
    database: Database, actor: Actor, count: int, repeat: int, seed: int
) -> dict[str, list[float]]:
    patient_id = new_patient(database, actor, 9000)
    rng = random.Random(seed)
    base = Image.open(io.BytesIO(camera_jpeg(1024, 768, seed, quality=85)))
    base.load()
    stages = list(PhotoStage)
    angles = [*PhotoAngle, None]
    started = time.perf_counter()
    for n in range(count):
        image = base.copy()
        image.paste((n % 256, (n * 7) % 256, (n * 13) % 256), (0, 0, 64, 64))  # each unique
        exif = Image.Exif()
        taken = f"20{20 + n % 7}:{1 + n % 12:02d}:{1 + n % 28:02d} {8 + n % 10:02d}:00:00"
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
        out = io.BytesIO()
        image.save(out, "JPEG", quality=85, exif=exif.tobytes())
        stage = rng.choice(stages)
        tags = photos.PhotoTags(
            stage=stage,
            follow_up_day=rng.choice((1, 7, 30, 90)) if stage is PhotoStage.FOLLOW_UP else None,
            angle=rng.choice(angles),
            area=rng.choice(("lips", "cheeks", "forehead", "")),
        )
        photos.import_file(database, actor, patient_id, f"IMG_{n:04d}.JPG", out.getvalue(), tags)
    print(f"  {count} photos imported in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    timings: dict[str, list[float]] = {
        "gallery (rows)": [],
        f"+ first {SCREENFUL} thumbnails": [],
        f"+ all {count} thumbnails": [],
    }
    for n in range(repeat + 3):
        start = time.perf_counter()
        cells = photos.gallery(database, actor, patient_id)
        rows = time.perf_counter()
        thumbs = photos.thumbnails(database, actor, [c.id for c in cells[:SCREENFUL]])
        first = time.perf_counter()
        everything = photos.thumbnails(database, actor, [c.id for c in cells])
        done = time.perf_counter()
        assert len(cells) == count and len(thumbs) == SCREENFUL and len(everything) == count
        if n >= 3:
            timings["gallery (rows)"].append((rows - start) * 1000)
            timings[f"+ first {SCREENFUL} thumbnails"].append((first - start) * 1000)
            timings[f"+ all {count} thumbnails"].append((rows - start + done - first) * 1000)
    sizes = [len(b) for b in everything.values()]
    print(f"  thumbnails: median {statistics.median(sizes) / 1024:.1f} KiB", file=sys.stderr)
    return timings


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def report(backend: str, imports: dict[str, list[float]], gallery: dict[str, list[float]]) -> bool:
    ours, theirs = imports["import"], imports["naive"]
    p50, p95 = percentile(ours, 0.5), percentile(ours, 0.95)
    n50, n95 = percentile(theirs, 0.5), percentile(theirs, 0.95)
    ok = p50 <= BUDGET_RATIO * n50 and p95 <= BUDGET_RATIO * n95
    print(f"\n{backend}: importing a 24 MP JPEG, {len(ours)} times; ms")
    print("| | p50 | p95 |")
    print("|---|---|---|")
    print(f"| photos.import_file (end to end, committed) | {p50:.0f} | {p95:.0f} |")
    print(f"| naive Pillow open → exif_transpose → resize → save | {n50:.0f} | {n95:.0f} |")
    print(f"| ratio | {p50 / n50:.2f} | {p95 / n95:.2f} |")
    print(
        f"{backend}: import {p50 / n50:.2f} × naive at p50, {p95 / n95:.2f} × at p95 "
        f"(budget ≤ {BUDGET_RATIO:.1f}): {'within' if ok else 'MISSED'}"
    )
    print(f"\n{backend}: opening a gallery; ms")
    print("| | p50 | p95 |")
    print("|---|---|---|")
    for name, values in gallery.items():
        print(f"| {name} | {percentile(values, 0.5):.1f} | {percentile(values, 0.95):.1f} |")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="imports timed per backend")
    parser.add_argument("--gallery-repeat", type=int, default=30)
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()

    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    if "postgresql" in backends and (problem := postgres_problem()):
        if args.backend == "postgresql":
            raise SystemExit(problem)
        print(f"PostgreSQL skipped: {problem}", file=sys.stderr)
        backends.remove("postgresql")
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        path = scratch / "IMG_24MP.JPG"
        path.write_bytes(camera_jpeg(6000, 4000, args.seed))
        size = path.stat().st_size / 2**20
        print(f"24 MP test photo: {size:.1f} MiB, Exif orientation 6", file=sys.stderr)
        for backend in backends:
            with fresh_database(backend, scratch) as url:
                print(f"{backend}:", file=sys.stderr)
                database, actor = setup(url)
                try:
                    imports = measure_import(database, actor, path, args.repeat, scratch)
                    gallery = measure_gallery(
                        database, actor, args.photos, args.gallery_repeat, args.seed
                    )
                    ok = report(backend, imports, gallery) and ok
                finally:
                    database.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
