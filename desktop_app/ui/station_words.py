"""What a server check found, in words a person setting up a workstation can act on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.services.server_check import MIN_SERVER_MAJOR, Fit, Problem, Schema, ServerCheck
from desktop_app.station import ServerSettings


def problem_text(check: ServerCheck, server: ServerSettings) -> str:
    """Why the server could not be used, and what to do about it."""
    texts = {
        Problem.UNKNOWN_HOST: QCoreApplication.translate(
            "StationWords",
            "No computer called “{host}” was found on the network. Check the server's name, "
            "or use its IP address (for example 192.168.1.10).",
        ),
        Problem.UNREACHABLE: QCoreApplication.translate(
            "StationWords",
            "Nothing answers at {host}, port {port}. Check that the server is switched on and "
            "PostgreSQL runs there and listens on the network, and that this computer is on "
            "the clinic network.",
        ),
        Problem.NOT_ALLOWED: QCoreApplication.translate(
            "StationWords",
            "The server at {host} does not accept connections from this computer. Its "
            "administrator allows this computer's network in pg_hba.conf (see the deployment "
            "guide).",
        ),
        Problem.WRONG_PASSWORD: QCoreApplication.translate(
            "StationWords",
            "The server refused the password of the user “{user}”. Check the password (and "
            "Caps Lock).",
        ),
        Problem.UNKNOWN_USER: QCoreApplication.translate(
            "StationWords",
            "The server has no user called “{user}”. Check the name, or create the user on the "
            "server (see the deployment guide).",
        ),
        Problem.NO_DATABASE: QCoreApplication.translate(
            "StationWords",
            "The server has no database called “{database}”. Check the name, or create the "
            "database on the server (see the deployment guide).",
        ),
        Problem.TOO_OLD: QCoreApplication.translate(
            "StationWords",
            "The server runs PostgreSQL {version}; Clinic Desk needs PostgreSQL {minimum} or "
            "newer. Upgrade the server first.",
        ),
        Problem.OTHER: QCoreApplication.translate(
            "StationWords", "The server could not be used: {detail}"
        ),
    }
    assert check.problem is not None
    return texts[check.problem].format(
        host=server.host,
        port=server.port,
        user=server.user,
        database=server.database,
        version=check.server_version,
        minimum=MIN_SERVER_MAJOR,
        detail=check.detail,
    )


def found_text(check: ServerCheck) -> str:
    """What the database holds, after a successful connection."""
    connected = QCoreApplication.translate(
        "StationWords", "Connected to PostgreSQL {version}."
    ).format(version=check.server_version)
    if check.schema is Schema.FOREIGN:
        found = fit_text(Fit.FOREIGN, check, create=False)
    elif check.schema is Schema.NEWER:
        found = fit_text(Fit.NEWER, check, create=False)
    elif check.clinic_name:
        found = QCoreApplication.translate(
            "StationWords", "It holds the records of {clinic}: this computer joins them."
        ).format(clinic=check.clinic_name)
        if check.schema is Schema.OLDER:
            found += " " + QCoreApplication.translate(
                "StationWords",
                "They were written by an earlier version of Clinic Desk and are upgraded when "
                "this computer starts; every other computer then needs this version too.",
            )
    else:
        found = QCoreApplication.translate(
            "StationWords",
            "No clinic is set up there yet: if this is the clinic's first computer, it "
            "creates the clinic's database.",
        )
    return f"{connected} {found}"


def fit_text(fit: Fit, check: ServerCheck, *, create: bool) -> str:
    """Why the choice between creating and joining does not suit this database."""
    texts = {
        Fit.CLINIC_EXISTS: QCoreApplication.translate(
            "StationWords",
            "This database already holds the records of {clinic}. Choose “Join” to use them.",
        ),
        Fit.NO_CLINIC: QCoreApplication.translate(
            "StationWords",
            "No clinic is set up in this database yet. If this is the clinic's first "
            "computer, choose “Create”; otherwise check the database name.",
        ),
        Fit.FOREIGN: QCoreApplication.translate(
            "StationWords",
            "This database holds another program's tables, not Clinic Desk's. Check the "
            "database name.",
        ),
        Fit.NEWER: QCoreApplication.translate(
            "StationWords",
            "This database was upgraded by a newer version of Clinic Desk. Install that "
            "version on this computer.",
        ),
        Fit.CANNOT_CREATE: (
            QCoreApplication.translate(
                "StationWords",
                "The database user may not create tables there, which creating the clinic's "
                "database needs. Make the user the database's owner (see the deployment guide).",
            )
            if create or check.schema is Schema.EMPTY
            else QCoreApplication.translate(
                "StationWords",
                "The database must be upgraded for this version, and the database user may not "
                "change its tables. Make the user the database's owner (see the deployment "
                "guide).",
            )
        ),
    }
    return texts[fit].format(clinic=check.clinic_name) if fit is not Fit.OK else ""
