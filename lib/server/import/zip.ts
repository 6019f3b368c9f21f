import "server-only";

/** One file of a ZIP archive as written: its bytes (stored or deflated), CRC-32 and uncompressed size. */
export interface ZipPart {
  name: string;
  data: Buffer;
  /** 0 = stored, 8 = deflated. */
  method: 0 | 8;
  crc: number;
  /** The uncompressed size the headers declare. */
  size: number;
}

/**
 * A ZIP archive of the parts in order: local headers, the central directory and its end record
 * (PKZIP APPNOTE 4.3). The import re-packs XLSX files with it; tests build hostile files with it.
 */
export function zipArchive(parts: ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    // The directory entry repeats the local header from "version needed" to "extra length".
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    local.copy(entry, 6, 4, 30);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, part.data);
    directory.push(entry, name);
    offset += local.length + name.length + part.data.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  const directorySize = directory.reduce((n, b) => n + b.length, 0);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end]);
}
