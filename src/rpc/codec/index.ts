// The XML-RPC codec: strict parsing of calls (and of peers' responses) and serialization in
// Odoo's wire shape. Parsed values follow src/values.ts: <double> arrives as a plain number,
// dateTime.iso8601 as a `YYYY-MM-DD HH:MM:SS` UTC string, base64 as normalised base64 text.
export type { CodecLimits } from './limits';
export { DEFAULT_CODEC_LIMITS, resolveLimits } from './limits';
export type { MethodCall, MethodResponse } from './parse';
export { parseMethodCall, parseMethodResponse } from './parse';
export { serializeFault, serializeMethodCall, serializeResponse } from './serialize';
export { cleanText, formatDouble } from './text-out';
export { parseJsonBody, serializeJson, JSON_ENVELOPE_DEPTH } from './json';
