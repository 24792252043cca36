from french.given_names import given_name_francophone, given_name_gender, given_name_known, given_name_parts


def test_a_circumflex_marks_a_common_word_not_a_first_name():
    # couthenans/CR_reunion_20210917.pdf, page 2: « Gêne occasionnée aux riverains de la benne Relais »
    assert not given_name_known("Gêne") and given_name_known("Gene")
    assert given_name_known("Jérôme") and given_name_known("Benoît")
    # Other accents vary in first names: « Maëva », « Kévin » are known as « Maeva », « Kevin ».
    assert given_name_known("Maëva") and given_name_known("Kévin")


def test_a_compound_first_name_is_known_part_by_part():
    assert given_name_parts("jean-marc") == ["jean", "marc"]
    assert given_name_known("Jean-Pierre") and given_name_known("JEAN-MARC")
    assert not given_name_known("Jean-Délibération")


def test_francophone_first_names_are_those_given_a_frequency_where_french_is_spoken():
    assert given_name_francophone("Christian") and given_name_francophone("MYRIAM")
    assert given_name_known("Haye") and not given_name_francophone("Haye")


def test_a_first_name_of_one_gender_tells_it():
    assert given_name_gender("Nathalie") == "female" and given_name_gender("Jean-Marc") == "male"
    assert given_name_gender("Dominique") == ""
