"""Follow-ups through one Conversation (rag/conversation.py), on the real index."""

from __future__ import annotations

from rag.ellipsis import nth, one_named, swapped


def _chat(pipeline, *turns: str):
    conv = pipeline.conversation()
    for t in turns[:-1]:
        conv.ask(t)
    return conv.ask(turns[-1])


def test_a_lower_case_question_citing_an_acronym_still_names_its_subject(pipeline):
    # "kim's" is read as the name though "KCNA" is typed in capitals
    ans = _chat(
        pipeline,
        "how long was kim's china trip supposed to last according to KCNA?",
        "and who was he mainly going to meet there?",
    )
    assert ans.short_answer == "President Xi Jinping"


def test_a_long_previous_answer_does_not_pull_its_sentence_back(pipeline):
    ans = _chat(
        pipeline,
        "Who is Shi Yinhong?",
        "What does he think Kim wants out of China this time?",
        "does he think the visit has anything to do with the trade talks?",
    )
    assert ans.short_answer == "no connection between the visit and the trade talks"


def test_bringing_something_up_is_mentioning_it(pipeline):
    ans = _chat(
        pipeline,
        "what did kim threaten in his new year address, according to the korea times?",
        "did he bring up china a lot in it?",
    )
    assert ans.short_answer == "Kim mentioned China much more than those from the previous years"


def test_why_not_asks_the_reason_for_the_previous_answer(pipeline):
    ans = _chat(
        pipeline,
        "who is Zhao Tong?",
        "does he think china can use north korea as a bargaining chip in the trade talks?",
        "why not?",
    )
    assert ans.quotes[0].text.startswith("That’s because North Korea is not a card China could use")


def test_showing_off_is_boasting_and_words_about_a_topic_are_the_clause_on_it(pipeline):
    ans = _chat(
        pipeline,
        "who from the Korea Institute for National Unification got quoted in the RFA story?",
        "what did he say the north is showing off with the visit?",
    )
    # ("boasting", the sentence's word for showing off, opens no answer)
    assert ans.short_answer == "its improved ties with China"
    ans = _chat(
        pipeline,
        "Which Kyungnam University professor did the Korea Times talk to?",
        "What does he say about the chances of a trilateral summit?",
    )
    assert ans.short_answer == "a trilateral summit is unlikely to take place in the very near future"


def test_whos_x_asks_who_x_is_so_he_is_x(pipeline):
    # not "Sputnik", the outlet the description ends on
    ans = _chat(pipeline, "who's ding xueliang?", "where does he work?")
    assert ans.short_answer == "Institute for China's Overseas Interests"


def test_where_something_was_posted_and_what_it_was_compared_to(pipeline):
    ans = _chat(
        pipeline,
        "What did the editor of the Global Times say about the timing of Kim's visit?",
        "where did he post that?",
    )
    assert ans.short_answer == "Twitter"
    ans = _chat(
        pipeline,
        "what did the global times say 2019 could be for north korea?",
        "and which year in china's history did they compare it to?",
    )
    assert ans.short_answer == "1979"


def test_what_someone_is_worried_about_is_in_their_words(pipeline):
    ans = _chat(pipeline, "Who is Bruce Bennett?", "What's he worried Trump might say to Kim?")
    assert ans.short_answer == "the President will tell him ‘enough is enough’"


def test_the_trip_is_the_one_the_previous_answer_told_of(pipeline):
    # the earlier question says nothing of travel; its answer does ("traveled to North Korea")
    ans = _chat(pipeline, "What did Mike Pompeo do on Wednesday?", "what was the point of the trip?")
    assert ans.short_answer == "to finalize a date and location for the talks"


def test_which_of_his_ministers_is_a_minister(pipeline):
    ans = _chat(pipeline, "Who went along with Kim on the Dalian trip?", "Which of his ministers came along?")
    assert ans.short_answer == "Foreign Minister Ri Yong-ho"


def test_the_x_guy_in_the_same_article_is_someone_else_there(pipeline):
    ans = _chat(
        pipeline,
        "who's the Asan Institute expert quoted about Kim's trip?",
        "and the kyungnam guy in the same article?",
    )
    assert ans.short_answer == "Lim Eul-chul"
    ans = _chat(pipeline, "who is Ding Xueliang?", "and the other analyst in that piece, the one from Carnegie?")
    assert ans.short_answer == "Zhao Tong"


def test_how_long_this_one_lasts_is_the_trip_just_talked_of(pipeline):
    ans = _chat(
        pipeline, "how many times has Kim been to China in the past year?", "how long's this one supposed to last?"
    )
    assert ans.short_answer == "Jan. 7-10"
    assert "is to last from Jan. 7-10" in ans.quotes[0].text


def test_the_article_about_a_topic_is_the_one_holding_it(pipeline):
    # two Kyungnam University professors are quoted, in two articles; only one is about Dalian
    ans = _chat(pipeline, "which Kyungnam University professor is quoted in the article about the Dalian meeting?")
    assert ans.short_answer == "Kim Dong-yub"
    assert ans.quotes[0].doc == "003_79228504ccb7102d.txt"


def test_a_position_on_the_phased_approach_is_what_he_said_of_step_by_step(pipeline):
    ans = _chat(
        pipeline,
        "Which US official traveled to North Korea to lock in the date and venue for the summit?",
        "What did he say on the way there about a step-by-step approach?",
    )
    assert ans.short_answer == "the US has no interest in following a step-by-step process"


def test_the_former_ambassador_on_the_same_panel_is_not_the_previous_speaker(pipeline):
    turns = ["who is Joseph Yun?", "when does he reckon the second summit will be"]
    assert _chat(pipeline, *turns).short_answer == "end of February or early March"
    turns.append("and the former ambassador on the same panel, who's she?")
    assert _chat(pipeline, *turns).short_answer == "Kathleen Stephens"
    # the organisation's whole name, "of America" included
    ans = _chat(pipeline, *turns, "what organisation does she run")
    assert ans.short_answer == "Washington-based Korea Economic Institute of America"


def test_was_it_announced_is_answered_by_unannounced(pipeline):
    # the articles say "unannounced" only, never "announced": no unknown word
    ans = _chat(pipeline, "When did Kim get to Beijing for his fourth China trip?", "Was it announced ahead of time?")
    assert ans.short_answer in ("unannounced visit", "surprise visit")  # with the noun it qualifies


def test_what_else_he_said_is_not_the_sentence_just_quoted(pipeline):
    turns = ["Who is Joseph Yun?", "When does he reckon the next Trump-Kim summit will be?"]
    assert _chat(pipeline, *turns).short_answer == "end of February or early March"
    ans = _chat(pipeline, *turns, "what else did he say Kim went to China for?")
    assert "I do think" not in ans.quotes[0].text
    assert "to get the green light from Xi Jinping" in ans.short_answer


def test_who_else_he_talked_to_there_may_be_in_the_next_sentence(pipeline):
    ans = _chat(pipeline, "how did Kim get to Dalian?", "who else did he talk to there besides xi?")
    assert not ans.abstained and ans.short_answer == "Foreign Minister Wang Yi"


def test_how_someone_reacted_is_what_he_said(pipeline):
    ans = _chat(
        pipeline, "what kind of denuclearization steps did kim ask for when he met xi?", "how did pompeo react to that?"
    )
    assert ans.short_answer == "the US has no interest in following a step-by-step process"


def test_the_reasons_he_gave_are_in_his_words_not_his_announcing_them(pipeline):
    # "I think Kim Jong-un went to China for multiple reasons." gives none of them
    ans = _chat(pipeline, "who is Kim Hyun-wook?", "what reasons did he give for the trip?")
    assert ans.short_answer == "to seek sanctions relief from China"


def test_and_someone_else_asks_the_previous_question_of_them(pipeline):
    conv = pipeline.conversation()
    conv.ask("What did Lu Kang say about the talks?")
    ans = conv.ask("And Hu Xijin?")
    assert ans.resolved_question == "What did Hu Xijin say about the talks?"
    ans = _chat(pipeline, "Where does Shi Yinhong teach?", "what about Zhao Tong?")
    assert ans.resolved_question == "Where does Zhao Tong teach?"
    # a place is no one to ask it of
    assert swapped(pipeline, conv.turns, "and Beijing?") is None


def test_who_else_went_asks_for_another_companion(pipeline):
    ans = _chat(pipeline, "Who accompanied Kim to Dalian?", "Who else went?")
    assert not ans.abstained and ans.short_answer == "Ri Su-yong"
    assert "Accompanying Kim was his younger sister" in ans.quotes[0].text


def test_and_a_name_then_a_question_asks_it_of_that_name(pipeline):
    ans = _chat(
        pipeline,
        "Who described Kim's China trip as sending a dual message to Washington?",
        "and Hill? how did he describe the Beijing meetings?",
    )
    assert ans.short_answer == "part of the process of warming between North Korea and China"


def test_what_about_a_role_asks_the_previous_question_of_whoever_holds_it(pipeline):
    ans = _chat(
        pipeline,
        "what did christopher hill tell rfa about the beijing meetings?",
        "what about the RAND guy?",
    )
    assert "Bruce Bennett" in (ans.resolved_question or "")
    assert "preparing for his second summit" in ans.quotes[0].text


def test_she_is_the_woman_the_previous_answer_named_not_the_man_before(pipeline):
    ans = _chat(
        pipeline,
        "Who described Kim's China trip as sending a dual message to Washington?",
        "where does he work?",
        "what did the former ambassador say?",
        "what group does she run?",
    )
    assert ans.resolved_question == "what group does Kathleen Stephens run?"
    assert "Korea Economic Institute of America" in (ans.short_answer or "")


def test_he_is_not_the_sister_the_previous_answer_named(pipeline):
    ans = _chat(pipeline, "How did Kim travel to Dalian?", "Who went with him?", "what did he do while he was there?")
    # "he" is Kim (not Kim Yo-jong), "there" is Dalian
    assert ans.resolved_question == "what did Kim do while he was in Dalian?"
    assert ans.short_answer == "attended a formal banquet"


def test_the_x_one_is_the_event_an_earlier_question_named(pipeline):
    conv = pipeline.conversation()
    conv.ask("how many summits did kim and xi have in 2018?")
    assert one_named(conv.turns, "where was the trump one?") == "where was the trump summit?"
    # "the other one" is someone else, no event
    assert one_named(conv.turns, "and the other one?") == "and the other one?"


def test_and_the_second_time_asks_the_previous_question_of_that_occasion(pipeline):
    conv = pipeline.conversation()
    conv.ask("when did kim first go to china as leader?")
    assert nth(conv.turns, "and the second time?") == "when did Kim go to China as leader for the second time?"
    assert nth(conv.turns, "and the second expert?") is None


def test_anyone_else_is_asked_of_the_one_who_met_not_the_one_met(pipeline):
    ans = _chat(pipeline, "who did kim meet in dalian?", "did he talk to anyone else there?")
    assert ans.resolved_question == "did Kim talk to anyone else in Dalian?"


def test_a_weekday_is_no_place_for_there(pipeline):
    ans = _chat(
        pipeline,
        "Who was the Chinese foreign ministry spokesman at Tuesday's regular briefing?",
        "Did he say whether the North Korean officials would meet US officials while they were there?",
    )
    assert "Tuesday" not in (ans.resolved_question or "")
    # what he said when asked, not the asking
    assert ans.short_answer == "the delegations were at different levels"


def test_does_someone_agree_asks_for_their_words_on_the_previous_topic(pipeline):
    ans = _chat(
        pipeline,
        "what did kim tell xi he wanted from seoul and washington on denuclearization?",
        "does pompeo agree?",
    )
    assert not ans.abstained
    assert ans.short_answer == "no interest in following a step-by-step process"


def test_a_photo_credit_is_no_companion(pipeline):
    ans = _chat(
        pipeline,
        "who did kim meet in dalian?",
        "did he talk to anyone else there?",
        "and who came along with him on that trip?",
    )
    assert ans.short_answer == "Kim Yo-jong"


def test_reasons_announced_are_given_in_the_next_sentence(pipeline):
    ans = _chat(
        pipeline, "who is the professor from the national korea diplomatic academy?", "why does he think kim went?"
    )
    assert ans.short_answer == "to seek sanctions relief from China"


def test_the_name_asked_may_be_the_one_the_previous_answer_gave(pipeline):
    ans = _chat(pipeline, "how'd kim travel to dalian?", "who came along with him?", "what's his sister's name?")
    assert ans.short_answer == "Kim Yo-jong"


def test_is_he_on_board_asks_for_his_words_not_a_sentence_naming_him(pipeline):
    ans = _chat(
        pipeline,
        "In Dalian, what kind of measures did Kim say he wanted Seoul and Washington to take toward denuclearization?",
        "what about Pompeo, is he on board with that?",
    )
    assert not ans.abstained
    assert ans.quotes[0].text.startswith("Pompeo, however, said")


def test_that_site_is_the_website_the_previous_answer_named(pipeline):
    ans = _chat(
        pipeline,
        "who's the global times editor?",
        "what did he post online about the visit?",
        "is that site even accessible in china?",
    )
    assert ans.resolved_question == "is Twitter even accessible in China?"
    assert ans.short_answer == "Twitter is blocked in China"


def test_what_he_said_when_asked_is_his_reply_to_that_question(pipeline):
    ans = _chat(
        pipeline,
        "Who is the Chinese foreign ministry spokesman quoted in the VOA report?",
        "When reporters asked whether North Korean and American officials would meet during the trip, how did he respond?",
    )
    assert ans.short_answer == "the delegations were at different levels"


def test_what_he_is_worried_about_is_found_where_he_expressed_concern(pipeline):
    ans = _chat(
        pipeline,
        "who is christopher hill?",
        "what did he call this week's meetings in beijing?",
        "what's he afraid beijing is pushing kim to demand?",
    )
    assert "remove its 28,000 troops from South Korea" in (ans.short_answer or "")
    # the name he gave the meetings is the previous turn's short answer, in his words
    conv = pipeline.conversation()
    conv.ask("who is christopher hill?")
    ans = conv.ask("what did he call this week's meetings in beijing?")
    assert ans.short_answer == "part of the process of warming between North Korea and China"


def test_who_else_after_an_unanswered_turn_is_not_the_one_named_before(pipeline):
    # "what org does she run now?" names Kathleen Stephens; "who else" is someone else
    # on that panel, named where he speaks ("said Yun, ... speaking on a panel")
    ans = _chat(
        pipeline,
        "who was the former us ambassador on that washington panel?",
        "what org does she run now?",
        "who else was on the panel?",
    )
    assert ans.short_answer == "Joseph Yun"


def test_he_after_a_role_is_the_one_whose_words_answered(pipeline):
    # "the carnegie fellow" was answered in Zhao Tong's words, named in another sentence
    ans = _chat(
        pipeline,
        "who's the shenzhen university expert in the sputnik story?",
        "does the carnegie fellow agree nk is a card china can play?",
        "so why does he think kim went to china before the 2nd summit?",
    )
    assert "Zhao" in ans.resolved_question
    assert "uncertainty about" in ans.short_answer


def test_what_about_a_role_then_he_is_that_role(pipeline):
    ans = _chat(
        pipeline,
        "who is the beijing professor quoted in the voa piece on kim's trip?",
        "what about the global times editor, what did he tweet?",
    )
    assert ans.quotes[0].text.startswith("Hu Xijin")
    assert not ans.abstained


def test_a_topic_switch_carries_nothing_over(pipeline):
    ans = _chat(
        pipeline,
        "who was the former us ambassador on that washington panel?",
        "ok different article - in the dalian story what did pompeo say on his way to north korea?",
    )
    assert ans.short_answer == "the US has no interest in following a step-by-step process"


def test_the_first_trip_is_dated_by_the_questions_own_words(pipeline):
    # not "in 2012", by the previous turn's "taking power"
    ans = _chat(
        pipeline,
        "how long after taking power did kim wait before his first trip to china?",
        "and when was that first trip?",
    )
    assert ans.short_answer == "last March"


def test_the_other_scholar_is_the_one_expert_that_article_has_left(pipeline):
    # the Sputnik piece introduces two experts; after Ding Xueliang, "the other" is Zhao
    conv = pipeline.conversation()
    conv.ask("who's the scholar saying the timing was no coincidence?")
    ans = conv.ask("the other chinese scholar quoted there — who is he?")
    assert ans.resolved_question == "who is Zhao Tong?"
    assert ans.short_answer == "Zhao Tong"
    assert "Zhao Tong, a fellow in Carnegie" in ans.quotes[0].text
    ans = conv.ask("which year did china back the UN resolutions, per him?")
    assert ans.short_answer == "2017"


def test_the_other_professor_is_not_another_kim_dropped_for_the_surname(pipeline):
    # "Kim" names no one expert: Kim Dong-yub was asked about, Kim Hyun-wook is the other
    ans = _chat(
        pipeline,
        "According to Kim Dong-yub, how does China view North Korea?",
        "and the other professor in that story - which institution is he from?",
    )
    assert ans.resolved_question == "which institution is Kim Hyun-wook from?"
    assert ans.short_answer == "National Korea Diplomatic Academy"


def test_did_the_role_say_when_is_declined_when_that_person_gave_no_date(pipeline):
    # Yun gave a date ("the end of February or early March"); the spokesman did not
    ans = _chat(
        pipeline,
        "who's the chinese foreign ministry spokesman quoted on kim's trip?",
        "did the spokesman say when the second summit would happen?",
    )
    assert ans.abstained
    ans = pipeline.answer("did yun say when the second summit would be?")
    assert ans.short_answer == "end of February or early March"


def test_there_after_who_went_with_him_is_not_the_companion(pipeline):
    # "who went with him?" asked for a person, who is no place for "there"; "his
    # sister" is Kim's
    ans = _chat(
        pipeline,
        "where did kim meet xi in the korea herald story?",
        "who went with him?",
        "what did his sister do while they were there?",
    )
    assert ans.resolved_question == "what did Kim's sister do while they were there?"


def test_that_guy_is_a_pronoun(pipeline):
    ans = _chat(pipeline, "who is the RAND researcher quoted about the trip?", "what does that guy think about it?")
    assert ans.resolved_question == "what does Bruce Bennett think about it?"
    assert not ans.abstained


def test_a_post_the_previous_person_holds_names_him(pipeline):
    # Joseph Yun is "a retired U.S. diplomat": "the ex-diplomat" is he; Shi Yinhong is
    # no Kyungnam professor, and "Kim" names no one person
    ans = _chat(pipeline, "who is Joseph Yun?", "what does the ex-diplomat expect next?")
    assert ans.resolved_question == "what does Joseph Yun expect next?"
    ans = _chat(pipeline, "who is Shi Yinhong?", "what did the kyungnam professor say?")
    assert ans.quotes[0].text.startswith("Lim Eul-chul, professor of North Korean studies at Kyungnam")


def test_which_of_them_holds_a_post_is_not_rewritten_to_its_holder(pipeline):
    # the post is what is asked: "which of them is Ri Yong-ho?" would ask nothing
    ans = _chat(pipeline, "who went with kim to dalian?", "which of them is the foreign minister?")
    assert ans.short_answer == "Ri Yong-ho"


def test_it_is_looked_for_near_the_previous_answer(pipeline):
    # "where was it?" points at the meeting the previous answer told of, in its article
    ans = _chat(pipeline, "when did kim meet trump last year according to rfa?", "where was it?")
    assert ans.short_answer == "Singapore"


def test_going_back_to_a_post_names_the_one_an_earlier_turn_quoted(pipeline):
    ans = _chat(
        pipeline,
        "What did the RAND Corporation researcher say Kim has been doing?",
        "What did the head of the Korea Economic Institute of America say about consultations?",
        "And what did the former Assistant Secretary of State think?",
        "Going back to the RAND researcher, what does he think Kim is afraid the president will tell him?",
    )
    assert ans.resolved_question.startswith("what does Bruce Bennett think")
    assert "enough is enough" in ans.quotes[0].text


def test_a_country_is_no_subject_he_can_mean(pipeline):
    # "according to him" made the turn Hill's view; "he" next is Hill, not China
    conv = pipeline.conversation()
    conv.ask("How did Christopher Hill describe this week's meetings in Beijing?")
    conv.ask("Why is China unhappy with Washington's approach, according to him?")
    assert conv.resolve("What concession does he fear Beijing may be urging Kim to insist on?") == (
        "What concession does Christopher Hill fear Beijing may be urging Kim to insist on?"
    )


def test_a_follow_up_stays_in_the_article_the_previous_turn_cited(pipeline):
    # "per voa" chose VOA's article; "this trip" is asked of it too
    ans = _chat(pipeline, "how many times has kim been to china in the past year per voa?", "when does this trip end")
    assert ans.quotes and {q.doc for q in ans.quotes} == {"000_0e88844027cc8d80.txt"}


def test_same_question_for_someone_else_in_another_article(pipeline):
    ans = _chat(
        pipeline,
        "in the rfa story how many times did kim meet moon last year?",
        "same question for xi, in the voa article",
    )
    assert ans.resolved_question == "how many times did Kim meet Xi last year in the VOA article?"
    assert "three summits" in ans.quotes[0].text


def test_his_name_is_answered_with_the_name(pipeline):
    ans = _chat(
        pipeline,
        "what did the rfa article say south korean experts thought?",
        "what did the kwangwoon university professor say?",
        "whats his name btw",
    )
    assert ans.short_answer == "Shin Sangjin"
    assert "Shin Sangjin" in ans.quotes[0].text


def test_a_follow_up_naming_another_outlet_does_not_keep_the_previous_article(pipeline):
    # Zhao Tong spoke to Sputnik, not to RFA's Korean Service: nothing to quote
    ans = _chat(pipeline, "Which Carnegie fellow did Sputnik interview?", "What did he tell RFA's Korean Service?")
    assert ans.abstained


def test_anything_else_he_said_is_what_else_did_he_say(pipeline):
    ans = _chat(pipeline, "what does cho han-bum say about multilateral agreements?", "anything else he said?")
    assert ans.resolved_question == "what else did Cho Han-Bum say?"
    assert ans.short_answer.startswith("the visit is in line with themes discussed by Kim")


def test_which_city_he_suggests_needs_his_own_words(pipeline):
    # Yun spoke "on a panel in Washington"; he names no venue for the summit
    ans = _chat(
        pipeline,
        "What does Joseph Yun do now?",
        "When does he expect the second Trump-Kim summit to be arranged?",
        "Which city does he suggest as the venue for it?",
    )
    assert ans.abstained


def test_a_follow_up_fronting_someone_by_post_asks_of_them_not_of_the_last_person(pipeline):
    conv = pipeline.conversation()
    conv.ask("Which Renmin University academic did VOA quote on Kim's January 2019 trip to Beijing?")
    conv.ask("Did he think the trip had anything to do with the trade negotiations?")
    ans = conv.ask("And the Global Times editor in chief, what did he tie the timing to?")
    assert "Shi" not in (ans.resolved_question or "")
    assert ans.quotes[0].text.startswith("Hu Xijin, the editor in chief at the Global Times")
    # what it is tied to, not Hu Xijin, whom the question asks of
    assert ans.short_answer.startswith("the planned second summit")
    conv.ask("Why does the Shenzhen University analyst think hitting American companies is a poor option for Beijing?")
    card = conv.ask("And the Carnegie fellow, does he think North Korea is a card China can play?")
    assert card.short_answer == "not a card China could use"


def test_who_argued_that_asks_whose_words_the_previous_answer_quoted(pipeline):
    ans = _chat(
        pipeline,
        "Why would Beijing think twice about hitting back at US companies operating in China, according to one scholar?",
        "who argued that?",
    )
    # not "other experts argued ...", which shares the verb
    assert ans.short_answer == "Ding Xueliang"
    conv = pipeline.conversation()
    conv.ask(
        "Why would Beijing think twice about hitting back at US companies operating in China, according to one scholar?"
    )
    conv.ask("who's the expert they quote on that?")
    assert conv.ask("which university?").short_answer == "Shenzhen University"


def test_who_said_that_names_the_speaker_the_quoted_sentence_opens_on(pipeline):
    # "Zhao pointed out that ...": the name in the sentence is the answer, not a word to find
    ans = _chat(pipeline, "why doesn't china buy trump's promises on north korea anymore", "who says that")
    assert ans.short_answer == "Zhao Tong"
    ans = _chat(pipeline, "how many american troops are in south korea", "who brought that up")
    assert ans.short_answer == "Christopher Hill"
    # a prediction is someone's words too
    ans = _chat(pipeline, "When will the next summit happen?", "Who made that prediction?")
    assert ans.short_answer == "Joseph Yun"


def test_a_name_ends_at_its_possessive(pipeline):
    # "he" after "How long is Kim's January 2019 trip?" is Kim, not "Kim's January"
    conv = pipeline.conversation()
    conv.ask("How long is Kim's January 2019 trip to China?")
    ans = conv.ask("did anyone come with him?")
    assert ans.resolved_question == "did anyone come with Kim?"
    assert not ans.abstained


def test_who_said_that_after_narration_asks_who_said_what_the_question_asked(pipeline):
    # the lead sentence is the article's own ("..., analysts said"): the dual message is Yun's
    ans = _chat(pipeline, "why are analysts calling kim's china trip a dual message", "who said that")
    assert ans.short_answer == "Joseph Yun"
    assert "dual message" in ans.quotes[0].text


def test_where_did_he_say_that_asks_the_setting_of_his_words(pipeline):
    # the briefing, the outlet he told, not a place his words name ("Trump Kim")
    ans = _chat(pipeline, "what did Lu Kang say about a second summit?", "where did he say that?")
    assert ans.short_answer == "At a regular briefing"
    ans = _chat(pipeline, "What did Christopher Hill say about the meetings?", "where did he say that?")
    assert ans.short_answer == "RFA’s Korean Service"
    ans = _chat(pipeline, "what did Hu Xijin say about the timing of the visit?", "where did he say that?")
    assert ans.short_answer == "Twitter"


def test_a_yes_no_question_of_someones_view_is_answered_in_their_words(pipeline):
    conv = pipeline.conversation()
    conv.ask("Who is the professor from Renmin University they talked to about Kim's trip?")
    conv.ask("Does he see any link between the visit and the trade talks?")
    ans = conv.ask("And the Global Times editor, does he think the timing means something?")
    # his words, not his title
    assert ans.short_answer.startswith("the timing of Kim's China visit is clearly linked")
    # "he" is now the editor the last turn asked about by role, not the professor before
    assert conv.ask("Where did he say that?").short_answer == "Twitter"


def test_who_else_was_on_that_panel_is_not_someone_his_words_name(pipeline):
    conv = pipeline.conversation()
    # "which American expert says ...?" asks whose words these are: Yun's, not Xi in them
    assert conv.ask("Which American expert says Kim's trip is sending two messages to Washington?").short_answer == (
        "Joseph Yun"
    )
    assert conv.ask("Where was he speaking?").short_answer == "on a panel in Washington"
    ans = conv.ask("Who else was on that panel?")
    assert ans.resolved_question == "Who else was on a panel in Washington?"
    assert ans.short_answer == "Kathleen Stephens"


def test_does_anyone_disagree_asks_the_view_the_article_sets_against_it(pipeline):
    ans = _chat(pipeline, "Does Ding Xueliang think China can use North Korea as leverage?", "does anyone disagree?")
    assert ans.quotes[0].text.startswith("However, other experts argued")
    ans = _chat(pipeline, "Why can't China retaliate against US companies?", "who disagrees?")
    assert ans.short_answer == "Zhao Tong"
    # an article reporting no view against another's: nothing to offer
    assert _chat(pipeline, "what did Shi Yinhong say about the trade talks?", "does anyone disagree?").abstained


def test_an_ex_diplomat_is_a_former_one(pipeline):
    conv = pipeline.conversation()
    ans = conv.ask("Which ex-diplomat said Kim's trip was sending Washington a two-sided message?")
    assert ans.short_answer == "Joseph Yun"
    assert conv.ask("where does he work these days?").short_answer == "US Institute for Peace"
    ans = conv.ask("when does the ex-diplomat expect the next Trump-Kim summit to happen?")
    assert ans.short_answer == "end of February or early March"


def test_same_question_for_someone_by_role(pipeline):
    ans = _chat(
        pipeline,
        "does Shi Yinhong think the trip is tied to the trade talks going on at the same time?",
        "same question for the editor",
    )
    assert "timing of Kim's China visit is clearly linked" in ans.short_answer


def test_according_to_a_role_makes_that_guy_the_one_holding_it(pipeline):
    ans = _chat(
        pipeline,
        "According to the Renmin University professor, what is Kim hoping to get from Beijing in case his talks "
        "with the US fall apart?",
        "what else does that guy expect Kim to ask the Chinese for?",
    )
    # "that guy" is the professor, not Kim; "what else" is not the sentence just quoted
    assert ans.resolved_question == "what else does Shi Yinhong expect Kim to ask the Chinese for?"
    assert "more economic help" in ans.short_answer


def test_what_he_said_on_his_way_there_is_his_words_not_his_trip(pipeline):
    ans = _chat(
        pipeline,
        "Who went to North Korea to settle the date and place for the first summit?",
        "what did he say on his way there?",
    )
    # not "Mike Pompeo ... traveled to North Korea", which names him but quotes no one
    assert ans.short_answer == "the US has no interest in following a step-by-step process"


def test_says_who_and_which_scholar_is_saying_that(pipeline):
    conv = pipeline.conversation()
    conv.ask("Why would China easing sanctions matter so much to the North?")
    assert conv.ask("says who?").short_answer == "Bruce Bennett"
    assert (
        conv.ask("what does he think Kim is nervous about?").short_answer
        == "the President will tell him ‘enough is enough’"
    )
    ans = _chat(
        pipeline,
        "Why wouldn't China just go after American companies to hit back in the trade fight?",
        "which scholar is saying that?",
    )
    assert ans.short_answer == "Ding Xueliang"
    # "X said China would ...": his name comes off the words even without "that"
    assert _chat(pipeline, "whats one reason china would welcome kim's gesture?", "says who?").short_answer == (
        "Lim Eul-chul"
    )


def test_who_he_was_talking_to_is_the_outlet_he_told(pipeline):
    ans = _chat(
        pipeline,
        "Why is Beijing unhappy with how Washington has handled the nuclear issue, according to the former "
        "assistant secretary of state?",
        "who was he talking to when he said that?",
    )
    assert ans.short_answer == "RFA’s Korean Service"


def test_a_turn_led_by_someone_new_carries_nothing_of_the_one_before(pipeline):
    conv = pipeline.conversation()
    conv.ask("what's the name of the institute Ding Xueliang runs?")
    # "buy that" is believing it; neither Ding nor his institute is asked about now
    ans = conv.ask("and the Carnegie fellow, does he buy that North Korea is a card Beijing can play?")
    assert ans.short_answer == "not a card China could use"


def test_did_he_say_where_is_declined_when_his_words_name_no_place(pipeline):
    ans = _chat(
        pipeline,
        "what did China's foreign ministry spokesman say about another Trump summit?",
        "did the spokesman say where it would be held?",
    )
    # not "Trump Kim" of "a possible second Trump Kim summit"
    assert ans.abstained


def test_his_paper_is_the_one_he_works_for(pipeline):
    conv = pipeline.conversation()
    conv.ask("Who is the top editor at the Global Times?")
    conv.ask("what did he tweet about Kim's visit?")
    ans = conv.ask("and what did his paper predict for North Korea this year?")
    # "his paper" is named; "and" and "this year" point back to nothing, so his tweet is
    # no longer carried as context
    assert ans.resolved_question == "and what did the Global Times predict for North Korea this year?"
    assert "seminal year" in ans.quotes[0].text


def test_the_chinese_scholar_is_the_expert_just_talked_of(pipeline):
    conv = pipeline.conversation()
    conv.ask("Who is Shi Yinhong?")
    # a professor at Renmin University: a scholar, whose post names no country
    ans = conv.ask("does the chinese scholar think the trip is tied to the trade talks going on at the same time?")
    assert ans.short_answer == "no connection between the visit and the trade talks"


def test_how_come_asks_the_reason_for_the_previous_answer(pipeline):
    ans = _chat(
        pipeline,
        "and the Carnegie fellow in Beijing, does he think China still buys Washington's promises tying North Korea to trade?",
        "how come?",
    )
    assert not ans.abstained
    assert "did not stop the Trump administration" in ans.short_answer


def test_what_is_his_name_gives_the_name_in_full(pipeline):
    ans = _chat(
        pipeline,
        "How come the RAND analyst thinks any Chinese sanctions easing would matter so much to Pyongyang?",
        "what's his name?",
    )
    assert ans.short_answer == "Bruce Bennett"


def test_what_she_does_now_and_which_outfit_she_runs(pipeline):
    conv = pipeline.conversation()
    conv.ask("Which former US ambassador to Seoul was quoted about the Kim-Xi meeting?")
    now = conv.ask("what does she do now")
    assert now.short_answer.startswith("president and CEO of the Washington-based Korea Economic Institute")
    outfit = _chat(pipeline, "Former U.S. ambassador to South Korea, who is she?", "which outfit does she run?")
    assert "Korea Economic Institute of America" in outfit.short_answer


def test_agreeing_there_is_a_link_asks_his_view(pipeline):
    ans = pipeline.answer("Does the Renmin University professor agree there's a link to the trade talks?")
    assert not ans.abstained
    assert ans.short_answer == "no connection between the visit and the trade talks"


def test_he_is_the_trips_owner_of_a_pair_and_not_someone_the_question_names(pipeline):
    conv = pipeline.conversation()
    conv.ask("Where did Xi and Kim meet during Kim's second China trip?")
    assert conv.ask("who travelled with him").resolved_question == "who travelled with Kim"
    conv = pipeline.conversation()
    conv.ask("Where in northeastern China did Kim and Xi get together for their second meeting?")
    conv.ask("meanwhile, why was the US secretary of state heading to North Korea that week?")
    ans = conv.ask("is he on board with the phased approach Kim pitched to Xi?")
    assert ans.resolved_question.startswith("is Mike Pompeo on board")


def test_what_he_meant_is_his_other_words(pipeline):
    conv = pipeline.conversation()
    conv.ask("Which American analyst said Kim's trip to China carries a dual message?")
    ans = conv.ask("what exactly did he mean by that")
    assert ans.resolved_question == "what else did Joseph Yun say?"
    assert "dual message" not in ans.quotes[0].text


def test_which_of_them_said_it_is_answered_with_the_speaker(pipeline):
    ans = _chat(
        pipeline,
        "Who did RFA quote from the Washington panel on Northeast Asia strategy?",
        "Which of them gave a time frame for the next summit?",
    )
    assert ans.short_answer == "Joseph Yun"
    assert any("end of February or early March" in q.text for q in ans.quotes)


def test_that_guys_employer_is_his_organization(pipeline):
    conv = pipeline.conversation()
    conv.ask("which analyst at RAND talked about the trip?")
    ans = conv.ask("what is that guy's employer?")
    assert ans.resolved_question == "what is Bruce Bennett's employer?"
    assert ans.short_answer == "RAND Corporation"


def test_that_city_is_the_place_just_answered(pipeline):
    ans = _chat(
        pipeline,
        "Could you tell me which city Kim and Xi met in during his second trip to China in less than two months?",
        "How did he get to that city?",
    )
    assert "that city" not in ans.resolved_question
    assert ans.short_answer == "his private jet"


def test_that_program_and_that_paper_are_the_things_just_named(pipeline):
    ans = _chat(pipeline, "Which research program is Zhao Tong a fellow in?", "Where is that program based?")
    assert ans.resolved_question.startswith("Where is Carnegie’s Nuclear Policy Program based")
    assert ans.short_answer == "Beijing"
    ans = _chat(
        pipeline,
        "Which Chinese newspaper ran a hopeful piece suggesting 2019 could be a turning point for North Korea?",
        "What earlier year did that piece compare it to?",
    )
    assert ans.short_answer == "1979"
    # a time is no thing named: "that year" stays as it is
    from rag.thing_refs import answer_named

    assert answer_named("what else happened that year?", "what year did he take power?", "2011") == (
        "what else happened that year?"
    )


def test_anything_else_in_that_post_is_the_rest_of_his_words(pipeline):
    ans = _chat(
        pipeline,
        "Who is the top editor at the Global Times?",
        "What did he say on social media about the timing of the visit?",
        "Was there anything else in that post?",
    )
    assert ans.resolved_question.startswith("what else did they say?")
    assert "more Americans would think so than Chinese do" in ans.quotes[0].text


def test_did_he_give_a_reason_asks_why(pipeline):
    ans = _chat(
        pipeline,
        "Which research program is Zhao Tong a fellow in?",
        "Did he give a reason why Beijing can no longer rely on Washington's promises about those sanctions?",
    )
    assert not ans.abstained
    assert "did not stop the Trump administration from initiating a trade war" in ans.short_answer


def test_when_those_talks_could_take_place_is_read_next_door(pipeline):
    ans = _chat(
        pipeline,
        "What kind of talks did Kim say he was hoping for in his New Year address?",
        "When could those talks realistically take place?",
    )
    assert ans.short_answer == "sometime after the second Washington-Pyongyang summit"


def test_the_two_leaders_are_the_pair_the_chat_is_about(pipeline):
    ans = _chat(
        pipeline,
        "In which city did the Chinese president receive the North Korean leader on his second China trip of 2018?",
        "apart from the Chinese president, which official there did he hold talks with?",
        "did the two leaders go for a walk together?",
    )
    assert not ans.abstained
    assert "took a stroll on a beachfront sidewalk with Xi" in ans.quotes[0].text


def test_before_it_is_the_event_an_earlier_turn_named(pipeline):
    ans = _chat(
        pipeline,
        "When was the Singapore summit between Kim and Trump?",
        "How many times did Kim go to China before it?",
    )
    assert ans.short_answer == "twice"
    assert "Before his historic meeting with Trump in Singapore" in ans.quotes[0].text
    # and the next turn carries that summit, not the three Kim and Xi held
    assert (
        _chat(
            pipeline,
            "When was the Singapore summit between Kim and Trump?",
            "How many times did Kim go to China before it?",
            "which months?",
        ).short_answer
        == "March and May"
    )


def test_what_a_named_thing_is_and_who_runs_it(pipeline):
    ans = pipeline.answer("what is the Global Times?")
    assert ans.short_answer == "communist party backed nationalist tabloid"
    ans = _chat(pipeline, "what is the Global Times?", "who runs it?")
    assert ans.resolved_question == "who runs Global Times?"
    assert ans.short_answer == "Hu Xijin"
    # "it" of an event is no organization: left to the pronoun rules
    from rag.records import Answer
    from rag.thing_refs import things_named

    prev = Answer("when did the trip start?", "Monday", quotes=[], sources=[], confidence=1.0, abstained=False)
    assert things_named("when did it end?", "when did the trip start?", prev) == "when did it end?"


def test_what_about_another_role_swaps_the_role_asked_of(pipeline):
    ans = _chat(pipeline, "what does the RAND guy say Kim wants?", "and what about the former ambassador?")
    assert ans.resolved_question == "what does Kathleen Stephens say Kim wants?"


def test_the_second_trip_is_the_one_the_article_counts_as_second(pipeline):
    # 003 opens "Kim Jong-un's visit to China for the second time": its Dalian meeting,
    # not the fourth visit's Beijing of the other four articles
    ans = _chat(
        pipeline,
        "Where did Kim Jong-un meet Xi Jinping on his second trip to China?",
        "How did he get there?",
    )
    assert ans.short_answer == "his private jet"
    assert "Kim flew to Dalian" in ans.quotes[0].text
    first = pipeline.answer("Where did Kim Jong-un meet Xi Jinping on his second trip to China?")
    assert first.short_answer in ("Dalian", "Dailan")


def test_he_after_a_title_answered_is_still_the_one_asked_of(pipeline):
    ans = _chat(
        pipeline,
        "when does joseph yun think the next trump-kim summit will happen?",
        "who is he exactly?",
        "where was he talking?",
    )
    assert ans.resolved_question == "where was Joseph Yun talking?"
    assert ans.short_answer == "on a panel in Washington"


def test_who_spoke_for_a_ministry_is_its_spokesman_and_no_other_countrys(pipeline):
    ans = pipeline.answer("who spoke for china's foreign ministry about kim's trip?")
    assert ans.short_answer == "Lu Kang"
    # the articles quote no American, North Korean or KCNA spokesman
    for q in (
        "who spoke for the US State Department?",
        "who spoke for North Korea's foreign ministry?",
        "who spoke for KCNA?",
    ):
        assert pipeline.answer(q).abstained, q


def test_the_scholar_who_makes_that_case_leads_the_quotes_by_name(pipeline):
    ans = _chat(
        pipeline,
        "Why might Beijing lean on its sway over North Korea in the trade talks, according to the analysts Sputnik spoke to?",
        "Which scholar makes that case?",
    )
    assert ans.short_answer == "Ding Xueliang"
    # the short answer is in the first quote, as everywhere else
    assert "Ding Xueliang" in ans.quotes[0].text
    ans = _chat(
        pipeline,
        "in the sputnik article, why would beijing lean on kim's visit in the trade fight?",
        "which scholar makes that case?",
        "does anyone in that story push back on it?",
    )
    assert "other experts argued that it’s difficult for" in ans.quotes[0].text


def test_why_does_he_say_so_asks_the_reason_for_the_words_just_quoted(pipeline):
    ans = _chat(
        pipeline,
        "Which analyst said Pyongyang needs Beijing's diplomatic weight to negotiate with Washington as an equal?",
        "How does he think Washington will see the Kim-Xi meeting?",
        "Why does he say so?",
    )
    assert ans.short_answer == "as Beijing is in a trade war with Washington"


def test_a_reader_thinking_aloud_and_a_paper_named_in_lower_case(pipeline):
    ans = _chat(
        pipeline,
        "why does the global times editor think kim went to china at this moment?",
        "where did he post that?",
        "wait, can people in china even use that?",
    )
    assert ans.quotes[0].text == "Twitter is blocked in China."
    ans = pipeline.answer("why does the korea times see the china trip as a sign the trump summit is close?")
    assert ans.quotes[0].doc == "004_a56a2f903766f48a.txt"
    assert "a clear indicator that the Washington-Pyongyang summit is around the corner" in ans.quotes[0].text


def test_trips_before_an_event_are_counted_not_the_event(pipeline):
    ans = _chat(
        pipeline,
        "Where did Kim have his first summit with Trump?",
        "When was it?",
        "How many times had he gone to China before it?",
    )
    assert ans.short_answer == "twice"
    ans = _chat(
        pipeline,
        "When did Kim and Xi first meet face to face?",
        "Where did that happen?",
        "Was that meeting made public at the time?",
    )
    assert "a secret meeting in Beijing" in ans.quotes[0].text


def test_how_long_he_stayed_is_not_how_long_the_talks_ran(pipeline):
    ans = pipeline.answer("How long did Kim stay in Beijing in January?")
    assert ans.short_answer in ("Jan. 7-10", "four days", "four-day")
    # the talks' own length is still theirs
    assert pipeline.answer("How long did the trade talks last?").short_answer == "two days"
    ans = _chat(
        pipeline,
        "Who was with Kim Jong-un in Pyongyang as he set off for China in January 2019?",
        "What day did he leave?",
    )
    assert ans.short_answer == "Monday"
    assert "his wife Ri Sol-ju" in ans.quotes[0].text


def test_who_works_there_after_asking_what_a_body_is(pipeline):
    ans = _chat(pipeline, "What is the Asan Institute?", "who works there?")
    assert ans.resolved_question == "who works at the Asan Institute?"
    assert ans.short_answer == "Shin Beom-chul"
    ans = _chat(pipeline, "what is the RAND Corporation?", "who works there?")
    assert ans.short_answer == "Bruce Bennett"


def test_her_role_is_what_the_sentence_calls_her(pipeline):
    ans = _chat(pipeline, "What is Kim's sister's name?", "what is her role?")
    assert ans.short_answer == "his younger sister"
    # "how did he travel?" asks the means, not a headline's words
    ans = _chat(pipeline, "How did Kim get to Dalian?", "How did he travel?")
    assert ans.short_answer == "his private jet"


def test_how_many_times_he_has_been_counts_his_visits(pipeline):
    ans = pipeline.answer("how many times has Kim been to China?")
    assert ans.short_answer == "fourth"
    assert "his fourth visit" in ans.quotes[0].text


def test_where_a_body_is_based_is_not_where_another_is(pipeline):
    # the articles give the Asan Institute no city; "the Washington-based Korea Economic
    # Institute of America" is another body
    assert pipeline.answer("where is the Asan Institute based?").abstained


def test_one_expert_is_any_expert_and_the_chat_follows_him(pipeline):
    turns = [
        "In the RFA story, what did one expert say Kim was really telling Trump by going to China?",
        "Who said that?",
        "Who is he?",
        "When does he think the next summit will happen?",
    ]
    conv = pipeline.conversation()
    answers = [conv.ask(t) for t in turns]
    assert "you’re not the only game in town" in answers[0].quotes[0].text
    assert answers[1].short_answer == "Joseph Yun"
    assert answers[3].short_answer == "end of February or early March"


def test_a_why_follow_up_does_not_quote_the_answer_it_asks_about_again(pipeline):
    # "why does she think that's needed?": the sentence just quoted states no reason
    first = "What does the former US ambassador to South Korea think Washington should do after the Kim-Xi meeting?"
    conv = pipeline.conversation()
    before = conv.ask(first).quotes[0].text
    ans = conv.ask("Why does she think that's needed?")
    assert not ans.abstained and ans.quotes[0].text != before
    assert "Stephens" in ans.quotes[0].text or "she said" in ans.quotes[0].text


def test_getting_there_is_getting_to_the_place_not_to_a_month(pipeline):
    ans = _chat(pipeline, "Kim met Xi in Dalian in May.", "How did he get there?")
    assert ans.resolved_question == "How did he get to Dalian?"
    assert ans.short_answer == "his private jet"


def test_who_said_words_attributed_to_a_short_surname_names_them_in_full(pipeline):
    # '"...," Lu said.': "Lu" alone reads as no name; the briefing sentence gives "Lu Kang"
    ans = _chat(
        pipeline,
        "What did China's foreign ministry say when asked if Kim's visit was tied to another Trump summit?",
        "who said that?",
    )
    assert ans.short_answer == "Lu Kang"
    assert "Lu Kang" in ans.quotes[0].text
    assert (
        ans.resolved_question.startswith("who said China has always supported")
        and "Lu said" not in ans.resolved_question
    )


def test_what_an_editor_tweeted_about_the_trip_is_his_tweet_about_the_visit(pipeline):
    # the tweet says "Kim's China visit": a trip asked about is the visit it names
    ans = _chat(
        pipeline,
        "What did the Global Times editor tweet about Kim's trip?",
        "did he say if China's using it as a bargaining chip?",
    )
    assert not ans.abstained and "Hu Xijin" in (ans.resolved_question or "")
    assert "used as a bargaining chip by China" in ans.quotes[0].text


def test_a_contraction_in_a_follow_up_does_not_make_it_look_unanswered(pipeline):
    ans = _chat(
        pipeline,
        "What did China's foreign ministry say when asked if Kim's visit was tied to another Trump summit?",
        "will the North Koreans meet US officials while they're there?",
    )
    assert not ans.abstained
    assert "the delegations were at different levels" in ans.quotes[0].text


def test_who_runs_it_after_what_is_a_paper_asks_who_runs_that_paper(pipeline):
    # "What is ...?" opened with a capital still names the thing "it" is
    conv = pipeline.conversation()
    first = conv.ask("What is the Global Times?")
    assert "nationalist tabloid the Global Times" in first.quotes[0].text
    ans = conv.ask("who runs it?")
    assert ans.resolved_question == "who runs Global Times?"
    assert ans.short_answer == "Hu Xijin"


def test_says_who_after_a_sentence_opening_with_a_short_surname_names_him_in_full(pipeline):
    ans = _chat(pipeline, "Does China think contact between the US and North Korea is important?", "says who?")
    assert any(q.text.startswith("Lu said China believes contact") for q in ans.quotes)
    assert ans.short_answer == "Lu Kang"


def test_who_he_took_with_him_is_a_companion_not_a_place(pipeline):
    ans = pipeline.answer("Who did Kim take with him to China?")
    assert ans.short_answer == "Kim Yo-jong"
    assert ans.quotes[0].text.startswith("Accompanying Kim was his younger sister")


def test_what_someone_criticized_is_what_the_verb_acts_on(pipeline):
    ans = pipeline.answer("What did Trump criticize?")
    assert ans.short_answer == "the China-North Korea summit"


def test_she_after_a_woman_s_name_was_answered_is_that_woman(pipeline):
    ans = _chat(pipeline, "What is Kim's wife called?", "what was she doing?")
    assert ans.resolved_question == "what was Ri Sol-ju doing?"
    # a caption's present tense tells what its people do
    assert ans.short_answer.startswith("inspect an honor guard in Pyongyang")


def test_a_sentence_case_headline_tells_no_deed(pipeline):
    ans = _chat(
        pipeline,
        "Who was with Kim Jong-un in Pyongyang as he set off for China in January 2019?",
        "What were they doing there?",
    )
    assert ans.quotes[0].text != "NK, US poised for denuclearization talks"
    assert "inspect an honor guard" in ans.short_answer


def test_what_it_said_after_what_is_an_agency_asks_what_that_agency_said(pipeline):
    ans = _chat(pipeline, "What is KCNA?", "what did it say about the trip?")
    assert ans.resolved_question == "what did KCNA say about the trip?"


def test_where_he_teaches_may_be_named_in_the_answer_that_named_him(pipeline):
    # "says Shi Yinhong, a political science professor at Beijing's Renmin University":
    # the university the earlier answer quoted is still the answer, not a place he names
    ans = _chat(
        pipeline,
        "What is Kim hoping China will give him if his talks with the US fall apart?",
        "Who said that?",
        "Where does he teach?",
    )
    assert ans.short_answer == "Beijing's Renmin University"


def test_in_charge_there_after_a_paper_was_named_asks_who_runs_that_paper(pipeline):
    ans = _chat(
        pipeline,
        "Which Chinese paper said 2019 could be a turning point for North Korea?",
        "Who's in charge there?",
    )
    assert ans.resolved_question == "Who's in charge at Global Times?"
    assert ans.short_answer == "Hu Xijin"


def test_his_name_is_quoted_from_the_sentence_naming_him(pipeline):
    # "I think Kim Jong-un went to China ..." is his, but names another Kim
    ans = _chat(
        pipeline,
        "Why did Kim go to see Xi in Dalian, according to the professor at the diplomatic academy?",
        "what's his name?",
    )
    assert ans.short_answer == "Kim Hyun-wook"
    assert "Kim Hyun-wook" in ans.quotes[0].text
    # "the head of" a paper is someone asked about by role, not the Kim of "Kim's trip";
    # and "What's Hu Xijin's name?" is his, not "What's Hu Xijin"'s
    ans = _chat(
        pipeline,
        "What did the head of the Chinese state tabloid tweet about the timing of Kim's trip?",
        "What's his name?",
    )
    assert ans.resolved_question == "What's Hu Xijin's name?"
    assert ans.short_answer == "Hu Xijin"


def test_who_said_words_led_by_their_speaker_names_him_and_his_job_follows(pipeline):
    # 'Professor Shin Sangjin of Kwangwoon University said, “Kim’s visit ...'
    turns = ["Does anyone expect a three-way summit between North Korea, the US and China any time soon?"]
    who = _chat(pipeline, *turns, "who said that?")
    assert who.short_answer == "Professor Shin Sangjin"
    job = _chat(pipeline, *turns, "who said that?", "what's his job?")
    assert job.resolved_question == "what's Shin Sangjin's job?"
    assert job.short_answer == "Professor"


def test_he_is_whom_the_previous_question_asked_of_where_its_answer_did_not_travel(pipeline):
    # "he" could be Wang Yi, just answered; nothing says how Wang Yi got to Dalian
    ans = _chat(
        pipeline,
        "Where did Kim meet Xi on his second trip to China?",
        "Which Chinese officials did he hold discussions with there?",
        "How did he travel to that city?",
    )
    assert ans.resolved_question == "How did Kim travel to that city?"
    assert ans.short_answer == "his private jet"


def test_the_second_time_drops_the_first_occasions_answer_and_he_is_the_traveller(pipeline):
    turns = ["when did xi and kim first meet face to face?", "where?", "and the second time?"]
    second = _chat(pipeline, *turns)
    # "late March", the first meeting's date carried into "where?", is not the second's
    assert "late March" not in second.resolved_question
    assert second.short_answer == "Dailan"
    # he is Xi or Kim; nothing says how Xi got to Dalian, so he is Kim
    how = _chat(pipeline, *turns, "how'd he get there?")
    assert how.resolved_question == "how'd Kim get to Dailan?"
    assert how.short_answer == "his private jet"


def test_and_with_someone_replaces_the_one_met(pipeline):
    ans = _chat(pipeline, "How many summits did Kim and Xi hold last year?", "and with Moon?")
    assert ans.resolved_question == "How many summits did Kim and Moon hold last year?"


def test_a_name_the_question_gives_is_no_title_to_cut_from_the_answer(pipeline):
    # "Who's Kim seeing?" once answered "Jong Un", "Kim" cut off as if a title the
    # question named; "his first trip" then became "Jong Un's", and missed "last March"
    turns = ["How many times has Kim been to China now?", "When did he get there?", "How long is he staying?"]
    ans = _chat(pipeline, *turns, "Who's he seeing while he's there?")
    assert ans.short_answer != "Jong Un"
    ans = _chat(pipeline, *turns, "Who's he seeing while he's there?", "When was his first trip there?")
    assert ans.resolved_question.startswith("When was Kim")
    assert ans.short_answer == "last March"
    # a title the question names is still cut: "Ri Yong-ho", not "Foreign Minister Ri Yong-ho"
    assert pipeline.answer("Who was the foreign minister who went with Kim to Dalian?").short_answer == "Ri Yong-ho"
