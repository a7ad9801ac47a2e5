"""Who speaks in a quotation attributed by pronoun or description (rag/speakers.py)."""

from __future__ import annotations


def _speaker_of(pipeline, opening: str) -> set[str] | None:
    table = pipeline._parts()[2]
    row = next(s.row for s in table.rows if s.text.startswith(opening))
    return table.speaker.get(row)


def test_the_expert_said_refers_back_to_the_named_expert(pipeline):
    # '"..., Shin said." then '"On top of that, Trump criticized ... . What is
    # interesting is ...," the expert said.': both sentences of the quotation are Shin's
    assert "shin" in (_speaker_of(pipeline, '"On top of that, Trump criticized') or set())
    assert "shin" in (_speaker_of(pipeline, "What is interesting is that a vice-minister") or set())


def test_a_quotation_naming_its_speaker_gives_him_no_credit_elsewhere(pipeline):
    # Zhao Tong is named at the paragraph's end; his other sentences are not credited
    # with his name, or they would outscore the one saying where he works
    assert _speaker_of(pipeline, "And it’s impossible for Chin") is None


def test_a_follow_up_finds_what_the_expert_said(pipeline):
    conv = pipeline.conversation()
    conv.ask("Who is Shin Beom-chul?")
    ans = conv.ask("What did he say Trump criticized back in May?")
    assert ans.quotes[0].text.startswith('"On top of that, Trump criticized the China-North Korea summit')


def test_a_view_given_by_name_is_that_persons(pipeline):
    table = pipeline._parts()[2]
    row = next(s.row for s in table.rows if s.text.startswith("Hill expressed concern that the Chinese"))
    assert "hill" in table.voices[row]
    # so what Hill feared is not what someone else said about the troops
    assert pipeline.answer("What did Kathleen Stephens say about withdrawing the 28,000 US troops?").abstained
    ans = pipeline.answer("What did Christopher Hill say about withdrawing the 28,000 US troops?")
    assert not ans.abstained and ans.quotes[0].text.startswith("Hill expressed concern")


def test_a_quotation_opening_its_paragraph_is_the_named_speakers_words(pipeline):
    # '"If the United States pressures China too much ... If China punishes US companies
    # ..., it could risk ... ," Ding Xueliang, director of ..., told Sputnik.': whose words
    # they are, without crediting his name to them
    table = pipeline._parts()[2]
    row = next(s.row for s in table.rows if s.text.startswith("If China punishes US companies"))
    assert "ding" in table.quote_of[row] and row not in table.speaker
    # "“From China’s perspective ... ,” he said." after "Zhao pointed out that ...": the
    # attribution is looked for before the paragraph the quotation opens
    row = next(s.row for s in table.rows if s.text.startswith("That’s because North Korea is not a card"))
    assert "zhao" in table.speaker[row]


def test_the_expert_pointed_out_narrates_the_one_quoted_before(pipeline):
    # "The expert pointed out that ..." follows Ding Xueliang's quotation; "The expert
    # argued ..." follows Zhao's. Kept apart from `speaker`, which "who is Zhao Tong?" uses
    table = pipeline._parts()[2]
    row = next(s.row for s in table.rows if s.text.startswith("The expert pointed out"))
    assert table.narrator[row] == {"ding", "xueliang"}
    row = next(s.row for s in table.rows if s.text.startswith("The expert argued"))
    assert table.narrator[row] == {"zhao", "tong"}
    assert table.speaker.get(row) is None


def test_who_is_the_scholar_saying_it_is_the_one_the_narration_means(pipeline):
    ans = pipeline.answer("who's the scholar saying the timing was no coincidence?")
    assert ans.short_answer == "Ding Xueliang"


def test_the_tweet_going_on_is_its_authors_words(pipeline):
    # "Hu Xijin, the editor in chief at the Global Times said ..." (no comma closing the
    # apposition) then '"...," the tweet went on to say.'
    table = pipeline._parts()[2]
    row = next(s.row for s in table.rows if s.text.startswith('"As to whether this is used as a bargaining chip'))
    assert table.speaker[row] == {"hu", "xijin"}
    ans = pipeline.answer("What did Hu Xijin say about the talks?")
    assert not ans.abstained
    assert any("bargaining chip" in q.text for q in ans.quotes)


def test_what_someone_tweeted_needs_a_tweet(pipeline):
    # Lu Kang spoke at a briefing: none of his words is a post
    assert pipeline.answer("What did Lu Kang tweet about the timing of Kim's visit?").abstained
    ans = pipeline.answer("What did Hu Xijin post on Twitter?")
    assert "clearly linked to the planned second summit" in ans.short_answer
