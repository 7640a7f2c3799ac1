"""Course authoring: lessons (YAML) in, nbgrader source notebooks, student exercises and solutions out."""
