import { buildApiDocumentOffline } from './api-document';

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

describe('OpenAPI document (the source of the frontend types)', () => {
  it('should declare the body of every route that answers one, so npm run api:types can type it', async () => {
    const document = await buildApiDocumentOffline();
    const undeclared: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
        const success = Object.entries(operation.responses ?? {}).filter(([code]) => code.startsWith('2'));
        const declared = success.some(
          ([code, response]) =>
            code === '204' || Object.values(response.content ?? {}).some((media) => media.schema),
        );
        if (!declared) undeclared.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(Object.keys(document.paths).length).toBeGreaterThan(40);
    expect(undeclared).toEqual([]);
  });

  it('should type a file download as binary in its own content type, not as JSON', async () => {
    const document = await buildApiDocumentOffline();
    const download = document.paths['/api/departments/{code}/years/{year}/targets.xlsx'].get as Operation;
    expect(Object.keys(download.responses?.['200'].content ?? {})).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });

  it('should give every schema property a type: a nullable or union field needs `type` in @ApiProperty', async () => {
    const document = await buildApiDocumentOffline();
    const untyped: string[] = [];
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      const properties =
        (schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {};
      for (const [property, definition] of Object.entries(properties)) {
        // Without `type`, a `string | null` field is reflected as Object: an empty object, typed {} downstream.
        const isEmptyObject =
          definition.type === 'object' &&
          !definition.properties &&
          !definition.additionalProperties &&
          !definition.allOf;
        if (isEmptyObject) untyped.push(`${name}.${property}`);
      }
    }
    expect(untyped).toEqual([]);
  });
});
