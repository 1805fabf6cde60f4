// Small builders of XML-RPC request bodies for the codec tests.
import { CallError } from '../../../src/errors';
import { CodecLimits, parseMethodCall } from '../../../src/rpc/codec';
import { RpcValue } from '../../../src/values';

export const HEAD = '<?xml version="1.0"?>';

export function callBody(paramsXml: string, methodName = 'execute'): Buffer {
  return Buffer.from(
    `${HEAD}<methodCall><methodName>${methodName}</methodName><params>${paramsXml}</params></methodCall>`,
    'utf8',
  );
}

/** Parses a call whose only parameter is `<value>${inner}</value>` and returns that value. */
export function parseValue(inner: string, limits?: Partial<CodecLimits>): RpcValue {
  const { params } = parseMethodCall(callBody(`<param><value>${inner}</value></param>`), limits);
  expect(params).toHaveLength(1);
  return params[0];
}

/** The CallError that parsing `body` throws (fails the test if it parses). */
export function callError(parse: () => unknown): CallError {
  let result: unknown;
  try {
    result = parse();
  } catch (err) {
    if (err instanceof CallError) return err;
    throw err;
  }
  throw new Error(`expected a CallError, got ${JSON.stringify(result)?.slice(0, 200)}`);
}
