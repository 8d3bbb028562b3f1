import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { distanceMeters, type Page, type StationView } from '@jingcai/shared';
import { Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { OrgScopeService } from '../orgs/org-scope.service';
import { toStationView } from './care.mapper';
import type { StationDto, StationQueryDto, UpdateStationDto } from './dto/care.dto';
import { Station } from './entities/station.entity';

@Injectable()
export class StationsService {
  constructor(
    @InjectRepository(Station) private readonly stations: Repository<Station>,
    private readonly scope: OrgScopeService,
  ) {}

  /**
   * Nearest first when a position is given, else by name. A district has tens to hundreds of stations,
   * so distances are computed in memory rather than with spatial SQL that MySQL and MariaDB spell differently.
   */
  async list(query: StationQueryDto): Promise<Page<StationView>> {
    const all = await this.stations.find({ relations: { org: true }, order: { name: 'ASC' } });
    const here =
      query.lat !== undefined && query.lng !== undefined
        ? { latitude: query.lat, longitude: query.lng }
        : null;
    const views = all.map((s) => toStationView(s, here ? distanceMeters(here, s) : null));
    if (here) views.sort((a, b) => a.distanceMeters! - b.distanceMeters!);
    return {
      items: views.slice(query.skip, query.skip + query.pageSize),
      total: views.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: number): Promise<StationView> {
    const station = await this.stations.findOne({ where: { id }, relations: { org: true } });
    if (!station) throw AppException.notFound('服务站不存在');
    return toStationView(station);
  }

  async create(staff: AuthUser, dto: StationDto): Promise<StationView> {
    await this.scope.assertCanManage(staff, dto.orgId);
    const saved = await this.stations.save(this.stations.create(dto));
    return this.get(saved.id);
  }

  async update(staff: AuthUser, id: number, dto: UpdateStationDto): Promise<StationView> {
    const station = await this.stations.findOneBy({ id });
    if (!station) throw AppException.notFound('服务站不存在');
    await this.scope.assertCanManage(staff, station.orgId);
    if (dto.orgId !== undefined) await this.scope.assertCanManage(staff, dto.orgId);
    await this.stations.update(id, dto);
    return this.get(id);
  }
}
