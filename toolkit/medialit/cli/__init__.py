"""The ``medialit`` command line: thin wrappers over the library."""
