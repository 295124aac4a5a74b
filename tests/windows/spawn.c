/* Runs the rest of its command line and exits with that program's exit code.
 *
 * Built as pwsh.exe and powershell.exe, it is a parent process with a shell's name:
 * venvsh's shell detection looks only at the parent's process name, which is what
 * the Windows tests check (wine has no PowerShell to run it from). Never shipped.
 */
#include <windows.h>

int wmain(void)
{
    wchar_t *rest = GetCommandLineW();
    /* Skip argv[0], quoted or not, and the blanks after it. */
    if (*rest == L'"') {
        for (rest++; *rest && *rest != L'"'; rest++)
            ;
        if (*rest)
            rest++;
    } else {
        while (*rest && *rest != L' ' && *rest != L'\t')
            rest++;
    }
    while (*rest == L' ' || *rest == L'\t')
        rest++;

    STARTUPINFOW si = {sizeof si};
    PROCESS_INFORMATION pi;
    if (!CreateProcessW(NULL, rest, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi))
        return 127;
    CloseHandle(pi.hThread);
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 1;
    GetExitCodeProcess(pi.hProcess, &code);
    return (int)code;
}
