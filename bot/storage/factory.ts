import { join } from 'node:path';
import type { BotConfig } from '../config.ts';
import { RecordStore } from '../records/record-store.ts';
import type { RecordRepository } from '../records/repository.ts';
import { LowdbStorage } from './lowdb-storage.ts';
import type { StateStore } from './state-store.ts';

export interface Stores {
  state: StateStore;
  records: RecordRepository;
}

/** lowdb files under DATA_DIR: the embedded default, one process per folder. */
export function createStores(config: BotConfig): Stores {
  return {
    state: new LowdbStorage({ dir: join(config.dataDir, 'state') }),
    records: new RecordStore({ dir: join(config.dataDir, 'records') }),
  };
}
