"""Sentence scoring (rag/sentences.py): which sentence answers, and its short answer."""

from __future__ import annotations

from rag.said_span import quoted


def test_quoted_stretches_of_a_sentence():
    def said(t: str) -> list[str]:
        return [t[a:b] for a, b in quoted(t)]

    assert said("“It is the repeat of last year,” said Yun, speaking in 2019.") == ["It is the repeat of last year,"]
    assert said('"Not now," he said, "but later."') == ["Not now,", "but later."]
    # a quotation opened in an earlier sentence runs from this one's start
    assert said('But this can be realized after the second summit."') == [
        "But this can be realized after the second summit."
    ]
    assert said("No one is quoted here.") == []


def test_an_expected_date_is_in_what_was_said_not_in_the_attribution(pipeline):
    # "..., said Yun, ... speaking on a panel ... in 2019" dates the panel, not his forecast
    ans = pipeline.answer("When does Joseph Yun believe Trump and Kim will meet again?")
    assert ans.short_answer == "end of February or early March"


def test_a_date_ahead_is_not_one_the_article_places_behind(pipeline):
    conv = pipeline.conversation()
    conv.ask("Who is Joseph Yun?")
    ans = conv.ask("And when does he think the next summit will happen?")
    # "the repeat of last year" is quoted from him too, but the question looks ahead
    assert ans.short_answer == "end of February or early March"


def test_what_someone_said_is_not_answered_by_another_speakers_words(pipeline):
    # '"I do think ... end of February or early March," he added' is Yun's, and nothing
    # quotes Kathleen Stephens on a date
    ans = pipeline.answer("When did Kathleen Stephens say the second summit would be held?")
    assert ans.abstained, ans.short_answer
    ans = pipeline.answer("When did Joseph Yun say the second summit would be held?")
    assert ans.short_answer == "end of February or early March"


def test_who_heads_something_needs_a_sentence_saying_so(pipeline):
    # the articles name Trump, Hu Xijin ("the editor in chief at the Global Times") and
    # Ri Su-yong ("vice party chairman") near the talks, but none as heading the US side
    for question in (
        "Who headed the US delegation at the Beijing trade talks?",
        "Who led the American team at the vice-minister-level talks in Beijing?",
    ):
        ans = pipeline.answer(question)
        assert ans.abstained, (question, ans.short_answer)
    ans = pipeline.answer("Who is the head of the Korea Economic Institute of America?")
    assert ans.short_answer == "Kathleen Stephens"


def test_what_someone_said_needs_a_sentence_with_words_of_theirs(pipeline):
    # the articles say Kim held talks with Xi, but quote nothing Xi said to him
    assert pipeline.answer("What did Xi Jinping say to Kim during their January 2019 talks?").abstained
    assert pipeline.answer("What did Xi say in his toast at the Dalian banquet?").abstained
    ans = pipeline.answer("What did Hu Xijin say about the timing of Kim's visit?")
    assert not ans.abstained and "Hu Xijin" in ans.quotes[0].text


def test_a_yes_no_question_is_answered_by_a_sentence_denying_it(pipeline):
    # "announced ahead of time?" is answered, no, by "an unannounced visit"
    ans = pipeline.answer("Was Kim's January 2019 trip to Beijing announced ahead of time?")
    assert not ans.abstained and "unannounced" in ans.quotes[0].text


def test_what_someone_said_is_not_another_speakers_words_about_him(pipeline):
    # '"On top of that, Trump criticized the China-North Korea summit in May." is Shin
    # Beom-chul's quotation: it says Trump criticized, not what Trump said
    ans = pipeline.answer("What exactly did Trump say when he criticized the China-North Korea summit in May?")
    assert ans.abstained, ans.short_answer
    # asked for what Kim hoped, in Lim's words, the quotation answers
    ans = pipeline.answer("What kind of talks with the U.S. and China did Kim say he hoped for?")
    assert not ans.abstained and ans.short_answer == "multinational talks"


def test_a_headline_names_no_one(pipeline):
    # "North Korea's Kim Visits Beijing Amid US-China Trade Talks": its capitals are no name
    ans = pipeline.answer("which beijing-based analysts say kim's trip has nothing to do with the trade talks?")
    assert ans.short_answer == "Shi Yinhong"


def test_what_someone_called_by_name_said_to_another_needs_his_words(pipeline):
    # no sentence gives anything Xi said to Kim; Shin's words name the Kim-Xi meeting
    assert pipeline.answer("what did xi actually tell kim during their january talks in beijing?").abstained
    # nor does any say how long Pompeo stayed: the four days are Kim's
    assert pipeline.answer(
        "how many days did Pompeo stay in north korea on that trip to set the summit date?"
    ).abstained


def test_titles_and_organisations_read_whole(pipeline):
    ans = pipeline.answer("what job did christopher hill used to have at state?")
    assert ans.short_answer == "Former Assistant Secretary of State for East Asian and Pacific Affairs"
    assert pipeline.answer("what organization is joseph yun affiliated with").short_answer == "US Institute for Peace"
    ans = pipeline.answer("who went to north korea to lock in the date for the trump summit?")
    assert ans.short_answer == "Mike Pompeo"


def test_the_expert_a_sentence_names_by_role_is_the_one_named_before(pipeline):
    # "The expert pointed out that it was not a coincidence ...": Ding Xueliang, two
    # sentences before; the Sputnik byline names its writer, no scholar
    ans = pipeline.answer(
        "Which Shenzhen University scholar told Sputnik the timing of Kim's visit was no coincidence?"
    )
    assert ans.short_answer == "Ding Xueliang"


def test_how_someone_else_got_there_is_not_how_kim_did(pipeline):
    assert pipeline.answer("How did Kim get to Dalian?").short_answer == "his private jet"
    # Kim flew to Dalian; no article says how Xi got there
    assert pipeline.answer("How did Xi get to Dalian?").abstained


def test_what_experts_say_is_not_the_view_of_the_one_asked_about(pipeline):
    # "Experts say that ... a bargaining chip in tense trade talks" is nobody's in
    # particular: asked what Shi thinks, it is not his view
    ans = pipeline.answer("does Shi Yinhong think Beijing is playing Kim as a chip in the trade talks")
    assert not ans.quotes[0].text.startswith("Experts say")
    assert "Shi" in ans.quotes[0].text


def test_the_second_time_is_not_a_sentence_about_the_first(pipeline):
    # "met in person for the first time ... in Beijing" counts another occasion
    ans = pipeline.answer("Where did Kim and Xi meet the second time around?")
    assert "first time" not in ans.quotes[0].text
    assert pipeline.answer("what did the Asan one say the North needs?").short_answer.startswith(
        "China's diplomatic influence"
    )
