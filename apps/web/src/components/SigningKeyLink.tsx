import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';

export const SIGNING_KEY_FILE = 'forge-audit-key.pem';

/** The audit signing key (SPKI PEM) as a file to save, for `npm run audit:verify -- --public-key …`. */
export function useSigningKey() {
  return useQuery({
    queryKey: ['audit', 'public-key'],
    staleTime: Infinity,
    queryFn: () => call(api.GET('/api/v1/audit/public-key')),
  });
}

export function SigningKeyLink() {
  const { t } = useTranslation();
  const key = useSigningKey();
  const pem = key.data?.publicKeyPem;
  if (!pem) return null;
  return (
    <Anchor
      href={`data:application/x-pem-file;charset=utf-8,${encodeURIComponent(pem)}`}
      download={SIGNING_KEY_FILE}
    >
      {t('auditor.downloadKey')}
    </Anchor>
  );
}
