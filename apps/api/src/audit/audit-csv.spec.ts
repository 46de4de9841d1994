import { csvField } from './audit-trail.service.js';

describe('csvField (audit CSV export)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('neutralises a formula start: %j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves ordinary text, numbers and nulls alone, quoting per RFC 4180', () => {
    expect(csvField('officer@fund.example')).toBe('officer@fund.example');
    expect(csvField('a, b "c"')).toBe('"a, b ""c"""');
    expect(csvField('{"stage":"draft"}')).toBe('"{""stage"":""draft""}"');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
    expect(csvField('x=1')).toBe('x=1');
  });
});
