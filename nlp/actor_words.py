"""The general English word lists the actor index reads (no names of any story).

Titles, government nouns, facility and organisation nouns, motion verbs and the
like: the cues by which name_spans.py, missed_names.py, actor_kinds.py,
metonymy.py and affiliations.py tell people, organisations, places and states
apart. Names of states, capitals and seats are reference data in states.py.
"""

# fmt: off
# Possessive endings the tokenizer splits off a name ("Kenya" + "ʼs").
POSSESSIVE = {"'s", "’s", "ʼs", "'", "’", "ʼ", "`s"}
# Nouns next to which a name is a facility ("the X naval base", "the airfield at X").
FACILITY_NOUNS = {
    "base", "airbase", "airfield", "airport", "port", "harbour", "harbor", "naval", "seaport",
    "dam", "refinery", "plant", "reactor", "prison", "camp", "barracks", "checkpoint", "crossing",
    "terminal", "pipeline", "bridge", "stadium", "hospital", "embassy", "consulate", "garrison"
}
# "the town of X": X is a place.
PLACE_NOUNS = {
    "town", "city", "village", "province", "region", "district", "capital", "state", "county",
    "municipality", "governorate", "oblast", "island", "port city"
}
# Offices only a town or city has: their holder acts for it, as a minister acts for a state.
CITY_OFFICES = frozenset({"mayor", "mayoress"})
# Nouns that make the next name an organisation ("news agency Anadolu", "the militant group X").
ORG_NOUNS = {
    "agency", "newspaper", "broadcaster", "daily", "weekly", "outlet", "channel", "network",
    "group", "militia", "movement", "party", "company", "firm", "organisation", "organization",
    "coalition", "alliance", "faction", "bank", "ministry", "union", "federation", "council",
    "committee", "tribunal", "court", "website", "magazine", "radio", "tv", "television",
    # Bodies of an administration: "its fisheries department, DG X", "the regulator X".
    "department", "directorate", "regulator", "watchdog",
}
# Titles and roles before or after a person's name ("President X", "X, the foreign minister").
PERSON_TITLES = {
    "president", "minister", "leader", "spokesman", "spokeswoman", "spokesperson", "envoy",
    "ambassador", "chancellor", "premier", "king", "queen", "prince", "princess", "emir", "sultan",
    "general", "commander", "secretary", "adviser", "advisor", "aide", "negotiator", "governor",
    "mayor", "senator", "representative", "chief", "head", "director", "chairman", "chairwoman",
    "chair", "ceo", "founder", "pope", "cardinal", "bishop", "imam", "sheikh", "cleric", "colonel",
    "major", "lieutenant", "captain", "admiral", "marshal", "judge", "prosecutor", "lawyer",
    "attorney", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "speaker", "diplomat", "official",
    "commissioner", "vice", "deputy", "prime", "dictator", "strongman", "monarch"
}
# What a person does, written before the name like a title but not one: it says nothing of
# whom they act for ("Hurdler Jane Roe", "Economist John Doe", "Dutch MEP Jane Roe").
OCCUPATION_WORDS = {
    "mp", "mep", "lawmaker", "legislator", "congressman", "congresswoman", "councillor", "councilor",
    "sprinter", "hurdler", "runner", "athlete", "striker", "midfielder", "defender", "goalkeeper",
    "coach", "player", "swimmer", "cyclist", "boxer", "economist", "analyst", "activist",
    "campaigner", "journalist", "reporter", "photographer", "author", "writer", "novelist",
    "actor", "actress", "singer", "artist", "businessman", "businesswoman", "billionaire",
    "entrepreneur", "investor", "scientist", "researcher", "professor", "historian", "farmer",
    "fisherman", "pilot", "blogger", "executive", "skipper",
}
# Family ties that describe a person ("X, the wife of the captain", "X, whose son is held").
KIN_NOUNS = {
    "wife", "husband", "widow", "widower", "mother", "father", "son", "daughter", "brother", "sister",
    "cousin", "uncle", "aunt", "grandmother", "grandfather", "partner", "fiancée", "fiancé", "relative",
}
# Titles written short, with or without the dot ("Gen. X", "Lt Col X", "Sgt X").
ABBREVIATED_TITLES = {
    "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pte", "pvt", "adm", "cmdr", "cdr",
    "brig", "gov", "sen", "rep", "prof", "rev", "insp", "supt", "amb", "pres", "hon", "fr", "cmdte"
}
# Courtesy titles that go with a bare surname ("Ms Okafor"): kept with the surname, since which
# of two people sharing it is meant can hang on them; normalise.py drops them from the name.
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr"}
# Government, official and armed-force nouns that stand for a state when a state,
# nationality, capital or seat modifies them ("Turkish officials", "the Chinese side").
GOVERNMENT_NOUNS = {
    "government", "officials", "official", "authorities", "authority", "administration", "side",
    "ministry", "regime", "rulers", "ruler", "leadership", "leaders", "delegation", "diplomats",
    "embassy", "cabinet", "presidency", "state", "junta", "negotiators", "forces", "force",
    "military", "army", "navy", "troops", "warplanes", "jets", "department", "office", "foreign",
    "defence", "defense", "interior", "treasury", "readout", "statement", "spokesman",
    "spokeswoman", "spokesperson", "parliament", "senate", "congress", "president", "leader",
    "premier", "minister", "security", "intelligence", "services", "police", "mission", "envoy",
    "ambassador", "counterpart"
}
# Organs that speak for the whole state when a phrase names them after it ("the Government of
# the Republic of X", "the X State", "X's Ministry of Foreign Affairs").
STATE_ORGAN_NOUNS = {
    "government", "state", "ministry", "administration", "presidency", "cabinet", "executive",
    "regime", "junta", "authorities"
}
# Last words of an armed force named in full ("the Ruritanian Armed Forces"): a party of its
# own, not the state that owns it.
ARMED_FORCE_NOUNS = {"forces", "army", "navy", "military", "police", "guard", "guards"}
# Events and documents named after the city that hosted them ("the Geneva talks", "the
# Vienna summit", "the Oslo Accords"): the city word there is neither the city nor its state.
EVENT_NOUNS = {
    "talks", "summit", "dialogue", "process", "negotiations", "conference", "accord", "accords",
    "agreement", "declaration", "protocol", "treaty", "round", "meeting", "format", "forum",
    "convention", "communique", "communiqué", "ceasefire", "truce", "framework", "roadmap"
}
# Words that are part of a title, not of the name after it ("Chief Executive", "Foreign").
TITLE_WORDS = {
    "executive", "officer", "foreign", "defence", "defense", "interior", "finance", "state",
    "acting", "interim", "former", "new", "senior", "top", "assistant", "general", "supreme",
    "national", "security", "affairs", "of", "and", "the",
}
# Words before a title that make its holder not (or no longer) act for the state.
NOT_CURRENT = {
    "former", "ousted", "exiled", "ex", "late", "deposed", "toppled", "overthrown", "fallen",
    "previous", "then"
}
# Prepositions that make a seat of government the building ("protesters at the White House").
LOCATIVE_PREPS = {
    "in", "at", "to", "into", "inside", "outside", "near", "toward", "towards", "around", "across",
    "through", "via", "within", "throughout", "beyond"
}
# Verbs whose object is a place, not a party ("fled to Ankara", "stormed Kinshasa").
MOTION_VERBS = {
    "flee", "fly", "travel", "go", "come", "return", "arrive", "move", "head", "send", "deploy",
    "march", "enter", "leave", "storm", "capture", "visit", "reach", "bomb", "shell", "attack",
    "seize", "take", "liberate", "besiege", "evacuate", "relocate", "escape", "retreat", "withdraw"
}
# What a city (not its state) has: "Ankara's streets" is the city.
URBAN_NOUNS = {
    "street", "streets", "residents", "mayor", "airport", "suburb", "suburbs", "district",
    "districts", "metro", "centre", "center", "outskirts", "skyline", "population", "people",
    "citizens", "neighbourhood", "neighborhood"
}
# Measures taken against a state: "sanctions on Caracas" target the state.
SANCTION_NOUNS = {
    "sanctions", "sanction", "pressure", "embargo", "demands", "demand", "restrictions", "tariffs",
    "strikes", "war"
}
# Particles inside personal names after which the name goes on ("Maria Laura da Rocha").
INNER_PARTICLES = {
    "da", "de", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "ter",
    "la", "le", "bin", "ibn", "bint", "ben", "y"
}
# The portfolio in "Secretary of State", "Minister of Defence" (not an actor).
MINISTRY_SUBJECTS = {
    "state", "foreign", "affairs", "defence", "defense", "interior", "treasury", "justice",
    "commerce", "finance", "health", "education", "energy", "trade"
}
# Words between a name and the organisation noun it names ("the M23 rebel group").
ORG_MODIFIERS = {
    "news", "rebel", "militant", "armed", "political", "opposition", "terrorist", "jihadist",
    "islamist", "paramilitary", "media", "state", "private", "security", "mercenary", "separatist",
    "insurgent", "guerrilla", "ruling", "far-right", "far-left", "student", "trade", "hacker",
    "criminal", "drug", "advocacy", "research", "energy", "oil", "defence", "defense", "tech",
    "holding"
}
# Prepositions that only ever take a place ("near Goma").
LOCATIVE_ONLY_PREPS = {
    "near", "outside", "around", "across", "toward", "towards", "into", "inside", "throughout",
    "within"
}
# Endings of words that name peoples and creeds ("Kenyan", "Islamist", "Sunnis", "Western").
GROUP_WORD_ENDINGS = (
    "an", "ans", "ern", "ese", "ish", "ist", "ists", "ic", "ics", "i", "is", "ite", "ites", "ch",
    "s"
)
# Prepositions whose object is where something happens or goes ("in Kisanga", "flights to Doha").
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "into", "across", "through", "inside", "outside"})
# Prepositions whose object takes part in the act ("talks with Ankara", "a deal by Beijing").
ACTING_OBJECT_PREPS = {"against", "with", "by"}
# Last words that make a capitalised name an organisation ("Human Rights Watch", "Northline Rail").
ORG_NAME_ENDINGS = {
    "watch", "international", "group", "federation", "council", "association",
    "foundation", "institute", "party", "front", "movement", "committee", "commission", "bank",
    "fund", "agency", "organization", "organisation", "network", "alliance", "coalition",
    "company", "corporation", "corp", "inc", "ltd", "plc", "holdings", "airlines", "airways",
    "rail", "railways", "motors", "energy", "petroleum", "telecom", "media", "news", "times",
    "post", "herald", "tribune", "journal", "gazette", "society", "league", "club", "trust",
    "partners", "capital", "industries", "systems", "technologies", "labs", "brigade", "brigades",
    "terminals", "shipping", "logistics", "mining", "materials", "pharmaceuticals", "foods",
    "forum", "cooperative",
}
# Roles that make a person act for the organisation named with them. Deliberately
# not "member", "analyst", "lawyer", "adviser": they work at or for it but do not speak for it.
ORGANISATION_ROLES = {
    "leader", "head", "chief", "chairman", "chairwoman", "chair", "chairperson", "president",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "negotiator", "commander",
    "director", "executive", "ceo", "founder", "cofounder", "co-founder", "coordinator",
    "convenor", "convener", "boss", "representative", "envoy",
}
# Words that qualify such a role without changing whose it is ("deputy general secretary",
# "acting chief executive", "managing director").
ROLE_QUALIFIERS = {"deputy", "vice", "acting", "interim", "general", "managing", "executive", "chief", "senior", "press"}
# Nouns with which an article refers back to an organisation it has just named.
GENERIC_ORGANISATION_NOUNS = frozenset({
    "group", "organisation", "organization", "company", "firm", "watchdog", "charity",
    "body", "association", "agency", "network", "coalition", "alliance", "movement", "outlet",
})
# People named by what they do at an organisation ("analysts at X", "a spokeswoman for X").
ROLE_NOUNS = {
    "analyst", "analysts", "economist", "economists", "researcher", "researchers", "strategist",
    "strategists", "executive", "executives", "official", "officials", "spokesman",
    "spokeswoman", "spokesperson", "lawyer", "lawyers", "engineer", "engineers", "employee",
    "employees", "staff", "director", "head", "chief", "chairman", "chairwoman", "founder",
    "partner", "partners", "editor", "reporter", "reporters", "correspondent", "consultant",
    "consultants", "scientist", "scientists", "managers", "manager"
}
# Legal-form endings of company names ("Zorvex Biotech Ltd.", "Quarnet Holdings plc").
CORPORATE_SUFFIXES = {
    "ltd", "limited", "inc", "plc", "corp", "llc", "llp", "ag", "sa", "nv", "bv", "gmbh", "pty", "spa",
    "sas", "sarl", "srl", "ltda", "oy", "oyj", "ab", "asa", "bhd", "tbk", "kgaa",
}
def is_organisation_ending(word: str) -> bool:
    """ "Watch", "Motors", "Ltd.", "SAS": a last word that makes a name an organisation."""
    word = word.lower()
    return word in ORG_NAME_ENDINGS or word.rstrip(".") in CORPORATE_SUFFIXES


# What only a company has: "X's shares fell", "X shares", "shares of X".
COMPANY_NOUNS = {"shares", "stock", "stocks", "shareholders", "share price", "earnings"}
# Last words that make a name a public body even when the model took it for a place
# ("Port of Zenda Authority", "Zenda River Commission").
BODY_NAME_ENDINGS = {"authority", "commission", "agency", "council", "committee", "board", "ministry", "directorate"}
# Verbs whose subject relays news: a name reporting is an outlet, not a place ("Bloomberg reported").
RELAYING_VERBS = {"report", "write", "cite", "quote", "publish", "broadcast"}
# fmt: on

# Common nouns for a body. One of them alone ("the Ministry", "the Republic", "the Commission") is
# a description that names a body only inside its article; across articles it names every
# ministry at once, so it is never a name to merge entities by or to teach the ruler.
GENERIC_BODY_WORDS = frozenset({
    "ministry", "government", "department", "office", "agency", "authority", "authorities",
    "commission", "council", "committee", "court", "tribunal", "parliament", "assembly", "senate",
    "congress", "republic", "state", "union", "federation", "association", "party", "army", "police",
    "navy", "military", "forces", "embassy", "presidency", "cabinet", "administration", "regime",
    "bank", "company", "group", "board", "directorate", "secretariat", "inspectorate", "service",
})


def is_generic_body_word(name: str) -> bool:
    """ "Ministry", "the Commission": one common noun for a body, no name."""
    words = name.casefold().split()
    if words[:1] == ["the"]:
        words = words[1:]
    return len(words) == 1 and words[0] in GENERIC_BODY_WORDS


# A city's government in the city's own language, as translated copy keeps it ("the Prefeitura",
# "the Ayuntamiento de Madrid", "la Mairie de Lyon"): the city acting.
CITY_GOVERNMENT_WORDS = frozenset({
    "prefeitura", "ayuntamiento", "alcaldía", "alcaldia", "municipalidad", "mairie", "rathaus",
    "comune", "gemeente", "concello", "ajuntament",
})

# English nouns for a body, and the words for them in the languages whose names translated copy
# keeps: "the union" is the "União dos Professores", "the court" the "Tribunal de Justiça".
TRANSLATED_BODY_NOUNS: dict[str, frozenset[str]] = {
    "union": frozenset({"união", "unión", "unione", "sindicato", "syndicat", "sindicat", "gewerkschaft"}),
    "association": frozenset({"associação", "asociación", "associazione", "associació", "verband"}),
    "court": frozenset({"tribunal", "tribunale", "cour", "corte", "gericht", "gerichtshof"}),
    "council": frozenset({"conseil", "consejo", "conselho", "consiglio", "rat"}),
    "ministry": frozenset({"ministério", "ministerio", "ministère", "ministero", "ministerium"}),
    "commission": frozenset({"comissão", "comisión", "commissione", "kommission"}),
    "federation": frozenset({"federação", "federación", "fédération", "federazione"}),
    "party": frozenset({"partido", "parti", "partito", "partei"}),
    "agency": frozenset({"agência", "agencia", "agence", "agenzia", "agentur"}),
}


# Names of bodies that regulate or oversee (not a court, a ministry or a parliament).
REGULATING_BODY_WORDS = frozenset({
    "commission", "authority", "agency", "office", "board", "council", "directorate", "inspectorate",
    "regulator", "watchdog", "commissioner", "ombudsman",
}) | TRANSLATED_BODY_NOUNS["commission"] | TRANSLATED_BODY_NOUNS["agency"]


def names_a_regulating_body(name: str) -> bool:
    """ "Velmar Competition Commission", "Commission nationale de l'informatique et des libertés"."""
    return bool({w.casefold() for w in name.split()} & REGULATING_BODY_WORDS)
