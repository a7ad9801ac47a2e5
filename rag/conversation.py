"""One chat: its turns, and what a follow-up takes from them. "When did he get there?"
is asked of the person and place the previous turn was about; "which of them ..." of
those the previous answer named. The CLI, batch runs and the UI all converse through
this one object."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .question_type import PERSON, PLACE, answer_type
from .records import Answer
from .spans import spans
from .turns import needs_context, refers_back

if TYPE_CHECKING:
    from .pipeline import Pipeline


def subject_of(question: str) -> str | None:
    """The person a question is about: its subject ("did Kim meet ...") or else the
    last full name in it."""
    subj = re.search(r"\b(?:did|does|do|was|is|has|had|will|would)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)", question)
    # a person's name, not a place or body's ("... the UN Security Council ... North Korea?")
    names = [n for n in re.findall(r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)+\b", question[1:]) if _is_person(n)]
    # "What is Mike Pompeo's job?" is about Mike Pompeo
    found = subj.group(1) if subj else (names[-1] if names else None)
    return re.sub(r"['’]s$", "", found) if found else None


def _is_person(name: str) -> bool:
    return any(text == name for _a, _b, text in spans(name, PERSON))


def replace_pronoun(question: str, person: str) -> str:
    """The question with its first he/she/him/his/her replaced by the person. Only the
    first: in "does he think Kim fears Trump will tell him", "him" is someone else."""
    m = re.search(r"\b(he|she|him|his|her)\b", question, flags=re.I)
    if not m:
        return question
    possessive = m.group(1).lower() in ("his", "her") and re.match(r"\s+\w", question[m.end() :])
    return question[: m.start()] + (f"{person}'s" if possessive else person) + question[m.end() :]


# "which of them is the foreign minister?", "who among those was ...": a choice among
# the people or things the previous answer named
_AMONG = re.compile(r"\b(?:among|of|from)\s+(?:them|those|these)\b|\bwhich\s+one\b", re.I)


# "who else went with him besides her?": someone the previous answer's sentence names
# beside the one it gave
_SAID_ELSE = re.compile(
    r"\bwhat\s+else\s+(?:did|does|do|has|had|would|will)\s+(?:[\w’'.-]+\s+){1,3}?"
    r"(?:say|said|tell|told|think|argue|claim|suggest|mention|add|tweet|write|note)\b",
    re.I,
)
_ELSE = re.compile(r"^\W*(?:and\s+|so\s+)?(?:who|what|which)\s+else\b", re.I)

# "why not?", "how come?", "why is that?": the reason for what the previous answer said,
# given there or beside it
_WHY_THAT = re.compile(
    r"^\W*(?:and\s+|so\s+|but\s+)?(?:why(?:\s+not)?|how\s+come|why\s+(?:is|was)\s+(?:that|it|this)|"
    r"for\s+what\s+reason|on\s+what\s+grounds)\W*$",
    re.I,
)

# "what about Pompeo, is he on board?", "according to Yun, when will he ...": the
# pronoun is the person the question opens on
_NAMED_FIRST = re.compile(r"^\W*(?i:and\s+|so\s+)?(?i:(?:what|how)\s+about|according\s+to)\s+[A-Z]")

# "And Hu Xijin?", "what about Zhao Tong?": the previous question, of someone else
_ELLIPSIS = re.compile(r"^\W*(?i:and|what\s+about|how\s+about)\s+((?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+)\s*[?.!]*\s*$")

# "and the other professor in that story?", "what did the other scholar say?": someone
# else of the same kind, in the article the previous turn was answered from
_OTHER = re.compile(
    r"\b(?:the|that)\s+(?:other\s+(?:[\w-]+\s+){0,3}|(?:[\w-]+\s+){1,3}(?=\w+\s+(?:in|from|on)\s+(?:that|the\s+same)\s+"
    # "and the kyungnam guy in the same article?", "and the former ambassador on the same
    # panel?": someone else, where the previous answer was
    r"(?:story|article|piece|report|panel)\b))(?:professor|expert|scholar|analyst|academic|official|researcher|"
    r"person|one|guy|man|woman|speaker|commentator|source|diplomat|fellow|specialist|observer|ambassador|"
    r"envoy|adviser|advisor|director|editor|minister)s?\b",
    re.I,
)


@dataclass
class Conversation:
    """One chat: remembers its turns and carries their subject into follow-ups."""

    pipeline: Pipeline
    turns: list[tuple[str, Answer]] = field(default_factory=list)

    def resolve(self, question: str) -> str | None:
        """The question with he/she/his/her/him (and "there") replaced by the person
        (or place) the previous turn was about, or None when nothing is replaced."""
        if not self.turns:
            return None
        prev_q, prev = self.turns[-1]
        prev_q = prev.resolved_question or prev_q
        qtype = answer_type(prev_q)
        person = place = None
        if prev.short_answer and not prev.abstained:
            # "Shi" (the article names him in full once, then by surname) counts too
            if qtype == PERSON and _is_person(prev.short_answer):
                person = prev.short_answer
            elif qtype == PLACE:
                place = prev.short_answer
        # else the subject of an earlier question ("did Kim meet ...") or a full name in it
        for q_text in [t.resolved_question or q0 for q0, t in reversed(self.turns)] if person is None else []:
            person = subject_of(q_text)
            if person:
                break
        if _NAMED_FIRST.match(question):
            person = None  # "what about Pompeo, is he on board?": he is Pompeo
        out = replace_pronoun(question, person) if person else question
        if place:
            out = re.sub(r"\bthere\b", f"in {place}", out, flags=re.I)
        return out if out != question else None

    def swapped(self, question: str) -> str | None:
        """ "And Hu Xijin?" after "What did Lu Kang say about the talks?": the previous
        question asked of the person named instead of the one it named first."""
        m = _ELLIPSIS.match(question)
        if m is None or not self.turns or not _is_person(m.group(1)):
            return None
        if not self.pipeline.is_someone(m.group(1)):
            return None  # "and Beijing?": capitalised like a name, and no one's
        prev_q, prev = self.turns[-1]
        text = prev.resolved_question or prev_q
        people = [(a, b) for a, b, _n in spans(text, PERSON) if a > 0]
        if not people:
            return None
        a, b = people[0]
        return text[:a] + m.group(1) + text[b:]

    def context_for(self, question: str) -> str:
        if not self.turns:
            return ""
        prev_q, prev = self.turns[-1]
        # "the trip" is the previous turn's when its question or its answer was about one
        # ("What did Pompeo do on Wednesday?" -> "... traveled to North Korea on Wednesday")
        answered = prev.quotes[0].text if prev.quotes and not prev.abstained else ""
        if (
            not needs_context(question)
            and not refers_back(question, prev.resolved_question or prev_q)
            and not refers_back(question, answered)
        ):
            return ""
        parts = []
        # a name, place or date, not a clause ("traveled to North Korea on Wednesday to
        # finalize ..."), whose words would be no answer to "what was the point of it?"
        if prev.short_answer and not prev.abstained and len(prev.short_answer.split()) <= 6:
            parts.append(prev.short_answer)
        # The subject of the previous question (names it mentioned), then its resolution.
        parts.append(prev.resolved_question or prev_q)
        return " ".join(parts)

    def ask(self, question: str, k: int | None = None, mode: str | None = None, reader: str | None = None) -> Answer:
        typed = question
        # "how did moon jae-in react?": names read as names when the turn is resolved
        question = self.pipeline.truecase(question)
        other = self._other(question)
        resolved = self.swapped(question)
        if resolved is not None:
            ans = self.pipeline.answer(resolved, k=k, mode=mode, reader=reader)
        elif other is not None:
            # "does he think ...?" of "the other expert" is not the previous one; the
            # earlier turn's words would only pull its own sentences back in, and "the
            # other professor in that story" is the professor of that story: both are
            # said by `other`, and are no words to find
            text = re.sub(
                r"\s*\b(?:in|from)\s+(?:that|the\s+same|this|the)\s+(?:story|article|piece|report)\b", "", question
            )
            text = re.sub(r"\b(the|that)\s+other\s+", r"\1 ", text, flags=re.I)
            ans = self.pipeline.answer(text, k=k, mode=mode, reader=reader, other=other)
        else:
            ctx = self.context_for(question)
            resolved = self.resolve(question) if ctx else None
            if resolved and not needs_context(resolved):
                # "What is he worried ...?" -> "What is Christopher Hill worried ...?": the
                # name says whom it is about, and the rest of the earlier question (his
                # title, the outlet he spoke to) would only pull its own sentences back in;
                # so would a long short answer ("to give him more economic help and ...")
                prev = self.turns[-1][1]
                short = prev.short_answer if prev.short_answer and not prev.abstained else None
                ctx = short if short and len(short.split()) <= 4 else ("" if short else ctx)
            among = before = None
            elsewho = _ELSE.search(question) is not None
            prev = self.turns[-1][1] if self.turns else None
            quoted = (prev.quotes[0].doc, prev.quotes[0].start) if prev and prev.quotes and not prev.abstained else None
            if elsewho and _SAID_ELSE.search(question):
                # "what else did he say ...?": the same speaker's other words, not the
                # sentence just quoted
                before, elsewho = quoted, False
            elif elsewho or _AMONG.search(question) or _WHY_THAT.match(question):
                among = quoted
            # "who else ...": not the one the previous answer gave
            other = self._other(question, force=True) if elsewho else None
            ans = self.pipeline.answer(
                question,
                context=ctx,
                k=k,
                mode=mode,
                resolved=resolved,
                reader=reader,
                among=among,
                other=other,
                said_before=before,
            )
        if resolved:
            ans.resolved_question = resolved
        ans.question = typed
        self.turns.append((question, ans))
        return ans

    def _other(self, question: str, force: bool = False) -> tuple[str, int, tuple[str, ...]] | None:
        """For "the other expert" (or, with `force`, "who else"): (doc, start) of the
        previous answer's sentence and the people the previous turn was about, whom the
        answer must not be."""
        if not self.turns or not (force or _OTHER.search(question)):
            return None
        prev_q, prev = self.turns[-1]
        if not prev.quotes or prev.abstained:
            return None
        prev_q = prev.resolved_question or prev_q
        names = [n for _a, _b, n in spans(prev_q, PERSON)]
        if prev.short_answer and _is_person(prev.short_answer):
            names.append(prev.short_answer)
        return prev.quotes[0].doc, prev.quotes[0].start, tuple(names)

    def history(self) -> list[str]:
        return [q for q, _ in self.turns]

    def replay(self, history: list[str], k: int | None = None) -> None:
        """Answer earlier questions (e.g. from a gold file) to rebuild the context."""
        for q in history:
            self.ask(q, k=k)

    def clear(self) -> None:
        self.turns.clear()
