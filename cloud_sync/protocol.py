"""Wire models shared by the desktop sync client and the sync service.

Plain pydantic only: no Qt, no FastAPI, nothing from ``app`` (an import contract holds it so). The service's
OpenAPI schema is generated from these models, so changing a field here changes the contract for both sides.

These models fix the shape of what travels. What a record may hold is checked by
:func:`cloud_sync.records.check_record` (the shape plus :mod:`cloud_sync.checks`): the service refuses at push
what could not round-trip (with a reason per record), and a client checks each pulled record the same way
before applying it. Pages and conflict answers carry records as plain objects, so one bad stored record can
never make a whole page unreadable.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from cloud_sync import checks

SHA256_PATTERN = r"^[0-9a-f]{64}$"
# Client-made ids are UUIDs; the pattern keeps them safe to use inside object keys (no "/", no "..").
RECORD_ID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
DEVICE_ID_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"

MAX_INT = checks.MAX_SAFE_INT
Sha256 = Annotated[str, Field(pattern=SHA256_PATTERN, description="Lower-case hex SHA-256 of the content")]
RecordId = Annotated[str, Field(pattern=RECORD_ID_PATTERN, description="Client-generated UUID")]
DeviceId = Annotated[str, Field(pattern=DEVICE_ID_PATTERN)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BlobRef(_Model):
    """A rendered file or logo attached to a record, by the hash of its bytes in the blob store."""

    kind: Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[a-z0-9_-]+$")]
    sha256: Sha256
    size: Annotated[int, Field(ge=0, le=MAX_INT)]


class Record(_Model):
    """One library item as it travels on the wire.

    `rev` is the log sequence number that committed this version (set by the server); `base_rev` is the rev the
    client's edit was based on (0 for a record the client believes is new).
    """

    id: RecordId
    rev: Annotated[int, Field(ge=0, le=MAX_INT)] = 0
    base_rev: Annotated[int, Field(ge=0, le=MAX_INT)] = 0
    device_id: DeviceId | None = None
    updated_at: Annotated[str, Field(max_length=64, description="seconds since 1970 as text")] = ""
    deleted: bool = False
    content_hash: Annotated[str, Field(pattern=r"^([0-9a-f]{64})?$")] = ""
    payload: dict[str, Any] = Field(default_factory=dict, description="spec, name, tags, notes, trashed")
    files: Annotated[list[BlobRef], Field(max_length=32)] = Field(default_factory=list)
    conflict_of: RecordId | None = None


class PushRequest(_Model):
    """``changes`` are :class:`Record` objects; the server checks each on its own and answers a bad one with
    ``rejected`` and the reason, so one bad record never holds back the good ones of the same push."""

    device_id: DeviceId
    idempotency_key: Annotated[str, Field(min_length=8, max_length=128, pattern=r"^[A-Za-z0-9._:-]+$")]
    changes: Annotated[list[Any], Field(min_length=1, max_length=500)]

    @field_validator("changes", mode="before")
    @classmethod
    def _records_as_objects(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [v.model_dump(mode="json") if isinstance(v, Record) else v for v in value]
        return value


class PushResult(_Model):
    """Outcome for one pushed record.

    - `applied`: committed at `rev` (or already identical on the server, then `rev` is the server's rev).
    - `conflict`: `base_rev` was stale; `server` holds the current server record to merge against.
    - `missing_blobs`: upload the listed blobs first, then push again.
    - `rejected`: the record is invalid (`reason` says why); nothing was stored for it.
    """

    id: Annotated[str, Field(max_length=36, description="the record's id ('' when it had no valid id)")]
    status: Literal["applied", "conflict", "missing_blobs", "rejected"]
    rev: int | None = None
    server: dict[str, Any] | None = Field(default=None, description="the server's current Record (on conflict)")
    missing: list[Sha256] = Field(default_factory=list)
    reason: str | None = None


class PushResponse(_Model):
    results: list[PushResult]
    head: int
    replayed: bool = Field(False, description="True when this answer was stored for a retried idempotency key")


class ChangesPage(_Model):
    # Any JSON value: whatever is stored is served, and a reader checks each one (a bad one never hides a page).
    changes: list[Any] = Field(description="Records as stored, oldest first; check each one")
    cursor: str
    has_more: bool


class LibraryInfo(_Model):
    library_id: str
    epoch: int
    head: int


class ErrorBody(_Model):
    detail: str
    request_id: str | None = None


class MissingBlobsRequest(_Model):
    sha256: Annotated[list[Sha256], Field(min_length=1, max_length=1000)]


class MissingBlobsResponse(_Model):
    missing: list[Sha256]


# Packs (docs/sync-protocol.md, "Packs"): small blobs travel many to a request, in frames (cloud_sync.frames).
PACK_BLOB_MAX = 1 << 20  # a blob up to this size may travel in a pack; a larger one is PUT alone
PACK_BLOBS_MAX = 1000  # blobs per pack, and per fetch


class FetchBlobsRequest(MissingBlobsRequest):
    """The blobs to send back, as frames; one the server does not have is left out."""


class PackResponse(_Model):
    pack: Sha256 = Field(description="the pack's id: the SHA-256 of its blobs, one after the other")
    blobs: int = Field(description="how many distinct blobs it holds")


UserName = Annotated[str, Field(min_length=1, max_length=64)]
Secret = Annotated[str, Field(min_length=1, max_length=1024)]


class LoginRequest(_Model):
    """Sign a device in with exactly one of ``password``, ``enrollment_code`` (one-time, from
    ``sync-service user add --enrollment-code``; ``new_password`` then sets the password) or ``pairing_code``
    (one-time, made by a signed-in device)."""

    user: UserName
    device_id: DeviceId
    device_name: Annotated[str, Field(min_length=1, max_length=100)]
    password: Secret | None = None
    enrollment_code: Annotated[str, Field(max_length=64)] | None = None
    pairing_code: Annotated[str, Field(max_length=64)] | None = None
    new_password: Secret | None = None

    @model_validator(mode="after")
    def _one_secret(self) -> LoginRequest:
        given = [s for s in (self.password, self.enrollment_code, self.pairing_code) if s is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of password, enrollment_code and pairing_code")
        checks.text(self.device_name, "device_name", 100)  # pydantic lets a lone surrogate through
        return self


class LoginResponse(_Model):
    user: str
    device_id: str
    token: str = Field(description="Bearer token of this device; shown once, keep it in the OS keyring")


class PairingCode(_Model):
    code: str
    expires_in: int = Field(description="seconds")


class DeviceInfo(_Model):
    device_id: str
    name: str
    signed_in_at: str
    revoked: bool
    current: bool = Field(False, description="the device asking")


class DeviceList(_Model):
    user: str
    devices: list[DeviceInfo]
