/**
 * The client a request comes from, for the rate limit. Behind a reverse proxy every request comes
 * from the proxy's address: with `TRUST_PROXY=1` the first address of `X-Forwarded-For` (the one
 * the proxy saw) is used instead. Never trusted by default: anyone can send that header.
 *
 * @example clientOf(new Request('http://x/', { headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.2' } }), '10.0.0.2', { TRUST_PROXY: '1' }) // '203.0.113.7'
 */
export function clientOf(request: Request, socketAddress: string, env: Record<string, string | undefined>): string {
  if (env['TRUST_PROXY'] !== '1') return socketAddress;
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || socketAddress;
}
