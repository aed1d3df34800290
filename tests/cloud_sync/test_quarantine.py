"""A record the client cannot apply is quarantined: kept aside with its reason (listed by `qrdesk sync --status`
and the app), the cursor moves past it and syncing goes on. The poison is written into the store behind the
service's back, as a bug, an older service or a tampered bucket would leave it: the feed serves what is stored."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from app.cli import main
from app.core.library import Library
from tests.cloud_sync.conftest import Machine, Server
from tests.sync_service.helpers import inject_log_entry

STYLE = {"kind": "text", "fields": {"text": "hello"}}


def _record(name: str, **spec: object) -> dict:
    return {"id": str(uuid.uuid4()), "base_rev": 0, "updated_at": "1700000000.0", "content_hash": "",
            "payload": {"spec": {**STYLE, **spec}, "name": name, "tags": [], "notes": "", "trashed": False}}


def test_poisoned_records_are_quarantined_and_syncing_goes_on(server: Server, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    user = f"user-{uuid.uuid4().hex[:10]}"
    a, b = (Machine(tmp_path / n, server.url, "", Library.open(tmp_path / n)) for n in ("machine-1", "machine-2"))
    try:
        for m in (a, b):
            m.token = server.token(user, m.lib.device_id)
        before = a.add("made before the poison", name="Before")
        a.sync()

        good = _record("Good neighbour")
        bad_style = _record("Bad colour", style={"fg": "no such colour"})  # passes the wire check, not the parse
        poison = [
            bad_style,
            {**_record("NaN time"), "updated_at": "nan"},
            {**_record("Year 33658"), "updated_at": "1e12"},
            {**_record("Not a UUID"), "id": "../../etc/passwd"},
            {**_record("Spec a list"), "payload": {"spec": [1, 2], "name": "x"}},
            {**_record("Hidden kind"), "payload": {"spec": {"kind": "hologram"}, "name": "\x1b[31mred"}},
            {**_record("Lone surrogate"), "payload": {"spec": STYLE, "name": "a\ud800b"}},
            "not even an object",
            good,
        ]
        inject_log_entry(server.data_dir, user, poison)
        after = a.add("made after the poison", name="After")
        a.sync()

        report = b.sync()
        assert report.quarantined == len(poison) - 1 and report.pending == 0
        assert {i.name for i in b.lib.all_items()} == {"Before", "After", "Good neighbour"}
        assert b.lib.list().total == 3  # the library stays readable
        aside = {q.record_id: q for q in b.lib.quarantined()}
        assert len(b.lib.quarantined()) == len(poison) - 1
        assert "spec.style.fg" in aside[bad_style["id"]].reason
        assert all(q.reason and "\x1b" not in q.reason for q in aside.values())

        # The cursor moved on: the next syncs neither stop nor set them aside again, and new work flows.
        later = a.add("made later", name="Later")
        a.sync()
        again = b.sync()
        assert again.quarantined == 0 and b.lib.get(later.id).name == "Later"
        assert b.lib.get(before.id) and b.lib.get(after.id)

        # A later version of the item that applies replaces its quarantine entry.
        fixed = {**bad_style, "payload": {**bad_style["payload"], "spec": STYLE, "name": "Colour fixed"}}
        inject_log_entry(server.data_dir, user, [fixed])
        b.sync()
        assert b.lib.get(bad_style["id"]).name == "Colour fixed"
        assert bad_style["id"] not in {q.record_id for q in b.lib.quarantined()}

        # `qrdesk sync --status` lists what was set aside and why (escaped: a name can hold terminal codes).
        b.lib.close()
        monkeypatch.setenv("QRDESK_SYNC_TOKEN", b.token)
        assert main(["--library", str(b.folder), "sync", "--status"]) == 0
        out = capsys.readouterr().out
        assert f"records from the server not applied: {len(poison) - 2}" in out
        assert "(no id)" in out and "updated_at: is not a date" in out and "\x1b" not in out
        b.lib = Library.open(b.folder)
    finally:
        a.lib.close()
        b.lib.close()
