"""Tally invariants over generated votes (issue 11): every candidate ends in exactly one group,
nobody below the threshold is elected, never more elected than seats, a run-off only on a true
tie at the last seat, and quorum exactly as the rule says."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from thidua.elections.tally import BoxTally, TallySettings, merge_double_entry, tally_paper

NAMES = ["An", "Bình", "Cường", "Dung", "Hà", "Hùng"]


@st.composite
def elections(draw):
    candidates = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    entitled = draw(st.integers(1, 150))
    # Mostly a quorum, full boxes and votes around the threshold, where the rules bite (ties,
    # exactly half); sometimes anything at all.
    if draw(st.integers(0, 3)):  # three times in four: a quorum (more than half present)
        present = entitled - draw(st.integers(0, (entitled - 1) // 2))
    else:
        present = draw(st.integers(0, entitled))
    boxes = []
    left = present
    for number in range(draw(st.integers(1, 3))):
        cast = draw(st.just(left) | st.integers(0, left))
        left -= cast
        invalid = draw(st.integers(0, min(cast, 3)) | st.integers(0, cast))
        valid = cast - invalid
        near = sorted({0, valid // 2, valid // 2 + 1, max(valid - 1, 0), valid} - {valid + 1})
        approvals = {
            n: draw(st.sampled_from([v for v in near if v <= valid]) | st.integers(0, valid))
            for n in candidates
        }
        boxes.append(BoxTally(str(number + 1), cast, invalid, approvals))
    seats = draw(st.none() | st.integers(1, 2) | st.integers(0, len(candidates)))
    return entitled, present, boxes, candidates, seats


@given(elections())
def test_every_candidate_lands_in_exactly_one_group(election):
    entitled, present, boxes, candidates, seats = election
    result = tally_paper(entitled, present, boxes, list(boxes), candidates, seats=seats)
    groups = [*result.elected, *result.runoff, *result.not_elected]
    assert sorted(groups) == sorted(candidates)
    assert result.valid == sum(b.cast - b.invalid for b in boxes)
    assert result.votes == {n: sum(b.approvals[n] for b in boxes) for n in candidates}


@given(elections())
def test_quorum_is_more_than_half_of_the_entitled(election):
    entitled, present, boxes, candidates, seats = election
    result = tally_paper(entitled, present, boxes, boxes, candidates, seats=seats)
    assert result.quorum_met == (2 * present > entitled)
    if not result.quorum_met:
        assert result.status == "no_quorum" and not result.elected


@given(elections())
def test_nobody_below_the_threshold_passes_and_seats_hold(election):
    entitled, present, boxes, candidates, seats = election
    result = tally_paper(entitled, present, boxes, boxes, candidates, seats=seats)
    for name in (*result.elected, *result.runoff):
        assert 2 * result.votes[name] > result.valid  # more than half of the valid votes
        assert result.votes[name] >= result.needed[name]
    if seats is not None:
        assert len(result.elected) <= seats
        if result.status == "runoff":
            assert len(result.elected) + result.runoff_seats == seats
            assert len(result.runoff) > result.runoff_seats > 0
            tied = {result.votes[n] for n in result.runoff}
            assert len(tied) == 1  # a true tie at the last seat
            last = next(iter(tied))
            assert all(result.votes[n] > last for n in result.elected)
        passed_out = [n for n in result.not_elected if result.votes[n] >= result.needed[n]]
        for loser in passed_out:  # passed the threshold but lost on seats: fewer votes
            assert all(result.votes[w] > result.votes[loser] for w in result.elected)


@given(elections(), st.fractions(Fraction(0), Fraction(1)), st.booleans())
def test_needed_is_the_smallest_count_meeting_the_share(election, share, strict):
    entitled, present, boxes, candidates, seats = election
    rule = TallySettings(threshold=share, threshold_strict=strict)
    result = tally_paper(entitled, present, boxes, boxes, candidates, seats=seats, settings=rule)
    base = result.valid
    for need in result.needed.values():
        meets = (lambda v: v > share * base) if strict else (lambda v: v >= share * base)
        assert meets(need) and not meets(need - 1)


@given(elections())
def test_double_entry_of_the_same_boxes_merges_to_them(election):
    boxes = election[2]
    assert merge_double_entry(boxes, list(reversed(boxes))) == sorted(boxes, key=lambda b: b.box)
