#!/usr/bin/env python3
"""Let a shared object built against a newer glibc load on this one, when only weak symbols
need the newer versions.

    bench/weaken-glibc.py FILE

The dynamic loader refuses an object that needs a glibc version it lacks (GLIBC_2.39 on
Debian 12's 2.36), even when every symbol of that version is a weak reference the code
checks for null (Rust's std does so for pidfd_spawnp and pidfd_getpid). Marking the
version requirement weak (VER_FLG_WEAK in its Vernaux entry of .gnu.version_r) turns the
refusal into a skipped lookup. A version that a strong symbol needs is left as is and
reported (exit 1): weakening it would only move the failure to that symbol's lookup.

Edits FILE in place; running it again changes nothing. 64-bit little-endian ELF only.
"""

import os
import re
import struct
import sys

SHT_DYNSYM = 11
SHT_GNU_VERNEED = 0x6FFFFFFE
SHT_GNU_VERSYM = 0x6FFFFFFF
VER_FLG_WEAK = 0x2
STB_WEAK = 2
SHN_UNDEF = 0


def version_key(name):
    return tuple(int(x) for x in name.split("_", 1)[1].split("."))


def cstr(data, offset):
    return data[offset : data.index(b"\0", offset)].decode()


def main(path):
    with open(path, "rb") as f:
        data = bytearray(f.read())
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        sys.exit(f"{path}: not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    # (type, offset, size, link, entsize) of every section
    sections = []
    for i in range(shnum):
        _, kind, _, _, offset, size, link, _, _, entsize = struct.unpack_from(
            "<IIQQQQIIQQ", data, shoff + i * shentsize
        )
        sections.append((kind, offset, size, link, entsize))
    of_type = lambda kind: next((s for s in sections if s[0] == kind), None)
    verneed, versym, dynsym = (of_type(k) for k in (SHT_GNU_VERNEED, SHT_GNU_VERSYM, SHT_DYNSYM))
    if verneed is None:
        sys.exit(f"{path}: no .gnu.version_r section")
    strtab = sections[verneed[3]][1]
    # This glibc's version, e.g. "glibc 2.36".
    have = tuple(int(x) for x in re.findall(r"\d+", os.confstr("CS_GNU_LIBC_VERSION")))

    # version index -> whether every undefined symbol that names it is a weak reference
    only_weak = {}
    if versym and dynsym:
        for i in range(dynsym[2] // dynsym[4]):
            info, _, shndx = struct.unpack_from("<BBH", data, dynsym[1] + i * dynsym[4] + 4)
            index, = struct.unpack_from("<H", data, versym[1] + 2 * i)
            index &= 0x7FFF
            if shndx == SHN_UNDEF and index > 1:
                only_weak[index] = only_weak.get(index, True) and info >> 4 == STB_WEAK

    changed, refused = [], []
    need = verneed[1]
    while True:
        _, count, file_name, aux, next_need = struct.unpack_from("<HHIII", data, need)
        entry = need + aux
        for _ in range(count):
            _, flags, index, name_at, next_aux = struct.unpack_from("<IHHII", data, entry)
            name = cstr(data, strtab + name_at)
            file = cstr(data, strtab + file_name)
            if name.startswith("GLIBC_2.") and version_key(name) > have and not flags & VER_FLG_WEAK:
                if only_weak.get(index, False):
                    struct.pack_into("<H", data, entry + 4, flags | VER_FLG_WEAK)
                    changed.append(f"{file} {name}")
                else:
                    refused.append(f"{file} {name}")
            entry += next_aux
            if not next_aux:
                break
        if not next_need:
            break
        need += next_need

    if changed:
        with open(path, "r+b") as f:
            f.write(data)
    for v in changed:
        print(f"{os.path.basename(path)}: {v} marked weak (only weak symbols need it)")
    for v in refused:
        print(f"{os.path.basename(path)}: {v} is needed by a strong symbol; left as is", file=sys.stderr)
    sys.exit(1 if refused else 0)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
