import { Injectable } from '@nestjs/common';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import type { AssistanceApplication } from './entities/assistance-application.entity';

/** What the family told the union, in the clear: only ever in memory, on its way to an allowed reader. */
export interface ApplicationSecrets {
  familySituation: string;
  monthlyIncomePerMember: number;
  reasons: string;
  documentIds: string[];
  returnReason: string | null;
}

export interface VisitSecrets {
  notes: string;
  photoIds: string[];
}

/** The application's sensitive columns through the PII cipher, both ways, so no caller handles ciphertext. */
@Injectable()
export class ApplicationSecretsCodec {
  constructor(private readonly cipher: PiiCipher) {}

  seal(input: {
    familySituation: string;
    monthlyIncomePerMember: number;
    reasons: string;
    documentIds: string[];
  }): Pick<
    AssistanceApplication,
    'familySituationCipher' | 'incomeCipher' | 'reasonsCipher' | 'documentIdsCipher'
  > {
    return {
      familySituationCipher: this.cipher.encrypt(input.familySituation),
      incomeCipher: this.cipher.encrypt(String(input.monthlyIncomePerMember)),
      reasonsCipher: this.cipher.encrypt(input.reasons),
      documentIdsCipher: this.sealIds(input.documentIds),
    };
  }

  open(row: AssistanceApplication): ApplicationSecrets {
    return {
      familySituation: this.cipher.decrypt(row.familySituationCipher),
      monthlyIncomePerMember: Number(this.cipher.decrypt(row.incomeCipher)),
      reasons: this.cipher.decrypt(row.reasonsCipher),
      documentIds: this.openIds(row.documentIdsCipher),
      returnReason: this.openNote(row.returnReasonCipher),
    };
  }

  openVisit(row: AssistanceApplication): VisitSecrets | null {
    if (row.visitNotesCipher === null) return null;
    return {
      notes: this.cipher.decrypt(row.visitNotesCipher),
      photoIds: this.openIds(row.visitPhotoIdsCipher),
    };
  }

  /** The uploads an application refers to (documents and visit photos), for the upload access policies. */
  uploadIdsOf(row: AssistanceApplication): string[] {
    return [...this.openIds(row.documentIdsCipher), ...this.openIds(row.visitPhotoIdsCipher)];
  }

  sealNote(note: string | null | undefined): string | null {
    return note ? this.cipher.encrypt(note) : null;
  }

  openNote(sealed: string | null): string | null {
    return sealed === null ? null : this.cipher.decrypt(sealed);
  }

  sealIds(ids: readonly string[]): string {
    return this.cipher.encrypt(ids.join(','));
  }

  openIds(sealed: string | null): string[] {
    if (sealed === null) return [];
    const plain = this.cipher.decrypt(sealed);
    return plain ? plain.split(',') : [];
  }
}
