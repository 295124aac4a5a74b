"""A pytest plugin that makes virtualenv's activation tests judge venvsh's scripts.

    VENVSH=/path/to/venvsh VENVSH_REPORT=report.json \
        python -m pytest -p venvsh_plugin tests/unit/activation/...

(tests/virtualenv_activation/run.sh runs it; tests/peer_suites.rs checks the report.)

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
  which checks the same thing, that the environment's python finds its site-packages;
- running bin/activate instead of sourcing it: virtualenv's exits 1 with its message,
  venvsh's (like venv's) does nothing, so test_bash's extra step for that is left out;
- fish's prompt is followed by `echo` (fish_prompt need not end its line) and nushell's
  is drawn with PROMPT_COMMAND (virtualenv's activate.nu keeps it in VIRTUAL_PREFIX).

Environments are made by venvsh for prompt_matrix.generate_script too (the prompt
matrix of test_activator.py and some test_bash/test_csh tests), which otherwise
renders virtualenv's templates for a mock creator.

Tests that check virtualenv's internals (its template text, its quoting functions, its
other activators) are deselected by EXCLUDED below, each with its reason.

The report (JSON) lists every test with its outcome, its skip or failure text, and
whether it used an environment venvsh made, and every exclusion with its reason.
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

# Why a test is not run, by node id pattern (fnmatch, relative to tests/unit/activation/).
# Each reason starts with its kind: "virtualenv's own" (its internals or additions no venv
# script has), "differs by design" (venvsh chose otherwise, and says why), "not here"
# (needs what this machine lacks) or "open venvsh bug" (real, reported, not yet fixed).
PS1_TEXT = ("differs by design: reads PS1's stored text, which in venvsh is `(${__venvsh_prompt-}) `, "
            "expanded when the prompt is drawn, in every POSIX shell (virtualenv: an escaped copy, bash and zsh only)")
EXCLUDED = {
    "test_activation_support.py::*": "virtualenv's own: Activator.supports() per interpreter, no environment",
    "test_activator.py::test_activation_library_paths_keep_original_bytes*": "virtualenv's own: TCL_LIBRARY/TK_LIBRARY template values",
    "test_activator.py::test_derived_tk_path_keeps_verified_tcl_bytes*": "virtualenv's own: TCL_LIBRARY/TK_LIBRARY template values",
    "test_activator.py::test_explicit_tk_path_requires_its_own_bytes": "virtualenv's own: TCL_LIBRARY/TK_LIBRARY template values",
    "test_activator.py::test_activator_prompt_cwd": "virtualenv's own: Activator option parsing, no environment",
    "test_activator.py::test_activator_prompt_stays_data[xonsh-*": "differs by design: venvsh writes no bin/ script for xonsh (nor does venv; README)",
    "test_activator.py::test_activator_prompt_stays_data[batch-*": "not here: cmd.exe is Windows only (tests/windows/ runs venvsh's scripts under wine)",
    "test_batch.py::*": "not here: cmd.exe is Windows only (tests/windows/ runs venvsh's scripts under wine)",
    "test_python_activator.py::*": "virtualenv's own: activate_this.py; venv and venvsh write none",
    "test_xonsh.py::*": "differs by design: venvsh writes no bin/ script for xonsh (nor does venv; README)",
    "*tkinter*": "virtualenv's own: the TCL_LIBRARY/TK_LIBRARY it sets from the interpreter's Tk",
    "test_bash.py::test_bash_keeps_nonascii_tcl_library_bytes*": "virtualenv's own: the TCL_LIBRARY it sets from the interpreter's Tk",
    "test_bash.py::test_bash_child_shell_draws_inherited_prompt*": "virtualenv's own: checks the shells themselves, with no activation script",
    "test_fish.py::test_fish_quote_*": "virtualenv's own: its fish quoting function, called directly",
    "test_csh.py::test_cshell_generates_deactivate_script": "virtualenv's own: its separate deactivate.csh file",
    "test_csh.py::test_cshell_escapes_prompt_expansion*": "virtualenv's own: greps its template's variables in the script text",
    "test_bash.py::*relocat*": "virtualenv's own: relocatable environments (VIRTUAL_ENV from the script's location); venvsh, like venv, writes the path it made",
    "test_bash.py::test_prompt_requires_known_shell*": PS1_TEXT,
    "test_bash.py::test_bash_activate_sources_under_dash": PS1_TEXT,
    "test_bash.py::test_bash_prompt_stored_form*": PS1_TEXT,
    "test_bash.py::test_bash_prompt_ignores_printf_function": PS1_TEXT,
    "test_bash.py::test_bash_prompt_preserves_locale*": PS1_TEXT,
    "test_bash.py::test_bash_long_prompt_activates_promptly*": PS1_TEXT,
    "test_bash.py::test_bash_deactivate_restores_ps1[[]empty]": "differs by design: an empty PS1 comes back empty (virtualenv unsets it)",
    "test_bash.py::test_zsh_deactivate_restores_psvar": "differs by design: venvsh draws the name from psvar[8], not virtualenv's psvar[9], and restores psvar exactly",
    "test_bash.py::test_bash_prompt_survives_gb18030_source": "open venvsh bug: in a GB18030 locale, a UTF-8 name's bytes join the closing quote into one character and bin/activate does not parse",
    "test_csh.py::test_cshell_prompt_collapses_line_boundaries*": "differs by design: a line break in the name becomes `?` (virtualenv: a space)",
    "test_csh.py::test_cshell_preserves_non_newline_path[[]carriage-return]": "differs by design: venvsh writes no activate.csh for a path with a carriage return, and says so",
    "test_csh.py::test_cshell_keeps_destination_after_locale_change*": "open venvsh bug: tcsh re-encodes a non-ASCII VIRTUAL_ENV and PATH after `setenv LC_ALL C`; the test also expects virtualenv's PKG_CONFIG_PATH",
    "test_nushell.py::test_nushell_clears_pythonhome": "differs by design: activate.nu empties PYTHONHOME instead of hiding it (a hidden variable stays hidden after `overlay hide`)",
    "test_nushell.py::test_nushell_deactivate_errors": "virtualenv's own: the hint text of its activate.nu's error",
}


def excluded_case(case):
    """Why a case of test_activator.py's prompt matrix is not run, or None."""
    shell, state, action, payload = case
    if shell == "bash" and (action == "promptvars-off" or ("promptvars-off" in state and action != "promptvars-on")):
        return ("open venvsh bug: with `shopt -u promptvars`, bash shows venvsh's PS1 reference "
                "`(${__venvsh_prompt-})` instead of the name (the name is never run)")
    if shell == "bash" and payload == "history" and "posix" in (state, action):
        return "differs by design: virtualenv expects posix mode's `!` history expansion in the name; venvsh shows the name as written"
    return None


if shutil.which("pwsh") is None:
    NOT_INSTALLED = "not here: pwsh is not installed, so PowerShell is not run (never counted as passed)"
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

    # virtualenv's bin/activate exits 1 with its message when run instead of sourced;
    # venvsh's, like venv's, does nothing then (its first line says so). The rest of the
    # check runs; that one step is left out and reported.
    module.RaiseOnNonSourceCall.__call__ = tester.__call__

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
        case = getattr(item, "callspec", None) and item.callspec.params.get("case")
        if reason is None and rel.startswith("test_activator.py::test_activator_prompt_stays_data[") and case:
            reason = excluded_case(case)
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
