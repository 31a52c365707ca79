"""Statements set apart by layout: embedded social posts and interview answers.

A post signed "— Name (@handle) Month D, YYYY" is the name's statement
(``social_posts``); in question-and-answer layout the answer line is the
interviewee's, also after a prompt put to "you" without a question mark
(``interview_answers``).
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from .demand_parties import party_ref
from .discourse import Discourse
from .full_names import full_name
from .model import doc_text
from .types import ATTRIBUTED, STATEMENT, ActorRef, Extraction
from .types import Span as TextSpan


_SOCIAL_SIGNATURE = re.compile(
    r"[\u2014\u2013]\s*(?P<name>[^\n()\u2014\u2013]{2,60}?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})"
)
_HANDLE_PREFIX = re.compile(r"@\w{1,30}:\s*")
_URL_TAIL = re.compile(r"\s*(?:(?:https?://|pic\.twitter\.com/)\S+\s*)+$")


def social_posts(disc: Discourse) -> list[Extraction]:
    """Embedded posts signed "— Name (@handle) Month D, YYYY": the name said the text before it."""
    text = doc_text(disc.doc)
    found = []
    for match in _SOCIAL_SIGNATURE.finditer(text):
        content = _post_text(text, match.start())
        if content is None or disc.in_furniture(content[0], content[1]):
            continue
        name_start, name_end = match.span("name")
        name = match.group("name").strip()
        speaker = _post_speaker(disc, name, name_start, name_end)
        start, end = content
        found.append(Extraction(
            kind=STATEMENT,
            sentence=TextSpan(start, match.end(), text[start:match.end()]),
            actor=speaker,
            content=TextSpan(start, end, text[start:end]),
            cue="post",
            direct=True,
            stance=ATTRIBUTED,
            origins=[speaker],
            predicate="say",
        ))
    return found


def _post_text(text: str, signature_at: int) -> tuple[int, int] | None:
    line_start = text.rfind("\n", 0, signature_at) + 1
    start = line_start
    if not text[line_start:signature_at].strip():
        # The signature has its own line: the post is the line before it.
        previous_end = line_start - 1
        start = text.rfind("\n", 0, previous_end) + 1
    # Posts with several paragraphs are set apart by wide gaps; walk back over them.
    while True:
        gap_end = start
        gap_start = gap_end
        while gap_start > 0 and text[gap_start - 1] in "\n \t":
            gap_start -= 1
        if text[gap_start:gap_end].count("\n") < 3 or gap_start == 0:
            break
        start = text.rfind("\n", 0, gap_start) + 1
    handle = _HANDLE_PREFIX.match(text, start)
    if handle is not None and handle.end() < signature_at:
        start = handle.end()  # "@name: TEXT": the handle is the account, not what was said
    end = signature_at
    body = text[start:end]
    tail = _URL_TAIL.search(body)
    if tail:
        end = start + tail.start()
    while end > start and text[end - 1] in " \n\t":
        end -= 1
    return (start, end) if end > start else None


def _post_speaker(disc: Discourse, name: str, start: int, end: int) -> ActorRef:
    for mention in disc.actors.mentions:
        if mention.start <= start and end <= mention.end + 1:
            return ActorRef(name, mention.key, mention.label, start, end)
    return ActorRef(name, name, "PERSON", start, start + len(name))


# -- interviews ----------------------------------------------------------

# Verbs with which a reporter introduces an interview: "We asked her a few questions".
INTERVIEW_VERBS = frozenset({"ask", "interview", "question", "speak", "talk", "put"})
# Verbs whose subject is the interviewee when the reporter is the object: "X spoke to us",
# "the mayor received us at city hall", "she sat down with me".
_GRANTING_VERBS = frozenset({"speak", "talk", "receive", "meet", "sit", "tell", "give"})
_REPORTERS = frozenset({"us", "me", "reporters"})
_SHORT_LINE = 300
# "Q: ..." and "A: ..." mark the turns of an interview laid out as such.
_TURN_MARK = re.compile(r"^(?:Q|A)\s*[:.—–-]\s*")


def interview_answers(disc: Discourse) -> list[Extraction]:
    """Question-and-answer layout: a line ending in "?" and the line after it, the answer.

    The answer is the interviewee's: the person the reporter says they asked or spoke
    to just before the questions ("We asked her a few questions").
    """
    text = doc_text(disc.doc)
    lines = _lines(text)
    has_questions = any(_is_question_line(text[start:end]) for start, end in lines)
    found = []
    answered: set[int] = set()
    for (q_start, q_end), (a_start, a_end) in zip(lines, lines[1:]):
        question, answer = text[q_start:q_end], text[a_start:a_end]
        # In an interview, a prompt put to "you" without a question mark ("Your coach says you
        # are fast.") is a question too, unless it is itself the answer to the line before.
        is_prompt = has_questions and q_start not in answered and _is_prompt_line(question)
        marked = question.startswith("Q") and _TURN_MARK.match(question) and answer.startswith("A") \
            and _TURN_MARK.match(answer)
        if not marked and (not (_is_question_line(question) or is_prompt) or not _is_answer_line(answer)):
            continue
        if disc.in_furniture(q_start, q_end) or disc.in_furniture(a_start, a_end):
            continue
        speaker = _interviewee(disc, q_start, marked=bool(marked))
        if speaker is None:
            continue
        answered.add(a_start)
        if marked:
            a_start += _TURN_MARK.match(answer).end()  # "A: " is layout, not what was said
        while a_end > a_start and text[a_end - 1] in " .":
            a_end -= 1
        found.append(Extraction(
            kind=STATEMENT, sentence=TextSpan(a_start, a_end, text[a_start:a_end]), actor=speaker,
            content=TextSpan(a_start, a_end, text[a_start:a_end]), cue="answer", direct=True,
            stance=ATTRIBUTED, origins=[speaker], predicate="say",
        ))
    return found


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as character spans, whitespace trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _is_question_line(line: str) -> bool:
    return line.endswith("?") and len(line) < _SHORT_LINE and not any(c in line for c in '"\u201c\u201d')


_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)


def _is_prompt_line(line: str) -> bool:
    """A short unquoted statement addressed to the interviewee: "Your coach says you are fast."."""
    return _is_answer_line(line) and _SECOND_PERSON.search(line) is not None


def _is_answer_line(line: str) -> bool:
    return (
        not line.endswith("?") and len(line) < _SHORT_LINE and line[:1].isupper()
        and not any(c in line for c in '"\u201c\u201d') and line[-1:] in ".!"
    )


def _interviewee(disc: Discourse, before: int, *, marked: bool) -> ActorRef | None:
    """The person a reporter asked or spoke to in the sentences before ``before`` ("We asked her",
    "X spoke to us"); failing that, in a layout marked "Q:"/"A:" (an interview, not a rhetorical
    question in a report), the one person the article names before its questions (the
    headline's "Orbillo's Mathis Ferrandi: '...'")."""
    sents = [s for s in disc.sentences() if s.end_char <= before and before - s.end_char < 1500]
    for sent in reversed(sents):
        for verb in sent:
            if verb.pos_ != "VERB":
                continue
            found = _asked(verb, disc) or _granting_an_interview(verb, disc)
            if found is not None:
                return full_name(found, disc)
    return _only_person_named_before(disc, before) if marked else None


def _asked(verb: Token, disc: Discourse) -> ActorRef | None:
    if verb.lemma_.lower() not in INTERVIEW_VERBS:
        return None
    people = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    people += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
               for p in c.children if p.dep_ == "pobj"]
    for person in people:
        found = disc.ref(person)
        if found is not None and found.label == "PERSON":
            return found
    return None


def _granting_an_interview(verb: Token, disc: Discourse) -> ActorRef | None:
    """ "Mining Minister X spoke to us", "the mayor of Porto Alegre received us": the reporter is
    the object, the subject the interviewee (a title read as the person the article names in it)."""
    if verb.lemma_.lower() not in _GRANTING_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                for p in c.children if p.dep_ == "pobj"]
    if not any(o.lower_ in _REPORTERS for o in objects):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    found = party_ref(subject, disc) if subject is not None else None
    return found if found is not None and found.label == "PERSON" else None


def _only_person_named_before(disc: Discourse, before: int) -> ActorRef | None:
    people = {m.key: m for m in disc.actors.mentions if m.label == "PERSON" and m.end <= before}
    if len(people) != 1:
        return None
    mention = next(iter(people.values()))
    return ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)
