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
import { ROLES, type Role } from '@forge/domain';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@forge/persistence';

export class TokenRequestDto {
  @ApiProperty({ example: 'officer@fund.example' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class TokenResponseDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the token expires' })
  expiresIn!: number;
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

export class AdminUserResponseDto extends UserResponseDto {
  @ApiProperty({ example: false })
  disabled!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CreateUserRequestDto {
  @ApiProperty({ example: 'sponsor@lithium-andes.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, example: 'a long pass phrase', format: 'password' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiProperty({ example: 'Lucía Sponsor' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['sponsor'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for sponsor users, refused for the others' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
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
}
