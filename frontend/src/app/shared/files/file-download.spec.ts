import { HttpHeaders, HttpResponse } from '@angular/common/http';

import { fileNameOf, saveBlob, saveResponse } from './file-download';

describe('file download', () => {
  let clicked: { href: string; download: string; attached: boolean }[];
  let revoked: string[];
  let click: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers();
    clicked = [];
    revoked = [];
    // jsdom has no object URLs and does not navigate: record what the browser would be asked to do.
    URL.createObjectURL = jest.fn(() => 'blob:1');
    URL.revokeObjectURL = jest.fn((url: string) => void revoked.push(url));
    click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });
  });

  afterEach(() => {
    click.mockRestore();
    jest.useRealTimers();
  });

  it('should download a blob under its name, then remove the link and revoke the URL', () => {
    saveBlob(document, new Blob(['x']), '培训签到表.pdf');

    expect(clicked).toEqual([{ href: 'blob:1', download: '培训签到表.pdf', attached: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoked).toEqual([]);
    jest.runAllTimers();
    expect(revoked).toEqual(['blob:1']);
  });

  it('should name a response by its Content-Disposition, and skip an empty body', () => {
    const headers = new HttpHeaders({
      'Content-Disposition': `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent('自评表.xlsx')}`,
    });
    saveResponse(document, new HttpResponse({ body: new Blob(['x']), headers }), 'fallback.xlsx');
    saveResponse(document, new HttpResponse<Blob>({ body: null, headers }), 'fallback.xlsx');

    expect(clicked.map((link) => link.download)).toEqual(['自评表.xlsx']);
  });

  it('should read the plain file name, and fall back when there is none or it is malformed', () => {
    expect(fileNameOf('attachment; filename="targets.xlsx"', 'x')).toBe('targets.xlsx');
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A; filename=plain.docx", 'x')).toBe('plain.docx');
    expect(fileNameOf(null, 'fallback.xlsx')).toBe('fallback.xlsx');
    expect(fileNameOf('attachment', 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});
