/**
 * Spreadsheet-like keyboard movement in an entry grid. Cells are the focusable controls marked
 * `data-cell="<column>"` and `data-row="<index>"`:
 * - Tab / Shift+Tab: the next / previous cell, row after row (leaving the grid at either end);
 * - Enter / Shift+Enter: the same column in the next / previous row. In a text area Shift+Enter keeps its
 *   newline; on a button Enter keeps activating it; while an IME composes (pinyin), Enter confirms the
 *   composition and does not move.
 * Returns true when it moved the focus (and took the key).
 */
export function moveInGrid(grid: HTMLElement, event: KeyboardEvent): boolean {
  if (event.isComposing || event.keyCode === 229 || event.altKey || event.ctrlKey || event.metaKey) {
    return false;
  }
  const cell = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-cell]');
  if (!cell || !grid.contains(cell)) {
    return false;
  }
  let next: HTMLElement | null = null;
  if (event.key === 'Tab') {
    const cells = focusableCells(grid);
    const index = cells.indexOf(cell);
    next = cells[index + (event.shiftKey ? -1 : 1)] ?? null;
  } else if (event.key === 'Enter') {
    if (cell instanceof HTMLButtonElement) return false;
    if (cell instanceof HTMLTextAreaElement && event.shiftKey) return false;
    const row = Number(cell.dataset['row']);
    next = grid.querySelector<HTMLElement>(
      `[data-row="${row + (event.shiftKey ? -1 : 1)}"][data-cell="${cell.dataset['cell']}"]:not(:disabled)`,
    );
    if (!next) {
      // The last row: stay, rather than let Enter do something else.
      event.preventDefault();
      return false;
    }
  } else {
    return false;
  }
  if (!next) {
    return false;
  }
  event.preventDefault();
  next.focus();
  if (next instanceof HTMLInputElement && next.type === 'text') {
    next.select();
  }
  return true;
}

function focusableCells(grid: HTMLElement): HTMLElement[] {
  return Array.from(grid.querySelectorAll<HTMLElement>('[data-cell]')).filter(
    (element) => !(element as HTMLInputElement).disabled,
  );
}
