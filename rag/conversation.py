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
from .referents import (
    AMONG,
    ANYONE_ELSE,
    BARE,
    ELLIPSIS,
    ELSE,
    EVENT_NOUN,
    NAMED_FIRST,
    NTH,
    ONE,
    ORDINALS,
    OTHER_ONE,
    PLATFORM,
    ROLE_ELLIPSIS,
    SAID_ELSE,
    THAT_SITE,
    THERE,
    TO_PLACE,
    WHY_THAT,
    is_person,
    named_lead,
    replace_pronoun,
    subject_of,
)
from .spans import spans
from .turns import needs_context, refers_back

if TYPE_CHECKING:
    from .pipeline import Pipeline


@dataclass
class Conversation:
    """One chat: remembers its turns and carries their subject into follow-ups."""

    pipeline: Pipeline
    turns: list[tuple[str, Answer]] = field(default_factory=list)
    # the earlier turn's question that `resolve` took the person from, if not the last
    source: str | None = field(default=None, init=False, repr=False)

    def resolve(self, question: str) -> str | None:
        """The question with he/she/his/her/him (and "there") replaced by the person
        (or place) the previous turn was about, or None when nothing is replaced."""
        self.source = None
        if not self.turns:
            return None
        prev_q, prev = self.turns[-1]
        prev_q = prev.resolved_question or prev_q
        qtype = answer_type(prev_q)
        person = place = None

        def else_of(asked: str) -> bool:
            # "did he talk to anyone else?" after "who did Kim meet?" asks of Kim again
            return bool(ANYONE_ELSE.search(question) and subject_of(asked))

        if prev.short_answer and not prev.abstained:
            # "Shi" (the article names him in full once, then by surname) counts too
            # (but "did he talk to anyone else?" after "who did Kim meet?" is Kim again)
            if qtype == PERSON and is_person(prev.short_answer) and not else_of(prev_q):
                person = prev.short_answer
            elif qtype == PLACE:
                place = prev.short_answer
        # "she" is not a man the articles call "he" (nor "he" a woman)
        pron = re.search(r"\b(he|she|him|his|her)\b", question, flags=re.I)
        want = ("f" if pron.group(1).lower() in ("she", "her") else "m") if pron else None

        def fits(name: str | None) -> bool:
            return bool(name) and self.pipeline.gender_of(name) in (None, want)  # type: ignore[arg-type]

        if person is not None and not fits(person):
            person = None
        # else the subject of an earlier question ("did Kim meet ...") or a full name in
        # it; or the one an earlier turn answered "who ...?" with
        for i, (q0, t) in reversed(list(enumerate(self.turns))) if person is None else []:
            q_text = t.resolved_question or q0
            # "Which family member of Kim's went along?": "Kim", one word, but someone's
            owner = [n for n in re.findall(r"\b([A-Z][\w-]+)['’]s\b", q_text[1:]) if self.pipeline.is_someone(n)]
            found = [subject_of(q_text), *owner]
            answered = t.short_answer and not t.abstained and is_person(t.short_answer)
            if answer_type(q_text) == PERSON and answered and not else_of(q_text):
                found.insert(0, t.short_answer)
            if not any(found) and t.quotes and not t.abstained:
                # "what did the former ambassador say?" names no one; the sentence quoted
                # does ("... Kathleen Stephens told the same panel ..."), and whether she
                # is "she" the articles must tell
                found = [n for _a, _b, n in spans(t.quotes[0].text, PERSON) if self.pipeline.gender_of(n) == want]
            person = next((n for n in found if fits(n)), None)
            if person:
                # an earlier turn than the last: what it asked about ("... to Dalian?")
                # is what "there" and "the trip" mean now
                self.source = q_text if i < len(self.turns) - 1 else None
                break
        if NAMED_FIRST.match(question):
            person = None  # "what about Pompeo, is he on board?": he is Pompeo
        if (
            place is None
            and THERE.search(question)
            and not re.match(r"\W*(?:is|are|was|were)\s+there\b", question, re.I)
        ):
            # "what did he do while he was there?" after "How did Kim travel to Dalian?"
            places = [m for m in TO_PLACE.findall(self.source or prev_q) if not self.pipeline.is_someone(m)]
            place = places[-1] if places else None
        out = replace_pronoun(question, person) if person else question
        if place:
            out = THERE.sub(f"in {place}", out)
        said = " ".join(x.text for x in prev.quotes[:1]) if not prev.abstained else ""
        site = PLATFORM.search(f"{prev.short_answer or ''} {said}")
        if site:
            # "can people in China even get on that site?" after "... said on Twitter"
            out = THAT_SITE.sub(site.group(0), out)
        return out if out != question else None

    def one_named(self, question: str) -> str:
        """ "where was the trump one?" after "how many summits did kim and xi have?": the
        Trump summit. "one" is the event an earlier question named (not "the other one",
        who is someone)."""
        m = ONE.search(question)
        if m is None or not self.turns:
            return question
        for q0, _t in reversed(self.turns):
            noun = EVENT_NOUN.search(q0)
            if noun:
                return question[: m.end(1)] + noun.group(1).lower() + question[m.end() :]
        return question

    def swapped(self, question: str) -> str | None:
        """ "And Hu Xijin?" after "What did Lu Kang say about the talks?": the previous
        question asked of the person named instead of the one it named first."""
        m = ELLIPSIS.match(question)
        # "and Xi?": one word is no name to the span rules, but the articles call him so
        if m is None or not self.turns or not (is_person(m.group(1)) or " " not in m.group(1)):
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

    def swapped_role(self, question: str, k: int | None = None) -> str | None:
        """ "what about the RAND guy?" after "what is Hill worried Beijing is pushing Kim to
        demand?": the previous question asked of the one the role names (Bruce Bennett).
        After a question asking who someone is, it asks who this one is, and is no swap."""
        m = ROLE_ELLIPSIS.match(question)
        if m is None or not self.turns or OTHER_ONE.search(question) or answer_type(question) != PERSON:
            return None
        prev_q, prev = self.turns[-1]
        text = prev.resolved_question or prev_q
        people = [(a, b) for a, b, _n in spans(text, PERSON) if a > 0]
        if answer_type(text) == PERSON or re.match(r"\W*(?:and\s+|so\s+)?who\b", text, re.I) or not people:
            return None
        who = self.pipeline.answer(f"Who is {m.group(1)}?", k=k)
        if who.abstained or not who.short_answer or not is_person(who.short_answer):
            return None
        a, b = people[0]
        return text[:a] + who.short_answer + text[b:]

    def nth(self, question: str) -> str | None:
        """ "and the second time?" after "when did Kim first go to China?": the previous
        question, of the occasion this one counts."""
        m = NTH.match(question)
        if m is None or not self.turns:
            return None
        prev_q, prev = self.turns[-1]
        # (a turn that leaned on the one before was asked as its resolution)
        text = (prev.resolved_question or prev_q) if needs_context(prev_q) else prev_q
        text = re.sub(rf"\s*\b(?:for\s+the\s+)?(?:{ORDINALS})(?:\s+time)?\b", "", text, flags=re.I).rstrip(" ?")
        return f"{text} for the {m.group(1).lower()} time?"

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
        question = named_lead(question) or question
        question = self.one_named(question)
        other = self._other(question)
        resolved = self.swapped(question) or self.swapped_role(question, k=k) or self.nth(question)
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
            if resolved and self.source and needs_context(resolved):
                ctx = f"{ctx} {self.source}"
            if resolved and not needs_context(resolved):
                # "What is he worried ...?" -> "What is Christopher Hill worried ...?": the
                # name says whom it is about, and the rest of the earlier question (his
                # title, the outlet he spoke to) would only pull its own sentences back in;
                # so would a long short answer ("to give him more economic help and ...")
                prev = self.turns[-1][1]
                short = prev.short_answer if prev.short_answer and not prev.abstained else None
                ctx = short if short and len(short.split()) <= 4 else ("" if short else ctx)
            among = before = None
            elsewho = ELSE.search(question) is not None
            prev = self.turns[-1][1] if self.turns else None
            quoted = (prev.quotes[0].doc, prev.quotes[0].start) if prev and prev.quotes and not prev.abstained else None
            if elsewho and SAID_ELSE.search(question):
                # "what else did he say ...?": the same speaker's other words, not the
                # sentence just quoted
                before, elsewho = quoted, False
            elif elsewho or AMONG.search(question) or WHY_THAT.match(question) or BARE.match(question):
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
        if not self.turns or not (force or OTHER_ONE.search(question)):
            return None
        prev_q, prev = self.turns[-1]
        if not prev.quotes or prev.abstained:
            return None
        prev_q = prev.resolved_question or prev_q
        names = [n for _a, _b, n in spans(prev_q, PERSON)]
        if prev.short_answer and is_person(prev.short_answer):
            names.append(prev.short_answer)
        if not names:
            # "what did the kwangwoon university professor say?" named him by role; the
            # sentence quoted names him ("Professor Shin Sangjin of ...")
            names = [n for _a, _b, n in spans(prev.quotes[0].text, PERSON)]
        return prev.quotes[0].doc, prev.quotes[0].start, tuple(names)

    def history(self) -> list[str]:
        return [q for q, _ in self.turns]

    def replay(self, history: list[str], k: int | None = None) -> None:
        """Answer earlier questions (e.g. from a gold file) to rebuild the context."""
        for q in history:
            self.ask(q, k=k)

    def clear(self) -> None:
        self.turns.clear()
