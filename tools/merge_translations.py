"""Resolve a merge conflict in the .ts files: keep every translation either side had.

    python tools/merge_translations.py OURS_REF THEIRS_REF

Reads ``feltbog_da.ts``/``feltbog_en.ts`` as they are in both commits, takes ours, refreshes
it from the code now in the tree (``tools/update_translations.py``) and fills every message
that either side had translated. Prints what is still untranslated.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def translations(text: str) -> dict[str, object]:
    found: dict[str, object] = {}
    for message in ET.fromstring(text).iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")]
        found[source] = forms if forms else (translation.text or "")
    return found


def _show(ref: str, rel: str) -> str | None:
    done = subprocess.run(["git", "show", f"{ref}:{rel}"], capture_output=True, text=True, cwd=ROOT)
    return done.stdout if done.returncode == 0 else None


def main(ours: str, theirs: str) -> int:
    names = ("feltbog_da.ts", "feltbog_en.ts")
    known: dict[str, dict[str, object]] = {}
    for name in names:  # both files back to ours first: lupdate reads them all at once
        rel = f"resources/translations/{name}"
        known[name] = {}
        for ref in (theirs, ours):  # ours wins where both translated a string
            text = _show(ref, rel)
            if text is not None:
                known[name].update(translations(text))
        (ROOT / rel).write_text(_show(ours, rel) or "", encoding="utf-8")
    update = [sys.executable, str(ROOT / "tools" / "update_translations.py")]
    subprocess.run(update, check=True, capture_output=True)
    missing = 0
    for name in names:
        path = ROOT / "resources" / "translations" / name
        tree = ET.parse(path)
        for message in tree.getroot().iter("message"):
            source = message.find("source").text or ""
            translation = message.find("translation")
            if translation.get("type") != "unfinished":
                continue
            value = known[name].get(source)
            if value is None:
                if not name.endswith("_en.ts"):
                    missing += 1
                    print(f"{name}: untranslated: {source}")
                continue
            translation.attrib.pop("type", None)
            if isinstance(value, list):
                translation.text = None
                for child in list(translation):
                    translation.remove(child)
                for form in value:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = value
        tree.write(path, encoding="utf-8", xml_declaration=True)
    # lupdate's own layout again, so the next merge compares like with like
    subprocess.run(update, check=True, capture_output=True)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
