"""Who people are: "Mike Pompeo, US secretary of state, traveled ..." and "Chinese
Foreign Ministry spokesman Lu Kang" say once what a later sentence calling them
"Pompeo" or "Lu" does not. A question asking how "the US secretary of state" reacted
is answered by "Pompeo, however, said ...": sentence scoring (rag/sentences.py) counts
the role's words as covered in a sentence naming the person who holds it."""

from __future__ import annotations

import re

from .question_type import PERSON
from .question_words import ROLE_STEMS
from .retrieve import terms
from .spans import spans
from .speakers import name_words

# "Mike Pompeo, US secretary of state, traveled": the apposition after the name; it runs
# over the stops of "U.S." and ends before a relative clause ("a retired U.S. diplomat
# who was speaking on a panel ...")
_AFTER = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?((?:[^,.;:“”\"()]|(?<=\b[A-Z])\.){3,130}?)\s*(?:,|(?<!\b[A-Z])\.|;|\s+said|\s+told|\s+who\b|\s+which\b|$)"
)
# "director of the Institute for China's Overseas Interests, Shenzhen University": where
# the post is, after a comma of its own
_PLACE_OF_WORK = re.compile(
    r",\s+((?:[A-Z][\w’'-]*\s+){0,4}(?:University|Institute|Center|Centre|College|Academy|School|Foundation|"
    r"Corporation)(?:\s+of(?:\s+[A-Z][\w’'-]*){1,3})?)\b"
)
# "Chinese Foreign Ministry spokesman Lu Kang": the title run just before the name
_BEFORE = re.compile(r"((?:(?:[A-Z][\w.’'-]*|of|for|and|the|[a-z]+)\s+){1,10})$")


_ATTRIBUTION = re.compile(r"\b(?:say|says|said|believe|believes|argue|argue[sd]|note[sd]?|told|warn(?:s|ed)?)\b")


def _role_terms(phrase: str, lead: bool) -> set[str]:
    """Terms of a title or apposition that names a role within its first words (`lead`)
    or, for a title before the name, whose lower-case words are all roles."""
    words = phrase.split()
    if lead and _ATTRIBUTION.search(phrase):
        return set()  # "..., experts say": whose words, no apposition
    if lead:
        if not set(terms(" ".join(words[:4]))) & ROLE_STEMS:
            return set()
        # "a fellow in Carnegie’s Nuclear Policy Program at the Carnegie–Tsinghua Center
        # for Global Policy in Beijing": the post and where it is, not the whole run
        words = words[:8]
    else:
        # "Chinese Foreign Ministry spokesman", not "experts say" or "Kim met Chinese"
        while words and words[0].islower() and not set(terms(words[0])) & ROLE_STEMS:
            words = words[1:]
        if any(w.islower() and w not in ("of", "for", "and", "the") and not set(terms(w)) & ROLE_STEMS for w in words):
            return set()
    text = " ".join(words)
    found = set(terms(text))
    place = re.search(r"\b(?:at|of|for|with|to|in)\b", text) if lead else None
    if place:
        # "a professor at the National Korea Diplomatic Academy" is no diplomat: a role
        # word in the name of where someone works is that place's
        named = {t for w in text[place.end() :].split() if w[:1].isupper() for t in terms(w)}
        found -= (named & ROLE_STEMS) - set(terms(text[: place.start()]))
    return found if found & ROLE_STEMS else set()


def person_roles(
    by_doc: dict[str, list],
) -> tuple[dict[int, set[str]], dict[int, set[str]], dict[str, set[str]]]:
    """Sentence row -> the role words of the people it names (by full name, or by a
    word of a full name its article uses); row -> the words of those full names
    ("Pompeo, however, said" names Mike Pompeo); and full name -> role words. Roles are
    read off every article: the one calling him "Pompeo" may say who he is nowhere."""
    role_of: dict[str, set[str]] = {}  # full name -> role terms
    named: dict[int, set[str]] = {}  # row -> full names it mentions
    for seq in by_doc.values():
        known = name_words(seq)
        found: list[tuple[object, list[tuple[int, int, str]]]] = []
        for s in seq:
            people = spans(s.text, PERSON)
            found.append((s, people))
            for a, b, name in people:
                roles = set()
                after = _AFTER.match(s.text[b:])
                if after:
                    roles |= _role_terms(after.group(1), lead=True)
                    more = _PLACE_OF_WORK.match(s.text, b + after.end(1)) if roles else None
                    if more:
                        roles |= set(terms(more.group(1)))
                before = _BEFORE.search(s.text[:a])
                if before:
                    # only the run after the last comma or quotation mark
                    roles |= _role_terms(re.split(r"[,“”\"]", before.group(1))[-1], lead=False)
                if roles:
                    role_of.setdefault(name, set()).update(roles - set(terms(name)))
        for s, people in found:
            names = {n for _a, _b, n in people}
            names |= {known[w] for w in re.findall(r"\b[A-Z][a-z]+\b", s.text) if w in known}
            if names:
                named[s.row] = names
    out: dict[int, set[str]] = {}
    for row, names in named.items():
        roles = set().union(*(role_of.get(n, set()) for n in names))
        if roles:
            out[row] = roles
    return out, {row: {t for n in names for t in terms(n)} for row, names in named.items()}, role_of


def speaker_roles(role_of: dict[str, set[str]], whose: dict[int, set[str]]) -> dict[int, set[str]]:
    """Sentence row -> the role words of the person whose words it is (`whose`: row ->
    the terms of their name): "Kim also wants ... because China is North Korea's major
    trading partner" is the RAND researcher's, named two sentences on."""
    named = [(terms(name), roles) for name, roles in role_of.items() if terms(name)]
    out: dict[int, set[str]] = {}
    for row, who in whose.items():
        # the one named in full; else the one the single word names, first or last
        # ("Shin said": Shin Beom-chul, surname first; "Bennett said": Bruce Bennett),
        # not everyone whose name ends the same ("Lim Eul-chul" is not "Shin Beom-chul")
        found = [roles for ts, roles in named if set(ts) <= who]
        if not found:
            found = [roles for ts, roles in named if who & {ts[0], ts[-1]}]
        roles = set().union(*found)
        if roles:
            out[row] = roles
    return out


def roles_of(role_of: dict[str, set[str]], name: str) -> set[str]:
    """The role words of a person named in full or by one word of their name ("Shi" is
    Shi Yinhong, a professor); empty where no article says who they are."""
    named = set(terms(name))
    if not named:
        return set()
    return set().union(*(r for n, r in role_of.items() if named <= set(terms(n)) or set(terms(n)) <= named))


def posts_of(role_of: dict[str, set[str]], name: str) -> set[str]:
    """The posts of the one person a name means ("Joseph Yun", also called "Yun"); none
    for a word several people share ("Kim"). Stricter than `roles_of`."""
    named = set(terms(name))
    longer = {n for n in role_of if named < set(terms(n))}
    if len(longer) > 1:
        return set()
    return set().union(*(r for n, r in role_of.items() if set(terms(n)) <= named or n in longer))


# the post given beside a name: "Hu Xijin, the editor in chief at the Global Times said",
# "Cho Han-Bum of the Korea Institute for National Unification said"
_APPOSITION = re.compile(
    r"\s*(?:,\s*|\s(?:of|at|from)\s)([^,;.!?“”\"]{3,80}?)(?=,|\s+(?:said|says|told|added|noted)\b|[.;]|$)"
)


def holds_post_asked(role_of: dict[str, set[str]], name: str, after: str, asked: set[str]) -> bool:
    """Is `name` the one a question describes by post ("the Global Times editor in
    chief" of "Hu Xijin, the editor in chief at the Global Times")? His known posts, or
    the post given beside his name in this sentence (`after`: the text after it), hold
    the question's words."""
    if not asked & ROLE_STEMS:
        return False
    beside = _APPOSITION.match(after)
    return bool(posts_of(role_of, name) & asked) or (
        beside is not None and len(set(terms(beside.group(1))) & asked) >= 2
    )


# posts of those a news story quotes for their expertise (not "leader", "president")
EXPERT_POSTS = frozenset(
    terms("professor fellow researcher research director adviser advisor analyst scholar expert academic economist")
)
# the words for any expert ("which analyst", "the expert"): no post of their own
GENERIC_EXPERTS = frozenset(terms("expert analyst scholar academic observer specialist"))
_OFFICE_POSTS = frozenset(terms("president leader minister secretary"))


def experts_in(role_of: dict[str, set[str]], text: str) -> list[str]:
    """The people an article's text names in full and some article introduces by an
    expert's post (professor, fellow, researcher, director, adviser, ...), in the order
    it names them: those "the other expert in that article" can mean."""
    found = [
        (text.find(name), name)
        for name, roles in role_of.items()
        if len(terms(name)) > 1
        and name in text
        and roles & EXPERT_POSTS
        and not (roles | set(terms(name))) & _OFFICE_POSTS
    ]
    return [name for _pos, name in sorted(found)]
