// How PostgreSQL values come back. Given per connection (never set globally, so other pg users in
// the process keep the driver's defaults): numbers as numbers, dates and timestamps as the raw
// text the server sent, so no JS Date ever shifts them by the host's time zone.
import { types } from 'pg';

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;

/** int8 and count(*) as numbers while they fit exactly; beyond 2^53 the text is kept. */
function parseInt8(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

function parseNumeric(text: string): number | string {
  const n = Number(text);
  // NaN and values too large for a double stay text rather than turning into nonsense.
  return Number.isFinite(n) ? n : text;
}

const raw = (text: string): string => text;

type Parser = (text: string) => unknown;

export const PG_TYPES = {
  getTypeParser(oid: number, format?: string): Parser {
    if (format === undefined || format === 'text') {
      switch (oid) {
        case INT8: return parseInt8;
        case NUMERIC: return parseNumeric;
        case DATE: return raw;
        case TIMESTAMP: return raw;
        default: break;
      }
    }
    return types.getTypeParser(oid, format === 'binary' ? 'binary' : 'text') as Parser;
  },
};
