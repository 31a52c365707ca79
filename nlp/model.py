"""The spaCy pipeline ClaimTrack extracts with, and the fixes it needs on news text.

``load_pipeline`` loads a stock English model and adds what the small model
gets wrong on real articles, and what keeps hostile text from costing more
than its length:

- possessives written with U+2019 or U+02BC ("Kenyaʼs") split like "Kenya's";
- a line break always ends a sentence (paragraphs and list lines are never
  merged into one sentence by the parser);
- no sentence is longer than ``MAX_SENTENCE_TOKENS`` tokens: the rules read a
  sentence in time that grows faster than its length, so a "sentence" of
  thousands of words (a line with no full stop, a list of names) is broken up
  before the parse; real sentences are far shorter and never touched;
- an EntityRuler before the statistical NER, fed from the aliases the corpus
  already knows, so editors' corrections improve the next extraction; a known
  alias that is only part of a longer name ("Peru" in "Revolutionary Armed
  Forces of Peru", "Ferreyra" in "Tomas Ferreyra") is left to the NER.

``doc_text`` is ``doc.text`` joined once per document, for the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_suffix_regex

from .actor_words import ABBREVIATED_TITLES, PERSON_TITLES, TITLE_WORDS
from .types import ACTOR_LABELS, KnownAlias

RULER_NAME = "known_aliases"
SENTENCE_BREAKS_NAME = "line_break_sentences"
LONG_SENTENCES_NAME = "long_sentence_breaks"
FRAGMENTS_NAME = "known_alias_fragments"

# Apostrophes that typographers and transliterators use in place of "'".
_APOSTROPHES = ("\u2019", "\u02bc", "\u2018", "`", "\u00b4")


@Language.component(SENTENCE_BREAKS_NAME)
def line_break_sentences(doc: Doc) -> Doc:
    """Start a sentence after every whitespace token holding a line break; and none at a lower-case
    word after a quotation closed on "?" or "!" ('"How many near misses do we need?" she said'):
    the attribution belongs to the quotation's sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if (
            previous.is_space
            and "\n" in previous.text
            and not token.is_space
            or "\n" in previous.whitespace_
        ):
            token.is_sent_start = True
        elif token.text[:1].islower() and _closes_quoted_question(doc, token.i - 1):
            token.is_sent_start = False
    return doc


_CLOSING_QUOTES = ('"', "\u201d", "'", "\u2019")


def _closes_quoted_question(doc: Doc, i: int) -> bool:
    return i >= 1 and doc[i].text in _CLOSING_QUOTES and doc[i - 1].text in ("?", "!")


_TEXT_KEY = "model.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document.

    spaCy joins every token's text again on each ``doc.text``; the rules slice the
    text once per cue or name, which made an article's extraction time grow with
    the square of its length.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


# The longest sentence the rules are given. The longest in the samples and the
# development set is 77 tokens; the statement and stance rules take time that
# grows with the square (or more) of a sentence's length, and on a 200,000
# character line with no full stop that was minutes.
MAX_SENTENCE_TOKENS = 250
_SENTENCE_END_TOKENS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSING_MARKS = frozenset({'"', "'", "”", "’", ")", "]"})
_CLAUSE_END_TOKENS = frozenset({",", ";", ":", "—", "–", "-", "--"})


@Language.component(LONG_SENTENCES_NAME)
def break_long_sentences(doc: Doc) -> Doc:
    """Start a sentence wherever ``MAX_SENTENCE_TOKENS`` tokens have gone by without one.

    Runs before the parser, which keeps the starts set here and may add more, so no
    parsed sentence is longer. The break goes where a sentence most likely ends: after
    the last full stop (or "!", "?") of the stretch, failing that after its last comma,
    semicolon or dash, failing that at the token that reached the limit.
    """
    start = 0
    after_stop = after_clause = None
    for token in doc[1:]:
        if token.is_sent_start:
            start, after_stop, after_clause = token.i, None, None
            continue
        if not token.is_space:
            previous = _before_closing_marks(doc, token.i - 1)
            if previous.text in _SENTENCE_END_TOKENS:
                after_stop = token.i
            elif previous.text in _CLAUSE_END_TOKENS:
                after_clause = token.i
        if token.i - start >= MAX_SENTENCE_TOKENS:
            start = after_stop or after_clause or token.i
            doc[start].is_sent_start = True
            after_stop = after_clause = None
    return doc


def _before_closing_marks(doc: Doc, i: int) -> Token:
    """The token before any closing quotes or brackets ending at ``i``: '."' ends a sentence too.

    A straight quote is closing only when it is written against the word before it;
    with a space before it it opens the next sentence ('. "Every').
    """
    while i > 0 and doc[i].text in _CLOSING_MARKS and not doc[i - 1].whitespace_:
        i -= 1
    return doc[i]


# Capitalised words before a known alias that are a title, not part of the name
# ("Minister Lavrov", "Gen. Okafor"): the alias is not a fragment there.
_TITLE_BEFORE_NAME = PERSON_TITLES | ABBREVIATED_TITLES | TITLE_WORDS


def _continues_name_before(doc: Doc, start: int) -> bool:
    """ "Tomas [Ferreyra]", "Armed Forces of [Peru]", "Government of the Republic of
    [Peru]": the alias ends a longer capitalised name that the model should read whole."""
    i = start - 1
    if i >= 1 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i].whitespace_:
        before = doc[i - 1]
        return before.is_title and before.pos_ in {"PROPN", "NOUN"} and not before.is_sent_start
    if i < 0 or i != start - 1:
        return False
    before = doc[i]
    return (
        bool(before.whitespace_)
        and before.is_title
        and before.pos_ == "PROPN"
        and not before.is_sent_start
        and before.lower_.rstrip(".") not in _TITLE_BEFORE_NAME
    )


def _continues_name_after(doc: Doc, end: int) -> bool:
    """ "[Reuters] Institute", "[Syrian] Arab Republic": the alias starts a longer name."""
    following = doc[end] if end < len(doc) else None
    return (
        following is not None
        and bool(doc[end - 1].whitespace_)
        and following.is_title
        and following.pos_ == "PROPN"
    )


@Language.component(FRAGMENTS_NAME)
def drop_known_alias_fragments(doc: Doc) -> Doc:
    """Forget a known alias that is only part of a longer name ("Syrian" of "the Syrian Arab
    Republic", "Reuters" of "Reuters Institute", "Peru" of "Revolutionary Armed Forces of
    Peru", "Ferreyra" of "Tomas Ferreyra"): the statistical NER then reads the whole name."""
    kept, dropped = [], []
    for ent in doc.ents:
        if ent.ent_id_ and (
            _continues_name_after(doc, ent.end) or _continues_name_before(doc, ent.start)
        ):
            dropped.append(ent)
        else:
            kept.append(ent)
    if dropped:
        for ent in dropped:
            for token in ent:
                token.ent_id_ = ""  # the longer name is not the known alias
        doc.set_ents(kept, missing=dropped, default="unmodified")
    return doc


def _fix_possessive_suffixes(nlp: Language) -> None:
    """Split "Kenyaʼs" / "Kenya’s" like "Kenya's" and make the tagger see a plain "'s"."""
    extra = []
    for mark in _APOSTROPHES:
        extra += [f"{mark}s", f"{mark}S"]
    extra = [e for e in extra if e not in nlp.Defaults.suffixes]
    suffixes = [re.escape(s) for s in extra] + list(nlp.Defaults.suffixes)
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    for mark in _APOSTROPHES:
        # The tagger and tok2vec read NORM: give the odd apostrophes the norm of "'".
        for form in (f"{mark}s", f"{mark}S"):
            nlp.vocab[form].norm_ = "'s"
        nlp.vocab[mark].norm_ = "'"


def _ruler_patterns(known_aliases: Iterable[KnownAlias]) -> list[dict]:
    patterns = []
    seen: set[tuple[str, str]] = set()
    for known in known_aliases:
        surface = known.surface.strip()
        if not surface or known.label not in ACTOR_LABELS:
            continue
        if (surface, known.label) in seen:
            continue
        seen.add((surface, known.label))
        patterns.append({"label": known.label, "pattern": surface, "id": known.canonical})
    return patterns


def set_known_aliases(nlp: Language, known_aliases: Iterable[KnownAlias]) -> None:
    """Replace the EntityRuler's patterns with the corpus's current aliases."""
    ruler = nlp.get_pipe(RULER_NAME)
    ruler.clear()
    patterns = _ruler_patterns(known_aliases)
    if patterns:
        ruler.add_patterns(patterns)
        if RULER_NAME in nlp.disabled:
            nlp.enable_pipe(RULER_NAME)
    elif RULER_NAME not in nlp.disabled:
        # A corpus with no aliases yet: an empty ruler would only warn on every doc.
        nlp.disable_pipe(RULER_NAME)


def load_pipeline(model: str, known_aliases: Iterable[KnownAlias] = ()) -> Language:
    """A fresh pipeline: ``spacy.load(model)`` plus ClaimTrack's fixes (see module doc)."""
    nlp = spacy.load(model)
    _fix_possessive_suffixes(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_BREAKS_NAME, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_BREAKS_NAME, before="senter")
    else:
        nlp.add_pipe(SENTENCE_BREAKS_NAME, first=True)
    # After the line breaks: it counts from the sentence starts they set.
    nlp.add_pipe(LONG_SENTENCES_NAME, after=SENTENCE_BREAKS_NAME)
    before = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    # overwrite_ents: a name an editor has confirmed beats the statistical guess.
    nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
        **before,
    )
    nlp.add_pipe(FRAGMENTS_NAME, after=RULER_NAME)
    set_known_aliases(nlp, known_aliases)
    return nlp


@lru_cache(maxsize=2)
def shared_pipeline(model: str) -> Language:
    """One pipeline per model for callers (and tests) that do not need their own."""
    return load_pipeline(model)


class ParseCache:
    """What no known alias can change in a parse, kept for texts read again.

    A settle reads an article again only because the corpus's names changed
    (pipeline/services.py). Everything before the EntityRuler -- tokens, tags,
    sentences, the dependency parse, lemmas -- comes out the same, so a text
    read again runs only the ruler and the components after it, on a copy of
    the parse kept from its last reading. The result reads as the doc a fresh
    ``nlp(text)`` gives (tests/test_parse_cache.py).

    The parse is kept without the shared tok2vec's tensor, about 60% of its
    memory: the components after the cut do not read it (the NER has a tok2vec
    of its own) and neither do the rules, so every doc given has none, kept or
    fresh. That makes room for ``size`` parses: a settle re-reads in the order
    the articles came in, so with fewer places than articles read since the
    last settle most parses were evicted just before they were wanted (the 173
    texts read inline: 100 of 258 re-readings found theirs at 128 places, all
    at 512).
    """

    def __init__(self, nlp: Language, size: int = 512) -> None:
        self.nlp = nlp
        self.size = size
        self._parses: dict[str, Doc] = {}  # insertion-ordered: the oldest is evicted first

    def parse(self, text: str) -> Doc:
        head, tail = self._split()
        parsed = self._parses.pop(text, None)
        if parsed is None:
            parsed = self.nlp.make_doc(text)
            for _, component in head:
                parsed = component(parsed)
            parsed.tensor = _NO_TENSOR
        self._parses[text] = parsed  # most recently used last
        if len(self._parses) > self.size:
            del self._parses[next(iter(self._parses))]
        doc = parsed.copy()
        for _, component in tail:
            doc = component(doc)
        return doc

    def _split(self) -> tuple[list, list]:
        """The enabled components before the first that reads the known aliases, and the rest."""
        pipeline = self.nlp.pipeline
        alias_readers = [i for i, (name, _) in enumerate(pipeline) if name in (RULER_NAME, FRAGMENTS_NAME)]
        cut = alias_readers[0] if alias_readers else len(pipeline)
        return pipeline[:cut], pipeline[cut:]


# What a doc holds before any tok2vec has run (spaCy's own empty tensor).
_NO_TENSOR = numpy.zeros((0,), dtype="float32")
