"""Local storage: SQLAlchemy models on an embedded SQLite file (any SQLAlchemy URL works)."""
