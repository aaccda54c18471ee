// The bureau's access to course registrations and contact requests, from a terminal on the
// server, with the bot's own configuration (DATA_DIR, STORAGE, RECORDS_KEY):
//   npm run records -- list
//   npm run records -- export [--format csv|json] [--out FILE] [--all]
//   npm run records -- close <referentie>
//   npm run records -- rotate
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type BotConfig } from '../bot/services/config.ts';
import {
  BureauAccess,
  formatTable,
  type ExportFormat,
} from '../bot/services/records/bureau-access.ts';
import {
  EncryptedRecordRepository,
  RecordDecryptError,
} from '../bot/services/records/encrypted-repository.ts';
import { Keyring } from '../bot/services/crypto/keyring.ts';
import type { RecordRepository } from '../bot/services/records/repository.ts';
import { createStores } from '../bot/services/stores/factory.ts';
import { createPrivately } from '../bot/services/storage/private-files.ts';

const USAGE = `Gebruik:
  npm run records -- list                         overzicht zonder persoonsgegevens
  npm run records -- export [--format csv|json] [--out BESTAND] [--all]
                                                  nog niet geëxporteerde records (--all: alle),
                                                  ontsleuteld; ze worden als geëxporteerd gemarkeerd
  npm run records -- close <referentie>           markeer een record als afgehandeld
  npm run records -- rotate                       versleutel alles opnieuw met RECORDS_KEY`;

class UsageError extends Error {}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const NO_KEY =
  'Zonder RECORDS_KEY kan ik de records niet ontsleutelen. Zet RECORDS_KEY (en ' +
  'RECORDS_KEY_PREVIOUS, als u die gebruikt) zoals bij de bot, en probeer het opnieuw. ' +
  'Er is niets geëxporteerd en niets gemarkeerd.';

/** Records opened with RECORDS_KEY; without it only what is stored in clear (list, close). */
async function openStore(config: BotConfig): Promise<RecordRepository> {
  const { records } = await createStores(config);
  if (config.recordsKey === undefined) return records;
  return new EncryptedRecordRepository(
    records,
    Keyring.fromConfig(config.recordsKey, config.recordsKeyPrevious),
  );
}

async function exportRecords(store: RecordRepository, args: string[]): Promise<void> {
  // Without the key an export would hold ciphertext, and marking those records as exported
  // would hide them from the real export later.
  if (!(store instanceof EncryptedRecordRepository)) fail(NO_KEY);
  const access = new BureauAccess(store);
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      all: { type: 'boolean', default: false },
    },
  });
  if (values.format !== 'csv' && values.format !== 'json') {
    throw new UsageError('--format is csv of json.');
  }
  const format: ExportFormat = values.format;
  const { records, text } = await access.export({ format, all: values.all });
  if (values.out === undefined) {
    process.stdout.write(text);
  } else {
    // Only the owner may read it; an existing file is never overwritten.
    await writeFile(values.out, text, { mode: 0o600, flag: 'wx' });
  }
  await access.markExported(records);
  process.stderr.write(`${records.length} record(s) geëxporteerd als ${format}.\n`);
}

async function run(command: string | undefined, args: string[], config: BotConfig): Promise<void> {
  const store = await openStore(config);
  const access = new BureauAccess(store);
  switch (command) {
    case 'list': {
      const rows = await access.list();
      process.stdout.write(`${formatTable(rows)}\n${rows.length} record(s).\n`);
      return;
    }
    case 'export':
      return exportRecords(store, args);
    case 'close': {
      const ref = args[0]?.trim().toUpperCase();
      if (!ref) throw new UsageError('Noem de referentie, bijvoorbeeld: close CON-7K3QX9');
      if (!(await access.close(ref))) fail(`Geen record met referentie ${ref}.`);
      process.stdout.write(`${ref} is gemarkeerd als afgehandeld.\n`);
      return;
    }
    case 'rotate': {
      if (!(store instanceof EncryptedRecordRepository)) {
        throw new UsageError('Zet eerst RECORDS_KEY (de nieuwe sleutel) en RECORDS_KEY_PREVIOUS.');
      }
      const { rotated, current } = await store.rotate();
      process.stdout.write(
        `${rotated} record(s) opnieuw versleuteld, ${current} stond(en) al onder de huidige sleutel.\n`,
      );
      return;
    }
    default:
      throw new UsageError(command ? `Onbekende opdracht: ${command}` : 'Geen opdracht gegeven.');
  }
}

// Records it rewrites (marked exported, closed, rotated) stay readable by their owner only.
createPrivately();
const [command, ...args] = process.argv.slice(2);
if (command === undefined || command === 'help' || command === '--help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
try {
  await run(command, args, loadConfig());
} catch (error) {
  if (error instanceof UsageError) fail(`${error.message}\n\n${USAGE}`);
  if (error instanceof ConfigError || error instanceof RecordDecryptError) fail(error.message);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EEXIST') fail('Dat bestand bestaat al; kies een andere naam bij --out.');
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    fail(`${error instanceof Error ? error.message : ''}\n\n${USAGE}`);
  }
  throw error;
}
