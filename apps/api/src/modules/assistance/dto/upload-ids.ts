import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';
import { UPLOAD_ID_PATTERN } from '../../uploads/upload-id';

/** An optional list of at most `max` upload ids (documents, visit photos). */
export const UploadIds = (max: number, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems: max, description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    Length(10, 32, { each: true }),
    Matches(UPLOAD_ID_PATTERN, { each: true }),
  );
