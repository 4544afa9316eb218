"""What the Matrix bot remembers between starts: its sync position and its device id.

Kept in the bot's SQLite file beside the rest of its state; never a message, never a token.
"""

from __future__ import annotations

from sqlite_utils import Database

TABLE = "matrix_state"


class MatrixState:
    def __init__(self, db: Database) -> None:
        self.db = db
        if not db[TABLE].exists():
            db.create_table(TABLE, {"key": str, "value": str}, pk="key")

    def get(self, key: str) -> str | None:
        rows = list(self.db.query(f"select value from {TABLE} where key = ?", [key]))
        return str(rows[0]["value"]) if rows else None

    def set(self, key: str, value: str) -> None:
        self.db[TABLE].upsert({"key": key, "value": value}, pk="key")
