import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, StationView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CreateStationDto } from './dto/create-station.dto';
import { StationQueryDto } from './dto/station-query.dto';
import { UpdateStationDto } from './dto/update-station.dto';
import { StationsService } from './stations.service';

@ApiTags('care')
@ApiBearerAuth()
@Controller('care/stations')
export class StationsController {
  constructor(private readonly stations: StationsService) {}

  @Get()
  list(@Query() query: StationQueryDto): Promise<Page<StationView>> {
    return this.stations.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Promise<StationView> {
    return this.stations.get(id);
  }

  @Post()
  @Roles('staff')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateStationDto): Promise<StationView> {
    return this.stations.create(user, dto);
  }

  @Patch(':id')
  @Roles('staff')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateStationDto,
  ): Promise<StationView> {
    return this.stations.update(user, id, dto);
  }
}
