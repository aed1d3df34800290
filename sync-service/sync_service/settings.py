"""Service settings, read from QRDESK_SYNC_* environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="QRDESK_SYNC_", extra="ignore")

    store: Literal["local", "s3", "azure", "s3+azure"] = "local"
    data_dir: Path = Path("./qrdesk-sync-data")
    s3_bucket: str = "qrdesk-sync"
    s3_region: str = "us-east-1"
    s3_endpoint_url: str | None = None
    azure_account_url: str | None = None
    azure_container: str = "qrdesk-sync"
    azure_connection_string: SecretStr | None = None
    cursor_key: SecretStr = SecretStr("dev-cursor-key-change-me")
    token_pepper: SecretStr = SecretStr("dev-token-pepper-change-me")
    max_body_bytes: int = 1_048_576
    max_blob_bytes: int = 25 * 1_048_576
    # The reconciler reads only the replication journal, on the Lease holder only: a short interval is cheap.
    reconcile_interval_seconds: float = 10.0
    full_sweep_hours: float = 24.0
    log_level: str = "INFO"
    token_cache_seconds: float = 5.0
    storage_timeout_seconds: float = 5.0
    # Bounded, cached store health (/readyz, degraded mode, failover generation): one check per store per
    # interval, each given at most health_timeout_seconds (capped at 1 s).
    health_interval_seconds: float = 5.0
    health_timeout_seconds: Annotated[float, Field(gt=0, le=1.0)] = 1.0
    # After promote-replica / fail-back no pod writes for this long, so every pod has seen the switch first.
    failover_settle_seconds: float = 12.0
    # Leader election for the reconciler: "single" (this process is the only one), or "kubernetes" (a Lease).
    leader_election: Literal["single", "kubernetes"] = "single"
    lease_name: str = "sync-service-reconciler"
    lease_seconds: int = 15
    pod_name: str = ""
    pod_namespace: str = "qrdesk"
    kubernetes_api_url: str | None = None  # default: the in-cluster service (KUBERNETES_SERVICE_HOST)
    push_retry_after_seconds: int = 5
    changes_max_limit: int = 1000
