"""Who speaks in a quotation attributed by pronoun: "..., he added." follows "..., said
Yun, a retired U.S. diplomat", so the sentence speaks for Joseph Yun as if it named him.
Sentence scoring (rag/sentences.py) counts the speaker's name as covered there."""

from __future__ import annotations

import re

from .question_type import PERSON
from .retrieve import terms
from .spans import spans

# "..., he added." / "she said": a quotation attributed by pronoun, whose speaker is
# named in an attribution a few sentences back ("said Yun, a retired U.S. diplomat")
_PRONOUN_SAID = re.compile(
    r"[,”\"]\s*(?:he|she|the\s+(?:expert|analyst|professor|researcher|scholar|diplomat|official|spokesman|"
    r"spokeswoman|spokesperson|fellow|adviser|advisor|tweet|post|statement|message))\s+"
    # ('"...," the tweet went on to say': its author's words, as "he added" would be)
    r"(?:said|says|added|adds|noted|told|continued|explained|argued|stressed|warned|went\s+on\s+to\s+say)\b"
    r"|\b(?:said|says|added)\s+(?:he|she)\b"
    r"|^\s*[“\"]?(?:He|She)\s+(?:said|says|added|noted|told|argued)\b"
)
# "The expert pointed out that ...": narration of the view of the one quoted just before
NARRATED = re.compile(
    r"^\s*(?:However,\s+)?(?:[Tt]he\s+(?:expert|analyst|professor|researcher|scholar|diplomat|fellow)|He|She)\s+"
    r"(?:added|noted|argued|pointed\s+out|suggested|warned|stressed|explained|insisted)\b"
)
_SAID = re.compile(r"\b(?:said|says|added|told|noted|according to)\b")
# "Ding Xueliang, director of ..., told", "Kim reportedly reiterated"
# (and "Hu Xijin, the editor in chief at the Global Times said", its closing comma left out)
_BEFORE_VERB = re.compile(r"\s*|\s+[a-z]+ly\s+|,[^“”\"]{1,160},\s*|,\s+the\s+[^“”\",]{1,80}\s+")
_AFTER_VERB = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?")  # "said (Professor) Kim Dong-yub"


def _attributed(text: str, known: dict[str, str], said: re.Pattern[str] = _SAID) -> str | None:
    """The person a sentence attributes words to: "said Yun, a retired diplomat",
    "Lim Eul-chul, professor of ..., said", or "Lu said" when the article names a Lu in
    full (`known`, word -> full name; the full name is returned). None when no name
    stands by a speech verb."""
    verbs = list(said.finditer(text))
    if not verbs:
        return None
    single = [
        (m.start(), m.end(), known[m.group(0)]) for m in re.finditer(r"\b[A-Z][a-z]+\b", text) if m.group(0) in known
    ]
    for a, b, name in spans(text, PERSON) + single:
        for v in verbs:
            if (b <= v.start() and _BEFORE_VERB.fullmatch(text[b : v.start()])) or (
                a >= v.end() and _AFTER_VERB.fullmatch(text[v.end() : a])
            ):
                return known.get(name, name)
    return None


# "Hill expressed concern that ...": a view, as well as words, is someone's
_VOICED = re.compile(
    r"\b(?:said|says|added|told|noted|according to|expressed|argued|warned|believes|thinks|suggested|"
    r"pointed out|predicted|expects|reiterated|stressed|insisted|hoped|emphasi[sz]ed|urged)\b"
)


_SPEAKER_REACH = 4  # sentences back to look for the speaker's name


_OPENS_QUOTE = re.compile(r"^\s*[“\"]")


def _known(seq: list, known: dict[str, str] | None) -> dict[str, str]:
    """Word of a full name in the article -> that name ("Lu" -> "Lu Kang"); `known` once
    worked out."""
    if known is not None:
        return known
    out: dict[str, str] = {}
    for x in seq:
        for _a, _b, n in spans(x.text, PERSON):
            for w in n.split() if " " in n else ():
                out.setdefault(w, n)
    return out


def name_words(seq: list) -> dict[str, str]:
    """Word of a full name in an article's sentences -> that name ("Lu" -> "Lu Kang"),
    the first full name using it winning."""
    return _known(seq, None)


def speakers(
    by_doc: dict[str, list], para: dict[int, object], said: re.Pattern[str] = _PRONOUN_SAID
) -> tuple[dict[int, set[str]], dict[int, int]]:
    """Sentence row -> terms of the person its pronoun attribution ("..., he added.")
    refers to: the nearest named attribution up to _SPEAKER_REACH sentences before it;
    and sentence row -> the row of that attribution. `by_doc` holds each article's
    sentences in order (SentenceTable.by_doc); `para` maps a row to an object its
    paragraph's rows share.

    "The expert said" refers back as "he said" does, and the sentences of a quotation
    opening the paragraph of such an attribution are that speaker's too.
    A paragraph that is all quotation and names no speaker goes on with the speaker of
    the quotation that ends the paragraph before it: the newspaper convention for words
    running over paragraphs ("“...,” he said." then "“... But this can be realized
    sometime after the second summit.”")."""
    out: dict[int, set[str]] = {}
    source: dict[int, int] = {}
    for seq in by_doc.values():
        known: dict[str, str] | None = None  # word of a full name in the article -> that name
        paragraphs: list[list] = []
        for s in seq:
            if paragraphs and para.get(s.row) is para.get(paragraphs[-1][-1].row):
                paragraphs[-1].append(s)
            else:
                paragraphs.append([s])
        # a quotation opening its paragraph is attributed from before the paragraph: its
        # own sentences name no one ("“From China’s perspective ... ,” he said." after
        # "Zhao pointed out that ...")
        opened = {s.row: group[0].pos for group in paragraphs if _OPENS_QUOTE.match(group[0].text) for s in group}
        for s in seq:
            if not said.search(s.text):
                continue
            known = _known(seq, known)
            start = min(s.pos, opened.get(s.row, s.pos))
            for prev in reversed(seq[max(0, start - _SPEAKER_REACH) : s.pos]):
                name = _attributed(prev.text, known) or (
                    _attributed(prev.text, known, _VOICED) if prev.pos < start else None
                )
                if name:
                    out[s.row] = set(terms(name))
                    source[s.row] = prev.row
                    break
        for group in paragraphs:
            # '"On top of that, Trump criticized ... . What is interesting is ...," the
            # expert said.': a quotation opening the paragraph is all one speaker's, up
            # to the sentence attributing it by pronoun. (Not where it names him: the
            # sentence naming him also says who he is, which his words would outscore.)
            if not _OPENS_QUOTE.match(group[0].text):
                continue
            for i, g in enumerate(group):
                who = out.get(g.row)
                if who:
                    for e in group[:i]:
                        out.setdefault(e.row, who)
                        source.setdefault(e.row, source.get(g.row, g.row))
                if who or _SAID.search(g.text):
                    break
        for before, group in zip(paragraphs, paragraphs[1:]):
            last = before[-1]
            if not _OPENS_QUOTE.match(group[0].text) or any(_SAID.search(g.text) for g in group):
                continue
            if not re.search(r"[”\"]", last.text):
                continue  # the paragraph before ends on narration, not on someone's words
            who = out.get(last.row)
            if who is None:
                known = _known(seq, known)
                name = _attributed(last.text, known)
                who = set(terms(name)) if name else None
            if who:
                for g in group:
                    out[g.row] = who
                    source[g.row] = source.get(last.row, last.row)
    return out, source


def voices(by_doc: dict[str, list]) -> dict[int, set[str]]:
    """Sentence row -> terms of the person the sentence itself gives words or a view to
    by name ("said Yun", "Hill expressed concern that ...")."""
    out: dict[int, set[str]] = {}
    for seq in by_doc.values():
        known = name_words(seq)
        for s in seq:
            name = _attributed(s.text, known, _VOICED)
            if name:
                out[s.row] = set(terms(name))
    return out


def quotations(by_doc: dict[str, list], para: dict[int, object], speaker: dict[int, set[str]]) -> dict[int, set[str]]:
    """Sentence row -> terms of the person whose quotation it belongs to, for the
    sentences of a quotation opening its paragraph, up to the sentence attributing it
    by name ("..., Ding Xueliang, director of ..., told Sputnik.") or by pronoun
    (`speaker`, from `speakers`). Kept apart from `speakers`: the sentence naming the
    speaker also says who he is, which his words would outscore if they named him too;
    this only says whose words they are."""
    out: dict[int, set[str]] = {}
    for seq in by_doc.values():
        known = name_words(seq)
        group: list = []
        for s in [*seq, None]:
            if s is not None and group and para.get(s.row) is para.get(group[-1].row):
                group.append(s)
                continue
            if group and _OPENS_QUOTE.match(group[0].text):
                for i, g in enumerate(group):
                    name = _attributed(g.text, known)
                    who = set(terms(name)) if name else speaker.get(g.row)
                    if who:
                        for e in group[: i + 1]:
                            out[e.row] = who
                        break
                    if _SAID.search(g.text):
                        break
            group = [s] if s is not None else []
    return out


def narrators(by_doc: dict[str, list], para: dict[int, object]) -> dict[int, set[str]]:
    """Sentence row -> terms of the person a narrating sentence ("The expert pointed out
    that ...") tells the view of: the one quoted or named just before. Kept apart from
    `speakers`, as these sentences do not say who he is ("who is Zhao Tong?")."""
    found, _ = speakers(by_doc, para, NARRATED)
    rows = {s.row: s for seq in by_doc.values() for s in seq}
    return {row: who for row, who in found.items() if NARRATED.search(rows[row].text)}
