"""Kill a process saving answers with SIGKILL, many times, and prove no saved answer is ever lost.

    python tools/torture.py --kills 200 [--seed N] [--data-dir DIR]

The driver starts a writer (this file, `write` mode) on one data folder, kills it with
SIGKILL at a random moment (while Python starts, while the database is opened and
migrated, the moment it is ready, or while it saves), then checks the files it left:

* `PRAGMA integrity_check` and `PRAGMA foreign_key_check` find nothing wrong;
* every answer whose save had returned is there: for each question, the stored answer is
  the last acknowledged one or a later one (a save can land and be killed before it is
  acknowledged), and it is stored whole (each field is the one written with its counter);
* every acknowledged save left its line in the answer history;
* acknowledged evidence and register items are there (their files too), removed ones are gone.

The check runs on a copy of the database and its WAL, so the next writer finds the files
exactly as the killed one left them and must recover them itself. Some kills land on a
brand-new data folder while its tables are being created; the app must open it afterwards.
At the end the app opens the folder and reads back every acknowledged answer.

The writer prints one line per acknowledged action, only after the call returned:
`question_id<TAB>counter` for a saved answer, and `#`-lines for everything else. A removal
also announces itself before it starts (`#evidence-?`, `#register-?`): it can land and be
killed before it is acknowledged, so the thing it removes may then be there or not.
POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, event

from resilience_app.core.assessment.records import AnswerDraft, AssessmentDetails, EvidenceDraft
from resilience_app.core.paths import DATABASE_FILE_NAME, AppPaths
from resilience_app.core.register.records import RegisterItemDraft
from resilience_app.core.services import ResilienceService

THIS_FILE = Path(__file__).resolve()
COUNTER_SPAN = 1_000_000  # the writer of kill k counts from (base + k) * COUNTER_SPAN, base past any earlier run's
HOT_QUESTIONS = 12  # most saves go to a few questions, so each is overwritten many times
READY_TIMEOUT = 60.0  # seconds a writer may take to open the database
KINDS = ("running", "fresh", "opening", "ready", "spawn")  # the first kills take each kind once, in this order
KIND_WEIGHTS = {"running": 68, "opening": 15, "fresh": 7, "ready": 5, "spawn": 5}

_ARABIC_WORDS = ("المياه", "الكهرباء", "الصرف", "الصحي", "الفيضانات", "الحرارة", "السكان", "الأحياء", "البلدية", "الطوارئ")
_COUNTER = re.compile(r"^\[n=(\d+)\] ")


# -- what the writer writes for each counter (the checker knows it too) --------------------------


def expected_draft(counter: int) -> AnswerDraft:
    """The answer saved with `counter`: every field derived from it, so a torn row shows."""
    if counter % 10 == 7:
        status, level = "dont_know", None
    elif counter % 10 == 8:
        status, level = "not_applicable", None
    else:
        status, level = "level", counter % 5 + 1
    padding = " ".join(_ARABIC_WORDS[(counter + i) % len(_ARABIC_WORDS)] for i in range((counter % 13) * 9))
    justification = f"[n={counter}] إجابة رقم {counter} — answer #{counter} {padding}".strip()
    return AnswerDraft(
        status=status,
        level=level,
        justification=justification,
        confidence=("low", "medium", "high")[counter % 3],
        answered_by=("Water department", "دائرة المياه")[counter % 2],
    )


def counter_of(justification: str | None) -> int | None:
    match = _COUNTER.match(justification or "")
    return int(match.group(1)) if match else None


def evidence_title(counter: int) -> str:
    return f"Evidence {counter} — تقرير {counter}"


def evidence_bytes(counter: int) -> bytes:
    return (f"evidence file {counter} — ملف الأدلة\n" * (1 + counter % 50)).encode()


def item_name(counter: int) -> str:
    return f"Shock {counter}"


# -- the writer ------------------------------------------------------------------------------------


def _emit(*fields: object) -> None:
    sys.stdout.write("\t".join(str(value) for value in fields) + "\n")
    sys.stdout.flush()


def die_before(*, number: int | None = None, containing: str | None = None) -> None:
    """SIGKILL this process just before its `number`-th SQL statement (COMMIT counts as one), or the first `containing` a text.

    A crash at an exact point, where the driver's timed kills land anywhere."""
    seen = 0

    def count(statement: str) -> None:
        nonlocal seen
        seen += 1
        if seen == number or (containing is not None and containing in statement):
            sys.stderr.write(f"torture: killed before statement {seen}: {' '.join(statement.split())[:120]}\n")
            sys.stderr.flush()
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(Engine, "before_cursor_execute", lambda _conn, _cursor, statement, *_: count(statement))
    event.listen(Engine, "commit", lambda _conn: count("COMMIT"))


def write(data_dir: Path, *, start: int, seed: int) -> None:
    """Save answers (and now and then evidence and register items) until killed."""
    parent = os.getppid()
    rng = random.Random(seed)
    _emit("#opening")
    opening = time.monotonic()
    service = ResilienceService.open(AppPaths.under(data_dir))
    opened = time.monotonic() - opening
    assessments = service.assessments.list_assessments()
    if assessments:
        assessment_id = min(summary.id for summary in assessments)
    else:
        assessment_id = service.assessments.create_assessment(AssessmentDetails(city_name_en="Torture", city_name_ar="مدينة الاختبار")).id
    questions = [question.id for question in service.framework().questions()]
    sources = data_dir / "torture-sources"  # the files evidence is attached from
    sources.mkdir(exist_ok=True)
    _emit("#ready", assessment_id, f"{time.monotonic() - opening:.4f}", f"{opened:.4f}")
    counter = start
    while os.getppid() == parent:  # stop when the driver is gone rather than write on as an orphan
        counter += 1
        roll = rng.random()
        if roll < 0.04:
            _add_evidence(service, assessment_id, rng.choice(questions[:HOT_QUESTIONS]), counter, sources, with_file=rng.random() < 0.5)
        elif roll < 0.06:
            entries = sorted(entry.id for entries in service.assessments.evidence(assessment_id).values() for entry in entries)
            if len(entries) > 6:
                _emit("#evidence-?", entries[0])  # about to remove: a kill may land after the removal, before its line
                service.assessments.remove_evidence(entries[0], changed_by="torture")
                _emit("#evidence-", entries[0])
        elif roll < 0.09:
            item = service.register.add_item(assessment_id, RegisterItemDraft(kind="shock", name_en=item_name(counter), name_ar=f"صدمة {counter}"))
            _emit("#register+", counter, item.id)
        elif roll < 0.11:
            items = sorted(record.id for record in service.register.items(assessment_id))
            if len(items) > 6:
                _emit("#register-?", items[0])
                service.register.remove_item(items[0])
                _emit("#register-", items[0])
        else:
            question_id = rng.choice(questions[:HOT_QUESTIONS]) if rng.random() < 0.8 else rng.choice(questions)
            service.assessments.save_answer(assessment_id, question_id, expected_draft(counter), changed_by=f"writer {start // COUNTER_SPAN}")
            _emit(question_id, counter)


def _add_evidence(service: ResilienceService, assessment_id: int, question_id: str, counter: int, sources: Path, *, with_file: bool) -> None:
    source = None
    if with_file:
        source = sources / f"report-{counter}.txt"
        source.write_bytes(evidence_bytes(counter))
    draft = EvidenceDraft(title=evidence_title(counter), reference=f"https://example.org/{counter}", source_file=source)
    record = service.assessments.add_evidence(assessment_id, question_id, draft, changed_by="torture")
    _emit("#evidence+", counter, record.id)
    if source is not None:
        source.unlink()


# -- what the driver was told, and the check ---------------------------------------------------------


@dataclass
class Ledger:
    """Everything the writers acknowledged, over all kills."""

    assessment_id: int | None = None
    last_answer: dict[str, int] = field(default_factory=dict)  # question -> last acknowledged counter
    answers: set[tuple[str, int]] = field(default_factory=set)  # every acknowledged (question, counter)
    evidence: dict[int, int] = field(default_factory=dict)  # id -> counter, added and not removed
    evidence_removed: set[int] = field(default_factory=set)
    evidence_removing: set[int] = field(default_factory=set)  # removals begun: gone or not, both are right
    items: dict[int, int] = field(default_factory=dict)  # id -> counter, added and not removed
    items_removed: set[int] = field(default_factory=set)
    items_removing: set[int] = field(default_factory=set)

    def take(self, output: str) -> int:
        """Record the writer's complete lines; returns how many actions they acknowledge."""
        acknowledged = 0
        for line in output.splitlines(keepends=True):
            if not line.endswith("\n"):
                break  # cut off by the kill: not acknowledged
            fields = line.rstrip("\n").split("\t")
            tag = fields[0]
            if tag == "#opening":
                pass
            elif tag == "#ready":
                self.assessment_id = int(fields[1])
            elif tag == "#evidence+":
                self.evidence[int(fields[2])] = int(fields[1])
                acknowledged += 1
            elif tag == "#evidence-?":
                self.evidence_removing.add(int(fields[1]))
            elif tag == "#evidence-":
                self.evidence.pop(int(fields[1]), None)
                self.evidence_removed.add(int(fields[1]))
                acknowledged += 1
            elif tag == "#register+":
                self.items[int(fields[2])] = int(fields[1])
                acknowledged += 1
            elif tag == "#register-?":
                self.items_removing.add(int(fields[1]))
            elif tag == "#register-":
                self.items.pop(int(fields[1]), None)
                self.items_removed.add(int(fields[1]))
                acknowledged += 1
            else:
                question_id, counter = tag, int(fields[1])
                self.last_answer[question_id] = counter
                self.answers.add((question_id, counter))
                acknowledged += 1
        return acknowledged


def _database_copy(data_dir: Path, scratch: Path) -> Path | None:
    """The database with its WAL and journal as they are on disk, copied (the -shm is rebuilt)."""
    database = data_dir / DATABASE_FILE_NAME
    if not database.exists():
        return None
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    for suffix in ("", "-wal", "-journal"):
        source = database.with_name(database.name + suffix)
        if source.exists():
            shutil.copyfile(source, scratch / source.name)
    return scratch / database.name


def check_sqlite(database: Path) -> list[str]:
    """What SQLite itself finds wrong with the file."""
    connection = sqlite3.connect(database)
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        problems = [] if integrity == ["ok"] else [f"integrity_check: {'; '.join(integrity[:5])}"]
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            problems.append(f"foreign_key_check: {len(foreign)} rows point nowhere, e.g. {foreign[0]}")
        return problems
    finally:
        connection.close()


def check_database(data_dir: Path, ledger: Ledger, *, scratch: Path | None = None) -> list[str]:
    """Everything wrong with the data folder against what was acknowledged; [] when nothing is.

    Checks a copy when `scratch` is given (the original stays as the kill left it)."""
    database = _database_copy(data_dir, scratch) if scratch is not None else data_dir / DATABASE_FILE_NAME
    if database is None or not database.exists():
        return ["the database file is missing"] if ledger.assessment_id is not None else []
    problems = check_sqlite(database)
    if problems or ledger.assessment_id is None:
        return problems
    connection = sqlite3.connect(database)
    try:
        problems += _check_answers(connection, ledger)
        problems += _check_evidence(connection, ledger, data_dir)
        problems += _check_items(connection, ledger)
    finally:
        connection.close()
    return problems


def _check_answers(connection: sqlite3.Connection, ledger: Ledger) -> list[str]:
    problems: list[str] = []
    rows = connection.execute(
        "SELECT question_id, status, level, numeric_value, justification, confidence, answered_by FROM answers WHERE assessment_id = ?",
        (ledger.assessment_id,),
    ).fetchall()
    stored = {row[0]: row[1:] for row in rows}
    for question_id, acknowledged in sorted(ledger.last_answer.items()):
        if question_id not in stored:
            problems.append(f"answer to {question_id} is missing (acknowledged save {acknowledged})")
            continue
        status, level, numeric_value, justification, confidence, answered_by = stored[question_id]
        counter = counter_of(justification)
        if counter is None:
            problems.append(f"answer to {question_id} has a justification no writer wrote: {justification[:60]!r}")
            continue
        if counter < acknowledged:
            problems.append(f"answer to {question_id} went back to save {counter}, but save {acknowledged} had been acknowledged")
        expected = expected_draft(counter)
        found = AnswerDraft(status=status, level=level, numeric_value=numeric_value, justification=justification,
                            confidence=confidence, answered_by=answered_by)
        if found != expected:
            wrong = [name for name in ("status", "level", "numeric_value", "justification", "confidence", "answered_by")
                     if getattr(found, name) != getattr(expected, name)]
            problems.append(f"answer to {question_id} (save {counter}) is not stored whole: {', '.join(wrong)} differ")
    history = {
        (question_id, counter_of(value))
        for question_id, value in connection.execute(
            "SELECT question_id, new_value FROM answer_changes WHERE assessment_id = ? AND field = 'justification'", (ledger.assessment_id,)
        )
    }
    missing = sorted(ledger.answers - history, key=lambda pair: pair[1])
    if missing:
        shown = ", ".join(f"{question_id} save {counter}" for question_id, counter in missing[:5])
        problems.append(f"{len(missing)} acknowledged saves are missing from the answer history: {shown}")
    return problems


def _check_evidence(connection: sqlite3.Connection, ledger: Ledger, data_dir: Path) -> list[str]:
    problems: list[str] = []
    rows = {row[0]: row[1:] for row in connection.execute("SELECT id, title, file_name, file_size FROM evidence WHERE assessment_id = ?",
                                                          (ledger.assessment_id,))}
    folder = AppPaths.under(data_dir).evidence_dir / f"assessment-{ledger.assessment_id}"
    for evidence_id, counter in sorted(ledger.evidence.items()):
        if evidence_id not in rows:
            if evidence_id in ledger.evidence_removing:
                continue  # a removal landed but was killed before it was acknowledged
            problems.append(f"evidence {evidence_id} (added with save {counter}) is missing")
            continue
        title, file_name, file_size = rows[evidence_id]
        if title != evidence_title(counter):
            problems.append(f"evidence {evidence_id} has the title {title!r}, not the acknowledged {evidence_title(counter)!r}")
        if file_name is not None:
            path = folder / file_name
            content = path.read_bytes() if path.exists() else None
            if content != evidence_bytes(counter) or file_size != len(evidence_bytes(counter)):
                problems.append(f"evidence {evidence_id}: its file {file_name} is {'missing' if content is None else 'not the file attached'}")
            elif not file_name.startswith(hashlib.sha256(content).hexdigest()):
                problems.append(f"evidence {evidence_id}: its file {file_name} is not named by its content")
    for evidence_id in sorted(ledger.evidence_removed & set(rows)):
        problems.append(f"evidence {evidence_id} was removed (acknowledged) but is back")
    return problems


def _check_items(connection: sqlite3.Connection, ledger: Ledger) -> list[str]:
    problems: list[str] = []
    rows = dict(connection.execute("SELECT id, name_en FROM register_items WHERE assessment_id = ?", (ledger.assessment_id,)).fetchall())
    for item_id, counter in sorted(ledger.items.items()):
        if item_id not in rows:
            if item_id in ledger.items_removing:
                continue
            problems.append(f"register item {item_id} (added with save {counter}) is missing")
        elif rows[item_id] != item_name(counter):
            problems.append(f"register item {item_id} is named {rows[item_id]!r}, not the acknowledged {item_name(counter)!r}")
    for item_id in sorted(ledger.items_removed & set(rows)):
        problems.append(f"register item {item_id} was removed (acknowledged) but is back")
    return problems


def check_app_reads(data_dir: Path, ledger: Ledger) -> list[str]:
    """The app opens the folder (recovering, migrating as it must) and reads every acknowledged answer."""
    try:
        service = ResilienceService.open(AppPaths.under(data_dir))
    except Exception as error:  # noqa: BLE001 - any failure to open is what this reports
        return [f"the app cannot open the database: {type(error).__name__}: {error}"]
    try:
        if ledger.assessment_id is None:
            return []
        answers = service.assessments.answers(ledger.assessment_id)
        problems = []
        for question_id, acknowledged in sorted(ledger.last_answer.items()):
            record = answers.get(question_id)
            counter = counter_of(record.answer.justification) if record else None
            if counter is None or counter < acknowledged:
                problems.append(f"the app reads {question_id} as {'missing' if record is None else f'save {counter}'}, "
                                f"but save {acknowledged} had been acknowledged")
        return problems
    finally:
        service.close()


# -- the driver -----------------------------------------------------------------------------------------


@dataclass
class KillReport:
    number: int
    kind: str
    delay: float  # seconds from the moment the kill was aimed from (start, #opening or #ready)
    stage: str  # where the writer was: starting, opening or saving
    acknowledged: int
    problems: list[str]


@dataclass
class TortureResult:
    kills: list[KillReport] = field(default_factory=list)
    ledger: Ledger = field(default_factory=Ledger)
    final_problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    logs: Path | None = None  # the writers' output and errors, kept when something failed

    @property
    def failures(self) -> list[str]:
        found = [f"kill {kill.number} ({kill.kind}, {kill.delay * 1000:.0f} ms, {kill.stage}): {problem}"
                 for kill in self.kills for problem in kill.problems]
        return found + [f"after the last kill: {problem}" for problem in self.final_problems]

    @property
    def ok(self) -> bool:
        return not self.failures


class WriterFailed(Exception):
    pass


class _Writer:
    """One writer process, its output in a file (so it never blocks on a full pipe)."""

    def __init__(self, data_dir: Path, logs: Path, name: str, *, start: int, seed: int, die_at: int | None = None) -> None:
        self.out_path, self.err_path = logs / f"{name}.out", logs / f"{name}.err"
        command = [sys.executable, str(THIS_FILE), "write", str(data_dir), "--start", str(start), "--seed", str(seed)]
        if die_at is not None:
            command += ["--die-at", str(die_at)]
        with self.out_path.open("wb") as out, self.err_path.open("wb") as err:
            self.process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        self.started = time.monotonic()

    def output(self) -> str:
        return self.out_path.read_text(encoding="utf-8", errors="replace")

    def errors(self) -> str:
        return self.err_path.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, tag: str) -> None:
        """Return once the writer printed `tag`; `WriterFailed` if it exits or stalls first."""
        while True:
            if any(line.split("\t")[0] == tag for line in self.output().splitlines()):
                return
            if self.process.poll() is not None:
                raise WriterFailed(self.exit_text())
            if time.monotonic() - self.started > READY_TIMEOUT:
                raise WriterFailed(f"the writer printed no {tag} within {READY_TIMEOUT:.0f} s")
            time.sleep(0.002)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()  # SIGKILL on POSIX
        self.process.wait()

    def killed(self) -> bool:
        return self.process.returncode == -signal.SIGKILL

    def exit_text(self) -> str:
        tail = self.errors().strip().splitlines()[-4:]
        return f"the writer exited by itself (code {self.process.poll()}): " + " | ".join(tail)


def _choose_kind(number: int, rng: random.Random, kinds: tuple[str, ...]) -> str:
    """Each allowed kind once, in the order of KINDS, then at random by weight."""
    if number <= len(kinds):
        return kinds[number - 1]
    return rng.choices(kinds, weights=[KIND_WEIGHTS[kind] for kind in kinds])[0]


def _stage(output: str) -> str:
    lines = output.splitlines()
    return "saving" if any(line.startswith("#ready\t") for line in lines) else "opening" if "#opening" in lines else "starting"


def run_torture(data_dir: Path, kills: int, seed: int, *, fresh: bool = True, progress: bool = False) -> TortureResult:
    """Kill a writer `kills` times on `data_dir`, checking after each kill; see the module's docstring.

    `fresh=False` leaves out the kills on a brand-new data folder (see `sweep_opening`)."""
    data_dir = data_dir.expanduser().resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    kinds = tuple(kind for kind in KINDS if fresh or kind != "fresh")
    work = Path(tempfile.mkdtemp(prefix="torture-"))
    logs, scratch, fresh_dir = work / "logs", work / "check", work / "fresh"
    logs.mkdir()
    rng = random.Random(seed)
    base = _highest_counter(data_dir) // COUNTER_SPAN + 1  # a folder tortured before keeps its counters apart
    result = TortureResult()
    ledger = result.ledger
    # How long opening takes, learned from the writers' #ready lines: all of it on the main folder,
    # the service's own open (checks and migrations) on a new one.
    seen: dict[str, list[float]] = {"main": [], "fresh": []}
    begun = time.monotonic()
    try:
        for number in range(1, kills + 1):
            kind = _choose_kind(number, rng, kinds)
            target = fresh_dir if kind == "fresh" else data_dir
            if kind == "fresh":
                shutil.rmtree(fresh_dir, ignore_errors=True)
            writer = _Writer(target, logs, f"kill-{number:04d}-{kind}", start=(base + number) * COUNTER_SPAN,
                             seed=rng.getrandbits(32))
            problems: list[str] = []
            delay = 0.0
            try:
                if kind == "spawn":
                    delay = rng.uniform(0.0, 0.15)
                elif kind in ("opening", "fresh"):
                    writer.wait_for("#opening")
                    delay = rng.uniform(0.0, _aim(seen["fresh" if kind == "fresh" else "main"], default=0.3))
                else:
                    writer.wait_for("#ready")
                    delay = 0.0 if kind == "ready" else rng.uniform(0.02, 0.4)
                time.sleep(delay)
            except WriterFailed as failure:
                problems.append(str(failure))
            writer.kill()
            if not problems and not writer.killed():
                problems.append(writer.exit_text())
            output = writer.output()
            if kind == "fresh":  # a folder of its own: nothing acknowledged, but the app must open it
                acknowledged = 0
                problems += check_database(fresh_dir, Ledger(), scratch=scratch) + check_app_reads(fresh_dir, Ledger())
            else:
                acknowledged = ledger.take(output)
                problems += check_database(data_dir, ledger, scratch=scratch)
            timing = _ready_timing(output)
            if timing is not None:
                if kind == "fresh" or number == 1:
                    seen["fresh"].append(timing[1])
                if kind != "fresh" and number > 1:
                    seen["main"].append(timing[0])
            report = KillReport(number, kind, delay, _stage(output), acknowledged, problems)
            result.kills.append(report)
            if progress:
                print(f"kill {number:4d}/{kills} {kind:8} {delay * 1000:5.0f} ms  {report.stage:8} +{acknowledged:4d} acknowledged "
                      f"({len(ledger.answers)} saves in all): {'ok' if not problems else 'FAILED'}", flush=True)
                for problem in problems:
                    print(f"    {problem}", flush=True)
            if problems and kind != "fresh":
                break  # the main folder is damaged: later checks would only repeat it
        if not any(kill.problems for kill in result.kills if kill.kind != "fresh"):
            result.final_problems = check_app_reads(data_dir, ledger)
    finally:
        result.seconds = time.monotonic() - begun
        if result.ok:
            shutil.rmtree(work, ignore_errors=True)
        else:
            result.logs = logs
    return result


def _highest_counter(data_dir: Path) -> int:
    """The highest counter an earlier run on this folder saved with (0 for a new folder)."""
    database = data_dir / DATABASE_FILE_NAME
    if not database.exists():
        return 0
    connection = sqlite3.connect(database)
    try:
        values = connection.execute("SELECT new_value FROM answer_changes WHERE field = 'justification'").fetchall()
    except sqlite3.Error:
        return 0
    finally:
        connection.close()
    return max((counter_of(value) or 0 for (value,) in values), default=0)


def _aim(seen: list[float], *, default: float) -> float:
    """How long to aim over: a little past the usual time (the median, so one slow start does not stretch it)."""
    return 1.3 * statistics.median(seen) if seen else default


def _ready_timing(output: str) -> tuple[float, float] | None:
    """(seconds from #opening to #ready, seconds in ResilienceService.open), as the writer printed them."""
    for line in output.splitlines(keepends=True):
        fields = line.rstrip("\n").split("\t")
        if fields[0] == "#ready" and len(fields) == 4 and line.endswith("\n"):
            return float(fields[2]), float(fields[3])
    return None


@dataclass
class SweepPoint:
    number: int  # the writer was killed just before its number-th statement
    statement: str
    problems: list[str]


def sweep_opening(work: Path, *, limit: int = 1000, progress: bool = False) -> list[SweepPoint]:
    """Kill a writer opening a brand-new folder before each of its SQL statements in turn, and check each folder.

    Stops at the first statement after the writer was ready (opening is over)."""
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    points: list[SweepPoint] = []
    for number in range(1, limit + 1):
        target = work / "fresh"
        shutil.rmtree(target, ignore_errors=True)
        writer = _Writer(target, logs, f"sweep-{number:04d}", start=0, seed=number, die_at=number)
        try:
            writer.process.wait(timeout=READY_TIMEOUT)
        except subprocess.TimeoutExpired:
            writer.kill()
            points.append(SweepPoint(number, "", [f"the writer neither died nor got ready within {READY_TIMEOUT:.0f} s"]))
            break
        if "#ready" in writer.output():
            break
        if not writer.killed():
            points.append(SweepPoint(number, "", [writer.exit_text()]))
            break
        died = [line for line in writer.errors().splitlines() if line.startswith("torture: killed before statement")]
        statement = died[-1].split(": ", 2)[-1] if died else "?"
        problems = check_database(target, Ledger(), scratch=work / "check") + check_app_reads(target, Ledger())
        points.append(SweepPoint(number, statement, problems))
        if progress:
            print(f"statement {number:4d} {'ok    ' if not problems else 'FAILED'} {statement[:90]}", flush=True)
            for problem in problems:
                print(f"    {problem}", flush=True)
    return points


def backup_notes(data_dir: Path) -> list[str]:
    """What the start-up backups look like after the kills (informational: the checks above decide)."""
    backups = sorted((data_dir / "backups").glob("*.sqlite3"))
    unusable = []
    for backup in backups:
        try:
            connection = sqlite3.connect(f"file:{backup}?mode=ro&immutable=1", uri=True)  # leaves no -wal or -shm behind
            try:
                sound = connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok" and connection.execute(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'answers'").fetchone()[0] == 1
            finally:
                connection.close()
        except sqlite3.Error:
            sound = False
        if not sound:
            unusable.append(backup.name)
    leftovers = sorted(path.name for path in (data_dir / "backups").glob("*") if not path.name.endswith(".sqlite3"))
    notes = [f"{len(backups)} backups kept, {len(unusable)} of them empty or damaged" + (f": {', '.join(unusable)}" if unusable else "")]
    if leftovers:
        notes.append(f"{len(leftovers)} other files in the backups folder: {', '.join(leftovers[:5])}")
    return notes


# -- command line ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["write"]:
        parser = argparse.ArgumentParser(prog="torture.py write", description="The writer the driver starts and kills.")
        parser.add_argument("data_dir", type=Path)
        parser.add_argument("--start", type=int, required=True, help="the counter the saves count on from")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--die-at", type=int, default=None, help="SIGKILL itself just before its N-th SQL statement")
        parser.add_argument("--die-before", default=None, help="SIGKILL itself just before the first SQL statement containing this")
        options = parser.parse_args(arguments[1:])
        if options.die_at is not None or options.die_before is not None:
            die_before(number=options.die_at, containing=options.die_before)
        write(options.data_dir, start=options.start, seed=options.seed)
        return 0
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None, help="the seed of the kill schedule (default: a new one, printed)")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="a data folder for the torture alone: it saves into its first assessment (default: a new temporary one)")
    parser.add_argument("--no-fresh", action="store_true", help="leave out the kills on a brand-new folder")
    parser.add_argument("--sweep-opening", action="store_true",
                        help="also kill a writer opening a brand-new folder before each SQL statement in turn")
    options = parser.parse_args(arguments)
    if os.name != "posix":
        print("The torture test needs POSIX signals (SIGKILL).", file=sys.stderr)
        return 2
    seed = options.seed if options.seed is not None else random.SystemRandom().randrange(1_000_000)
    temporary = options.data_dir is None
    data_dir = options.data_dir or Path(tempfile.mkdtemp(prefix="torture-data-")) / "data"
    print(f"torture: {options.kills} kills, seed {seed}, data folder {data_dir}", flush=True)
    result = run_torture(data_dir, options.kills, seed, fresh=not options.no_fresh, progress=True)
    ledger = result.ledger
    kinds = Counter(kill.kind for kill in result.kills)
    stages = Counter(kill.stage for kill in result.kills)
    print(f"\n{len(result.kills)} kills in {result.seconds:.1f} s: {', '.join(f'{kind} {n}' for kind, n in sorted(kinds.items()))}; "
          f"the writer was {', '.join(f'{stage} {n}' for stage, n in sorted(stages.items()))}")
    print(f"{len(ledger.answers)} acknowledged saves over {len(ledger.last_answer)} questions; "
          f"{len(ledger.evidence)} evidence and {len(ledger.items)} register items kept, "
          f"{len(ledger.evidence_removed)} and {len(ledger.items_removed)} removed")
    for note in backup_notes(data_dir.expanduser().resolve()):
        print(f"note: {note}")
    failures = list(result.failures)
    if options.sweep_opening:
        print("\nsweep: a writer opening a new folder, killed before each SQL statement in turn", flush=True)
        sweep_work = Path(tempfile.mkdtemp(prefix="torture-sweep-"))
        started = time.monotonic()
        points = sweep_opening(sweep_work, progress=True)
        bad = [point for point in points if point.problems]
        print(f"sweep: {len(points)} statements in {time.monotonic() - started:.1f} s, {len(bad)} leave a folder the app cannot use")
        failures += [f"sweep, killed before statement {point.number} ({point.statement[:60]}): {problem}"
                     for point in bad for problem in point.problems]
        if not bad:
            shutil.rmtree(sweep_work, ignore_errors=True)
    if failures:
        print(f"\nFAILED (repeat with: python tools/torture.py --kills {options.kills} --seed {seed}"
              f"{' --no-fresh' if options.no_fresh else ''}{' --sweep-opening' if options.sweep_opening else ''}):")
        for failure in failures:
            print(f"  {failure}")
        print(f"data folder kept: {data_dir}" + (f"; writers' output and errors: {result.logs}" if result.logs else ""))
        return 1
    print("ok: every acknowledged save survived every kill, and the app opens the database")
    if temporary:
        shutil.rmtree(data_dir.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
