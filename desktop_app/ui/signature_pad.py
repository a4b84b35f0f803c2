"""A signature pad: the patient, guardian or doctor signs with a mouse, pen or finger.

SKELETON (issue 7): the lead defined ``ask_signature`` so the preview can call it; a helper
fills it in.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

Strokes = tuple[tuple[tuple[float, float], ...], ...]


def ask_signature(parent: QWidget | None, role: str, name: str) -> Strokes | None:
    """Open the pad for ``role`` ("patient", "guardian", "doctor") signing as ``name``;
    the strokes (0..1 of the pad, y down), or None if cancelled."""
    raise NotImplementedError
