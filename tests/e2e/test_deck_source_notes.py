"""The source note deckgen writes under a slide always fits its box, at either aspect and in
every language: sources with long titles are named in full while that takes at most three
lines, else by their publishers. Read back from deck.pptx and from deck.pdf."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
import yaml
from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Emu

from generator import locale
from generator.cli import main

ENV = {"SOURCE_DATE_EPOCH": "1735689600"}
EMU_PER_PT = 12700
SOURCES = {
    "en": [("National Statistical Office of the United Kingdom and Northern Ireland",
            "Household energy use, prices and consumption by region and income band, "
            "2019 to 2024"),
           ("Department for Energy Security and Net Zero",
            "Quarterly energy prices: domestic gas and electricity tariffs, with "
            "methodology notes"),
           ("International Energy Agency", "World Energy Outlook 2024: scenarios and pathways "
            "for the global energy transition to 2050"),
           ("Office of Gas and Electricity Markets", "Retail market indicators and consumer "
            "vulnerability dashboard, annual edition"),
           ("Resolution Foundation", "Cold comfort: the distributional effects of the energy "
            "price shock on low-income households"),
           ("Citizens Advice", "Energy debt and the cost of living: evidence from our "
            "advisers and helpline, winter 2023 to 2024")],
    "de": [("Statistisches Bundesamt (Destatis)", "Energieverbrauch der privaten Haushalte "
            "für Wohnen nach Energieträgern und Bundesländern, 2019 bis 2024"),
           ("Bundesministerium für Wirtschaft und Klimaschutz", "Energiedaten: Gesamtausgabe "
            "mit Zeitreihen zur Energieversorgung in Deutschland"),
           ("Bundesnetzagentur", "Monitoringbericht Strom- und Gasmarkt gemäß § 63 Abs. 3 "
            "EnWG i. V. m. § 48 Abs. 3 GWB"),
           ("Deutsches Institut für Wirtschaftsforschung", "Heizkostenbelastung einkommens"
            "schwacher Haushalte nach der Energiepreiskrise"),
           ("Verbraucherzentrale Bundesverband", "Energieschulden und Versorgungssperren: "
            "Befragung der Schuldnerberatungsstellen"),
           ("Umweltbundesamt", "Treibhausgasemissionen des Gebäudesektors und Wirkung der "
            "Förderprogramme für energetische Sanierung")],
    "fr": [("Institut national de la statistique et des études économiques",
            "Consommation d'énergie des ménages selon le revenu et la région, de 2019 à 2024"),
           ("Commission de régulation de l'énergie", "Observatoire des marchés de détail de "
            "l'électricité et du gaz naturel, rapport annuel"),
           ("Agence de l'environnement et de la maîtrise de l'énergie", "Précarité "
            "énergétique : état des lieux et effets des dispositifs d'aide"),
           ("Observatoire national de la précarité énergétique", "Tableau de bord de la "
            "précarité énergétique, édition du second semestre"),
           ("Médiateur national de l'énergie", "Rapport d'activité : litiges, coupures et "
            "réductions de puissance chez les particuliers"),
           ("Ministère de la Transition écologique", "Chiffres clés de l'énergie : "
            "bilan énergétique de la France métropolitaine")],
    "ja": [("経済産業省資源エネルギー庁長官官房総務課戦略企画室",
            "令和六年度エネルギーに関する年次報告（エネルギー白書）および関連統計資料集"),
           ("総務省統計局",
            "家計調査報告（家計収支編）二人以上の世帯における光熱・水道費の地域別推移"),
           ("国立研究開発法人国立環境研究所",
            "家庭部門の二酸化炭素排出実態統計調査 結果の概要と地域別集計"),
           ("一般財団法人日本エネルギー経済研究所",
            "エネルギー・経済統計要覧 二〇二四年版 付属データ集"),
           ("電力・ガス取引監視等委員会",
            "電力・ガス小売市場の競争状況と需要家保護に関する評価報告書"),
           ("消費者庁", "電力・ガス契約に関する消費生活相談の傾向と事例分析 年次報告")],
}
TITLES = {"en": "What households pay for energy", "de": "Was Haushalte für Energie zahlen",
          "fr": "Ce que les ménages paient pour l'énergie", "ja": "家庭が支払うエネルギー費用"}
POINTS = {"en": ["Bills rose fastest for the lowest incomes", "Arrears doubled in two years"],
          "de": ["Die Rechnungen stiegen bei geringen Einkommen am stärksten",
                 "Die Zahlungsrückstände haben sich verdoppelt"],
          "fr": ["Les factures ont augmenté plus vite pour les bas revenus",
                 "Les impayés ont doublé en deux ans"],
          "ja": ["低所得世帯ほど光熱費の上昇が大きい", "滞納は二年で倍増した"]}


def _outline(code: str, cited: int) -> dict:
    """Return an outline in language ``code`` whose one slide cites ``cited`` sources."""
    sources = [{"id": f"s{i}", "title": title, "publisher": publisher, "date": "2024-06",
                "url": f"https://example.org/{i}"}
               for i, (publisher, title) in enumerate(SOURCES[code], 1)]
    return {"meta": {"title": TITLES[code], "date": "2025-01-15", "language": code,
                     "footer": "deckgen"},
            "sources": sources,
            "sections": [{"title": TITLES[code], "prose": [f"{POINTS[code][0]} [@s1]."],
                          "slides": [{"kind": "bullets", "title": TITLES[code],
                                      "bullets": POINTS[code],
                                      "sources": [f"s{i}" for i in range(1, cited + 1)],
                                      "notes": POINTS[code][1]}]}]}


def _flat(text: str) -> str:
    """Return ``text`` without spaces and line breaks (Japanese lines break anywhere)."""
    return "".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _note_shape(pptx: Path):
    """Return the index of the first slide with a source note, and that note's shape."""
    for n, slide in enumerate(Presentation(str(pptx)).slides):
        for shape in slide.shapes:
            if shape.name.startswith("Source Note"):
                return n, shape
    raise AssertionError("no source note in the deck")


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
@pytest.mark.parametrize("cited", [4, 6])
@pytest.mark.parametrize("code", ["en", "de", "fr", "ja"])
def test_a_long_source_note_fits_its_box_and_names_every_source(code: str, cited: int,
                                                                aspect: str,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "outline.yaml"
    path.write_text(yaml.safe_dump(_outline(code, cited), allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    runner = CliRunner(env=ENV)
    check = runner.invoke(main, ["check", str(path), "--aspect", aspect, "--strict"])
    build = runner.invoke(main, ["build", str(path), "--aspect", aspect, "--strict", "--out",
                                 str(out), "--only", "deck", "--only", "slides-pdf"])
    assert check.exit_code == build.exit_code == 0, (check.stderr, build.stderr)
    assert check.stderr.splitlines()[:-1] == build.stderr.splitlines()[:-1]

    number, shape = _note_shape(out / "deck.pptx")
    note = _flat(shape.text_frame.text)
    words = locale.get(code)
    publishers = [publisher for publisher, _ in SOURCES[code][:cited]]
    short = _flat(words.word("sources_note", sources=words.join(publishers)))
    # every source named: in full while that fits three lines, else by its publisher
    assert note == short or all(_flat(f"{p}{words.punctuation.comma}{t}") in note
                                for p, t in SOURCES[code][:cited]), note
    if (code, aspect, cited) in {("en", "4:3", 6), ("de", "4:3", 6), ("fr", "4:3", 6)}:
        assert note == short  # six long titles take more than three lines across 4:3

    # drawn inside its box: deck.pdf draws the same plan; the note's text lies in the box
    top, left = Emu(shape.top).pt, Emu(shape.left).pt
    bottom, right = top + Emu(shape.height).pt, left + Emu(shape.width).pt
    with pdfplumber.open(out / "deck.pdf") as pdf:
        page = pdf.pages[number]
        inside = page.crop((left - 1, top - 1, right + 1, bottom + 1), strict=False)
        drawn = _flat(inside.extract_text())
        below = page.crop((0, bottom + 1, page.width, page.height)).extract_text()
    assert drawn == note
    assert not any(p in _flat(below) for p in publishers)


def test_a_note_that_fits_in_three_lines_names_sources_in_full(tmp_path: Path) -> None:
    path = tmp_path / "outline.yaml"
    path.write_text(yaml.safe_dump(_outline("en", 2)), "utf-8")
    out = tmp_path / "out"
    result = CliRunner(env=ENV).invoke(main, ["build", str(path), "--aspect", "4:3", "--out",
                                              str(out), "--only", "deck"])
    assert result.exit_code == 0, result.stderr
    note = _flat(_note_shape(out / "deck.pptx")[1].text_frame.text)
    assert note.startswith("Sources:")
    for publisher, title in SOURCES["en"][:2]:
        assert _flat(f"{publisher}, {title} (June 2024)") in note


def test_a_note_too_long_even_by_publisher_is_a_warning_at_the_slide(tmp_path: Path) -> None:
    outline = _outline("en", 6)
    more = [{"id": f"x{i}", "title": f"Regional energy bulletin {i}",
             "publisher": f"Regional Energy Observatory of the North-Western Districts {i}"}
            for i in range(1, 13)]
    outline["sources"] += more
    outline["sections"][0]["slides"][0]["sources"] += [s["id"] for s in more]
    path = tmp_path / "outline.yaml"
    path.write_text(yaml.safe_dump(outline), "utf-8")
    out = tmp_path / "out"
    runner = CliRunner(env=ENV)
    check = runner.invoke(main, ["check", str(path), "--aspect", "4:3"])
    build = runner.invoke(main, ["build", str(path), "--aspect", "4:3", "--out", str(out),
                                 "--only", "deck", "--only", "slides-pdf"])
    assert check.exit_code == build.exit_code == 0, (check.stderr, build.stderr)
    assert check.stderr.splitlines()[:-1] == build.stderr.splitlines()[:-1]
    warning, = [line for line in check.stderr.splitlines() if "source note" in line]
    assert "sections[0].slides[0]: the source note takes" in warning
    assert "expected fewer sources cited on this slide" in warning
    strict = runner.invoke(main, ["check", str(path), "--aspect", "4:3", "--strict"])
    assert strict.exit_code == 1

    number, shape = _note_shape(out / "deck.pptx")
    note = _flat(shape.text_frame.text)
    assert all(_flat(s["publisher"]) in note for s in outline["sources"])
    top, left = Emu(shape.top).pt, Emu(shape.left).pt
    with pdfplumber.open(out / "deck.pdf") as pdf:
        inside = pdf.pages[number].crop((left - 1, top - 1, left + Emu(shape.width).pt + 1,
                                         top + Emu(shape.height).pt + 1))
        assert _flat(inside.extract_text()) == note
