"""rcmkg.text: the names and labels the converter writes."""

from __future__ import annotations

import doctest

import rcmkg.text
from rcmkg.text import title_name


def test_a_body_named_in_capitals_is_minted_in_title_case_its_minor_words_and_acronyms_kept():
    # Before: str.title() gave "Grupo De Trabajo Ad Hoc Sobre ... En El Contexto De Desastres Y Cambio Climático"
    assert (title_name("GRUPO DE TRABAJO AD HOC SOBRE MOVILIDAD HUMANA EN EL CONTEXTO DE DESASTRES Y CAMBIO CLIMÁTICO")
            == "Grupo de Trabajo Ad Hoc sobre Movilidad Humana en el Contexto de Desastres y Cambio Climático")
    assert title_name("AD HOC WORKING GROUP ON LABOUR MIGRATION") == "Ad Hoc Working Group on Labour Migration"
    assert title_name("RED DE LA CRM (GRCM)") == "Red de la CRM (GRCM)"
    assert title_name("THE GROUP") == "The Group"  # (the first word capitalised, however minor)
    assert title_name("Grupo sobre Migración") == "Grupo sobre Migración"  # (not in capitals: as printed)


def test_the_modules_examples_hold():
    assert doctest.testmod(rcmkg.text).failed == 0
