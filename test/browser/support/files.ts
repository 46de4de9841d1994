/** Small documents for uploads: a real (minimal) PDF, and a "PDF" that is not one (the API refuses it). */
export function pdf(title: string): { name: string; mimeType: string; buffer: Buffer } {
  const body = `%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return {
    name: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`,
    mimeType: 'application/pdf',
    buffer: Buffer.from(body),
  };
}

export function fakePdf(name: string): { name: string; mimeType: string; buffer: Buffer } {
  return {
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from('This is a plain text note, not a PDF.\n'),
  };
}
