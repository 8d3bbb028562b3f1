import { Injectable } from '@nestjs/common';
import { distanceMeters, type Page, type StationView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { OrgScopeService } from '../orgs/org-scope.service';
import { toStationView } from './care.mapper';
import type { CreateStationDto } from './dto/create-station.dto';
import type { StationQueryDto } from './dto/station-query.dto';
import type { UpdateStationDto } from './dto/update-station.dto';
import { StationsRepository } from './stations.repository';

@Injectable()
export class StationsService {
  constructor(
    private readonly stations: StationsRepository,
    private readonly scope: OrgScopeService,
  ) {}

  /**
   * Nearest first when a position is given, else by name. A district has tens to hundreds of stations,
   * so distances are computed in memory rather than with spatial SQL that MySQL and MariaDB spell differently.
   */
  async list(query: StationQueryDto): Promise<Page<StationView>> {
    const all = await this.stations.allWithOrg();
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
    const station = await this.stations.withOrg(id);
    if (!station) throw AppException.notFound('服务站不存在');
    return toStationView(station);
  }

  async create(staff: AuthUser, dto: CreateStationDto): Promise<StationView> {
    await this.scope.assertCanManage(staff, dto.orgId);
    return this.get(await this.stations.insert(dto));
  }

  async update(staff: AuthUser, id: number, dto: UpdateStationDto): Promise<StationView> {
    const station = await this.stations.byId(id);
    if (!station) throw AppException.notFound('服务站不存在');
    await this.scope.assertCanManage(staff, station.orgId);
    if (dto.orgId !== undefined) await this.scope.assertCanManage(staff, dto.orgId);
    await this.stations.update(id, dto);
    return this.get(id);
  }
}
