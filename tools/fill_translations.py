"""Fill unfinished messages of a .ts file from a Python dict (a translator's helper, run by hand).

    python tools/fill_translations.py resources/translations/feltbog_da.ts TABLE.py

TABLE.py defines ``DA`` (source -> translation) and optionally ``PLURAL_DA`` (source ->
(singular, plural)); for an ``_en.ts`` file, ``PLURAL_EN``. Prints what is still missing.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET


def fill(ts_path: str, table_path: str) -> int:
    table = runpy.run_path(table_path)
    english = ts_path.endswith("_en.ts")
    texts = {} if english else table.get("DA", {})
    plurals = table.get("PLURAL_EN" if english else "PLURAL_DA", {})
    tree = ET.parse(ts_path)
    missing = 0
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            if source in plurals:
                translation.attrib.pop("type", None)
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in plurals[source]:
                    ET.SubElement(translation, "numerusform").text = form
            elif not english:
                missing += 1
                print("missing plural:", source)
        elif source in texts:
            translation.text = texts[source]
            translation.attrib.pop("type", None)
        elif not english and translation.get("type") == "unfinished":
            missing += 1
            print("missing:", repr(source))
    ET.indent(tree)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    sys.exit(1 if fill(sys.argv[1], sys.argv[2]) else 0)
