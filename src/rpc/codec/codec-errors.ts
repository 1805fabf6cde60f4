// The CallErrors the codec raises, named after what Python's xmlrpc.client would raise, so
// legacy clients see a familiar exception name at the end of the fault.
import { CallError } from '../../errors';

/** The body is not well-formed XML, or uses XML features we refuse (DTDs, other encodings). */
export function xmlError(reason: string, line: number, column: number): CallError {
  return new CallError(`${reason}: line ${line}, column ${column}`, 'ExpatError');
}

/** Well-formed XML that is not an XML-RPC document (Python: xmlrpc.client.ResponseError). */
export function structureError(reason: string, line?: number, column?: number): CallError {
  const where = line === undefined ? '' : `: line ${line}, column ${column ?? 0}`;
  return new CallError(`${reason}${where}`, 'ResponseError');
}

/** A scalar whose text is not a valid lexical form, or a refused member name. */
export function valueError(message: string): CallError {
  return new CallError(message, 'ValueError');
}

/** A configured bound was exceeded. */
export function limitError(message: string): CallError {
  return new CallError(message, 'ValueError');
}

const SHOWN_CHARS = 40;

/** Python-like repr of client text for messages: short, quoted, control characters escaped. */
export function quote(text: string): string {
  const cut = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}...` : text;
  const safe = cut.replace(/[\x00-\x1f\x7f\\']/g, (ch) =>
    ch === '\\' || ch === "'" ? `\\${ch}` : `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `'${safe}'`;
}
