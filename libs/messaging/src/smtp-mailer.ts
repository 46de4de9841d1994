import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * A stable Message-ID (`<id@host>`): a retried send after a crash carries the same id, so a
   * receiving system can tell the duplicate.
   */
  messageId: string;
  /** `Content-Language` of the rendered template. */
  language: string;
}

export interface SentEmail {
  messageId: string;
  accepted: string[];
  rejected: string[];
  response: string;
}

/**
 * Email through `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…`; nodemailer's URL form).
 * One pooled transport per process. Errors are thrown to the caller (the outbox retries).
 */
export class SmtpMailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(email: OutgoingEmail): Promise<SentEmail> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: { 'Content-Language': email.language, 'Auto-Submitted': 'auto-generated' },
    });
    const list = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.map((a) => (typeof a === 'string' ? a : String((a as { address?: string }).address)))
        : [];
    return {
      messageId: String(info.messageId),
      accepted: list(info.accepted),
      rejected: list(info.rejected),
      response: String(info.response ?? ''),
    };
  }

  close(): void {
    this.transport.close();
  }
}
