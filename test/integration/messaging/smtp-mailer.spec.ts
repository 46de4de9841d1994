import { SmtpMailer } from '@forge/messaging';
import { renderEmail } from '@forge/domain';
import { startSmtpSink } from '../../support/smtp-sink.js';

describe('SMTP mailer (local smtp-server)', () => {
  it('sends the rendered template with a stable Message-ID and its language', async () => {
    const smtp = await startSmtpSink();
    const mailer = new SmtpMailer(smtp.url, 'FORGE Pipeline <no-reply@forge.test>');
    try {
      const email = renderEmail('information_requested', 'pt-BR', {
        reference: 'FORGE-2027-000042',
        title: 'Puna Clara DLE',
        link: 'http://127.0.0.1:3000/applications/a/information-requests/r',
      });
      const sent = await mailer.send({
        to: 'sponsor@altiplano.test',
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: '<notification-17@forge.test>',
        language: email.locale,
      });
      expect(sent.accepted).toEqual(['sponsor@altiplano.test']);
      const mail = await smtp.received();
      expect(mail.subject).toBe('[FORGE-2027-000042] O fundo fez uma pergunta');
      expect(mail.messageId).toBe('<notification-17@forge.test>');
      expect(mail.headers.get('content-language')).toBe('pt-BR');
      expect(mail.text).toContain('Responda: http://127.0.0.1:3000/applications/a/information-requests/r');
      expect(mail.html).toContain('<p>');
      expect((mail.from?.value ?? [])[0]?.address).toBe('no-reply@forge.test');
    } finally {
      mailer.close();
      await smtp.close();
    }
  });

  it('fails loudly when the server is away (the outbox retries)', async () => {
    const smtp = await startSmtpSink();
    await smtp.close();
    const mailer = new SmtpMailer(smtp.url, 'no-reply@forge.test');
    try {
      await expect(
        mailer.send({
          to: 'x@forge.test',
          subject: 's',
          text: 't',
          html: '<p>t</p>',
          messageId: '<m@forge.test>',
          language: 'en',
        }),
      ).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      mailer.close();
    }
  });
});
