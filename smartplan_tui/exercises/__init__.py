"""Pure logic of the workshop exercises: no Textual, no TinyDB, only model objects."""
