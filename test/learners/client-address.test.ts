/**
 * The address per-address rate limits count: the learner API is answered before Next.js
 * (cms/serve-cms.ts), which appends the connection's address to X-Forwarded-For. With no trusted
 * proxy a client's own X-Forwarded-For is not its address; behind POLYCOURSE_TRUSTED_PROXIES
 * proxies it is the one the nearest of them saw. A real server on loopback.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PayloadRequest } from 'payload';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRequest } from '../../cms/serve-cms.ts';
import { clientAddress } from '../../cms/learners/rate-limit.ts';

describe('the client address of a learner API request', () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const request = fetchRequest(req) as unknown as PayloadRequest;
      res.end(clientAddress(request));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/learner/sign-up`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const addressOf = async (trusted: string | undefined, forwarded?: string) => {
    if (trusted === undefined) delete process.env.POLYCOURSE_TRUSTED_PROXIES;
    else process.env.POLYCOURSE_TRUSTED_PROXIES = trusted;
    try {
      const headers: Record<string, string> = forwarded ? { 'x-forwarded-for': forwarded } : {};
      return await (await fetch(url, { headers })).text();
    } finally {
      delete process.env.POLYCOURSE_TRUSTED_PROXIES;
    }
  };

  it('without a trusted proxy is the connection, whatever the client wrote', async () => {
    expect(await addressOf(undefined)).toBe('127.0.0.1');
    expect(await addressOf(undefined, '203.0.113.9')).toBe('127.0.0.1');
    expect(await addressOf('0', '198.51.100.1, 203.0.113.9')).toBe('127.0.0.1');
  });

  it('behind trusted proxies is the address the nearest one saw', async () => {
    // nginx: proxy_set_header X-Forwarded-For $remote_addr (overwrites what the client wrote)
    expect(await addressOf('1', '203.0.113.9')).toBe('203.0.113.9');
    // nginx: $proxy_add_x_forwarded_for (appends): a client's own entry is not taken
    expect(await addressOf('1', '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    // a CDN, then the load balancer
    expect(await addressOf('2', '198.51.100.1, 203.0.113.9, 10.0.0.5')).toBe('203.0.113.9');
    // nothing forwarded: the connection
    expect(await addressOf('1')).toBe('127.0.0.1');
  });
});
