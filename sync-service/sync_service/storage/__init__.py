"""Object stores behind one interface: local directory, S3, Azure Blob, and S3 replicated to Azure."""

from __future__ import annotations

from ..settings import Settings
from .base import NotFound, ObjectStore, StoreError, StoreRefused, StoreUnavailable, check_key
from .instrumented import InstrumentedStore
from .local import LocalStore
from .replicated import ReplicatedStore

__all__ = [
    "InstrumentedStore", "LocalStore", "NotFound", "ObjectStore", "ReplicatedStore", "StoreError", "StoreRefused",
    "StoreUnavailable", "build_store", "check_key",
]


def _s3(settings: Settings) -> ObjectStore:
    from .s3 import S3Store

    return S3Store(settings.s3_bucket, settings.s3_region, settings.s3_endpoint_url, settings.storage_timeout_seconds)


def _azure(settings: Settings) -> ObjectStore:
    from .azure import AzureStore

    conn = settings.azure_connection_string.get_secret_value() if settings.azure_connection_string else None
    return AzureStore(settings.azure_container, conn, settings.azure_account_url, settings.storage_timeout_seconds)


def build_store(settings: Settings) -> ObjectStore:
    """The store the settings ask for, instrumented per backend."""
    if settings.store == "local":
        return InstrumentedStore(LocalStore(settings.data_dir))
    if settings.store == "s3":
        return InstrumentedStore(_s3(settings))
    if settings.store == "azure":
        return InstrumentedStore(_azure(settings))
    return ReplicatedStore(InstrumentedStore(_s3(settings)), InstrumentedStore(_azure(settings)),
                           settle_seconds=settings.failover_settle_seconds, fence_seconds=settings.fence_seconds)


def backend_names(settings: Settings) -> list[str]:
    return {"local": ["local"], "s3": ["s3"], "azure": ["azure"], "s3+azure": ["s3", "azure"]}[settings.store]
