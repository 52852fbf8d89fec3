"""A playbook overview of five peers built at 4:3, read back from deck.pptx and deck.pdf:
as few slides as its rows need, the subject's column not the narrowest, no currency alone."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pptx import Presentation
from pptx.util import Emu

from generator import build as builds
from generator import loader
from generator.report import BuildOptions

OUTLINE = """\
meta: {title: Canais digitais, footer: Banco Horizonte, language: pt-BR}
sections:
  - title: Canais
    slides:
      - {kind: bullets, title: Pontos, notes: n, bullets: [Aplicativo primeiro]}
playbooks:
  - title: Comparação com cinco concorrentes
    subject: Banco Horizonte
    headline: Cada concorrente lidera em uma frente
    dimensions:
      - {id: app, label: Aplicativo, subject: "Nota 4,6 nas lojas; Pix parcelado em 2026"}
      - {id: custo, label: Custo por transação, subject: "R$ 0,38, abaixo da média do setor"}
      - {id: agencias, label: Agências, subject: 612 agências; 42 a fechar}
      - {id: credito, label: Crédito digital, subject: Renegociação ainda manual}
    peers:
      - name: Nubank
        headline: Nativo digital
        contrasts:
          app: "Nota 4,8; referência em usabilidade"
          custo: "R$ 0,09 por transação"
          agencias: Nenhuma agência
          credito: Crédito pré-aprovado em segundos
        takeaway: Simplicidade é o padrão.
      - name: Itaú Unibanco
        headline: Escala
        contrasts:
          app: "Nota 4,7; superapp"
          custo: "R$ 0,31"
          agencias: Rede em redução acelerada
          credito: Modelos próprios de risco
        takeaway: Escala permite investir mais.
      - name: Bradesco
        headline: Rede física
        contrasts:
          app: "Nota 4,5"
          custo: "R$ 0,44"
          agencias: Fechou 400 agências em 2024
          credito: Renegociação digital desde 2023
        takeaway: Fechamentos exigem cuidado.
      - name: Banco Inter
        headline: Plataforma
        contrasts:
          app: "Nota 4,6; marketplace integrado"
          custo: "R$ 0,12"
          agencias: Nenhuma agência
          credito: Crédito com garantia de investimentos
        takeaway: Marketplace engaja.
      - name: Caixa Econômica Federal
        headline: Alcance nacional
        contrasts:
          app: "Nota 4,1; instabilidade frequente"
          custo: "R$ 0,52"
          agencias: Presente em quase todos os municípios
          credito: Habitação domina a carteira
        takeaway: Capilaridade importa.
    takeaway: O Banco Horizonte está no meio do grupo; precisa acelerar crédito digital.
"""


def test_a_five_peer_overview_at_4_3_reads_well(tmp_path: Path) -> None:
    (tmp_path / "o.yaml").write_text(OUTLINE, encoding="utf-8")
    builds.build(loader.load(tmp_path / "o.yaml"), tmp_path / "out",
                 which=("deck", "slides-pdf"), options=BuildOptions(aspect="4:3"))
    tables = [shape.table for slide in Presentation(str(tmp_path / "out" / "deck.pptx")).slides
              for shape in slide.shapes
              if shape.has_table and len(shape.table.columns) == 7]
    # four rows too tall for one slide at 14 pt: two slides of two rows, not 1 + 1 + 2
    assert [len(t.rows) - 1 for t in tables] == [2, 2]
    for table in tables:
        widths = [Emu(c.width).inches for c in table.columns]
        assert widths[1] >= sum(widths[2:]) / 5, widths  # the subject's fair share
        assert table.cell(0, 1).text == "Banco Horizonte"
    with pdfplumber.open(tmp_path / "out" / "deck.pdf") as pdf:
        lines = [ln.strip() for page in pdf.pages for ln in (page.extract_text() or "").split("\n")]
    assert not [ln for ln in lines if ln == "R$" or ln.endswith(" R$")], lines
    assert any("R$ 0,38" in ln or "R$\u00a00,38" in ln for ln in lines)
