import { PartialType } from '@nestjs/swagger';
import { PATCH } from '../../../common/http/patch';
import { CreateLegalCaseDto } from './create-legal-case.dto';

export class UpdateLegalCaseDto extends PartialType(CreateLegalCaseDto, PATCH) {}
