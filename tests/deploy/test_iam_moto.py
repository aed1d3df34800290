"""The service's whole flow through moto's S3 with IAM enforced, under the policy rendered from terraform/aws.

The identity policy `data.aws_iam_policy_document.sync_service` is read from iam.tf with python-hcl2, rendered to
the JSON AWS would get, attached to a role, and the service runs with that role's temporary credentials (as IRSA
gives them on EKS): user add and token create (the CLI), sign-in with the password, blob upload, push, pull, blob
download, a pairing code and a second device signing in with it, the device list, sign-out, the reconciler and
the health checks. Removing any one object prefix from the policy must break the flow, so the policy and the
service's key layout cannot drift apart again (main denied `_auth/`: token create failed and every request
answered 500).

moto evaluates identity policies (actions and resources; not conditions, not bucket policies), which is what the
service role's least privilege is about; the create-only bucket policy is checked in test_terraform_hcl.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import httpx
import pytest
from deploy_checks import TERRAFORM, parse_hcl

from tests.sync_service.helpers import (
    AWS_TEST_ENV,
    Azurite,
    Moto,
    ServiceProcess,
    auth,
    base_env,
    push_body,
    record,
    started_moto,
)

pytestmark = pytest.mark.emulators

BUCKET = "qrdesk-iam"
ACCOUNT = "123456789012"
REFERENCES = {
    "${aws_s3_bucket.sync.arn}": f"arn:aws:s3:::{BUCKET}",
    "${aws_kms_key.main.arn}": f"arn:aws:kms:us-east-1:{ACCOUNT}:key/11111111-2222-3333-4444-555555555555",
}


def rendered_policy(drop_resource: str | None = None) -> dict[str, Any]:
    """iam.tf's sync_service policy document as JSON, optionally without one resource."""
    documents = {name: body for block in parse_hcl(TERRAFORM / "aws" / "iam.tf").get("data", [])
                 for kind, named in block.items() if kind == "aws_iam_policy_document" for name, body in named.items()}
    statements = []
    for st in documents["sync_service"]["statement"]:
        resources = []
        for res in st["resources"]:
            for ref, value in REFERENCES.items():
                res = res.replace(ref, value)
            assert "${" not in res, f"unrendered reference in {res}"
            if res != drop_resource:
                resources.append(res)
        statements.append({"Sid": st["sid"], "Effect": st.get("effect", "Allow"), "Action": st["actions"],
                           "Resource": resources})
    return {"Version": "2012-10-17", "Statement": statements}


def _admin(moto: Moto, service: str) -> Any:
    return boto3.client(service, endpoint_url=moto.url, region_name=AWS_TEST_ENV["AWS_DEFAULT_REGION"],
                        aws_access_key_id=AWS_TEST_ENV["AWS_ACCESS_KEY_ID"],
                        aws_secret_access_key=AWS_TEST_ENV["AWS_SECRET_ACCESS_KEY"])


@pytest.fixture
def azurite(tmp_path: Path) -> Iterator[Azurite]:
    az = Azurite()
    az.start()
    yield az
    az.stop()


@pytest.fixture
def enforcing_moto(monkeypatch: pytest.MonkeyPatch) -> Iterator[Moto]:
    moto = started_moto(monkeypatch)
    try:
        yield moto
    finally:
        # moto keeps the switch in module state: never leave IAM enforcement on for the next test.
        httpx.post(moto.url + "/moto-api/reset-auth", content=b"inf", timeout=10)
        httpx.post(moto.url + "/moto-api/reset", timeout=10)  # in-process backends outlive the server
        moto.stop()


def role_credentials(moto: Moto, policy: dict[str, Any]) -> dict[str, str]:
    """Bucket, role with the policy, temporary credentials; then IAM enforcement on for every request."""
    s3 = _admin(moto, "s3")
    s3.create_bucket(Bucket=BUCKET)
    s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
    iam = _admin(moto, "iam")
    arn = iam.create_policy(PolicyName="sync-service", PolicyDocument=json.dumps(policy))["Policy"]["Arn"]
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                     "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}}]}
    iam.create_role(RoleName="sync-service", AssumeRolePolicyDocument=json.dumps(trust))
    iam.attach_role_policy(RoleName="sync-service", PolicyArn=arn)
    creds = _admin(moto, "sts").assume_role(RoleArn=f"arn:aws:iam::{ACCOUNT}:role/sync-service",
                                            RoleSessionName="sync-service")["Credentials"]
    httpx.post(moto.url + "/moto-api/reset-auth", content=b"0", timeout=10).raise_for_status()
    return {"AWS_ACCESS_KEY_ID": creds["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": creds["SecretAccessKey"],
            "AWS_SESSION_TOKEN": creds["SessionToken"], "AWS_DEFAULT_REGION": "us-east-1"}


PASSWORD = "correct horse battery staple"


def _call(client: httpx.Client, method: str, url: str, **kwargs: Any) -> httpx.Response | None:
    try:
        return client.request(method, url, **kwargs)
    except httpx.HTTPError:
        return None


def run_flow(moto: Moto, azurite: Azurite, creds: dict[str, str], tmp_path: Path) -> list[str]:
    """The user-visible flow, accounts included; returns the steps that failed (empty: all worked)."""
    cfg = {"store": "s3+azure", "s3_bucket": BUCKET, "s3_endpoint_url": moto.url, "azure_container": "iam",
           "azure_connection_string": azurite.connection_string, "storage_timeout_seconds": "2",
           "reconcile_interval_seconds": "0.5", "health_interval_seconds": "0.5"}
    from sync_service.storage.azure import AzureStore

    AzureStore("iam", azurite.connection_string).ensure_container()
    env = {**base_env(**cfg), **creds}

    def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "sync_service", *args], env=env, input=stdin,
                              capture_output=True, text=True, timeout=60)

    if cli("user", "add", "ida", stdin=PASSWORD + "\n").returncode != 0:  # _auth/users/
        return ["user add"]
    if cli("token", "create", "--user", "ida", "--device", "build-box").returncode != 0:  # _auth/tokens/
        return ["token create"]
    failed = []
    svc = ServiceProcess(tmp_path / "svc.log", extra_env=creds, **cfg)
    try:
        with httpx.Client(base_url=svc.url, timeout=30) as c:
            signed_in = _call(c, "POST", "/v1/auth/login", json={"user": "ida", "device_id": "laptop",
                                                                  "device_name": "Laptop", "password": PASSWORD})
            if signed_in is None or signed_in.status_code != 200:  # _auth/users, devices, tokens
                return ["sign in"]
            c.headers.update(auth(signed_in.json()["token"]))
            png = os.urandom(2048)
            sha = hashlib.sha256(png).hexdigest()
            rec = record(name="iam", files=[{"kind": "png", "sha256": sha, "size": len(png)}])
            pairing: dict[str, Any] = {}
            steps: dict[str, Callable[[], httpx.Response | None]] = {
                "ready": lambda: _call(c, "GET", "/readyz"),
                "blob upload": lambda: _call(c, "PUT", f"/v1/blobs/{sha}", content=png),  # u/*/blobs/
                "push": lambda: _call(c, "POST", "/v1/push", json=push_body("laptop", rec)),  # u/*/log, idem, meta
                "pull": lambda: _call(c, "GET", "/v1/changes"),
                "blob download": lambda: _call(c, "GET", f"/v1/blobs/{sha}"),
                "pairing code": lambda: _call(c, "POST", "/v1/auth/pairing"),  # _auth/pairing/
                "sign in with the pairing code": lambda: _call(
                    c, "POST", "/v1/auth/login", headers={"Authorization": ""},
                    json={"user": "ida", "device_id": "desktop", "device_name": "Desktop",
                          "pairing_code": pairing.get("code", "")}),
                "device list": lambda: _call(c, "GET", "/v1/devices"),  # list of _auth/devices/ida/
                "sign out": lambda: _call(c, "POST", "/v1/auth/logout",
                                          headers=auth(pairing.get("token", ""))),
            }
            for name, call in steps.items():
                r = call()
                if r is None or r.status_code >= 300 or (name == "ready" and not r.json()["stores"]["s3"]["up"]):
                    failed.append(name)
                elif name == "pairing code":
                    pairing["code"] = r.json()["code"]
                elif name == "sign in with the pairing code":
                    pairing["token"] = r.json()["token"]
                elif name == "device list" and {d["device_id"] for d in r.json()["devices"]} != {"laptop", "desktop"}:
                    failed.append("devices listed")
            pulled = c.get("/v1/changes").json().get("changes", [])
            if [ch["id"] for ch in pulled] != [rec["id"]]:
                failed.append("pulled records")
            if c.get("/v1/library", headers=auth(pairing.get("token", ""))).status_code != 401:
                failed.append("signed-out device refused")
    finally:
        svc.stop()
    return failed


def test_rendered_policy_lets_the_whole_flow_through(enforcing_moto: Moto, azurite: Azurite, tmp_path: Path) -> None:
    _admin(enforcing_moto, "s3").create_bucket(Bucket="another-team")  # before enforcement
    creds = role_credentials(enforcing_moto, rendered_policy())
    # Enforcement is really on: the same role may not touch anything outside its prefixes.
    outside = boto3.client("s3", endpoint_url=enforcing_moto.url, region_name="us-east-1",
                           aws_access_key_id=creds["AWS_ACCESS_KEY_ID"],
                           aws_secret_access_key=creds["AWS_SECRET_ACCESS_KEY"],
                           aws_session_token=creds["AWS_SESSION_TOKEN"])
    with pytest.raises(outside.exceptions.ClientError, match="AccessDenied"):
        outside.put_object(Bucket=BUCKET, Key="elsewhere/x", Body=b"x")
    with pytest.raises(outside.exceptions.ClientError, match="AccessDenied"):
        outside.delete_object(Bucket=BUCKET, Key="u/ida/meta.json")
    # Nor its prefixes in another bucket of the account (a bucket wildcard in the ARN would allow that).
    with pytest.raises(outside.exceptions.ClientError, match="AccessDenied"):
        outside.put_object(Bucket="another-team", Key="u/ida/meta.json", Body=b"x")
    assert run_flow(enforcing_moto, azurite, creds, tmp_path) == []


def test_policy_names_its_own_bucket_and_key_only() -> None:
    """No wildcard outside the object key: not in the service, the account, the region, the bucket or the key id."""
    for statement in rendered_policy()["Statement"]:
        assert "*" not in "".join(statement["Action"]), statement
        for resource in statement["Resource"]:
            arn, _, key = resource.partition("/") if resource.startswith("arn:aws:s3") else (resource, "", "")
            assert arn in REFERENCES.values(), resource  # the bucket or the key Terraform names, nothing else
            assert key == "" or re.fullmatch(r"[\w.-]+/\*", key), f"{resource}: not one named prefix"


@pytest.mark.parametrize("prefix", ["u/*", "_auth/*", "_repl/*", "_system/*"])
def test_flow_breaks_without_any_one_prefix(prefix: str, enforcing_moto: Moto, azurite: Azurite,
                                            tmp_path: Path) -> None:
    policy = rendered_policy(drop_resource=f"arn:aws:s3:::{BUCKET}/{prefix}")
    assert policy != rendered_policy(), f"{prefix} is not in the terraform policy"
    creds = role_credentials(enforcing_moto, policy)
    assert run_flow(enforcing_moto, azurite, creds, tmp_path) != []
