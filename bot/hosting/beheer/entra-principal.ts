import type { Request } from 'restify';

// Microsoft Entra ID sign-in through App Service Authentication ("Easy Auth"): the platform
// signs the person in before a request reaches the bot and passes who it is in headers. It
// removes any such header a client sends itself, so they can be trusted only when the app is
// reachable through App Service with Authentication switched on (deploy/README.md).
//   X-MS-CLIENT-PRINCIPAL       base64 JSON: { auth_typ, claims: [{ typ, val }], … }
//   X-MS-CLIENT-PRINCIPAL-NAME  the sign-in name (usually the e-mail address)
//   X-MS-CLIENT-PRINCIPAL-ID    the account's object id

export interface EntraPrincipal {
  id: string;
  /** Lower case: the sign-in name and e-mail addresses the account has. */
  names: string[];
  /** What the workspace shows and logs as who did something. */
  display: string;
}

const OBJECT_ID = 'http://schemas.microsoft.com/identity/claims/objectidentifier';
const NAME_CLAIMS = new Set([
  'preferred_username',
  'email',
  'upn',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
]);

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}

interface ClientPrincipal {
  claims?: Array<{ typ?: unknown; val?: unknown }>;
}

function claimsOf(encoded: string | undefined): Array<{ typ: string; val: string }> {
  if (encoded === undefined) return [];
  try {
    const parsed = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as ClientPrincipal;
    return (parsed.claims ?? []).flatMap((c) =>
      typeof c.typ === 'string' && typeof c.val === 'string' ? [{ typ: c.typ, val: c.val }] : [],
    );
  } catch {
    return [];
  }
}

export function entraPrincipal(req: Request): EntraPrincipal | undefined {
  const claims = claimsOf(header(req, 'x-ms-client-principal'));
  const id =
    header(req, 'x-ms-client-principal-id') ?? claims.find((c) => c.typ === OBJECT_ID)?.val;
  const name = header(req, 'x-ms-client-principal-name');
  if (id === undefined || name === undefined) return undefined;
  const names = new Set([name.toLowerCase()]);
  for (const claim of claims) if (NAME_CLAIMS.has(claim.typ)) names.add(claim.val.toLowerCase());
  return { id: id.toLowerCase(), names: [...names], display: name };
}

/** Staff are listed by sign-in name, e-mail address or object id. */
export function isStaff(principal: EntraPrincipal, staff: readonly string[]): boolean {
  return staff.includes(principal.id) || principal.names.some((name) => staff.includes(name));
}
