"""Short answers that are clauses (rag/clause_span.py)."""

from __future__ import annotations

from rag.clause_span import content_of, objects, verb_object
from rag.question import analyze

SHIN = (
    "Also I think that North Korea is aiming to deliver a clear message that China strongly remains its "
    "cooperative ally in the region,” said Shin."
)
SHI = (
    "During his visit this week, which ends on Thursday, Kim will be looking for assurances that if talks with "
    "the United States fail, it will still have support from China, says Shi Yinhong, a political science professor."
)
PRESSURE = (
    '"The U.S. wants to continue pressing the North by reinforcing sanctions on it, but the latter cannot handle '
    'the intensifying pressure on its own," the expert said.'
)


def test_a_message_or_an_assurance_is_its_that_clause_up_to_the_attribution():
    q = analyze("what message does Shin say North Korea wants to send?")
    assert content_of(q, SHIN)[2] == "China strongly remains its cooperative ally in the region"
    q = analyze("What assurances will Kim be looking for?")
    assert content_of(q, SHI)[2] == "if talks with the United States fail, it will still have support from China"
    # a question asking for no message gets none
    assert content_of(analyze("What did Shin say?"), SHIN) is None


def test_what_a_paraphrased_verb_acts_on():
    q = analyze("what can't the North deal with on its own?")
    assert (q.qtype, "~handle" in q.terms) == ("OTHER", True)
    assert [c[2] for c in objects(q, PRESSURE)] == ["the intensifying pressure"]
    # no concept in the question: nothing
    assert objects(analyze("what does the US want?"), PRESSURE) == []


def test_a_question_ending_on_its_verb_asks_for_that_verbs_object():
    text = (
        "As trade talks carry such significant impact on China, Chinese leaders would never allow an event to "
        "take place at the same time, if that event is viewed as disruptive."
    )
    q = analyze("What did he say Chinese leaders would never allow?")
    assert verb_object(q, text)[2] == "an event to take place at the same time, if that event is viewed as disruptive"
    # a light verb asks for no object: "what will they do?"
    assert verb_object(analyze("What will Chinese leaders do?"), text) is None


def test_an_object_runs_on_over_the_stops_of_an_abbreviation():
    q = analyze("what is China unhappy about in Christopher Hill's view")
    s = "“China is not happy with the way the U.S. has pursued [the nuclear] issue."
    assert [c[2] for c in objects(q, s)] == ["the way the U.S. has pursued [the nuclear] issue"]
