"""Testing a clinic server from a new station: each failure named, and what the database holds."""

from __future__ import annotations

import socket
import uuid

import pytest
import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.migrations import SCHEMA_HEAD, upgrade
from desktop_app.services import server_check, setup
from desktop_app.services.server_check import Fit, Problem, Schema, check_server, classify
from tests.conftest import MANAGER_PASSWORD, _require_postgres
from tests.support import password_server
from tests.support.databases import admin_url, scratch_postgres_database

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _server():
    _require_postgres()


@pytest.fixture
def protected(password_protected_server):
    """A server that wants a password (the shared one trusts everybody)."""
    return password_protected_server


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends: nothing listens


# --- what went wrong ------------------------------------------------------------------------


def test_nothing_listening_is_unreachable():
    result = check_server(admin_url().set(port=_closed_port()))
    assert result.problem is Problem.UNREACHABLE
    assert "refused" in result.detail


def test_a_name_that_does_not_resolve_is_an_unknown_host():
    assert check_server(admin_url().set(host="no-such-host.invalid")).problem is (
        Problem.UNKNOWN_HOST
    )


def test_a_missing_database_is_named():
    missing = f"clinic_desk_missing_{uuid.uuid4().hex[:8]}"
    result = check_server(admin_url().set(database=missing))
    assert result.problem is Problem.NO_DATABASE
    assert missing in result.detail


def test_an_unknown_user_is_named():
    result = check_server(admin_url().set(username=f"nobody_{uuid.uuid4().hex[:8]}"))
    assert result.problem is Problem.UNKNOWN_USER


def test_a_wrong_or_missing_password_is_a_wrong_password(protected):
    assert check_server(protected.set(password="wrong")).problem is Problem.WRONG_PASSWORD
    assert check_server(protected).problem is Problem.WRONG_PASSWORD  # none given


def test_the_right_password_opens_an_empty_database(protected):
    result = check_server(protected.set(password=password_server.PASSWORD))
    assert result.problem is None
    assert result.schema is Schema.EMPTY and result.can_create
    assert result.server_version.split(".")[0].isdigit()


def test_a_server_older_than_supported_is_too_old(monkeypatch):
    monkeypatch.setattr(server_check, "MIN_SERVER_MAJOR", 999)
    result = check_server(admin_url())
    assert result.problem is Problem.TOO_OLD
    assert "999" in result.detail and result.server_version in result.detail


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        # What a server set up with lc_messages = zh_CN answers (PostgreSQL's translation).
        ('致命错误:  用户 "clinic" Password 认证失败', Problem.WRONG_PASSWORD),
        ('致命错误:  数据库 "clinic_desk" 不存在', Problem.NO_DATABASE),
        ('致命错误:  角色 "clinic" 不存在', Problem.UNKNOWN_USER),
        ('FATAL:  no pg_hba.conf entry for host "10.0.0.9", user "clinic"', Problem.NOT_ALLOWED),
        ("connection timeout expired", Problem.UNREACHABLE),
        ("something nobody foresaw", Problem.OTHER),
    ],
)
def test_messages_are_recognised_in_english_and_chinese(message, problem):
    assert classify(message) is problem


# --- what the database holds ----------------------------------------------------------------


def _execute(url, sql: str) -> None:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(sql))
    engine.dispose()


def test_a_set_up_clinic_is_found_with_its_name():
    with scratch_postgres_database() as url:
        database = Database(url)
        upgrade(database)
        assert check_server(url).schema is Schema.CURRENT
        assert check_server(url).clinic_name == ""  # schema there, clinic not yet set up
        setup.complete_first_run(
            database, setup.FirstRun("美丽诊所", "boss", "王店长", MANAGER_PASSWORD)
        )
        database.dispose()
        result = check_server(url)
        assert (result.schema, result.revision, result.clinic_name) == (
            Schema.CURRENT,
            SCHEMA_HEAD,
            "美丽诊所",
        )


def test_older_newer_and_foreign_schemas_are_told_apart():
    with scratch_postgres_database() as url:
        _execute(url, "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)")
        _execute(url, "INSERT INTO alembic_version VALUES ('0001')")
        assert check_server(url).schema is Schema.OLDER
        _execute(url, "UPDATE alembic_version SET version_num = '9999'")
        assert check_server(url).schema is Schema.NEWER
        _execute(url, "DROP TABLE alembic_version")
        _execute(url, "CREATE TABLE invoices (id integer)")
        assert check_server(url).schema is Schema.FOREIGN


def test_an_account_that_may_not_create_tables_is_noticed():
    role = f"clinic_reader_{uuid.uuid4().hex[:8]}"
    with scratch_postgres_database() as url:
        _execute(url, f'CREATE ROLE "{role}" LOGIN')
        _execute(url, f'REVOKE CREATE ON SCHEMA public FROM PUBLIC, "{role}"')
        try:
            result = check_server(url.set(username=role))
            assert result.problem is None and not result.can_create
            assert check_server(url).can_create  # the owner may
        finally:
            _execute(admin_url(), f'DROP ROLE IF EXISTS "{role}"')


# --- create or join -------------------------------------------------------------------------


def _found(schema, clinic_name="", can_create=True):
    return server_check.ServerCheck(None, schema=schema, clinic_name=clinic_name,
                                    can_create=can_create)  # fmt: skip


@pytest.mark.parametrize(
    ("found", "create", "verdict"),
    [
        (_found(Schema.EMPTY), True, Fit.OK),
        (_found(Schema.EMPTY), False, Fit.NO_CLINIC),
        (_found(Schema.EMPTY, can_create=False), True, Fit.CANNOT_CREATE),
        (_found(Schema.CURRENT), True, Fit.OK),  # a station made the schema, setup not done
        (_found(Schema.CURRENT, "美丽诊所"), True, Fit.CLINIC_EXISTS),
        (_found(Schema.CURRENT, "美丽诊所", can_create=False), False, Fit.OK),
        (_found(Schema.OLDER, "美丽诊所"), False, Fit.OK),  # this station will upgrade it
        (_found(Schema.OLDER, "美丽诊所", can_create=False), False, Fit.CANNOT_CREATE),
        (_found(Schema.NEWER, "美丽诊所"), False, Fit.NEWER),
        (_found(Schema.FOREIGN), True, Fit.FOREIGN),
    ],
)
def test_the_choice_to_create_or_join_is_checked_against_the_database(found, create, verdict):
    assert server_check.fit(found, create=create) is verdict
