"""Big JSON values encoded and decoded in pieces: the same text and values as json's."""

from __future__ import annotations

import json

import pytest

from desktop.core.store import batches

VALUES = [
    {"mentions": [[i, 7, 2, i * 3, f"Sentence {i} — “quoted”"] for i in range(1234)], "created": [],
     "entities": [{"id": 1, "name": "Zoë", "lat": 1.5, "geonameid": None}], "x": {"y": [1, [2]]}, "z": "é\n"},
    {}, [], [1, 2], "text", 3, None, {"a": [[]] * 600, "b": [{}], "c": True},
]


@pytest.mark.parametrize("value", VALUES)
def test_dumps_and_loads_match_json(value):
    text = batches.dumps(value, ensure_ascii=False, default=str)
    assert text == json.dumps(value, ensure_ascii=False, default=str)
    assert batches.loads(text) == value
    assert batches.loads(json.dumps(value, indent=2)) == value


@pytest.mark.parametrize("bad", ['{"a": [1 2]}', '{"a" 1}', '{"a": 1} x', '{"a": [1,', '{"a": 1'])
def test_loads_refuses_what_json_refuses(bad):
    with pytest.raises(ValueError):
        json.loads(bad)
    with pytest.raises(ValueError):
        batches.loads(bad)
