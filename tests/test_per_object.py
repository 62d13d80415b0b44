"""compliance.per_object: a value built once per live object, rebuilt when its version changes."""

import gc
from dataclasses import dataclass

from compliance.per_object import PerObject


@dataclass
class Owner:  # unhashable, like Article and Catalog
    text: str


def test_built_once_per_object_and_again_when_the_version_changes():
    kept: PerObject[int] = PerObject()
    calls = []

    def build(owner):
        calls.append(owner.text)
        return len(owner.text)

    a, b = Owner("abc"), Owner("abc")  # equal, but two objects
    assert kept.get(a, build, a.text) == 3
    assert kept.get(a, build, a.text) == 3
    assert kept.get(b, build, b.text) == 3
    assert calls == ["abc", "abc"]
    a.text = "abcdef"
    assert kept.get(a, build, a.text) == 6
    assert calls == ["abc", "abc", "abcdef"]


def test_a_value_goes_with_its_object():
    kept: PerObject[str] = PerObject()
    owner = Owner("x")
    kept.get(owner, lambda o: o.text)
    assert len(kept._values) == 1
    del owner
    gc.collect()
    assert kept._values == {}
