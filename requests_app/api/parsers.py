"""The API's JSON parser: DRF's, bounded in depth.

Python's ``json`` parses nested arrays and objects recursively: a body nested about 950 levels
deep raised ``RecursionError`` (a 500) on every JSON endpoint. No input of this API nests more
than a few levels, so a body deeper than ``MAX_JSON_DEPTH`` is refused with 400 — both when the
parser itself runs out of stack and, measured without recursion, after it succeeded (so nothing
downstream recurses over it either).
"""

from __future__ import annotations

from typing import Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_JSON_DEPTH = 32


def json_depth(value: Any) -> int:
    """How deeply ``value`` nests lists and dicts (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(
            item, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, (dict, list)))
    return deepest


def _too_deep() -> ParseError:
    return ParseError(f"JSON parse error - nested more than {MAX_JSON_DEPTH} levels deep.")


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing bodies nested more than ``MAX_JSON_DEPTH`` levels (400)."""

    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise _too_deep() from None
        if json_depth(data) > MAX_JSON_DEPTH:
            raise _too_deep()
        return data
