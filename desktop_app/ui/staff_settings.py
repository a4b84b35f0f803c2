"""Settings › Staff (managers only; others do not see the box): everyone with an account,
their roles, whether active and whether locked, with New…, Roles…, Reset password… and
Disable/Enable. Accounts are never deleted: the audit log and the records keep naming
the person. The dialogs are in ``staff_dialogs``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop_app.models import Role
from desktop_app.services import staff_admin
from desktop_app.services.errors import ConflictError, ValidationError
from desktop_app.services.permissions import Permission
from desktop_app.services.staff_admin import StaffRow
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import changed_by, describe
from desktop_app.ui.permissions_view import role_title
from desktop_app.ui.rows_model import RowsModel
from desktop_app.ui.settings_box import SettingsBox
from desktop_app.ui.staff_dialogs import (
    NewStaffDialog,
    PasswordDialog,
    RolesDialog,
    StaffDialog,
    error_text,
)
from desktop_app.ui.tasks import Runner


def roles_text(row: StaffRow) -> str:
    """The main role first, then the others in the usual order."""
    others = [role for role in Role if role in row.roles and role != row.role]
    return ", ".join(role_title(role) for role in [row.role, *others])


class StaffModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("User name"),
            self.tr("Roles"),
            self.tr("Active"),
            self.tr("Locked"),
        )

    def cell(self, row: StaffRow, column: int) -> str:
        if column == 0:
            return row.display_name
        if column == 1:
            return row.username
        if column == 2:
            return roles_text(row)
        if column == 3:
            return self.tr("yes") if row.active else self.tr("disabled")
        if row.locked_until is None:
            return ""
        return self.tr("until {time}").format(time=f"{row.locked_until.astimezone():%H:%M}")


class StaffBox(SettingsBox):
    """The staff list; Enter on a person opens their roles."""

    permission = Permission.MANAGE_STAFF

    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("staffBox")
        self.runner = runner
        self.dialog: StaffDialog | None = None
        self.model = StaffModel(self)
        self.table = QTableView()
        self.table.setObjectName("staffTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(200)
        self.table.activated.connect(lambda _index: self.edit_roles())  # Enter, double-click
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._follow())
        self.new_button = QPushButton()
        self.new_button.setObjectName("newStaffButton")
        self.new_button.clicked.connect(self.new_staff)
        self.roles_button = QPushButton()
        self.roles_button.setObjectName("staffRolesButton")
        self.roles_button.clicked.connect(self.edit_roles)
        self.password_button = QPushButton()
        self.password_button.setObjectName("resetPasswordButton")
        self.password_button.clicked.connect(self.reset_password)
        self.active_button = QPushButton()
        self.active_button.setObjectName("staffActiveButton")
        self.active_button.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.roles_button,
            self.password_button,
            self.active_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("staffStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.setMaximumWidth(1080)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Staff"))
        self.new_button.setText(self.tr("&New…"))
        self.roles_button.setText(self.tr("&Roles…"))
        self.password_button.setText(self.tr("Reset &password…"))
        self._follow()
        self.model.set_rows(self.model.rows)  # headers and words in the new language

    def bound(self) -> None:
        self.status.clear()
        self.model.set_rows([])
        if self.shown:
            self.reload()

    def reload(self, then_select: object = None) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        keep = then_select if then_select is not None else getattr(self.current(), "id", None)

        def loaded(rows: list[StaffRow]) -> None:
            self.model.set_rows(rows)
            ids = [row.id for row in rows]
            if keep in ids:
                self.table.selectRow(ids.index(keep))
            self._follow()

        self.runner.run(lambda: staff_admin.list_staff(database, actor), loaded, self._failed)

    def current(self) -> StaffRow | None:
        index: QModelIndex = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _follow(self) -> None:
        """Buttons for the selected person: Disable or Enable as they are now."""
        row = self.current()
        for button in (self.roles_button, self.password_button, self.active_button):
            button.setEnabled(row is not None)
        if row is not None and not row.active:
            self.active_button.setText(self.tr("&Enable"))
        else:
            self.active_button.setText(self.tr("&Disable"))

    def new_staff(self) -> None:
        if self.database is not None and self.actor is not None:
            self._open(NewStaffDialog(self.runner, self.database, self.actor, self))

    def edit_roles(self) -> None:
        row = self.current()
        if row is not None and self.database is not None and self.actor is not None:
            self._open(RolesDialog(self.runner, self.database, self.actor, row, self))

    def reset_password(self) -> None:
        row = self.current()
        if row is not None and self.database is not None and self.actor is not None:
            self._open(PasswordDialog(self.runner, self.database, self.actor, row, self))

    def _open(self, dialog: StaffDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.conflict.connect(self._conflict)
        dialog.finished.connect(lambda _r: self.table.setFocus())
        dialog.open()

    def toggle_active(self) -> None:
        row, database, actor = self.current(), self.database, self.actor
        if row is None or database is None or actor is None:
            return
        self.runner.run(
            lambda: staff_admin.set_active(database, actor, row.id, not row.active, row.version),
            self._saved,
            self._failed,
        )

    def _saved(self, saved: object) -> None:
        self.status.setStyleSheet("")
        name = getattr(saved, "display_name", "")
        self.status.setText(self.tr("Saved: {name}.").format(name=name))
        self.reload(then_select=getattr(saved, "id", None) or getattr(saved, "staff_id", None))

    def _conflict(self, exc: ConflictError) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        who, when = changed_by(exc)
        self.status.setText(
            self.tr(
                "{who} changed this account at {when}, after you opened it. Yours was not "
                "saved; the list now shows theirs."
            ).format(who=who, when=when)
        )
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            self._conflict(exc)
            return
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationError):
            self.status.setText(error_text(exc))
        else:
            self.status.setText(" ".join(describe(exc)))
        self.table.setFocus()
