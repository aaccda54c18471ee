// A small browser stand-in for the workspace's HTTP tests: keeps cookies, reads the form
// token from pages, and never follows redirects by itself (tests look at them).

export interface Page {
  status: number;
  headers: Headers;
  text: string;
}

export class WorkspaceClient {
  readonly base: string;
  private readonly cookies = new Map<string, string>();
  private readonly extraHeaders: Record<string, string>;

  constructor(base: string, headers: Record<string, string> = {}) {
    this.base = base;
    this.extraHeaders = headers;
  }

  async get(path: string): Promise<Page> {
    return this.request('GET', path);
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request('POST', path, new URLSearchParams(form).toString(), headers);
  }

  /** The form token on a page (every form of a page carries the same one). */
  static csrf(page: Page): string {
    const match = /name="_csrf" value="([^"]*)"/.exec(page.text);
    if (!match?.[1]) throw new Error(`no form token on the page (status ${page.status})`);
    return match[1];
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** The same browser talking to another instance behind the load balancer. */
  on(base: string): WorkspaceClient {
    const other = new WorkspaceClient(base, this.extraHeaders);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }

  async signIn(token: string, name = 'Ineke'): Promise<Page> {
    const form = await this.get('/beheer/aanmelden');
    return this.post('/beheer/aanmelden', {
      _csrf: WorkspaceClient.csrf(form),
      naam: name,
      code: token,
    });
  }

  private async request(
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<Page> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${this.base}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...this.extraHeaders,
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        ...headers,
      },
      body,
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, headers: res.headers, text: await res.text() };
  }
}
