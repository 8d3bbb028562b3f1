import { Controller, Get } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthView } from '@jingcai/shared';
import { Public } from '../../common/auth/decorators';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { DatabaseHealth } from './database-health';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseHealth,
    private readonly clock: Clock,
  ) {}

  /** For load balancers: 200 only when the database answers. */
  @Get()
  @ApiServiceUnavailableResponse({ description: '数据库暂时不可用' })
  async check(): Promise<HealthView> {
    if (!(await this.database.ping())) throw new AppException('SERVICE_UNAVAILABLE', '数据库暂时不可用');
    return { status: 'ok', db: 'up', time: this.clock.now().toISOString() };
  }
}
