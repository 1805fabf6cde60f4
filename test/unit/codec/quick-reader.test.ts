// The quick reader of plain documents must agree with the strict parser on everything it
// accepts, and give way to it on everything else: random values our serializer writes (with and
// without pretty-printing), hand-written variants, and every hostile body.
import { parseMethodCall, parseMethodResponse } from '../../../src/rpc/codec';
import { checkBody, decodeBody } from '../../../src/rpc/codec/decode-body';
import { readPlainBody, readPlainDocument } from '../../../src/rpc/codec/fast-scan';
import { type CodecLimits, resolveLimits } from '../../../src/rpc/codec/limits';
import { serializeMethodCall, serializeResponse } from '../../../src/rpc/codec/serialize';
import { HOSTILE_CASES } from './hostile-cases';
import { ourValue, Rng } from './value-generator';

const LIMITS = resolveLimits({});
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
};
// A comment is outside the plain form: the same document then goes through the strict parser.
const strictOnly = (xml: string) => Buffer.from(xml.replace(/(<method(?:Call|Response)>)/, '<!-- strict -->$1'));
const quick = (xml: string, root: 'methodCall' | 'methodResponse') => {
  const { text, charset } = decodeBody(Buffer.from(xml));
  return readPlainDocument(text, charset, root, LIMITS);
};

describe('quick reader of plain XML-RPC documents', () => {
  it('reads 400 random calls and responses exactly as the strict parser does', () => {
    const rng = new Rng(20261206);
    for (let i = 0; i < 400; i++) {
      const value = ourValue(rng, 0);
      const response = serializeResponse(value);
      const call = serializeMethodCall('execute', [value, 'x']);
      const viaQuick = quick(response, 'methodResponse');
      expect(viaQuick).not.toBeNull();
      expect(parseMethodResponse(Buffer.from(response))).toEqual(parseMethodResponse(strictOnly(response)));
      expect(quick(call, 'methodCall')).not.toBeNull();
      expect(parseMethodCall(Buffer.from(call))).toEqual(parseMethodCall(strictOnly(call)));
    }
  });

  it('reads compact and indented forms, empty values, nil and faults', () => {
    const docs = [
      '<methodResponse><params><param><value><string></string></value></param></params></methodResponse>',
      '<methodResponse><params><param><value><array><data><value/><value></value></data></array></value></param></params></methodResponse>',
      '<?xml version=\'1.0\' encoding="UTF-8"?>\n<methodResponse>\n  <params>\n    <param>\n      <value>\n        <struct>\n          <member><name>a</name><value> <int> 7 </int> </value></member>\n        </struct>\n      </value>\n    </param>\n  </params>\n</methodResponse>\n',
      '<methodResponse><params><param><value><array><data><value><nil/></value><value><ex:nil/></value><value>plain &amp; &#233;&#x1F600;</value></data></array></value></param></params></methodResponse>',
      '<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>2</int></value></member><member><name>faultString</name><value><string>warning -- x</string></value></member></struct></value></fault></methodResponse>',
    ];
    for (const doc of docs) {
      expect(quick(doc, 'methodResponse')).not.toBeNull();
      expect(parseMethodResponse(Buffer.from(doc))).toEqual(parseMethodResponse(strictOnly(doc)));
    }
  });

  it('gives way to the strict parser on what is not plain', () => {
    const notPlain = [
      '<methodResponse><params><param><value><string a="1">x</string></value></param></params></methodResponse>',
      '<methodResponse><params><param><value><![CDATA[x]]></value></param></params></methodResponse>',
      '<methodResponse><params><param><value>a\r\nb</value></param></params></methodResponse>',
      '<methodResponse><params><param><value>a &unknown; b</value></param></params></methodResponse>',
      '<methodResponse><params><param><value><int>12abc</int></value></param></params></methodResponse>',
      '<methodResponse><params><param><value><struct><member><name>__proto__</name><value>1</value></member></struct></value></param></params></methodResponse>',
      '<methodResponse><params><param><value>1</value></param><param><value>2</value></param></params></methodResponse>',
      '<methodResponse><params><param><value>x</value></param></params></methodResponse><extra/>',
    ];
    for (const doc of notPlain) expect(quick(doc, 'methodResponse')).toBeNull();
  });

  it('accepts no hostile body: it gives way, or stops at a limit as the strict parser words it', () => {
    for (const c of HOSTILE_CASES) {
      if (c.body.length > LIMITS.maxBodyBytes) continue; // refused before any XML is read
      let decoded;
      try {
        decoded = decodeBody(c.body);
      } catch {
        continue; // refused before any XML is read
      }
      const { text, charset } = decoded;
      const { bytes } = checkBody(c.body);
      const readers = [
        () => readPlainDocument(text, charset, 'methodCall', LIMITS),
        () => readPlainBody(bytes, charset, 'methodCall', LIMITS),
      ];
      for (const read of readers) {
        let outcome = 'accepted';
        try {
          if (read() === null) outcome = 'given way';
        } catch (err) {
          outcome = c.message.test((err as Error).message) ? 'given way' : (err as Error).message;
        }
        expect([c.name, outcome]).toEqual([c.name, 'given way']);
      }
    }
  });

  it('stops at a limit with the words of the strict parser', () => {
    const deep = `<methodResponse><params><param><value>${'<array><data><value>'.repeat(5)}1${'</value></data></array>'.repeat(5)}</value></param></params></methodResponse>`;
    const cases: [Partial<CodecLimits>, Partial<CodecLimits>][] = [
      [{ maxDepth: 4 }, { maxDepth: 5 }],
      [{ maxElements: 18 }, { maxElements: 19 }],
      [{ maxStringLength: 0 }, { maxStringLength: 1 }],
    ];
    const { text, charset } = decodeBody(Buffer.from(deep));
    for (const [tooSmall, enough] of cases) {
      const strictWords = errorOf(() => parseMethodResponse(strictOnly(deep), tooSmall));
      expect(strictWords).toMatch(/limit/);
      expect(errorOf(() => readPlainDocument(text, charset, 'methodResponse', resolveLimits(tooSmall)))).toBe(strictWords);
      expect(readPlainDocument(text, charset, 'methodResponse', resolveLimits(enough))).not.toBeNull();
    }
  });

  it('reads references and wide characters from the bytes as the strict parser does, and leaves it every bad one', () => {
    const doc = (text: string) => Buffer.concat([Buffer.from(`<methodResponse><params><param><value><array><data><value>`),
      Buffer.from(text), Buffer.from('</value><value><struct><member><name>clé ñ</name><value>x</value></member></struct></value></data></array></value></param></params></methodResponse>')]);
    const readable = ['ñandú &amp; co', '&#65;&#x41;&#x1F600;&lt;&gt;&quot;&apos;', 'a]b]]c', 'tab\tand\nline', '😀 ü &#233;'];
    const bad = ['&ampx;', '&#X41;', '&#x;', '&#12345678;', '&#xD800;', '&#0;', '& amp;', 'a]]>b', 'a\u0001b', 'a\rb', '\uFFFF', '\uFFFE'];
    for (const text of [...readable, ...bad]) {
      const body = doc(text);
      const viaQuick = readPlainBody(checkBody(body).bytes, 'utf8', 'methodResponse', LIMITS);
      expect([text, viaQuick === null]).toEqual([text, bad.includes(text)]);
      const strict = Buffer.concat([Buffer.from('<!-- strict -->'), body]);
      const words = (f: () => unknown) => errorOf(f).replace(/: line \d+, column \d+$/, '');
      expect([text, words(() => parseMethodResponse(body))]).toEqual([text, words(() => parseMethodResponse(strict))]);
      if (viaQuick !== null) expect(parseMethodResponse(body)).toEqual(parseMethodResponse(strict));
    }
    // ISO-8859-1: each byte is a character, nothing is decoded as UTF-8.
    const latin1 = '<methodResponse><params><param><value><array><data><value>ñandú &amp; \u00ff</value><value><struct>'
      + '<member><name>clé ñ</name><value>x</value></member></struct></value></data></array></value></param></params></methodResponse>';
    const decl = '<?xml version="1.0" encoding="ISO-8859-1"?>';
    const body = Buffer.from(decl + latin1, 'latin1');
    expect(readPlainBody(checkBody(body).bytes, 'latin1', 'methodResponse', LIMITS)).not.toBeNull();
    expect(parseMethodResponse(body)).toEqual(parseMethodResponse(Buffer.from(`${decl}<!-- strict -->${latin1}`, 'latin1')));
    expect(parseMethodResponse(body)).toEqual({ ok: true, value: ['ñandú & ÿ', { 'clé ñ': 'x' }] });
  });
});
