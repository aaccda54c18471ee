import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ContainerClient, type BlockBlobClient } from '@azure/storage-blob';
import {
  BlobFeedbackStore,
  DEFAULT_CONFLICT_POLICY,
  type ConflictPolicy,
} from '../../../../bot/services/records/blob-feedback-store.ts';
import {
  LowdbFeedbackStore,
  type FeedbackStore,
} from '../../../../bot/services/records/feedback-store.ts';
import { createBlobStores } from '../../../../bot/services/stores/blob-stores.ts';
import { createStores } from '../../../../bot/services/stores/factory.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';
import { startAzurite, type Azurite } from '../../../helpers/azurite.ts';

const ENTRY = 'digitaal-pesten';
const PER_INSTANCE = 25;

/** 25 counts from each store at once; entry n counts as "geholpen" when n % 3 !== 0. */
async function countFromBoth(stores: FeedbackStore[], spread = 0): Promise<void> {
  await Promise.all(
    stores.flatMap((store) =>
      Array.from({ length: PER_INSTANCE }, async (_, n) => {
        if (spread > 0) await sleep(Math.floor(Math.random() * spread));
        await store.record(ENTRY, n % 3 !== 0);
      }),
    ),
  );
}

const HELPED =
  2 * Array.from({ length: PER_INSTANCE }, (_, n) => n).filter((n) => n % 3 !== 0).length;
const EXPECTED = { [ENTRY]: { helped: HELPED, notHelped: 2 * PER_INSTANCE - HELPED } };

describe('feedback counts shared by every instance (STORAGE=blobs, on Azurite)', function () {
  this.timeout(30_000);
  let azurite: Azurite;

  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite.stop();
  });

  /** A fresh container per test, as createStores makes it. */
  async function freshContainer(): Promise<ContainerClient> {
    const container = new ContainerClient(
      azurite.connectionString,
      `t-${randomBytes(6).toString('hex')}`,
    );
    await container.createIfNotExists();
    return container;
  }

  /** The store of one instance as createStores builds it with STORAGE=blobs. */
  const instance = async (container: ContainerClient): Promise<FeedbackStore> => {
    const stores = await createBlobStores({
      kind: 'blobs',
      connectionString: azurite.connectionString,
      container: container.containerName,
    });
    return stores.feedback;
  };

  /** Counts how often a store had to read again because another wrote first. */
  function countingPolicy(): { policy: ConflictPolicy; retries: () => number } {
    let retries = 0;
    return {
      policy: {
        attempts: DEFAULT_CONFLICT_POLICY.attempts,
        pause: (attempt) => {
          retries += 1;
          return DEFAULT_CONFLICT_POLICY.pause(attempt);
        },
      },
      retries: () => retries,
    };
  }

  /** A view of the container in which, right after this store reads the entry's blob,
   *  `meanwhile` runs (another instance writing) before the store goes on to write. */
  function interleaved(container: ContainerClient, meanwhile: () => Promise<void>) {
    const view = Object.create(container) as ContainerClient;
    view.getBlockBlobClient = (name: string): BlockBlobClient => {
      const blob = container.getBlockBlobClient(name);
      const download = blob.download.bind(blob);
      blob.download = async (...args) => {
        try {
          return await download(...args);
        } finally {
          await meanwhile(); // also after a 404: the blob did not exist yet
        }
      };
      return blob;
    };
    return view;
  }

  it('adds up 2×25 counts made at once by two instances, none lost, seen alike by both', async () => {
    const container = await freshContainer();
    const [a, b] = [await instance(container), await instance(container)];
    await countFromBoth([a, b]);
    assert.deepEqual(await a.counts(), EXPECTED);
    assert.deepEqual(await b.counts(), EXPECTED);
  });

  it('loses none when the counts of both instances arrive spread out', async () => {
    const container = await freshContainer();
    const spies = [countingPolicy(), countingPolicy()];
    const [a, b] = spies.map(({ policy }) => new BlobFeedbackStore({ container, policy }));
    assert.ok(a && b);
    await countFromBoth([a, b], 60);
    assert.deepEqual(await a.counts(), EXPECTED);
    assert.deepEqual(await b.counts(), EXPECTED);
    await Promise.all([a.idle(), b.idle()]);
    assert.deepEqual(await (await instance(container)).counts(), EXPECTED);
  });

  it('reads again when another instance created or changed the blob after it was read', async () => {
    const container = await freshContainer();
    const other = new BlobFeedbackStore({ container });
    let interfere = 2;
    const meanwhile = async (): Promise<void> => {
      if (interfere === 0) return;
      interfere -= 1;
      await other.record(ENTRY, false);
    };
    const spy = countingPolicy();
    const store = new BlobFeedbackStore({
      container: interleaved(container, meanwhile),
      policy: spy.policy,
    });
    // First try: the blob is missing when read and exists when written (409). Second try: it
    // changed in between (412). Third try: nobody interferes.
    await store.record(ENTRY, true);
    assert.equal(spy.retries(), 2);
    assert.deepEqual(await store.counts(), { [ENTRY]: { helped: 1, notHelped: 2 } });
  });

  it('gives up after its tries with an error, adds nothing half, and counts on afterwards', async () => {
    const container = await freshContainer();
    const other = new BlobFeedbackStore({ container });
    let jammed = true;
    const store = new BlobFeedbackStore({
      container: interleaved(container, async () => {
        if (jammed) await other.record(ENTRY, false);
      }),
      policy: { attempts: 3, pause: () => Promise.resolve() },
    });
    await assert.rejects(store.record(ENTRY, true), (error: { statusCode?: number }) =>
      [409, 412].includes(error.statusCode ?? 0),
    );
    assert.deepEqual(await other.counts(), { [ENTRY]: { helped: 0, notHelped: 3 } });
    jammed = false;
    await store.record(ENTRY, true);
    assert.deepEqual(await other.counts(), { [ENTRY]: { helped: 1, notHelped: 3 } });
  });

  it('keeps only the two counters, one blob per entry under feedback/, and no unknown entries', async () => {
    const container = await freshContainer();
    const store = await instance(container);
    assert.deepEqual(await store.counts(), {});
    await store.record(ENTRY, true);
    await store.record('bewijs-vastleggen', false);
    // An id from the knowledge files is encoded, so it cannot leave the feedback/ prefix.
    await store.record('../records/AAN-222222', true);

    const names: string[] = [];
    for await (const blob of container.listBlobsFlat({ includeMetadata: true })) {
      names.push(blob.name);
      assert.deepEqual(blob.metadata ?? {}, {});
    }
    assert.deepEqual(names.sort(), [
      'feedback/..%2Frecords%2FAAN-222222.json',
      'feedback/bewijs-vastleggen.json',
      `feedback/${ENTRY}.json`,
    ]);
    const stored = await container.getBlobClient(`feedback/${ENTRY}.json`).downloadToBuffer();
    assert.deepEqual(JSON.parse(stored.toString('utf8')), { helped: 1, notHelped: 0 });

    const counts = await store.counts();
    assert.deepEqual(counts, {
      [ENTRY]: { helped: 1, notHelped: 0 },
      'bewijs-vastleggen': { helped: 0, notHelped: 1 },
      '../records/AAN-222222': { helped: 1, notHelped: 0 },
    });
    assert.ok(!('nooit-beoordeeld' in counts));
  });
});

describe('feedback counts in DATA_DIR/feedback.json (STORAGE=lowdb)', () => {
  it('adds up counts made at once, keeps them across a restart, and lists no unknown entries', async () => {
    const dir = await makeTempDir();
    try {
      const { feedback: store } = await createStores({ dataDir: dir, storage: { kind: 'lowdb' } });
      assert.ok(store instanceof LowdbFeedbackStore);
      await countFromBoth([store]);
      const one = { [ENTRY]: { helped: HELPED / 2, notHelped: PER_INSTANCE - HELPED / 2 } };
      assert.deepEqual(await store.counts(), one);
      const reopened = new LowdbFeedbackStore(join(dir, 'feedback.json'));
      assert.deepEqual(await reopened.counts(), one);
      assert.ok(!('nooit-beoordeeld' in (await reopened.counts())));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
