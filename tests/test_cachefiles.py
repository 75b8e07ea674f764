"""Cache files: keyed, checked, written atomically; compiled translations come from them."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from implementatie import cachefiles, i18n


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("IMPLEMENTATIE_CACHE_DIR", str(folder))
    return folder


def test_written_bodies_are_read_back_under_their_key_only(cache: Path) -> None:
    key = cachefiles.key_of(b"a", b"b")
    path = cachefiles.cache_path(cache, "thing", key, ".bin")
    assert cachefiles.read(path, key) is None
    cachefiles.write(path, key, b"body\nwith lines")
    assert cachefiles.read(path, key) == b"body\nwith lines"
    assert cachefiles.read(path, cachefiles.key_of(b"a", b"c")) is None
    assert not list(cache.glob(".thing-*"))  # no temporary file left behind


def test_keys_keep_parts_apart() -> None:
    assert cachefiles.key_of(b"ab", b"c") != cachefiles.key_of(b"a", b"bc")


def test_a_changed_body_is_not_read(cache: Path) -> None:
    key = cachefiles.key_of(b"x")
    path = cachefiles.cache_path(cache, "thing", key, ".bin")
    cachefiles.write(path, key, b"original")
    path.write_bytes(path.read_bytes().replace(b"original", b"changed!"))
    assert cachefiles.read(path, key) is None


def test_turned_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPLEMENTATIE_NO_CACHE", "1")
    assert cachefiles.cache_folder() is None


def test_translations_are_compiled_once(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.translation.cache_clear()
    try:
        expected = i18n.gettext("Barrier", "nl")
        assert expected != "Barrier"
        assert len(list(cache.glob("messages-*.mo"))) == 1
        i18n.translation.cache_clear()
        real_import = builtins.__import__

        def no_polib(name: str, *args: object, **kwargs: object) -> object:
            if name == "polib":
                raise AssertionError("compiled again")
            return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(builtins, "__import__", no_polib)
        assert i18n.gettext("Barrier", "nl") == expected
    finally:
        i18n.translation.cache_clear()


def test_translations_work_without_a_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPLEMENTATIE_NO_CACHE", "1")
    i18n.translation.cache_clear()
    try:
        assert i18n.gettext("Barrier", "nl") != "Barrier"
    finally:
        i18n.translation.cache_clear()


@pytest.mark.parametrize(
    ("xdg", "home"),
    [
        (None, "/home/anna"),
        ("", "/home/anna"),
        ("/var/cache/anna", "/home/anna"),
        ("/var/cache/anna/", "/home/anna"),
        ("relative/cache", "/home/anna"),
        (None, "relative-home"),
        (None, None),
    ],
)
def test_the_users_cache_folder_is_where_platformdirs_puts_it(
    xdg: str | None, home: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_cache_dir

    for name, value in (("XDG_CACHE_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    expected = Path(user_cache_dir("implementatie", appauthor=False))
    assert cachefiles.user_cache_folder() == expected
