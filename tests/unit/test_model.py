"""Business rules of the model: section ids and where playbooks go."""

from __future__ import annotations

from generator.model import Outline, Section

PLAYBOOK = {"title": "P", "subject": "S", "headline": "H", "takeaway": "T",
            "dimensions": [{"id": "d", "label": "D", "subject": "s"}],
            "peers": [{"name": "N", "headline": "h", "contrasts": {"d": "c"}, "takeaway": "t"}]}


def _outline(sections: list[dict], playbooks: list[dict] = ()) -> Outline:
    return Outline.parse({"meta": {"title": "T"}, "sections": sections,
                          "playbooks": list(playbooks)})


def test_section_id_is_its_own_then_its_title_then_its_place():
    outline = _outline([{"title": "Market Size & Share!"}, {"title": "x", "id": "own"},
                        {"title": "***"}])
    assert outline.section_ids() == ["market-size-share", "own", "section-3"]
    assert Section.id_from(None, "Go-to-market", 0) == "go-to-market"
    assert Section.id_from("given", "Title", 4) == "given"


def test_playbooks_follow_their_section_or_the_last():
    outline = _outline([{"title": "One"}, {"title": "Two"}, {"title": "Three"}],
                       [{**PLAYBOOK, "title": "A", "after": "one"}, {**PLAYBOOK, "title": "B"},
                        {**PLAYBOOK, "title": "C", "after": "one"}])
    placed = outline.placed_playbooks()
    assert {i: [(k, p.title) for k, p in books] for i, books in placed.items()} == {
        0: [(0, "A"), (2, "C")], 2: [(1, "B")]}


def test_identical_playbooks_keep_their_own_index():
    outline = _outline([{"title": "One"}], [PLAYBOOK, PLAYBOOK])
    assert [k for k, _ in outline.placed_playbooks()[0]] == [0, 1]


def test_a_folded_japanese_paragraph_gets_no_spaces_between_its_sentences():
    """YAML's '>-' joins lines with a space; between Chinese or Japanese characters that
    space is dropped (as CSS drops such a line break), while Latin and Korean keep theirs."""
    import yaml

    data = yaml.safe_load("""\
meta: {title: 再編の行方}
sections:
  - title: 現状
    prose:
      - >-
        国内の売上高は9.3兆円となった。
        一方で店舗数は伸び悩んでいる。
      - >-
        Sales grew in
        2024 and 한국 시장도
        성장했다.
""")
    outline = Outline.parse(data)
    assert outline.sections[0].prose[0] == ("国内の売上高は9.3兆円となった。"
                                            "一方で店舗数は伸び悩んでいる。")
    assert outline.sections[0].prose[1] == "Sales grew in 2024 and 한국 시장도 성장했다."
