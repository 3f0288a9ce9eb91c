export default async function globalTeardown(): Promise<void> {
  await globalThis.__JIXIAO_TEST_DB__?.drop();
}
