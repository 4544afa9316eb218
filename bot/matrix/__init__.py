"""The Matrix bot: a matrix-nio client, room events -> what to check, Matrix HTML replies."""
