"""Concepts of what is said and reported: how a question and an article each word that
someone was quoted ("the academic quoted about ...": "..., says Shi Yinhong"), what kind
of expert they are ("the academic": "a political science professor"), what someone
mentioned, posted or reckons, and who reported it (a spokesperson, a paper). Part of the
concepts rag/synonyms.py matches (rag/concepts.py has the others)."""

from __future__ import annotations

from .concepts import Concept, wording

_SAID = (
    r"said|says|say|told|tells|added|noted|argued|pointed\s+out|according\s+to|explained|stressed|warned|"
    r"tweeted|quoted|cited"
)

QUOTED: tuple[Concept, ...] = (
    # "who's the academic quoted about the trip?", "which expert weighed in?": anyone
    # whose words the sentence gives
    Concept(
        "~quoted",
        wording(
            r"quot(?:e|es|ed|ing)|cit(?:e|es|ed|ing)|interview(?:s|ed|ing)?|weigh(?:s|ed|ing)?\s+in|"
            r"comment(?:s|ed|ing)?\s+on|spoke\s+to|talked\s+to"
        ),
        wording(_SAID),
        retrieve=False,
    ),
    # "the academic", "the scholar": "a political science professor", "a researcher for"
    Concept(
        "~academic",
        # (a question saying "professor" or "researcher" finds the word itself)
        wording(r"academics?|academicians?|scholars?"),
        wording(r"academics?|scholars?|professors?|lecturers?|researchers?|research\s+fellows?"),
        retrieve=False,
        keep_words=True,
    ),
    # "did he bring up China a lot?": "Kim mentioned China much more than ..."
    Concept(
        "~mention",
        # not "the names mentioned in the coverage": where they are said, not what someone said
        wording(
            r"bring(?:s|ing)?\s+up|brought\s+up|mention(?:s|ing)?|"
            # "how did China come up in that speech?": how he mentioned it
            r"c(?:o|a)me\s+up\s+in|comes\s+up\s+in|"
            # "did he talk about china a lot?": how much he mentioned it
            r"talk(?:s|ed|ing)?\s+(?:a\s+lot\s+)?about(?=[^?.!]*\b(?:a\s+lot|much|often|frequently)\b)|(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)"
            r"(?<!\bbeen\s)mentioned(?!\s+(?:in|by|on|across)\b)|refer(?:s|red|ring)?\s+to|raise[sd]?|raising"
        ),
        wording(
            r"mention(?:s|ed|ing)?|refer(?:s|red|ring)?\s+to|brought\s+up|rais(?:e|es|ed|ing)\s+the\s+(?:issue|subject)"
        ),
    ),
    # "where did he post that?": "said on Twitter"
    Concept(
        "~post",
        # (not the noun: "what post does Ri Yong-ho hold?" asks his job)
        wording(
            r"post(?:ed|ing)|(?<!\bwhat\s)(?<!\bwhich\s)posts?|"
            r"tweet(?:s|ed|ing)?|publish(?:es|ed|ing)?"
        ),
        wording(
            r"post(?:s|ed|ing)?|tweet(?:s|ed|ing)?|publish(?:es|ed|ing)?|"
            r"(?:said|wrote|says|writes|announced)\s+on\s+(?:Twitter|Facebook|Weibo|Instagram|X|social\s+media)"
        ),
    ),
    # "when does he reckon the summit will be?": "I do think that ...", "..., he added"
    Concept(
        "~reckon",
        wording(
            r"reckons?|reckoned|guess(?:es)?|suppos(?:e|es)|figures?(?=\s+(?:that\s+)?(?:the|a|it|he|she|they|kim)\b)|"
            r"forecasts?|forecasted|anticipates?|anticipated|foresees?|foresaw"
        ),
        wording(
            r"think(?:s)?|thought|believes?|believed|expects?|expected|predicts?|predicted|reckons?|said|says|added|noted"
        ),
        retrieve=False,
    ),
    # "what did he say when someone asked if ...?": "When asked whether ..., he said ..."
    Concept(
        "~asked",
        wording(
            r"when\s+(?:(?:he|she|they|someone|somebody|reporters|journalists)\s+)?(?:was\s+|were\s+)?(?:asked|questioned|pressed)"
        ),
        wording(r"when\s+(?:being\s+)?asked|asked\s+(?:whether|if|about)"),
        retrieve=False,
    ),
    # "the foreign ministry spokesperson": "spokesman Lu Kang"
    Concept(
        "~spokes",
        # (a question saying "spokesman" finds the word itself)
        # ("who spoke for the foreign ministry?" asks its spokesman)
        wording(
            r"spokes(?:woman|women|person|persons|people)|(?:spoke|speaks?|speaking)(?=\s+for\s+(?!the\s+(?:\w+\s+)?(?:time|while|record)\b)(?:the\b|its\b|their\b|\w+['’]s\b|(?-i:[A-Z])))|"
            # "what was Beijing's official position?": what its spokesman said
            r"official\s+(?:position|line|stance|response|reaction|view|word)|officially\s+(?:say|said|respond|responded|react|reacted)"
        ),
        wording(r"spokes(?:man|men|woman|women|person|persons|people)"),
    ),
    # "which paper ran an upbeat piece?": "An optimistic report in ... the tabloid"
    Concept(
        "~paper",
        wording(
            r"(?:news)?papers?|tabloids?|dailies|daily(?=\s+(?:ran|run|runs|said|say|says|published|printed|wrote)\b)"
        ),
        wording(r"(?:news)?papers?|tabloids?"),
        retrieve=False,
    ),
    # "in his New Year speech": "In a New Year's Day address", "in this year's address"
    Concept(
        "~speech",
        wording(r"speech(?:es)?|address(?=\W*$|\s+(?:to|in|on|at|of|that|this|he|she|did|was)\b)"),
        wording(
            r"speech(?:es)?|(?:an?|the|his|her|their|its|year['’]s|day['’]s|new\s+year|annual|televised|keynote|"
            r"inaugural|policy)\s+address(?:es)?"
        ),
        retrieve=False,
    ),
)
