"""20 browser sessions at once, through gradio_client: each asks its own question and
then a follow-up whose meaning depends on it. Every session must get exactly the answers
that the same two questions get in a private conversation, and see only its own turns."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from rag.render import answer_html

from .conftest import GT_QUESTION
from .ui_support import serve

# (question, follow-up): the follow-ups lean on the first question ("he", "it", "there").
PAIRS = [
    (GT_QUESTION, "Where did he comment on Kim's visit?"),
    (
        "Which Chinese Foreign Ministry spokesman was asked at Tuesday's briefing about a link between "
        "Kim's visit and a second Trump summit?",
        "What did he say China has always supported?",
    ),
    ("Which Renmin University professor was quoted about Kim's fourth visit to China?", "What is his academic field?"),
    ("In which Chinese city did Kim meet Xi on his second visit to China?", "How did he get there?"),
    (
        "Which U.S. secretary of state traveled to North Korea shortly after Kim's Dalian meeting with Xi?",
        "Why did he go to North Korea?",
    ),
    (
        "Which RAND Corporation researcher commented on the Kim-Xi meeting?",
        "What does he think Kim fears Trump will tell him?",
    ),
    ("Who is the former U.S. ambassador to South Korea quoted by RFA?", "Which organization does she lead?"),
    (
        "Which Shenzhen University scholar told Sputnik the timing of Kim's visit was no coincidence?",
        "Which institute does he direct?",
    ),
    (
        "Which fellow at the Carnegie-Tsinghua Center for Global Policy spoke to Sputnik?",
        "In what year, according to him, did Trump launch a full-scale trade war against China?",
    ),
    ("Which Asan Institute expert commented on Kim's January 2019 trip to China?", "What is his position there?"),
    (
        "Which Kyungnam University professor of North Korean studies commented on Kim's trip?",
        "When does he think a trilateral summit could happen?",
    ),
    ("Which Kwangwoon University professor did RFA quote?", "What has Trump been saying, according to him?"),
    (
        "Which former Assistant Secretary of State for East Asian and Pacific Affairs spoke to RFA's Korean Service?",
        "How many U.S. troops in South Korea did he mention?",
    ),
    (
        "Which state-run agency reported that Kim's stay in China would last from January 7 to 10?",
        "Whom did it say the visit would center on meeting?",
    ),
    ("Who wrote the RFA report saying Kim's visit sends a dual message to the U.S.?", "Who translated it?"),
    ("At which university does Shi Yinhong teach?", "What does he say Kim will be looking for?"),
    ("Which institute is Cho Han-Bum with?", "What did he say about the visit?"),
    ("Where did Kim hold his first summit with Trump?", "When was it held?"),
    ("In what year did Kim Jong Un take office?", "How many times has he visited China since then?"),
    (
        "Who reported the Sputnik story saying Kim's visit could give China leverage in the trade talks?",
        "Where is he based?",
    ),
]
_LATENCY = re.compile(r'<span class="rag-latency">[^<]*</span>')


def _strip(html: str) -> str:
    return _LATENCY.sub("", html)


def _text(message: dict) -> str:
    return "".join(c.get("text", "") for c in message["content"])


@pytest.fixture(scope="module")
def app_url(pipeline, tmp_path_factory):
    with serve(pipeline, tmp_path_factory.mktemp("r") / "latest.json") as url:
        yield url


@pytest.mark.slow
def test_twenty_concurrent_conversations_stay_separate(pipeline, app_url):
    from gradio_client import Client

    assert len(PAIRS) == 20 and len({q for q, _ in PAIRS}) == 20
    threshold = pipeline.config.abstain_threshold
    # What each pair gets in a private conversation on this process's pipeline.
    expected = []
    for q, f in PAIRS:
        conv = pipeline.conversation()
        expected.append([_strip(answer_html(conv.ask(x), False, threshold)) for x in (q, f)])
    # The follow-ups differ with their context, so a leaked history would show.
    alone = [_strip(answer_html(pipeline.conversation().ask(f), False, threshold)) for _, f in PAIRS]
    assert sum(a != e[1] for a, e in zip(alone, expected)) >= 5

    clients = [Client(app_url, verbose=False) for _ in PAIRS]
    start = threading.Barrier(len(PAIRS))

    def run(i: int) -> list[tuple]:
        start.wait()
        return [clients[i].predict(x, 5, False, api_name="/ask") for x in PAIRS[i]]

    with ThreadPoolExecutor(len(PAIRS)) as pool:
        results = list(pool.map(run, range(len(PAIRS))))

    for (q, f), exp, res in zip(PAIRS, expected, results):
        chat = res[-1][1]
        assert [m["role"] for m in chat] == ["user", "assistant"] * 2, q
        assert q.replace("'", "&#x27;") in _text(chat[0]) and f.replace("'", "&#x27;") in _text(chat[2])
        assert _strip(_text(chat[1])) == exp[0], q
        assert _strip(_text(chat[3])) == exp[1], f
    # and the anchor pair is right on its own terms
    gt = _text(results[0][-1][1][3])
    assert "<strong>Twitter</strong>" in gt and "Hu Xijin" in gt


def test_clear_starts_a_new_conversation(pipeline, app_url):
    from gradio_client import Client

    c = Client(app_url, verbose=False)
    c.predict(GT_QUESTION, 5, False, api_name="/ask")
    _, chat, panel = c.predict(api_name="/clear")
    assert chat == [] and "appear here" in panel
    _, chat, _ = c.predict("Where did he comment on Kim's visit?", 5, False, api_name="/ask")
    alone = pipeline.conversation().ask("Where did he comment on Kim's visit?")
    assert len(chat) == 2
    assert _strip(_text(chat[1])) == _strip(answer_html(alone, False, pipeline.config.abstain_threshold))
