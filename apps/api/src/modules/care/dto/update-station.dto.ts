import { PartialType } from '@nestjs/swagger';
import { PATCH } from '../../../common/http/patch';
import { CreateStationDto } from './create-station.dto';

export class UpdateStationDto extends PartialType(CreateStationDto, PATCH) {}
