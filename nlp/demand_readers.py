"""Small token readers shared by the demand modules: a token's child or preposition,
a verb's own subject, quotation marks, text spans and a phrase's content terms.
"""
from __future__ import annotations

from spacy.tokens import Token

from .model import doc_text
from .types import Span as TextSpan


# Words to leave out of a demand's terms: they carry no topic.
_LIGHT_NOUNS = frozenset({"measure", "thing", "way", "part", "kind", "sort", "lot", "number", "step", "such"})


def content_terms(token: Token) -> list[str]:
    """Sorted content-noun lemmas of a phrase: what a nominal demand is about."""
    return _terms(token.subtree)


def _terms(tokens) -> list[str]:
    terms = set()
    for t in tokens:
        if t.pos_ != "NOUN" or t.is_stop or t.ent_type_:
            continue
        lemma = t.lemma_.lower()
        if t.lower_ == "bases":  # the small model lemmatises "bases" to "basis"
            lemma = "base"
        if lemma not in _LIGHT_NOUNS and lemma.isalpha():
            terms.add(lemma)
    return sorted(terms)


def _child(token: Token | None, dep: str) -> Token | None:
    if token is None:
        return None
    for child in token.children:
        if child.dep_ == dep:
            return child
    return None


def _prep(token: Token, word: str) -> Token | None:
    """The preposition ``word`` hanging on ``token`` that names a party or a thing, not a time:
    "called on Monday on France to ..." is "on France"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == word and not _names_a_time(child):
            return child
    return None


def _names_a_time(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _is_quoted(token: Token) -> bool:
    doc = token.doc
    before = doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    return before is not None and before.text in ('"', "\u201c", "'", "\u2018")


def _own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _sentence_span(token: Token) -> TextSpan:
    sent = token.sent
    return TextSpan(sent.start_char, sent.end_char, sent.text)


def _subtree_span(token: Token) -> TextSpan:
    return _tokens_span(list(token.subtree), token)


def _tokens_span(tokens: list[Token], token: Token) -> TextSpan:
    tokens = [t for t in tokens if not t.is_space]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ('"', "\u201d", ")", "]"):
        tokens.pop()
    if not tokens:
        return TextSpan(token.idx, token.idx + len(token.text), token.text)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return TextSpan(start, end, doc_text(token.doc)[start:end])
