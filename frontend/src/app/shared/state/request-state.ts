import { type Signal, computed } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type Observable, map, of, switchMap } from 'rxjs';

import { LOADING, type LoadState, toLoadState } from './load-state';

/**
 * The load state of whatever `request` asks for: a new request cancels the previous one, and until its answer
 * arrives the state is `loading` — never the previous request's data. A null request loads nothing (null).
 * Give `request` an `equal` function so that an unchanged request does not load again; put a retry counter in it
 * to load the same thing again. Call in an injection context.
 */
export function requestState<R, T>(
  request: Signal<R | null>,
  load: (request: R) => Observable<T>,
): Signal<LoadState<T> | null> {
  const response = toSignal(
    toObservable(request).pipe(
      switchMap((current) =>
        current === null
          ? of(null)
          : toLoadState(load(current)).pipe(map((state) => ({ request: current, state }))),
      ),
    ),
    { initialValue: null },
  );
  return computed(() => {
    const current = request();
    if (current === null) return null;
    const answer = response();
    return answer && answer.request === current ? answer.state : LOADING;
  });
}

/** The value of a ready state, else null. */
export function readyValue<T>(state: LoadState<T> | null): T | null {
  return state?.status === 'ready' ? state.value : null;
}
