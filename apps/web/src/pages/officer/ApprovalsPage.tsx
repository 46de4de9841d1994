import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export default function ApprovalsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('common.comingSoon')} />;
}
