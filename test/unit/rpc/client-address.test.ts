// The address a call is counted and logged under: the socket's peer, or in proxy mode the last
// X-Forwarded-For entry (the one the proxy wrote), never an address the client picked.
import type { IncomingMessage } from 'node:http';
import { clientAddress } from '../../../src/rpc/transports/client-address';

function request(peer: string | undefined, forwarded?: string | string[]): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } } as unknown as IncomingMessage;
}

describe('the address of a caller', () => {
  it('is the socket peer when proxy mode is off, whatever the headers say', () => {
    expect(clientAddress(request('127.0.0.2', '10.0.0.1'), false)).toBe('127.0.0.2');
    expect(clientAddress(request(undefined), false)).toBe('?');
  });

  it('is the last X-Forwarded-For entry in proxy mode', () => {
    expect(clientAddress(request('127.0.0.1', '10.0.0.1'), true)).toBe('10.0.0.1');
    expect(clientAddress(request('127.0.0.1', '6.6.6.6, 10.0.0.1'), true)).toBe('10.0.0.1');
    expect(clientAddress(request('127.0.0.1', ' 2001:db8::7 '), true)).toBe('2001:db8::7');
    expect(clientAddress(request('127.0.0.1', ['6.6.6.6', '10.0.0.2']), true)).toBe('10.0.0.2');
  });

  it('falls back to the peer in proxy mode when the header is missing or not an address', () => {
    expect(clientAddress(request('127.0.0.1'), true)).toBe('127.0.0.1');
    expect(clientAddress(request('127.0.0.1', ''), true)).toBe('127.0.0.1');
    expect(clientAddress(request('127.0.0.1', '10.0.0.1, not-an-address'), true)).toBe('127.0.0.1');
    expect(clientAddress(request('127.0.0.1', '10.0.0.1,\nLogin failed'), true)).toBe('127.0.0.1');
  });
});
