"""Azure Blob store (azure-storage-blob). The replica of a replicated deployment."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from azure.core.exceptions import (
    AzureError,
    HttpResponseError,
    ResourceExistsError,
    ResourceNotFoundError,
)
from azure.storage.blob import ContainerClient

from .base import NotFound, StoreRefused, StoreUnavailable, check_key


class AzureStore:
    name = "azure"

    def __init__(
        self,
        container: str,
        connection_string: str | None = None,
        account_url: str | None = None,
        timeout: float = 5.0,
    ) -> None:
        # No SDK retries: its exponential policy starts at 15 s, which would stall requests while Azure is down.
        # Failed copies are retried by the reconciler instead.
        opts: dict[str, Any] = {"connection_timeout": timeout, "read_timeout": timeout, "retry_total": 0}
        if connection_string:
            self.client = ContainerClient.from_connection_string(connection_string, container, **opts)
        elif account_url:
            # Workload identity on AKS; azure-identity is only needed for this path.
            from azure.identity import DefaultAzureCredential

            self.client = ContainerClient(account_url, container, credential=DefaultAzureCredential(), **opts)
        else:
            raise ValueError("azure store needs QRDESK_SYNC_AZURE_CONNECTION_STRING or QRDESK_SYNC_AZURE_ACCOUNT_URL")

    def _translate(self, err: Exception, key: str) -> Exception:
        if isinstance(err, ResourceNotFoundError):
            return NotFound(key)
        if isinstance(err, HttpResponseError) and err.status_code is not None and err.status_code < 500:
            if err.status_code == 404:
                return NotFound(key)
            if err.status_code == 429:
                return StoreUnavailable("azure 429 throttled")
            return StoreRefused("azure", err.status_code, str(getattr(err, "error_code", "") or ""))
        return StoreUnavailable(f"azure unreachable: {type(err).__name__}")

    def get(self, key: str) -> bytes:
        try:
            return self.client.download_blob(check_key(key)).readall()
        except AzureError as err:
            raise self._translate(err, key) from None

    def iter_chunks(self, key: str, chunk_size: int = 65536) -> Iterator[bytes]:
        try:
            return self.client.download_blob(check_key(key)).chunks()
        except AzureError as err:
            raise self._translate(err, key) from None

    def size(self, key: str) -> int | None:
        try:
            return int(self.client.get_blob_client(check_key(key)).get_blob_properties().size)
        except AzureError as err:
            translated = self._translate(err, key)
            if isinstance(translated, NotFound):
                return None
            raise translated from None

    def put(self, key: str, data: bytes) -> None:
        try:
            self.client.upload_blob(check_key(key), data, overwrite=True)
        except AzureError as err:
            raise self._translate(err, key) from None

    def put_if_absent(self, key: str, data: bytes | BinaryIO) -> bool:
        try:
            self.client.upload_blob(check_key(key), data, overwrite=False)
            return True
        except ResourceExistsError:
            return False  # 409 BlobAlreadyExists: Azure's answer to a create-only write on an existing blob
        except AzureError as err:
            if isinstance(err, HttpResponseError) and err.status_code in (409, 412):
                return False
            raise self._translate(err, key) from None

    def list(self, prefix: str, start_after: str | None = None) -> list[str]:
        try:
            names = [b.name for b in self.client.list_blobs(name_starts_with=prefix)]
        except AzureError as err:
            raise self._translate(err, prefix) from None
        names.sort()
        if start_after:
            names = [n for n in names if n > start_after]
        return names

    def ping(self) -> None:
        # Same probe as S3: a one-page list of `_system/` (the blob-list data permission the service uses).
        try:
            pages = self.client.list_blobs(name_starts_with="_system/", results_per_page=1).by_page()
            list(next(pages, []))
        except AzureError as err:
            raise self._translate(err, "_system/") from None

    def ensure_container(self) -> None:
        with contextlib.suppress(ResourceExistsError):
            self.client.create_container()
