import { ApiProperty } from '@nestjs/swagger';
import { RefreshBody } from '@jingcai/shared';
import { IsString, Length, Matches } from 'class-validator';

export class RefreshDto implements RefreshBody {
  @ApiProperty()
  @IsString()
  @Length(20, 128)
  // Issued as base64url (older sessions: hex).
  @Matches(/^[A-Za-z0-9_-]+$/)
  refreshToken!: string;
}
