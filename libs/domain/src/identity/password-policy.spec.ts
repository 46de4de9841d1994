import { MAX_PASSWORD_LENGTH, normalizePassword, passwordProblem } from './password-policy.js';

describe('passwordProblem (NIST SP 800-63B)', () => {
  it.each([
    ['a passphrase', 'correct horse battery staple'],
    ['twelve characters, no composition rules', 'lowercaseonly'],
    ['spaces inside', 'the river runs south'],
    ['unicode', 'Ñandú cruzó el salar 🌵'],
    ['the maximum length', 'x'.repeat(MAX_PASSWORD_LENGTH - 3) + 'abc'],
    ['the demo password', 'forge-demo-password'],
  ])('accepts %s', (_name, password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  it.each([
    ['eleven characters', 'elevenchars', /at least 12/],
    ['twelve spaces', ' '.repeat(12), /blank/],
    ['tabs and newlines only', '\t\n \t\n \t\n \t\n', /blank/],
    ['over the maximum', 'ab'.repeat(MAX_PASSWORD_LENGTH), /at most 256/],
    ['one repeated character', 'aaaaaaaaaaaa', /repetitive/],
    ['two alternating characters', 'abababababab', /repetitive/],
    ['a sequence', '123456789012', /repetitive or sequential|common/],
    ['a letter sequence', 'abcdefghijklm', /repetitive or sequential/],
    ['a common password', 'qwertyuiop12', /common/],
    ['a common password with digits and punctuation', 'Password2024!', /common/],
    ['a common password repeated', 'iloveyouiloveyou', /common/],
    ['a common keyboard walk', '1qaz2wsx3edc', /common/],
    ['the service name', 'forge-pipeline-2025', /name of the service/],
  ])('refuses %s', (_name, password, message) => {
    expect(passwordProblem(password)).toMatch(message);
  });

  it('refuses the email address or its local part', () => {
    expect(passwordProblem('maria.quispe@fund.example', { email: 'maria.quispe@fund.example' })).toMatch(
      /email/,
    );
    expect(passwordProblem('mariaquispe2024', { email: 'maria.quispe@fund.example' })).toMatch(/email/);
    expect(passwordProblem('maria quispe river', { email: 'maria.quispe@fund.example' })).toBeNull();
  });

  it('counts code points after NFKC normalisation', () => {
    expect(normalizePassword('ﬁ')).toBe('fi');
    expect(passwordProblem('🌵🌵🌵🌵🌵🌵🌵🌵🌵🌵🌵')).toMatch(/at least 12/);
  });
});
