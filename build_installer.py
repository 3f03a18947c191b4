"""Build Feltbog as a self-contained app with PyInstaller: ``python build_installer.py [--onefile]``.

Steps: check that the tools and resources are there, compile the translations
(``.ts`` → ``.qm``), render the app icon from its SVG, run PyInstaller with the
resources bundled and the Qt modules Feltbog never imports left out, then add what
the platform's installer needs:

- Linux: ``dist/Feltbog/`` with a ``.desktop`` file, icons and ``install-desktop-entry.sh``,
  packed as ``dist/Feltbog-<version>-linux-<arch>.tar.gz``;
- Windows: ``dist/Feltbog.iss``, an Inno Setup script for the folder build;
- macOS: ``dist/Feltbog.app`` (PyInstaller makes it from the windowed build).

Anything missing stops the build with a one-line reason and exit code 2.
The last lines printed give the unpacked size and where everything went.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"
ENTRY = ROOT / "fieldapp" / "__main__.py"
EXIT_MISSING, EXIT_FAILED = 2, 1

# Stays the same for every version: Windows recognises upgrades and the uninstaller by it.
INNO_APP_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "https://feltbog.invalid/windows-installer")).upper()
DESKTOP_ID = "dk.feltbog.Feltbog"
ICON_BACKGROUND = "#2f6b4f"
ICON_PNG_SIZE = 256

# Never bundled even if something imports them on the side: test tools and Tk.
EXCLUDED_PYTHON_MODULES = (
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "IPython",
    # and parts of libraries Feltbog never reaches: pikepdf needs lxml.etree only;
    # Pillow opens AVIF only when its optional module is there (5 MB of codecs).
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL.ImageTk",
    "PIL._imagingtk",
    "PIL.ImageQt",
    "readline",
    # Feltbog never opens a connection, so no TLS: hashlib then uses Python's own
    # SHA-2 code and OpenSSL's libcrypto/libssl (5 MB) stay out.
    "ssl",
    "_ssl",
    "_hashlib",
    # Phones give JPEG (or HEIC, which Pillow cannot read anyway); WebP is rare.
    "PIL._webp",
    "PIL.WebPImagePlugin",
    # East-Asian multibyte codecs: notes, GPX files and sync files are UTF-8
    # (or Latin-1 from old GPS devices).
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_codecs_iso2022",
    "_multibytecodec",
    # bz2 archives (zipfile only imports it when such a member appears; sync files use
    # deflate; the daily backup is xz, so lzma stays) and the interactive help and test tools.
    "_bz2",
    "bz2",
    "pydoc",
    "pydoc_data",
    "doctest",
    "unittest",
    # reportlab guesses an XMP file's encoding with charset_normalizer only when
    # given the file's path; Feltbog's XMP is written by pikepdf (0.5 MB).
    "charset_normalizer",
    # lxml's SAX bridge and E-factory: pikepdf uses lxml.etree only (0.3 MB).
    "lxml.sax",
    "lxml.builder",
)

# Qt plugins a Linux desktop app does not load: kiosk/embedded platforms (eglfs, linuxfb,
# vnc, which also drags in QtNetwork), evdev input for kiosks, and the GTK theme (GTK, Cairo
# and Pango: 15 MB). xcb and offscreen stay; so does the xdg-desktop-portal theme.
LINUX_DROPPED_PLUGINS = (
    "platforms/libqeglfs.so",
    "platforms/libqlinuxfb.so",
    "platforms/libqminimal.so",
    "platforms/libqminimalegl.so",
    "platforms/libqvkkhrdisplay.so",
    "platforms/libqvnc.so",
    "egldeviceintegrations",
    "generic",
    "platformthemes/libqgtk3.so",
    "imageformats/libqtiff.so",
    "imageformats/libqicns.so",
    "imageformats/libqtga.so",
    "imageformats/libqwbmp.so",
    # Photos reach Qt only as PNG thumbnails made by Pillow, icons as SVG: no JPEG/GIF/WebP readers.
    "imageformats/libqwebp.so",
    "imageformats/libqjpeg.so",
    "imageformats/libqgif.so",
    # Native Wayland: on a Wayland desktop Qt falls back to xcb through XWayland, which
    # GNOME and KDE provide; this keeps 2 MB of Wayland client libraries out.
    "platforms/libqwayland.so",
    "platforms/libqwayland-egl.so",
    "platforms/libqwayland-generic.so",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
)


class Missing(Exception):
    """Something the build needs is not there; the message says what and how to get it."""


def app_metadata() -> tuple[str, str]:
    sys.path.insert(0, str(ROOT))
    from fieldapp import APP_NAME, __version__

    return APP_NAME, __version__


# ---------------------------------------------------------------- checks
def check_pyinstaller() -> str:
    try:
        import PyInstaller
    except ImportError:
        raise Missing(
            f"PyInstaller is not installed for {sys.executable}.\n"
            'Install the build extra first:  pip install -e ".[build]"'
        ) from None
    return PyInstaller.__version__


def check_resources() -> None:
    needed = {
        "fonts (resources/fonts/*.ttf)": sorted((RESOURCES / "fonts").glob("*.ttf")),
        "icons (resources/icons/*.svg)": sorted((RESOURCES / "icons").glob("*.svg")),
        "translations (resources/translations/*.ts)": sorted((RESOURCES / "translations").glob("*.ts")),
    }
    lacking = [what for what, files in needed.items() if not files]
    if not (RESOURCES / "icons" / "feltbog.svg").is_file():
        lacking.append("the app icon resources/icons/feltbog.svg")
    if lacking:
        raise Missing("resources missing: " + "; ".join(lacking) + f" (looked in {RESOURCES})")


def build_qm_files() -> list[Path]:
    """Compile every ``.ts``; the bundle carries only the ``.qm`` files."""
    from fieldapp.ui import translations

    if translations._lrelease() is None:
        raise Missing(
            "pyside6-lrelease (or lrelease) was not found beside Python or on PATH; it comes with PySide6:\n"
            "  pip install -e .   (PySide6-Essentials provides pyside6-lrelease)"
        )
    folder = RESOURCES / "translations"
    translations.build_translations(folder, force=True)
    sources = sorted(folder.glob("*.ts"))
    failed = [
        ts.name
        for ts in sources
        if not ts.with_suffix(".qm").exists() or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if failed:
        raise Missing("lrelease could not compile: " + ", ".join(failed))
    return [ts.with_suffix(".qm") for ts in sources]


# ---------------------------------------------------------------- Qt modules
def used_qt_modules(package: Path = ROOT / "fieldapp") -> set[str]:
    """The ``PySide6.Qt*`` modules Feltbog's own code imports."""
    pattern = re.compile(r"\bPySide6\.(Qt\w+)")
    used = set()
    for source in package.rglob("*.py"):
        used.update(pattern.findall(source.read_text(encoding="utf-8")))
    return used


def unused_qt_modules(used: set[str]) -> list[str]:
    """Every Qt module of the installed PySide6 that Feltbog does not import."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    available = {
        p.name.split(".")[0]
        for p in folder.iterdir()
        if p.name.startswith("Qt") and p.suffix in {".pyi", ".so", ".pyd"}
    }
    # QtDBus stays: Qt's Linux platform theme talks to the desktop over D-Bus (no network).
    keep = used | {"QtDBus"}
    return sorted(f"PySide6.{name}" for name in available - keep)


# ---------------------------------------------------------------- icon
def app_icon_svg() -> str:
    """The line-art notebook icon, white on a rounded green square: readable in any menu."""
    source = (RESOURCES / "icons" / "feltbog.svg").read_text(encoding="utf-8")
    match = re.match(r"\s*(<svg\b[^>]*>)(.*)</svg>\s*$", source, re.S)
    if not match:
        raise Missing("resources/icons/feltbog.svg is not a single <svg> element")
    opening, body = match.groups()
    opening = re.sub(r'\s(width|height)="[^"]*"', "", opening).replace(
        "<svg", '<svg width="256" height="256"', 1
    )
    return (
        f"{opening.replace('currentColor', '#ffffff')}"
        f'<rect x="0" y="0" width="24" height="24" rx="5" fill="{ICON_BACKGROUND}" stroke="none"/>'
        f'<g transform="translate(2.4 2.4) scale(0.8)">{body.replace("currentColor", "#ffffff")}</g></svg>\n'
    )


def render_icons(folder: Path) -> tuple[Path, Path, Path]:
    """Write ``feltbog.svg``, a PNG rendered with Qt and a Windows ``.ico`` (from the PNG, with Pillow)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    folder.mkdir(parents=True, exist_ok=True)
    svg_text = app_icon_svg()
    svg_path = folder / "feltbog.svg"
    svg_path.write_text(svg_text, encoding="utf-8")
    # A QApplication (not just a QGuiApplication), so that a caller in the same process can
    # still make widgets afterwards (the test suite does).
    _app = QApplication.instance() or QApplication(["build_installer", "-platform", "offscreen"])
    renderer = QSvgRenderer(QByteArray(svg_text.encode("utf-8")))
    if not renderer.isValid():
        raise Missing("Qt could not read the app icon SVG")
    image = QImage(ICON_PNG_SIZE, ICON_PNG_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png_path = folder / "feltbog.png"
    if not image.save(str(png_path), "PNG"):
        raise Missing(f"could not write {png_path}")
    ico_path = folder / "feltbog.ico"
    with Image.open(png_path) as png:
        png.save(ico_path, sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    return svg_path, png_path, ico_path


# ---------------------------------------------------------------- PyInstaller
def pyinstaller_command(
    name: str,
    *,
    onefile: bool,
    dist: Path,
    work: Path,
    icon: Path,
    excludes: list[str],
    system: str = platform.system(),
) -> list[str]:
    sep = os.pathsep
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(ENTRY),
        "--name",
        name,
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        "--paths",
        str(ROOT),
        "--onefile" if onefile else "--onedir",
        # The CLI finds its commands by name at run time, so every submodule goes in
        # (fieldapp.sync too, once it exists).
        "--collect-submodules",
        "fieldapp",
        "--add-data",
        f"{RESOURCES / 'fonts'}{sep}resources/fonts",
        "--add-data",
        f"{RESOURCES / 'icons'}{sep}resources/icons",
    ]
    for qm in sorted((RESOURCES / "translations").glob("*.qm")):
        command += ["--add-data", f"{qm}{sep}resources/translations"]
    for module in [*excludes, *EXCLUDED_PYTHON_MODULES]:
        command += ["--exclude-module", module]
    if system in ("Windows", "Darwin"):
        command += ["--windowed", "--icon", str(icon)]
    if system == "Darwin":
        command += ["--osx-bundle-identifier", DESKTOP_ID]
    if system == "Linux":
        command += ["--strip"]  # debug symbols in Qt's libraries are most of their size
    return command


def prune_qt_translations(bundle: Path, languages: tuple[str, ...] = ("da", "en")) -> int:
    """Drop Qt's own ``.qm`` files for languages Feltbog does not offer; returns bytes freed."""
    freed = 0
    for qm in bundle.rglob("PySide6/Qt/translations/*.qm"):
        language = qm.stem.split("_", 1)[-1]
        if not any(language == lang or language.startswith(lang + "_") for lang in languages):
            freed += qm.stat().st_size
            qm.unlink()
    return freed


def elf_needed(path: Path) -> list[str]:
    """The shared libraries an ELF file links (DT_NEEDED), read with ``readelf`` from binutils."""
    output = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", output)


def is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def _is_plain_library(name: str) -> bool:
    """A shared library loaded only because something links it (``libfoo.so.1``).

    Python extension modules (``_cffi_backend.cpython-311-….so``, ``*.abi3.so``) are
    loaded by ``import``, not by the linker, so no DT_NEEDED entry names them: they
    must never be pruning candidates.
    """
    return (
        name.startswith("lib")
        and ".so" in name
        and not name.startswith("libpython")
        and ".cpython-" not in name
        and ".abi3." not in name
    )


def prune_linux_bundle(bundle: Path) -> int:
    """Drop unneeded Qt plugins, then every shared library nothing left in the bundle links.

    Candidates are the libraries PyInstaller collected only as dependencies (top of
    ``_internal`` and Qt's ``lib``); Python extensions, plugins and wheel-vendored
    libraries are the roots and always stay. Returns the bytes freed.
    """
    if shutil.which("readelf") is None:
        raise Missing("readelf (binutils) is needed to trim the Linux bundle: sudo apt-get install binutils")
    internal = bundle / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    freed = 0
    for relative in LINUX_DROPPED_PLUGINS:
        target = plugins / relative
        if target.exists():
            freed += folder_size(target)
            shutil.rmtree(target) if target.is_dir() else target.unlink()
    qt_lib = internal / "PySide6" / "Qt" / "lib"
    candidates = {
        p.name: p
        for folder in (internal, qt_lib)
        if folder.is_dir()
        for p in folder.iterdir()
        if p.is_file() and _is_plain_library(p.name)
    }
    roots = [
        p
        for p in internal.rglob("*")
        if p.is_file() and not p.is_symlink() and p.name not in candidates and ".so" in p.name and is_elf(p)
    ]
    roots.append(bundle / bundle.name)
    needed: set[str] = set()
    pending = list(roots)
    while pending:
        for name in elf_needed(pending.pop()):
            if name in candidates and name not in needed:
                needed.add(name)
                pending.append(candidates[name])
    for name, path in candidates.items():
        if name not in needed:
            freed += path.stat().st_size
            path.unlink()
    for link in internal.iterdir():  # PyInstaller's top-level links to libraries just removed
        if link.is_symlink() and not link.exists():
            link.unlink()
    return freed


# ---------------------------------------------------------------- per platform
def desktop_entry(name: str, version: str, exec_path: str = "Feltbog", icon: str = DESKTOP_ID) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={name}",
            "GenericName=Field notebook",
            "GenericName[da]=Feltnotesbog",
            "Comment=Walkabouts, 1:1 talks and listening meetings, offline",
            "Comment[da]=Byvandringer, 1:1-samtaler og lyttemøder, uden net",
            f"Exec={exec_path} %f",
            f"Icon={icon}",
            "Terminal=false",
            "Categories=Office;",
            "Keywords=byvandring;lyttemøde;ildsjæl;samskabelse;notebook;",
            f"X-AppVersion={version}",
            "",
        ]
    )


INSTALL_SCRIPT = """#!/bin/sh
# Add {name} to this user's application menu (no root needed). Run it from anywhere.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${{XDG_DATA_HOME:-$HOME/.local/share}}
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps" "$data/icons/hicolor/scalable/apps"
cp "$here/share/{icon_id}.png" "$data/icons/hicolor/256x256/apps/{icon_id}.png"
cp "$here/share/{icon_id}.svg" "$data/icons/hicolor/scalable/apps/{icon_id}.svg"
sed "s|^Exec=.*|Exec=\\"$here/{name}\\" %f|" "$here/share/{icon_id}.desktop" > "$data/applications/{icon_id}.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "{name} is in the application menu; it runs $here/{name}"
"""


def finish_linux(bundle: Path, name: str, version: str, icons: tuple[Path, Path, Path], dist: Path) -> Path:
    svg, png, _ico = icons
    share = bundle / "share"
    share.mkdir(exist_ok=True)
    shutil.copyfile(svg, share / f"{DESKTOP_ID}.svg")
    shutil.copyfile(png, share / f"{DESKTOP_ID}.png")
    (share / f"{DESKTOP_ID}.desktop").write_text(desktop_entry(name, version), encoding="utf-8")
    script = bundle / "install-desktop-entry.sh"
    script.write_text(INSTALL_SCRIPT.format(name=name, icon_id=DESKTOP_ID), encoding="utf-8")
    script.chmod(0o755)
    archive = dist / f"{name}-{version}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(bundle, arcname=bundle.name)
    return archive


def inno_setup_script(name: str, version: str, bundle_dir: str, icon_file: str) -> str:
    """An Inno Setup 6.3+ script installing the folder build; paths are relative to the script."""
    exe = f"{name}.exe"
    return "\n".join(
        [
            f"; Inno Setup script for {name} {version}, written by build_installer.py.",
            f"; Compile on Windows after the folder build:  iscc dist\\{name}.iss",
            "[Setup]",
            f"AppId={{{{{INNO_APP_ID}}}",
            f"AppName={name}",
            f"AppVersion={version}",
            f"AppVerName={name} {version}",
            f"AppPublisher={name}",
            f"DefaultDirName={{autopf}}\\{name}",
            f"DefaultGroupName={name}",
            "DisableProgramGroupPage=yes",
            # Per user by default; IT can install for all users (/ALLUSERS on the command line).
            "PrivilegesRequired=lowest",
            "PrivilegesRequiredOverridesAllowed=dialog commandline",
            "ArchitecturesAllowed=x64compatible",
            "ArchitecturesInstallIn64BitMode=x64compatible",
            "OutputDir=.",
            f"OutputBaseFilename={name}-{version}-setup",
            f"SetupIconFile={icon_file}",
            f"UninstallDisplayIcon={{app}}\\{exe}",
            "Compression=lzma2",
            "SolidCompression=yes",
            "WizardStyle=modern",
            "",
            "[Languages]",
            'Name: "danish"; MessagesFile: "compiler:Languages\\Danish.isl"',
            'Name: "english"; MessagesFile: "compiler:Default.isl"',
            "",
            "[Tasks]",
            'Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; '
            'GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked',
            "",
            "[Files]",
            f'Source: "{bundle_dir}\\*"; DestDir: "{{app}}"; Flags: ignoreversion recursesubdirs createallsubdirs',
            "",
            "[Icons]",
            f'Name: "{{autoprograms}}\\{name}"; Filename: "{{app}}\\{exe}"',
            f'Name: "{{autodesktop}}\\{name}"; Filename: "{{app}}\\{exe}"; Tasks: desktopicon',
            "",
            "[Run]",
            f'Filename: "{{app}}\\{exe}"; Description: "{{cm:LaunchProgram,{name}}}"; '
            "Flags: nowait postinstall skipifsilent",
            "",
        ]
    )


def write_inno_script(dist: Path, name: str, version: str, ico: Path) -> Path:
    shutil.copyfile(ico, dist / f"{name}.ico")
    path = dist / f"{name}.iss"
    path.write_text(inno_setup_script(name, version, name, f"{name}.ico"), encoding="utf-8")
    return path


# ---------------------------------------------------------------- main
def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Build Feltbog with PyInstaller (see the module docstring).")
    parser.add_argument(
        "--onefile", action="store_true", help="one executable instead of a folder (slower to start)"
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist)")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder (default: build)"
    )
    parser.add_argument(
        "--inno", action="store_true", help="also write the Inno Setup script when not on Windows"
    )
    return parser.parse_args(argv)


def build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    name, version = app_metadata()
    system = platform.system()
    check_resources()  # first: a broken checkout is reported even where PyInstaller is not installed
    print(f"{name} {version}: PyInstaller {check_pyinstaller()} on {system} {platform.machine()}", flush=True)
    qm_files = build_qm_files()
    print("translations: " + ", ".join(p.name for p in qm_files), flush=True)
    dist, work = args.dist.resolve(), args.work.resolve()
    icons = render_icons(work / "icons")
    used = used_qt_modules()
    excludes = unused_qt_modules(used)
    print(f"Qt modules used: {', '.join(sorted(used))}; {len(excludes)} others left out", flush=True)
    command = pyinstaller_command(
        name, onefile=args.onefile, dist=dist, work=work, icon=icons[1], excludes=excludes, system=system
    )
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        print(f"PyInstaller failed (exit {result.returncode}); see its messages above.", file=sys.stderr)
        return EXIT_FAILED
    outputs = []
    if args.onefile:
        bundle = dist / (f"{name}.exe" if system == "Windows" else name)
        if system == "Darwin":
            bundle = dist / f"{name}.app"
    else:
        bundle = dist / name
        freed = prune_qt_translations(bundle)
        print(f"removed {freed // 1024} KB of Qt translations for languages Feltbog does not offer")
        if system == "Linux":
            print(
                f"removed {prune_linux_bundle(bundle) / 1e6:.1f} MB of Qt plugins and libraries nothing links"
            )
            outputs.append(finish_linux(bundle, name, version, icons, dist))
        if system == "Darwin":
            outputs.append(dist / f"{name}.app")
        if system == "Windows" or args.inno:
            outputs.append(write_inno_script(dist, name, version, icons[2]))
    size_mb = folder_size(bundle) / 1e6
    kind = "file size (compressed; unpacks at every start)" if args.onefile else "unpacked size"
    print(f"built {bundle} in {time.perf_counter() - started:.0f} s; {kind} {size_mb:.1f} MB")
    for output in outputs:
        print(f"wrote {output} ({folder_size(output) / 1e6:.1f} MB)")
    exe = bundle / name if bundle.is_dir() and system != "Darwin" else bundle
    print(f"check it:  {exe}{'.exe' if system == 'Windows' and bundle.is_dir() else ''} --self-test")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return build(args)
    except Missing as why:
        print(f"build_installer: {why}", file=sys.stderr)
        return EXIT_MISSING


if __name__ == "__main__":
    sys.exit(main())
