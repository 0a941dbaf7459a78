"""Attribution cues: the verb of saying next to a quotation and who its subject is.

After the quotation: "…,” said Mr. Reeves", "…,” she said", "…,” Yulia, a young woman in her
20s …, told The Moscow Times", "…” to hold up on their ICC plans, Indyk said". Before it, in
the same sentence: "Mr Obama said it was “distressing”", "Mr. Warner, the Virginia Democrat,
called the bill “…”", "Emery retweeted the story, saying, “…”". A subject that is no named
person ("it said", "a source told Reuters", "the company claims") is a group or unnamed
source: the quotation gets no speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (AUXILIARIES, GROUP_PRONOUNS, HYPOTHETICAL_BEFORE, PREPOSITIONS, SPEECH_VERBS,
                      SUBJECT_PRONOUNS, UNNAMED_OPENERS)
from .people import People, possessive

NAMED, PRONOUN, GROUP = "named", "pronoun", "group"
# How many words may stand between a verb of saying and the name after it ("said chief
# inspector Jennifer Mattinson"), or open the words after a quotation before its subject's
# name ("her mother, Fiona, said"; "Pakistan-based developer Ammar Askar wrote").
TITLE_WORDS = 4
LEAD_WORDS = 6
_TOKEN = re.compile(r"[\w\u2019'.\-]*\w[.]?|[,;:()\u2014\u2013]")
_OBJECT_THEN_TO = re.compile(r"^\s+(?:him|her|them|us|me|it)\s+(?:to|not to)\b")


@dataclass
class Cue:
    kind: str  # NAMED, PRONOUN or GROUP
    at: int  # where the subject stands (a pronoun's antecedent is looked for before it)
    name: str | None = None  # NAMED: the person's name
    gender: str | None = None  # PRONOUN: he or she


@dataclass
class Token:
    start: int
    end: int
    word: str

    @property
    def key(self) -> str:
        return self.word.rstrip(".").lower()

    @property
    def word_end(self) -> int:
        return self.start + len(self.word.rstrip("."))


def tokens(text: str, start: int, end: int, people: People) -> list[Token]:
    """The words and clause marks of text[start:end] outside quotations."""
    return [Token(start + m.start(), start + m.end(), m.group()) for m in _TOKEN.finditer(text[start:end])
            if not people.inside_quote(start + m.start())]


def is_verb(tok: Token, text: str) -> bool:
    """A verb of saying in running text (lower case), not one asking someone to do something
    ("asking him to")."""
    return tok.word.islower() and tok.key in SPEECH_VERBS and not _OBJECT_THEN_TO.match(text[tok.end:tok.end + 20])


def _headline(words: list[Token]) -> bool:
    """A verb of saying in title case after the quotation: the headline of another article
    ("‘Our Motherland Needs Saving,’ Navalny Says"), whose words the article does not report."""
    return any(w.key in SPEECH_VERBS and w.word[:1].isupper() for w in words[1:LEAD_WORDS])


def after_cue(text: str, toks: list[Token], people: People) -> Cue | None:
    """The cue in the words after a quotation (up to the sentence's end)."""
    words = [t for t in toks if t.word not in ",\u2014\u2013"] if toks else []
    if not words:
        return None
    first = words[0]
    if _headline(words):
        return Cue(GROUP, first.start)
    if is_verb(first, text):
        return _subject_after(words[1:TITLE_WORDS + 2], people, first.end)
    if first.key in SUBJECT_PRONOUNS or first.key in GROUP_PRONOUNS:
        if len(words) > 1 and _next_verb(words[1:], text) is not None:
            return _pronoun(first)
        return None
    verb = _next_verb(words, text)
    if verb is None:
        return None
    lead = people.starting_in(first.start, verb.start)
    if lead is not None and sum(1 for w in words if w.start < lead.start) <= LEAD_WORDS:
        # "Emery retweeted the story, saying": the name's own verb is not one of saying.
        return None if _does_else(toks, lead.end, text) else Cue(NAMED, lead.start, lead.name)
    at = toks.index(verb)
    if (subject := subject_before(toks, at, people)) is not None:
        return subject
    # A group names itself before its verb ("the ministry said", "a source told Reuters");
    # "… but insisted" goes on with the sentence's own subject, before the quotation.
    opens_group = first.key in UNNAMED_OPENERS or first.word[:1].isupper()
    return Cue(GROUP, verb.start) if opens_group and words.index(verb) <= LEAD_WORDS else None


def before_cue(text: str, toks: list[Token], people: People) -> Cue | None:
    """The cue in the words of the quotation's sentence before it: the last verb of saying and
    its subject, or a colon after a person ("De Miranda … in his introduction: “…”")."""
    for at in range(len(toks) - 1, -1, -1):
        if is_verb(toks[at], text):
            if HYPOTHETICAL_BEFORE.search(text[max(0, toks[at].start - 20):toks[at].end]):
                return Cue(GROUP, toks[at].start)
            subject = subject_before(toks, at, people)
            if subject is None and _shares_subject(toks, at):
                subject = _sentence_subject(toks, people)
            return subject or Cue(GROUP, toks[at].start)
    if toks and toks[-1].word == ":":
        return _sentence_subject(toks, people)
    return None


def subject_before(toks: list[Token], at: int, people: People) -> Cue | None:
    """The subject right before the verb toks[at]: a person's name or a pronoun, past
    auxiliaries and adverbs ("had written", "strongly warned"), an apposition between commas
    ("Mr. Warner, the Virginia Democrat, called") and "of" a place ("McConnell of Kentucky")."""
    i = at - 1
    while i >= 0 and (toks[i].key in AUXILIARIES or toks[i].key.endswith("ly") or toks[i].key == "not"):
        i -= 1
    if i >= 1 and toks[i].word == ",":
        j = i - 1
        while j >= 0 and toks[j].word != ",":
            j -= 1
        if j >= 1:
            i = j - 1
    if i < 0:
        return None
    tok = toks[i]
    if tok.key in SUBJECT_PRONOUNS:
        return _pronoun(tok)
    if tok.key in GROUP_PRONOUNS:
        return Cue(GROUP, tok.start)
    mention = people.ending_at(tok.word_end) or _before_of(toks, i, people)
    if mention is not None and not _object(toks, mention.start):
        return Cue(NAMED, mention.start, mention.name)
    if tok.key == "who":
        return _nearest_named(toks, i, people)
    return None


def _shares_subject(toks: list[Token], at: int) -> bool:
    """Whether the verb toks[at] has the sentence's subject: a participle ("posted to Twitter
    asking", "retweeted the story, saying") or a second verb ("put up her picture and wrote")."""
    return toks[at].key.endswith("ing") or (at > 0 and toks[at - 1].key == "and")


def _does_else(toks: list[Token], end: int, text: str) -> bool:
    """Whether the word right after a name (at `end`) is a verb other than one of saying."""
    after = next((t for t in toks if t.start >= end), None)
    return (after is not None and after.key not in AUXILIARIES and not is_verb(after, text)
            and _verb_form(after))


def _verb_form(tok: Token) -> bool:
    """A lower-case word that may be a finite verb ("posted", "retweets"), not a possessive."""
    return tok.word.islower() and re.fullmatch(r"[a-z]+(?:ed|s)", tok.key) is not None


def _before_of(toks: list[Token], i: int, people: People):
    """The person before "of <Capitalised words>" ending at toks[i]: "McConnell of Kentucky"."""
    j = i
    while j >= 0 and toks[j].word[:1].isupper():
        j -= 1
    if j >= 1 and j < i and toks[j].key == "of":
        return people.ending_at(toks[j - 1].word_end)
    return None


def _object(toks: list[Token], start: int) -> bool:
    """Whether the name starting at `start` follows a preposition (titles between): "a letter to
    Russian President Vladimir Putin"."""
    before = [t for t in toks if t.end <= start][-4:]
    for tok in reversed(before):
        if tok.word in PREPOSITIONS:  # as written: "AS Opposition Leader Bill Shorten said" opens a sentence
            return True
        if not tok.word[:1].isupper():
            return False
    return False


def _sentence_subject(toks: list[Token], people: People) -> Cue | None:
    """The sentence's subject when it is a person named among its first words, after any
    opening phrase ended by a comma ("In an interview with the BBC, Mr Obama …"), and doing
    something next ("David Emery posted to Twitter asking …")."""
    clause = 0
    for n, tok in enumerate(toks[:12]):
        mention = people.starting_in(tok.start, tok.end)
        if mention is not None and n - clause <= LEAD_WORDS and not _object(toks, mention.start):
            if n > 0 and toks[n - 1].key in ("the", "a", "an"):
                return None  # "The Obama administration's first comments"
            after = [t for t in toks if t.start >= mention.end and not t.key.endswith("ly")][:1]
            if not after or after[0].word == "," or after[0].key in AUXILIARIES or _verb_form(after[0]):
                return Cue(NAMED, mention.start, mention.name)
            return None
        if tok.key in SUBJECT_PRONOUNS and n - clause <= 1:
            return _pronoun(tok)
        if tok.word == ",":
            clause = n + 1
    return None


def _nearest_named(toks: list[Token], i: int, people: People) -> Cue | None:
    for tok in reversed(toks[:i]):
        mention = people.ending_at(tok.word_end)
        if mention is not None:
            return Cue(NAMED, mention.start, mention.name)
    return None


def _subject_after(words: list[Token], people: People, verb_end: int) -> Cue:
    """The subject after a verb of saying: a pronoun ("said he"), a name after at most a few
    title words ("said Senator Mark Warner"), else a group ("said a spokesman")."""
    if words and words[0].key in SUBJECT_PRONOUNS:
        return _pronoun(words[0])
    for tok in words:
        mention = people.starting_in(tok.start, tok.end)
        if mention is not None and not possessive(people.text, mention.end):
            return Cue(NAMED, mention.start, mention.name)
    return Cue(GROUP, verb_end)



def _next_verb(words: list[Token], text: str) -> Token | None:
    return next((w for w in words if is_verb(w, text)), None)


def _pronoun(tok: Token) -> Cue:
    if tok.key in SUBJECT_PRONOUNS:
        return Cue(PRONOUN, tok.start, gender=SUBJECT_PRONOUNS[tok.key])
    return Cue(GROUP, tok.start)
