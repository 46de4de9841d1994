import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/**
 * Property decorators for response DTOs whose TypeScript type says too little for `@nestjs/swagger` to infer
 * (`string | null` and `unknown` reach it as `Object`). The e2e suite validates every response against the
 * document, so these must say exactly what the presenters return.
 */

/** A JSON object whose keys the contract does not fix (a check's `detail`, an approval's `payload`). */
export function ApiJsonObjectProperty(options: ApiPropertyOptions & { nullable?: boolean } = {}) {
  return ApiProperty({
    type: 'object',
    additionalProperties: true,
    ...options,
  } as ApiPropertyOptions);
}

/** Any JSON value (object, array, string, number, boolean or null): a replay difference's `a` and `b`. */
export function ApiAnyJsonProperty(options: Omit<ApiPropertyOptions, 'type'> = {}) {
  return ApiProperty({
    oneOf: [
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
    ],
    nullable: true,
    ...options,
  } as ApiPropertyOptions);
}

/** An ISO-8601 date-time string (`toISOString()`), or null when `nullable`. */
export function ApiDateTimeProperty(options: { nullable?: boolean; description?: string } = {}) {
  return ApiProperty({ type: String, format: 'date-time', ...options });
}

/** A UUID string, or null when `nullable`. */
export function ApiUuidProperty(options: { nullable?: boolean; description?: string } = {}) {
  return ApiProperty({ type: String, format: 'uuid', ...options });
}
