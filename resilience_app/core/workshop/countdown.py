"""The exercise timer: a countdown that can be started, paused and reset, read from any clock."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from resilience_app.core.formatting import localise_digits


class Countdown:
    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.duration = max(0.0, seconds)
        self._spent = 0.0  # before the current run
        self._started_at: float | None = None

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def spent(self) -> float:
        running = self._clock() - self._started_at if self._started_at is not None else 0.0
        return self._spent + running

    def remaining(self) -> float:
        return max(0.0, self.duration - self.spent())

    @property
    def finished(self) -> bool:
        return self.duration > 0 and self.remaining() == 0

    def start(self) -> None:
        if self._started_at is None and not self.finished:
            self._started_at = self._clock()

    def pause(self) -> None:
        if self._started_at is not None:
            self._spent = self.spent()
            self._started_at = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self, seconds: float | None = None) -> None:
        if seconds is not None:
            self.duration = max(0.0, seconds)
        self._spent, self._started_at = 0.0, None


def format_clock(seconds: float, language: str | None = None) -> str:
    """Minutes and seconds left, rounded up so "00:00" means the time is up: "12:05", "١٢:٠٥" in Arabic."""
    whole = math.ceil(seconds - 1e-9)
    return localise_digits(f"{whole // 60:02d}:{whole % 60:02d}", language=language)
