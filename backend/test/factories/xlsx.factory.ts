import { Workbook } from 'exceljs';
import type request from 'supertest';

/** exceljs buffers the whole response: supertest hands it over as bytes (`.buffer(true).parse(binary)`). */
export const binary = (
  res: request.Response,
  callback: (error: Error | null, body: Buffer) => void,
): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

export async function readWorkbook(content: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook;
}

export async function workbookBuffer(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
