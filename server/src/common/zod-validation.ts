import { Body, Query, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';
import { ApiException, fieldErrorsFromZod } from './api-exception.js';

export class ZodValidationPipe<T extends ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) throw ApiException.validation(fieldErrorsFromZod(result.error));
    return result.data;
  }
}

type OpenApiSchema = Record<string, unknown>;

/** The zod schema as an OpenAPI 3.0 schema object: zod is the single source of truth for both. */
export function toOpenApiSchema(schema: ZodType, io: 'input' | 'output'): OpenApiSchema {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as OpenApiSchema;
  delete json.$schema;
  return json;
}

function methodDescriptor(target: object, key: string | symbol): PropertyDescriptor {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) throw new Error(`No method ${String(key)} to document`);
  return descriptor;
}

/** Validates the JSON body with `schema` and documents it in OpenAPI. */
export function ZodBody(schema: ZodType): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) throw new Error('ZodBody is for method parameters');
    Body(new ZodValidationPipe(schema))(target, key, index);
    ApiBody({ schema: toOpenApiSchema(schema, 'input') })(target, key, methodDescriptor(target, key));
  };
}

/** A query parameter given twice arrives as an array: say so, rather than "expected string". */
class ZodQueryPipe<T extends z.ZodObject> extends ZodValidationPipe<T> {
  override transform(value: unknown): z.output<T> {
    if (value && typeof value === 'object') {
      const repeated = Object.entries(value).filter(([, entry]) => Array.isArray(entry));
      if (repeated.length > 0) {
        throw ApiException.validation(Object.fromEntries(repeated.map(([name]) => [name, ['Angiv kun én værdi']])));
      }
    }
    return super.transform(value);
  }
}

/** Validates the query string with `schema` (an object of optional strings/enums) and documents each parameter. */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) throw new Error('ZodQuery is for method parameters');
    Query(new ZodQueryPipe(schema))(target, key, index);
    const descriptor = methodDescriptor(target, key);
    for (const [name, field] of Object.entries(schema.shape)) {
      ApiQuery({ name, required: !field.safeParse(undefined).success, schema: toOpenApiSchema(field as ZodType, 'input') })(
        target,
        key,
        descriptor,
      );
    }
  };
}

/** Documents a response body; the mapper functions produce it, the schema describes it. */
export function ZodResponse(status: number, schema: ZodType | null, description = ''): MethodDecorator {
  return ApiResponse({ status, description, ...(schema ? { schema: toOpenApiSchema(schema, 'output') } : {}) });
}
