"""A database created before the claims domain had its own app upgrades with its data intact.

``tests/data/layout_before_claims_app.sql`` is ``pg_dump --inserts`` of a
database made at that layout (models under the ``claimtrack`` app label): the
five samples ingested, an editor group with the claim permissions, and one
extraction an editor rejected. ``migrate`` must adopt those tables, not
create empty ones beside them.
"""
from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url
import psycopg
import pytest
from psycopg import sql

ROOT = Path(__file__).resolve().parents[1]
DUMP = ROOT / "tests" / "data" / "layout_before_claims_app.sql"


@pytest.fixture
def old_layout_database():
    """A scratch database restored from the dump; its URL. Dropped afterwards."""
    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = f"claimtrack_upgrade_{uuid.uuid4().hex[:8]}"
    server = {k: v for k, v in {
        "host": config["HOST"], "port": config["PORT"] or None, "user": config["USER"],
        "password": config["PASSWORD"] or None,
    }.items() if v}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        with psycopg.connect(dbname=name, autocommit=True, **server) as conn:
            conn.execute(DUMP.read_text(encoding="utf-8"))
        base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
        yield f"{base}/{name}", {"dbname": name, **server}
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _counts(conn, prefix: str) -> dict[str, int]:
    return {
        table: conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(f"{prefix}_{table}"))).fetchone()[0]
        for table in ("claim", "evidence", "extraction", "extraction_origins", "historicalextraction")
    }


def test_migrate_adopts_the_claimtrack_tables_with_their_rows(old_layout_database):
    url, connect = old_layout_database
    with psycopg.connect(**connect) as conn:
        before = _counts(conn, "claimtrack")
    assert before["claim"] > 0 and before["evidence"] > 0

    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "claimtrack.settings"}
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr

    with psycopg.connect(**connect) as conn:
        assert _counts(conn, "claims") == before
        tables = {row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        assert not {t for t in tables if t.startswith("claimtrack_")}
        # The editor group keeps its claim permissions; the editor's rejection is still there.
        perms = conn.execute(
            "SELECT count(*) FROM auth_group_permissions gp JOIN auth_permission p ON p.id = gp.permission_id "
            "JOIN django_content_type ct ON ct.id = p.content_type_id WHERE ct.app_label = 'claims'"
        ).fetchone()[0]
        assert perms == 16
        assert conn.execute("SELECT count(*) FROM claims_extraction WHERE rejected AND made_by = 'editor'").fetchone()[0] == 1
        # New rows still get ids after the adopted ones: the identity sequence came along.
        sequence = conn.execute("SELECT pg_get_serial_sequence('claims_claim', 'id')").fetchone()[0]
        assert sequence is not None
        next_id = conn.execute(sql.SQL("SELECT nextval({})").format(sql.Literal(sequence))).fetchone()[0]
        assert next_id > conn.execute("SELECT max(id) FROM claims_claim").fetchone()[0]

    check = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=300,
    )
    assert check.returncode == 0, check.stdout + check.stderr
