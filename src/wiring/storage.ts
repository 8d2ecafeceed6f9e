/**
 * Phase 1, storage: the database (opened from config unless the caller shares one), migrated to the latest schema
 * before anything reads it, the store over it, and the cipher that seals tokens and keys at rest.
 */
import type { Config } from '../config';
import { createTokenCipher, type TokenCipher } from '../security/token-cipher';
import { createStore, type Database, migrateToLatest, openDatabase, type Store } from '../store';
import type { Logger } from '../util/logger';

export interface Storage {
  store: Store;
  cipher: TokenCipher;
}

export async function openStorage(config: Readonly<Config>, logger: Logger, shared?: Database): Promise<Storage> {
  const database =
    shared ??
    openDatabase({
      ...config.database,
      // A dropped connection (restart, failover) is replaced on next use; requests meanwhile answer "unavailable".
      onConnectionError: (error) => logger.warn({ err: error.message }, 'database connection lost'),
    });
  await migrateToLatest(database);
  return { store: createStore(database), cipher: createTokenCipher(config.encryption.current, config.encryption.previous) };
}
