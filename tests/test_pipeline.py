from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from rag.pipeline import QuestionError

from .conftest import GT_FILE, GT_QUESTION, REPO


def _check_citations(ans, index):
    """Every quote is verbatim at its offsets and every [n] resolves to a source holding it."""
    by_n = {s.n: s for s in ans.sources}
    for q in ans.quotes:
        assert index.docs[q.doc].text[q.start : q.end] == q.text
        assert q.citations and all(n in by_n for n in q.citations)
        src = by_n[q.citations[0]]
        assert src.doc == q.doc and src.start <= q.start and q.end <= src.end


def test_global_times_editor(pipeline):
    ans = pipeline.answer(GT_QUESTION)
    assert not ans.abstained
    assert ans.short_answer == "Hu Xijin"
    assert ans.quotes[0].doc == GT_FILE and "Hu Xijin" in ans.quotes[0].text
    assert 0.5 < ans.confidence <= 1.0
    _check_citations(ans, pipeline.index)


def test_unmentioned_subject_is_declined(pipeline):
    ans = pipeline.answer("What did the Pope say about the summit?")
    assert ans.abstained and ans.quotes == [] and ans.short_answer is None
    assert ans.sources, "closest passages are still listed"
    assert 0.0 <= ans.confidence < 0.5


def test_a_figure_the_best_sentence_does_not_hold_is_declined(pipeline):
    # the articles speak of the trade war but give no surplus: a sentence covering
    # every word of the question but holding no figure does not answer "how large"
    ans = pipeline.answer("How large is China's trade surplus with the US?")
    assert ans.abstained and ans.confidence < 0.5
    # the same check lets a question whose sentence holds its type through
    assert pipeline.answer("How many troops does the US keep in South Korea?").short_answer == "28,000 troops"


def test_how_someone_travelled_is_a_means_of_travel(pipeline):
    ans = pipeline.answer("How did Kim Jong-un get to Dalian?")
    assert not ans.abstained and "private jet" in ans.quotes[0].text
    # the vehicle is the answer itself: it outranks sentences that only cover the
    # follow-up's words ("Kim Jong-un's visit to China for the second time ...")
    conv = pipeline.conversation()
    conv.ask("In which city did Kim Jong-un meet Xi in May 2018?")
    assert conv.ask("How did he get there?").short_answer == "his private jet"
    # no sentence says how he reached Beijing (a photo of his motorcade is no answer)
    assert pipeline.answer("How did Kim travel from Pyongyang to Beijing for the January 2019 visit?").abstained
    # neither alternative of an either-or question is in the articles
    assert pipeline.answer("Did Kim travel to Beijing in January 2019 by train or by plane?").abstained
    assert not pipeline.answer("Did Kim fly to Dalian or take the train?").abstained


def test_an_amount_the_articles_never_give_is_declined(pipeline):
    # "the two countries" is a count, not an amount of aid
    assert pipeline.answer("How much economic aid did Beijing promise Pyongyang during the trip?").abstained


def test_a_relative_the_articles_never_mention_is_declined(pipeline):
    # "daughter" is found nowhere in the articles: a kinship word is what is asked, not
    # an answer type, so Kim's other relatives do not answer it
    assert pipeline.answer("What is the name of Kim Jong-un's daughter?").abstained
    assert pipeline.answer("Who is Kim Jong-un's son?").abstained
    assert pipeline.answer("What is the name of Kim Jong-un's wife?").short_answer == "Ri Sol-ju"


def test_follow_up_uses_the_conversation(pipeline):
    conv = pipeline.conversation()
    conv.ask(GT_QUESTION)
    ans = conv.ask("Where did he comment on Kim's visit?")
    assert not ans.abstained and "Hu Xijin" in ans.quotes[0].text
    assert "Twitter" in (ans.short_answer or "")
    # a fresh conversation has no one to call "he"
    alone = pipeline.conversation().ask("Where did he comment on Kim's visit?")
    assert alone.resolved_question is None


def test_follow_up_without_words_of_its_own_is_answered(pipeline):
    # "In which months?" has no term of its own: all it asks about is carried. It used
    # to count as wholly unseen and was declined.
    conv = pipeline.conversation()
    conv.ask("Where did Kim first meet Trump in person last June?")
    conv.ask("How many times did Kim go to China before that meeting?")
    ans = conv.ask("In which months?")
    assert not ans.abstained
    assert any("twice in March and May" in q.text for q in ans.quotes)
    # a first question without words still has nothing to find
    assert pipeline.conversation().ask("What is it?").abstained


def test_the_trip_of_a_follow_up_is_the_one_the_previous_turn_asked_about(pipeline):
    # No pronoun says "What was the trip intended to achieve?" leans on the
    # conversation, but "the trip" is Pompeo's, not Kim's trip to China that every
    # article is about; and what it was for is written "to finalize ...", a purpose.
    conv = pipeline.conversation()
    conv.ask("What is Mike Pompeo's title?")
    second = conv.ask("When did he go to North Korea?")
    assert second.resolved_question == "When did Mike Pompeo go to North Korea?"
    ans = conv.ask("What was the trip intended to achieve?")
    assert not ans.abstained
    assert "Pompeo" in ans.quotes[0].text
    assert "finalize a date and location" in (ans.short_answer or "")


def test_speaker_named_at_the_end_of_a_long_quote(pipeline):
    # Ding is named two sentences after the explanation, at the end of the quoted
    # paragraph: the paragraph counts as the sentence's context for his name.
    ans = pipeline.answer("Why would punishing American firms be risky for Beijing, according to Ding Xueliang?")
    assert "depressed Chinese economy" in ans.quotes[0].text
    assert ans.quotes[0].doc.startswith("002_")


def test_a_quote_running_on_into_the_next_paragraph_keeps_its_speaker(pipeline):
    # '"...," he said.' (Lim Eul-chul) is followed by a paragraph that is all quotation
    # and names nobody: by newspaper convention the same man is still speaking
    table = pipeline._parts()[2]
    (row,) = [r for r, s in enumerate(table.rows) if s.text.startswith("But this can be realized sometime after")]
    assert table.speaker[row] == {"lim", "eul", "chul"}
    # a quoted paragraph after narration is nobody's in particular
    (row,) = [r for r, s in enumerate(table.rows) if s.text.startswith("\"In this year's address, Kim mentioned")]
    assert row not in table.speaker
    conv = pipeline.conversation()
    conv.ask("Which professor at Kyungnam University spoke about Kim's trip?")
    ans = conv.ask("When does he expect a three-way summit to be possible?")
    assert ans.short_answer == "sometime after the second Washington-Pyongyang summit"


def test_he_added_is_the_speaker_named_in_the_attribution_before(pipeline):
    # "..., he added." follows "..., said Yun, a retired U.S. diplomat": the sentence
    # speaks for Joseph Yun (named in full further up) as if it named him.
    table = pipeline._parts()[2]
    added = [sp for r, sp in table.speaker.items() if table.rows[r].text.endswith("he added.")]
    assert added == [{"joseph", "yun"}]
    ans = pipeline.answer("When does Joseph Yun think the next summit will be arranged?")
    assert ans.short_answer == "end of February or early March"
    assert ans.quotes[0].text.endswith("he added.")
    ans = pipeline.answer("According to Kim Hyun-wook, who would dominate the talks without China?")
    assert ans.quotes[0].text.startswith("Without China, the talks cannot but be dominated by the US")
    # a chunk boundary falls between "said Yun" and "he added": the quote still counts
    # as relevant as the passage naming him, and is among the quotes
    (row,) = [r for r in table.speaker if table.rows[r].text.endswith("he added.")]
    assert "said Yun" in table.rows[table.said_in[row]].text
    ans = pipeline.answer("When did Joseph Yun expect the second Trump-Kim summit to take place?")
    assert any("end of February or early March" in q.text for q in ans.quotes)


def test_why_answer_leads_with_the_cause_stated_just_before(pipeline):
    # The sentence naming Bennett restates the effect; its cause is the sentence before.
    ans = pipeline.answer(
        "Why would China easing sanctions make such a big difference to North Korea, according to Bennett?"
    )
    assert ans.short_answer == "because China is North Korea’s major trading partner"
    assert "major trading partner" in ans.quotes[0].text
    assert any("said Bennett" in q.text for q in ans.quotes[1:])


def test_follow_up_finds_what_he_said_next(pipeline):
    # "he" is Bruce Bennett; the answer is his next sentence, which names him only as "he"
    conv = pipeline.conversation()
    assert (
        conv.ask("Which RAND Corporation researcher commented on the Kim-Xi meeting?").short_answer == "Bruce Bennett"
    )
    ans = conv.ask("What does he think Kim fears Trump will tell him?")
    assert ans.resolved_question == "What does Bruce Bennett think Kim fears Trump will tell him?"
    assert "enough is enough" in ans.quotes[0].text


def test_follow_up_about_a_named_person_is_not_pulled_back_to_the_first_question(pipeline):
    # The office's name ends before the person's; once "he" is Christopher Hill, the
    # first question's other words (his title, RFA) no longer steer the answer
    conv = pipeline.conversation()
    first = conv.ask("Which former Assistant Secretary of State for East Asia spoke to RFA's Korean Service?")
    assert first.short_answer == "Christopher Hill"
    ans = conv.ask("What is he worried Beijing may be pressing Kim to insist on?")
    assert ans.resolved_question == "What is Christopher Hill worried Beijing may be pressing Kim to insist on?"
    assert "28,000 troops" in ans.quotes[0].text
    # "..., he added." quotes the diplomat the first question found
    conv = pipeline.conversation()
    conv.ask("Which retired American diplomat at the US Institute for Peace said Kim was sending a dual message?")
    ans = conv.ask("When did he expect the next Trump-Kim meeting to happen?")
    assert any("end of February or early March" in q.text for q in ans.quotes)


def test_corroborated_fact_cites_several_articles(pipeline):
    ans = pipeline.answer("Which visit to China is this for Kim?")
    cited_docs = {s.doc for q in ans.quotes for s in ans.sources if s.n in q.citations}
    assert len(cited_docs) >= 2
    _check_citations(ans, pipeline.index)


@pytest.mark.parametrize(
    "bad, msg", [("", "empty"), ("   \n\t", "empty"), ("?!", "not a question"), ("x" * 5000, "characters long")]
)
def test_bad_questions_get_clear_errors(pipeline, bad, msg):
    with pytest.raises(QuestionError, match=msg):
        pipeline.answer(bad)


def test_cli_ask_json(pipeline, config):
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    cmd = [
        sys.executable,
        "-m",
        "rag.cli",
        "ask",
        GT_QUESTION,
        "--json",
        "--index",
        str(config.index_dir),
        "--seeds",
        str(config.seeds_dir),
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    rec = json.loads(out.stdout)
    assert set(rec) >= {"question", "short_answer", "quotes", "sources", "confidence", "abstained", "latency_ms"}
    assert rec["short_answer"] == "Hu Xijin"
    q = rec["quotes"][0]
    assert q["doc"] == GT_FILE and set(q) >= {"text", "citations", "doc", "start", "end", "score"}
    assert any(s["doc"] == GT_FILE and s["n"] in q["citations"] for s in rec["sources"])


def test_cli_bad_k_is_one_line(config):
    out = subprocess.run(
        [sys.executable, "-m", "rag.cli", "ask", "Who?", "--k", "0"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert out.returncode == 2 and "--k 0 is out of range" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize(
    "question, short",
    [
        ("Who is Lu Kang?", "Chinese Foreign Ministry spokesman"),
        ("Who is Bruce Bennett?", "a researcher for the RAND Corporation"),
        # a person's job or career is the description beside the name; a field, what
        # the title says he teaches
        ("What is Shi Yinhong's field?", "political science"),
        ("What does Lu Kang do?", "Chinese Foreign Ministry spokesman"),
        ("What is Kim Hyun-wook's job?", "a professor at the National Korea Diplomatic Academy"),
        ("What does KCNA stand for?", "Korean Central News Agency"),
        ("Who translated the RFA article?", "Yewon Ji"),
        # an outlet known only by its web domain (koreatimes.co.kr)
        ("Who wrote the Korea Times article saying North Korea and the U.S. are poised for talks?", "Lee Min-hyung"),
        ("What kind of newspaper is the Global Times?", "communist party backed nationalist tabloid"),
        # the outlet named decides which article's byline answers
        (
            "Who reported the Sputnik story saying Kim's visit could give China leverage in the trade talks?",
            "Tommy Yang",
        ),
        # the role asked for is named next to the answer; place words are not a name
        (
            "Which former U.S. ambassador to South Korea now heads the Korea Economic Institute of America?",
            "Kathleen Stephens",
        ),
        # "family member" is asked for; the article says "his younger sister"
        ("Which family member of Kim's went with him to Dalian?", "Kim Yo-jong"),
        # "what school" asks for the organisation he works at, here a university
        ("Shin Sangjin teaches at what school?", "Kwangwoon University"),
        # the question's "from" is no anchor: "the green light from Xi Jinping" is not
        # the diplomat "from the US Institute for Peace"
        # named by surname there, in full in an earlier sentence, which is quoted too
        ("Which retired US diplomat from the US Institute for Peace spoke on the Washington panel?", "Joseph Yun"),
        # "what year" is the year; "when" keeps its preposition, at the words of "come
        # to power" ("taking office in 2012"), not at "Kim ... last March"
        ("What year did Kim Jong-un take office?", "2012"),
        ("When did Kim Jong-un come to power?", "in 2012"),
        ("what yr did kim jong un come to power?", "2012"),
    ],
)
def test_short_answer_types(pipeline, question, short):
    ans = pipeline.answer(question)
    assert not ans.abstained and ans.short_answer == short
    assert short in ans.quotes[0].text


def test_two_part_question_quotes_both_parts(pipeline):
    ans = pipeline.answer(
        "Who said on Twitter that the timing of Kim's visit was linked to the second Trump summit, "
        "and who told Sputnik the timing was no coincidence?"
    )
    assert ans.short_answer == "Hu Xijin"
    assert len(ans.quotes) >= 2
    # the second part's sentence says "The expert pointed out ..."; the sentence before
    # it names him, and is quoted too
    assert any("Ding Xueliang" in q.text for q in ans.quotes)


def test_two_part_question_answers_the_part_the_articles_answer(pipeline):
    # The articles say nothing of gifts: one confident part is an answer, and the
    # unsure part gets no quote of its own.
    ans = pipeline.answer(
        "According to KCNA, what dates did Kim's January 2019 trip cover, and what gifts did Xi give him?"
    )
    assert not ans.abstained
    assert ans.short_answer == "Jan. 7-10"
    assert "KCNA" in ans.quotes[0].text
    assert not any("gift" in q.text.lower() for q in ans.quotes)


def test_a_later_part_saying_it_is_searched_with_the_first_part(pipeline):
    # "on which weekday was it due to end?" alone matches any weekday; read with the
    # first part (Kim's trip) it finds "his visit this week, which ends on Thursday".
    # "due to" says when, not what: the word appears nowhere and must not count as unseen.
    ans = pipeline.answer(
        "According to KCNA, what dates did Kim's January 2019 trip cover, and on which weekday was it due to end?"
    )
    assert ans.short_answer == "Jan. 7-10"
    assert "KCNA" in ans.quotes[0].text
    assert any("which ends on Thursday" in q.text for q in ans.quotes[1:])
    assert not any("Wednesday" in q.text for q in ans.quotes)


def test_a_later_part_saying_he_is_asked_about_the_first_parts_subject(pipeline):
    from rag.pipeline import replace_pronoun, subject_of

    assert subject_of("Where did Kim meet Xi on his second visit to China?") == "Kim"
    assert replace_pronoun("where did he later hold his first summit with Trump?", "Kim") == (
        "where did Kim later hold his first summit with Trump?"
    )
    assert replace_pronoun("what was his role?", "Shi") == "what was Shi's role?"
    # the second part is asked about Kim alone, not about meeting Xi in China
    ans = pipeline.answer(
        "Where did Kim meet Xi on his second visit to China, and where did he later hold his first summit with Trump?"
    )
    assert any("Singapore summit with Trump" in q.text for q in ans.quotes)


def test_passages_are_reordered_by_their_best_sentence(pipeline):
    ans = pipeline.answer("Who is the editor in chief of the Global Times?")
    first = ans.passages[0].chunk
    q = ans.quotes[0]
    # the passage ranked first is the one holding the quoted sentence
    assert first.doc_id == q.doc and first.start <= q.start and q.end <= first.end
    assert sorted(h.chunk.chunk_id for h in ans.passages) == sorted({h.chunk.chunk_id for h in ans.passages})


def test_why_answer_quotes_the_explanation_that_follows(pipeline):
    ans = pipeline.answer(
        "Why does Ding Xueliang believe the overlap of Kim's visit with the trade talks was deliberate?"
    )
    assert "not a coincidence" in ans.quotes[0].text
    # the reason is the next sentence of the same article, quoted too
    assert any("sensitive to" in q.text and q.doc == ans.quotes[0].doc for q in ans.quotes[1:])


def test_a_name_in_the_headline_is_what_its_sentences_are_about(tmp_path, embedder):
    # The answer names Luther only in its headline and says "he"; the other article
    # names him in the sentence itself, about someone else's death.
    from rag.config import Config
    from rag.pipeline import Pipeline

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "reformer.txt").write_text(
        "The Last Years of Martin Luther\n\n"
        "His health had been poor for years. He preached in Eisleben that winter.\n\n"
        "The journey was hard on him. He died there on 18 February 1546, aged 62.\n"
    )
    (seeds / "family.txt").write_text(
        "A Family in Wittenberg\n\n"
        "The household was large and busy. Six children were born in eight years.\n\n"
        "Elizabeth, a daughter of Luther, died on 3 August 1528 as an infant.\n"
    )
    p = Pipeline(Config(seeds_dir=seeds, index_dir=tmp_path / "index"), embedder, log=lambda s: None)
    p.load()
    ans = p.answer("When did Martin Luther die?")
    assert ans.quotes[0].doc == "reformer.txt" and "18 February 1546" in ans.quotes[0].text
    assert "18 February 1546" in (ans.short_answer or "")


def test_who_went_with_him_is_a_companion_not_whom_he_met(pipeline):
    # "Who travelled with Kim" asks for his companions ("Accompanying Kim was his younger
    # sister Kim Yo-jong"), not for Xi, whom the sentence about Dalian says he met; and
    # "Kim Yo-jong" is a new name, though it shares two stems with "Kim Jong-un"
    ans = pipeline.answer("Who travelled with Kim Jong-un to Dalian?")
    assert ans.short_answer == "Kim Yo-jong" and ans.quotes[0].text.startswith("Accompanying Kim")
    conv = pipeline.conversation()
    conv.ask("In which Chinese city did Kim meet Xi on his second trip to China?")
    assert conv.ask("Who went there with him?").quotes[0].text.startswith("Accompanying Kim")


def test_a_surname_answer_is_given_with_the_full_name_quoted(pipeline):
    # "..., said Stephens, president and CEO of ..." names her in full two paragraphs up:
    # that sentence leads, since the short answer is always in the first quote, and
    # the one that answers follows
    ans = pipeline.answer("Who runs the Korea Economic Institute of America?")
    assert ans.short_answer == "Kathleen Stephens"
    assert "Kathleen Stephens" in ans.quotes[0].text
    assert "president and CEO of the Washington-based Korea Economic Institute" in ans.quotes[1].text


def test_a_follow_up_pronoun_is_a_person_not_a_place_in_the_question(pipeline):
    from rag.pipeline import subject_of

    assert subject_of("Who said China should press the UN Security Council on North Korea?") is None
    conv = pipeline.conversation()
    first = conv.ask(
        "Which North Korean studies professor told the Korea Times that China would welcome Kim's gesture?"
    )
    assert first.short_answer == "Lim Eul-chul"
    ans = conv.ask("When does he think a three-way summit could happen?")
    assert ans.resolved_question.startswith("When does Lim Eul-chul")
    assert "second Washington-Pyongyang summit" in (ans.short_answer or "")


def test_an_outlet_that_quoted_someone_is_not_a_word_to_find(pipeline):
    # VOA is nowhere in its own article's text: "did VOA quote" must not sink the answer
    ans = pipeline.answer("Which political science professor did VOA quote on Kim's visit?")
    assert not ans.abstained and ans.short_answer == "Shi Yinhong"


def test_a_two_part_questions_passages_lead_with_the_parts_answers(pipeline):
    ans = pipeline.answer(
        "According to KCNA, what dates did Kim's January 2019 trip cover, and on which weekday was it due to end?"
    )
    assert ans.short_answer == "Jan. 7-10"
    top = ans.passages[0].chunk
    assert top.doc_id == ans.quotes[0].doc and top.start <= ans.quotes[0].start < top.end


def test_a_yes_no_question_needs_a_sentence_saying_what_it_asks(pipeline):
    # no article mentions a train: quoting the visit's headline says nothing either way
    assert pipeline.answer("Did Kim take his armored train to Beijing in January 2019?").abstained
    ans = pipeline.conversation()
    ans.ask("Who is Lim Eul-chul?")
    got = ans.ask("Does he expect a trilateral summit anytime soon?")
    assert not got.abstained and "unlikely to take place in the very near future" in got.quotes[0].text


def test_how_much_money_wants_an_amount(pipeline):
    # the articles give no trade figure: "one of ..." is not one
    assert pipeline.answer("How much is trade between China and North Korea worth each year?").abstained
    # a cost is a sum of money: the date in "Jan. 8, 2019" is no price
    assert pipeline.answer("How much did Kim's January 2019 trip to Beijing cost?").abstained


def test_what_were_the_dates_asks_for_dates(pipeline):
    ans = pipeline.answer("According to North Korean state media, what were the dates of Kim's January trip to China?")
    assert ans.short_answer == "Jan. 7-10"


def test_name_the_x_and_the_y_quotes_both(pipeline):
    ans = pipeline.answer("Name the Renmin University professor quoted by VOA and the RAND researcher quoted by RFA.")
    said = " ".join(q.text for q in ans.quotes)
    assert not ans.abstained and "Shi Yinhong" in said and "Bruce Bennett" in said


def test_a_date_question_asking_for_several_gets_several(pipeline):
    ans = pipeline.answer("In which months did Kim visit China before his Singapore summit with Trump?")
    assert ans.short_answer == "March and May"


def test_what_sort_of_x_wants_a_phrase_naming_an_x(pipeline):
    conv = pipeline.conversation()
    conv.ask("Which US secretary of state went to North Korea to settle a date and venue for the summit?")
    ans = conv.ask("What sort of process did he say Washington had no interest in?")
    assert ans.short_answer == "step-by-step process"


def test_a_yes_no_follow_up_in_other_words_is_answered(pipeline):
    # "just chance" / "not a coincidence", "three-way" / "trilateral": the sentence
    # states under half of the question's words, yet it is the answer
    conv = pipeline.conversation()
    conv.ask("Who is the Shenzhen University expert Sputnik interviewed?")
    ans = conv.ask("Does he think it was just chance that the visit came during the trade talks?")
    assert not ans.abstained
    assert "not a coincidence" in ans.quotes[0].text
    conv = pipeline.conversation()
    conv.ask("Which Kyungnam University professor did the Korea Times quote?")
    ans = conv.ask("Does he expect a three-way summit with the US and China to happen soon?")
    assert not ans.abstained
    assert "trilateral summit is unlikely" in ans.quotes[0].text
    # a yes/no question the articles say nothing about is still declined
    assert pipeline.answer("Did Kim celebrate his birthday in Beijing?").abstained


@pytest.mark.parametrize(
    "question, short",
    [
        # the short answer to a yes/no question is the words stating or denying it
        ("Was Kim's January 2019 trip to Beijing announced ahead of time?", "unannounced visit"),
        ("Did China back the sanctions against North Korea?", "China backed the US-led international sanctions"),
        (
            "Does Lim Eul-chul expect a trilateral summit anytime soon?",
            "unlikely to take place in the very near future",
        ),
        ("Is Twitter blocked in China?", "Twitter is blocked in China"),
    ],
)
def test_yes_no_short_answers_state_or_deny_what_is_asked(pipeline, question, short):
    ans = pipeline.answer(question)
    assert not ans.abstained and ans.short_answer == short


def test_a_current_role_is_the_title_now_not_a_former_one(pipeline):
    # "said Yun, a retired U.S. diplomat" describes him too, but as what he was
    conv = pipeline.conversation()
    conv.ask("When does Joseph Yun expect the second Trump-Kim summit?")
    ans = conv.ask("And what's his current role?")
    assert ans.short_answer == "Senior Adviser to the Asia Program at the US Institute for Peace"


def test_a_reaction_needs_the_person_reacting(pipeline):
    # the articles say Kim met Moon three times, never how Moon took the trip; typed
    # without capitals, the names are still read as names
    for q in (
        "How did Moon Jae-in react to Kim's January trip to Beijing?",
        "how did moon jae-in react to kim's trip?",
        "What was Moon Jae-in's reaction to Kim's January trip to China?",
    ):
        ans = pipeline.answer(q)
        assert ans.abstained, (q, ans.quotes[:1])
    conv = pipeline.conversation()
    ans = conv.ask("what did pompeo say about a step-by-step approach?")
    assert not ans.abstained and "step-by-step process" in ans.quotes[0].text
    assert ans.question == "what did pompeo say about a step-by-step approach?"  # as typed


def test_someones_words_about_something_else_do_not_answer(pipeline):
    ans = pipeline.answer("What did Lu Kang say about US tariffs on Chinese goods?")
    assert ans.abstained and ans.confidence < 0.5
    assert pipeline.answer("What did Joseph Yun say about the American troops in South Korea?").abstained


def test_a_why_question_restated_is_not_its_reason(pipeline):
    # "Twitter is blocked in China." is all the articles say of it
    assert pipeline.answer("Why is Twitter blocked in China?").abstained
    ans = pipeline.answer("Why would punishing American companies be risky for Beijing?")
    assert not ans.abstained and "depressed Chinese economy" in ans.quotes[0].text


def test_whether_something_happened_needs_a_sentence_saying_so(pipeline):
    # the articles say the trade talks took place, never how they ended
    ans = pipeline.answer("Did the vice-minister-level US-China trade talks end with a deal?")
    assert ans.abstained, ans.quotes[:1]
    assert pipeline.answer("Has Xi Jinping agreed to make a trip to Pyongyang?").abstained
    # "Accompanying Kim was his younger sister" says it, in other words for the names
    ans = pipeline.answer("Was Kim accompanied by his sister on the Dalian trip?")
    assert not ans.abstained and "younger sister" in ans.quotes[0].text


def test_a_question_for_a_persons_name_needs_a_sentence_naming_one(pipeline):
    # the Global Times quoted "one analyst" it does not name
    ans = pipeline.answer("What was the name of the analyst the Global Times quoted about 2019?")
    assert ans.abstained and ans.short_answer is None


def test_which_minister_came_along_is_a_companion(pipeline):
    # the foreign minister travelling with Kim, not the Chinese one he held talks with
    conv = pipeline.conversation()
    conv.ask("Which relative accompanied Kim on the Dalian trip?")
    ans = conv.ask("and which foreign minister came along?")
    assert ans.short_answer == "Ri Yong-ho" and "Accompanying Kim" in ans.quotes[0].text


def test_which_of_them_chooses_among_those_the_previous_answer_named(pipeline):
    # the Dalian article also names China's foreign minister, Wang Yi; "among them" is
    # among the officials who went with Kim, whom the previous answer quoted
    for follow in ("And who was the foreign minister among them?", "Which of them is the foreign minister?"):
        conv = pipeline.conversation()
        first = conv.ask("Who travelled with Kim to Dalian?")
        assert "Ri Yong-ho" in first.quotes[0].text
        ans = conv.ask(follow)
        assert not ans.abstained and ans.short_answer == "Ri Yong-ho", (follow, ans.short_answer)


def test_what_was_on_the_menu_needs_a_sentence_naming_it(pipeline):
    # the articles say Kim attended a formal banquet, never what was eaten there
    assert pipeline.answer("what was on the menu at the banquet in Dalian?").abstained
    assert pipeline.answer("What was served at the formal banquet Kim attended in Dalian?").abstained
    # what was discussed is answered by the sentence saying he held discussions
    # a model's name is not "his private jet"
    assert pipeline.answer("What model of private jet did Kim fly to Dalian on?").abstained
    ans = pipeline.answer("What was discussed at the meeting in Dalian?")
    assert not ans.abstained and "held discussions" in ans.quotes[0].text


def test_words_said_at_an_occasion_need_a_sentence_naming_it(pipeline):
    # Hu Xijin said it on Twitter; the briefing was Lu Kang's
    assert pipeline.answer("What did Hu Xijin say at the foreign ministry's Tuesday press briefing?").abstained
    ans = pipeline.answer("What did Lu Kang say at Tuesday's briefing?")
    # "Lu Kang had this to say when asked ...": his words, then the sentence announcing them
    assert not ans.abstained and "regular briefing" in ans.quotes[1].text
    assert (
        ans.short_answer
        == "China has always supported North Korea and the U.S. to hold talks and to reach a positive outcome"
    )


def test_a_visit_by_someone_else_does_not_answer(pipeline):
    # Kim went to China; no article has Xi travel to Pyongyang
    for q in ("When did Xi Jinping make a visit to Pyongyang?", "How many times has Xi Jinping visited Pyongyang?"):
        assert pipeline.answer(q).abstained, q
    # the one the headlines are about is "the North Korean leader" as often as "Kim"
    ans = pipeline.answer("According to Zhao Tong, what might explain Kim's surprise trip to Beijing?")
    assert not ans.abstained and "uncertainty about the second summit" in ans.quotes[0].text
    assert pipeline.answer("When did Pompeo travel to North Korea?").short_answer == "Wednesday"


def test_who_said_a_quotation_attributed_with_he_said_names_the_speaker(pipeline):
    # '"I think that Kim is worried that the President will tell him ..." he said': the
    # speaker is named two sentences before, and his sentence leads the quotes
    ans = pipeline.answer("who said kim is worried trump will tell him 'enough is enough'?")
    assert ans.short_answer == "Bruce Bennett" and "Bruce Bennett" in ans.quotes[0].text
    assert "enough is enough" in ans.quotes[1].text


def test_the_other_expert_is_someone_else_in_the_same_article(pipeline):
    conv = pipeline.conversation()
    conv.ask("According to Kim Dong-yub, how does China view North Korea?")
    ans = conv.ask("and the other professor in that story - which institution is he from?")
    assert ans.short_answer == "National Korea Diplomatic Academy"
    conv = pipeline.conversation()
    conv.ask("Who is the senior director of research at the Asan Institute quoted by the Korea Times?")
    conv.ask("What does he say North Korea needs from China?")
    ans = conv.ask("and the other expert in that article - does he think a three-way summit is coming soon?")
    assert not ans.abstained and "trilateral summit is unlikely" in ans.quotes[0].text


def test_a_pronoun_after_what_about_x_is_x(pipeline):
    conv = pipeline.conversation()
    assert conv.ask("Who is the editor in chief of the Global Times?").short_answer == "Hu Xijin"
    assert conv.resolve("What did he tweet?") == "What did Hu Xijin tweet?"
    assert conv.resolve("What about Lu Kang, what did he say?") is None  # he is Lu Kang


def test_a_yes_no_short_answer_runs_on_over_us_initials(pipeline):
    ans = pipeline.answer(
        "Is China happy with how the US has pursued the nuclear issue, according to Christopher Hill?"
    )
    assert ans.short_answer == "not happy with the way the U.S. has pursued"


def test_where_someone_works_and_how_long_he_is_away(pipeline):
    conv = pipeline.conversation()
    conv.ask("Which former US ambassador to South Korea spoke on that Washington panel?")
    ans = conv.ask("and where does she work now?")
    assert ans.short_answer == "Washington-based Korea Economic Institute of America"
    assert pipeline.answer("where does Bruce Bennett work?").short_answer == "RAND Corporation"
    # "away" as in the trip, not "away from isolation"
    assert pipeline.answer("how long will Kim be away?").short_answer == "four days"


def test_a_description_the_sentence_does_not_give_is_declined(pipeline):
    # RFA names Shin Sangjin's university, never his field
    conv = pipeline.conversation()
    assert conv.ask("Which Kwangwoon University professor did RFA quote?").short_answer == "Shin Sangjin"
    assert conv.ask("what's his academic field?").abstained


def test_who_else_is_someone_the_previous_answer_did_not_give(pipeline):
    conv = pipeline.conversation()
    assert conv.ask("Which family member of Kim's went along on the Dalian trip?").short_answer == "Kim Yo-jong"
    ans = conv.ask("Who else was in his entourage besides her?")
    assert not ans.abstained and ans.short_answer in ("Ri Su-yong", "Ri Yong-ho")


def test_where_a_named_person_works_needs_a_sentence_naming_them(pipeline):
    # Lim Eul-chul's university is not Lu Kang's, and Joseph Yun's institute is no university
    assert pipeline.answer("Which university does Lu Kang teach at?").abstained
    assert pipeline.answer("Which university does Joseph Yun teach at?").abstained
    # the wh-word last, and the organisation after the preposition the question asks with
    assert pipeline.answer("shin beom-chul works where?").short_answer == "Asan Institute for Policy Studies"
    assert pipeline.answer("kim hyun-wook is a professor where").short_answer == "National Korea Diplomatic Academy"
    ans = pipeline.answer("Joseph Yun is a senior adviser at which organization?")
    assert ans.short_answer == "US Institute for Peace"  # not "Asia Program", which he advises


def test_a_sibling_is_a_relative_and_an_official_is_not(pipeline):
    assert pipeline.answer("Which sibling of Kim travelled with him to Dalian?").short_answer == "Kim Yo-jong"
    assert pipeline.answer("Which official traveled with Kim to Dalian?").short_answer == "Ri Su-yong"


def test_a_job_title_needs_a_post(pipeline):
    # "his younger sister Kim Yo-jong" is kin, not a title
    assert pipeline.answer("What is Kim Yo-jong's official job title?").abstained
    assert pipeline.answer("What post does Hu Xijin hold?").short_answer == "the editor in chief at the Global Times"
    assert "ambassador" in pipeline.answer("what is kathleen stephens' title").short_answer


def test_a_dollar_value_needs_a_sum_of_money(pipeline):
    assert pipeline.answer("what was the dollar value of the trade deal the US and China agreed on?").abstained


def test_each_part_of_a_two_part_question_cites_its_own_article(pipeline):
    ans = pipeline.answer("Who wrote the Korea Herald piece and who wrote the Korea Times one?")
    assert ans.short_answer == "Ock Hyun-ju"
    assert [q.text for q in ans.quotes[:2]] == ["By Ock Hyun-ju (laeticia.ock@heraldcorp.com)", "By Lee Min-hyung"]
    ans = pipeline.answer(
        "who's the renmin university prof VOA quoted, and who's the shenzhen university guy sputnik talked to?"
    )
    # "Renmin University's Shi" is Shi Yinhong, named in full earlier in the article
    assert ans.short_answer == "Shi Yinhong"
    assert any("Ding Xueliang" in q.text for q in ans.quotes)


def test_a_span_of_dates_says_how_long(pipeline):
    ans = pipeline.answer("how long was kim's china trip supposed to last according to KCNA?")
    assert ans.short_answer == "Jan. 7-10"


def test_what_would_follow_is_the_reason_not_to(pipeline):
    ans = pipeline.answer("Why wouldn't China just go after US companies operating in China to retaliate?")
    assert ans.short_answer == "it could risk putting more pressure on the depressed Chinese economy"


def test_a_long_description_after_the_name(pipeline):
    ans = pipeline.answer("who is Zhao Tong?")
    assert ans.short_answer.startswith("a fellow in Carnegie’s Nuclear Policy Program")


def test_a_view_asked_of_someone_is_looked_for_in_their_words(pipeline):
    # his words run over a paragraph that names no one until "he said"; Hu Xijin's tweet
    # says "bargaining chip" too, but is not Zhao's view
    ans = pipeline.answer("does Zhao Tong think China can use North Korea as a bargaining chip in the trade talks?")
    assert ans.quotes[0].text.startswith("That’s because North Korea is not a card China could use")
    # and a sentence that is no one's words is not Kathleen Stephens' prediction
    assert pipeline.answer("When did Kathleen Stephens predict the second Trump-Kim summit would take place?").abstained


def test_the_subject_someone_teaches_is_in_their_title(pipeline):
    conv = pipeline.conversation()
    conv.ask("Which Renmin University professor commented on Kim's January trip to Beijing?")
    assert conv.ask("what subject does he teach").short_answer == "political science"
    assert pipeline.answer("what field does Lim Eul-chul study?").short_answer == "North Korean studies"
    # "a professor at the National Korea Diplomatic Academy" says no subject
    assert pipeline.answer("what subject does Kim Hyun-wook teach?").abstained


def test_by_when_opens_a_second_part(pipeline):
    ans = pipeline.answer(
        "When did Joseph Yun expect the second summit, and by when was the first summit expected according "
        "to the Dalian story?"
    )
    texts = " ".join(q.text for q in ans.quotes)
    assert "end of February or early March" in texts and "mid-June" in texts


def test_a_reason_whose_subject_is_an_act_runs_on_to_its_verb(pipeline):
    ans = pipeline.answer("Why does Zhao Tong say Beijing can't rely on American promises anymore?")
    assert ans.short_answer.endswith("did not stop the Trump administration from initiating a trade war against China")


def test_what_someone_did_is_one_of_the_things_the_article_lists(pipeline):
    # "He held discussions with ..., attended a formal banquet and took a stroll on a
    # beachfront sidewalk with Xi": not what the question sets aside, nor getting there
    conv = pipeline.conversation()
    conv.ask("How did Kim travel to Dalian?")
    ans = conv.ask("Besides the talks and the banquet, what did he and Xi do together there?")
    assert ans.short_answer == "took a stroll on a beachfront sidewalk with Xi"
    conv = pipeline.conversation()
    conv.ask("What did Mike Pompeo do on Wednesday?")
    # the earlier answer was a clause, which the follow-up's context leaves out
    assert conv.ask("what was the point of the trip?").short_answer == "to finalize a date and location for the talks"


def test_who_said_it_is_the_speaker_named_where_the_quotation_ends(pipeline):
    # "“This is another example ... Xi Jinping ... I have this big China card. So I think
    # there is a dual message there,” said Joseph Yun": not Xi, and not the headline's "Experts"
    ans = pipeline.answer("Who described Kim's China trip as sending a dual message to Washington?")
    assert ans.short_answer == "Joseph Yun"


def test_paraphrased_outlet_and_role_words_find_their_sentence(pipeline):
    # "paper" is the "tabloid", "upbeat" the "optimistic report"; "spokesperson" is the
    # "spokesman", and "the voa story" typed in lower case is the article with no outlet
    assert pipeline.answer(
        "Which Chinese paper ran an upbeat piece saying 2019 might be a landmark year?"
    ).short_answer == ("Global Times")
    assert (
        pipeline.answer("name of the chinese foreign ministry spokesperson in the voa story?").short_answer == "Lu Kang"
    )


def test_a_reason_runs_past_an_abbreviation(pipeline):
    ans = pipeline.answer("why does the asan institute analyst say pyongyang needs beijing before talking to trump?")
    assert ans.short_answer.startswith("to carry out negotiations with the U.S")


def test_an_ordinal_counts_only_the_occasions_asked_about(pipeline):
    # "an expected second summit" is no count of visits; "his fourth visit" is
    ans = pipeline.answer("how many times had kim visited china as of the jan 2019 trip?")
    assert ans.short_answer == "fourth"


def test_a_count_of_something_else_is_no_number_of_times(pipeline):
    # "quoting one analyst" counts analysts; "been to China" is a visit
    ans = pipeline.answer("how many times has kim been to china in the past year per voa?")
    assert ans.short_answer == "fourth"


def test_a_bylines_date_is_not_the_date_of_what_the_article_reports(pipeline):
    ans = pipeline.answer("what dates did KCNA give for the January 2019 visit?")
    assert ans.short_answer == "Jan. 7-10"


def test_how_someone_characterized_it_is_their_quoted_words(pipeline):
    ans = pipeline.answer("How did Christopher Hill characterize this week's meetings in Beijing?")
    assert ans.short_answer == "part of the process of warming between North Korea and China"


def test_what_someone_tweeted_is_declined_of_another_persons_tweet(pipeline):
    ans = pipeline.answer("What did Lu Kang tweet about the timing of Kim's visit?")
    assert ans.abstained
    ans = pipeline.answer("What did Hu Xijin tweet about the timing of Kim's visit?")
    assert not ans.abstained and "clearly linked to the planned second summit" in (ans.short_answer or "")


def test_fm_spokesman_is_the_foreign_ministry_spokesman(pipeline):
    ans = pipeline.answer("who's the chinese FM spokesman quoted about the beijing visit?")
    assert not ans.abstained and ans.short_answer == "Lu Kang"


def test_where_an_event_was_is_the_place_that_hosted_it(pipeline):
    # not where Kim went ahead of it ("visit to China"), nor the G20 summit's Argentina
    ans = pipeline.answer("where was the Trump summit?")
    assert ans.short_answer == "Singapore"
    assert pipeline.answer("Where was the first Trump-Kim summit held?").short_answer == "Singapore"
    # a place given for another summit is no answer to where the next one will be
    assert pipeline.answer("Where is the second Trump-Kim summit going to be held?").abstained


def test_what_org_someone_runs_is_the_body_they_head(pipeline):
    conv = pipeline.conversation()
    conv.ask("who was the former us ambassador on that washington panel?")
    ans = conv.ask("what org does she run now?")
    assert ans.short_answer == "Washington-based Korea Economic Institute of America"


def test_does_the_role_agree_finds_that_persons_view(pipeline):
    ans = pipeline.answer("does the carnegie fellow agree nk is a card china can play?")
    assert not ans.abstained
    assert ans.short_answer == "not a card China could use"


def test_a_reason_restated_is_followed_by_the_sentence_giving_it(pipeline):
    ans = pipeline.answer(
        "why is china annoyed with how the us handled the nuke issue, according to the ex assistant secretary of state"
    )
    assert "ignored other players in the region" in ans.quotes[0].text


def test_a_quotations_opening_sentence_is_its_speakers_words(pipeline):
    # "“Kim wants China’s support." is Bruce Bennett's, named at the quotation's end
    conv = pipeline.conversation()
    conv.ask("who's the rand guy quoted about kim going to china")
    conv.ask("what does he reckon kim is worried about?")
    ans = conv.ask("and what does he say kim wants from beijing?")
    assert ans.short_answer == "China’s support"


def test_which_two_professors_quotes_both(pipeline):
    # "which two ... professors get quoted": people, and each is quoted
    ans = pipeline.answer("which two kyungnam university professors get quoted across these articles?")
    said = " ".join(x.text for x in ans.quotes)
    assert "Lim Eul-chul" in said and "Kim Dong-yub" in said


def test_someone_titled_somewhere_is_no_place(pipeline):
    # "the green light from Xi Jinping": he is "President Xi Jinping" elsewhere
    conv = pipeline.conversation()
    conv.ask("when does joseph yun think the second trump kim summit will happen?")
    ans = conv.ask("and where does he think they'll hold it?")
    assert ans.abstained
    assert "Xi Jinping" in pipeline._parts()[2].titled


def test_a_lower_case_question_naming_a_paper_still_reads_its_names(pipeline):
    # "korea herald" is title-cased as a paper's name, and "kim" still read as Kim
    conv = pipeline.conversation()
    conv.ask("where did kim meet xi in the korea herald story?")
    ans = conv.ask("who went with him?")
    assert ans.resolved_question == "who went with Kim?"
    assert ans.short_answer == "Kim Yo-jong"


def test_the_spokesperson_is_the_spokesman(pipeline):
    ans = pipeline.answer("what did the spokesperson say about the trade talks?")
    assert ans.quotes[0].text.endswith("Lu said.")


def test_what_made_him_think_is_answered_with_his_reason(pipeline):
    ans = pipeline.answer("What made Professor Shin Sangjin think the next summit was so close?")
    assert ans.short_answer.startswith("since President Trump has been saying possible locations")


def test_which_trip_and_how_long_this_time(pipeline):
    assert pipeline.answer("kim's in beijing again? which trip is this for him").short_answer == "fourth"
    assert pipeline.answer("How long is Kim's trip to China this time?").short_answer in ("four-day", "four days")


def test_the_rand_guy_is_the_one_holding_that_role(pipeline):
    # "guy" is how a reader calls him; his words are those of the RAND researcher
    ans = pipeline.answer("what does the rand guy say kim wants")
    assert ans.short_answer == "China’s support"


def test_who_holds_a_role_is_asked_in_the_role_word_alone(pipeline):
    # "editor" is the question's only word, and its type: the articles use it
    assert pipeline.answer("Who is the editor?").short_answer == "Hu Xijin"
    assert pipeline.answer("who is the spokesman?").short_answer == "Lu Kang"


def test_what_one_person_said_is_not_what_another_had_to_say(pipeline):
    # Lu Kang "had this to say" at the briefing; the foreign minister said nothing there
    ans = pipeline.answer("What did Foreign Minister Wang Yi tell reporters about Kim's visit at Tuesday's briefing?")
    assert ans.abstained
    assert not pipeline.answer("What did Lu Kang say at Tuesday's briefing?").abstained


def test_a_post_asked_of_someone_the_articles_give_none(pipeline):
    # "as well as officials ..." names no post of Kim's sister
    assert pipeline.answer("what's Kim's sister's official position?").abstained
    assert pipeline.answer("what is Lu Kang's job?").short_answer == "Chinese Foreign Ministry spokesman"


def test_who_saw_him_off_is_who_stood_with_him_before_he_left(pipeline):
    assert pipeline.answer("who saw Kim off in Pyongyang?").short_answer == "Ri Sol-ju"


def test_a_count_the_articles_give_differently_is_the_one_more_of_them_give(pipeline):
    # "for the second time" (May 2018) against "his fourth visit" twice (January 2019)
    assert pipeline.answer("How many times has Kim visited China?").short_answer == "fourth"


def test_what_someone_said_asked_of_nothing_else_is_any_words_of_theirs(pipeline):
    # "Mike Pompeo ... traveled to North Korea" names him but gives no words of his
    ans = pipeline.answer("What did Pompeo say?")
    assert not ans.abstained
    assert "no interest in following a step-by-step process" in ans.quotes[0].text


def test_for_the_first_time_is_no_count_of_meetings(pipeline):
    # "Kim and Xi met in person for the first time ... in late March" says which meeting
    ans = pipeline.answer("How many times has Kim met Xi?")
    assert ans.short_answer == "three"
    assert "held three summits last year" in ans.quotes[0].text


def test_a_when_question_takes_the_dated_runner_up_stating_its_event(pipeline):
    # "... if Kim is confident about meeting Trump again, ..." holds no date; "a second
    # summit will be arranged ..., probably at the end of February" is as close
    ans = pipeline.answer("When do experts think Trump and Kim will meet again?")
    assert not ans.abstained
    assert ans.short_answer == "end of February or early March"


def test_a_how_long_question_takes_the_duration_stating_the_trip(pipeline):
    # "his fourth visit in a less than a year" is no length of stay
    assert pipeline.answer("how long was kim in china for the january 2019 trip?").short_answer == "four days"


def test_who_at_a_body_is_someone_the_articles_place_there(pipeline):
    # "whether Beijing is trying its hand at playing the so-called North Korea card" names
    # no one at Carnegie; Zhao Tong is "a fellow in Carnegie's Nuclear Policy Program"
    ans = pipeline.answer("Who at Carnegie argued that North Korea isn't really a card China can play against the US?")
    assert ans.short_answer == "Zhao Tong"
    # "the Asan Institute": Shin's post names "Asan" and no institute
    assert pipeline.answer("who from the Asan Institute commented on Kim's trip?").short_answer == "Shin Beom-chul"


def test_going_to_see_someone_counts_visits(pipeline):
    # "Kim visited China twice in March and May": "go see" counts visits, as "visit" does
    ans = pipeline.answer("how many times did Kim go see Xi before the first summit?")
    assert ans.short_answer == "twice"


def test_a_yes_no_question_stated_in_other_words_but_one_is_answered(pipeline):
    # "it was not a coincidence for Kim to visit Beijing during the same days when ...":
    # "same days" for "same week"
    ans = pipeline.answer("was it a coincidence Kim went to Beijing the same week as the trade talks?")
    assert not ans.abstained
    assert ans.short_answer == "not a coincidence"


def test_being_ok_with_something_asks_a_view(pipeline):
    # "Pompeo ... said ... that the US has no interest in following a step-by-step process"
    ans = pipeline.answer("is Mike Pompeo ok with Kim's step by step idea?")
    assert not ans.abstained
    assert ans.short_answer == "no interest in following a step-by-step process"


def test_retaliating_against_firms_is_punishing_companies(pipeline):
    ans = pipeline.answer(
        "Why might Beijing prefer to lean on the North Korea issue rather than retaliate against American firms?"
    )
    assert ans.short_answer == "it could risk putting more pressure on the depressed Chinese economy"


def test_criticizing_something_is_saying_something_of_it_unless_the_question_says_so(pipeline):
    # '"On top of that, Trump criticized the China-North Korea summit in May. ...," the
    # expert said': the expert's words, which tell what Trump said of the summit
    ans = pipeline.answer("What did Trump say about the China-North Korea summit in May?")
    assert ans.short_answer == "Trump criticized the China-North Korea summit in May"
    # but asked what his criticism was, the sentence only restates the question
    assert pipeline.answer(
        "What exactly did Trump say when he criticized the China-North Korea summit in May?"
    ).abstained
