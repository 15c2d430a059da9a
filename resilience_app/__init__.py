"""Offline, bilingual city resilience self-assessment for a Chief Resilience Officer."""

__version__ = "0.1.0"
