"""Datelines: the place (and date, and credited outlet) a wire story opens with.

"SEOUL, March 10 (Yonhap) --", "ZENDA (Reuters) -", "May 8 (RNA).- The ...": where the story was
filed, and by whom. A dateline is no part of what is said, and neither its place nor its outlet
is a party to the story.
"""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Doc, Span, Token

from .model import doc_text
from .states import is_city_name, state_of_place


def opens_with_dateline(token: Token) -> bool:
    """A place opening its line, followed by a date or a bracketed credit: where the story was filed.

    A city the tagger (or a name learned from another article) took for an organisation still
    opens a dateline when it is a city's name: "Hyderabad, March 3, 2026 - Acme Ltd today
    announced" is a press release filed from Hyderabad, not a statement by "Hyderabad"."""
    following = token.doc[token.i + 1 : token.i + 5]
    if not any(t.ent_type_ == "DATE" or is_dateline_mark(t) for t in following):
        return False
    start = token.left_edge.idx
    if not (start == 0 or doc_text(token.doc)[start - 1] == "\n"):
        return False
    return token.ent_type_ in ("GPE", "LOC", "") or is_city_name(_name_at(token))


def _name_at(token: Token) -> str:
    """The whole name an entity opening at ``token`` spans ("Sao Paulo"), else the word."""
    end = token.i + 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    return token.doc[token.i : end].text


def dateline_end(words: Span) -> Token | None:
    """The dash closing a dateline that opens ``words`` ("SEOUL, March 10 (Yonhap) --",
    "ZENDA (Reuters) -"), if they open a line with one; else None."""
    if not len(words) or not (opens_with_dateline(words[0]) or is_dateline(words[0])):
        return None
    return next((t for t in words[1:9] if t.text != "(" and is_dateline_mark(t)), None)


def is_dateline_mark(token: Token) -> bool:
    """A bracket or dash that may close a dateline ("ZENDA (Reuters) -", "May 8 (RNA).- The ..."),
    not the hyphen inside a word: "X, the secretary-general of Y, urged" opens with no dateline."""
    if token.text in ("(", "\u2014", "\u2013", "--"):  # "--": Yonhap's and typewritten dashes
        return True
    return token.text == "-" and not _joins_words(token)


def _joins_words(hyphen: Token) -> bool:
    if hyphen.i == 0 or hyphen.i + 1 >= len(hyphen.doc):
        return False
    before, after = hyphen.doc[hyphen.i - 1], hyphen.doc[hyphen.i + 1]
    solid = not before.whitespace_ and not hyphen.whitespace_
    return solid and before.text[-1:].isalnum() and after.text[:1].isalnum()


def is_dateline(token: Token) -> bool:
    """An upper-case place opening a paragraph and followed by "(" or "," or a dash: where the story was filed."""
    if not token.text.isupper() or len(token.text) < 3 or not token.is_sent_start:
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and (following.text in (",", ":") or is_dateline_mark(following))


def dateline_state(doc: Doc) -> str | None:
    """The state whose capital or seat of government the story was filed from, if it opens with a
    dateline ("SEOUL, March 10 (Yonhap) --", "PARIS (AFP) -", "BISHKEK, July 2. KABAR -")."""
    for sent in islice(doc.sents, 4):
        words = [t for t in sent[:4] if t.text.isupper() and t.is_alpha]
        place = []
        for token in words:
            if place and token.i != place[-1].i + 1:
                break
            place.append(token)
        after = doc[place[-1].i + 1] if place and place[-1].i + 1 < len(doc) else None
        if place and place[0].i == sent.start and after is not None and (after.text == "," or is_dateline_mark(after)):
            return state_of_place(" ".join(t.text for t in place))
        if dateline_end(sent) is not None:
            return None
    return None
