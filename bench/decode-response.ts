// Times our own XML-RPC codec reading a ~200 KB response (215 partner rows), as peer sync and the
// benchmark client read answers: the quick reader of plain documents against the strict parser
// alone (forced by a comment, which the quick reader leaves to it). CPU time per parse.
// Run: node -r ./test/support/ts-register.js bench/decode-response.ts   (or dist/bench/decode-response.js)
import { parseMethodResponse } from '../src/rpc/codec';
import { serializeResponse } from '../src/rpc/codec/serialize';
import { newStruct, type RpcValue } from '../src/values';

const ROWS = Number(process.env.BENCH_ROWS ?? 215);
const PARSES = Number(process.env.BENCH_PARSES ?? 300);

function rows(): RpcValue {
  const out: RpcValue[] = [];
  for (let i = 0; i < ROWS; i++) {
    out.push(Object.assign(newStruct(), {
      id: i, name: `Partner ñandú ${i} & co`, email: `p${i}@example.com`, active: true, credit: 12.5 * i,
      parent_id: [i + 1, 'Parent <x>'], category_id: [1, 2, 3], date: '2026-01-02 03:04:05', comment: false,
    }));
  }
  return out;
}

function cpuMsPerParse(body: Buffer): number {
  for (let k = 0; k < 30; k++) parseMethodResponse(body);
  const start = process.cpuUsage();
  for (let k = 0; k < PARSES; k++) parseMethodResponse(body);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / PARSES;
}

const xml = serializeResponse(rows());
const plain = Buffer.from(xml);
const strictOnly = Buffer.from(xml.replace('<methodResponse>', '<!-- strict --><methodResponse>'));
console.log(`response: ${plain.length} bytes, ${ROWS} rows`);
for (let round = 1; round <= 3; round++) {
  const quick = cpuMsPerParse(plain);
  const strict = cpuMsPerParse(strictOnly);
  console.log(`round ${round}: quick reader ${quick.toFixed(2)} ms, strict parser ${strict.toFixed(2)} ms, ratio ${(strict / quick).toFixed(2)}`);
}
