import { Controller, Get } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthView } from '@jingcai/shared';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';
import { AppException } from '../../common/errors/app-exception';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** For load balancers: 200 only when the database answers. */
  @Get()
  @ApiServiceUnavailableResponse({ description: '数据库暂时不可用' })
  async check(): Promise<HealthView> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new AppException('SERVICE_UNAVAILABLE', '数据库暂时不可用');
    }
    return { status: 'ok', db: 'up', time: new Date().toISOString() };
  }
}
