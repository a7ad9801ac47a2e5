"""Paraphrases the question and the articles word differently (rag/synonyms.py)."""

from __future__ import annotations

import pytest

from rag.question import analyze
from rag.question_type import DATE, NUMBER, ORG, OTHER, PERSON, REASON
from rag.synonyms import RELATIONS, question_concepts, sentence_concepts

from .test_conversation import _chat


def test_a_concept_replaces_the_question_words_that_say_it():
    found, spent = question_concepts("When did Kim come to power?", DATE)
    assert found == ["~office"] and {"come", "power"} <= spent
    assert "~office" in sentence_concepts("after taking office in 2012, the leader arrived")
    assert "~end" in sentence_concepts("During his visit this week, which ends on Thursday")
    assert "~end" in analyze("When was the visit due to wrap up?").terms


def test_an_ambiguous_word_counts_only_for_the_answer_types_it_fits():
    # "who heads the institute" asks for its president; "headed to Beijing" is travel,
    # in a question or an article
    assert question_concepts("Who heads the Korea Economic Institute?", PERSON)[0] == ["~head"]
    assert question_concepts("What group does she run?", ORG)[0] == ["~head"]
    assert question_concepts("Who led the US team?", PERSON)[0] == ["~head"]
    assert question_concepts("When did he head to Beijing?", DATE)[0] == []
    assert "~head" in sentence_concepts("said Stephens, president and CEO of the institute")
    assert "~head" not in sentence_concepts("Kim headed to Beijing on Monday")


def test_scheduling_words_are_not_what_the_articles_say():
    terms = analyze("How long was Kim's January trip supposed to last?").terms
    assert "suppos" not in terms and "~travel" in terms
    assert "due" not in analyze("On what day was his stay due to end?").terms


def test_coming_to_power_finds_taking_office(pipeline):
    ans = pipeline.answer("What year did Kim Jong Un rise to power?")
    assert not ans.abstained and "2012" in (ans.short_answer or "")
    assert "taking office in 2012" in ans.quotes[0].text


def test_a_trip_meant_to_last_finds_the_days_of_travel(pipeline):
    ans = pipeline.answer("How long was Kim's journey to China meant to last?")
    assert not ans.abstained and "four" in (ans.short_answer or "")


def test_retrieval_searches_by_the_concept_too(pipeline):
    # "wrap up" shares no word with "which ends on Thursday": BM25 finds the passage
    # only through the ~end both were given
    ans = pipeline.answer("When does Kim's Beijing trip wrap up?", k=8)
    assert any("which ends on Thursday" in s.text for s in ans.sources)
    assert "Thursday" in ans.quotes[0].text


def test_a_topic_concept_does_not_widen_retrieval():
    # "trip" is in most questions about these articles; searched as ~travel as well, it
    # would outweigh the names the question gives
    assert [t for t in analyze("Which expert commented on Kim's trip?").terms if t in RELATIONS] == []
    assert [t for t in analyze("When does the trip wrap up?").terms if t in RELATIONS] == ["~end"]
    assert "~travel" not in sentence_concepts("his four-day travel") & RELATIONS


def test_a_title_before_a_name_is_not_heading_something():
    assert "~head" not in sentence_concepts("a second meeting with President Donald Trump")
    assert "~head" not in sentence_concepts("Chinese President Xi Jinping said")
    assert "~head" in sentence_concepts("the president of the institute said")


def test_the_sentence_stating_the_relation_asked_about_wins(pipeline):
    # "two days from Tuesday" is closer in words and embedding; only "which ends on
    # Thursday" says when the stay wraps up
    ans = pipeline.answer("On what weekday was Kim's January stay in Beijing due to wrap up?")
    assert not ans.abstained and ans.short_answer == "Thursday"
    ans = pipeline.answer("What group does former ambassador Kathleen Stephens run?")
    assert not ans.abstained and "Korea Economic Institute" in (ans.short_answer or "")


def test_what_came_before_counts_only_the_earlier_occasions(pipeline):
    # ("go to China" is travel, as the articles say it: "traveled to North Korea")
    assert question_concepts("How many times did Kim go to China before the summit?", NUMBER)[0] == [
        "~travel",
        "~before",
    ]
    # a why-question's "before" dates what it asks about; the answer need not say it
    assert "~before" not in question_concepts("Why had relations soured before the summits?", REASON)[0]
    ans = pipeline.answer("How many times did Kim go to China before the Singapore summit with Trump?")
    # not the "three times" he met Moon Jae-in that year
    assert ans.short_answer == "twice"


def test_soldiers_are_troops(pipeline):
    assert "~troops" in analyze("How many soldiers does the US keep there?").terms
    assert "~troops" in sentence_concepts("the U.S. should remove its 28,000 troops from South Korea")
    # and whose words the answer is ("according to Hill's remarks") is no topic word:
    # the sentence says "Hill expressed concern", not "remarks"
    ans = pipeline.answer("According to Christopher Hill's remarks, how many US soldiers are based in South Korea?")
    assert not ans.abstained
    assert "28,000" in (ans.short_answer or "")


def test_settling_when_and_where_is_finalizing_a_date_and_location(pipeline):
    q = analyze("which US official went to North Korea to pin down when and where the summit would be?")
    assert {"~travel", "~settle", "~when_where"} <= set(q.terms)
    assert {"~settle", "~when_where"} <= sentence_concepts(
        "traveled there to finalize a date and location for the talks"
    )
    ans = pipeline.answer("which US official went to North Korea to pin down when and where the summit would be?")
    assert ans.short_answer == "Mike Pompeo"


def test_working_with_someone_is_no_place_of_work():
    assert "~work" not in sentence_concepts("as working with the United States to implement sanctions did not stop it")
    assert "~work" in sentence_concepts(
        "Zhao Tong, a fellow in Carnegie’s Nuclear Policy Program at the Carnegie–Tsinghua Center"
    )


def test_what_one_cannot_deal_with_is_what_one_cannot_handle(pipeline):
    conv = pipeline.conversation()
    conv.ask("who's the senior director at the Asan Institute who was quoted on Kim's four-day trip?")
    ans = conv.ask("according to him, what can't the North deal with on its own?")
    assert ans.short_answer == "the intensifying pressure"


def test_the_end_of_a_month_is_no_ending(pipeline):
    assert "~end" not in sentence_concepts("a second summit will be arranged probably at the end of February")
    assert "~end" in sentence_concepts("During his visit this week, which ends on Thursday, Kim will ...")
    assert pipeline.answer("When does Kim's visit end?").short_answer == "Thursday"


def test_whether_people_can_see_a_site_is_whether_it_is_blocked(pipeline):
    assert "~access" in analyze("can people in china even see that site?").terms
    assert "~access" in sentence_concepts("Twitter is blocked in China.")
    conv = pipeline.conversation()
    conv.ask("What did the editor of the Global Times say about the timing of Kim's visit?")
    assert conv.ask("where did he post that?").short_answer == "Twitter"
    ans = conv.ask("can people in china even see that site?")
    assert not ans.abstained
    assert ans.quotes[0].text == "Twitter is blocked in China."


@pytest.mark.parametrize(
    "question, sentence, concept",
    [
        # "anything to do with" asks whether there is a connection
        (
            "does he think the trip has anything to do with the trade talks?",
            "Shi said there is no connection between the visit and the trade talks.",
            "~link",
        ),
        ("was that meeting public, or kept under wraps?", "They met during a secret meeting in Beijing.", "~secret"),
        ("is Twitter even accessible in China?", "Twitter is blocked in China.", "~blocked"),
        ("was the timing just chance?", "It was not a coincidence for Kim to visit Beijing.", "~chance"),
        ("what did pompeo say on his way to north korea?", "Pompeo said en route to North Korea.", "~enroute"),
        ("what did he say on his way there?", "Pompeo said en route to North Korea.", "~enroute"),
        ("why did their relations get bad?", "Relations had been frayed as China backed sanctions.", "~worsen"),
        ("why had things gone so bad between them?", "Relations had been frayed as China backed sanctions.", "~worsen"),
        (
            "why were relations between them strained?",
            "Relations had been frayed as China backed sanctions.",
            "~worsen",
        ),
        ("why would china be happy about it?", "China would also welcome Kim's ongoing gesture.", "~welcome"),
        ("did he talk about china a lot in it?", "Kim mentioned China much more than before.", "~mention"),
    ],
)
def test_a_question_and_a_sentence_saying_it_otherwise_share_a_concept(question, sentence, concept):
    found, _spent = question_concepts(question, OTHER)
    assert concept in found
    assert concept in sentence_concepts(sentence)


def test_strained_relations_are_frayed_ones(pipeline):
    ans = pipeline.answer("Why were relations between Pyongyang and Beijing strained before Kim started visiting?")
    assert ans.short_answer == "as China backed the US-led international sanctions"


def test_the_americans_are_the_us_acting(pipeline):
    found, spent = question_concepts("Are the North Koreans going to meet the Americans while they're there?", OTHER)
    assert "~state_washington" in found
    assert "american" in spent  # the articles say "U.S. officials"
    conv = pipeline.conversation()
    conv.ask("Who was the Chinese foreign ministry spokesman asked about Kim's Beijing trip?")
    ans = conv.ask("Are the North Koreans going to meet the Americans while they're there?")
    assert not ans.abstained
    assert ans.quotes[0].text.endswith("he said the delegations were at different levels.")


def test_a_capital_acting_is_its_state_and_keeps_its_own_word():
    found, spent = question_concepts("Without Beijing at the table, who would control the process?", "PERSON")
    assert {"~state_beijing", "~dominate"} <= set(found)
    assert "beij" not in spent  # "Beijing" said outright still counts on its own
    assert "~state_beijing" in sentence_concepts("Without China, the talks cannot but be dominated by the US")
    assert "~state_washington" in sentence_concepts("the talks cannot but be dominated by the US")


def test_a_capital_as_a_place_or_a_name_part_is_no_state():
    assert "~state_beijing" not in question_concepts("When did Kim arrive in Beijing?", "DATE")[0]
    assert "~state_beijing" not in question_concepts("where does the beijing prof teach?", "PLACE")[0]
    assert "~state_washington" not in sentence_concepts("let us see what happens")


def test_a_state_named_by_its_capital_is_answered_where_the_article_names_the_state(pipeline):
    ans = pipeline.answer(
        "What concession does Christopher Hill fear Beijing may be urging Kim to insist on in talks with Trump?"
    )
    assert not ans.abstained
    assert "28,000 troops" in ans.quotes[0].text


def test_not_happy_is_no_welcome_and_talking_about_is_no_mention():
    assert "~welcome" not in sentence_concepts("China is not happy with the way the U.S. has pursued it.")
    # only "a lot", "much", "often" make talking about something a count of mentions
    assert "~mention" not in question_concepts("what did he talk about?", OTHER)[0]


def test_chat_wordings_of_a_paraphrase_find_the_sentence(pipeline):
    soured = pipeline.answer("why nk and china relation got bad before")
    assert soured.short_answer == "as China backed the US-led international sanctions"
    happy = pipeline.answer("why would china be happy about kim visit")
    assert "show off its political influence" in happy.quotes[0].text
    conv = pipeline.conversation()
    conv.ask("what did kim say in his new year speech")
    mention = conv.ask("did he talk about china a lot in it")
    assert mention.short_answer == "Kim mentioned China much more than those from the previous years"


def test_an_academic_quoted_is_a_professor_saying_so():
    terms, _ = question_concepts("Who is the Renmin University academic quoted about the trip?", PERSON)
    assert {"~quoted", "~academic"} <= set(terms)
    said = sentence_concepts("..., says Shi Yinhong, a political science professor at Beijing's Renmin University.")
    assert {"~quoted", "~academic"} <= said
    # "professor" in a question finds the word itself
    assert "~academic" not in question_concepts("Which professor spoke?", PERSON)[0]


def test_who_is_the_academic_quoted_finds_him_not_the_leader(pipeline):
    ans = pipeline.answer("Who's the Renmin University academic quoted about Kim's January trip to Beijing?")
    assert ans.short_answer == "Shi Yinhong"


def test_the_next_meeting_is_a_second_summit(pipeline):
    assert "~next" in question_concepts("When will the next Trump-Kim meeting take place?", DATE)[0]
    # "what happened next?" names no meeting
    assert "~next" not in question_concepts("What happened next?", OTHER)[0]
    ans = pipeline.answer("When does the retired US diplomat reckon the next Trump-Kim meeting will take place?")
    assert ans.short_answer == "end of February or early March"


def test_unhappy_is_not_happy_and_the_reason_is_his_closing_words(pipeline):
    assert "~unhappy" in question_concepts("why is china unhappy with the US?", REASON)[0]
    assert "~unhappy" in sentence_concepts("China is not happy with the way the U.S. has pursued the issue.")
    ans = _chat(
        pipeline,
        "what is Christopher Hill worried the Chinese might be pushing Kim to insist on",
        "why does he think china is unhappy with how the US has handled things?",
    )
    # '“China is not happy with ...' restates the question; the quotation's next sentence is the reason
    assert ans.quotes[0].text.startswith("The U.S. has gone on the bilateral track")
    assert (
        ans.short_answer
        == "The U.S. has gone on the bilateral track and ignored other players in the region, especially China"
    )


def test_leaving_a_place_is_departing_it(pipeline):
    assert "~depart" in sentence_concepts("... inspect an honor guard in Pyongyang before departing for China.")
    # a photo's "(left)" is no departure
    assert "~depart" not in sentence_concepts("Chinese President Xi Jinping (left) meets with Kim.")
    conv = pipeline.conversation()
    conv.ask("how long is kim's trip to beijing according to the korea times?")
    ans = conv.ask("was anyone with him when he left pyongyang")
    assert ans.short_answer == "Ri Sol-ju"


def test_taking_place_is_being_held_or_realized():
    assert "~happen" in question_concepts("when could those talks take place?", DATE)[0]
    assert "~happen" in sentence_concepts("But this can be realized sometime after the second summit.")
    # only for a date: where something took place is asked of its place
    assert "~happen" not in question_concepts("where did the meeting take place?", "PLACE")[0]


def test_a_summit_being_arranged_is_its_happening(pipeline):
    assert "~happen" in sentence_concepts("I do think that a second summit will be arranged quite soon.")
    # Yun's date for the next summit, not the three-way summit's "sometime after the
    # second Washington-Pyongyang summit", which says "be realized"
    ans = pipeline.answer("When will the next summit happen?")
    assert ans.short_answer == "end of February or early March"


def test_a_focus_is_what_a_trip_centers_on(pipeline):
    assert "~focus" in sentence_concepts("Kim's sojourn in China will center on meetings with Xi.")
    assert "~focus" not in sentence_concepts("He is at the center of the talks.")
    conv = pipeline.conversation()
    conv.ask("According to North Korea's official news agency, which dates was Kim's China trip set to cover?")
    ans = conv.ask("What was the main focus of that trip supposed to be?")
    assert not ans.abstained
    assert "will center on meetings with China’s President Xi Jinping" in ans.quotes[0].text


def test_a_speech_is_an_address_and_coming_up_is_being_mentioned(pipeline):
    assert "~speech" in sentence_concepts("In this year's address, Kim mentioned China much more.")
    # to address an issue is no speech
    assert "~speech" not in sentence_concepts("They want to address the issue of sanctions.")
    ans = _chat(
        pipeline,
        "In his New Year speech, what did Kim warn he might do if US sanctions didn't ease?",
        "How did China come up in that speech?",
    )
    assert "Kim mentioned China much more than those from the previous years" in ans.quotes[0].text


def test_announced_beforehand_is_denied_by_a_surprise_visit(pipeline):
    assert "~announced" in question_concepts("was it announced beforehand?", OTHER)[0]
    # what someone announced is no question of notice
    assert "~announced" not in question_concepts("what did KCNA announce?", OTHER)[0]
    ans = _chat(pipeline, "Where did Kim go in January 2019?", "was it announced beforehand?")
    assert not ans.abstained
    assert ans.short_answer in ("surprise visit", "unannounced visit")


def test_getting_somewhere_is_arriving_there(pipeline):
    ans = pipeline.answer("When did the North Korean leader get to Beijing on his January 2019 trip?")
    assert "arrived" in ans.quotes[0].text
    assert ans.short_answer in ("Jan. 8, 2019", "Tuesday morning")
    # "how did he get there?" asks the means, which no arrival sentence states
    assert "~arrive" not in question_concepts("how did he get to Dalian?", OTHER)[0]


def test_a_post_held_is_no_post_online():
    assert "~post" not in question_concepts("What post does Ri Yong-ho hold?", OTHER)[0]
    assert "~post" in question_concepts("What did he say in his post?", OTHER)[0]
    assert "~post" in question_concepts("where did Hu post that?", OTHER)[0]


def test_seeing_someone_off_is_being_there_before_they_depart():
    found, _spent = question_concepts("who saw him off in Pyongyang?", "PERSON")
    assert "~send_off" in found
    caption = "Kim and his wife Ri Sol-ju inspect an honor guard in Pyongyang before departing for China."
    assert "~send_off" in sentence_concepts(caption)


def test_sitting_down_with_someone_is_meeting_with_them():
    found, _spent = question_concepts("would the North Koreans sit down with American officials?", OTHER)
    assert "~meet_with" in found
    said = "He was asked whether North Korean officials would meet with U.S. officials during their visit."
    assert "~meet_with" in sentence_concepts(said)


def test_how_someone_sees_a_thing_is_how_they_view_it(pipeline):
    found, spent = question_concepts("How might the US see the Kim-Xi meeting?", OTHER)
    assert "~view" in found and "us" not in spent  # the one seeing stays a word to find
    assert "~view" not in question_concepts("When did Kim go to see Xi?", DATE)[0]
    ans = pipeline.answer("How might the US see the Kim-Xi meeting?")
    assert "may view the Kim-Xi meeting as a negative factor" in ans.quotes[0].text


def test_managing_without_something_is_handling_it_alone(pipeline):
    assert "~handle" in question_concepts("Why can't it manage without that?", REASON)[0]
    assert "~handle" not in question_concepts("Who manages the institute?", PERSON)[0]
    ans = _chat(
        pipeline,
        "What does the Asan Institute expert say North Korea needs from China?",
        "Why can't it manage without that?",
    )
    assert not ans.abstained
    assert "cannot handle the intensifying pressure on its own" in ans.quotes[0].text


def test_how_someone_explains_it_finds_their_explanation(pipeline):
    ans = _chat(
        pipeline,
        "According to Zhao Tong, what signal does Kim send by visiting China before seeing Trump again?",
        "So how does he explain it?",
    )
    assert ans.quotes[0].text.startswith("One logical explanation could be")


def test_is_it_linked_to_a_named_thing_finds_no_connection_with_it(pipeline):
    assert "~link" in question_concepts("Does Shi agree that the trip is linked to the trade negotiations?", OTHER)[0]
    # "what is it linked to?" keeps its word: the answer is what follows "linked to"
    assert "~link" not in question_concepts("What is the timing linked to?", OTHER)[0]
    ans = pipeline.answer("Does Shi agree that the trip is linked to the trade negotiations?")
    assert not ans.abstained and "no connection between the visit and the trade talks" in ans.quotes[0].text


def test_a_three_way_summit_is_a_trilateral_one(pipeline):
    assert "~trilateral" in question_concepts("will there be a three-way summit?", OTHER)[0]
    assert "~trilateral" not in question_concepts("did they hold three summits?", OTHER)[0]
    ans = _chat(pipeline, "Who is Lim Eul-chul?", "and will there be a three-way summit?")
    assert not ans.abstained
    assert "a trilateral summit is unlikely to take place" in ans.quotes[0].text


def test_the_day_he_flew_somewhere_is_the_day_he_got_there(pipeline):
    # not the day he arrived in Beijing on another trip
    ans = pipeline.answer("When did Kim arrive in Dalian?")
    assert ans.short_answer == "Monday"
    assert ans.quotes[0].text.startswith("Kim flew to Dalian on Monday")


def test_a_government_s_official_position_is_what_its_spokesman_said(pipeline):
    assert "~spokes" in question_concepts("What was Beijing's official position on the talks?", OTHER)[0]
    ans = pipeline.answer("What was Beijing's official position on Kim's talks with Trump?")
    assert ans.quotes[0].text.endswith("Lu said.")
    assert "China has always supported North Korea and the U.S. to hold talks" in ans.quotes[0].text


def test_firms_and_retaliation_are_companies_and_punishment():
    from rag.synonyms import question_concepts, sentence_concepts

    found, _ = question_concepts("why not retaliate against American firms?", "REASON")
    assert {"~firm", "~punish"} <= set(found)
    assert {"~firm", "~punish"} <= sentence_concepts("If China punishes US companies operating in the country")
