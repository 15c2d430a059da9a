"""The Qt-free core: content, storage, scoring, export and the services over them.

Nothing under this package may import PySide6 (an import-linter contract and a
test enforce it), so the command line and the tests can use it without Qt.
"""
