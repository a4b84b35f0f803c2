"""Clinic Desk: the front desk of a medical-aesthetics clinic."""

__version__ = "0.1.0"
