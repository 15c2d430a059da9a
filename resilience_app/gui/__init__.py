"""The desktop interface: thin PySide6 adapters over `resilience_app.core.services`.

This is the only package that imports PySide6.
"""
