"""Concepts of events: when they happen and how long they last, whether they were
announced, what they centre on, arriving and being on the way, what came before. Part of
the concepts rag/synonyms.py matches (rag/concepts.py has the others)."""

from __future__ import annotations

from .concepts import Concept, wording
from .question_type import OTHER

EVENTS: tuple[Concept, ...] = (
    # "how many times had he been to China before it?": a count or date of what came
    # before, in any wording (in "why had relations soured before ...?" it only dates
    # what is asked about)
    Concept(
        "~before",
        wording(r"before|prior\s+to|ahead\s+of|in\s+the\s+run-up\s+to|preceding"),
        wording(r"before|prior\s+to|ahead\s+of|in\s+the\s+run-up\s+to|preceding|earlier|previous(?:ly)?|beforehand"),
        frozenset({"NUMBER", "DATE"}),
    ),
    # "how long is the visit supposed to last?": "is to last from Jan. 7-10", "will be
    # traveling for four days", "a four-day trip" (not "last year")
    Concept(
        "~last",
        # ("how long did Kim stay in Beijing?": how long his visit lasted)
        wording(r"last(?:s|ed)?(?=\s*\??\s*$)|lasting(?=\s*\??\s*$)|stay(?:s|ed|ing)?"),
        wording(
            r"(?:to|will|would|should|could|may|might)\s+last|lasts|lasted|lasting|"
            r"(?:for|spans?|spanning)\s+(?:\w+\s+)?(?:days|weeks|months)|"
            r"[\w]+-(?:day|week|month)\s+(?:visit|trip|travel|stay|tour|summit|journey)"
        ),
        frozenset({"NUMBER"}),
    ),
    # "went to pin down when and where the summit would be": "to finalize a date and location"
    Concept(
        "~settle",
        wording(
            # ("locked in a stalemate" in a sentence is not)
            r"lock(?:s|ed|ing)?\s+(?:in|down)|firm(?:s|ed|ing)?\s+up|pin(?:s|ned|ning)?\s+down|nail(?:s|ed|ing)?\s+down|finali[sz](?:e|es|ed|ing)|settl(?:e|es|ed|ing)|fix(?:es|ed|ing)?"
        ),
        wording(
            r"pin(?:s|ned|ning)?\s+down|nail(?:s|ed|ing)?\s+down|finali[sz](?:e|es|ed|ing)|settl(?:e|es|ed|ing)|fix(?:es|ed|ing)?"
        ),
    ),
    Concept(
        "~when_where",
        wording(r"when\s+and\s+where|where\s+and\s+when"),
        wording(
            r"(?:date|time|timing)\s+and\s+(?:location|venue|place|site)|(?:location|venue|place|site)\s+and\s+(?:date|time|timing)"
        ),
    ),
    # "what did pompeo say on his way to north korea?": "said en route to North Korea"
    Concept(
        "~enroute",
        # ("what did he say on his way there?")
        wording(r"on\s+(?:his|her|their|its|the)\s+way\s+(?:to|into|back|there|over)|en\s+route|bound\s+for"),
        wording(r"on\s+(?:his|her|their|its|the)\s+way\s+(?:to|into|back)|en\s+route|bound\s+for"),
        retrieve=False,
    ),
    # "was it announced beforehand?": "an unannounced visit", "a surprise visit"
    Concept(
        "~announced",
        wording(
            # (only whether it was made known in advance, not "what did he announce?")
            r"(?:pre-?)?announc(?:e|es|ed|ing)(?=.*\b(?:beforehand|in\s+advance|ahead\s+of\s+time|publicly|before)\b)|"
            r"unannounced|(?:a\s+)?surprise(?=\W*$)|unexpected(?=\W*$)|without\s+(?:any\s+)?warning"
        ),
        wording(r"(?:un)?announc(?:e|es|ed|ing)|surprise|unexpected(?:ly)?|without\s+(?:prior\s+)?(?:warning|notice)"),
        frozenset({OTHER}),
    ),
    # "would the North Koreans sit down with the Americans?": "would meet with U.S. officials"
    # (only "meet with": "meeting Moon three times" as well cost more questions than it won)
    Concept(
        "~meet_with",
        wording(r"sit(?:s|ting)?\s+down\s+with|sat\s+down\s+with"),
        wording(r"sit(?:s|ting)?\s+down\s+with|sat\s+down\s+with|meet(?:s|ing)?\s+with|met\s+with"),
    ),
    # "who saw him off in Pyongyang?": "... inspect an honor guard in Pyongyang before departing"
    Concept(
        "~send_off",
        wording(
            r"(?:saw|see|sees|seeing)\s+(?:[\w’'-]+\s+){1,3}?off\b|seen\s+off|send-?offs?|"
            r"farewells?|(?:before|as)\s+(?:he|she|they)\s+(?:left|departed)"
        ),
        wording(
            r"before\s+departing|before\s+(?:his|her|their)\s+departure|departure\s+ceremony|seen\s+off|farewells?"
        ),
        frozenset({"PERSON"}),
    ),
    # "when did he get to Beijing?": "arrived in Beijing on Tuesday morning"
    Concept(
        "~arrive",
        wording(r"get(?:s|ting)?\s+to|got\s+to|arriv(?:e|es|ed|ing|al)|reach(?:es|ed)?|land(?:s|ed)?\s+in"),
        # ("flew to Dalian on Monday": a flight's day is the day it got there)
        wording(r"arriv(?:e|es|ed|ing|al)|reach(?:es|ed)|land(?:s|ed)?\s+in|got\s+to|fl(?:ew|own|ies)\s+(?:in)?to"),
        frozenset({"DATE"}),
    ),
    # "what was the main focus of the trip?": "will center on meetings with ..."
    Concept(
        "~focus",
        wording(r"focus(?:es|ed|ing)?|cent(?:er|re)(?:s|d|ed|ing)?\s+(?:on|around)|revolv(?:e|es|ed|ing)\s+around"),
        wording(
            r"focus(?:es|ed|ing)?\s+on|cent(?:er|re)(?:s|d|ed|ing)?\s+(?:on|around)|revolv(?:e|es|ed|ing)\s+around|"
            r"concentrat(?:e|es|ed|ing)\s+on"
        ),
        retrieve=False,
    ),
    # "when could those talks take place?": "this can be realized sometime after ...", "will
    # be held", "is to happen"
    Concept(
        "~happen",
        wording(r"tak(?:e|es|ing)\s+place|took\s+place|happen(?:s|ed|ing)?|occur(?:s|red|ring)?"),
        wording(
            r"tak(?:e|es|ing|en)\s+place|took\s+place|happen(?:s|ed|ing)?|occur(?:s|red|ring)?|"
            r"(?:be|is|was|are|were|been|being)\s+(?:held|realized|realised|convened|arranged|scheduled)|materiali[sz](?:e|es|ed)"
        ),
        frozenset({"DATE"}),
        retrieve=False,
    ),
    # "will there be a three-way summit?": "a trilateral summit is unlikely ..."
    Concept(
        "~trilateral",
        wording(r"three-?\s?way|trilateral|three-(?:party|nation|country|sided)"),
        wording(r"three-?\s?way|trilateral|three-(?:party|nation|country|sided)"),
        retrieve=False,
    ),
    # "when will Trump and Kim meet again?": "a second summit will be arranged ..."
    Concept(
        "~again",
        wording(
            # (not "the second summit", whose own words find "a second summit" better
            # than "another summit" would)
            r"meet(?:s|ing)?\s+(?:\w+\s+){0,2}?again|see\s+each\s+other\s+again|meet\s+(?:for\s+)?a\s+second\s+time"
        ),
        wording(
            r"(?:next|another|second|2nd)\s+(?:(?:possible|planned|proposed|likely)\s+)?(?:meeting|summit)|"
            r"meet(?:s|ing)?\s+(?:\w+\s+){0,2}?again|met\s+(?:\w+\s+){0,2}?again"
        ),
        frozenset({"DATE"}),
    ),
)
