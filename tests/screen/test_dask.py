"""The same screen run on a Dask LocalCluster gives the same bytes as in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.models import JobPosting
from analyzer.screen import Executor, ScreenFormat, ScreenOptions, run_screen
from analyzer.settings import Settings

distributed = pytest.importorskip("distributed")


def test_dask_local_cluster_and_scheduler_address_match_in_process(
    workdir: Path, posting: JobPosting
) -> None:
    def screen(**options: object) -> str:
        opts = ScreenOptions(fmt=ScreenFormat.JSONL, **options)  # type: ignore[arg-type]
        return run_screen(["resumes"], posting, Settings(), opts).text

    local = screen(jobs=1)
    assert screen(executor=Executor.DASK, jobs=2) == local
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        assert screen(executor=Executor.DASK, scheduler=cluster.scheduler_address) == local
