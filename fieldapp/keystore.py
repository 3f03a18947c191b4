"""The remembered team passphrase, kept in the operating system's key store.

Through ``keyring``: the Windows Credential Locker, the macOS Keychain or the Secret
Service on Linux (local IPC, never the network). One passphrase per user: a team
shares one. Where the computer has no usable key store (a headless Linux, or keyring
switched off) nothing is remembered anywhere and ``available()`` says so.

``keyring`` is imported only when needed, so the app's start stays quick. Tests put an
in-memory backend in with ``keyring.set_keyring``. No Qt here.
"""

from __future__ import annotations

import logging
import sys
from typing import Any, Protocol

logger = logging.getLogger(__name__)

SERVICE = "Feltbog"
ACCOUNT = "team-passphrase"
# Where versions before the key store kept the passphrase, in plain text (QSettings).
LEGACY_SETTINGS_KEY = "sync/passphrase"

# The backend each platform's key store is reached by (keyring's entry point names).
PLATFORM_BACKENDS = {"linux": "SecretService", "win32": "Windows", "darwin": "macOS"}


class Settings(Protocol):
    def value(self, key: str, default: Any = None) -> Any: ...
    def remove(self, key: str) -> None: ...
    def sync(self) -> None: ...


def _backend():
    """keyring's backend when it can really keep a secret, else None."""
    try:
        import keyring

        backend = keyring.get_keyring()
        # keyring's "fail" and "null" backends (no key store, or switched off) rank 0 and -1.
        return backend if backend.priority > 0 else None
    except Exception:  # a broken key store only means "nothing is remembered"
        logger.warning("no usable key store", exc_info=True)
        return None


def available() -> bool:
    return _backend() is not None


def load() -> str | None:
    """The remembered passphrase, or None (none kept, no key store, or it refused)."""
    backend = _backend()
    if backend is None:
        return None
    try:
        return backend.get_password(SERVICE, ACCOUNT) or None
    except Exception:  # e.g. the user dismissed the unlock prompt
        logger.warning("could not read the passphrase from the key store", exc_info=True)
        return None


def save(passphrase: str) -> bool:
    """Keep the passphrase in the key store; False if there is none or it refused."""
    backend = _backend()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, ACCOUNT, passphrase)
    except Exception:  # locked or refused: the user types it next time
        logger.warning("could not save the passphrase in the key store", exc_info=True)
        return False
    return True


def forget() -> None:
    """Remove a remembered passphrase (nothing happens if none was kept)."""
    backend = _backend()
    if backend is None or load() is None:
        return
    try:
        backend.delete_password(SERVICE, ACCOUNT)
    except Exception:  # the entry stays; it is the user's own key store
        logger.warning("could not remove the passphrase from the key store", exc_info=True)


def move_out_of_settings(settings: Settings) -> bool:
    """Take a plain-text passphrase left by an older version out of the settings file.

    It goes into the key store when there is one (unless one is kept there already)
    and is deleted from the settings either way. True if there was one.
    """
    old = settings.value(LEGACY_SETTINGS_KEY)
    if old is None:
        return False
    if isinstance(old, str) and old and load() is None:
        save(old)
    settings.remove(LEGACY_SETTINGS_KEY)
    settings.sync()
    logger.info("moved the remembered passphrase out of the settings file")
    return True


def describe() -> str:
    """Which key store backends this copy can reach (for ``--self-test``); raises if the
    platform's own backend is missing, as in a bundle that lost keyring's entry points."""
    from importlib.metadata import entry_points

    import keyring

    found = {ep.name: ep for ep in entry_points(group="keyring.backends")}
    wanted = PLATFORM_BACKENDS.get(sys.platform)
    if wanted is not None:
        if wanted not in found:
            listed = ", ".join(sorted(found)) or "none"
            raise RuntimeError(f"keyring's {wanted} backend is missing (found: {listed})")
        found[wanted].load()
        if wanted == "SecretService":
            import secretstorage  # noqa: F401 - without it the backend never offers itself
    backend = keyring.get_keyring()
    in_use = type(backend).__module__.removeprefix("keyring.backends.") if backend.priority > 0 else "none"
    return f"backends {', '.join(sorted(found))}; in use: {in_use}"
