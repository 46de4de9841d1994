import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A local SMTP server started inside a test: each message that arrives is parsed and handed to `onMail`. */
export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`, for `SMTP_URL`. */
  url: string;
  /** The messages received so far, in order of arrival. */
  mails: ParsedMail[];
  /** The first message `match` accepts, already arrived or once it arrives (no sleeping, no polling). */
  received(match?: (mail: ParsedMail) => boolean): Promise<ParsedMail>;
  /** Server errors (a sender killed mid-message resets its connection): kept, so a test may assert on them. */
  errors: Error[];
  close(): Promise<void>;
}

/**
 * Starts the sink on a free port. The sender's "250 OK" is withheld until `onMail` settles, so a test can hold
 * a message unacknowledged (the sender killed meanwhile); a rejection answers the sender with an error.
 */
export async function startSmtpSink(
  onMail: (mail: ParsedMail) => void | Promise<void> = () => {},
): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  const errors: Error[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          mails.push(mail);
          waiters.splice(0).forEach((wake) => wake());
          await onMail(mail);
        })
        .then(() => callback(), callback);
    },
  });
  server.on('error', (error) => errors.push(error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const received = (match: (mail: ParsedMail) => boolean = () => true): Promise<ParsedMail> =>
    new Promise<ParsedMail>((resolve) => {
      const check = (): void => {
        const mail = mails.find(match);
        if (mail) resolve(mail);
        else waiters.push(check);
      };
      check();
    });
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    mails,
    received,
    errors,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The recipients of a parsed message, as one comma-separated string. */
export const recipients = (mail: ParsedMail): string =>
  mail.to ? (Array.isArray(mail.to) ? mail.to : [mail.to]).map((a) => a.text).join(',') : '';
