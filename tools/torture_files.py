"""Delete, move or damage the database's files under a running app, and prove the promise holds.

    python tools/torture_files.py --rounds 30 [--seed N]

Each round uses a new data folder. A first writer (tools/torture.py's `write` mode) saves
and is killed, so the folder has data; a second writer starts (its start-up backup holds
that data) and saves; then, while it saves, one kind of damage is done to the files:

* `log`: its `-wal` and `-shm` are deleted. Promise: every acknowledged save is in the
  database after the writer is killed (the app writes a vanished log into the database).
* `moved`, `deleted`: the database file is moved away, or deleted with its log. Promise:
  the app refuses to open the folder silently empty ("database-missing"), and the newest
  backup holding assessments (the copy rescued when the app noticed) holds every save
  acknowledged before the damage; saves after it may be refused, never acknowledged and lost.
  The writer is killed only once it has noticed (its next save refused), as the promise is about
  what the app does when it notices: killed before, on a loaded machine, it would rescue nothing.
* `truncated`, `flipped`: a few bytes cut off the end, or bytes flipped in the middle.
  Promise: the app either opens a sound database or refuses it as damaged
  ("database-corrupt"), and then the newest backup restores and is sound. (A file damaged
  by another program can lose what was saved after the last backup; it is never accepted
  damaged, and the backups are never replaced by damaged copies.)
* `foreign`: the database is replaced by another program's SQLite file. Promise: the app
  refuses it ("database-foreign") and leaves that file byte for byte as it was.
* `backup`: bytes flipped in the newest backup. Promise: the app opens with every
  acknowledged save, and that backup is never offered as sound (`check_copy` refuses it).

In every case: never a traceback or an unexpected error from the app's own open.
POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from resilience_app.core.errors import UserFacingError
from resilience_app.core.paths import DATABASE_FILE_NAME, AppPaths
from resilience_app.core.services import ResilienceService
from resilience_app.core.storage.backups import check_copy

DAMAGES = ("log", "moved", "deleted", "truncated", "flipped", "foreign", "backup")
COUNTER_SPAN = 1_000_000


def _torture_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("torture_tool", Path(__file__).with_name("torture.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


torture = _torture_module()


@dataclass
class RoundReport:
    number: int
    damage: str
    acknowledged: int
    outcome: str
    problems: list[str] = field(default_factory=list)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _flip(path: Path, rng: random.Random, count: int) -> None:
    data = bytearray(path.read_bytes())
    for _flip_number in range(count):
        at = rng.randrange(100, len(data))  # past the header: damage inside pages, not an unreadable file
        data[at] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


def _damage(kind: str, folder: Path, rng: random.Random) -> str | None:
    """Do `kind` to the files; returns the hash of a foreign file put in place, if any."""
    database = folder / DATABASE_FILE_NAME
    companions = [database.with_name(database.name + suffix) for suffix in ("-wal", "-shm")]
    if kind == "log":
        for companion in companions:
            companion.unlink(missing_ok=True)
    elif kind == "moved":
        os.replace(database, folder / "moved-away.sqlite3")
    elif kind == "deleted":
        for path in (database, *companions):
            path.unlink(missing_ok=True)
    elif kind == "truncated":
        with database.open("r+b") as stream:
            stream.truncate(max(100, database.stat().st_size - rng.randint(1, 3000)))
    elif kind == "flipped":
        _flip(database, rng, 20)
    elif kind == "foreign":
        other = folder / ".other-program.sqlite3"
        with sqlite3.connect(other) as connection:
            connection.execute("create table stock (item text, count integer)")
            connection.execute("insert into stock values ('pumps', 12)")
        connection.close()
        os.replace(other, database)
        for companion in companions:
            companion.unlink(missing_ok=True)
        return _sha(database)
    elif kind == "backup":
        newest = max((folder / "backups").glob("*.sqlite3"), key=lambda path: path.stat().st_mtime)
        _flip(newest, rng, 40)
    return None


def _refusal(folder: Path) -> str:
    """'' when the app opens the folder, else the code it refused with; raises on anything else."""
    try:
        ResilienceService.open(AppPaths.under(folder)).close()
    except UserFacingError as refused:
        return refused.code
    return ""


def _restore_newest_with_data(folder: Path) -> list[str]:
    service = ResilienceService.open(AppPaths.under(folder), start_empty=True)
    try:
        with_data = [backup for backup in service.backups.list() if backup.assessments]
        if not with_data:
            return ["no backup holds the assessments"]
        service.restore_backup(with_data[0])
    finally:
        service.close()
    return []


def _check(kind: str, folder: Path, ledger: object, foreign_sha: str | None) -> tuple[str, list[str]]:
    try:
        code = _refusal(folder)
    except Exception as error:  # noqa: BLE001 - anything but a plain refusal is what this reports
        return "crash", [f"the app's open failed unexpectedly: {type(error).__name__}: {error}"]
    outcome = code or "opened"
    expected = {
        "log": {"opened"},
        "moved": {"database-missing"},
        "deleted": {"database-missing"},
        "truncated": {"opened", "database-corrupt"},
        "flipped": {"opened", "database-corrupt"},
        "foreign": {"database-foreign"},
        "backup": {"opened"},
    }[kind]
    if outcome not in expected:
        return outcome, [f"after `{kind}` the app answered {outcome}, expected one of {sorted(expected)}"]
    problems: list[str] = []
    if kind in ("log", "backup"):
        problems += torture.check_database(folder, ledger) + torture.check_app_reads(folder, ledger)
    if kind in ("moved", "deleted"):
        problems += _restore_newest_with_data(folder) or (torture.check_database(folder, ledger) + torture.check_app_reads(folder, ledger))
    if kind in ("truncated", "flipped") and outcome == "database-corrupt":
        backups = sorted((folder / "backups").glob("*.sqlite3"))
        if not backups or not all(check_copy(path, thorough=True) for path in backups):
            problems.append("a backup is missing or damaged after the database was damaged")
    if kind == "foreign" and foreign_sha is not None and _sha(folder / DATABASE_FILE_NAME) != foreign_sha:
        problems.append("the other program's database was changed")
    return outcome, problems


# Damage the promise is about once the app notices it (at its next save): the writer is given the time to
# notice, rescue what it holds and stop, however loaded the machine, before it is killed.
NOTICED = ("moved", "deleted", "foreign")
NOTICE_TIMEOUT = 20.0


def _until_refused(writer: object) -> None:
    """Wait until the writer stops by itself (the app refused its next save), at most NOTICE_TIMEOUT seconds."""
    process = writer.process  # type: ignore[attr-defined]
    deadline = time.monotonic() + NOTICE_TIMEOUT
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)


def run_rounds(rounds: int, seed: int, *, progress: bool = False) -> list[RoundReport]:
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="torture-files-"))
    reports: list[RoundReport] = []
    try:
        for number in range(1, rounds + 1):
            damage = DAMAGES[(number - 1) % len(DAMAGES)] if number <= len(DAMAGES) else rng.choice(DAMAGES)
            folder, logs = work / f"round-{number}" / "data", work / f"round-{number}" / "logs"
            logs.mkdir(parents=True)
            ledger = torture.Ledger()
            first = torture._Writer(folder, logs, "first", start=number * 2 * COUNTER_SPAN, seed=rng.getrandbits(32))
            first.wait_for("#ready")
            time.sleep(rng.uniform(0.05, 0.2))
            first.kill()
            ledger.take(first.output())
            second = torture._Writer(folder, logs, "second", start=(number * 2 + 1) * COUNTER_SPAN, seed=rng.getrandbits(32))
            second.wait_for("#ready")
            time.sleep(rng.uniform(0.05, 0.2))
            before_damage = ledger.take(second.output())  # what was acknowledged before the damage
            foreign_sha = _damage(damage, folder, rng)
            time.sleep(rng.uniform(0.0, 0.2))  # the writer saves on, or is refused, under the damage
            if damage in NOTICED:
                _until_refused(second)
            second.kill()
            counted = ledger
            if damage in ("log", "backup"):  # nothing may be lost: every save acknowledged, after the damage too
                counted = torture.Ledger()
                counted.take(first.output())
                counted.take(second.output())
            outcome, problems = _check(damage, folder, counted, foreign_sha)
            report = RoundReport(number, damage, before_damage, outcome, problems)
            reports.append(report)
            if progress:
                print(f"round {number:3d} {damage:9} +{before_damage:4d} acknowledged -> {outcome:17} {'ok' if not problems else 'FAILED'}",
                      flush=True)
                for problem in problems:
                    print(f"    {problem}", flush=True)
    finally:
        if all(not report.problems for report in reports):
            shutil.rmtree(work, ignore_errors=True)
        elif progress:
            print(f"folders kept: {work}")
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--seed", type=int, default=None)
    options = parser.parse_args(argv)
    if os.name != "posix":
        print("The torture test needs POSIX signals (SIGKILL).", file=sys.stderr)
        return 2
    seed = options.seed if options.seed is not None else random.SystemRandom().randrange(1_000_000)
    print(f"torture (files): {options.rounds} rounds, seed {seed}", flush=True)
    reports = run_rounds(options.rounds, seed, progress=True)
    failed = [report for report in reports if report.problems]
    if failed:
        print(f"FAILED {len(failed)} of {len(reports)} rounds (repeat with --rounds {options.rounds} --seed {seed})")
        return 1
    print(f"ok: {len(reports)} rounds, every kind of damage met its promise")
    return 0


if __name__ == "__main__":
    sys.exit(main())
