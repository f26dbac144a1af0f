"""Text laid out in columns of spaces (rcmkg.converters.columns): which layouts are read as two
columns or as a table, and that offsets are kept."""

from __future__ import annotations

from rcmkg.converters.columns import space_tables, two_columns

NARRATIVE = [
    "La Red de Funcionarios de Enlace se reunió en la",
    "ciudad de Tegucigalpa, Honduras, los días 15 y 16",
    "de noviembre de 2017, bajo la coordinación de la",
    "Presidencia Pro Tempore que ejerce Honduras, con",
    "el apoyo técnico de la Secretaría Técnica y de la",
    "Organización Internacional para las Migraciones.",
    "Las delegaciones presentaron sus avances en la",
]
SIDE = ["PARTICIPANTES", "Canadá", "Sra. Julie Tremblay", "Costa Rica", "Sr. Esteban Quirós", "México", "Sr. Andrés Ruiz"]


def page(left: list[str], right: list[str], gutter: int = 56) -> str:
    return "\n".join(f"  {a:<{gutter - 2}}{b}" for a, b in zip(left, right, strict=True)) + "\n"


def test_a_page_in_two_columns_is_read_a_column_at_a_time_with_offsets_kept():
    text = "INFORME DE LA XIV REUNIÓN\n\n" + page(NARRATIVE, SIDE)
    cols = two_columns(text)
    assert cols is not None
    left, right = cols
    assert len(left) == len(right) == len(text)
    assert "Tegucigalpa" in left and "Canadá" not in left
    assert "Canadá" in right and "Tegucigalpa" not in right
    assert left.index("Tegucigalpa") == text.index("Tegucigalpa") and right.index("Canadá") == text.index("Canadá")
    assert "INFORME" in left and "INFORME" not in right  # (the title, across the gutter, is no column's)


def test_tables_and_signatures_side_by_side_are_no_two_columns():
    # a participants table: each side holds cells apart ("Belize   -   (no connection)")
    rows = [f"{c:<22}{'-':<40}{'(no connection)'}" for c in ("Belize", "Canada", "Costa Rica", "Mexico", "Panama", "Honduras", "Guatemala")]
    assert two_columns("\n".join(rows)) is None
    # signatures: short lines on the left
    signatures = page(["Por Costa Rica", "______________", "Mariela Quesada", "Dirección General", "de Migración", "Extranjería", "San José"],
                      ["Por El Salvador", "______________", "José Alfaro", "Ministerio de", "Trabajo", "Previsión", "Social"])
    assert two_columns(signatures) is None
    assert two_columns("  ".join(NARRATIVE)) is None


TABLE = """  4. ACUERDOS

  No.   Acuerdo                                     Responsable      Plazo
  ---------------------------------------------------------------------------
  1.    Aprobar, con las observaciones formuladas   OIM              31 de enero de
        en sala, la Guía de Bolsillo.                                2018

  2.    Solicitar a los países miembros que         Países miembros  15 de diciembre
        remitan a la ST sus puntos focales.

  5. CLAUSURA
"""


def test_a_numbered_table_in_columns_of_spaces_gives_its_text_column_and_its_cells_by_row():
    found = space_tables(TABLE)
    assert found is not None
    text, cells = found
    assert len(text) == len(TABLE)
    assert "OIM" not in text and "31 de enero" not in text and "Responsable" not in text
    assert "Aprobar, con las observaciones formuladas" in text and "en sala, la Guía de Bolsillo." in text
    assert "5. CLAUSURA" in text  # (the table ends at a line that is none of its rows)
    assert len(cells) == 2
    first, second = (cells[k] for k in sorted(cells))
    assert [(role, TABLE[sp.start : sp.end]) for role, sp in first] == [("who", "OIM"), ("when", "31 de enero de"), ("when", "2018")]
    assert [(role, TABLE[sp.start : sp.end]) for role, sp in second] == [("who", "Países miembros"), ("when", "15 de diciembre")]


def test_a_table_without_a_number_column_is_not_read():
    # (where its rows start is not known: "Activity  Responsible  Date" with wrapped cells)
    table = "Activity                        Responsible        Date\n" \
            "Update the regional directory   Technical          31 May 2018\n" \
            "of Coalition contact points     Secretariat\n"
    assert space_tables(table) is None


def test_a_tables_cells_survive_a_translation_blanked_in_the_same_report(tmp_path):
    # (the translation in brackets is blanked before the table is read, so the rows' cells are kept
    # for the text the items are read from)
    from test_genres import registry

    from rcmkg.converters.extract import Extractor
    from rcmkg.converters.parse import parse
    from rcmkg.converters.read import read
    from rcmkg.iris import Iris
    report = ("RED DE FUNCIONARIOS DE ENLACE DE PROTECCIÓN CONSULAR\n\n"
              "La Red de Funcionarios de Enlace de Protección Consular se reunió en Tegucigalpa, Honduras, los días 15 y 16 "
              "de noviembre de 2017, con la participación de representantes de Canadá, Costa Rica y México. [The Network "
              "met in Tegucigalpa with the participation of representatives of three countries.]\n\n"
              "4. ACUERDOS\n\n" + TABLE.split("\n", 2)[2])
    path = tmp_path / "consular_2017-11-15_es.txt"
    path.write_text(report, encoding="utf-8")
    x = Extractor(registry(), Iris()).extract(parse(read(path), registry()))
    assert len(x.agreements) >= 2
    assert [(c.actors[0].label, c.due.date.isoformat() if c.due and c.due.date else None)
            for c in x.agreements[0].commitments] == [("International Organization for Migration", "2018-01-31")]
