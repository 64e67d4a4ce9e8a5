"""Cluster ingest: the Dask client side of ``govdoc ingest --cluster tcp://HOST:8786``.

The coordinator (the ``govdoc ingest`` process) walks, plans, records state and indexes exactly
as without a cluster; only the parsing goes to the workers of a Dask distributed cluster, which
run the same worker function (:func:`govdoc.ingest.worker.parse_one`) and send the letter's JSON
and normalized text back.  ``connect`` opens the client, ``ClusterDispatch`` submits, collects
and retries.
"""
from govdoc.cluster.connect import connect
from govdoc.cluster.dispatch import ClusterDispatch

__all__ = ["connect", "ClusterDispatch"]
