// Every scalar type read from the wire: accepted lexical forms and what they become.
import { parseValue, callError } from './bodies';

const refused = (inner: string) => callError(() => parseValue(inner));

describe('integers', () => {
  it.each([
    ['<int>42</int>', 42], ['<i4>-7</i4>', -7], ['<int>+5</int>', 5], ['<int>007</int>', 7],
    ['<int>2147483647</int>', 2147483647], ['<int>-2147483648</int>', -2147483648],
    ['<i8>9007199254740991</i8>', 9007199254740991], ['<i8>-9007199254740991</i8>', -9007199254740991],
    ['<i8>3000000000</i8>', 3000000000],
  ])('%s reads as %p', (xml, expected) => {
    expect(parseValue(xml)).toBe(expected);
  });

  it('reads -0 as a plain 0', () => {
    expect(Object.is(parseValue('<int>-0</int>'), 0)).toBe(true);
  });

  it('accepts the Apache ex:i8 element', () => {
    expect(parseValue('<ex:i8 xmlns:ex="http://ws.apache.org/xmlrpc/namespaces/extensions">12</ex:i8>')).toBe(12);
  });

  it('ignores surrounding whitespace of pretty-printed bodies', () => {
    expect(parseValue('<int>\n   12 \t</int>')).toBe(12);
  });

  it('refuses ints beyond 32 bits but reads them as i8', () => {
    expect(refused('<int>4294967296</int>').message).toMatch(/exceeds XML-RPC limits/);
    expect(parseValue('<i8>4294967296</i8>')).toBe(4294967296);
  });

  it('refuses a non-breaking space around the digits', () => {
    expect(refused('<int>\u00a012</int>').pyType).toBe('ValueError');
  });
});

describe('booleans', () => {
  it('reads 0 and 1 (whitespace around allowed)', () => {
    expect(parseValue('<boolean>1</boolean>')).toBe(true);
    expect(parseValue('<boolean>0</boolean>')).toBe(false);
    expect(parseValue('<boolean> 1\n</boolean>')).toBe(true);
  });

  it.each(['2', 'true', 'false', '01', '-1', ''])('refuses %p', (text) => {
    expect(refused(`<boolean>${text}</boolean>`).message).toMatch(/bad boolean value/);
  });
});

describe('doubles', () => {
  it.each([
    ['1.5', 1.5], ['-0.25', -0.25], ['.5', 0.5], ['5.', 5], ['1e3', 1000], ['1.5E-7', 1.5e-7],
    ['+2', 2], ['3', 3], ['1.7976931348623157e+308', 1.7976931348623157e308], ['5e-324', 5e-324],
    [' 2.5 ', 2.5], ['1e400', Infinity],
  ])('%p reads as %p', (text, expected) => {
    expect(parseValue(`<double>${text}</double>`)).toBe(expected);
  });

  it('reads Python, XML Schema and JavaScript spellings of non-finite numbers', () => {
    for (const t of ['nan', 'NaN', '-nan']) expect(parseValue(`<double>${t}</double>`)).toBeNaN();
    for (const t of ['inf', 'INF', 'Infinity', '+inf']) expect(parseValue(`<double>${t}</double>`)).toBe(Infinity);
    for (const t of ['-inf', '-INF', '-Infinity']) expect(parseValue(`<double>${t}</double>`)).toBe(-Infinity);
  });

  it.each(['abc', '1.2.3', '1e', 'e5', '.', '1,5', '0x10', '1_0.5', 'infinit', ''])('refuses %p', (text) => {
    expect(refused(`<double>${text}</double>`).message).toMatch(/could not convert string to float/);
  });
});

describe('strings', () => {
  it('keeps every character of <string> and of untyped values, whitespace included', () => {
    expect(parseValue('<string>  a b  </string>')).toBe('  a b  ');
    expect(parseValue('  x y ')).toBe('  x y ');
    expect(parseValue('<string>\t</string>')).toBe('\t');
  });

  it('reads empty values as empty strings', () => {
    expect(parseValue('')).toBe('');
    expect(parseValue('<string></string>')).toBe('');
    expect(parseValue('<string/>')).toBe('');
  });

  it('reads the whitespace-only untyped value as that whitespace', () => {
    expect(parseValue('   ')).toBe('   ');
  });

  it('ignores whitespace around a typed child', () => {
    expect(parseValue('\n  <string>x</string>\n')).toBe('x');
  });

  it('resolves the five XML entities and character references', () => {
    expect(parseValue('<string>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#233;&#x1F600;</string>')).toBe(
      '<a> & "b" \'c\' é\u{1F600}',
    );
  });

  it('reads CDATA sections and skips comments and processing instructions', () => {
    expect(parseValue('<string>a<![CDATA[<b>&amp;]]>c<!-- note -->d<?pi x?>e</string>')).toBe('a<b>&amp;cde');
  });

  it('reads astral and non-Latin characters', () => {
    expect(parseValue('<string>日本語 ✓ 🎉 𝄞</string>')).toBe('日本語 ✓ 🎉 𝄞');
  });

  it('normalises raw line ends like any XML parser, but keeps &#13;', () => {
    expect(parseValue('<string>a\r\nb\rc</string>')).toBe('a\nb\nc');
    expect(parseValue('<string>a&#13;&#10;b</string>')).toBe('a\r\nb');
  });
});

describe('dateTime.iso8601', () => {
  it.each([
    ['20261127T10:20:30', '2026-11-27 10:20:30'],
    ['2026-11-27T10:20:30', '2026-11-27 10:20:30'],
    ['20261127T102030', '2026-11-27 10:20:30'],
    ['2026-11-27T10:20:30Z', '2026-11-27 10:20:30'],
    ['2026-11-27T10:20:30.987Z', '2026-11-27 10:20:30'],
    ['2026-11-27T10:20:30+02:00', '2026-11-27 08:20:30'],
    ['2026-11-27T10:20:30+0530', '2026-11-27 04:50:30'],
    ['2026-11-27T23:30:00-01:00', '2026-11-28 00:30:00'],
    ['2026-12-31T23:30:00-01', '2027-01-01 00:30:00'],
    ['20240229T00:00:00', '2024-02-29 00:00:00'],
    ['00010101T00:00:00', '0001-01-01 00:00:00'],
    ['00990615T12:00:00', '0099-06-15 12:00:00'],
    ['99991231T23:59:59', '9999-12-31 23:59:59'],
    [' 20261127T10:20:30\n', '2026-11-27 10:20:30'],
  ])('%p reads as %p (UTC)', (text, expected) => {
    expect(parseValue(`<dateTime.iso8601>${text}</dateTime.iso8601>`)).toBe(expected);
  });

  it.each([
    '20230229T00:00:00', '20261301T00:00:00', '20261100T00:00:00', '20261127T24:00:00',
    '20261127T10:60:00', '20261127T10:20:60', '2026-1127T10:20:30', '20261127T10:2030',
    '20261127 10:20:30', '2026-11-27T10:20:30+25:00', '00010101T00:00:00+01:00',
    '99991231T23:30:00-01:00', '2026-11-27T10:20:30ZZ', '2026-11-27T10:20',
  ])('refuses %p', (text) => {
    expect(refused(`<dateTime.iso8601>${text}</dateTime.iso8601>`).message).toMatch(/invalid dateTime/);
  });
});

describe('base64', () => {
  it.each([
    ['QUJD', 'QUJD'], ['QUI=', 'QUI='], ['QQ==', 'QQ=='], ['', ''],
    ['QUJD\nREVG\r\n', 'QUJDREVG'], ['\n  QUJD REVG\n  QQ==\n', 'QUJDREVGQQ=='],
    ['QR==', 'QQ=='], ['QUJ=', 'QUI='], ['+/+/', '+/+/'],
  ])('%p arrives as the base64 text %p', (text, expected) => {
    expect(parseValue(`<base64>${text}</base64>`)).toBe(expected);
  });

  it('carries arbitrary bytes exactly', () => {
    const data = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const wrapped = data.toString('base64').replace(/.{76}/g, '$&\n');
    expect(Buffer.from(parseValue(`<base64>${wrapped}</base64>`) as string, 'base64')).toEqual(data);
  });

  it.each(['QUJD$A==', 'QQ', 'QQ=', 'Q===', '====', 'QQ==QUJD', '-_-_', 'QUJ\u00e9'])('refuses %p', (text) => {
    expect(refused(`<base64>${text}</base64>`).message).toMatch(/invalid base64/);
  });
});

describe('nil', () => {
  it('reads <nil/>, <nil></nil> and Apache <ex:nil/> as null', () => {
    expect(parseValue('<nil/>')).toBeNull();
    expect(parseValue('<nil></nil>')).toBeNull();
    expect(parseValue('<nil> </nil>')).toBeNull();
    expect(parseValue('<ex:nil xmlns:ex="http://ws.apache.org/xmlrpc/namespaces/extensions"/>')).toBeNull();
  });
});
