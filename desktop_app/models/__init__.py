"""ORM entities, one module per aggregate. Importing this package registers them all."""

from desktop_app.models.assessment import (
    SKIN_TYPES,
    Assessment,
    AssessmentAddendum,
    DiagnosisOption,
    SignedRecordError,
)
from desktop_app.models.audit import AuditEvent
from desktop_app.models.base import Base, utcnow
from desktop_app.models.booking import (
    HOLDING,
    Booking,
    BookingEvent,
    BookingStatus,
    Resource,
    ResourceKind,
)
from desktop_app.models.catalogue import Product, ProductLot, TreatmentItem, TreatmentItemProduct
from desktop_app.models.channel import SourceChannel
from desktop_app.models.consent import ConsentKind, PatientConsent
from desktop_app.models.consultation import Consultation, NoDealReason, Outcome
from desktop_app.models.course import Course
from desktop_app.models.document import (
    DocumentAction,
    DocumentBlobKind,
    DocumentTemplate,
    PrintedDocument,
    PrintedDocumentBlob,
    TemplateKind,
    TemplateVersion,
)
from desktop_app.models.face_chart import ChartView, FaceChartMark, InjectionDepth, MarkKind
from desktop_app.models.patient import RECORD_NO_SEQUENCE, Patient, RecordCounter
from desktop_app.models.patient_import import ImportedRow
from desktop_app.models.photo import BlobKind, Photo, PhotoAngle, PhotoBlob, PhotoStage
from desktop_app.models.reminder import (
    PRIORITY_RANK,
    FollowUp,
    Priority,
    Reaction,
    Reminder,
    ReminderRule,
    ReminderStatus,
    SyncReceipt,
    Trigger,
)
from desktop_app.models.segment import Segment
from desktop_app.models.setting import ClinicSetting
from desktop_app.models.staff import Role, Staff
from desktop_app.models.tag import PatientTag, Tag, TagGroup, TagKind
from desktop_app.models.treatment import PlanItem, Treatment, TreatmentPlan, TreatmentProduct
from desktop_app.models.visit import Visit, VisitStatus, VisitType

__all__ = [
    "HOLDING",
    "PRIORITY_RANK",
    "RECORD_NO_SEQUENCE",
    "SKIN_TYPES",
    "Assessment",
    "AssessmentAddendum",
    "AuditEvent",
    "Base",
    "BlobKind",
    "Booking",
    "BookingEvent",
    "BookingStatus",
    "ChartView",
    "ClinicSetting",
    "ConsentKind",
    "Consultation",
    "Course",
    "DiagnosisOption",
    "DocumentAction",
    "DocumentBlobKind",
    "DocumentTemplate",
    "FaceChartMark",
    "FollowUp",
    "ImportedRow",
    "InjectionDepth",
    "MarkKind",
    "NoDealReason",
    "Outcome",
    "Patient",
    "PatientConsent",
    "PatientTag",
    "Photo",
    "PhotoAngle",
    "PhotoBlob",
    "PhotoStage",
    "PlanItem",
    "PrintedDocument",
    "PrintedDocumentBlob",
    "Priority",
    "Product",
    "ProductLot",
    "Reaction",
    "RecordCounter",
    "Reminder",
    "ReminderRule",
    "ReminderStatus",
    "Resource",
    "ResourceKind",
    "Role",
    "Segment",
    "SignedRecordError",
    "SourceChannel",
    "Staff",
    "SyncReceipt",
    "Tag",
    "TagGroup",
    "TagKind",
    "TemplateKind",
    "TemplateVersion",
    "Treatment",
    "TreatmentItem",
    "TreatmentItemProduct",
    "TreatmentPlan",
    "TreatmentProduct",
    "Trigger",
    "Visit",
    "VisitStatus",
    "VisitType",
    "utcnow",
]
