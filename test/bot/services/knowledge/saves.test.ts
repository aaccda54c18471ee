import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs, { type FSWatcher } from 'node:fs';
import { cp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { KnowledgeService } from '../../../../bot/services/knowledge/service.ts';
import { copyFixture, memoryLogger, removeDir } from './helpers.ts';

// Every way an editor, a tool or a sync program saves a file reaches the running bot: in
// place, by a rename over the file (and in place again after that, which a watcher can miss),
// delete and recreate, sed -i, a folder swapped or copied over by a sync. Once with the
// system's file events and once by polling, as on an Azure Files share, here on a local folder
// where file events are switched off the way an SMB mount loses them: fs.watch still works,
// but never reports anything.

const run = promisify(execFile);
const ENTRY = join('entries', 'geheimhouding.md');
const EXAMPLES = join('voorbeelden', 'geheimhouding.yaml');
const TITLE = 'title: Blijft mijn verhaal vertrouwelijk?';
const WAIT_MS = 6000;

const realWatch = fs.watch;

/** From here on fs.watch (also inside chokidar) watches nothing, as on an SMB mount. */
function loseFileEvents(): void {
  const silent = (): FSWatcher => {
    const watcher = new EventEmitter() as unknown as FSWatcher;
    return Object.assign(watcher, {
      close: () => undefined,
      ref: () => watcher,
      unref: () => watcher,
    });
  };
  fs.watch = silent;
  syncBuiltinESMExports();
}

function restoreFileEvents(): void {
  fs.watch = realWatch;
  syncBuiltinESMExports();
}

const MODES = [
  { name: 'file events', pollMs: 0, eventsLost: false },
  { name: 'polling, file events lost (as on an Azure Files share)', pollMs: 100, eventsLost: true },
];

for (const mode of MODES) {
  describe(`every kind of save reaches the bot: ${mode.name}`, function () {
    this.timeout(20000);
    let dir: string;
    let service: KnowledgeService;
    let original: string;

    before(() => {
      if (mode.eventsLost) loseFileEvents();
    });
    after(restoreFileEvents);

    beforeEach(async () => {
      dir = await copyFixture();
      original = await readFile(join(dir, ENTRY), 'utf8');
      service = await KnowledgeService.open({
        dir,
        logger: memoryLogger(),
        watch: true,
        debounceMs: 50,
        pollMs: mode.pollMs,
      });
    });
    afterEach(async () => {
      await service.close();
      await removeDir(dir);
    });

    const titled = (title: string): string => original.replace(TITLE, `title: ${title}`);
    const title = (): string | undefined => service.base.entries.get('geheimhouding')?.title;

    /** Waits until the running bot answers with `expected` as the entry's title. */
    async function sees(expected: string): Promise<void> {
      const until = Date.now() + WAIT_MS;
      while (title() !== expected) {
        if (Date.now() > until)
          assert.fail(`the bot still has "${title()}" ${WAIT_MS} ms after the save`);
        await sleep(20);
      }
    }

    /** Saves in place: the same file (inode) gets the new text, as most editors do. */
    async function saveInPlace(text: string): Promise<void> {
      const before = (await stat(join(dir, ENTRY))).ino;
      await writeFile(join(dir, ENTRY), text);
      assert.equal((await stat(join(dir, ENTRY))).ino, before, 'saved in place');
    }

    /** Saves by writing a temporary file and renaming it over the entry (atomic save). */
    async function saveByRename(text: string): Promise<void> {
      const before = (await stat(join(dir, ENTRY))).ino;
      const temporary = join(dir, 'entries', '.geheimhouding.md.tmp');
      await writeFile(temporary, text);
      await rename(temporary, join(dir, ENTRY));
      assert.notEqual((await stat(join(dir, ENTRY))).ino, before, 'replaced by a rename');
    }

    it('in place', async () => {
      await saveInPlace(titled('Een'));
      await sees('Een');
      await saveInPlace(titled('Twee'));
      await sees('Twee');
    });

    it('by a rename over the file, and in place after that', async () => {
      await saveByRename(titled('Hernoemd'));
      await sees('Hernoemd');
      await saveInPlace(titled('Daarna op zijn plek'));
      await sees('Daarna op zijn plek');
      await saveInPlace(titled('En nog eens'));
      await sees('En nog eens');
      await saveByRename(titled('Weer hernoemd'));
      await sees('Weer hernoemd');
    });

    it('deleted and created again', async () => {
      await rm(join(dir, ENTRY));
      await sleep(mode.pollMs * 3 + 200);
      await writeFile(join(dir, ENTRY), titled('Opnieuw gemaakt'));
      await sees('Opnieuw gemaakt');
      await saveInPlace(titled('En daarna bewerkt'));
      await sees('En daarna bewerkt');
    });

    it('with sed -i, and in place after that', async () => {
      await run('sed', ['-i', 's/^title: .*/title: Met sed/', join(dir, ENTRY)]);
      await sees('Met sed');
      await saveInPlace(titled('Na sed'));
      await sees('Na sed');
    });

    it('by a sync that swaps the entries folder, and in place after that', async () => {
      await cp(join(dir, 'entries'), join(dir, 'entries.nieuw'), { recursive: true });
      await writeFile(join(dir, 'entries.nieuw', 'geheimhouding.md'), titled('Gesynchroniseerd'));
      await rename(join(dir, 'entries'), join(dir, 'entries.oud'));
      await rename(join(dir, 'entries.nieuw'), join(dir, 'entries'));
      await rm(join(dir, 'entries.oud'), { recursive: true });
      await sees('Gesynchroniseerd');
      await saveInPlace(titled('In de nieuwe map'));
      await sees('In de nieuwe map');
    });

    it('by a sync that copies every file over the folder', async () => {
      const other = await copyFixture();
      try {
        await writeFile(join(other, ENTRY), titled('Alles overgezet'));
        await cp(other, dir, { recursive: true, force: true });
        await sees('Alles overgezet');
      } finally {
        await removeDir(other);
      }
    });

    it('an example question in voorbeelden/, by a rename too', async () => {
      const path = join(dir, EXAMPLES);
      const text = await readFile(path, 'utf8');
      const question = 'Mag de vertrouwenspersoon mijn verhaal aan de politie vertellen?';
      const temporary = join(dir, 'voorbeelden', 'geheimhouding.yaml~');
      await writeFile(temporary, text.replace('questions: |\n', `questions: |\n  ${question}\n`));
      await rename(temporary, path);
      const until = Date.now() + WAIT_MS;
      while (!service.base.entries.get('geheimhouding')?.questions.includes(question)) {
        if (Date.now() > until) assert.fail('the new example question did not arrive');
        await sleep(20);
      }
    });
  });
}

describe('a folder whose file events are lost (the reason for polling)', function () {
  this.timeout(20000);
  let dir: string;
  before(loseFileEvents);
  after(restoreFileEvents);
  beforeEach(async () => {
    dir = await copyFixture();
  });
  afterEach(() => removeDir(dir));

  it('is not followed with file events, and is with polling', async () => {
    const text = await readFile(join(dir, ENTRY), 'utf8');
    for (const pollMs of [0, 100]) {
      const service = await KnowledgeService.open({
        dir,
        logger: memoryLogger(),
        watch: true,
        debounceMs: 50,
        pollMs,
      });
      try {
        const title = `Gepeild om de ${pollMs} ms`;
        await writeFile(join(dir, ENTRY), text.replace(TITLE, `title: ${title}`));
        await sleep(1000);
        const seen = service.base.entries.get('geheimhouding')?.title === title;
        assert.equal(seen, pollMs > 0, `pollMs ${pollMs}`);
      } finally {
        await service.close();
      }
    }
  });
});
