"""Which of the corpus's known aliases a text contains, and a fingerprint of them.

The EntityRuler reads an article with the aliases the corpus knows at that
moment, so an article read before a name was known may be read differently
after. What the ruler can change in one article depends only on the known
aliases that occur in its text; ``AliasIndex.fingerprint`` names that set, so
the pipeline can tell which articles were read with a ruler that has since
changed for them, and read them again.

Matching is on the exact surface (the ruler matches token texts, ``ORTH``) at
word boundaries; a rare false hit only costs one needless re-reading.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

from .types import KnownAlias

_WORD = re.compile(r"\w+")


def _key(alias: KnownAlias) -> tuple[str, str, str]:
    return alias.surface, alias.canonical, alias.label


class AliasIndex:
    """Known aliases indexed by their first word, for finding them in many texts."""

    def __init__(self, aliases: Iterable[KnownAlias]) -> None:
        self.aliases_given = list(aliases)
        self.aliases = sorted(set(self.aliases_given), key=_key)
        self._by_first_word: dict[str, list[tuple[re.Pattern, KnownAlias]]] = defaultdict(list)
        for alias in self.aliases:
            words = _WORD.findall(alias.surface)
            if words:
                pattern = re.compile(rf"(?<!\w){re.escape(alias.surface.strip())}(?!\w)")
                self._by_first_word[words[0]].append((pattern, alias))

    def found_in(self, text: str) -> list[KnownAlias]:
        """The known aliases whose surface occurs in ``text``, in a stable order."""
        found = set()
        for word in set(_WORD.findall(text)):
            for pattern, alias in self._by_first_word.get(word, ()):
                if pattern.search(text):
                    found.add(alias)
        return sorted(found, key=_key)

    def fingerprint(self, text: str) -> str:
        """Short and stable: equal for two rulers that read ``text`` the same way."""
        found = "\n".join("\x1f".join(_key(alias)) for alias in self.found_in(text))
        return hashlib.sha256(found.encode()).hexdigest()[:12]
