"""The cache of validated catalogues: a hit is exactly a fresh load, and it is never required."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from implementatie import CatalogError, cachefiles, load_catalog
from implementatie.knowledge import catalog_cache, loader
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.catalog_cache import same
from tests.conftest import CATALOGUES


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("IMPLEMENTATIE_CACHE_DIR", str(folder))
    return folder


def fresh(monkeypatch: pytest.MonkeyPatch, *args: object) -> Catalog:
    with monkeypatch.context() as patch:
        patch.setenv("IMPLEMENTATIE_NO_CACHE", "1")
        return load_catalog(*args)  # type: ignore[arg-type]


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("catalog-*.json"))


def assert_exact(found: Catalog, expected: Catalog) -> None:
    assert same(found, expected)
    assert repr(found.strategies) == repr(expected.strategies)
    for field in ("categories", "determinants", "strategies", "eric_strategies", "sources"):
        assert getattr(found, field) == getattr(expected, field)
    assert found.questionnaire == expected.questionnaire


def test_a_hit_is_exactly_a_fresh_load(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written = loader._bundled_catalog.__wrapped__()  # type: ignore[attr-defined]
    [entry] = entries(cache)
    hit = loader._bundled_catalog.__wrapped__()  # type: ignore[attr-defined]
    assert entries(cache) == [entry]
    expected = fresh(monkeypatch)
    assert_exact(written, expected)
    assert_exact(hit, expected)
    # Fields given in the YAML stay "set" and defaults stay unset, as after validation.
    strategy = hit.strategies[0]
    assert strategy.model_fields_set == expected.strategies[0].model_fields_set
    assert strategy.model_dump(exclude_unset=True) == expected.strategies[0].model_dump(
        exclude_unset=True
    )
    # The rebuilt models are the usual frozen models.
    with pytest.raises(ValueError, match="frozen"):
        strategy.id = "other"  # type: ignore[misc]


def test_a_hit_does_not_validate_again(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_catalog(CATALOGUES / "minimal.yaml")

    def no_validation(texts: object) -> Catalog:
        raise AssertionError("validated again")

    monkeypatch.setattr(loader, "_load", no_validation)
    assert load_catalog(CATALOGUES / "minimal.yaml").determinants


def test_an_edited_file_is_a_miss(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "own.yaml"
    shutil.copy(CATALOGUES / "minimal.yaml", own)
    first = load_catalog(own)
    text = own.read_text(encoding="utf-8")
    name = first.determinants[0].name.en
    own.write_text(text.replace(name, "Edited name", 1), encoding="utf-8")
    second = load_catalog(own)
    assert second.determinants[0].name.en == "Edited name"
    assert len(entries(cache)) == 2
    assert_exact(second, fresh(monkeypatch, own))


def test_same_content_at_another_path_keeps_its_own_sources(cache: Path, tmp_path: Path) -> None:
    one, other = tmp_path / "one.yaml", tmp_path / "other.yaml"
    shutil.copy(CATALOGUES / "minimal.yaml", one)
    shutil.copy(CATALOGUES / "minimal.yaml", other)
    assert load_catalog(one).sources == (str(one),)
    assert load_catalog(other).sources == (str(other),)


def edited_body(data: bytes) -> bytes:
    """The entry with one text changed, under its old header (so its checksum is wrong)."""
    head, _, body = data.partition(b"\n")
    plain = json.loads(body)
    plain["determinants"][2][0][4][1] = "Changed"
    return head + b"\n" + json.dumps(plain).encode()


def with_checksum(data: bytes, body: bytes) -> bytes:
    """`body` under the header of `data`, with its own right checksum."""
    header = json.loads(data.partition(b"\n")[0])
    header["sha256"] = hashlib.sha256(body).hexdigest()
    return json.dumps(header).encode() + b"\n" + body


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: b"not json\n" + data,
        lambda data: edited_body(data),
        lambda data: data.partition(b"\n")[0] + b"\n[]",
        lambda data: with_checksum(data, b'{"categories": []}'),
        lambda data: with_checksum(data, edited_body(data).partition(b"\n")[2][:-1]),
    ],
    ids=[
        "empty",
        "truncated",
        "garbage header",
        "changed body",
        "foreign body",
        "wrong layout",
        "broken json",
    ],
)
def test_a_damaged_entry_is_rebuilt(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: object
) -> None:
    own = tmp_path / "own.yaml"
    shutil.copy(CATALOGUES / "minimal.yaml", own)
    load_catalog(own)
    [entry] = entries(cache)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))  # type: ignore[operator]
    assert_exact(load_catalog(own), fresh(monkeypatch, own))
    assert entry.read_bytes() == good


def test_a_foreign_entry_under_the_name_is_rebuilt(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry of another catalogue, with a valid checksum, does not pass for this one."""
    one, other = tmp_path / "one.yaml", tmp_path / "other.yaml"
    shutil.copy(CATALOGUES / "minimal.yaml", one)
    shutil.copy(CATALOGUES / "referents.yaml", other)
    load_catalog(one)
    [entry_one] = entries(cache)
    load_catalog(other)
    [entry_other] = [e for e in entries(cache) if e != entry_one]
    entry_one.write_bytes(entry_other.read_bytes())
    assert_exact(load_catalog(one), fresh(monkeypatch, one))


def test_the_header_must_match_exactly(cache: Path, tmp_path: Path) -> None:
    own = tmp_path / "own.yaml"
    shutil.copy(CATALOGUES / "minimal.yaml", own)
    load_catalog(own)
    [entry] = entries(cache)
    head, _, body = entry.read_bytes().partition(b"\n")
    header = json.loads(head)
    header["format"] = cachefiles.FORMAT + 1
    entry.write_bytes(json.dumps(header).encode() + b"\n" + body)
    load_catalog(own)
    assert json.loads(entry.read_bytes().partition(b"\n")[0])["format"] == cachefiles.FORMAT


def test_an_unusable_folder_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("IMPLEMENTATIE_CACHE_DIR", str(blocker / "cache"))
    assert_exact(
        load_catalog(CATALOGUES / "minimal.yaml"), fresh(monkeypatch, CATALOGUES / "minimal.yaml")
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_folder_is_skipped(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.mkdir()
    cache.chmod(0o500)
    try:
        found = load_catalog(CATALOGUES / "minimal.yaml")
    finally:
        cache.chmod(0o700)
    assert_exact(found, fresh(monkeypatch, CATALOGUES / "minimal.yaml"))


def test_turned_off_writes_nothing(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPLEMENTATIE_NO_CACHE", "1")
    load_catalog(CATALOGUES / "minimal.yaml")
    assert not cache.exists()


def test_the_default_folder_is_the_users_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_cache_dir

    monkeypatch.delenv("IMPLEMENTATIE_CACHE_DIR")
    assert cachefiles.cache_folder() == Path(user_cache_dir("implementatie", appauthor=False))


def test_a_catalogue_with_problems_is_not_stored(cache: Path) -> None:
    bad = next((CATALOGUES / "bad").glob("*.yaml"))
    for _ in range(2):
        with pytest.raises(CatalogError):
            load_catalog(bad)
    assert entries(cache) == []


def test_old_entries_are_pruned(cache: Path, tmp_path: Path) -> None:
    own = tmp_path / "own.yaml"
    text = (CATALOGUES / "minimal.yaml").read_text(encoding="utf-8")
    for n in range(cachefiles.KEEP + 2):
        own.write_text(f"{text}\n# edit {n}\n", encoding="utf-8")
        load_catalog(own)
    assert len(entries(cache)) == cachefiles.KEEP


def test_a_field_type_it_cannot_store_is_refused() -> None:
    with pytest.raises(TypeError, match="cannot store"):
        catalog_cache._converter(dict[str, int])
