"""Open the Dask client for ``--cluster``: one clear line when the scheduler cannot be reached
or has no workers, never a raw traceback from the library."""
from __future__ import annotations

from typing import Optional

from govdoc.errors import ClusterError

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler
WORKERS_TIMEOUT = 60.0  # seconds to wait for a first worker to join


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def connect(address: str, timeout: float = CONNECT_TIMEOUT, workers_timeout: float = WORKERS_TIMEOUT):
    """A ``distributed.Client`` on ``address`` (``tcp://HOST:PORT``) with at least one worker."""
    from distributed import Client

    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except Exception as exc:  # noqa: BLE001 - refused, unreachable, bad address: all one line
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {_reason(exc)}") from None
    try:
        client.wait_for_workers(1, timeout=workers_timeout)
    except Exception:  # noqa: BLE001 - distributed raises TimeoutError here
        close(client)
        raise ClusterError(f"the Dask scheduler at {address} has no workers (none joined within "
                           f"{workers_timeout:g} s); start some with: dask worker {address} --nthreads 1") from None
    return client


def close(client: Optional[object]) -> None:
    if client is None:
        return
    try:
        client.close(timeout=5)
    except Exception:  # noqa: BLE001 - a scheduler already gone: nothing left to close
        pass


def allowed_failures(dask_scheduler=None) -> int:
    """Run on the scheduler: how many worker deaths a task survives before it is given up."""
    return dask_scheduler.allowed_failures
