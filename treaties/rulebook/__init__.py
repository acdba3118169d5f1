from .registry import all_rulebooks
from .registry import get_rulebook

__all__ = ("all_rulebooks", "get_rulebook")
