import type { PipeTransform } from '@nestjs/common';
import { OrganizationCode } from '@infraforum/shared';
import { ApiException } from '../common/api-exception.js';

/** A path's organization code, normalised ("159" → "0159"); anything that cannot be one is simply not found. */
export class OrganizationCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const parsed = OrganizationCode.safeParse(value);
    if (!parsed.success) throw ApiException.notFound('Kommunen findes ikke.');
    return parsed.data;
  }
}
