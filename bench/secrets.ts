/**
 * The benchmark app's configuration: fixed, public values that exist only for this harness (the fake Intercom
 * accepts any client secret it is told about). The parent seeds tokens with the same key the app child reads.
 */
import { loadConfig } from '../src/config';

export const BENCH_CLIENT_SECRET = 'bench-client-secret-not-for-production';

export function benchConfig(accessToken: string) {
  return loadConfig({
    INTERCOM_CLIENT_SECRET: BENCH_CLIENT_SECRET,
    INTERCOM_ACCESS_TOKEN: accessToken,
    HANDOFF_ENCRYPTION_KEY: `bench:${Buffer.alloc(32, 9).toString('base64')}`,
    PUBLIC_URL: 'https://handoff.bench.invalid',
    LOG_LEVEL: 'silent',
  });
}
