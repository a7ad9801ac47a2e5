"""Question analysis: the answer type and the noun a question asks for."""

from __future__ import annotations

import pytest

from rag.question import analyze, described, head_noun
from rag.question_type import DATE, NUMBER, ORG, OTHER, PERSON, PLACE, REASON, answer_type
from rag.span_kinds import fits_subtype
from rag.turns import split_question


@pytest.mark.parametrize(
    "question, head",
    [
        ("Which Chinese foreign minister did he hold talks with there?", "minist"),
        ("What kind of newspaper is the Global Times?", "newspap"),
        ("Which Renmin University professor was quoted about it?", "professor"),
        ("How many times has Kim visited China?", "time"),
        ("What did Xi say?", None),
        ("Who was North Korea's foreign minister on the Dalian trip?", "minist"),  # who + role
        # a relative clause without "who"/"that" opens on its subject after the role
        ("Who is the Chinese foreign minister Kim met in Dalian?", "minist"),
        ("Who was the professor he spoke to?", "professor"),
        ("Who was the North Korean leader?", "leader"),
        ("Who is Lu Kang?", None),
        ("Why did Kim go to Beijing?", None),
        # "the name of X" asks for an X
        ("What is the name of Kim Jong-un's daughter?", "daughter"),
        ("What is the name of the hotel where Kim stayed?", "hotel"),
        ("What is the name of the US official leading the talks?", "offici"),
        # what is set aside follows the noun asked for
        ("Which Chinese official besides Xi did Kim hold talks with?", "offici"),
        ("Which official other than Xi did Kim meet in Dalian?", "offici"),
        # a choice among those the previous answer named: the role is the noun asked for
        ("Which of them is the foreign minister?", "minist"),
        ("Who was the foreign minister among them?", "minist"),
        # what something held, or what was done, is the thing asked for
        ("What was on the menu at the banquet?", "menu"),
        ("What was served at the banquet?", "serv"),
        ("What model of private jet did Kim fly?", "model"),
    ],
)
def test_head_noun_is_the_last_word_of_the_phrase(question, head):
    assert head_noun(question) == head


@pytest.mark.parametrize(
    "question, qtype",
    [
        ("Which Renmin University professor was quoted?", PERSON),
        # "why" after a leading clause or "and" still asks for a reason
        ("In Christopher Hill's view, why is Beijing displeased?", REASON),
        ("And why did he go there?", REASON),
        ("Who knows why Kim went?", PERSON),
        ("What subject is Lim Eul-chul a professor of?", OTHER),  # the role is not what is asked for
        ("What did the professor say about the visit?", OTHER),
        ("Who met Kim in Dalian?", PERSON),
        ("In which city did they meet?", PLACE),
        ("How many troops does the US keep in South Korea?", NUMBER),
        ("What dates was the stay scheduled for?", DATE),  # plurals too
        ("On which days did Kim meet Xi in Dalian?", DATE),
        ("Which family member of Kim's went with him to Dalian?", PERSON),
        ("Which US negotiator led the talks?", PERSON),
        ("What is the name of Kim Jong-un's wife?", PERSON),
        ("What was the name of the Chinese foreign ministry spokesman?", PERSON),
        ("What is the name of the hotel where Kim stayed?", OTHER),
        ("How large was China's trade surplus with the US?", NUMBER),  # a figure
        ("What tariff rate did Trump impose?", NUMBER),
        ("How big a role does China play?", OTHER),  # "how big a ..." asks no figure
        ("What exact date did Pompeo set for the summit?", DATE),
        ("Which possible locations were being discussed?", PLACE),
        ("Which Carnegie–Tsinghua fellow doubted it?", PERSON),  # an en dash inside the phrase
        # a purpose is a reason
        ("What was the visit meant to achieve?", REASON),
        ("What was the aim of Pompeo's trip?", REASON),
        ("What does Zhao think might explain Kim's surprise trip?", REASON),
        # a clause setting the scene is not what is asked
        ("When reporters asked whether they would meet, how did he respond?", OTHER),
        ("When Kim visited in March, who did he meet?", PERSON),
        ("When did Kim arrive, and where?", DATE),
        ("When was the accord, which the two Koreas promised to keep, first signed?", DATE),
        ("What's his sister's name?", PERSON),
        # a forecast for the timing is a date; how someone read the timing is not
        ("what did the retired diplomat forecast for the timing of the next summit?", DATE),
        ("how did the Global Times boss read the timing?", OTHER),
        ("which outfit does she run?", ORG),
        ("Which of them gave a time frame for the next summit?", PERSON),
        ("what is Bruce Bennett's employer?", ORG),
    ],
)
def test_answer_type(question, qtype):
    assert answer_type(question) == qtype


def test_duration_subtype_for_how_many_days():
    assert analyze("How many days was the trip planned to last?").subtype == "DURATION"


@pytest.mark.parametrize(
    "question, dropped, kept",
    [
        # the measure asked for is not a word the answer holds ("four days" has no "long")
        ("How long was Kim's trip to Beijing?", "long", "~travel"),
        ("How far is Dalian from Beijing?", "far", "dalian"),
        ("How much aid does China give?", "much", "aid"),
        # an age is written "35-year-old": "old" stays
        ("How old is Kim Jong Un?", None, "old"),
        # only after "how": elsewhere it is the topic
        ("Why did the long talks fail?", None, "long"),
        # "last" in "how long ... last" is the measure too, not the articles' "last year"
        ("How long was Kim's trip to Beijing expected to last?", "last", "~travel"),
        ("How long did it take Kim to visit China?", "take", "visit"),
        ("When did Kim visit China last year?", None, "last"),
        ("How long after taking power did Kim visit China?", None, "~office"),
        # "due to end", "set to meet" say when, not what
        ("On which weekday was it due to end?", "due", "~end"),
        ("When is Kim set to meet Trump?", "set", "meet"),
        ("Why was the summit due to be postponed?", "due", "postpon"),
        ("How long was the trip supposed to last?", "suppos", "~travel"),
        # asking for a purpose: the answer says "to finalize ...", not "accomplish"
        ("What was the trip intended to accomplish?", "accomplish", "~travel"),
        ("What was the goal of the talks?", "goal", "talk"),
        # whose words: "in Hill's view" is answered by "said Hill", not by "may view"
        ("In Christopher Hill's view, why is Beijing unhappy?", "view", "hill"),
        ("How many troops are in South Korea, per his remarks?", "remark", "~troops"),
        ("What is the view from Beijing?", None, "view"),
        # "apart from X" sets X aside, and X stays a term: the answer often lists it
        ("Apart from the talks, what happened in Dalian?", "apart", "talk"),
        ("Besides the banquet, what else happened in Dalian?", "besid", "banquet"),
        # "due to" as a cause is not the schedule and stays a term
        ("Was the trip delayed due to sanctions?", None, "due"),
    ],
)
def test_measure_and_schedule_words_are_not_topic_terms(question, dropped, kept):
    q = analyze(question)
    assert kept in q.terms
    if dropped:
        assert dropped not in q.terms


def test_date_question_carries_no_date_words_from_the_first_part():
    # "what dates ..., and on which weekday was it due to end?": the second part carries
    # the first, whose "dates" would favour any sentence saying "a date"
    q = analyze("on which weekday was it due to end?", "According to KCNA, what dates did Kim's trip cover?")
    assert q.qtype == DATE
    assert "trip" in q.carried and "kcna" in q.carried
    assert "date" not in q.carried


def test_which_month_wants_a_month_named():
    from rag.span_kinds import fits_subtype

    assert analyze("In which months?").subtype == "MONTH"
    assert fits_subtype("March and May", "", 0, "MONTH")
    assert not fits_subtype("last year", "", 0, "MONTH")


def test_magnitude_wants_a_figure_and_reporters_are_agents():
    from rag.span_kinds import fits_subtype

    assert analyze("How large was the surplus?").subtype == "MAGNITUDE"
    assert fits_subtype("$375 billion", "", 0, "MAGNITUDE") and fits_subtype("25 percent", "", 0, "MAGNITUDE")
    assert not fits_subtype("two", "", 0, "MAGNITUDE")  # "the two countries" is a count
    assert analyze("What exact date was set?").subtype == "CALENDAR"
    assert analyze("Who is the reporter behind the Newsmaker analysis?").subtype == "AGENT"


def test_means_of_travel_and_either_or_alternatives():
    assert analyze("How did Kim Jong-un get to Dalian?").subtype == "MEANS"
    assert analyze("How did China get the green light?").subtype is None  # no journey
    assert analyze("Did Kim travel to Beijing by train or by plane?").choices == ["train", "plane"]
    assert analyze("When did Kim travel to Beijing?").choices == []


def test_organisation_questions_by_their_noun():
    from rag.question_type import ORG, answer_type

    assert answer_type("What group does former ambassador Kathleen Stephens run?") == ORG
    assert answer_type("Which Washington-based organization is headed by Stephens?") == ORG
    assert answer_type("Where does he teach?") == ORG  # the university, not its city
    assert answer_type("Which two Kyungnam University professors are quoted?") != ORG
    assert answer_type("Shin Sangjin teaches at what school?") == ORG
    assert answer_type("Which colleges do the two academics work at?") == ORG


def test_the_noun_asked_for_stops_at_the_questions_verb():
    from rag.question import analyze
    from rag.question_type import PERSON

    q = analyze("Which North Korean studies professor told the Korea Times that China would welcome it?")
    assert q.qtype == PERSON and q.head == "professor"


def test_whats_asks_for_a_description_like_what_is():
    from rag.question import described

    assert described("What's Yun's job title?") == "Yun"


def test_a_follow_ups_opening_word_does_not_hide_what_it_asks():
    assert answer_type("And when does he think the next summit will happen?") == DATE
    assert answer_type("So, where did they meet?") == PLACE
    assert answer_type("OK, and who went with him?") == PERSON
    q = analyze("So where did they meet?")
    assert q.qtype == PLACE and "so" not in q.terms


def test_how_many_asks_for_a_count_of_things_or_of_occasions():
    assert analyze("How many officials were in the delegation?").subtype == "COUNT"
    assert analyze("How many times had he been to China before it?").subtype == "TIMES"
    assert analyze("How many days did the trip last?").subtype == "DURATION"


def test_yes_no_questions_money_and_dates_get_their_subtypes():
    assert analyze("Did Kim take his armored train to Beijing?").subtype == "YESNO"
    assert analyze("And does he think the trip has anything to do with trade?").subtype == "YESNO"
    # an either-or question offers its answers; it is no yes/no question
    assert analyze("Did Kim travel by train or by plane?").subtype is None
    # a worth, a cost or a sum in dollars is money, which "Jan. 8" or "5 percent" is not
    assert analyze("How much is trade between the two worth each year?").subtype == "MONEY"
    assert analyze("How much trade does China do with North Korea in dollars?").subtype == "MONEY"
    assert analyze("How much did Kim's trip to Beijing cost?").subtype == "MONEY"
    assert analyze("What was the price of the train?").subtype == "MONEY"
    assert analyze("What was the total cost of the trip?").subtype == "MONEY"
    q = analyze("what is the yearly trade volume between china and north korea")
    assert (q.qtype, q.subtype) == (NUMBER, "MAGNITUDE")
    assert fits_subtype("$375 billion", "", 0, "MONEY") and fits_subtype("300 million yuan", "", 0, "MONEY")
    assert not fits_subtype("8", "", 0, "MONEY") and not fits_subtype("25 percent", "", 0, "MONEY")
    # the currency may stand just outside the figure
    deal = "Westinghouse paid $60,000 in cash and 8 percent of sales."
    assert fits_subtype("60,000", deal, deal.index("60,000"), "MONEY")
    assert not fits_subtype("8", deal, deal.index("8 "), "MONEY")
    # any amount asked with "how much" wants a figure; "how much longer" asks for a time
    assert analyze("How much economic aid did Beijing promise Pyongyang?").subtype == "MAGNITUDE"
    assert analyze("How much longer will the talks go on?").subtype != "MAGNITUDE"
    q = analyze("What were the dates of Kim's January trip to China?")
    assert (q.qtype, q.subtype) == (DATE, "CALENDAR")


def test_name_the_x_and_the_y_asks_which_x_and_which_y():
    assert answer_type("Name the Renmin University professor quoted by VOA.") == PERSON
    assert split_question(
        "Name the Renmin University professor quoted by VOA and the RAND researcher quoted by RFA."
    ) == [
        "Which Renmin University professor quoted by VOA?",
        "Which RAND researcher quoted by RFA?",
    ]
    # "... of the X and of the Y": the same thing asked of both
    assert (
        split_question("Name the universities of the professor quoted by VOA and of the director quoted by Sputnik")[1]
        == "Which universities of the director quoted by Sputnik?"
    )
    assert split_question("Name the two Kyungnam University professors quoted about Kim's visits.") == [
        "Name the two Kyungnam University professors quoted about Kim's visits."
    ]


def test_credit_questions_worded_with_a_noun_ask_for_the_credit_line():
    # "Translated by Yewon Ji." answers "who did the translation?", not the reporters
    # credited in the line before
    assert analyze("Who did the translation of the RFA story?").subtype == "AGENT"
    assert analyze("Who handled the reporting for that piece?").subtype == "AGENT"
    assert analyze("Who met Kim in Dalian?").subtype is None


def test_emphasis_negation_and_in_advance_are_not_words_to_find():
    # the answer does not say "just" or "wouldn't"; "ahead of time" is how a reader asks
    # what the article states as "an unannounced visit"
    q = analyze("Why wouldn't China just retaliate against American companies?")
    # ("retaliate" and "companies" are asked as ~punish and ~firm: rag/concepts.py)
    assert {"china", "~punish", "~firm"} <= set(q.terms)
    assert not {"just", "wouldn"} & set(q.terms)
    q = analyze("Was Kim's trip to Beijing announced ahead of time?")
    assert "~announced" in q.terms and not {"ahead", "time"} & set(q.terms)  # (~announced: rag/concepts.py)


def test_which_of_them_is_the_role_asks_for_a_person():
    assert analyze("Which of them is the foreign minister?").qtype == PERSON
    assert analyze("Which of those cities is the capital?").qtype == PLACE


def test_which_number_trip_asks_for_an_ordinal():
    q = analyze("which number trip to china was the january 2019 one for kim?")
    assert (q.qtype, q.subtype) == (NUMBER, "TIMES")


def test_a_wh_word_at_the_end_and_a_dollar_value():
    assert analyze("shin beom-chul works where?").qtype == ORG
    assert analyze("Kim Hyun-wook is a professor where").qtype == ORG
    assert analyze("Kim and Xi met where?").qtype == PLACE
    q = analyze("what was the dollar value of the trade deal?")
    assert (q.qtype, q.subtype) == (NUMBER, "MONEY")


def test_a_post_held_and_a_plural_possessive_ask_for_a_description():
    assert described("What post does Hu Xijin hold?") == "Hu Xijin"
    assert "post" not in analyze("What post does Hu Xijin hold?").terms
    assert described("what is Kathleen Stephens' title") == "Kathleen Stephens"
    q = analyze("Which sibling of Kim travelled with him to Dalian?")
    assert q.kin and "accompani" in q.terms


def test_what_someone_did_apart_from_x_does_not_look_for_x():
    # the sentence listing what he did says "held discussions", not "talks"
    q = analyze("Apart from the talks, what did they do in Dalian?")
    assert q.subtype == "ACTIVITY" and q.excluded == {"talk"} and "talk" not in q.terms
    assert analyze("What does Lu Kang do?").subtype == "DESCRIBE"  # his job


def test_which_of_his_x_asks_for_an_x():
    from rag.question_head import _head_word

    assert _head_word("Which of his ministers came along?") == "ministers"
    assert _head_word("Which of Kim Yo-jong's ministers came along?") == "ministers"
    assert analyze("Which of his ministers came along?").qtype == PERSON
    assert _head_word("Which of Kim's relatives appear in the coverage?") == "relatives"  # not the verb


def test_contractions_of_is_read_as_is():
    # "how long's", "what's the first reason": the type rules read "is"
    q = analyze("how long's this one supposed to last?")
    assert (q.qtype, q.subtype) == (NUMBER, "DURATION")
    assert "one" not in q.terms  # "this one" is the trip just talked of
    assert answer_type("what's the first reason he gives for the trip") == REASON


def test_when_and_where_inside_a_clause_is_one_question():
    text = "Which US official went to North Korea to pin down when and where the summit would be?"
    assert split_question(text) == [text]
    # a past tense ends the noun phrase: the head is "official", so a person is asked for
    assert answer_type("Which US official flew to North Korea that Wednesday?") == PERSON


def test_who_are_the_x_and_the_y_asks_for_each():
    assert split_question("what are the names of Kim's wife and his sister?") == [
        "Who is Kim's wife?",
        "Who is his sister?",
    ]
    assert split_question(
        "who are the Renmin University professor and the Shenzhen University institute director?"
    ) == ["Who is the Renmin University professor?", "Who is the Shenzhen University institute director?"]
    # plural people are not split into one each
    text = "Who are the two experts and their employers?"
    assert split_question(text) == [text]


def test_a_follow_up_naming_only_a_role_asks_who():
    assert answer_type("and the kyungnam guy in the same article?") == PERSON
    assert answer_type("and the other analyst in that piece, the one from Carnegie?") == PERSON
    assert answer_type("the analyst said what about it?") == OTHER


def test_what_dates_and_the_exact_date_ask_for_a_calendar_date():
    assert analyze("what dates was Kim supposed to be in China for?").subtype == "CALENDAR"
    assert analyze("What was the exact date of the Singapore summit?").subtype == "CALENDAR"
    # a position on something is an opinion, not a post
    assert analyze("what was Mike Pompeo's position on the phased approach").subtype is None


def test_a_question_opening_on_a_phrase_before_when_asks_for_a_date():
    assert answer_type("and after singapore, when did he see xi again?") == DATE
    assert answer_type("what does ding xueliang head up?") == ORG
    # "what reasons did he give": a reason, whose word is not one the answer must hold
    q = analyze("what reasons did Kim Hyun-wook give for the trip?")
    assert q.qtype == REASON and "reason" not in q.terms and "give" not in q.terms


def test_a_question_with_its_wh_word_last_or_none_still_has_a_type():
    assert answer_type("and the trade war kicked off when?") == DATE
    q = analyze("year kim jong un took power?")
    assert q.qtype == DATE and q.subtype == "YEAR"
    assert analyze("how'd kim travel there?").subtype == "MEANS"  # "how'd" is "how did"
    assert analyze("what was Pompeo doing that week?").subtype == "ACTIVITY"
    # a paper is an organisation; a "Shenzhen University scholar" is a person
    assert answer_type("Which Chinese paper ran an upbeat piece on 2019?") == ORG
    assert answer_type("Which Shenzhen University scholar told Sputnik it was no coincidence?") == PERSON
    # a role, then a question of it: what the question asks, not who that is
    assert answer_type("and the former ambassador on that panel, what was her take?") == OTHER


def test_what_made_someone_think_asks_a_reason():
    assert analyze("What made Professor Shin Sangjin think that summit was so close?").qtype == REASON
    assert analyze("What led Kim to visit China?").qtype == REASON
    assert analyze("What made the news?").qtype != REASON


def test_was_anyone_with_him_asks_for_a_companion():
    q = analyze("was anyone with Kim when he left Pyongyang")
    assert (q.qtype, q.subtype) == (PERSON, "COMPANY")
    assert "~state_pyongyang" not in q.terms  # the city he left, not its government
    assert analyze("Was anyone hurt?").subtype == "YESNO"


@pytest.mark.parametrize(
    "text",
    [
        "What subject does Shi teach?",
        "What field is he a professor in?",
        "what's Shi Yinhong's field",
        "What does he teach?",
        "professor of what?",
    ],
)
def test_what_someone_teaches_is_asked_as_a_field(text):
    assert analyze(text).subtype == "FIELD"


def test_where_someone_teaches_is_no_field():
    assert analyze("Where does he teach?").subtype != "FIELD"
    assert analyze("Who is Shi Yinhong?").subtype == "DESCRIBE"


def test_a_field_asked_after_a_name_is_the_field_not_the_whole_title(pipeline):
    conv = pipeline.conversation()
    conv.ask("Which Renmin University academic did VOA quote on Kim's trip?")
    assert conv.ask("What field is he a professor in?").short_answer == "political science"
    conv = pipeline.conversation()
    conv.ask("Who is Lim Eul-chul?")
    assert conv.ask("what does he teach").short_answer == "North Korean studies"


def test_how_come_and_the_piece_it_cites_leave_no_words_to_find():
    assert analyze("how come?").terms == []
    q = analyze("what does the Shenzhen academic in the piece say about the timing")
    assert "piec" not in q.terms and "shenzhen" in q.terms


def test_what_someone_does_now_asks_for_a_post():
    assert described("What does Kathleen Stephens do now?") == "Kathleen Stephens"
    assert described("What does Joseph Yun do these days?") == "Joseph Yun"
    assert analyze("what does Kathleen Stephens do now").subtype == "DESCRIBE"


def test_the_role_whose_view_is_asked():
    from rag.question import asked_role, role_qualifiers

    assert asked_role("what does China get out of it in the North Korean studies professor's view?") == {"professor"}
    assert asked_role("when did the retired diplomat on a Washington panel forecast it?") == {"diplomat"}
    assert asked_role("what does China get out of it?") == set()
    # which professor: another one is not him
    assert role_qualifiers("what does China get out of it in the North Korean studies professor's view?") == {
        "north",
        "korean",
        "studi",
    }


def test_a_set_aside_clause_and_a_participle_leave_the_role_asked():
    # "Apart from his sister, ...": the clause sets something aside; "handling ..." ends the noun
    q = "Apart from his sister, which two officials handling North Korea's US policy accompanied Kim to Dalian?"
    assert answer_type(q) == PERSON
    assert head_noun(q) == "offici"


def test_a_qualified_year_is_still_a_date():
    q = analyze("What earlier year did that piece compare it to?")
    assert (q.qtype, q.subtype) == ("DATE", "YEAR")
    assert "earlier" not in q.terms and "piec" not in q.terms
    assert analyze("which previous month did they meet in?").subtype == "MONTH"


def test_did_he_give_a_reason_is_a_why_question():
    q = analyze("Did he give a reason why Beijing can no longer rely on Washington's promises?")
    assert q.qtype == "REASON"
    assert not {"give", "reason"} & set(q.terms)
    # a yes/no question about something said stays one
    assert analyze("Did he say anything about trade?").subtype == "YESNO"


def test_coming_up_in_a_speech_is_no_means_of_travel():
    q = analyze("How did China come up in that speech?")
    assert q.subtype is None
    assert {"~mention", "~speech"} <= set(q.terms)
    assert analyze("How did he come to Beijing?").subtype == "MEANS"


def test_what_he_was_going_there_for_asks_why():
    assert analyze("what was Pompeo going there for?").qtype == "REASON"


def test_where_someone_said_something_asks_for_a_setting():
    assert analyze("where did he say that?").subtype == "SETTING"
    assert analyze("Where was she speaking?").subtype == "SETTING"
    # a place his words name is asked for as a place
    assert analyze("where did Kim say he would meet Trump?").subtype is None


def test_which_trip_this_is_asks_for_its_number():
    q = analyze("kim's in beijing again? which trip is this for him")
    assert (q.qtype, q.subtype) == (NUMBER, "TIMES")
    assert analyze("which visit to China is this for Kim?").subtype == "TIMES"


def test_this_time_is_the_occasion_not_a_word_to_find():
    # "for the second time in less than two months" is no answer to it
    assert "time" not in analyze("How long is Kim's trip to China this time?").terms
    assert "time" in analyze("was that the first time they'd met").terms


def test_the_asan_one_and_the_second_time_around():
    # "the Asan one" is the one from the Asan Institute; "around" is no word to find
    assert "one" not in analyze("what did the Asan one say the North needs?").terms
    assert "around" not in analyze("Where did Kim and Xi meet the second time around?").terms


def test_did_he_say_where_asks_for_a_place():
    assert analyze("did the spokesman say where it would be held?").qtype == PLACE
    assert analyze("did Yun say when the summit would be?").qtype == DATE
