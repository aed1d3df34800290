"""Wire models shared by the desktop sync client and the sync service.

Plain pydantic only: no Qt, no FastAPI. The service's OpenAPI schema is generated from these models, so
changing a field here changes the contract for both sides.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SHA256_PATTERN = r"^[0-9a-f]{64}$"
# Client-made ids are UUIDs; the pattern keeps them safe to use inside object keys (no "/", no "..").
RECORD_ID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
DEVICE_ID_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"

Sha256 = Annotated[str, Field(pattern=SHA256_PATTERN, description="Lower-case hex SHA-256 of the content")]
RecordId = Annotated[str, Field(pattern=RECORD_ID_PATTERN, description="Client-generated UUID")]
DeviceId = Annotated[str, Field(pattern=DEVICE_ID_PATTERN)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FileRef(_Model):
    """A rendered file or logo attached to a record; the bytes live in the blob store."""

    kind: Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[a-z0-9_-]+$")]
    sha256: Sha256
    size: Annotated[int, Field(ge=0)]


class Record(_Model):
    """One library item as it travels on the wire.

    `rev` is the log sequence number that committed this version (set by the server); `base_rev` is the rev the
    client's edit was based on (0 for a record the client believes is new).
    """

    id: RecordId
    rev: Annotated[int, Field(ge=0)] = 0
    base_rev: Annotated[int, Field(ge=0)] = 0
    device_id: DeviceId | None = None
    updated_at: Annotated[str, Field(max_length=64)] = ""
    deleted: bool = False
    content_hash: Annotated[str, Field(max_length=128)] = ""
    payload: dict[str, Any] = Field(default_factory=dict)
    files: Annotated[list[FileRef], Field(max_length=32)] = Field(default_factory=list)
    conflict_of: RecordId | None = None


class PushRequest(_Model):
    device_id: DeviceId
    idempotency_key: Annotated[str, Field(min_length=8, max_length=128, pattern=r"^[A-Za-z0-9._:-]+$")]
    changes: Annotated[list[Record], Field(min_length=1, max_length=500)]


class PushResult(_Model):
    """Outcome for one pushed record.

    - `applied`: committed at `rev` (or already identical on the server, then `rev` is the server's rev).
    - `conflict`: `base_rev` was stale; `server` holds the current server record to merge against.
    - `missing_blobs`: upload the listed blobs first, then push again.
    """

    id: RecordId
    status: Literal["applied", "conflict", "missing_blobs"]
    rev: int | None = None
    server: Record | None = None
    missing: list[Sha256] = Field(default_factory=list)


class PushResponse(_Model):
    results: list[PushResult]
    head: int
    replayed: bool = Field(False, description="True when this answer was stored for a retried idempotency key")


class ChangesPage(_Model):
    changes: list[Record]
    cursor: str
    has_more: bool


class LibraryInfo(_Model):
    library_id: str
    epoch: int
    head: int


class ErrorBody(_Model):
    detail: str
    request_id: str | None = None
