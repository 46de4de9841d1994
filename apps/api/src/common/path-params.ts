import { Injectable, Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { CHECK_CODES, DomainError } from '@forge/domain';

/**
 * Path parameters validated at the edge: a malformed id is 400 `VALIDATION.FAILED` (problem+json) before any
 * handler, service or repository sees it, and the OpenAPI document says what each parameter must be. Use
 * these instead of `@Param('id')`:
 *
 *   get(@UuidParam('id') id: string)                       // :id, :rid, :cpId … (any UUID)
 *   resolve(@CheckCodeParam('code') code: string)          // :code, a check code of checks.md
 *   activate(@ModelVersionParam('version') v: string)      // :version, a scoring model version
 *
 * The error names the parameter, never echoes its value.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Semantic version with an optional pre-release (`1.0.0`, `1.1.0-rc.1`), at most 64 characters. */
const MODEL_VERSION = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})(-[0-9A-Za-z.-]{1,40})?$/;

@Injectable()
export class PathParamPipe implements PipeTransform<unknown, string> {
  constructor(
    private readonly name: string,
    private readonly accepts: (value: string) => boolean,
    private readonly expectation: string,
  ) {}

  transform(value: unknown): string {
    if (typeof value === 'string' && this.accepts(value)) return value;
    throw new DomainError(
      'VALIDATION.FAILED',
      `The path parameter ${this.name} must be ${this.expectation}`,
      [{ field: this.name, message: `must be ${this.expectation}` }],
    );
  }
}

/** A path parameter with its pipe and its OpenAPI description (`ApiParam` on the handler). */
function pathParam(
  name: string,
  pipe: PathParamPipe,
  schema: Parameters<typeof ApiParam>[0],
): ParameterDecorator {
  return (target, key, index) => {
    Param(name, pipe)(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor)
      ApiParam({ ...schema, name, required: true } as Parameters<typeof ApiParam>[0])(
        target,
        key,
        descriptor,
      );
  };
}

export function UuidParam(name = 'id', description?: string): ParameterDecorator {
  return pathParam(name, new PathParamPipe(name, (value) => UUID.test(value), 'a UUID'), {
    name,
    type: String,
    format: 'uuid',
    description,
  });
}

export const CHECK_CODE_VALUES: readonly string[] = Object.values(CHECK_CODES);

export function CheckCodeParam(name = 'code'): ParameterDecorator {
  return pathParam(
    name,
    new PathParamPipe(name, (value) => CHECK_CODE_VALUES.includes(value), 'a check code (checks.md)'),
    { name, enum: [...CHECK_CODE_VALUES], enumName: 'CheckCode', description: 'a check code of checks.md' },
  );
}

export function ModelVersionParam(name = 'version'): ParameterDecorator {
  return pathParam(
    name,
    new PathParamPipe(name, (value) => MODEL_VERSION.test(value), 'a model version such as 1.0.0'),
    { name, schema: { type: 'string', pattern: MODEL_VERSION.source, example: '1.0.0' } },
  );
}

/** An application's human reference (`FORGE-2026-000001`): a capital prefix, the year, a serial. */
const REFERENCE = /^[A-Z][A-Z0-9]{0,9}-\d{4}-[A-Z0-9]{1,12}$/;

export function ReferenceParam(name = 'reference'): ParameterDecorator {
  return pathParam(
    name,
    new PathParamPipe(
      name,
      (value) => REFERENCE.test(value),
      'an application reference such as FORGE-2026-000001',
    ),
    { name, schema: { type: 'string', pattern: REFERENCE.source, example: 'FORGE-2026-000001' } },
  );
}
