import proxyAddr from 'proxy-addr';

/** Which hops in front of the server may say who the client is (`TRUST_PROXY`). */
export type ProxyTrust = (address: string, hop: number) => boolean;

/**
 * Reads `TRUST_PROXY` as Express reads `trust proxy`: unset or empty, no proxy is trusted (anyone
 * can write `X-Forwarded-For`); a number, that many hops in front of the server (`1`: the one
 * reverse proxy); otherwise a comma-separated list of addresses, CIDR ranges or proxy-addr's names
 * (`loopback`, `uniquelocal`, `10.0.0.0/8`). An unreadable value throws, naming it, so that the
 * server does not start trusting the wrong hops.
 *
 * @example proxyTrust('1')('10.0.0.2', 0) // true
 */
export function proxyTrust(setting: string | undefined): ProxyTrust {
  const value = (setting ?? '').trim();
  if (value === '' || value === '0' || value === 'false') return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  try {
    return proxyAddr.compile(value.split(',').map((part) => part.trim()));
  } catch (error) {
    throw new Error(`TRUST_PROXY=${value} cannot be read (${(error as Error).message}): give a number of proxies, or their addresses or ranges, comma-separated.`);
  }
}

/**
 * The client a request comes from, for the rate limit: the socket's address, or, through the
 * proxies `trust` names, the last address of `X-Forwarded-For` that no trusted proxy wrote. The
 * entries a client wrote itself are never taken while a trusted hop stands after them.
 *
 * @example clientOf({ 'x-forwarded-for': 'spoofed, 203.0.113.7' }, '10.0.0.2', proxyTrust('1')) // '203.0.113.7'
 */
export function clientOf(headers: { 'x-forwarded-for'?: string | undefined }, socketAddress: string, trust: ProxyTrust): string {
  const forwarded = headers['x-forwarded-for'];
  const request = { headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }, connection: { remoteAddress: socketAddress }, socket: { remoteAddress: socketAddress } };
  return proxyAddr(request as never, trust);
}

/** Whether the socket's peer is a proxy we trust: only then are its `X-Forwarded-*` headers believed. */
export function fromTrustedProxy(socketAddress: string, trust: ProxyTrust): boolean {
  return trust(socketAddress, 0);
}
