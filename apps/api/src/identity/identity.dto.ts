import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  COFINANCIER_SECTORS,
  MIN_PASSWORD_LENGTH,
  ORGANIZATION_KINDS,
  ROLES,
  type Role,
} from '@forge/domain';

/**
 * A bound on the password field at the edge (UTF-16 code units; the policy's 256 code points can take up to 512):
 * the policy itself (libs/domain password-policy) decides, with a reason.
 */
const PASSWORD_FIELD_MAX = 1024;

/** A role set as the admin routes take it: the full set, each role known, none twice. */
function RolesField(options: { example: Role[]; description?: string }): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ enum: ROLES, isArray: true, ...options }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(ROLES.length),
    ArrayUnique(),
    IsIn(ROLES, { each: true }),
  );
}

/** Why an admin changes an account (recorded as the audit event's reason). */
function ReasonField(example: string): PropertyDecorator {
  return applyDecorators(ApiProperty({ example }), IsString(), MinLength(3), MaxLength(1000));
}

/** An email and a password as sign-in checks them (not a schema of its own). */
abstract class PasswordCredentialsDto {
  @ApiProperty({ example: 'officer@fund.example' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @IsString()
  @MaxLength(PASSWORD_FIELD_MAX)
  password!: string;
}

export class TokenRequestDto extends PasswordCredentialsDto {
  @ApiPropertyOptional({
    example: '123456',
    description:
      'The second factor, for accounts that have one (staff must once their enrolment grace is over, see ' +
      'AUTH.TOTP_REQUIRED): the 6-digit code of the authenticator app, or one of the recovery codes (xxxxx-xxxxx)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  code?: string;
}

/** A staff account signed in during its enrolment grace period (docs/identity.md, "Second factor"). */
export class SecondFactorNoticeDto {
  @ApiProperty({
    enum: ['enrolment_due'],
    example: 'enrolment_due',
    description: 'No second factor is enrolled yet and the account is in its grace period',
  })
  status!: 'enrolment_due';

  @ApiProperty({
    format: 'date-time',
    example: '2026-12-03T09:00:00.000Z',
    description:
      'Enrol an authenticator app before this time (POST /api/v1/auth/totp/enrolment, then …/confirm): from ' +
      'then on a sign-in without one answers 401 AUTH.TOTP_ENROLMENT_REQUIRED',
  })
  dueAt!: string;
}

/** Present only for a staff account without a second factor, in its grace period (AUTH_STAFF_MFA_GRACE_HOURS). */
function SecondFactorNoticeField(): PropertyDecorator {
  return ApiPropertyOptional({
    type: SecondFactorNoticeDto,
    description:
      'Present only when this staff account has no second factor yet and signed in within its enrolment grace ' +
      'period (AUTH_STAFF_MFA_GRACE_HOURS after its creation): enrol by `dueAt`. Absent otherwise',
  });
}

export class TokenResponseDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the token expires' })
  expiresIn!: number;

  @SecondFactorNoticeField()
  secondFactor?: SecondFactorNoticeDto;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'officer@fund.example' })
  email!: string;

  @ApiProperty({ example: 'Ana Officer' })
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['officer'] })
  roles!: Role[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Sponsor users only' })
  organizationId!: string | null;
}

export class RoleRequestResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'ana.officer@fund.example' })
  userEmail!: string;

  @ApiProperty({
    enum: ROLES,
    isArray: true,
    example: [],
    description: 'The roles in force when it was asked',
  })
  rolesBefore!: Role[];

  @ApiProperty({
    enum: ROLES,
    isArray: true,
    example: ['officer'],
    description: 'The roles asked for (all of them)',
  })
  rolesAfter!: Role[];

  @ApiProperty({ example: 'joins the Andes desk' })
  reason!: string;

  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] })
  status!: 'pending' | 'approved' | 'rejected';

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The admin who asked (null: the system)',
  })
  requestedBy!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  decidedBy!: string | null;

  @ApiProperty({ nullable: true, type: String })
  decisionNote!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  decidedAt!: string | null;
}

/** A user as admins see it. Read by admins only. */
export class AdminUserResponseDto extends UserResponseDto {
  @ApiProperty({ example: false })
  disabled!: boolean;

  @ApiProperty({ enum: ['en', 'es', 'pt-BR'], description: 'the language of the user’s emails' })
  locale!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    example: true,
    description:
      'A confirmed TOTP enrolment (second factor). Staff who sign in with a password need one; ' +
      'POST …/totp/reset removes it (409 AUTH.TOTP_NOT_ENROLLED when false)',
  })
  totpEnrolled!: boolean;

  @ApiProperty({
    type: RoleRequestResponseDto,
    nullable: true,
    description: 'A role grant awaiting a second admin (officer, committee and admin need one)',
  })
  pendingRoleRequest!: RoleRequestResponseDto | null;
}

export class RoleChangeResponseDto {
  @ApiProperty({ type: AdminUserResponseDto })
  user!: AdminUserResponseDto;

  @ApiProperty({
    type: RoleRequestResponseDto,
    nullable: true,
    description:
      'Set (answer 202) when the change grants a role of ROLE_GRANT_APPROVAL (admin by default) and waits for a ' +
      'second admin',
  })
  roleRequest!: RoleRequestResponseDto | null;
}

export class ChangeRolesRequestDto {
  @RolesField({ example: ['officer'], description: 'The full set of roles wanted' })
  roles!: Role[];

  @ReasonField('joins the Andes desk')
  reason!: string;
}

export class AccountStatusRequestDto {
  @ReasonField('left the fund on 2025-06-30')
  reason!: string;
}

export class RoleRequestDecisionDto {
  @ApiPropertyOptional({ example: 'checked with the head of the desk' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ description: 'The one-time token (printed by `npm run cli -- users:reset-password`)' })
  @IsString()
  @MaxLength(100)
  token!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, format: 'password', example: 'a new long pass phrase' })
  @IsString()
  @MaxLength(PASSWORD_FIELD_MAX)
  password!: string;
}

export class CreateUserRequestDto {
  @ApiProperty({ example: 'sponsor@lithium-andes.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, example: 'a long pass phrase', format: 'password' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(PASSWORD_FIELD_MAX)
  password!: string;

  @ApiProperty({ example: 'Lucía Sponsor' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @RolesField({ example: ['sponsor'] })
  roles!: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for sponsor users, refused for the others' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    enum: ['en', 'es', 'pt-BR'],
    description: 'the language of the user’s emails (the user changes it with PATCH /me)',
  })
  @IsOptional()
  @IsIn(['en', 'es', 'pt-BR'])
  locale?: string;
}

export class CreateOrganizationRequestDto {
  @ApiProperty({ example: 'Lithium Andes S.A.' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @ApiProperty({ example: 'AR', description: 'ISO 3166-1 alpha-2' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code (two capital letters)' })
  country!: string;

  @ApiProperty({ example: '30-71234567-9' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  registrationNumber!: string;

  @ApiPropertyOptional({
    enum: ORGANIZATION_KINDS,
    description:
      'portfolio.md: a project sponsor (when absent), a co-financing partner (cofinancier) or the fund itself',
  })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: 'sponsor' | 'cofinancier' | 'fund';

  @ApiPropertyOptional({
    enum: COFINANCIER_SECTORS,
    description:
      'A cofinancier is public (a DFI, an export-credit agency) or private; only a cofinancier has one',
  })
  @IsOptional()
  @IsIn(COFINANCIER_SECTORS)
  sector?: 'public' | 'private';
}

export class OrganizationResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Lithium Andes S.A.' })
  name!: string;

  @ApiProperty({ example: 'AR' })
  country!: string;

  @ApiProperty({ example: '30-71234567-9' })
  registrationNumber!: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  kind!: 'sponsor' | 'cofinancier' | 'fund';

  @ApiProperty({ enum: COFINANCIER_SECTORS, nullable: true, type: String })
  sector!: 'public' | 'private' | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class SessionRequestDto extends TokenRequestDto {}

export class SessionResponseDto {
  @ApiProperty({ type: UserResponseDto, description: 'The signed-in user (the shape of GET /me)' })
  user!: UserResponseDto;

  @ApiProperty({
    example: 'k3J5c2V0LXRoaXMtaXMtbm90LWEtcmVhbC10b2tlbi0w',
    description:
      'Send it as the x-csrf-token header on every cookie-authenticated request but GET/HEAD/OPTIONS',
  })
  csrfToken!: string;

  @SecondFactorNoticeField()
  secondFactor?: SecondFactorNoticeDto;
}

/** Proves the password to enrol a second factor (staff whose sign-in answered AUTH.TOTP_ENROLMENT_REQUIRED). */
export class TotpEnrolmentRequestDto extends PasswordCredentialsDto {}

export class TotpEnrolmentResponseDto {
  @ApiProperty({
    example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    description: 'The TOTP secret (base32), to type into the app when the QR code cannot be scanned',
  })
  secret!: string;

  @ApiProperty({
    example: 'otpauth://totp/FORGE%20Pipeline:officer%40fund.example?secret=JBSW…&issuer=FORGE%20Pipeline',
    description: 'The otpauth:// URI to show as a QR code (SHA-1, 6 digits, 30 s)',
  })
  otpauthUri!: string;
}

export class TotpConfirmRequestDto extends TotpEnrolmentRequestDto {
  @ApiProperty({ example: '123456', description: 'The first code the app shows' })
  @IsString()
  @Matches(/^\s*\d{6}\s*$/, { message: 'code must be the 6 digits the app shows' })
  code!: string;
}

export class TotpConfirmResponseDto {
  @ApiProperty({
    type: String,
    isArray: true,
    example: ['7k3mq-p9x2a'],
    description: 'Ten single-use recovery codes, shown this once (only their Argon2id hashes are kept)',
  })
  recoveryCodes!: string[];
}

export class OidcProvidersResponseDto {
  @ApiProperty({
    description: "True when staff can sign in with the organisation's identity provider (OIDC)",
  })
  oidc!: boolean;
}
