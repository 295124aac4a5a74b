/* A stand-in bcryptprimitives.dll for running Rust programs under Debian's wine 8.0.
 *
 * Rust 1.78 and later take randomness from ProcessPrng in bcryptprimitives.dll, which
 * wine only has from 8.13 (rust-lang/rust#121337); without it no Rust program starts.
 * Placed beside the .exe, this DLL is loaded first. It is for the tests only: it is
 * never shipped. RtlGenRandom (SystemFunction036) has been in advapi32 since XP.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
