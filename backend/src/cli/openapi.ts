import 'reflect-metadata';
import { buildApiDocumentOffline } from '../common/openapi/api-document';

/** Prints the OpenAPI document as JSON, without a database (`npm run api:types` reads it). */
async function main(): Promise<void> {
  process.stdout.write(`${JSON.stringify(await buildApiDocumentOffline(), null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
