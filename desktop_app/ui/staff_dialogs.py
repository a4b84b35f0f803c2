"""The staff box's dialogs (managers): a new account, a person's roles, a new password.

Each saves through its service call; a refusal shows at its field, a person changed
meanwhile on another station closes the dialog with nothing saved (the box says so and
reloads).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import Role
from desktop_app.services import staff, staff_admin
from desktop_app.services.errors import ConflictError, ValidationError
from desktop_app.ui.forms import ERROR_STYLE, FieldForm
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.permissions_view import role_title
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.services.staff_admin import StaffRow


def error_text(exc: ValidationError) -> str:
    """The staff services' own refusals in the user's language; others as everywhere."""
    texts = {
        "disable_self": QCoreApplication.translate(
            "StaffSettings", "You cannot disable your own account."
        ),
        "last_manager": QCoreApplication.translate(
            "StaffSettings", "The clinic needs at least one active manager."
        ),
        "roles_required": QCoreApplication.translate("StaffSettings", "Tick at least one role."),
        "main_role_not_held": QCoreApplication.translate(
            "StaffSettings", "The main role must be one of the roles ticked."
        ),
    }
    return texts.get(exc.code) or validation_text(exc.code, exc.params, exc.message)


class RolesField(QWidget):
    """A tick box per role."""

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(role_title(role))
            box.setObjectName(f"role_{role.value}")
            row.addWidget(box)
            self.boxes[role] = box
        row.addStretch(1)
        self.setFocusProxy(self.boxes[Role.RECEPTIONIST])  # an error here focuses the first box

    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.boxes.items() if box.isChecked())

    def set_roles(self, roles: frozenset[Role]) -> None:
        for role, box in self.boxes.items():
            box.setChecked(role in roles)


class StaffDialog(QDialog):
    """A form, an error line, Save and Cancel; ``submit`` runs ``work`` off the UI thread."""

    saved = Signal(object)
    conflict = Signal(object)  # the ConflictError: changed meanwhile, nothing saved

    def __init__(self, runner: Runner, database: Database, actor: Actor, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner, self.database, self.actor = runner, database, actor
        self.form = FieldForm()
        self.error = QLabel()
        self.error.setObjectName("staffFormError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveStaffButton")
        self.save_button.setText(QCoreApplication.translate("StaffSettings", "&Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("StaffSettings", "Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def password_fields(self) -> tuple[QLineEdit, QLineEdit]:
        password, again = QLineEdit(), QLineEdit()
        for edit in (password, again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add_field("password", password).setText(
            QCoreApplication.translate("StaffSettings", "&Password")
        )
        self.form.add_field("password_again", again).setText(
            QCoreApplication.translate("StaffSettings", "Password &again")
        )
        return password, again

    def main_role_field(self, roles: RolesField) -> QComboBox:
        main = QComboBox()
        for role in Role:
            main.addItem(role_title(role), role)
        self.form.add_field("role", main).setText(
            QCoreApplication.translate("StaffSettings", "&Main role")
        )
        self.form.add_field("roles", roles).setText(
            QCoreApplication.translate("StaffSettings", "Roles")
        )
        # The main role is always held: choosing it ticks it.
        main.currentIndexChanged.connect(
            lambda _i: roles.boxes[Role(main.currentData())].setChecked(True)
        )
        return main

    def passwords_match(self, password: QLineEdit, again: QLineEdit) -> bool:
        if password.text() == again.text():
            return True
        self.form.show_error(
            "password_again", validation_text("password_mismatch", {}, "Not the same.")
        )
        return False

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.form.clear_errors()
        self.error.hide()
        work = self.work()
        if work is None:
            return
        self.save_button.setEnabled(False)
        self.runner.run(work, self._done, self._failed)

    def work(self) -> Callable[[], Any] | None:
        """The service call to make, or None when the form itself refuses."""
        raise NotImplementedError

    def _done(self, result: object) -> None:
        self.save_button.setEnabled(True)
        self.accept()
        self.saved.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ConflictError):
            self.reject()
            self.conflict.emit(exc)
        elif isinstance(exc, ValidationError) and exc.field in self.form.fields:
            self.form.show_error(exc.field, error_text(exc))
        else:
            text = error_text(exc) if isinstance(exc, ValidationError) else " ".join(describe(exc))
            self.error.setText(text)
            self.error.show()


class NewStaffDialog(StaffDialog):
    def __init__(self, runner: Runner, database: Database, actor: Actor, parent: QWidget) -> None:
        super().__init__(runner, database, actor, parent)
        self.setObjectName("newStaffDialog")
        self.setWindowTitle(self.tr("New staff account"))
        self.username, self.display_name = QLineEdit(), QLineEdit()
        self.form.add_field("username", self.username).setText(self.tr("&User name"))
        self.form.add_field("display_name", self.display_name).setText(self.tr("&Name"))
        self.password, self.again = self.password_fields()
        self.roles = RolesField()
        self.main = self.main_role_field(self.roles)
        self.main.setCurrentIndex(self.main.findData(Role.RECEPTIONIST))
        self.roles.set_roles(frozenset({Role.RECEPTIONIST}))
        self.username.setFocus()

    def work(self) -> Callable[[], Any] | None:
        if not self.passwords_match(self.password, self.again):
            return None
        new = staff.NewStaff(
            self.username.text(),
            self.display_name.text(),
            Role(self.main.currentData()),
            self.password.text(),
            self.roles.roles(),
        )
        if new.role not in new.roles:  # asked here: create_staff would just add it
            self.form.show_error(
                "roles",
                error_text(ValidationError("roles", "main_role_not_held", "")),
            )
            return None
        database, actor = self.database, self.actor
        return lambda: staff.create_staff(database, actor, new)


class RolesDialog(StaffDialog):
    def __init__(
        self, runner: Runner, database: Database, actor: Actor, row: StaffRow, parent: QWidget
    ) -> None:
        super().__init__(runner, database, actor, parent)
        self.setObjectName("staffRolesDialog")
        self.row = row
        self.setWindowTitle(self.tr("Roles of {name}").format(name=row.display_name))
        self.roles = RolesField()
        self.main = self.main_role_field(self.roles)
        self.main.setCurrentIndex(self.main.findData(row.role))
        self.roles.set_roles(row.roles)
        self.main.setFocus()

    def work(self) -> Callable[[], Any] | None:
        database, actor, row = self.database, self.actor, self.row
        roles, main = self.roles.roles(), Role(self.main.currentData())
        return lambda: staff_admin.set_roles(database, actor, row.id, roles, main, row.version)


class PasswordDialog(StaffDialog):
    def __init__(
        self, runner: Runner, database: Database, actor: Actor, row: StaffRow, parent: QWidget
    ) -> None:
        super().__init__(runner, database, actor, parent)
        self.setObjectName("resetPasswordDialog")
        self.row = row
        self.setWindowTitle(self.tr("New password for {name}").format(name=row.display_name))
        self.password, self.again = self.password_fields()
        self.password.setFocus()

    def work(self) -> Callable[[], Any] | None:
        if not self.passwords_match(self.password, self.again):
            return None
        database, actor, row, password = self.database, self.actor, self.row, self.password.text()
        return lambda: staff_admin.reset_password(database, actor, row.id, password, row.version)
