import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DATETIME_MAX_LENGTH } from '@jingcai/shared';
import { IsISO8601, MaxLength } from 'class-validator';

/**
 * An instant a client sends as strict ISO 8601 text (`2026-12-07T09:00:00+08:00`), its length bounded before it
 * is parsed: the one shape of every date-time a staff form sends (campaign, event, benefit windows).
 */
export const DateTimeField = () =>
  applyDecorators(
    ApiProperty({ format: 'date-time' }),
    MaxLength(DATETIME_MAX_LENGTH),
    IsISO8601({ strict: true }),
  );
