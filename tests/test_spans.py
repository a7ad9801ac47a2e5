"""Typed answer spans: names, places, descriptions and phrases a sentence offers."""

from __future__ import annotations

import pytest

from rag.question import analyze, kind_subject
from rag.question_type import DATE, PERSON, PLACE, REASON
from rag.span_kinds import fits_subtype, head_phrases, kind_spans
from rag.spans import phrases, spans


@pytest.mark.parametrize(
    "sentence, names",
    [
        ("Former U.S. ambassador to South Korea Kathleen Stephens told the panel.", ["Kathleen Stephens"]),
        ("[Newsmaker] Behind Kim Jong-un’s trip to China", ["Kim Jong-un"]),
        ("It is about the Korean Peninsula, said Hu Xijin.", ["Hu Xijin"]),
        ("North Korean leader Kim Jong-un met Chinese President Xi Jinping.", ["Kim Jong-un", "President Xi Jinping"]),
        # the run after "Institute for" ends an organisation's name
        ("Shin Beom-chul, senior director at Asan Institute for Policy Studies, said.", ["Shin Beom-chul"]),
        # a photo's credit is a news agency, not a person
        (
            "Kim plans to hold a fourth summit with Chinese President Xi Jinping. / Yonhap",
            ["Kim", "President Xi Jinping"],
        ),
    ],
)
def test_person_spans_leave_out_places_and_nationalities(sentence, names):
    found = [text for _a, _b, text in spans(sentence, PERSON)]
    assert found == names
    for a, b, text in spans(sentence, PERSON):
        assert sentence[a:b] == text


@pytest.mark.parametrize(
    "sentence, dates",
    [
        ("He died there on 18 February 1546, aged 62.", ["18 February 1546"]),  # day first
        ("It was finished in February 1546 at last.", ["February 1546"]),  # not "February 15"
        ("The agreement was signed on Oct. 4, 2007, in Pyongyang.", ["Oct. 4, 2007"]),
        ("Kim's sojourn is to last from Jan. 7-10.", ["Jan. 7-10"]),
        # years before 1900, decades and centuries
        ("In 1882, Tesla began working for Edison.", ["1882"]),
        ("In the 1060s, Crispin led the Normans in the 18th and 19th centuries.", ["1060s", "18th and 19th centuries"]),
        # a time given by another event
        (
            "But this can be realized sometime after the second Washington-Pyongyang summit.",
            ["sometime after the second Washington-Pyongyang summit"],
        ),
        ("Prices rose shortly before the war.", ["shortly before the war"]),
        # the name of a speech is no time: "during the New Year address" is, on New Year's Day
        ("Kim spoke of it in his New Year address on New Year's Day.", ["New Year's Day"]),
    ],
)
def test_date_spans_are_whole_dates(sentence, dates):
    assert [text for _a, _b, text in spans(sentence, DATE)] == dates


def test_kind_spans_take_the_modifiers_not_a_workplace():
    name = kind_subject("What kind of newspaper is the Global Times?")
    assert name == "Global Times"
    s = "An optimistic report in the communist party backed nationalist tabloid the Global Times said so."
    assert [t for _a, _b, t in kind_spans(s, name)] == ["communist party backed nationalist tabloid"]
    assert kind_spans("Hu Xijin, the editor in chief at the Global Times said on Twitter", name) == []


@pytest.mark.parametrize(
    "sentence, places",
    [
        ("Kim held a high-profile Singapore summit with Trump.", ["Singapore"]),  # place before an event noun
        ("The interview was given in Korean to a reporter.", []),  # a language, not a place
        ("Analysts watched Kim Jong-un’s visit closely.", []),  # a possessive is no place
        ("Kim flew to Dalian on Monday.", ["Dalian"]),
        ("It comes ahead of the second Washington-Pyongyang summit.", []),  # the two sides, not a place
        ("It comes ahead of the historic U.S.-North Korea summit in June.", []),  # "U.S." ends in a dot
    ],
)
def test_place_spans(sentence, places):
    assert [t for _a, _b, t in spans(sentence, PLACE)] == places


def test_which_city_is_not_answered_with_a_country():
    q = analyze("In which city was the G20 summit held?")
    assert q.subtype == "CITY"
    assert not fits_subtype("Argentina", "", 0, q.subtype)
    assert fits_subtype("Buenos Aires", "", 0, q.subtype) and fits_subtype("Singapore", "", 0, q.subtype)


def test_head_phrases_end_in_the_noun_asked_for():
    s = "China has maybe less economic cards, China still has some strategic and diplomatic cards, he said."
    assert [t for _a, _b, t in head_phrases(s, "card")] == ["economic cards", "strategic and diplomatic cards"]
    s = "Kim unveiled his hopes to hold multinational talks with the U.S."
    assert [t for _a, _b, t in head_phrases(s, "talk")] == ["multinational talks"]


def test_a_capitalised_title_after_a_name_describes_the_person():
    from rag.span_kinds import describe_spans

    s = "So I think there is a dual message there,” said Joseph Yun, Senior Adviser to the Asia Program at the US Institute for Peace."
    assert any(t.startswith("Senior Adviser to the Asia Program") for _a, _b, t in describe_spans(s, "Joseph Yun"))
    # a capitalised word that names no role is not a description
    assert describe_spans("He met Yun, Pyongyang's main ally.", "Yun") == []


def test_an_organisation_is_not_a_title_nor_its_staff():
    from rag.question_type import ORG
    from rag.spans import spans

    s = "said Stephens, president and CEO of the Washington-based Korea Economic Institute of America."
    found = [t for _a, _b, t in spans(s, ORG)]
    assert "CEO" not in found and any("Korea Economic Institute" in t for t in found)
    assert [t for _a, _b, t in spans("Renmin University's Shi said there is no link.", ORG)] == ["Renmin University"]


def test_a_count_is_no_ordinal_length_or_date():
    s = "his fourth visit, a four-day trip, seen in Beijing on Jan. 8, 2019, with 28,000 troops"
    at = s.index
    assert not fits_subtype("fourth", s, at("fourth"), "COUNT")
    assert fits_subtype("fourth", s, at("fourth"), "TIMES")  # "his fourth visit" counts visits
    assert not fits_subtype("four-day", s, at("four-day"), "TIMES")
    assert not fits_subtype("8", s, at("8,"), "COUNT")
    assert not fits_subtype("2019", s, at("2019"), "COUNT")
    assert fits_subtype("28,000", s, at("28,000"), "COUNT")


def test_a_count_the_articles_never_give_is_declined(pipeline):
    # "his fourth visit" and "Jan. 8, 2019" are the only figures near these words
    ans = pipeline.answer("How many North Korean officials were in Kim's January 2019 delegation?")
    assert ans.abstained, ans.short_answer


def test_the_rest_of_an_institutes_name_after_a_possessive_is_no_person(pipeline):
    sentence = (
        "Ding Xueliang, director of the Institute for China's Overseas Interests, Shenzhen University, told Sputnik."
    )
    names = [text for _a, _b, text in spans(sentence, PERSON)]
    assert "Ding Xueliang" in names and "Overseas Interests" not in names
    # "China's Xi Jinping" is still a person
    assert "Xi Jinping" in [t for _a, _b, t in spans("China's Xi Jinping met Kim.", PERSON)]
    ans = pipeline.answer("Which Shenzhen University analyst did Sputnik talk to?")
    assert ans.short_answer == "Ding Xueliang"


def test_reason_spans_are_causes_not_comparisons_or_complements():
    from rag.question_type import REASON

    def reasons(sentence: str) -> list[str]:
        return [t for _a, _b, t in spans(sentence, REASON)]

    frayed = "North Korea’s relations with China had been frayed as China backed the US-led international sanctions."
    assert reasons(frayed) == ["as China backed the US-led international sanctions"]
    # "viewed as a sign", "as well as", "since last year" give no cause
    assert reasons("The visit was widely viewed as a sign of warming ties between the two countries.") == []
    assert reasons("Kim has visited China four times since last March.") == []
    assert reasons("China as well as Russia backed the sanctions, such as the oil cap.") == []
    # "willing to give" completes "willing"; "went to China to get" states a purpose
    assert reasons("But how much support Beijing is willing to give is still a matter of debate.") == []
    assert "to get the green light" in reasons("Kim went to China to get the green light.")


def test_a_month_abbreviation_is_no_name():
    text = "The two Koreas said they will inherit the agreement signed on Oct. 4, 2007, by Roh Moo-hyun."
    names = [n for _a, _b, n in spans(text, PERSON)]
    assert "Roh Moo-hyun" in names and not any(n.startswith("Oct") for n in names)


def test_a_sentence_opening_on_a_verb_in_ing_does_not_start_a_name():
    names = [n for _a, _b, n in spans("Accompanying Kim was his younger sister Kim Yo-jong.", PERSON)]
    assert "Accompanying Kim" not in names and "Kim Yo-jong" in names
    assert [n for _a, _b, n in spans("Ding Xueliang said so.", PERSON)] == ["Ding Xueliang"]


def test_what_would_follow_a_condition_is_a_reason():
    text = (
        "If China punishes US companies operating in the country, it could risk putting more pressure on the economy."
    )
    assert "it could risk putting more pressure on the economy" in [s[2] for s in spans(text, REASON)]


def test_the_things_someone_did_are_each_verb_phrase_after_the_subject():
    from rag.span_kinds import activity_spans

    text = "He held discussions with officials, attended a formal banquet and took a stroll with Xi."
    assert [s[2] for s in activity_spans(text)] == [
        "held discussions with officials",
        "attended a formal banquet",
        "took a stroll with Xi",
    ]
    # a title after the name, and a caption in the present tense (no past act)
    assert [s[2] for s in activity_spans("Mike Pompeo, US secretary of state, traveled to Pyongyang.")] == [
        "traveled to Pyongyang"
    ]
    assert activity_spans("Kim and his wife inspect an honor guard in Pyongyang.") == []


def test_a_month_is_no_place():
    text = "A vehicle of Kim Jong Un is seen in Beijing on Jan. 8, 2019."
    found = {t for _a, _b, t in spans(text, PLACE)}
    assert "Beijing" in found and not any("Jan" in t for t in found)


def test_a_region_is_no_city():
    assert not fits_subtype("Northeast Asia", "", 0, "CITY")
    assert not fits_subtype("the Korean peninsula", "", 0, "CITY")
    assert fits_subtype("Dalian", "", 0, "CITY")
    assert not fits_subtype("North Korea-US", "", 0, "CITY")  # two countries


def test_how_many_times_counts_what_is_asked_not_anything_done_n_times(pipeline):
    # "meeting South Korean President Moon Jae-in three times" counts meetings, not trips
    ans = pipeline.answer("how many times has kim been to china in under a year, counting this trip")
    assert ans.short_answer == "fourth"
    assert pipeline.answer("How many times did Kim meet Moon in 2018?").short_answer == "three times"


def test_an_abbreviation_with_dots_is_one_word_of_a_phrase():
    s = "“China is not happy with the way the U.S. has pursued [the nuclear] issue."
    assert "way the U.S" in [p[2] for p in phrases(s)]


def test_a_title_in_a_list_of_people_describes_only_the_one_it_names():
    from rag.span_kinds import describe_spans

    s = (
        "He held discussions with Chinese officials including Foreign Minister Wang Yi, attended a formal "
        "banquet and took a stroll on a beachfront sidewalk with Xi."
    )
    assert [t for _a, _b, t in describe_spans(s, "Wang Yi")] == ["Foreign Minister"]


def test_an_event_after_a_nationality_is_no_person():
    s = "the leaders agreed to end the Korean War and sign a peace treaty, said Warren Buffett."
    assert [t for _a, _b, t in spans(s, PERSON)] == ["Warren Buffett"]


def test_the_next_name_in_a_list_is_no_description_of_the_one_before():
    from rag.span_kinds import describe_spans

    s = (
        "Accompanying Kim were officials -- the ruling party's vice party chairman on international affairs, "
        "Ri Su-yong, and Foreign Minister Ri Yong-ho."
    )
    assert [t for _a, _b, t in describe_spans(s, "Ri Su-yong")] == [
        "the ruling party's vice party chairman on international affairs"
    ]
