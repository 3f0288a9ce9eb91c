import { inflateRawSync } from 'node:zlib';

/** How far an uploaded .xlsx (a zip) may expand; a real target table is a few hundred kB unpacked. */
export const ZIP_LIMITS = {
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxEntries: 1000,
  // Deflate reaches about 1000:1 on repeated bytes; spreadsheet XML stays far below 100:1.
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export type ZipExpansion = { ok: true } | { ok: false; tooLarge: boolean; message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

const unreadable = (): ZipExpansion => ({
  ok: false,
  tooLarge: false,
  message: '无法读取 Excel 文件，请使用 .xlsx 格式（可下载导入模板）',
});
const tooLarge = (message: string): ZipExpansion => ({ ok: false, tooLarge: true, message });

/**
 * Checks a zip before anything unpacks it: the central directory's entry count and uncompressed sizes, each
 * entry's compression ratio, and then the real size of every entry, inflated with a cap at the size it declares
 * (a zip may lie about sizes). At most `maxUncompressedBytes` are ever inflated. Zip64 sizes mean too large.
 */
export function checkZipExpansion(content: Buffer, limits = ZIP_LIMITS): ZipExpansion {
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = content.length - 22; at >= Math.max(0, content.length - 22 - 0xffff); at--) {
    if (content.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return unreadable();
  const count = content.readUInt16LE(end + 10);
  const directoryOffset = content.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === ZIP64_MARK || count > limits.maxEntries)
    return tooLarge(`Excel 文件内部文件过多（最多 ${limits.maxEntries} 个）`);

  const tooBig = tooLarge(`Excel 文件解压后过大（最多 ${limits.maxUncompressedBytes / 1024 / 1024} MB）`);
  const entries: { method: number; compressed: number; size: number; local: number }[] = [];
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== CENTRAL) return unreadable();
    const entry = {
      method: content.readUInt16LE(at + 10),
      compressed: content.readUInt32LE(at + 20),
      size: content.readUInt32LE(at + 24),
      local: content.readUInt32LE(at + 42),
    };
    if (entry.size === ZIP64_MARK || entry.compressed === ZIP64_MARK) return tooBig;
    total += entry.size;
    if (total > limits.maxUncompressedBytes) return tooBig;
    if (entry.size > limits.ratioFloorBytes && entry.size > entry.compressed * limits.maxRatio)
      return tooLarge('Excel 文件压缩比异常，疑似压缩炸弹，拒绝读取');
    entries.push(entry);
    at += 46 + content.readUInt16LE(at + 28) + content.readUInt16LE(at + 30) + content.readUInt16LE(at + 32);
  }

  for (const entry of entries) {
    const local = entry.local;
    if (local + 30 > content.length || content.readUInt32LE(local) !== LOCAL) return unreadable();
    const start = local + 30 + content.readUInt16LE(local + 26) + content.readUInt16LE(local + 28);
    const data = content.subarray(start, start + entry.compressed);
    if (entry.method !== 8) continue; // stored: its size is its length in the file
    try {
      // One byte more than declared: an entry that inflates beyond its declared size is refused.
      if (inflateRawSync(data, { maxOutputLength: entry.size + 1 }).length > entry.size) return tooBig;
    } catch (error) {
      return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? tooBig : unreadable();
    }
  }
  return { ok: true };
}
