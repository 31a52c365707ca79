"""When two written names are the same name.

``normalise_name`` is the form stored in ``Alias.normalised``: case, diacritics
(also the letters Unicode does not decompose: ø, æ, ß, ł, ...), a courtesy title
("Ms Okafor" is Okafor),
apostrophes, a leading "the", Arabic-style article prefixes (al-, el-, ad-, ...)
and hyphenation do not make two names different.

``same_name`` also accepts transliteration variants (Kyiv/Kiev, Odesa/Odessa,
Gaddafi/Gadhafi, Ahmad/Ahmed, Muhammad/Mohammad, Dmitry/Dmitri, Khamenei with
and without a breathy "kh") while refusing look-alikes that are different names
(Iran/Iraq, Austria/Australia, Gaza/Giza, Mali/Male, Niger/Nigeria). The rule,
word by word:

1. the *phonetic fold* of both words is equal: a fold that merges the spellings
   romanisation systems disagree on (o/u, i/y/ee/ie/ei, a/e in words of five
   letters or more, kh/h, q/k, ph/f, w/v, x/ks, a silent or breathy h, doubled
   letters; in words of five letters or more also a vowel written as two letters
   where the original has an umlaut or a slash: oe/o, ae/a, ue/u, aa/a); or
2. the two words have the same consonant skeleton, the same first and last
   letter, lengths within two, and a high character similarity of their folds
   (rapidfuzz ratio >= 80 for long words, 88 for short ones): inserted vowels
   (Aleksandr/Alexander) pass, different consonants or endings never do.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u00b4`\u2032"
# Definite-article prefixes of Arabic (and Hebrew/Persian-style) names in Latin script.
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ed|ar|as|ash|at|az|an|ul|ur)-(?=\w)")
_SPACED_ARTICLES = {"al", "el"}
# Courtesy titles before a name are not part of it (the dot is already gone).
_COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr"}
_FOLD_RULES = (
    ("tch", "ch"),
    ("ch", "\u00e7"),  # protect the digraphs that carry a consonant before dropping h
    ("sh", "\u015f"),
    ("zh", "\u0292"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("j", "\u0292"),  # dj/j/zh: Djibouti-style and Russian-style spellings
    ("d\u0292", "\u0292"),
)
_VOWEL_RULES = (
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ie", "i"),
    ("ei", "i"),
    ("ey", "i"),
    ("iy", "i"),
    ("yi", "i"),
    ("ay", "ai"),
    ("oy", "ui"),
)


# Letters that Unicode does not decompose into a base letter and a mark, as English
# news writes them when it drops the foreign letter ("Bjørnstad" -> "Bjornstad").
_LETTERS_WITHOUT_MARKS = str.maketrans(
    {
        "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss",
        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
        "ı": "i", "ħ": "h", "Ħ": "H",
    }
)
# The other way news drops them: a vowel with its umlaut or slash written as two letters
# ("Bjoernstad", "Mueller", "Haakon"), folded onto the single vowel in longer words.
_VOWEL_DIGRAPHS = (("oe", "o"), ("ae", "a"), ("ue", "u"), ("aa", "a"))


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS_WITHOUT_MARKS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _without_vowel_digraphs(word: str) -> str:
    for old, new in _VOWEL_DIGRAPHS:
        word = word.replace(old, new)
    return word


def _name_words(name: str) -> list[str]:
    """Casefolded ASCII-ish words of a name, without articles and possessives."""
    text = strip_diacritics(name).casefold()
    for mark in _APOSTROPHES:
        text = text.replace(mark, "'")
    text = re.sub(r"'s\b", "", text)  # possessive: "Kenya's" names Kenya
    text = text.replace("'", "").replace(".", "")
    text = re.sub(r"^\s*the\s+", "", text)
    raw_words = [w for w in re.split(r"[\s/,;:()\[\]\"\u201c\u201d\u201e\u00ab\u00bb]+", text) if w]
    if len(raw_words) > 1 and raw_words[0] in _COURTESY_TITLES:
        raw_words = raw_words[1:]  # "Ms Okafor" is Okafor
    words: list[str] = []
    for position, word in enumerate(raw_words):
        last = position == len(raw_words) - 1
        if word in _SPACED_ARTICLES and not last and len(raw_words) > 1:
            continue  # "Al Bashir" is "al-Bashir"
        word = _ARTICLE_PREFIX.sub("", word)
        words += [part for part in word.split("-") if part and part not in _SPACED_ARTICLES]
    if not words and raw_words:
        return [part for word in raw_words for part in word.split("-") if part]  # "Al" alone
    return words


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The form two spellings of one name share ("Al-Bashir" and "al Bashir" -> "bashir")."""
    return " ".join(_name_words(name))


@lru_cache(maxsize=65536)
def phonetic_fold(word: str) -> str:
    """A spelling-independent form of one normalised word (see module doc)."""
    folded = word
    for old, new in _FOLD_RULES:
        folded = folded.replace(old, new)
    folded = folded.replace("h", "")
    for old, new in _VOWEL_RULES:
        folded = folded.replace(old, new)
    # y after a consonant or at the end is a vowel; at the start or after a vowel a consonant.
    folded = re.sub(r"(?<=[^aeiou\W])y|y$", "i", folded)
    folded = folded.replace("o", "u")
    if len(word) >= 5:
        # a/e alternate in romanised Arabic and Persian (Ahmad/Ahmed); in short
        # words that merge would join different names (Peru/Paro).
        folded = folded.replace("e", "a")
    return re.sub(r"(.)\1+", r"\1", folded)


def consonant_skeleton(word: str) -> str:
    skeleton = re.sub(r"[aeiouy]", "", phonetic_fold(word))
    return re.sub(r"(.)\1+", r"\1", skeleton)


def same_word(a: str, b: str) -> bool:
    """Whether two normalised words are one word in different romanisations."""
    if a == b:
        return True
    fa, fb = phonetic_fold(a), phonetic_fold(b)
    if fa == fb:
        return len(a) > 2 or len(b) > 2 or a[0] == b[0]
    if min(len(a), len(b)) >= 5 and phonetic_fold(_without_vowel_digraphs(a)) == phonetic_fold(
        _without_vowel_digraphs(b)
    ):
        return True  # "bjoernstad"/"bjornstad", "soeren"/"soren"
    if min(len(fa), len(fb)) < 4 or abs(len(fa) - len(fb)) > 2:
        return False
    if fa[0] != fb[0] or fa[-1] != fb[-1]:
        return False
    if consonant_skeleton(a) != consonant_skeleton(b):
        return False
    # Longer words tolerate one more differing vowel (Abdullah/Abdallah).
    return fuzz.ratio(fa, fb) >= (80 if min(len(fa), len(fb)) >= 6 else 88)


@lru_cache(maxsize=65536)
def same_name(a: str, b: str) -> bool:
    """Whether two names are one name: equal once normalised, or transliteration variants."""
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    if len(wa) != len(wb):
        # "Abu Mohammad" / "Abumohammad": compare the names written solid.
        return same_word("".join(wa), "".join(wb)) and len("".join(wa)) > 6
    if all(same_word(x, y) for x, y in zip(wa, wb, strict=True)):
        return True
    # Family name first ("Kovacs Anna" for "Anna Kovacs"), as Hungarian, Chinese or Korean
    # names are written at home and often in translated copy.
    return len(wa) == 2 and same_word(wa[0], wb[1]) and same_word(wa[1], wb[0])


def short_form_of(short: str, full: str) -> bool:
    """Whether ``short`` is how an article may shorten ``full`` ("Putin" of "Vladimir Putin",
    "al-Bashir" of "Omar al-Bashir", "Support Forces" of "Rapid Support Forces").

    The short name's words end the full name. Meant for people and organisations;
    the caller decides whether the two names may be one actor (only one full name
    in the corpus ending that way, same kind).
    """
    ws, wf = _name_words(short), _name_words(full)
    if not ws or len(ws) >= len(wf):
        return False
    return all(same_word(a, b) for a, b in zip(ws, wf[-len(ws) :], strict=True))
