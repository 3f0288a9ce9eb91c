import type { Project as DocumentProject } from '@jixiao/domain';

/** A project's fields named alike in the budget document and the projects table, in the document's order. */
const SHARED_FIELDS = [
  'competentDepartment',
  'executingUnit',
  'leadName',
  'phone',
  'address',
  'postcode',
  'attribute',
  'expenditureCategory',
  'startYear',
  'endYear',
  'legalBasis',
  'implementationPlan',
] as const;

export type SharedProjectFields = Pick<DocumentProject, (typeof SHARED_FIELDS)[number]>;

/** Copies the shared fields, one direction or the other (document → row on import, row → document on export). */
export function sharedProjectFields(from: SharedProjectFields): SharedProjectFields {
  return Object.fromEntries(SHARED_FIELDS.map((field) => [field, from[field]])) as SharedProjectFields;
}
