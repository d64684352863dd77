import pytest

from thidua.units.models import PATH_STEP, Unit, path_step


def test_path_step_is_fixed_width_base36():
    assert path_step(1) == "000001"
    assert path_step(35) == "00000z"
    assert path_step(36) == "000010"
    assert len(path_step(36**PATH_STEP - 1)) == PATH_STEP
    with pytest.raises(ValueError):
        path_step(36**PATH_STEP)
    with pytest.raises(ValueError):
        path_step(0)


@pytest.mark.django_db
def test_subtree_is_one_prefix_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        names = list(Unit.objects.subtree_of(world.district).values_list("name", flat=True))
    assert names == ["Huyện Thử Nghiệm", "Xã Đông Hòa", "Trường Tiểu học Đông Hòa", "Xã Tây Sơn"]
    assert world.agency_a1.depth == 4
    assert world.agency_a1.ancestor_paths == [
        world.province.path,
        world.district.path,
        world.commune_a.path,
    ]
