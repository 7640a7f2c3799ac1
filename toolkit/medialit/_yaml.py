"""YAML reading with line numbers, so errors can point into the file."""

from __future__ import annotations

from typing import Any

import yaml


def load_yaml(text: str, path: str) -> tuple[Any, yaml.Node | None]:
    """Parse *text* safely, returning the data and the node tree (for line lookups).

    Raises:
        yaml.YAMLError: when the text is not valid YAML (the caller adds the file name).
    """
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    data = yaml.safe_load(text)
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
