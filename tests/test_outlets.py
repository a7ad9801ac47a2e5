"""A question citing the publication it read: the citation is not content."""

from __future__ import annotations

import pytest

from rag.outlets import cited_outlet, cited_topic, outlet_docs, same_piece

from .conftest import SEEDS
from .test_conversation import _chat

KOREA_TIMES = "004_a56a2f903766f48a.txt"


@pytest.fixture(scope="module")
def corpus_lower() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))).lower()


@pytest.mark.parametrize(
    "question, stripped, outlet",
    [
        (
            "How many summit meetings did Xi and Kim have in 2018, per the VOA report?",
            "How many summit meetings did Xi and Kim have in 2018?",
            "VOA",
        ),
        (
            "Which city hosted the Kim-Xi meeting covered by the Korea Herald?",
            "Which city hosted the Kim-Xi meeting?",
            "Korea Herald",
        ),
        (
            "How long was the trip to last, according to the Korea Times?",
            "How long was the trip to last?",
            "Korea Times",
        ),
        ("Who wrote the VOA story on Kim's trip?", "Who wrote the story on Kim's trip?", "VOA"),
        # a clause citing it
        (
            "On what date did Kim hold his summit with Moon Jae-in that the Korea Herald mentions?",
            "On what date did Kim hold his summit with Moon Jae-in?",
            "Korea Herald",
        ),
        ("How many summits did Xi and Kim hold, as the VOA reported?", "How many summits did Xi and Kim hold?", "VOA"),
        ("what day does VOA say the visit ends?", "what day the visit ends?", "VOA"),
    ],
)
def test_a_publication_the_articles_never_name_is_taken_out(corpus_lower, question, stripped, outlet):
    assert cited_outlet(question, corpus_lower) == (stripped, outlet)


@pytest.mark.parametrize(
    "question",
    [
        # outlets the articles do name are content: the sentence saying so is the answer
        "According to KCNA, what dates did Kim's trip cover?",
        "According to the Global Times, what year could 2019 be like?",
        # a person, not a publication: an unknown one must still sink the question
        "According to the RAND researcher, what does Kim want?",
        "According to Bob Smith, why did Kim go to Beijing?",
        "when does KCNA say the trip ends?",
        "what did Lu Kang say about the talks?",
    ],
)
def test_named_outlets_and_people_stay(corpus_lower, question):
    assert cited_outlet(question, corpus_lower) == (question, None)


def test_outlet_known_by_its_web_domain():
    outlets = {"a.txt": "koreatimes.co.kr", "b.txt": "RFA", "c.txt": "Sputnik"}
    assert outlet_docs("Korea Times", outlets) == {"a.txt"}
    assert outlet_docs("Sputnik", outlets) == {"c.txt"}
    assert outlet_docs("Korea Herald", outlets) == set()
    # a publisher's domain starting with the paper's news word, not with "Korea"
    outlets["d.txt"] = "heraldcorp.com"
    assert outlet_docs("Korea Herald", outlets) == {"d.txt"}
    assert outlet_docs("Korea Times", outlets) == {"a.txt"}


@pytest.mark.parametrize(
    "question, writer",
    [
        ("Who wrote the Korea Times article?", "Lee Min-hyung"),
        # its byline is at the foot of the article, with an email at heraldcorp.com
        ("who wrote the Korea Herald story?", "Ock Hyun-ju"),
    ],
)
def test_who_wrote_an_outlets_article_is_its_byline(pipeline, question, writer):
    ans = pipeline.answer(question)
    assert not ans.abstained and ans.short_answer == writer


def test_who_wrote_an_article_no_outlet_picks_out_is_declined(pipeline):
    # five articles, five writers
    assert pipeline.answer("Who wrote the article?").abstained
    # an outlet no article is known by is taken for the one article whose outlet is
    # unknown (reposted without it): the VOA story's byline, though a New York Times
    # article would get the same answer
    assert pipeline.answer("Who wrote the VOA story on Kim's Beijing trip?").short_answer == "Bill Ide"


def test_citing_an_unnamed_outlet_does_not_sink_the_answer(pipeline):
    # VOA is named nowhere in the articles: kept as a word, it made every sentence look
    # like a poor match and the question was declined
    ans = pipeline.answer("How many summit meetings did Xi and Kim have over the course of 2018, per the VOA report?")
    assert not ans.abstained and ans.short_answer == "three"


def test_the_cited_outlet_s_article_is_preferred(pipeline):
    plain = pipeline.answer("What does Kim's visit to China indicate?")
    cited = pipeline.answer("What does Kim's visit to China indicate, according to the Korea Times?")
    assert plain.quotes[0].doc != KOREA_TIMES
    assert cited.quotes[0].doc == KOREA_TIMES and "clear indicator" in cited.quotes[0].text


def test_an_outlet_as_the_one_quoting_is_a_citation():
    from rag.outlets import cited_outlet

    corpus = "kim met xi in beijing. the global times said so."
    assert cited_outlet("Which professor did VOA quote on the visit?", corpus) == (
        "Which professor was quoted on the visit?",
        "VOA",
    )
    assert cited_outlet("Why is he going, according to the professor VOA spoke to?", corpus)[1] == "VOA"
    assert cited_outlet("What did Kim quote?", corpus) == ("What did Kim quote?", None)
    # an outlet that published one of the articles cites it, though its text names it
    corpus += " rfa's korean service"
    assert cited_outlet("Which experts did RFA get comments from?", corpus, {"001.txt": "RFA"}) == (
        "Which experts were quoted?",
        "RFA",
    )


def test_a_piece_by_an_outlet_that_published_here_is_a_citation(corpus_lower):
    # "(Sputnik)" is in the article's dateline, yet "the Sputnik piece" names the article,
    # not a word the answer must hold; "according to the Global Times" stays content
    outlets = {"002_d01169830d053d92.txt": "Sputnik"}
    assert cited_outlet("What did the Sputnik piece say about trade?", corpus_lower, outlets) == (
        "What did the piece say about trade?",
        "Sputnik",
    )
    question = "According to the Global Times, what year could 2019 be like?"
    assert cited_outlet(question, corpus_lower, outlets) == (question, None)


def test_an_article_cited_by_its_topic_is_the_one_holding_the_topic():
    docs = {"a.txt": {"dalian", "meet", "kim"}, "b.txt": {"beij", "meet", "kim"}}
    assert cited_topic("Who is quoted in the article about the Dalian meeting?", docs) == ("Who is quoted?", {"a.txt"})
    # a topic every article holds tells none apart, and is left as content
    q = "Who is quoted in the story about Kim?"
    assert cited_topic(q, docs) == (q, set())


def test_an_outlet_no_article_is_known_by_is_the_article_whose_outlet_is_unknown(pipeline):
    # the VOA story was reposted without its outlet: the one article no outlet is known for
    ans = pipeline.answer("which professor did VOA talk to about kim's visit?")
    assert ans.short_answer == "Shi Yinhong"
    assert ans.quotes[0].doc == "000_0e88844027cc8d80.txt"


def test_an_article_told_by_a_topic_before_its_noun(pipeline):
    # "in the dalian story": the article about the Dalian meeting, and "dalian" and
    # "story" are no words the answer must hold
    table = pipeline._parts()[2]
    text, docs = cited_topic("in the dalian story what did pompeo say?", table.doc_terms)
    assert text == "what did pompeo say?"
    assert docs == {"003_79228504ccb7102d.txt"}


@pytest.mark.parametrize(
    "question, stripped",
    [
        (
            "In which city did the Kim-Xi meeting that story covers take place?",
            "In which city did the Kim-Xi meeting take place?",
        ),
        ("what did he say in that story?", "what did he say?"),
        ("who else is quoted in the same article", "who else is quoted"),
    ],
)
def test_the_article_just_quoted_is_named_by_that_story(question, stripped):
    assert same_piece(question) == (stripped, True)
    assert same_piece("When did that report come out?")[1] is False  # the report is asked about


def test_that_story_keeps_a_follow_up_in_the_previous_answers_article(pipeline):
    conv = pipeline.conversation()
    conv.ask("Why did Kim Hyun-wook say North Korea needs China involved after its summit with the US?")
    conv.ask("Where does he teach?")
    ans = conv.ask("In which city did the Kim-Xi meeting that story covers take place?")
    # the Korea Herald's Dalian meeting (misspelt "Dailan" there), not "North Korea-US"
    assert ans.short_answer == "Dailan" and ans.quotes[0].doc.startswith("003_")


def test_who_an_outlet_quotes_asks_who_was_quoted(pipeline):
    ans = _chat(pipeline, "Which experts does the Korea Times quote?", "what does the other one say?")
    assert ans.resolved_question == "what does Lim Eul-chul say?"
    assert "China would also welcome Kim's ongoing gesture" in ans.quotes[0].text
    assert pipeline.answer("who does the Korea Times quote?").short_answer == "Shin Beom-chul"
