"""S3 store (boto3). S3 is the commit point of a replicated deployment."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from .base import NotFound, StoreRefused, StoreUnavailable, check_key


class S3Store:
    name = "s3"

    def __init__(self, bucket: str, region: str, endpoint_url: str | None = None, timeout: float = 5.0) -> None:
        self.bucket = bucket
        config = Config(
            region_name=region,
            connect_timeout=timeout,
            read_timeout=timeout,
            retries={"max_attempts": 2, "mode": "standard"},
            s3={"addressing_style": "path"},
        )
        self.client = boto3.client("s3", endpoint_url=endpoint_url, config=config)

    @staticmethod
    def _status(err: ClientError) -> int:
        return int(err.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0))

    def _translate(self, err: Exception, key: str) -> Exception:
        if isinstance(err, ClientError):
            status = self._status(err)
            code = err.response.get("Error", {}).get("Code", "")
            if status == 404 or code in ("NoSuchKey", "404", "NotFound"):
                return NotFound(key)
            if status >= 500 or status in (0, 429):
                return StoreUnavailable(f"s3 {status} {code}")
            return StoreRefused("s3", status, code)
        return StoreUnavailable(f"s3 unreachable: {type(err).__name__}")

    def get(self, key: str) -> bytes:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=check_key(key))["Body"].read()
        except (ClientError, BotoCoreError) as err:
            raise self._translate(err, key) from None

    def iter_chunks(self, key: str, chunk_size: int = 65536) -> Iterator[bytes]:
        try:
            body = self.client.get_object(Bucket=self.bucket, Key=check_key(key))["Body"]
        except (ClientError, BotoCoreError) as err:
            raise self._translate(err, key) from None
        return body.iter_chunks(chunk_size)

    def size(self, key: str) -> int | None:
        try:
            return int(self.client.head_object(Bucket=self.bucket, Key=check_key(key))["ContentLength"])
        except (ClientError, BotoCoreError) as err:
            translated = self._translate(err, key)
            if isinstance(translated, NotFound):
                return None
            raise translated from None

    def put(self, key: str, data: bytes) -> None:
        try:
            self.client.put_object(Bucket=self.bucket, Key=check_key(key), Body=data)
        except (ClientError, BotoCoreError) as err:
            raise self._translate(err, key) from None

    def put_if_absent(self, key: str, data: bytes | BinaryIO) -> bool:
        try:
            self.client.put_object(Bucket=self.bucket, Key=check_key(key), Body=data, IfNoneMatch="*")
            return True
        except ClientError as err:
            # 412 PreconditionFailed: exists. 409 ConditionalRequestConflict: a concurrent create won the race.
            if self._status(err) in (409, 412):
                return False
            raise self._translate(err, key) from None
        except BotoCoreError as err:
            raise self._translate(err, key) from None

    def list(self, prefix: str, start_after: str | None = None) -> list[str]:
        keys: list[str] = []
        kwargs: dict[str, Any] = {"Bucket": self.bucket, "Prefix": prefix}
        if start_after:
            kwargs["StartAfter"] = start_after
        try:
            for page in self.client.get_paginator("list_objects_v2").paginate(**kwargs):
                keys.extend(obj["Key"] for obj in page.get("Contents", []))
        except (ClientError, BotoCoreError) as err:
            raise self._translate(err, prefix) from None
        return keys

    def ping(self) -> None:
        # A one-key list of the service's own prefix: it needs exactly the permission the service uses
        # (s3:ListBucket), where HeadBucket would test something else.
        try:
            self.client.list_objects_v2(Bucket=self.bucket, Prefix="_system/", MaxKeys=1)
        except (ClientError, BotoCoreError) as err:
            raise self._translate(err, "_system/") from None

    def ensure_bucket(self) -> None:
        """Create the bucket with versioning (dev/test convenience; production buckets come from terraform)."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError:
            self.client.create_bucket(Bucket=self.bucket)
            self.client.put_bucket_versioning(Bucket=self.bucket, VersioningConfiguration={"Status": "Enabled"})
