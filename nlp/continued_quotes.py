"""Quotations with no cue verb of their own, and quotations that continue a speaker.

A quotation standing alone belongs to the speaker or subject of the sentence
before it in its paragraph, else the person the next sentence names ("'...' X
was blunt", "That was the verdict of X"), else the last speaker quoted nearby;
after a colon, to the subject of its own sentence ("X gave a short answer:
'...'") (``continued_quotes``).
"""
from __future__ import annotations

from spacy.tokens import Span

from .anonymous_sources import ROLE_NOUNS, as_role, role_owner
from .discourse import Discourse, subjects_of
from .model import doc_text
from .quotations import in_quotes, sentence_span, text_span
from .speakers import speaker_of
from .speech_words import CUE_VERBS
from .types import ATTRIBUTED, STATEMENT, ActorRef, Extraction


def continued_quotes(
    sent: Span, disc: Discourse, quotes: list[tuple[int, int]], taken: set[tuple[int, int]],
) -> list[Extraction]:
    """Quotations with no cue verb of their own.

    A quotation standing alone belongs to the speaker the paragraph is about: the
    one quoted in the sentence before, else the person that sentence is about, else
    the one the next sentence names ("'...' X, the chief negotiator, was blunt";
    "'...' That was the verdict of X"), else the last speaker quoted nearby. A
    quotation after a colon in a sentence of its own ("X gave a short answer: '...'")
    belongs to that sentence's subject.
    """
    found = []
    for quote in quotes:
        if quote in taken or not (sent.start_char <= quote[0] < sent.end_char):
            continue
        if _cue_after_quote(disc, quote, quotes):
            continue  # '"A. B," she said': the cue in the quotation's last sentence claims all of it
        outside = [t for t in sent if not t.is_punct and not t.is_space and not (quote[0] <= t.idx < quote[1])]
        if any(t.pos_ in ("NOUN", "PROPN", "PRON", "VERB") for t in outside):
            # The sentence has its own frame ("The two sides 'agreed ...'"); only a colon hands it the quote.
            speaker = _colon_speaker(sent, quote, disc, quotes)
            if speaker is not None:
                found.append(_quoted(sent, disc, quote, speaker, cue="say"))
            continue
        speaker = _paragraph_speaker(sent, disc, quotes)
        if speaker is not None:
            found.append(_quoted(sent, disc, quote, speaker, cue="say"))
            continue
        previous = next(
            (e for e in reversed(disc.extractions) if e.kind == STATEMENT and e.actor is not None
             and e.sentence.end <= sent.start_char),
            None,
        )
        if previous is None or sent.start_char - previous.sentence.end > 400:
            continue
        found.append(Extraction(
            kind=STATEMENT, sentence=sentence_span(sent, None), actor=previous.actor,
            content=text_span(disc, quote), cue=previous.cue, direct=True,
            stance=previous.stance, origins=list(previous.origins), predicate="say",
        ))
    return found


def _quoted(sent: Span, disc: Discourse, quote: tuple[int, int], speaker: ActorRef, *, cue: str) -> Extraction:
    return Extraction(
        kind=STATEMENT, sentence=sentence_span(sent, None), actor=speaker,
        content=text_span(disc, quote), cue=cue, direct=True,
        stance=ATTRIBUTED, origins=[speaker], predicate="say",
    )


def _cue_after_quote(disc: Discourse, quote: tuple[int, int], quotes: list[tuple[int, int]]) -> bool:
    """Whether the sentence where a quotation ends has a cue verb outside the quotation marks."""
    last = disc.doc.char_span(quote[1] - 1, quote[1], alignment_mode="expand")
    if last is None:
        return False
    sent = last[0].sent
    if sent.start_char <= quote[0]:
        return False  # the quotation ends in the sentence it starts in
    return any(
        t.lemma_.lower() in CUE_VERBS and t.pos_ in ("VERB", "AUX") and not in_quotes(t, quotes)
        for t in sent
    )


def _colon_speaker(sent: Span, quote: tuple[int, int], disc: Discourse, quotes: list[tuple[int, int]]) -> ActorRef | None:
    """"X gave a short answer: '...'", "X was blunt: '...'": the main clause's subject said it."""
    before = doc_text(disc.doc)[sent.start_char:quote[0] - 1].rstrip()
    if not before.endswith(":"):
        return None
    root = sent.root
    if in_quotes(root, quotes):
        return None
    subjects = subjects_of(root)
    if not subjects:
        return None
    return disc.party(speaker_of(subjects[0], subjects, disc, quotes, [quote]))


def _paragraph_speaker(sent: Span, disc: Discourse, quotes: list[tuple[int, int]]) -> ActorRef | None:
    """Who a quotation standing alone in a paragraph belongs to, from its neighbours."""
    previous = disc.previous_sentences(sent, count=1)
    if previous and _same_paragraph(disc, previous[0], sent):
        before = previous[0]
        said = [e for e in disc.extractions if e.kind == STATEMENT and e.actor is not None
                and before.start_char <= e.sentence.start < before.end_char]
        if said:
            return said[-1].actor
        speaker = _main_subject(before, disc, quotes, labels=("PERSON",))
        if speaker is not None:
            return speaker
    following = _sentence_after_quote(sent, disc, quotes)
    if following is not None and _same_paragraph(disc, sent, following):
        return _main_subject(following, disc, quotes, labels=("PERSON",), named=True) or _utterance_owner(following, disc)
    return None


def _same_paragraph(disc: Discourse, first: Span, second: Span) -> bool:
    return "\n" not in doc_text(disc.doc)[first.end_char:second.start_char].strip(" ") and \
        "\n" not in first.text.strip() and "\n" not in second.text.strip()


def _sentence_after_quote(sent: Span, disc: Discourse, quotes: list[tuple[int, int]]) -> Span | None:
    """The sentence that follows the quotation opening in ``sent`` (which may run over several)."""
    quote = next((q for q in quotes if sent.start_char <= q[0] < sent.end_char), None)
    if quote is None or quote[1] <= sent.end_char:
        return _next_sentence(sent, disc)
    last = disc.doc.char_span(quote[1] - 1, quote[1], alignment_mode="expand")
    if last is None:
        return None
    end_sent = last[0].sent
    rest = doc_text(disc.doc)[quote[1]:end_sent.end_char].strip(" .,\u201d\"\n")
    return end_sent if rest else _next_sentence(end_sent, disc)


def _next_sentence(sent: Span, disc: Discourse) -> Span | None:
    index = sent.end
    while index < len(disc.doc):
        following = disc.doc[index].sent
        if following.text.strip():
            return None if disc.in_furniture(following.start_char, following.end_char) else following
        index = following.end
    return None


def _main_subject(
    sent: Span, disc: Discourse, quotes: list[tuple[int, int]], *, labels: tuple[str, ...], named: bool = False,
) -> ActorRef | None:
    """The actor the main clause of ``sent`` is about, when it is outside quotation marks."""
    root = sent.root
    if in_quotes(root, quotes):
        return None
    for subject in subjects_of(root):
        if in_quotes(subject, quotes) or (named and subject.pos_ == "PRON"):
            continue
        found = disc.ref(subject)
        if found is not None and found.label in labels:
            return found
    return None


# Nouns naming what someone said: "That was the verdict of X", "The words came from X".
UTTERANCE_NOUNS = frozenset({
    "word", "verdict", "message", "view", "assessment", "warning", "remark", "comment", "answer",
    "reply", "response", "judgement", "judgment", "reaction", "plea", "promise",
})


def _utterance_owner(sent: Span, disc: Discourse) -> ActorRef | None:
    """"That was the verdict of X" / "The words came from X": X said the quotation before."""
    for token in sent:
        if token.lemma_.lower() not in UTTERANCE_NOUNS or token.pos_ != "NOUN":
            continue
        holders = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
        if token.dep_ in ("nsubj", "nsubjpass"):
            holders += [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "from"]
        for prep in holders:
            found = disc.ref_any([p for p in prep.children if p.dep_ == "pobj"])
            if found is None:
                for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                    if pobj.lemma_.lower() in ROLE_NOUNS:
                        owner = role_owner(pobj, disc, [])
                        found = as_role(owner, pobj) if owner is not None else None
            if found is not None:
                return found
    return None
