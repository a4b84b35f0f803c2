"""ID numbers, mobiles, name search keys: the normalisation every path shares."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services.errors import ValidationError
from desktop_app.services.identity import mask_mobile, mobile, name_keys, resident_id


def test_valid_resident_id_gives_birth_date_and_sex():
    checked = resident_id("11010519491231002x")
    assert checked.number == "11010519491231002X"
    assert checked.birth_date == dt.date(1949, 12, 31)
    assert checked.sex == "F"
    assert resident_id("110105198001010016").sex == "M"
    # A retired county code (not in stdnum's table) is still a valid card.
    assert resident_id("440524198001010013").birth_date == dt.date(1980, 1, 1)


def test_full_width_and_spaced_id_is_normalised():
    assert resident_id(" １１０１０５ １９４９１２３１ ００２Ｘ ").number == "11010519491231002X"


def test_legacy_15_digit_id_becomes_18_digits():
    checked = resident_id("110105491231002")
    assert checked.number == "11010519491231002X"
    assert checked.birth_date == dt.date(1949, 12, 31)


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("110105194912310021", "id_checksum"),
        ("110105194913310028", "id_birth_date"),
        ("1101051949123100", "id_format"),
        ("11010519491231002A", "id_format"),
        ("110105209912310023", "id_birth_date"),  # born in 2099
    ],
)
def test_bad_resident_ids_name_the_problem(number, code):
    with pytest.raises(ValidationError) as caught:
        resident_id(number)
    assert (caught.value.field, caught.value.code) == ("id_number", code)


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("13800138000", "+8613800138000"),
        ("138-0013-8000", "+8613800138000"),
        ("１３８ ００１３ ８０００", "+8613800138000"),
        ("+86 138 0013 8000", "+8613800138000"),
        ("0086 13800138000", "+8613800138000"),
        ("+852 6123 4567", "+85261234567"),
        ("+853 6612 3456", "+85366123456"),
        ("+886 912 345 678", "+886912345678"),
        ("+1 415 555 2671", "+14155552671"),
    ],
)
def test_mobiles_are_normalised(typed, e164):
    assert mobile(typed).e164 == e164


@pytest.mark.parametrize("typed", ["12345", "1380013800", "not a number", "+86 000 0000 0000"])
def test_impossible_mobiles_are_field_errors(typed):
    with pytest.raises(ValidationError) as caught:
        mobile(typed)
    assert (caught.value.field, caught.value.code) == ("mobile", "mobile_invalid")


def test_mobile_masking():
    assert mask_mobile("+8613800138000") == "138****8000"
    assert mask_mobile("+85261234567") == "852****4567"
    assert mask_mobile(None) == ""


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("张三丰", "zhangsanfeng", "zsf"),
        ("曾小贤", "zengxiaoxian", "zxx"),
        ("单田芳", "shantianfang", "stf"),
        ("仇晓", "qiuxiao", "qx"),
        ("解晓东", "xiexiaodong", "xxd"),
        ("区志明", "ouzhiming", "ozm"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("王·艾力", "wangaili", "wal"),
        ("Anna Li", "annali", "al"),
    ],
)
def test_name_search_keys(name, full, initials):
    assert name_keys(name) == (full, initials)
