"""Service settings, read from QRDESK_SYNC_* environment variables (and ``qrdesk-sync.env`` in the working
directory, written by ``sync-service init``; the environment wins)."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_FILE = "qrdesk-sync.env"
MIN_SECRET_CHARS = 16


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QRDESK_SYNC_", extra="ignore", env_file=ENV_FILE)

    store: Literal["local", "s3", "azure", "s3+azure"] = "local"
    data_dir: Path = Path("./qrdesk-sync-data")
    s3_bucket: str = "qrdesk-sync"
    s3_region: str = "us-east-1"
    s3_endpoint_url: str | None = None
    azure_account_url: str | None = None
    azure_container: str = "qrdesk-sync"
    azure_connection_string: SecretStr | None = None
    # No usable defaults: check_secrets() refuses to start without real ones.
    cursor_key: SecretStr = SecretStr("")
    token_pepper: SecretStr = SecretStr("")
    max_body_bytes: int = 1_048_576
    max_blob_bytes: int = 25 * 1_048_576
    # The reconciler reads only the replication journal, on the Lease holder only: a short interval is cheap.
    reconcile_interval_seconds: float = 10.0
    full_sweep_hours: float = 24.0
    log_level: str = "INFO"
    # A revoked token stops working on every instance within this time (each instance caches lookups).
    token_cache_seconds: float = Field(default=0.5, ge=0, le=1.0)
    storage_timeout_seconds: float = 5.0
    # Bounded, cached store health (/readyz, degraded mode, failover generation): one check per store per
    # interval, each given at most health_timeout_seconds (capped at 1 s).
    health_interval_seconds: float = 5.0
    health_timeout_seconds: Annotated[float, Field(gt=0, le=1.0)] = 1.0
    # After promote-replica / fail-back no pod writes for this long, so every pod has seen the switch first.
    failover_settle_seconds: float = 12.0
    # Fencing against a split between the clouds (0: off): commit only while Azure's generation pointer was read
    # within this many seconds. Must exceed one health round (interval + 2 x timeout), and the settle time must
    # cover it plus one storage call (check_fencing). docs/deploy.md, "Split brain and fencing".
    fence_seconds: float = Field(default=0.0, ge=0)
    # Leader election for the reconciler: "single" (this process is the only one), or "kubernetes" (a Lease).
    leader_election: Literal["single", "kubernetes"] = "single"
    lease_name: str = "sync-service-reconciler"
    lease_seconds: int = 15
    pod_name: str = ""
    pod_namespace: str = "qrdesk"
    kubernetes_api_url: str | None = None  # default: the in-cluster service (KUBERNETES_SERVICE_HOST)
    push_retry_after_seconds: int = 5
    changes_max_limit: int = 1000
    changes_max_bytes: int = 1_048_576  # a feed page stops at this many bytes of records (at least one entry)
    log_cache_bytes: int = 64 * 1_048_576  # cached log entries, all libraries together
    # Sign-in: failed attempts per user name and attempts per client address (token buckets per instance).
    login_user_burst: int = 5
    login_user_refill_seconds: float = 30.0
    login_address_burst: int = 20
    login_address_refill_seconds: float = 3.0
    enrollment_code_hours: float = 72.0
    # Argon2id cost (argon2-cffi's defaults, RFC 9106's low-memory profile); lower only on tiny machines.
    password_time_cost: int = Field(default=3, ge=1)
    password_memory_kib: int = Field(default=65_536, ge=8_192)
    pairing_code_minutes: float = 10.0

    @model_validator(mode="after")
    def check_fencing(self) -> Settings:
        if self.fence_seconds <= 0:
            return self
        round_seconds = self.health_interval_seconds + 2 * self.health_timeout_seconds
        if self.fence_seconds <= round_seconds:
            raise ValueError(
                f"QRDESK_SYNC_FENCE_SECONDS ({self.fence_seconds:g}) must exceed one health round "
                f"(QRDESK_SYNC_HEALTH_INTERVAL_SECONDS + 2 x QRDESK_SYNC_HEALTH_TIMEOUT_SECONDS = {round_seconds:g}), "
                "or every pause between two checks would stop writes")
        needed = self.fence_seconds + self.storage_timeout_seconds
        if self.failover_settle_seconds < needed:
            raise ValueError(
                f"QRDESK_SYNC_FAILOVER_SETTLE_SECONDS ({self.failover_settle_seconds:g}) must be at least "
                f"QRDESK_SYNC_FENCE_SECONDS + QRDESK_SYNC_STORAGE_TIMEOUT_SECONDS ({needed:g}): a pod that cannot "
                "see a promotion must have stopped committing before the new commit point starts")
        return self

    def check_secrets(self) -> None:
        """Raise :class:`InsecureSettings` naming every secret that is missing, a known default or too short."""
        problems = []
        for name in ("cursor_key", "token_pepper"):
            value = getattr(self, name).get_secret_value()
            env = f"QRDESK_SYNC_{name.upper()}"
            if not value:
                problems.append(f"{env} is not set")
            elif "change-me" in value or len(value) < MIN_SECRET_CHARS:
                problems.append(f"{env} is a default or shorter than {MIN_SECRET_CHARS} characters")
        if problems:
            raise InsecureSettings(
                "refusing to start: " + "; ".join(problems) + ". Run `sync-service init` once to write fresh "
                f"secrets to {ENV_FILE}, or set them yourself (e.g. `openssl rand -hex 32`)")


class InsecureSettings(ValueError):
    """The service would run with missing or guessable secrets."""


def new_env_file(data_dir: str) -> str:
    """The text of a fresh ``qrdesk-sync.env``: the data folder and two random secrets."""
    return (f"QRDESK_SYNC_DATA_DIR={data_dir}\n"
            f"QRDESK_SYNC_CURSOR_KEY={secrets.token_hex(32)}\n"
            f"QRDESK_SYNC_TOKEN_PEPPER={secrets.token_hex(32)}\n")
