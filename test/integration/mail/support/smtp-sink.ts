// A real SMTP server in the test process that records what it receives and can misbehave on
// demand: refuse for a while (4xx/5xx), drop the connection after the data but before its reply,
// hold replies until released, or be shut down and brought back on the same port.
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string[];
  from: string;
  subject: string;
  headers: Map<string, string>;
  raw: string;
  /** True when the connection was cut before the server answered: the client saw a failure. */
  unacknowledged: boolean;
}

export type Verdict = 'accept' | 'tempfail' | 'reject' | 'drop';

export interface SmtpSinkOptions {
  /** Decides the answer to each message (default: accept). */
  verdict?: (mail: Omit<ReceivedMail, 'unacknowledged'>, index: number) => Verdict;
  /** Recipients refused at RCPT TO with 550. */
  unknownRecipients?: string[];
}

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  port = 0;
  private server: SMTPServer | null = null;
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;
  private dataSeen = 0;
  private dataWaiters: { n: number; resolve: () => void }[] = [];

  constructor(private readonly opts: SmtpSinkOptions = {}) {}

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false, closeTimeout: 50,
      onRcptTo: (addr, _session, cb) => {
        if (this.opts.unknownRecipients?.includes(addr.address)) {
          cb(Object.assign(new Error('No such user here'), { responseCode: 550 }));
        } else cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => void this.answer(Buffer.concat(chunks).toString('utf8'), session, cb));
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as { port: number }).port;
    return this;
  }

  /** Shuts the server down; connections attempted meanwhile are refused. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.release();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** From now on replies wait until `release()`; the data is already recorded. */
  hold(): void {
    this.gate ??= new Promise((resolve) => {
      this.openGate = resolve;
    });
  }

  release(): void {
    this.openGate?.();
    this.gate = null;
    this.openGate = null;
  }

  /** Resolves once `n` messages in all have reached the server (answered or not). */
  waitForData(n: number): Promise<void> {
    if (this.dataSeen >= n) return Promise.resolve();
    return new Promise((resolve) => this.dataWaiters.push({ n, resolve }));
  }

  /** Message-IDs with how many times each reached the server. */
  countsByMessageId(): Map<string, number> {
    const m = new Map<string, number>();
    for (const r of this.received) m.set(r.messageId, (m.get(r.messageId) ?? 0) + 1);
    return m;
  }

  accepted(): ReceivedMail[] {
    return this.received.filter((r) => !r.unacknowledged);
  }

  private async answer(raw: string, session: SMTPServerSession, cb: (err?: Error | null) => void): Promise<void> {
    const mail = parseMail(raw, session);
    const index = this.dataSeen++;
    for (const w of this.dataWaiters.filter((x) => this.dataSeen >= x.n)) w.resolve();
    this.dataWaiters = this.dataWaiters.filter((x) => this.dataSeen < x.n);
    const verdict = this.opts.verdict?.(mail, index) ?? 'accept';
    if (this.gate) await this.gate;
    if (verdict === 'tempfail') return cb(Object.assign(new Error('Try again later'), { responseCode: 451 }));
    if (verdict === 'reject') return cb(Object.assign(new Error('Message refused'), { responseCode: 554 }));
    this.received.push({ ...mail, unacknowledged: verdict === 'drop' });
    if (verdict === 'drop') {
      for (const c of this.server?.connections ?? []) if (c.id === session.id) c._socket.destroy();
      return;
    }
    cb();
  }
}

function parseMail(raw: string, session: SMTPServerSession): Omit<ReceivedMail, 'unacknowledged'> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), decodeWords(line.slice(i + 1).trim()));
  }
  return {
    messageId: headers.get('message-id') ?? '',
    to: session.envelope.rcptTo.map((r) => r.address),
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    subject: headers.get('subject') ?? '',
    headers,
    raw,
  };
}

/** RFC 2047 encoded words (what nodemailer writes for non-ASCII headers). */
export function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _cs: string, enc: string, text: string) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => `%${h}`);
      return decodeURIComponent(bytes.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
    });
}
