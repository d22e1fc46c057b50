"""Writers for Word, Markdown and CSV: pure functions of model objects."""
