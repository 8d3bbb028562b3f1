import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type DeepPartial } from 'typeorm';
import { Station } from './entities/station.entity';

/** The care_stations table's statements. */
@Injectable()
export class StationsRepository {
  constructor(@InjectRepository(Station) private readonly stations: Repository<Station>) {}

  /** Every station with its org, by name: a district has tens to hundreds. */
  allWithOrg(): Promise<Station[]> {
    return this.stations.find({ relations: { org: true }, order: { name: 'ASC' } });
  }

  withOrg(id: number): Promise<Station | null> {
    return this.stations.findOne({ where: { id }, relations: { org: true } });
  }

  byId(id: number): Promise<Station | null> {
    return this.stations.findOneBy({ id });
  }

  /** The stations of these ids that exist. */
  byIds(ids: number[]): Promise<Station[]> {
    return ids.length ? this.stations.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** The stations with the org that runs each (for the scope check). */
  byIdsWithOrg(ids: number[]): Promise<Station[]> {
    return ids.length
      ? this.stations.find({ where: { id: In(ids) }, relations: { org: true } })
      : Promise.resolve([]);
  }

  /** Saves a new station; answers its id. */
  async insert(fields: DeepPartial<Station>): Promise<number> {
    return (await this.stations.save(this.stations.create(fields))).id;
  }

  async update(id: number, fields: DeepPartial<Station>): Promise<void> {
    await this.stations.update(id, fields);
  }
}
