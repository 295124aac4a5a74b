/* What Clink's io.popen does with a line, for the Clink test (tests/windows/clink.rs):
 * start `%ComSpec% /c LINE` with this process's environment, current directory and
 * standard handles, wait, and exit with its exit code. Never shipped.
 *
 * wine takes the Windows PATH from its registry, not from the Unix environment it is
 * started with, so the mock passes the PATH it wants as VENVSH_MOCK_PATH (no variable:
 * no PATH) and the line as VENVSH_MOCK_LINE; both are removed before cmd.exe starts. A
 * batch file cannot do this job under wine: wine's cmd expands `%` again inside an
 * expanded value, so a PATH holding `%` would change on the way.
 */
#include <windows.h>
#include <stdlib.h>

static wchar_t *get(const wchar_t *name, BOOL remove)
{
    DWORD n = GetEnvironmentVariableW(name, NULL, 0);
    if (n == 0)
        return NULL;
    wchar_t *value = malloc(n * sizeof *value);
    if (!value || GetEnvironmentVariableW(name, value, n) + 1 != n)
        ExitProcess(126);
    if (remove)
        SetEnvironmentVariableW(name, NULL);
    return value;
}

int wmain(void)
{
    wchar_t *line = get(L"VENVSH_MOCK_LINE", TRUE);
    wchar_t *path = get(L"VENVSH_MOCK_PATH", TRUE);
    wchar_t *comspec = get(L"ComSpec", FALSE);
    if (!line || !comspec)
        return 125;
    if (!SetEnvironmentVariableW(L"PATH", path) && path)
        return 124;

    /* Clink's io.popen is Lua's, `_popen(line, "r")` (lua/src/liolib.c in Clink's
     * source); the C runtime's _popen starts the command processor with "%ComSpec% /c "
     * and the line unchanged, as Clink's own io.popenrw does (clink/lua/src/io_api.cpp). */
    size_t a = wcslen(comspec), b = wcslen(line);
    wchar_t *command = malloc((a + 4 + b + 1) * sizeof *command);
    if (!command)
        return 126;
    memcpy(command, comspec, a * sizeof *command);
    memcpy(command + a, L" /c ", 4 * sizeof *command);
    memcpy(command + a + 4, line, (b + 1) * sizeof *command);

    STARTUPINFOW si = {sizeof si};
    PROCESS_INFORMATION pi;
    if (!CreateProcessW(comspec, command, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi))
        return 127;
    CloseHandle(pi.hThread);
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 1;
    GetExitCodeProcess(pi.hProcess, &code);
    return (int)code;
}
