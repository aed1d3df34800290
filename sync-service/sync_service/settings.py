"""Service settings, read from QRDESK_SYNC_* environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import SecretStr
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
    reconcile_interval_seconds: float = 30.0
    log_level: str = "INFO"
    token_cache_seconds: float = 5.0
    storage_timeout_seconds: float = 5.0
    push_retry_after_seconds: int = 5
    changes_max_limit: int = 1000
