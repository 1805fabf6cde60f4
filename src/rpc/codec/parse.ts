// Reads XML-RPC bodies: methodCall for the server, and methodResponse for our own outbound
// client. Plain documents go through a quick scanner; anything else, and every error, through
// saxes (strict, streaming), so errors are worded and placed one way. Every failure is a CallError.
import { SaxesParser } from 'saxes';
import { AppError } from '../../errors';
import { isStruct, RpcValue } from '../../values';
import { limitError, structureError, xmlError } from './codec-errors';
import { charsetOf, checkBody, textOf } from './decode-body';
import { type DocumentParts, readPlainBody } from './fast-scan';
import { CodecLimits, resolveLimits } from './limits';
import { RootTag, RpcBuilder } from './rpc-builder';

export interface MethodCall {
  methodName: string;
  params: RpcValue[];
}

export type MethodResponse =
  | { ok: true; value: RpcValue }
  | { ok: false; faultCode: number | string; faultString: string };

export function parseMethodCall(body: Buffer, limits?: Partial<CodecLimits>): MethodCall {
  const doc = readDocument(body, 'methodCall', resolveLimits(limits));
  return { methodName: doc.methodName as string, params: doc.params ?? [] };
}

export function parseMethodResponse(body: Buffer, limits?: Partial<CodecLimits>): MethodResponse {
  const doc = readDocument(body, 'methodResponse', resolveLimits(limits));
  if (doc.params !== null) return { ok: true, value: doc.params[0] };
  const fault = doc.fault;
  const code = isStruct(fault) ? fault.faultCode : undefined;
  const text = isStruct(fault) ? fault.faultString : undefined;
  if ((typeof code !== 'number' && typeof code !== 'string') || typeof text !== 'string') {
    throw structureError('a <fault> holds a struct with faultCode and faultString');
  }
  return { ok: false, faultCode: code, faultString: text };
}

function readDocument(body: Buffer, root: RootTag, limits: CodecLimits): DocumentParts {
  if (body.length > limits.maxBodyBytes) {
    throw limitError(`request body too large (limit ${limits.maxBodyBytes} bytes)`);
  }
  const { bytes, charset } = checkBody(body);
  const plain = readPlainBody(bytes, charset, root, limits);
  if (plain !== null) return plain;
  const text = textOf(bytes, charset);
  const parser = new SaxesParser({ xmlns: false, position: true, defaultXMLVersion: '1.0', forceXMLVersion: true });
  const where = () => ({ line: parser.line, column: parser.column });
  const builder = new RpcBuilder(root, limits, where);
  // Few handlers on purpose: each one is a property added to the parser after construction,
  // and past a handful V8 turns the parser into a slow dictionary object (3x slower parsing).
  // Errors therefore arrive as exceptions, and attributes are checked at their element.
  parser.on('xmldecl', (decl) => {
    if (decl.version !== '1.0') throw xmlError('only XML 1.0 is accepted', parser.line, parser.column);
    const declared = decl.encoding === undefined ? 'utf8' : charsetOf(decl.encoding);
    if (declared !== charset) throw xmlError('encoding specified in XML declaration is incorrect', 1, 0);
  });
  // Refused as soon as it is seen: nothing in it (entities, external references) is ever used.
  parser.on('doctype', () => {
    throw xmlError('DOCTYPE is not allowed', parser.line, parser.column);
  });
  parser.on('opentag', (tag) => {
    for (const name in tag.attributes) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) {
        throw structureError(`attributes are not allowed (${name.slice(0, 40)})`, parser.line, parser.column);
      }
    }
    builder.open(tag.name);
  });
  parser.on('closetag', () => builder.close());
  parser.on('text', (t) => builder.text(t));
  parser.on('cdata', (t) => builder.text(t));
  let ending = false;
  try {
    parser.write(text);
    ending = true;
    parser.close();
  } catch (err) {
    if (err instanceof AppError) throw err;
    // saxes reports bad XML by throwing a plain Error; anything else it throws is bad XML too.
    const message = err instanceof Error ? err.message : '';
    throw xmlError(expatWording(message, ending), parser.line, parser.column);
  }
  return builder;
}

/** saxes says "1:31: unclosed tag: methodName."; expat says "no element found" for a cut body. */
function expatWording(message: string, ending: boolean): string {
  const reason = message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
  if (ending && (reason.startsWith('unclosed tag') || reason.startsWith('document must contain'))) {
    return 'no element found';
  }
  return reason === '' ? 'not well-formed' : reason;
}
