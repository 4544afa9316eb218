"""What every chat platform needs: settings, the SQLite store (limits, sealed results), logging."""
