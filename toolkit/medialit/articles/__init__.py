"""Articles: files in, ``Article`` objects with a sentences DataFrame out."""
