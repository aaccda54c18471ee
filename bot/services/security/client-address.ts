import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';

// Which address a request comes from, for the limits per address. Behind a proxy (App
// Service's front end, a load balancer) every request comes from the proxy; the client's own
// address is then the last one the trusted proxies added to X-Forwarded-For. Which proxies to
// trust is TRUST_PROXY, read as Express reads its `trust proxy` setting (proxy-addr):
// - a number of hops: 1 trusts the proxy the bot is connected to, 2 also the one before it;
// - a comma-separated list of addresses and ranges (CIDR), or loopback, linklocal, uniquelocal.
// Without it X-Forwarded-For is ignored: any client could write anything in it.

/** Hops to trust (0: none), or the addresses and ranges of trusted proxies. */
export type TrustProxy = number | string[];

export type ClientAddress = (req: IncomingMessage) => string;

export const MAX_PROXY_HOPS = 10;

/** The setting as written in TRUST_PROXY, or undefined when it is neither a number of hops
 *  nor a list that proxy-addr accepts. */
export function parseTrustProxy(raw: string): TrustProxy | undefined {
  const text = raw.trim();
  if (text === '' || text === 'false') return 0;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= MAX_PROXY_HOPS ? hops : undefined;
  }
  const list = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  try {
    proxyaddr.compile(list);
    return list;
  } catch {
    return undefined;
  }
}

/** Some proxies (Azure's among them) write the client's port too: "203.0.113.7:52114". The
 *  port changes with every connection, so it must go, or each connection would be a new
 *  address with a fresh allowance. */
function withoutPort(address: string): string {
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  if (v4?.[1] !== undefined) return v4[1];
  const v6 = /^\[([0-9A-Fa-f:.]+)\](?::\d+)?$/.exec(address);
  return v6?.[1] ?? address;
}

export function clientAddressOf(trust: TrustProxy): ClientAddress {
  const socketAddress = (req: IncomingMessage): string => req.socket.remoteAddress ?? 'unknown';
  if (trust === 0) return socketAddress;
  const trusted =
    typeof trust === 'number'
      ? (_addr: string, hop: number) => hop < trust
      : proxyaddr.compile(trust);
  return (req) => {
    const address = withoutPort(proxyaddr(req, trusted));
    // Not an address at all: a proxy we trust would not write that, so it came from the client.
    return isIP(address) === 0 ? socketAddress(req) : address;
  };
}
