"""The reading deadline cannot be lost: Python swallows an exception raised inside a gc
callback or a __del__ (CI saw the deadline fire inside hypothesis' gc callback), so the alarm
fires again while the guarded block still runs."""

from __future__ import annotations

import signal

import pytest

from analyzer.documents.limits import GuardTripped, deadline

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "setitimer"), reason="the deadline uses POSIX interval timers"
)


def _spin_until_tripped(rounds: int = 10**9) -> None:
    for _ in range(rounds):  # ends when the alarm raises GuardTripped
        sum(range(1000))


def test_a_swallowed_deadline_fires_again() -> None:
    with pytest.raises(GuardTripped, match="took longer than 0.01 s"), deadline(0.01):
        try:
            _spin_until_tripped()
        except GuardTripped:
            pass  # swallowed, as a gc callback would
        _spin_until_tripped(500_000)  # seconds of work: a lost deadline fails, not hangs
    # the timer is cleared once the block is left
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
