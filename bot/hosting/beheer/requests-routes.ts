import type { Server } from 'restify';
import { BureauAccess } from '../../services/records/bureau-access.ts';
import { metadataStore, RecordDecryptError } from '../../services/records/encrypted-repository.ts';
import { exportFileName, toExcelCsv } from '../../services/records/excel-export.ts';
import {
  RECORD_STATUSES,
  type BureauRecord,
  type RecordRepository,
  type RecordStatus,
} from '../../services/records/repository.ts';
import type { WorkspaceGuard } from './guard.ts';
import { messagePage } from './pages/sign-in-page.ts';
import { requestPage } from './pages/request-page.ts';
import {
  matchesFilter,
  requestsPage,
  sortForList,
  type ListedRecord,
} from './pages/requests-page.ts';
import { field, param, query, redirect, sendPage } from './respond.ts';

// Contact requests and course registrations: the list (urgent ones first), one request with
// its details (opened with RECORDS_KEY on the server), its status, deleting it at the
// person's request, and the export for Dutch Excel.

export interface RequestsDeps {
  guard: WorkspaceGuard;
  /** Opens records (the RECORDS_KEY wrapper when a key is set). */
  records: RecordRepository;
  /** How new requests reach the bureau ("e-mail", "Teams"); empty: nowhere. */
  alerts: string[];
  now: () => Date;
}

const NOTICES: Record<string, string> = {
  status: 'De status is opgeslagen.',
  verwijderd: 'Het verzoek is definitief verwijderd.',
};

const REF = /^[A-Z]{3}-[0-9A-Z]{6}$/;

/** Every record, opened where the key allows; one that cannot be opened is listed anyway. */
async function openAll(records: RecordRepository): Promise<ListedRecord[]> {
  try {
    return (await records.list()).map((record) => ({ record, readable: true }));
  } catch (error) {
    if (!(error instanceof RecordDecryptError)) throw error;
  }
  const listed: ListedRecord[] = [];
  for (const meta of await metadataStore(records).list()) {
    try {
      const record = await records.get(meta.ref);
      if (record) listed.push({ record, readable: true });
    } catch {
      listed.push({ record: meta, readable: false });
    }
  }
  return listed;
}

function filterOf(value: string): string {
  return value === 'alle' || (RECORD_STATUSES as readonly string[]).includes(value)
    ? value
    : 'open';
}

/** The same page for a request that is not there, whether it was opened, changed or deleted. */
function notFound(ref: string): string {
  return messagePage(
    'Verzoek niet gevonden',
    `Er is geen verzoek met referentie ${ref}. Misschien is het al verwijderd of na de bewaartermijn gewist.`,
    { href: '/beheer/verzoeken', label: 'Naar alle verzoeken' },
  );
}

export function installRequests(server: Server, deps: RequestsDeps): void {
  const { guard, records, now } = deps;
  const access = new BureauAccess(records, now);

  server.get(
    '/beheer/verzoeken',
    guard.staff('verzoeken', async (req, res, staff) => {
      const filter = filterOf(query(req, 'status'));
      const all = await openAll(records);
      const rows = sortForList(
        all.filter((row) => matchesFilter(row.record, filter)),
        now(),
      );
      const notice = NOTICES[query(req, 'melding')];
      sendPage(
        res,
        200,
        requestsPage({
          rows,
          filter,
          now: now(),
          alerts: deps.alerts,
          frame: { signedIn: { who: staff.who, csrf: staff.session.csrf }, notice },
        }),
      );
      return { count: rows.length };
    }),
  );

  server.get(
    '/beheer/verzoeken/:ref',
    guard.staff('verzoek', async (req, res, staff) => {
      const ref = param(req.params, 'ref').toUpperCase();
      let record: BureauRecord | null = null;
      let readable = true;
      if (REF.test(ref)) {
        try {
          record = await records.get(ref);
        } catch (error) {
          if (!(error instanceof RecordDecryptError)) throw error;
          record = await metadataStore(records).get(ref);
          readable = false;
        }
      }
      if (!record) {
        sendPage(res, 404, notFound(ref));
        return { ref, found: false };
      }
      const frame = {
        signedIn: { who: staff.who, csrf: staff.session.csrf },
        notice: NOTICES[query(req, 'melding')],
      };
      sendPage(res, 200, requestPage({ record, readable, now: now(), frame }));
      return { ref, found: true };
    }),
  );

  server.post(
    '/beheer/verzoeken/:ref/status',
    guard.staff('status', async (req, res, staff) => {
      const ref = param(req.params, 'ref').toUpperCase();
      const status = field(req.body, 'status');
      if (!(RECORD_STATUSES as readonly string[]).includes(status)) {
        sendPage(
          res,
          400,
          messagePage(
            'Onbekende status',
            'Kies nieuw, in behandeling of afgehandeld. Er is niets gewijzigd.',
            { href: `/beheer/verzoeken/${ref}`, label: 'Terug naar het verzoek' },
          ),
        );
        return { ref, outcome: 'bad status' };
      }
      const found =
        REF.test(ref) && (await access.setStatus(ref, status as RecordStatus, staff.who));
      if (!found) {
        sendPage(res, 404, notFound(ref));
        return { ref, found: false };
      }
      redirect(res, `/beheer/verzoeken/${ref}?melding=status`);
      return { ref, status };
    }),
  );

  server.post(
    '/beheer/verzoeken/:ref/verwijderen',
    guard.staff('verwijderen', async (req, res) => {
      const ref = param(req.params, 'ref').toUpperCase();
      if (field(req.body, 'bevestig') !== 'ja') {
        sendPage(
          res,
          400,
          messagePage(
            'Niet verwijderd',
            'Vink eerst aan dat de persoon heeft gevraagd het verzoek te wissen. Er is niets verwijderd.',
            { href: `/beheer/verzoeken/${ref}`, label: 'Terug naar het verzoek' },
          ),
        );
        return { ref, deleted: false };
      }
      const deleted = REF.test(ref) && (await access.remove(ref));
      if (!deleted) {
        sendPage(res, 404, notFound(ref));
        return { ref, deleted: false };
      }
      redirect(res, '/beheer/verzoeken?melding=verwijderd');
      return { ref, deleted: true };
    }),
  );

  server.post(
    '/beheer/verzoeken/export',
    guard.staff('export', async (req, res) => {
      const filter = filterOf(field(req.body, 'status'));
      const listed = (await openAll(records)).filter((row) => matchesFilter(row.record, filter));
      const readable = listed.filter((row) => row.readable).map((row) => row.record);
      const csv = toExcelCsv(readable.sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
      await access.markExported(readable);
      const body = Buffer.from(csv, 'utf8');
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${exportFileName(now())}"`,
        'Content-Length': String(body.length),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
      return { count: readable.length, unreadable: listed.length - readable.length };
    }),
  );
}
