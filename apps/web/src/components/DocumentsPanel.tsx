import { useRef, useState } from 'react';
import { Anchor, Button, FileInput, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { send } from '../api/client';
import type { SponsorDocumentView, UploadedDocument } from '../api/types';
import { DOCUMENT_KINDS, type DocumentKind } from '../lib/enums';
import { useFormat } from '../lib/format';
import { documentKindLabel } from '../lib/labels';
import { ProblemAlert } from './ProblemAlert';
import { ScrollTable } from './ScrollTable';

/** Uploads one file to an application (multipart `file` + `kind`); the API checks its content. */
export async function uploadDocument(
  applicationId: string,
  kind: DocumentKind,
  file: File,
): Promise<UploadedDocument> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return send<UploadedDocument>(`/api/v1/applications/${applicationId}/documents`, {
    method: 'POST',
    body: form,
  });
}

/** The application's documents and an upload form; a refused file says why, and the choice stays. */
export function DocumentsPanel({
  applicationId,
  documents,
  onUploaded,
  kinds = DOCUMENT_KINDS,
  canUpload = true,
}: {
  applicationId: string;
  /** Staff or sponsor document rows (only the fields both carry are shown). */
  documents: SponsorDocumentView[];
  onUploaded(document: UploadedDocument): void;
  kinds?: readonly DocumentKind[];
  canUpload?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const fileRef = useRef<HTMLButtonElement>(null);

  async function upload() {
    if (!kind || !file) return;
    setBusy(true);
    setError(null);
    setUploaded(null);
    try {
      const document = await uploadDocument(applicationId, kind, file);
      onUploaded(document);
      setUploaded(file.name);
      setFile(null);
      setKind('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      {documents.length === 0 ? (
        <Text size="sm" c="dark.5">
          {t('documents.none')}
        </Text>
      ) : (
        <ScrollTable minWidth={520}>
          <Table striped>
            <Table.Caption>{t('documents.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('documents.kind')}</Table.Th>
                <Table.Th scope="col">{t('documents.file')}</Table.Th>
                <Table.Th scope="col">{t('documents.size')}</Table.Th>
                <Table.Th scope="col">{t('documents.sha256')}</Table.Th>
                <Table.Th scope="col">{t('documents.uploaded')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.map((document) => (
                <Table.Tr key={document.id}>
                  <Table.Td>{documentKindLabel(t, document.kind)}</Table.Td>
                  <Table.Td>
                    <Anchor
                      href={`/api/v1/documents/${document.id}`}
                      download={document.filename ?? undefined}
                    >
                      {document.filename ?? document.id}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{format.bytes(document.size)}</Table.Td>
                  <Table.Td>
                    <Text span ff="monospace" size="xs" title={document.sha256}>
                      {document.sha256.slice(0, 12)}…
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.dateTime(document.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {canUpload ? (
        <Stack gap="xs">
          <Group align="flex-end" wrap="wrap" grow>
            <NativeSelect
              label={t('documents.kind')}
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as DocumentKind)}
              data={[
                { value: '', label: t('form.choose') },
                ...kinds.map((value) => ({ value, label: documentKindLabel(t, value) })),
              ]}
              miw={200}
            />
            <FileInput
              ref={fileRef}
              label={t('documents.file')}
              placeholder={t('documents.choose')}
              value={file}
              onChange={setFile}
              clearable
              clearButtonProps={{ 'aria-label': t('documents.clear') }}
              miw={200}
            />
          </Group>
          <Text size="xs" c="dark.5">
            {t('documents.accepted')}
          </Text>
          <Group>
            <Button onClick={upload} loading={busy} disabled={!kind || !file} variant="light">
              {t('documents.upload')}
            </Button>
          </Group>
          {uploaded ? (
            <Text size="sm" c="teal.9" role="status">
              {t('documents.uploadedOk', { name: uploaded })}
            </Text>
          ) : null}
          <ProblemAlert error={error} title={error ? t('documents.refused') : undefined} />
        </Stack>
      ) : null}
    </Stack>
  );
}
