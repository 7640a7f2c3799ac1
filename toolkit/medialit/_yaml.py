"""YAML reading with line numbers, so errors can point into the file."""

from __future__ import annotations

from typing import Any

import yaml


# libyaml's parser when PyYAML's wheel has it (it always does on the usual platforms): keys are parsed
# about ten times faster than by the pure-Python one, with the same line numbers.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, path: str) -> tuple[Any, yaml.Node | None]:
    """Parse *text* safely, returning the data and the node tree (for line lookups).

    Raises:
        yaml.YAMLError: when the text is not valid YAML (the caller adds the file name).
    """
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def line_of(node: yaml.Node | None, loc: tuple) -> int | None:
    """Return the 1-based line of the value at *loc* (keys and list indexes) in *node*."""
    line = None
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            match = [v for k, v in node.value if getattr(k, "value", None) == part]
            node = match[0] if match else None
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            node = None
    if node is not None:
        line = node.start_mark.line + 1
    return line
