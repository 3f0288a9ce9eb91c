// Public facade of the domain library. Barrel only here, at the library's edge.
export * from './document/budget-document.types';
