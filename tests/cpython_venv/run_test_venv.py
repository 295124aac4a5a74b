"""Run CPython's own Lib/test/test_venv.py against `venvsh create`.

    VENVSH=/path/to/venvsh python3.X tests/cpython_venv/run_test_venv.py [-v]

Run it with the interpreter whose test suite it is (pyenv installs ship
lib/python3.X/test/). Before the tests are imported, `venv.EnvBuilder.create` is
replaced by the shim below, so every environment the tests make, through
`venv.create`, `EnvBuilder(...).create` or `venv.main`, is made by venvsh:

- the builder's settings become venvsh's flags, as `python -m venv` spells them
  (the Python API's defaults differ from the command line's: no pip, copies on
  POSIX only if asked, no .gitignore; the shim passes exactly what the builder holds);
- `-p sys.executable`, so `home`, `executable` and `command` name this interpreter;
- a failure raises ValueError with venvsh's message, as venv raises ValueError when it
  refuses a location;
- `create_<scm>_ignore_file` hooks of subclasses run for SCMs other than git, which is
  venv's documented extension point; git's file is venvsh's.

What the shim does not do: it never adds `--force`, so `--clear` of a directory that
is not an environment is refused as venvsh refuses it (no test needs it), and it does
not call `EnvBuilder`'s other hooks (`setup_python`, `post_setup`, …): venvsh's steps
replace them. docs/create.md lists which tests exercise venv's Python API rather than
the environment it makes, and so pass without reaching venvsh.

At the end it prints `venvsh made N environments` to stderr, and every environment
it reports was checked to carry venvsh's `venvsh =` key in pyvenv.cfg.
"""

import os
import subprocess
import sys
import types
import unittest

import venv

VENVSH = os.environ["VENVSH"]
made = []


def create(self, env_dir):
    env_dir = os.path.abspath(os.fspath(env_dir))
    args = [VENVSH, "create", "-p", sys.executable]
    if self.system_site_packages:
        args.append("--system-site-packages")
    args.append("--symlinks" if self.symlinks else "--copies")
    if self.clear:
        args.append("--clear")
    if self.upgrade:
        args.append("--upgrade")
    if not self.with_pip:
        args.append("--without-pip")
    if getattr(self, "orig_prompt", None) is not None:
        # As venv formats it (3.11 and 3.12 test with prompt=True).
        args.append("--prompt=%s" % (self.orig_prompt,))
    if self.upgrade_deps:
        args.append("--upgrade-deps")
    scms = set(getattr(self, "scm_ignore_files", ()))
    if "git" not in scms:
        args.append("--without-scm-ignore-files")
    args += ["--", env_dir]
    result = subprocess.run(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    stderr = result.stderr.decode("utf-8", "backslashreplace")
    if result.returncode != 0:
        raise ValueError(stderr.strip())
    if result.stdout:
        raise AssertionError("venvsh create printed on stdout: %r" % result.stdout)
    with open(os.path.join(env_dir, "pyvenv.cfg"), encoding="utf-8") as f:
        if not any(line.startswith("venvsh = ") for line in f):
            raise AssertionError("%s/pyvenv.cfg was not written by venvsh" % env_dir)
    made.append(env_dir)
    context = types.SimpleNamespace(env_dir=env_dir)
    for scm in sorted(scms - {"git"}):
        getattr(self, "create_%s_ignore_file" % scm)(context)


venv.EnvBuilder.create = create

if __name__ == "__main__":
    from test import test_venv

    program = unittest.main(module=test_venv, exit=False, argv=[sys.argv[0]] + sys.argv[1:])
    sys.stderr.write("venvsh made %d environments\n" % len(made))
    sys.exit(not program.result.wasSuccessful())
