// A minimal ustar (POSIX.1-1988) tar writer, so one loader run can emit the manifest and every shard:
// Framework extracts members of src/data/fashion.tar on demand (FileAttachment("data/fashion/<member>")).
// Regular files only, flat names ≤ 100 ASCII bytes, mode 0644, mtime 0 (reproducible output).

const BLOCK = 512;

export interface TarEntry {
  name: string;
  data: Uint8Array;
}

export function tarArchive(entries: readonly TarEntry[]): Uint8Array {
  const size = entries.reduce((n, e) => n + BLOCK + padded(e.data.length), 2 * BLOCK);
  const out = new Uint8Array(size); // zero-filled: padding and the two end-of-archive blocks come for free
  let at = 0;
  const names = new Set<string>();
  for (const {name, data} of entries) {
    if (names.has(name)) throw new Error(`tar: duplicate member name ${name}`);
    names.add(name);
    out.set(tarHeader(name, data.length), at);
    out.set(data, at + BLOCK);
    at += BLOCK + padded(data.length);
  }
  return out;
}

function tarHeader(name: string, size: number): Uint8Array {
  if (name.length === 0 || name.length > 100 || !/^[\x21-\x7e]+$/.test(name)) {
    throw new Error(
      `tar: member name must be 1–100 printable ASCII characters without spaces: ${JSON.stringify(name)}`
    );
  }
  if (size > 0o77777777777) throw new Error(`tar: ${name} is too large for a ustar header (${size} bytes)`);
  const header = new Uint8Array(BLOCK);
  const put = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) header[offset + i] = text.charCodeAt(i);
  };
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, "0") + "\0";
  put(0, name);
  put(100, octal(0o644, 8)); // mode
  put(108, octal(0, 8)); // uid
  put(116, octal(0, 8)); // gid
  put(124, octal(size, 12));
  put(136, octal(0, 12)); // mtime
  put(156, "0"); // typeflag: regular file
  put(257, "ustar\u000000"); // magic "ustar\0", version "00"
  // The checksum is the byte sum of the header with its own field read as eight spaces.
  put(148, "        ");
  const sum = header.reduce((a, b) => a + b, 0);
  put(148, sum.toString(8).padStart(6, "0") + "\0 ");
  return header;
}

function padded(length: number): number {
  return Math.ceil(length / BLOCK) * BLOCK;
}
