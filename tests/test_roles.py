"""Who people are, read off the articles (rag/roles.py)."""

from __future__ import annotations

from .test_conversation import _chat


def _row(pipeline, opening: str) -> int:
    table = pipeline._parts()[2]
    return next(s.row for s in table.rows if s.text.startswith(opening))


def test_a_sentence_calling_someone_by_surname_knows_his_full_name_and_role(pipeline):
    table = pipeline._parts()[2]
    row = _row(pipeline, "Pompeo, however, said en route")
    # "Mike Pompeo, US secretary of state, traveled ..." said who he is, once
    assert {"mike", "pompeo"} <= table.names[row]
    assert {"secretari", "state"} <= table.roles[row]
    # a title before the name counts too ("Chinese Foreign Ministry spokesman Lu Kang")
    lu = _row(pipeline, "At a regular briefing on Tuesday")
    assert {"spokesman", "foreign", "ministri"} <= table.roles[lu]


def test_words_around_a_name_that_say_nothing_of_a_role_are_no_role(pipeline):
    table = pipeline._parts()[2]
    # "Kim met Chinese President Xi Jinping": "Kim met" is no part of Xi's title
    for row, roles in table.roles.items():
        assert "met" not in roles and "meet" not in roles, table.rows[row].text


def test_a_follow_up_about_someone_named_in_part_finds_his_words(pipeline):
    # Zhao Tong is named in full where the article says who he is; his explanation of
    # the trip calls him "Zhao". That sentence used to lose to a headline sharing "trip".
    conv = pipeline.conversation()
    conv.ask("Which fellow of the Carnegie–Tsinghua Center was quoted?")
    ans = conv.ask("What does he think most likely lies behind Kim's trip?")
    assert not ans.abstained
    assert "uncertainty about the second summit" in ans.quotes[0].text


def test_the_role_of_the_one_whose_words_a_sentence_is_counts_there(pipeline):
    table = pipeline._parts()[2]
    # "Any action ...,” said Bennett." names him; "Kim also wants ..." is his words too
    assert {"rand", "research"} <= table.speaker_roles[_row(pipeline, "Kim also wants China to relax")]
    # "a retired U.S. diplomat who was speaking ...": the apposition runs over "U.S."
    assert {"retir", "diplomat"} <= table.speaker_roles[_row(pipeline, "“I do think that a second summit")]
    # "Pyongyang" is capitalised like a name, and is no one's
    assert "pyongyang" not in table.people and "bennett" in table.people


def test_a_reason_given_by_someone_called_by_role_is_found_in_his_words(pipeline):
    ans = pipeline.answer(
        "why would chinese sanctions relief make such a big difference for pyongyang, according to the RAND researcher?"
    )
    assert ans.short_answer == "because China is North Korea’s major trading partner"


def test_a_long_apposition_still_says_the_post(pipeline):
    # "Zhao Tong, a fellow in Carnegie’s Nuclear Policy Program at the Carnegie–Tsinghua
    # Center for Global Policy in Beijing, told Sputnik": over eight words, still a post
    role_of = pipeline._parts()[2].role_of
    assert {"fellow", "carnegi"} <= role_of["Zhao Tong"]
    assert "advis" in role_of["Joseph Yun"]


def test_who_is_the_professor_is_no_president(pipeline):
    ans = pipeline.answer("who is the beijing professor quoted in the voa piece on kim's trip?")
    assert ans.short_answer == "Shi Yinhong"


def test_where_a_post_is_after_its_own_comma_is_one_of_its_words(pipeline):
    # "Ding Xueliang, director of the Institute for China's Overseas Interests, Shenzhen University, told ..."
    assert {"director", "shenzhen", "universiti"} <= pipeline.roles_of("Ding Xueliang")


def test_a_who_question_is_answered_with_a_person_not_a_place_or_experts(pipeline):
    # "Kim's four-day travel to Beijing ..." holds no one; "Experts said ..." names no one
    ans = pipeline.answer("Which Asan Institute expert weighed in on Kim's four-day China trip?")
    assert ans.short_answer == "Shin Beom-chul"
    ans = pipeline.answer("who from the Asan Institute commented on Kim's trip?")
    assert ans.short_answer == "Shin Beom-chul"


def test_other_experts_arguing_are_named_by_the_quotation_after_them(pipeline):
    # "However, other experts argued that it's difficult for Beijing to use Pyongyang as a
    # bargaining chip ..." is followed by Zhao Tong's quotation
    ans = pipeline.answer("who says china cant use north korea as a bargaining chip")
    assert ans.short_answer == "Zhao Tong"


def test_names_ending_alike_are_not_one_speaker(pipeline):
    # "Shin Beom-chul" and "Lim Eul-chul" share their last word; Korean names put the
    # surname first
    table = pipeline._parts()[2]
    shin = _row(pipeline, "\"This can be seen as China's signal")
    lim = _row(pipeline, '"China will likely continue looking for ways')
    assert "professor" not in table.speaker_roles[shin] and "asan" in table.speaker_roles[shin]
    assert {"professor", "kyungnam"} <= table.speaker_roles[lim]


def test_a_view_asked_by_role_is_found_in_that_ones_words(pipeline):
    conv = pipeline.conversation()
    conv.ask("Which Asan Institute expert weighed in on Kim's four-day China trip?")
    conv.ask("why does he say the North needs Beijing?")
    conv.ask("those vice-minister US-China talks he brought up, how long did they run?")
    ans = conv.ask("and the North Korean studies professor, what does China get out of it in his view?")
    assert "Lim Eul-chul" in " ".join(q.text for q in ans.quotes)
    assert "Shin" not in ans.quotes[0].text


def test_which_analyst_is_any_experts_post_and_experts_say_is_no_role(pipeline):
    # "Bruce Bennett, a researcher for the RAND Corporation": an analyst
    assert pipeline.answer("which analyst at RAND talked about the trip?").short_answer == "Bruce Bennett"
    # "... and US President Donald Trump, experts say": no apposition of Trump's
    assert "expert" not in pipeline.roles_of("Donald Trump")


def test_a_spokesman_s_words_about_the_visit_may_name_it_in_their_lead_in(pipeline):
    # "... had this to say when asked whether there was a connection between the visit and ..."
    ans = pipeline.answer("What did the Chinese foreign ministry spokesman say about the visit?")
    assert not ans.abstained
    assert ans.quotes[0].text.endswith("Lu said.")
    # his words about something no sentence near them names are still no answer
    assert pipeline.answer("what did Yun say about the troops in South Korea?").abstained


def test_a_role_word_in_a_workplace_name_is_not_the_persons_role(pipeline):
    # "a professor at the National Korea Diplomatic Academy" is no diplomat
    table = pipeline._parts()[2]
    assert "diplomat" not in table.role_of["Kim Hyun-wook"]
    assert "professor" in table.role_of["Kim Hyun-wook"]
    ans = pipeline.answer("who's the ex-diplomat quoted about the visit?")
    # a former diplomat by name, not a title ("Assistant Secretary") nor the professor
    assert ans.short_answer in ("Joseph Yun", "Christopher Hill", "Kathleen Stephens")


def test_the_body_someone_runs_asked_by_what_it_is_called_is_its_name(pipeline):
    ans = _chat(
        pipeline,
        "and the former ambassador on that panel in Washington, who was that?",
        "what's the organization she runs called?",
    )
    assert ans.short_answer and "Korea Economic Institute of America" in ans.short_answer
    ans = _chat(pipeline, "Who is Ding Xueliang?", "whats the institute he directs called?")
    assert ans.short_answer == "Institute for China's Overseas Interests"
