"""The chosen short answer's last trim, by what the question asked: the title a PERSON
question already names cut off, an organisation's whole name, a year without its "in"."""

from __future__ import annotations

import re

from .question import Question
from .question_type import ORG, PERSON
from .referents import TITLE_WORDS
from .retrieve import terms
from .sentence_table import Sent


def refine(
    q: Question, s: Sent, best: tuple[int, int, str], cands: list[tuple[int, int, str]], qset: set[str]
) -> tuple[int, int, str]:
    if q.qtype == PERSON:
        # the title the question already names is not the answer: "who was the foreign
        # minister" -> "Ri Yong-ho", not "Foreign Minister Ri Yong-ho" (a title only: "who's
        # Kim seeing?" is not answered "Jong Un" of "Kim Jong Un")
        a, b, text = best
        words = list(re.finditer(r"\S+", text))
        cut = 0
        while cut < len(words) - 2 and (lead := set(terms(words[cut].group(0)))) and lead <= qset & TITLE_WORDS:
            cut += 1
        if cut:
            off = words[cut].start()
            best = (a + off, b, text[off:])
    if q.qtype == ORG:
        # the whole name: "Asan Institute for Policy Studies", "Korea Economic Institute of America"
        a, b, text = best
        longer = [
            c for c in cands if c[0] == a and c[1] > b and re.match(r"\s+(?:for|on)\s|\s+of\s+[A-Z]", s.text[b : c[1]])
        ]
        if longer:
            best = max(longer, key=lambda c: c[1])
        # "what organization is Yun affiliated with?": the body hosting a program ("the Asia
        # Program at the US Institute for Peace"), unless a program is asked for
        host = [c for c in cands if c[0] > best[1] and re.fullmatch(r"\s+at\s+(?:the\s+)?", s.text[best[1] : c[0]])]
        if host and q.head not in ("program", "depart", "divis", "offic", "servic"):
            best = host[0]
    if q.subtype == "YEAR":
        # "what year did he take office?" -> "2012"; "when" keeps "in 2012"
        a, b, text = best
        m = re.match(r"in\s+(?:the\s+)?", text)
        if m and re.fullmatch(r"(?:1\d|20)\d{2}s?", text[m.end() :]):
            best = (a + m.end(), b, text[m.end() :])
    return best
