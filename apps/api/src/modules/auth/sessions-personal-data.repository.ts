import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { type PersonalDataPart } from '../../common/personal-data';
import { ConsoleLoginCode } from './entities/console-login-code.entity';
import { RefreshToken } from './entities/refresh-token.entity';

/** A deleted account's sessions: every refresh token revoked at once, and the rows gone with the erasure. */
@Injectable()
export class SessionsPersonalDataRepository implements PersonalDataPart {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async revokeAll(userId: number, at: Date): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).update({ userId, revokedAt: IsNull() }, { revokedAt: at });
    await this.dataSource.getRepository(ConsoleLoginCode).delete({ userId });
  }

  async eraseOf(userId: number): Promise<void> {
    await this.dataSource.getRepository(RefreshToken).delete({ userId });
    await this.dataSource.getRepository(ConsoleLoginCode).delete({ userId });
  }
}
