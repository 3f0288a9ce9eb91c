import type { HttpResponse } from '@angular/common/http';

/** The file name of a Content-Disposition header: the UTF-8 `filename*` when present, else `filename`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // A malformed name falls through to the plain one.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Hands a blob to the browser as a download named `fileName` (the token stays out of any URL). */
export function saveBlob(document: Document, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Hands a fetched file to the browser, named as its Content-Disposition says (else `fallback`). */
export function saveResponse(document: Document, response: HttpResponse<Blob>, fallback: string): void {
  if (!response.body) return;
  saveBlob(document, response.body, fileNameOf(response.headers.get('Content-Disposition'), fallback));
}
