import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/action';
import { api, call } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useSession, type Role } from '../../api/session';
import type { Schemas } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/format';

type AdminUser = Schemas['AdminUserResponseDto'];
type RoleRequest = Schemas['RoleRequestResponseDto'];
const ROLES: Role[] = ['sponsor', 'officer', 'committee', 'auditor', 'admin', 'partner'];

/** An admin command: keeps its error for the form, refreshes users and role requests on success. */
const useAdminCommand = () => useAction([['admin']]);

/**
 * Accounts (admins): every user with roles and status; disable and enable with a reason; role changes, where
 * a grant of officer, committee or admin waits for a second admin (four eyes: the asking admin cannot
 * approve it, and the page says so); creating a user.
 */
export default function UsersPage() {
  const { t } = useTranslation();
  const users = useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => call(api.GET('/api/v1/admin/users')),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const current = users.data?.find((user) => user.id === selected) ?? null;
  return (
    <>
      <PageHeader title={t('admin.usersTitle')} subtitle={t('admin.usersSubtitle')} />
      <Stack gap="md">
        <RoleRequests />
        <Section title={t('admin.users')} id="users">
          <QueryState query={users}>
            {(rows) => <UsersTable users={rows} onManage={setSelected} />}
          </QueryState>
        </Section>
        {current ? <ManageUser key={current.id} user={current} onClose={() => setSelected(null)} /> : null}
        <CreateUser />
      </Stack>
    </>
  );
}

function RoleList({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return <>{roles.length === 0 ? t('admin.noRole') : roles.map((role) => t(`role.${role}`)).join(', ')}</>;
}

function UsersTable({ users, onManage }: { users: AdminUser[]; onManage(id: string): void }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('admin.usersCaption')}
      minWidth={720}
      rows={users}
      rowKey={(user) => user.id}
      columns={[
        { header: t('admin.email'), cell: (user) => user.email, rowHeader: true },
        { header: t('admin.displayName'), cell: (user) => user.displayName },
        {
          header: t('admin.roles'),
          cell: (user) => (
            <>
              <RoleList roles={user.roles} />
              {user.pendingRoleRequest ? (
                <Text size="xs">
                  {t('admin.pendingGrant')}: <RoleList roles={user.pendingRoleRequest.rolesAfter} />
                </Text>
              ) : null}
            </>
          ),
        },
        {
          header: t('admin.status'),
          cell: (user) => (
            <Badge color={user.disabled ? 'red' : 'green'} variant="light">
              {user.disabled ? t('admin.disabled') : t('admin.active')}
            </Badge>
          ),
        },
        {
          header: t('admin.secondFactor'),
          cell: (user) => (
            <Badge color={user.totpEnrolled ? 'green' : 'gray'} variant="light">
              {user.totpEnrolled ? t('admin.totpEnrolled') : t('admin.totpNotEnrolled')}
            </Badge>
          ),
        },
        {
          header: t('admin.manage'),
          cell: (user) => (
            <Button
              size="xs"
              variant="default"
              onClick={() => onManage(user.id)}
              aria-label={t('admin.manageUser', { email: user.email })}
            >
              {t('admin.manage')}
            </Button>
          ),
        },
      ]}
    />
  );
}

function ManageUser({ user, onClose }: { user: AdminUser; onClose(): void }) {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const [roles, setRoles] = useState<string[]>([...user.roles]);
  const [rolesReason, setRolesReason] = useState('');
  const [statusReason, setStatusReason] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const rolesCommand = useAdminCommand();
  const statusCommand = useAdminCommand();
  const self = me?.id === user.id;
  const rolesErrors = rolesCommand.error instanceof ApiProblem ? rolesCommand.error.fieldErrors() : {};
  const statusErrors = statusCommand.error instanceof ApiProblem ? statusCommand.error.fieldErrors() : {};

  async function changeRoles() {
    setOutcome(null);
    const result = await rolesCommand.run(() =>
      call(
        api.PUT('/api/v1/admin/users/{userId}/roles', {
          params: { path: { userId: user.id } },
          body: { roles: roles as Role[], reason: rolesReason.trim() },
        }),
      ),
    );
    if (result) {
      setOutcome(result.roleRequest ? t('admin.rolesRequested') : t('admin.rolesChanged'));
      setRolesReason('');
    }
  }
  async function setDisabled(disabled: boolean) {
    setOutcome(null);
    const path = disabled ? '/api/v1/admin/users/{userId}/disable' : '/api/v1/admin/users/{userId}/enable';
    const result = await statusCommand.run(() =>
      call(
        api.POST(path, {
          params: { path: { userId: user.id } },
          body: { reason: statusReason.trim() },
        }),
      ),
    );
    if (result) {
      setOutcome(disabled ? t('admin.userDisabled') : t('admin.userEnabled'));
      setStatusReason('');
    }
  }

  return (
    <Section title={t('admin.manageTitle', { email: user.email })} id="manage-user">
      {self ? <Alert color="gray">{t('admin.selfAdministration')}</Alert> : null}
      {outcome ? (
        <Text size="sm" c="teal.9" role="status">
          {outcome}
        </Text>
      ) : null}
      <Stack
        gap="sm"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          void changeRoles();
        }}
      >
        <Checkbox.Group
          label={t('admin.roles')}
          description={t('admin.rolesHelp')}
          value={roles}
          onChange={setRoles}
          error={rolesErrors.roles}
        >
          <Group gap="md" mt={4}>
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`role.${role}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput
          label={t('admin.rolesReason')}
          value={rolesReason}
          required
          error={rolesErrors.reason}
          onChange={(event) => setRolesReason(event.currentTarget.value)}
          maw={520}
        />
        <ProblemAlert error={rolesCommand.error} />
        <Group>
          <Button type="submit" loading={rolesCommand.busy} disabled={self}>
            {t('admin.changeRoles')}
          </Button>
        </Group>
      </Stack>
      <Stack
        gap="sm"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          void setDisabled(!user.disabled);
        }}
      >
        <TextInput
          label={user.disabled ? t('admin.enableReason') : t('admin.disableReason')}
          value={statusReason}
          required
          error={statusErrors.reason}
          onChange={(event) => setStatusReason(event.currentTarget.value)}
          maw={520}
        />
        <ProblemAlert error={statusCommand.error} />
        <Group>
          <Button
            type="submit"
            color={user.disabled ? undefined : 'red.9'}
            loading={statusCommand.busy}
            disabled={self}
          >
            {user.disabled ? t('admin.enable') : t('admin.disable')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}

function RoleRequests() {
  const { t } = useTranslation();
  const format = useFormat();
  const { user: me } = useSession();
  const requests = useQuery({
    queryKey: ['admin', 'role-requests'],
    queryFn: () => call(api.GET('/api/v1/admin/role-requests', { params: { query: { status: 'pending' } } })),
  });
  return (
    <Section title={t('admin.roleRequests')} id="role-requests">
      <Text size="sm">{t('admin.roleRequestsHelp')}</Text>
      <QueryState query={requests} empty={t('admin.noRoleRequests')}>
        {(rows) => (
          <Stack gap="md">
            {rows.map((request) => (
              <RoleRequestItem
                key={request.id}
                request={request}
                mine={request.requestedBy === me?.id}
                when={format.dateTime(request.createdAt)}
              />
            ))}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function RoleRequestItem({ request, mine, when }: { request: RoleRequest; mine: boolean; when: string }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const command = useAdminCommand();
  const decide = (decision: 'approve' | 'reject') =>
    command.run(() =>
      call(
        api.POST(
          decision === 'approve'
            ? '/api/v1/admin/role-requests/{requestId}/approve'
            : '/api/v1/admin/role-requests/{requestId}/reject',
          {
            params: { path: { requestId: request.id } },
            body: note.trim() ? { note: note.trim() } : {},
          },
        ),
      ),
    );
  return (
    <Stack gap={6} role="group" aria-label={t('admin.roleRequestFor', { email: request.userEmail })}>
      <Text size="sm" fw={600}>
        {request.userEmail}: <RoleList roles={request.rolesBefore} /> →{' '}
        <RoleList roles={request.rolesAfter} />
      </Text>
      <Text size="sm">
        {t('admin.requestReason')}: {request.reason} · {when}
      </Text>
      {mine ? (
        <Text size="sm" c="dark.6">
          {t('admin.ownRequest')}
        </Text>
      ) : null}
      <TextInput
        label={t('admin.decisionNote')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        maw={520}
        size="xs"
      />
      <ProblemAlert error={command.error} />
      <Group gap="xs">
        {mine ? null : (
          <Button size="xs" loading={command.busy} onClick={() => void decide('approve')}>
            {t('admin.approveGrant')}
          </Button>
        )}
        <Button size="xs" variant="default" loading={command.busy} onClick={() => void decide('reject')}>
          {mine ? t('admin.withdrawGrant') : t('admin.rejectGrant')}
        </Button>
      </Group>
    </Stack>
  );
}

function CreateUser() {
  const { t } = useTranslation();
  const organizations = useQuery({
    queryKey: ['admin', 'organizations'],
    queryFn: () => call(api.GET('/api/v1/admin/organizations')),
  });
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [organizationId, setOrganizationId] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const command = useAdminCommand();
  const fieldErrors = command.error instanceof ApiProblem ? command.error.fieldErrors() : {};
  async function create() {
    setCreated(null);
    const result = await command.run(() =>
      call(
        api.POST('/api/v1/admin/users', {
          body: {
            email: email.trim(),
            displayName: displayName.trim(),
            password,
            roles: roles as Role[],
            ...(organizationId ? { organizationId } : {}),
          },
        }),
      ),
    );
    if (result) {
      setCreated(
        result.pendingRoleRequest
          ? t('admin.userCreatedPending', { email: result.email })
          : t('admin.userCreated', { email: result.email }),
      );
      setEmail('');
      setDisplayName('');
      setPassword('');
      setRoles([]);
    }
  }
  return (
    <Section title={t('admin.createUser')} id="create-user">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label={t('admin.email')}
            type="email"
            value={email}
            required
            error={fieldErrors.email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            miw={240}
          />
          <TextInput
            label={t('admin.displayName')}
            value={displayName}
            required
            error={fieldErrors.displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            miw={200}
          />
          <PasswordInput
            label={t('admin.initialPassword')}
            description={t('admin.passwordHelp')}
            value={password}
            required
            error={fieldErrors.password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            miw={220}
          />
        </Group>
        <Checkbox.Group label={t('admin.roles')} value={roles} onChange={setRoles} error={fieldErrors.roles}>
          <Group gap="md" mt={4}>
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`role.${role}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <NativeSelect
          label={t('admin.organization')}
          description={t('admin.organizationHelp')}
          value={organizationId}
          error={fieldErrors.organizationId}
          onChange={(event) => setOrganizationId(event.currentTarget.value)}
          data={[
            { value: '', label: t('common.none') },
            ...(organizations.data ?? []).map((organization) => ({
              value: organization.id,
              label: organization.name,
            })),
          ]}
          maw={420}
        />
        <ProblemAlert error={command.error} />
        {created ? (
          <Text size="sm" c="teal.9" role="status">
            {created}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={command.busy}>
            {t('admin.createUserButton')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
