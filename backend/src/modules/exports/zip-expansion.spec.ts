import { Workbook } from 'exceljs';
import { deflated, xlsxBomb, zipOf, type ZipEntry } from '../../../test/factories/zip.factory';
import { AppException } from '../../common/errors/app.exception';
import { TARGET_SHEET_COLUMNS, readTargetSheet } from './target-sheet.reader';
import { checkZipExpansion, ZIP_LIMITS } from './zip-expansion';

async function workbookFile(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.addWorksheet('绩效指标').addRow([...TARGET_SHEET_COLUMNS]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const stored = (name: string, content: string): ZipEntry => {
  const entry = deflated(name, content);
  return { ...entry, method: 0, data: Buffer.from(content) };
};

describe(checkZipExpansion.name, () => {
  it('should accept a workbook written by a spreadsheet program, and a zip with stored entries', async () => {
    expect(checkZipExpansion(await workbookFile())).toEqual({ ok: true });
    expect(checkZipExpansion(zipOf([stored('a.xml', '<a/>'), deflated('b.xml', '<b/>')]))).toEqual({
      ok: true,
    });
  });

  it.each([
    [
      'more than 50 MB unpacked',
      () => zipOf([deflated('a.xml', 'x'.repeat(2000))]),
      { ...ZIP_LIMITS, maxUncompressedBytes: 1000 },
      '解压后过大',
    ],
    [
      'more than 1000 entries',
      () => zipOf(Array.from({ length: 1001 }, (_, i) => deflated(`${i}.xml`, ''))),
      ZIP_LIMITS,
      '过多',
    ],
    [
      'an entry compressed 1000:1',
      () => zipOf([deflated('a.xml', Buffer.alloc(2 * 1024 * 1024))]),
      ZIP_LIMITS,
      '压缩比',
    ],
    [
      'an entry that inflates beyond the size it declares',
      () => zipOf([{ ...deflated('a.xml', 'x'.repeat(100_000)), size: 10 }]),
      ZIP_LIMITS,
      '解压后过大',
    ],
    ['zip64 sizes', () => zipOf([{ ...deflated('a.xml', 'x'), size: 0xffffffff }]), ZIP_LIMITS, '解压后过大'],
  ])('should refuse as too large a zip with %s', (_case, zip, limits, message) => {
    const result = checkZipExpansion(zip(), limits);
    expect(result).toMatchObject({ ok: false, tooLarge: true });
    expect(result.ok || result.message).toContain(message);
  });

  it('should refuse as too large a zip whose end record announces zip64', () => {
    const zip = zipOf([deflated('a.xml', 'x')]);
    zip.writeUInt16LE(0xffff, zip.length - 12);
    expect(checkZipExpansion(zip)).toMatchObject({ ok: false, tooLarge: true });
  });

  it.each([
    ['no end record', () => Buffer.from('PK\u0003\u0004 not really a zip')],
    [
      'a central directory pointing elsewhere',
      () => {
        const zip = zipOf([deflated('a.xml', 'x')]);
        zip.writeUInt32LE(1, zip.length - 6);
        return zip;
      },
    ],
    [
      'an entry whose local header is missing',
      () => {
        const zip = zipOf([deflated('a.xml', 'x')]);
        zip.writeUInt32LE(0, 0);
        return zip;
      },
    ],
    [
      'deflated bytes that do not inflate',
      () => zipOf([{ ...deflated('a.xml', 'x'), data: Buffer.from([0xff, 0xff]) }]),
    ],
  ])('should call a zip with %s unreadable, not too large', (_case, zip) => {
    expect(checkZipExpansion(zip())).toMatchObject({
      ok: false,
      tooLarge: false,
      message: expect.stringContaining('无法读取'),
    });
  });
});

describe(readTargetSheet.name, () => {
  it('should refuse with 413 naming the file a few hundred kB that unpack to a 200 MB sheet, before loading it', async () => {
    const bomb = await xlsxBomb(200 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refused = await readTargetSheet(bomb).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppException);
    expect((refused as AppException).toBody()).toMatchObject({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      errors: { file: expect.stringContaining('Excel 文件') },
    });
  });

  it('should report an unreadable zip as a file error (400), as before', async () => {
    expect(await readTargetSheet(Buffer.from('PK\u0003\u0004 not really a zip'))).toMatchObject({
      ok: false,
      fileError: expect.stringContaining('无法读取'),
    });
  });
});
