"""All rulebooks the engine knows, by instrument slug."""

from __future__ import annotations

from functools import cache

from .schema import Rulebook


@cache
def all_rulebooks() -> dict[str, Rulebook]:
    from . import kz_br_2018, kz_cz_2017, kz_rs_2015, kz_sk_2007

    books = (kz_cz_2017.RULEBOOK, kz_sk_2007.RULEBOOK, kz_rs_2015.RULEBOOK, kz_br_2018.RULEBOOK)
    return {book.slug: book for book in books}


def get_rulebook(slug: str) -> Rulebook:
    try:
        return all_rulebooks()[slug]
    except KeyError:
        raise LookupError(f"No rulebook for instrument {slug!r}") from None
