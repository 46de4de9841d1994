import { AppShell, Burger, Button, Group, NavLink, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, type Role } from '../api/session';
import { LanguagePicker } from '../components/LanguagePicker';

interface NavItem {
  to: string;
  label: string;
  roles: Role[];
  /** Also active on these path prefixes (the item's detail pages). */
  prefixes?: string[];
}

const NAV: NavItem[] = [
  { to: '/sponsor', label: 'nav.myApplications', roles: ['sponsor'], prefixes: ['/sponsor/applications'] },
  { to: '/sponsor/new', label: 'nav.newApplication', roles: ['sponsor'] },
  { to: '/officer', label: 'nav.workQueue', roles: ['officer'], prefixes: ['/officer/applications'] },
  { to: '/officer/approvals', label: 'nav.approvals', roles: ['officer'] },
  { to: '/committee', label: 'nav.committee', roles: ['committee'], prefixes: ['/committee/'] },
  { to: '/audit', label: 'nav.integrity', roles: ['auditor'] },
  { to: '/audit/events', label: 'nav.audit', roles: ['auditor'] },
  {
    to: '/audit/applications',
    label: 'nav.auditApplications',
    roles: ['auditor'],
    prefixes: ['/audit/applications/'],
  },
  { to: '/portfolio', label: 'nav.portfolio', roles: ['officer', 'committee', 'auditor', 'admin'] },
  { to: '/admin/users', label: 'nav.users', roles: ['admin'] },
  { to: '/admin/organizations', label: 'nav.organizations', roles: ['admin'] },
  { to: '/admin/sanctions', label: 'nav.sanctions', roles: ['admin'] },
  { to: '/admin/scoring', label: 'nav.scoring', roles: ['admin'] },
  { to: '/admin/portfolio-policies', label: 'nav.policies', roles: ['admin'] },
  { to: '/admin/webhooks', label: 'nav.webhooks', roles: ['admin'] },
  { to: '/partner', label: 'nav.cofinanced', roles: ['partner'], prefixes: ['/partner/'] },
  // What awaits me (monitoring.md "Inbox"): every role, after its own pages.
  {
    to: '/inbox',
    label: 'nav.inbox',
    roles: ['sponsor', 'officer', 'committee', 'auditor', 'admin', 'partner'],
  },
];

/** The signed-in frame: header (language, user, sign out), the main navigation landmark, the page. */
export function Layout() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const mobile = useMediaQuery('(max-width: 48em)');
  const location = useLocation();
  const navigate = useNavigate();
  const items = NAV.filter((item) => item.roles.some((role) => user?.roles.includes(role)));
  const isActive = (item: NavItem) =>
    location.pathname === item.to ||
    (item.prefixes ?? []).some((prefix) => location.pathname.startsWith(prefix));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="forge-skip-link" href="#main-content">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Text component={Link} to="/" fw={700} size="lg" c="forge.8" style={{ textDecoration: 'none' }}>
              FORGE Pipeline
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguagePicker compact={Boolean(mobile)} />
            <Text size="sm" visibleFrom="sm" c="dark.6">
              {user?.displayName}
            </Text>
            <Button
              variant="default"
              size="xs"
              onClick={async () => {
                await signOut();
                navigate('/login', { replace: true });
              }}
            >
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        id="main-navigation"
        aria-label={t('nav.main')}
        inert={mobile && !opened ? true : undefined}
      >
        <VisuallyHidden>
          <Title order={2}>{t('nav.main')}</Title>
        </VisuallyHidden>
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            active={isActive(item)}
            aria-current={isActive(item) ? 'page' : undefined}
            onClick={close}
          />
        ))}
        <Text size="xs" c="dark.4" mt="auto" pt="md">
          {user?.email} · {user?.roles.map((role) => t(`role.${role}`)).join(', ')}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
