"""Japanese set as a Japanese typesetter would: no line of the deck or the brief is one
character alone, and the sentences deckgen composes take Japanese punctuation. Read back
from the deck's XML (its explicit line breaks) and from the text a PDF reader extracts."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from generator.text import breaking

FIXTURES = Path(__file__).parents[1] / "fixtures" / "i18n"
ENV = {"SOURCE_DATE_EPOCH": "1735689600"}


@pytest.fixture(scope="module", params=["ja_lines", "ja"])
def built(request, tmp_path_factory) -> tuple[str, list[list[str]], list[str], list[str]]:
    """Check and build a Japanese outline; return its name, the deck's paragraphs as their
    lines, the brief's lines, and the findings of check and of build side by side."""
    name = request.param
    out = tmp_path_factory.mktemp(name)
    runner = CliRunner(env=ENV)
    check = runner.invoke(main, ["check", str(FIXTURES / f"{name}.yaml")])
    build = runner.invoke(main, ["build", str(FIXTURES / f"{name}.yaml"), "--out", str(out)])
    assert build.exit_code == 0, build.output
    assert check.stderr.splitlines()[:-1] == build.stderr.splitlines()[:-1]
    paras = []
    with zipfile.ZipFile(out / "deck.pptx") as deck:
        for part in deck.namelist():
            if re.fullmatch(r"ppt/slides/slide\d+\.xml", part):
                xml = deck.read(part).decode("utf-8")
                for p in re.findall(r"<a:p>.*?</a:p>|<a:p .*?</a:p>", xml):
                    text = re.sub(r"<[^>]+>", "", re.sub(r"<a:br\b[^>]*/>", "\n", p))
                    paras.append(text.split("\n"))
    brief = [line for page in PdfReader(str(out / "brief.pdf")).pages
             for line in page.extract_text().splitlines()]
    return name, paras, brief, check.stderr.splitlines()[:-1]


def test_no_line_of_the_deck_is_one_character_alone(built) -> None:
    name, paras, _, _ = built
    broken = [lines for lines in paras if len(lines) > 1]
    assert broken or name == "ja"
    for lines in broken:
        for before, line in zip(["", *lines], lines, strict=False):
            assert not breaking.lone(line, before), lines
    if name == "ja_lines":  # 14 characters in a timeline entry: not 13 and one alone
        assert ["東京都千代田区の二店舗で", "当日"] in paras


def test_no_line_of_the_brief_is_one_character_alone(built) -> None:
    _, _, brief, _ = built
    assert [line for line in brief if breaking.lone(line)] == []


def test_composed_sentences_are_punctuated_in_japanese(built) -> None:
    name, paras, brief, _ = built
    deck = [" ".join(lines) for lines in paras]
    assert "出典：経済産業省、商業動態統計（2025）。" in deck
    assert "商業動態統計。経済産業省、2025" in deck
    text = "\n".join(brief)
    assert "[1] 商業動態統計。経済産業省、2025。" in text
    if name == "ja":
        assert "単位：億円。出典：[1]。" in text
        assert "グランマート：品揃えか専門性か" in deck
        assert "まとめ：品揃えを追わない。" in text
    assert not any(re.search(r"[、。：][ ,.]|[ぁ-んァ-ン一-龥], ", line) for line in deck + brief)
