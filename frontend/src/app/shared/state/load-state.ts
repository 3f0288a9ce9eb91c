import { type Observable, catchError, map, of, startWith } from 'rxjs';

/** What a page knows about one piece of remote data. */
export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: unknown };

export const LOADING: LoadState<never> = { status: 'loading' };

/** Emits `loading`, then `ready` with the value or `error`; never errors itself. */
export function toLoadState<T>(source: Observable<T>): Observable<LoadState<T>> {
  return source.pipe(
    map((value): LoadState<T> => ({ status: 'ready', value })),
    catchError((error: unknown) => of<LoadState<T>>({ status: 'error', error })),
    startWith<LoadState<T>>(LOADING),
  );
}
