import { OutgoingHttpHeaders, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './webhook-destination-guard';

/**
 * A `lookup` that answers only the addresses vetted before the request, never a fresh DNS answer: a name that
 * rebinds to an internal address between the check and the connection still reaches the checked address.
 */
export function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const candidates = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
    if (candidates.length === 0) {
      callback(Object.assign(new Error('no vetted address of this family'), { code: 'ENOTFOUND' }), '', 0);
      return;
    }
    if (options.all) callback(null, candidates);
    else callback(null, candidates[0].address, candidates[0].family);
  };
}

/**
 * One POST to `url`, connected to one of `addresses` (TLS still checks the certificate against the URL's host).
 * Answers the status code as soon as the headers arrive and discards the body; redirects are not followed (a
 * 3xx is just its status). `signal` bounds the whole exchange.
 */
export function pinnedPost(
  url: URL,
  addresses: ResolvedAddress[],
  headers: OutgoingHttpHeaders,
  body: string,
  signal: AbortSignal,
): Promise<number> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: pinnedLookup(addresses),
        // A fresh connection each time: no pooled socket opened for an earlier answer.
        agent: false,
        signal,
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
