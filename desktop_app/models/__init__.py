"""ORM entities, one module per aggregate. Importing this package registers them all."""

from desktop_app.models.audit import AuditEvent
from desktop_app.models.base import Base, utcnow
from desktop_app.models.channel import SourceChannel
from desktop_app.models.consent import ConsentKind, PatientConsent
from desktop_app.models.course import Course
from desktop_app.models.patient import RECORD_NO_SEQUENCE, Patient, RecordCounter
from desktop_app.models.setting import ClinicSetting
from desktop_app.models.staff import Role, Staff
from desktop_app.models.tag import PatientTag, Tag, TagGroup, TagKind
from desktop_app.models.visit import Visit, VisitStatus, VisitType

__all__ = [
    "RECORD_NO_SEQUENCE",
    "AuditEvent",
    "Base",
    "ClinicSetting",
    "ConsentKind",
    "Course",
    "Patient",
    "PatientConsent",
    "PatientTag",
    "RecordCounter",
    "Role",
    "SourceChannel",
    "Staff",
    "Tag",
    "TagGroup",
    "TagKind",
    "Visit",
    "VisitStatus",
    "VisitType",
    "utcnow",
]
