"""The concepts rag/synonyms.py matches: for each, the wordings that set it off in a
question and those that satisfy it in a sentence. Only general English paraphrases
belong here, none about this corpus. Those of events are in rag/event_concepts.py, of
what is said and reported in rag/quoted.py, of attitudes in rag/attitudes.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .question_type import OTHER


@dataclass(frozen=True)
class Concept:
    term: str  # the term both sides get; "~" keeps it apart from any word's stem
    question: re.Pattern[str]
    sentence: re.Pattern[str]
    qtypes: frozenset[str] | None = None  # the answer types it applies to (None: all)
    # whether BM25 searches by it too: not for one whose words are the story's topic
    # ("trip" is in most questions here; doubled, it outweighs the question's names)
    retrieve: bool = True
    # whether the question's own word stays a term beside the concept: "Beijing" said
    # outright still counts for more than "China" standing for it
    keep_words: bool = False


def wording(pattern: str) -> re.Pattern[str]:
    """Any of the wordings in `pattern`, as whole words, in any case."""
    return re.compile(rf"\b(?:{pattern})\b", re.I)


_OFFICE = (
    r"(?:came|come|comes|coming)\s+to\s+power|(?:took|take|takes|taken|taking)\s+(?:office|power)|"
    r"assum(?:e|es|ed|ing)\s+(?:office|power)|(?:rose|rise|rises|risen|rising)\s+to\s+power|"
    r"seiz(?:e|es|ed|ing)\s+power|in\s+power\s+since|(?:been|be|being|was|is)\s+in\s+power"
)
_END = (
    r"wrap(?:s|ped|ping)?\s+up|end(?:s|ed|ing)?|conclud(?:e|es|ed|ing)|finish(?:es|ed|ing)?|"
    r"(?:come|comes|came)\s+to\s+an\s+end|draws?\s+to\s+a\s+close"
)
_TRAVEL = r"trips?|travel(?:s|led|ed|ling|ing|er|ers)?|journey(?:s|ed|ing)?"

CONCEPTS: tuple[Concept, ...] = (
    Concept("~office", wording(_OFFICE), wording(_OFFICE)),
    # (in a sentence, not "the end of February", which dates something else)
    Concept(
        "~end",
        wording(_END),
        wording(_END.replace(r"|end(?:s|ed|ing)?|", r"|(?<!\bthe\s)end(?:s|ed|ing)?(?!\s+of\b)|")),
    ),
    # "how long will he be away?" asks how long the trip lasts
    Concept(
        "~travel",
        wording(
            _TRAVEL
            + r"|(?:be|been|being|is|was|are|were)\s+away|went\s+(?=to\s+(?-i:[A-Z]))|(?:go|goes|gone)\s+(?=to\s+(?-i:[A-Z]))"
            # "how many times has kim been to china?"
            + r"|been\s+(?=to\s+(?-i:[A-Z]))"
        ),
        wording(_TRAVEL),
        retrieve=False,
    ),
    # "who heads the institute?", "what group does she run?": the article names the
    # post ("president and CEO of ...")
    Concept(
        "~head",
        # (a paper that "ran an upbeat piece" published it)
        wording(
            r"(?:run|runs|ran)(?!\s+(?:an?|the|this|that)\s+(?:[\w-]+\s+)?(?:piece|story|article|report|editorial|op-ed))|"
            r"head|heads|headed|lead|leads|led|chair|chairs|chaired|direct|directs|directed|"
            # "who's in charge there?"
            r"(?<=who['’]s\s)in\s+charge|(?<=who\sis\s)in\s+charge|(?<=who\swas\s)in\s+charge"
        ),
        wording(
            # a title before a name is how the article addresses someone ("President
            # Donald Trump"), not what the question asks them to head
            r"(?:president|ceo|chief|chair(?:man|woman|person)?|director)(?!\s+(?-i:[A-Z]))|head\s+of|heads|headed\s+by|"
            r"leads|led(?!\s+to\b)|runs"
        ),
        frozenset({"ORG", "PERSON"}),
    ),
    # "how many American soldiers are in South Korea?": "its 28,000 troops"
    Concept(
        "~troops",
        wording(r"soldiers?|troops?|servicemen|service\s+members|military\s+personnel|forces"),
        wording(r"soldiers?|troops?|servicemen|service\s+members|military\s+personnel"),
        retrieve=False,
    ),
    # "where does she work now?": "president and CEO of the ... Korea Economic Institute of
    # America", "a researcher for the RAND Corporation" (not "working with the United
    # States", which is cooperating)
    Concept(
        "~work",
        wording(r"work|works|worked|working|employed|employs|employer"),
        wording(
            r"(?:president|ceo|director|professor|researcher|fellow|adviser|advisor|analyst|chair(?:man|woman)?|"
            r"editor|spokes(?:man|woman|person)|economist|scholar|lecturer|head|member|official)s?\s+"
            r"(?:[\w’'-]+\s+){0,5}?(?:at|of|for|with)\b|work(?:s|ed|ing)?\s+(?:at|for|in)\b|employed\s+by"
        ),
        frozenset({"ORG", "PLACE", "PERSON"}),  # (and "who works at the Asan Institute?")
        # a post "of" something is in most sentences naming someone: no search term
        retrieve=False,
    ),
    # "what is the North showing off?": "North Korea is boasting its improved ties"
    Concept(
        "~boast",
        wording(
            r"show(?:s|ed|ing|n)?\s+off|boast(?:s|ed|ing)?|brag(?:s|ged|ging)?|flaunt(?:s|ed|ing)?|tout(?:s|ed|ing)?"
        ),
        wording(
            r"show(?:s|ed|ing|n)?\s+off|boast(?:s|ed|ing)?|brag(?:s|ged|ging)?|flaunt(?:s|ed|ing)?|tout(?:s|ed|ing)?"
        ),
    ),
    # "what year did they compare it to?": "this year could be like China's move in 1979"
    Concept(
        "~compare",
        wording(r"compar(?:e|es|ed|ing)|liken(?:s|ed)?|similar|analog(?:y|ous)|parallel"),
        wording(
            r"compar(?:e|es|ed|ing)|liken(?:s|ed)?|similar|akin|reminiscent|analog(?:y|ous)|parallel|(?:be|is|was|are|were)\s+like"
        ),
        retrieve=False,
    ),
    # "his position on the phased approach": "no interest in following a step-by-step process"
    Concept(
        "~stepwise",
        wording(r"phased|step[- ]by[- ]step|incremental(?:ly)?|gradual(?:ly)?|in\s+stages|piecemeal"),
        wording(r"phased|step[- ]by[- ]step|incremental(?:ly)?|gradual(?:ly)?|in\s+stages|piecemeal"),
    ),
    # "has nothing to do with the trade talks", "is the trip related to the talks?": "there
    # is no connection between the visit and the trade talks", "not a coincidence"
    Concept(
        "~link",
        wording(
            # ("what is it linked to?" keeps its own word: the answer is what follows it)
            r"(?:has|have|had|having)\s+(?:nothing|anything|something)\s+to\s+do\s+with|"
            r"(?:nothing|anything|something)\s+to\s+do\s+with|(?:un)?related|"
            r"(?:un)?connected|connections?|coinciden(?:ce|tal)|tied\s+(?:to|in\s+with)|"
            # "what did he tie the timing to?": what he said it is linked to
            r"ti(?:e|es|ing)\s+(?:[\w’'-]+\s+){1,4}?to(?=\W*$)|"
            # "does Shi agree that the trip is linked to the trade negotiations?" (its object named)
            r"(?:is|are|was|were|be|been)\s+(?:\w+\s+)?(?:linked|tied)\s+(?:to|with)(?=\s+(?:the|a|an|his|her|its|their)\b)"
        ),
        wording(
            r"(?:un)?related|(?:un)?connected|linked|connections?|links?|coinciden(?:ce|tal)|nothing\s+to\s+do\s+with"
        ),
    ),
    # "where did they go for a walk?": "took a stroll on a beachfront sidewalk"
    Concept(
        "~stroll",
        wording(r"walk(?:s|ed|ing)?|stroll(?:s|ed|ing)?|wander(?:s|ed|ing)?"),
        wording(r"walk(?:s|ed|ing)?|stroll(?:s|ed|ing)?"),
    ),
    # "what can't the North deal with on its own?": "cannot handle the intensifying pressure"
    Concept(
        "~handle",
        wording(
            r"deal(?:s|t|ing)?\s+with|cop(?:e|es|ed|ing)\s+with|handl(?:e|es|ed|ing)|withstand(?:s|ing)?|withstood|"
            # "why can't it manage without that?"
            r"manag(?:e|es|ed|ing)(?=\s+(?:without|alone|by\s+(?:it|him|them)sel(?:f|ves)|on\s+(?:its|his|their)\s+own))"
        ),
        wording(
            r"deal(?:s|t|ing)?\s+with|cop(?:e|es|ed|ing)\s+with|handl(?:e|es|ed|ing)|withstand(?:s|ing)?|withstood"
        ),
    ),
    # "can people in China even see that site?", "why can't they read his tweet?": the
    # article says whether it is blocked
    Concept(
        "~access",
        wording(
            r"(?:can|could|cannot|can['’]t|(?:un)?able\s+to|allowed\s+to)\s+(?:[\w’'-]+\s+){0,4}?"
            r"(?:see|read|access|view|get\s+on(?:to)?|get\s+to|open|reach)"
        ),
        wording(r"block(?:s|ed|ing)?|bann(?:ed|ing)|censor(?:s|ed|ing)?|inaccessible|firewall"),
    ),
    # "what is Kim scared of?": "Kim is worried that the President will tell him ..."
    Concept(
        "~fear",
        # ("what is he worried ...?" finds "Hill expressed concern that ..." too)
        wording(r"scared|afraid|fearful|frighten(?:ed|s)?|nervous|anxious|worried|concerned"),
        wording(
            r"scared|afraid|fear(?:s|ed|ful)?|frighten(?:ed|s)?|worr(?:y|ies|ied)|nervous|anxious|concern(?:ed|s)?"
        ),
        retrieve=False,
    ),
    # "what is Beijing pushing Kim to demand?": "the Chinese may be pressing on Kim"
    Concept(
        "~press",
        wording(r"push(?:es|ed|ing)?|urg(?:e|es|ed|ing)|press(?:es|ed|ing)|lean(?:s|ed|ing)?\s+on"),
        wording(r"push(?:es|ed|ing)?|urg(?:e|es|ed|ing)|press(?:es|ed|ing)"),
        retrieve=False,
    ),
    # "was that meeting public, or kept under wraps?": "a secret meeting"
    Concept(
        "~secret",
        wording(
            r"(?:kept\s+|held\s+in\s+)?(?:under\s+wraps|secret(?:ly|ive)?)|kept\s+(?:quiet|hidden)|hush(?:ed)?(?:\s+up)?|confidential|covert"
            # "was that meeting made public at the time?"
            r"|(?:made|make|kept|held)\s+(?:in\s+)?public|publici[sz]ed|disclosed"
        ),
        wording(r"secret(?:ly|ive)?|under\s+wraps|behind\s+closed\s+doors|confidential|covert"),
        retrieve=False,
    ),
    # "what earlier agreement did they say they would carry forward?": "they will inherit
    # the previous inter-Korean agreement"
    Concept(
        "~inherit",
        wording(r"carr(?:y|ies|ied|ying)\s+(?:forward|over)|uph[eo]ld(?:s|ing)?|inherit(?:s|ed|ing)?"),
        wording(r"carr(?:y|ies|ied|ying)\s+(?:forward|over)|uph[eo]ld(?:s|ing)?|inherit(?:s|ed|ing)?"),
    ),
    # "is Twitter even accessible in China?": "Twitter is blocked in China."
    Concept(
        "~blocked",
        wording(
            r"(?:in)?accessible|access|blocked|banned|censored|(?:un)?available"
            # "can people in china even use that?"
            r"|(?:can|could)\s+(?:people|anyone|anybody|users|citizens|folks|they|you|Chinese)(?:\s+[\w-]+){0,3}?\s+(?:use|get\s+on)"
        ),
        wording(r"blocked|banned|censored|(?:in)?accessible|unavailable"),
        # ("why is Twitter blocked?" keeps its word: a sentence saying only that it is
        # blocked says nothing of why)
        qtypes=frozenset({OTHER}),
        retrieve=False,
    ),
    # "who else was in his entourage?": "Accompanying Kim was ..."
    Concept(
        "~escort",
        wording(r"entourage|retinue|accompan(?:y|ied|ies|ying)"),
        wording(r"entourage|retinue|accompan(?:y|ied|ies|ying)|along\s+with"),
        retrieve=False,
    ),
    # "where does he teach?": "a political science professor at Beijing's Renmin University"
    Concept(
        "~teach",
        wording(r"teach|teaches|teaching|taught|lecture|lectures|lectured"),
        wording(r"teach(?:es|ing)?|taught|professor|lecturer|lectures?|faculty"),
    ),
    # "who would control the process?": "the talks cannot but be dominated by the US"
    Concept(
        "~dominate",
        wording(
            r"control(?:s|led|ling)?|dominat(?:e|es|ed|ing)|call(?:s|ed)?\s+the\s+shots|run\s+the\s+show|in\s+charge"
        ),
        wording(r"control(?:s|led|ling)?|dominat(?:e|es|ed|ing|ion)|in\s+charge"),
        retrieve=False,
    ),
    # "rather than retaliate against American firms?": "If China punishes US companies ..."
    Concept(
        "~firm",
        wording(r"firms?|compan(?:y|ies)|businesses|corporations?|enterprises"),
        wording(r"firms?|compan(?:y|ies)|businesses|corporations?|enterprises"),
    ),
    Concept(
        "~punish",
        wording(
            r"retaliat(?:e|es|ed|ing|ion|ory)|punish(?:es|ed|ing|ment)?|penali[sz](?:e|es|ed|ing)|hit\s+back|strike\s+back"
        ),
        wording(
            r"retaliat(?:e|es|ed|ing|ion|ory)|punish(?:es|ed|ing|ment)?|penali[sz](?:e|es|ed|ing)|hit\s+back|strike\s+back"
        ),
    ),
)
