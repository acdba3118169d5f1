from .registry import all_rulebooks, get_rulebook

__all__ = ("all_rulebooks", "get_rulebook")
