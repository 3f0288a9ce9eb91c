import { DataSource, EntityManager } from 'typeorm';

/** Thrown to roll a preview's transaction back once its result is known. */
class RollbackPreview extends Error {}

/**
 * Runs `work` in a transaction. A preview runs exactly the same writes and then rolls them back, so what it
 * answers is what applying would do, and nothing of it stays.
 */
export async function transactionOrPreview<T>(
  dataSource: DataSource,
  preview: boolean,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  let previewed: { value: T } | undefined;
  try {
    return await dataSource.transaction(async (manager) => {
      const value = await work(manager);
      if (preview) {
        previewed = { value };
        throw new RollbackPreview();
      }
      return value;
    });
  } catch (error) {
    if (error instanceof RollbackPreview && previewed) return previewed.value;
    throw error;
  }
}
