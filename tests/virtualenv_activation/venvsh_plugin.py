"""A pytest plugin that makes virtualenv's activation tests judge venvsh's scripts.

    VENVSH=/path/to/venvsh VENVSH_REPORT=report.json \
        python -m pytest -p venvsh_plugin tests/unit/activation/...

(tests/virtualenv_activation/run.sh runs it; tests/peer_suites.rs asserts the report.)

Every environment virtualenv's `cli_run` builds, in a fixture or a test, is removed
once virtualenv has made it and made again by `venvsh create` at the same place with
the same prompt and `-p sys.executable`: the tests then source venvsh's bin/ scripts
and run venvsh's bin/python. Later `Activator.generate` calls on such an environment
(the fixture regenerates scripts for its Tcl case) write nothing: venvsh's scripts stay.

Where virtualenv's shared ActivationTester checks virtualenv's own additions, which
neither `python -m venv` nor venvsh makes, the check becomes "left as it was":
- PKG_CONFIG_PATH (virtualenv adds ENV/lib/pkgconfig) and TCL_LIBRARY/TK_LIBRARY
  (virtualenv sets them from the interpreter's Tk): unchanged by activate and deactivate;
- `pydoc` (virtualenv defines a function or alias): the step runs `python -m pydoc`,
  which checks the same thing, that the environment's python finds its site-packages.

Tests that check virtualenv's internals (its template text, its quoting functions, its
other activators) are deselected by EXCLUDED below, each with its reason.

The report (JSON) lists every test with its outcome, skip reason, and how many venvsh
environments it used, and every exclusion with its reason.
"""

import fnmatch
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

VENVSH = os.environ["VENVSH"]
REPORT = os.environ["VENVSH_REPORT"]

# node id pattern (fnmatch, relative to tests/unit/activation/) -> why it is not run.
EXCLUDED = {
    "test_activation_support.py::*": "virtualenv's Activator.supports() per interpreter: no environment",
    "test_activator.py::test_activation_library_paths_keep_original_bytes*": "virtualenv's TCL_LIBRARY/TK_LIBRARY template values",
    "test_activator.py::test_derived_tk_path_keeps_verified_tcl_bytes*": "virtualenv's TCL_LIBRARY/TK_LIBRARY template values",
    "test_activator.py::test_explicit_tk_path_requires_its_own_bytes": "virtualenv's TCL_LIBRARY/TK_LIBRARY template values",
    "test_activator.py::test_activator_prompt_cwd": "virtualenv's Activator option parsing: no environment",
    "test_activator.py::test_activator_prompt_stays_data[xonsh-*": "venvsh writes no bin/ script for xonsh (nor does venv; README)",
    "test_activator.py::test_activator_prompt_stays_data[batch-*": "cmd.exe: Windows only (tests/windows/ runs venvsh's scripts under wine)",
    "test_batch.py::*": "cmd.exe scripts: Windows only (tests/windows/ runs venvsh's under wine)",
    "test_python_activator.py::*": "activate_this.py is virtualenv's; venv and venvsh write none",
    "test_xonsh.py::*": "venvsh writes no bin/ script for xonsh (nor does venv; README)",
    "*_tkinter_generation*": "the text virtualenv's templates render for TCL_LIBRARY/TK_LIBRARY",
    "test_fish.py::test_fish_quote_*": "virtualenv's fish quoting function, called directly",
    "test_csh.py::test_cshell_generates_deactivate_script": "virtualenv's separate deactivate.csh file",
}
if shutil.which("pwsh") is None:
    NOT_INSTALLED = "pwsh is not installed here: not run (never counted as passed)"
    EXCLUDED["test_powershell.py::*"] = NOT_INSTALLED
    EXCLUDED["test_activator.py::test_activator_prompt_stays_data[powershell-*"] = NOT_INSTALLED

made = []  # environments venvsh made
results = {}  # nodeid -> record
excluded = []


def _is_venvsh_env(dest):
    cfg = Path(dest) / "pyvenv.cfg"
    try:
        return any(line.startswith("venvsh = ") for line in cfg.read_text("utf-8").splitlines())
    except OSError:
        return False


def _remake(session):
    """Replace the environment virtualenv just built with one `venvsh create` builds."""
    creator = session.creator
    dest = Path(str(creator.dest))
    prompts = {a.flag_prompt for a in session.activators} or {None}
    assert len(prompts) == 1, prompts
    (prompt,) = prompts
    shutil.rmtree(dest)
    _create(dest, prompt)


def _create(dest, prompt):
    args = [VENVSH, "create", "-p", sys.executable, "--without-pip", "--without-scm-ignore-files"]
    if prompt is not None:
        args.append("--prompt=" + prompt)
    args += ["--", str(dest)]
    result = subprocess.run(args, stdin=subprocess.DEVNULL, capture_output=True)
    if result.returncode != 0 or result.stdout:
        raise AssertionError("venvsh create failed (%s): %r %r" % (result.returncode, result.stdout, result.stderr))
    assert _is_venvsh_env(dest), dest
    made.append(str(dest))


def _patch_virtualenv():
    from virtualenv.activation.activator import Activator
    from virtualenv.run.session import Session

    original_run = Session.run

    def run(self):
        original_run(self)
        _remake(self)

    Session.run = run

    def wrap(cls):
        original = cls.__dict__["generate"]

        def generate(self, creator):
            if _is_venvsh_env(creator.dest):
                # venvsh's scripts stay; say which ones this activator would have written.
                return [p for p in Path(str(creator.bin_dir)).iterdir() if p.name.lower().startswith("activate")]
            return original(self, creator)

        cls.generate = generate

    def walk(cls):
        for sub in cls.__subclasses__():
            if "generate" in sub.__dict__:
                wrap(sub)
            walk(sub)

    import virtualenv.activation  # noqa: F401  (imports every activator)

    walk(Activator)


# The bin/ script venvsh writes for each shell of prompt_matrix.SHELLS.
SCRIPTS = {"bash": "activate", "zsh": "activate", "fish": "activate.fish", "cshell": "activate.csh",
           "nushell": "activate.nu", "powershell": "Activate.ps1"}


def generate_script(shell, root, prompt):
    """prompt_matrix.generate_script, whose environment venvsh makes: the script `venvsh create` wrote."""
    _create(Path(root), prompt)
    return Path(root) / "bin" / SCRIPTS[shell]


def _patch_tester(module):
    tester = module.ActivationTester
    original_init = tester.__init__

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.pydoc_call = "%s -m pydoc -w pydoc_test" % os.path.basename(sys.executable)
        name = type(self).__name__
        if name == "Fish":
            # fish_prompt's output need not end its line (fish's own prompts do not); the
            # next step's output must start on a line of its own.
            self.print_prompt = lambda: "fish_prompt; echo"
        elif name == "Nushell":
            # virtualenv's activate.nu keeps its prompt in VIRTUAL_PREFIX; draw the prompt instead.
            self.print_prompt = lambda: "print (do $env.PROMPT_COMMAND)"

    def assert_tcl_tk_library(self, before, activated, deactivated, raw):
        user = [os.environ.get("TCL_LIBRARY", "None"), os.environ.get("TK_LIBRARY", "None")]
        assert (before, activated, deactivated) == (user, user, user), raw

    def assert_pkg_config_path(self, before, activated, deactivated, raw):
        user = str(os.environ.get("PKG_CONFIG_PATH"))
        assert (before, activated, deactivated) == (user, user, user), raw

    tester.__init__ = __init__
    tester.assert_tcl_tk_library = assert_tcl_tk_library
    tester.assert_pkg_config_path = assert_pkg_config_path


def pytest_configure(config):
    _patch_virtualenv()


def pytest_plugin_registered(plugin, manager):
    name = getattr(plugin, "__file__", "") or ""
    if name.replace(os.sep, "/").endswith("unit/activation/conftest.py"):
        _patch_tester(plugin)


def _relative(nodeid):
    return nodeid.split("unit/activation/", 1)[-1]


def pytest_collection_modifyitems(session, config, items):
    matrix = sys.modules.get("prompt_matrix")
    if matrix is not None:
        matrix.generate_script = generate_script
    keep = []
    for item in items:
        # Test modules bound prompt_matrix's function by name when they were imported.
        if getattr(item.module, "generate_script", None) is not None:
            item.module.generate_script = generate_script
        rel = _relative(item.nodeid)
        reason = next((why for pattern, why in EXCLUDED.items() if fnmatch.fnmatchcase(rel, pattern)), None)
        if reason is None:
            keep.append(item)
        else:
            excluded.append({"test": rel, "reason": reason})
    if len(keep) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in keep])
        items[:] = keep


env_fixtures = set()  # fixtures whose setup made a venvsh environment


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef, request):
    before = len(made)
    yield
    if len(made) > before:
        env_fixtures.add(fixturedef.argname)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    before = len(made)
    yield
    record = results.get(item.nodeid)
    if record is not None:
        record["made"] = len(made) - before
        record["fixtures"] = list(item.fixturenames)


def pytest_runtest_logreport(report):
    record = results.setdefault(report.nodeid, {"test": _relative(report.nodeid), "outcome": "passed", "reason": ""})
    if report.skipped:
        record["outcome"] = "skipped"
        longrepr = report.longrepr
        record["reason"] = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    elif report.failed:
        record["outcome"] = "failed"
        record["reason"] = str(report.longrepr)[-4000:]


def pytest_sessionfinish(session, exitstatus):
    tests = []
    for record in results.values():
        # A test judged venvsh when it made a venvsh environment or used a fixture that did.
        fixtures = record.pop("fixtures", [])
        record["venvsh"] = record.pop("made", 0) > 0 or bool(env_fixtures & set(fixtures))
        tests.append(record)
    with open(REPORT, "w", encoding="utf-8") as f:
        json.dump({"tests": tests, "excluded": excluded, "made": len(made)}, f, indent=1)
