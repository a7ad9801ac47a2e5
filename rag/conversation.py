"""One chat: its turns, and what a follow-up takes from them. "When did he get there?"
is asked of the person and place the previous turn was about; "which of them ..." of
those the previous answer named. The CLI, batch runs and the UI all converse through
this one object."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .ellipsis import disagreeing, name_answered, nth, one_named, same_for, swapped, swapped_role, whose_words
from .others import WHO_IS, other_named, other_than
from .question_type import PERSON, PLACE, answer_type
from .records import Answer
from .referents import (
    ACCORDING_ROLE,
    AGREE_WITH,
    AMONG,
    ANYONE_ELSE,
    BARE,
    BY_ROLE,
    ELSE,
    ELSE_IN,
    MEANT,
    NAMED_FIRST,
    SAID_ELSE,
    TOPIC_SWITCH,
    WHY_THAT,
    is_person,
    named_lead,
    replace_pronoun,
    subject_of,
    untitled,
    what_else_said,
)
from .retrieve import terms
from .role_refs import as_pronoun, employer_named, role_named, someone_new
from .spans import spans
from .thing_refs import places_and_things
from .turns import carried_context, needs_context, points_back

if TYPE_CHECKING:
    from .pipeline import Pipeline


# "wait, can people in china even use that?", "hmm, and when?": a reader thinking aloud
_INTERJECTION = re.compile(r"^\W*(?:wait|hmm+|hm+|oh|ah|um+|uh+|huh|right|hold\s+on)\s*[,.!-]+\s*(?=\w)", re.I)


@dataclass
class Conversation:
    """One chat: remembers its turns and carries their subject into follow-ups."""

    pipeline: Pipeline
    turns: list[tuple[str, Answer]] = field(default_factory=list)
    # the earlier turn's question that `resolve` took the person from, if not the last
    source: str | None = field(default=None, init=False, repr=False)
    person: str | None = field(default=None, init=False, repr=False)  # whom `resolve` took

    def resolve(self, question: str, skip: str | None = None) -> str | None:
        """The question with he/she/his/her/him (and "there") replaced by the person
        (or place) the previous turn was about, or None when nothing is replaced; not
        by `skip`, a reading already tried; `person` keeps whom it took."""
        self.source = None
        if not self.turns or AGREE_WITH.search(question):
            # "does the renmin professor agree with him?": with what he said, which the
            # previous turn carries; his name is no word the answer must hold
            return None
        asked, prev = self.turns[-1]
        prev_q = prev.resolved_question or asked
        # what the previous turn asked for: its own words, not the earlier turn they
        # carried ("who went with him? ... where did Kim meet Xi ...")
        qtype = answer_type(asked if prev_q.startswith(asked) else prev_q)
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
        if person is None and want and not prev.abstained and is_person(prev.short_answer or ""):
            # "what was she doing?" after "what is Kim's wife called?": the name just answered
            person = prev.short_answer if self.pipeline.gender_of(prev.short_answer or "") == want else None

        # "is he on board with the approach Kim pitched?": he is not Kim
        named_here = {
            t for w in re.findall(r"\b[A-Z][\w-]+", question[1:]) if self.pipeline.is_someone(w) for t in terms(w)
        }

        def fits(name: str | None) -> bool:
            return (
                bool(name)
                and self.pipeline.gender_of(name) in (None, want)  # type: ignore[arg-type]
                # (but "he" may be Kim Hyun-wook in "why does he think kim went?")
                and not set(terms(name)) <= named_here  # type: ignore[arg-type]
                and (skip is None or set(terms(name)) != set(terms(skip)))  # type: ignore[arg-type]
            )

        if person is not None and not fits(person):
            person = None
        # else the subject of an earlier question ("did Kim meet ...") or a full name in
        # it; or the one an earlier turn answered "who ...?" with
        for i, (q0, t) in reversed(list(enumerate(self.turns))) if person is None else []:
            q_text = t.resolved_question or q0
            # its own words, not those of the turn it carried ("... think? Seoul What did
            # the head of ...": no one called "Seoul What")
            own_text = q0 if q_text.startswith(q0) else q_text
            # "Which family member of Kim's went along?": "Kim", one word, but someone's
            owner = [n for n in re.findall(r"\b([A-Z][\w-]+)['’]s\b", own_text[1:]) if self.pipeline.is_someone(n)]
            subject = subject_of(own_text)
            if subject and not self.pipeline.is_someone(subject):
                # "Why is China unhappy ..., according to Christopher Hill?" is his view
                subject = subject_of(own_text.replace(subject, "", 1))
            # (then the other of a pair: "how'd he get there?" after "... xi and kim ...")
            found = [
                subject,
                *owner,
                *(re.findall(rf"\b{re.escape(subject)}\s+and\s+([A-Z][\w-]+)", own_text) if subject else []),
            ]
            if subject and any(re.search(rf"\b{re.escape(subject)}\s+and\s+{re.escape(o)}\b", own_text) for o in owner):
                # "where did Xi and Kim meet during Kim's second trip?": the trip's owner
                # is whom it is about, not whichever of the pair comes first
                found = [*owner, subject]
            answered = t.short_answer and not t.abstained and is_person(t.short_answer)
            if answer_type(own_text) == PERSON and answered and not else_of(own_text):
                found.insert(0, t.short_answer)
            # "what did the global times editor tweet about ... kim's trip?": he is the
            # editor, named where his words are, not Kim
            by_role = (BY_ROLE.search(own_text) and not subject) or ACCORDING_ROLE.search(own_text)
            if (by_role or not any(found)) and t.quotes and not t.abstained:
                # "what did the former ambassador say?" names no one; the sentence quoted
                # does ("... Kathleen Stephens told the same panel ..."), and whether she
                # is "she" the articles must tell
                # "does the carnegie fellow agree ...?" was answered in his words, named
                # in another sentence
                spoke = self.pipeline.speaker_of(t.quotes[0].doc, t.quotes[0].start)
                found = [spoke] if spoke else []
                # (named by role, the one holding it need not be known as "he" elsewhere)
                known = (None, want) if by_role else (want,)
                found += [n for _a, _b, n in spans(t.quotes[0].text, PERSON) if self.pipeline.gender_of(n) in known]
                found += [subject, *owner] if by_role else []
            person = next((n for n in found if fits(n)), None)
            if person:
                # an earlier turn than the last: what it asked about ("... to Dalian?")
                # is what "there" and "the trip" mean now
                self.source = q_text if i < len(self.turns) - 1 else None
                break
        if NAMED_FIRST.match(question):
            person = None  # "what about Pompeo, is he on board?": he is Pompeo
        self.person = person
        # (his name, not his title: "Professor Shin Sangjin's job" would hold the answer)
        out = replace_pronoun(question, untitled(person) or person) if person else question
        # "there", "that city", "that paper", "who runs it?", "that site"
        out = places_and_things(question, out, place, self.source or prev_q, asked, prev, self.pipeline.is_someone)
        return out if out != question else None

    def context_for(self, question: str) -> str:
        return carried_context(self.turns, question)

    def ask(self, question: str, k: int | None = None, mode: str | None = None, reader: str | None = None) -> Answer:
        typed = question
        question = _INTERJECTION.sub("", question)
        switch = TOPIC_SWITCH.match(question)
        if switch and question[switch.end() :].strip():
            # "ok different article - ...": a fresh question, with nothing carried over
            ans = self.pipeline.answer(question[switch.end() :], k=k, mode=mode, reader=reader)
            ans.question = typed
            self.turns.append((question[switch.end() :], ans))
            return ans
        # "how did moon jae-in react?": names read as names when the turn is resolved
        question = self.pipeline.truecase(question)
        led = named_lead(question)
        question = led or question
        question = one_named(self.turns, question)
        described = question
        # "what did he mean by that?": his words next to those just quoted
        meant = MEANT.match(question) is not None or ELSE_IN.match(question) is not None
        if self.turns:
            # "what does that guy think?", "what does the ex-diplomat expect?"
            question = role_named(self.pipeline, self.turns, what_else_said(as_pronoun(question)))
        other = other_than(self.turns, question)
        resolved = (
            swapped(self.pipeline, self.turns, question)
            or same_for(self.pipeline, self.turns, question)
            or swapped_role(self.pipeline, self.turns, question, k=k)
            or nth(self.turns, question)
            or (other_named(self.pipeline, question, other) if other else None)
            or whose_words(self.pipeline, self.turns, question)
            or disagreeing(self.pipeline, self.turns, question)
        )
        if resolved is not None:
            ctx = ""
            if other and not WHO_IS.fullmatch(resolved) and len(terms(resolved)) <= 4:
                # "what did the other expert think?" after "does Ding think China can use
                # North Korea as leverage?": Zhao Tong's view on that, not on anything
                prev_q, prev = self.turns[-1]
                ctx = prev_q if not needs_context(prev_q) else (prev.resolved_question or prev_q)
            ans = self.pipeline.answer(resolved, context=ctx, k=k, mode=mode, reader=reader)
            who = WHO_IS.fullmatch(resolved) if other else None
            if who and ans.quotes and who.group(1) in ans.quotes[0].text:
                ans.short_answer = who.group(1)  # "the other analyst?" is asked for a name
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
            if resolved:
                resolved = employer_named(self.pipeline, resolved)  # "his paper": the Global Times
            if resolved and self.source and needs_context(resolved):
                ctx = f"{ctx} {self.source}"
            if resolved and not needs_context(re.sub(r"^\W*(?:and|so|but|ok|okay)\b[\s,]*", "", resolved, flags=re.I)):
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
            fresh = bool(led) and prev is not None and bool(prev.short_answer) and is_person(prev.short_answer or "")
            if led and prev is not None and prev.short_answer and not prev.abstained:
                ctx = someone_new(ctx, prev.short_answer, fresh, self.pipeline.is_someone)
            quoted = (prev.quotes[0].doc, prev.quotes[0].start) if prev and prev.quotes and not prev.abstained else None
            if elsewho and SAID_ELSE.search(question):
                # "what else did he say ...?": the same speaker's other words, not the
                # sentence just quoted
                before, elsewho = quoted, False
            elif elsewho or AMONG.search(question) or WHY_THAT.match(question) or BARE.match(question):
                among = quoted
            # "who else ...": not the one the previous answer gave
            other = other_than(self.turns, question, force=True) if elsewho else None
            args = dict(
                context=ctx,
                k=k,
                mode=mode,
                reader=reader,
                among=among,
                other=other,
                said_before=before,
                after=quoted if (ctx or resolved) and (points_back(question) or meant) and not fresh else None,
                prior=(prev.resolved_question or self.turns[-1][0]) if prev and (ctx or resolved) else None,
            )
            ans = self.pipeline.answer(question, resolved=resolved, **args)
            took = self.person
            alt = self.resolve(question, skip=took) if ans.abstained and resolved and took else None
            # (only someone the previous question asked about, and no part of the name tried)
            other_one = self.person or ""
            asked_of = (
                bool(other_one) and prev is not None and other_one in (prev.resolved_question or self.turns[-1][0])
            )
            if alt and alt != resolved and asked_of and not set(terms(other_one)) <= set(terms(took or "")):
                # "how did he travel to that city?" after "which officials did he hold
                # discussions with there?": he is whom the previous question asked about,
                # where the articles say nothing of the one it was answered with
                again = self.pipeline.answer(question, resolved=alt, **args)
                if not again.abstained:
                    ans, resolved = again, alt
        name_answered(typed, resolved, ans)
        if resolved:
            ans.resolved_question = resolved
        elif question != described and not ans.resolved_question:
            ans.resolved_question = question  # "what does Joseph Yun expect next?"
        ans.question = typed
        self.turns.append((question, ans))
        return ans

    def history(self) -> list[str]:
        return [q for q, _ in self.turns]

    def replay(self, history: list[str], k: int | None = None) -> None:
        """Answer earlier questions (e.g. from a gold file) to rebuild the context."""
        for q in history:
            self.ask(q, k=k)

    def clear(self) -> None:
        self.turns.clear()
