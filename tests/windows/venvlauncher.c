/* A stand-in for CPython's venvlauncher.exe (PC/venvlauncher.c, 3.13), which the
 * embeddable distribution the tests use does not carry. `venv` copies it into an
 * environment as Scripts\python.exe; this one does what that one does:
 *
 *   - find pyvenv.cfg beside itself, else one directory up (Scripts\..);
 *   - read its `home = DIR` line (UTF-8);
 *   - set __PYVENV_LAUNCHER__ to its own path, so that the interpreter takes the
 *     environment's prefix from it (getpath.py);
 *   - run DIR\python.exe (pythonw.exe when built with -DGUI) with its own command line,
 *     ignoring Ctrl-C while it waits (the child gets it from the console), and exit with
 *     the child's exit code.
 *
 * Built by the tests with mingw-w64; never shipped.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#ifdef GUI
#define EXENAME L"pythonw.exe"
#else
#define EXENAME L"python.exe"
#endif

#define MAXPATH 32768

static int fail(const wchar_t *what, const wchar_t *path)
{
    fwprintf(stderr, L"venvlauncher: %ls %ls (error %lu)\n", what, path, GetLastError());
    return 106;
}

/* Replace the last path component of `path` with `name`; false when there is none. */
static BOOL sibling(wchar_t *path, const wchar_t *name)
{
    wchar_t *slash = wcsrchr(path, L'\\');
    if (!slash || wcslen(path) + wcslen(name) + 2 > MAXPATH)
        return FALSE;
    wcscpy(slash + 1, name);
    return TRUE;
}

static BOOL parent(wchar_t *path)
{
    wchar_t *slash = wcsrchr(path, L'\\');
    if (!slash)
        return FALSE;
    *slash = 0;
    return TRUE;
}

static BOOL WINAPI ignore(DWORD event)
{
    (void)event;
    return TRUE;
}

/* The value of the first `home` key in `text`, trimmed, or NULL. */
static char *home_value(char *text)
{
    for (char *line = text; line && *line; ) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = 0;
        while (*line == ' ' || *line == '\t')
            line++;
        if (_strnicmp(line, "home", 4) == 0) {
            char *s = line + 4;
            while (*s == ' ' || *s == '\t')
                s++;
            if (*s == '=') {
                s++;
                while (*s == ' ' || *s == '\t')
                    s++;
                char *end = s + strlen(s);
                while (end > s && (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
                    *--end = 0;
                return s;
            }
        }
        line = next;
    }
    return NULL;
}

int wmain(void)
{
    static wchar_t self[MAXPATH], cfg[MAXPATH], exe[MAXPATH];
    if (!GetModuleFileNameW(NULL, self, MAXPATH))
        return fail(L"cannot find itself", L"");
    wcscpy(cfg, self);
    sibling(cfg, L"pyvenv.cfg");
    if (GetFileAttributesW(cfg) == INVALID_FILE_ATTRIBUTES) {
        wcscpy(cfg, self);
        if (!parent(cfg) || !sibling(cfg, L"pyvenv.cfg")
            || GetFileAttributesW(cfg) == INVALID_FILE_ATTRIBUTES)
            return fail(L"no pyvenv.cfg beside or above", self);
    }

    HANDLE file = CreateFileW(cfg, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE
                              | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    static char text[8192];
    DWORD read = 0;
    if (file == INVALID_HANDLE_VALUE || !ReadFile(file, text, sizeof text - 1, &read, NULL))
        return fail(L"cannot read", cfg);
    CloseHandle(file);
    text[read] = 0;
    char *home = home_value(text);
    if (!home)
        return fail(L"no home = line in", cfg);
    int n = MultiByteToWideChar(CP_UTF8, 0, home, -1, exe, MAXPATH - 16);
    if (!n)
        return fail(L"cannot decode home in", cfg);
    if (n > 1 && exe[n - 2] != L'\\')
        wcscat(exe, L"\\");
    wcscat(exe, EXENAME);
    if (GetFileAttributesW(exe) == INVALID_FILE_ATTRIBUTES)
        return fail(L"no interpreter at", exe);

    if (!SetEnvironmentVariableW(L"__PYVENV_LAUNCHER__", self))
        return fail(L"cannot set __PYVENV_LAUNCHER__ for", exe);
    SetConsoleCtrlHandler(ignore, TRUE);

    /* The child gets this process's standard handles, made inheritable (a pipe from a
       parent that did not mark it so would otherwise be lost). */
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    GetStartupInfoW(&si);
    si.dwFlags |= STARTF_USESTDHANDLES;
    HANDLE *slots[] = {&si.hStdInput, &si.hStdOutput, &si.hStdError};
    DWORD ids[] = {STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE};
    for (int i = 0; i < 3; i++) {
        HANDLE h = GetStdHandle(ids[i]);
        *slots[i] = NULL;
        if (h && h != INVALID_HANDLE_VALUE)
            DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), slots[i], 0, TRUE,
                            DUPLICATE_SAME_ACCESS);
    }
    if (!CreateProcessW(exe, GetCommandLineW(), NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi))
        return fail(L"cannot start", exe);
    CloseHandle(pi.hThread);
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 1;
    GetExitCodeProcess(pi.hProcess, &code);
    return (int)code;
}
