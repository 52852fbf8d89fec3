"""`meta.language` chooses every word deckgen writes itself, the date and the quotation marks,
in the deck and in the brief; both are read back from the files."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
import yaml
from pptx import Presentation
from pypdf import PdfReader

from generator import build as builds
from generator import loader, locale
from generator.model import Outline

FIXTURES = Path(__file__).parents[1] / "fixtures" / "i18n"
LANGUAGES = ["de", "fr", "ja", "ko"]
DATES = {"de": _dt.date(2025, 2, 28), "fr": _dt.date(2025, 3, 1), "ja": _dt.date(2025, 2, 28),
         "ko": _dt.date(2025, 2, 28)}
QUOTES = {"de": "Schnell ist mir wichtiger als billig.",
          "fr": "La rapidité compte plus pour moi que le prix.",
          "ja": "安さより速さの方が大事です。",
          "ko": "싼 것보다 빠른 것이 더 중요합니다."}
DECK_WORDS = ["agenda", "sources", "notes_sources", "notes_closing"]
BRIEF_WORDS = ["contents", "executive_summary", "key_figures", "key_points", "takeaway",
               "sources"]
ENGLISH = ["Sources", "Source:", "(continued)", "Executive summary", "Key points",
           "Key figures", "Figure 1", "Table 1", "page 2 of", "Contents", "Introduction",
           "Appendix", "Welcome", "Today we cover", "This section covers", "Thank the audience",
           "against its peers", "Unit:", "STRATEGY BRIEF", "February", "March"]
"""English words that must not be left in a translated deck or brief (unless the language
uses the same word: French 'Sources')."""


def _english_left(code: str, text: str) -> list[str]:
    """Return the English words and quotation marks left in ``text`` in language ``code``."""
    words = locale.get(code)
    own = " ".join(words.word(n, number=1) for n in words.labels) + "".join(words.quotes)
    return [w for w in [*ENGLISH, "“", "”"] if w in text and w not in own]


def _flat(text: str) -> str:
    """Return ``text`` with no-break and narrow spaces as plain spaces, lines joined."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module", params=LANGUAGES)
def built(request, tmp_path_factory) -> tuple[str, str, str, list[str], int]:
    """Build the fixture outline in one language; return its code, the deck's text (slides
    and notes), the brief's text, the deck's section names and the brief's page count."""
    code = request.param
    out = tmp_path_factory.mktemp(code)
    builds.build(loader.load(FIXTURES / f"{code}.yaml"), out)
    prs = Presentation(str(out / "deck.pptx"))
    texts = []
    for slide in prs.slides:
        texts += [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        texts.append(slide.notes_slide.notes_text_frame.text)
    xml = prs.part._element.xml
    sections = [part.split('"')[0] for part in xml.split('<p14:section name="')[1:]]
    reader = PdfReader(str(out / "brief.pdf"))
    brief = " ".join(page.extract_text() for page in reader.pages)
    return code, _flat(" ".join(texts)), _flat(brief), sections, len(reader.pages)


def test_the_deck_speaks_the_outline_language(built) -> None:
    code, deck, _, sections, _ = built
    words = locale.get(code)
    for name in DECK_WORDS:
        assert _flat(words.word(name)) in deck, name
    assert _flat(words.word("continued", title="")) in deck
    assert _flat(words.word("source_note", sources="\0").split("\0")[0]) in deck
    assert _flat(words.date(DATES[code])) in deck
    assert _flat(words.quote(QUOTES[code])) in deck
    assert words.word("introduction") in sections and words.word("appendix") in sections
    assert _english_left(code, deck) == []


def test_the_brief_speaks_the_outline_language(built) -> None:
    code, _, brief, _, pages = built
    words = locale.get(code)
    for name in BRIEF_WORDS:
        assert _flat(words.word(name)).upper() in brief.upper(), name
    assert _flat(words.word("strategy_brief").upper()) in brief
    assert _flat(words.word("figure", number=1)) in brief
    assert _flat(words.word("table", number=2)) in brief
    assert _flat(words.word("page_of", page=2, total=pages)) in brief
    assert _flat(words.word("against_peers", subject="")).strip() in brief
    assert _flat(words.date(DATES[code])) in brief
    assert _flat(words.quote(QUOTES[code])) in brief
    assert _english_left(code, brief) == []


@pytest.mark.parametrize(("tag", "expected"), [
    ("de-DE", "28. Februar 2025"), ("de-AT", "28. Februar 2025"), ("fr", "28 février 2025"),
    ("es", "28 de febrero de 2025"), ("it", "28 febbraio 2025"),
    ("pt-BR", "28 de fevereiro de 2025"),
    ("nl", "28 februari 2025"), ("zh-Hans", "2025年2月28日"), ("ja", "2025年2月28日"),
    ("ko-KR", "2025년 2월 28일"),
    ("en-GB", "28 February 2025"), ("fy", "28 February 2025"),
])
def test_dates_and_regional_tags(tag: str, expected: str) -> None:
    assert locale.get(tag).date(_dt.date(2025, 2, 28)) == expected


def test_the_first_of_the_month_in_french() -> None:
    assert locale.get("fr").date(_dt.date(2025, 3, 1)) == "1er mars 2025"


@pytest.mark.parametrize(("tag", "quoted"), [
    ("en", "“a”"), ("de", "„a“"), ("fr", "«\u00a0a\u00a0»"), ("ja", "「a」"), ("zh", "“a”"),
    ("es", "«a»"), ("ko", "“a”"),
])
def test_quotation_marks(tag: str, quoted: str) -> None:
    assert locale.get(tag).quote("a") == quoted


def test_every_language_has_every_word() -> None:
    names = set(locale.label_names())
    assert set(locale.supported()) >= {"en", "de", "fr", "es", "it", "pt", "nl", "zh", "ja",
                                       "ko"}
    for code in locale.supported():
        data = locale._data(code)
        assert set(data["labels"]) == names, code
        assert len(data["months"]) == 12, code
        for name, text in data["labels"].items():
            english = locale._data("en")["labels"][name]
            placeholders = {p.split("}")[0] for p in english.split("{")[1:]}
            for placeholder in placeholders:
                assert "{" + placeholder + "}" in text, (code, name)


def test_labels_override_generated_words(tmp_path: Path) -> None:
    source = tmp_path / "o.yaml"
    source.write_text("meta:\n  title: T\n  language: de\nlabels:\n  sources: Literatur\n"
                      "  page_of: \"{page}/{total}\"\nsources:\n  - id: a\n    title: A\n"
                      "sections:\n  - title: S\n    prose: ['Text [@a].']\n", encoding="utf-8")
    builds.build(loader.load(source), tmp_path / "out")
    brief = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "out/brief.pdf")).pages)
    assert "Literatur" in brief and "Quellen" not in brief
    assert "2/2" in brief
    prs = Presentation(str(tmp_path / "out/deck.pptx"))
    titles = [shape.text_frame.text for slide in prs.slides for shape in slide.shapes
              if shape.has_text_frame]
    assert "Literatur" in titles


def test_an_unknown_label_is_a_located_error_with_a_hint(tmp_path: Path) -> None:
    source = tmp_path / "o.yaml"
    source.write_text("meta:\n  title: T\nlabels:\n  contnets: Inhalt\nsections:\n"
                      "  - title: S\n", encoding="utf-8")
    with pytest.raises(Exception) as caught:
        loader.load(source)
    assert "4:3: labels.contnets: no generated word 'contnets'; did you mean 'contents'?" in str(
        caught.value.problems[0])


def test_the_schema_lists_every_label() -> None:
    from generator.model import json_schema

    schema = json_schema()
    assert schema["properties"]["labels"]["propertyNames"]["enum"] == list(
        locale.label_names())
    Outline.parse({"meta": {"title": "T"}, "sections": [{"title": "S"}],
                   "labels": {"sources": "References"}})


@pytest.mark.parametrize("marked", ["„Schnell ist mir wichtiger als billig.“",
                                     "»Schnell ist mir wichtiger als billig.«",
                                     '"Schnell ist mir wichtiger als billig."'])
def test_a_quotation_the_author_already_marked_is_not_marked_twice(tmp_path: Path,
                                                                   marked: str) -> None:
    """An author who types the marks keeps exactly one pair, in the deck and in the brief."""
    source = (FIXTURES / "de.yaml").read_text(encoding="utf-8")
    text = source.replace("quote: Schnell ist mir wichtiger als billig.",
                          "quote: " + yaml.safe_dump(marked, allow_unicode=True).split("\n")[0])
    assert text != source
    path = tmp_path / "de.yaml"
    path.write_text(text, encoding="utf-8")
    builds.build(loader.load(path), tmp_path / "out")
    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    deck = " ".join(shape.text_frame.text for slide in prs.slides for shape in slide.shapes
                    if shape.has_text_frame)
    brief = _flat(" ".join(page.extract_text() for page in
                           PdfReader(str(tmp_path / "out" / "brief.pdf")).pages))
    for where in (deck, brief):
        assert marked in _flat(where)
        assert marked[0] + marked[0] not in where
        assert "„" + marked not in where


def test_japanese_and_chinese_text_get_modern_faces_in_powerpoint(tmp_path: Path) -> None:
    """The runs say their language, and the theme names Yu Gothic and DengXian for those
    scripts (not the 2007 theme's MS P Gothic and SimSun)."""
    builds.build(loader.load(FIXTURES / "ja.yaml"), tmp_path, which=("deck",))
    prs = Presentation(str(tmp_path / "deck.pptx"))
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    langs = {r.get("lang") for slide in prs.slides for r in slide._element.iter(f"{a}rPr")}
    assert "ja-JP" in langs
    theme = next(p for p in prs.part.package.iter_parts() if p.partname.endswith("theme1.xml"))
    xml = theme.blob.decode("utf-8")
    assert 'script="Jpan" typeface="游ゴシック"' in xml and 'script="Hans" typeface="等线"' in xml
    assert "ＭＳ Ｐゴシック" not in xml
