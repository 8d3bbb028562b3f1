import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Certificate } from './entities/quiz.entities';

/** The quiz_certificates reads (a submit issues a certificate in its own transaction, in AttemptsRepository). */
@Injectable()
export class CertificatesRepository {
  constructor(@InjectRepository(Certificate) private readonly certificates: Repository<Certificate>) {}

  bySerial(serial: string): Promise<Certificate | null> {
    return this.certificates.findOneBy({ serial });
  }

  /** The worker's certificate of a campaign: one at most. */
  heldBy(campaignId: number, userId: number): Promise<Certificate | null> {
    return this.certificates.findOneBy({ campaignId, userId });
  }
}
