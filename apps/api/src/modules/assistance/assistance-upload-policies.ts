import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import type { Upload } from '../uploads/entities/upload.entity';
import { UploadsService } from '../uploads/uploads.service';
import { ApplicationSecretsCodec } from './application-secrets';
import { ApplicationsRepository } from './applications.repository';
import { AssistanceAccess } from './assistance-access';
import { WishesRepository } from './wishes.repository';

/**
 * Who, besides the uploader, may open help-in-hardship photos at `/api/uploads/:id`. A document: the
 * applicant and staff in scope of the application listing it (once WeChat passed it). A visit or
 * confirmation photo: staff in scope of its application or wish. Never anyone else: a wish's photo is
 * not on the wall and not the donor's.
 */
@Injectable()
export class AssistanceUploadPolicies implements OnModuleInit {
  constructor(
    private readonly uploads: UploadsService,
    private readonly applications: ApplicationsRepository,
    private readonly wishes: WishesRepository,
    private readonly codec: ApplicationSecretsCodec,
    private readonly access: AssistanceAccess,
    private readonly contentSafety: ContentSafetyService,
  ) {}

  onModuleInit(): void {
    this.uploads.registerAccessPolicy('assistance_document', (viewer, upload) =>
      this.mayView(viewer, upload),
    );
    this.uploads.registerAccessPolicy('assistance_photo', (viewer, upload) => this.mayView(viewer, upload));
  }

  private async mayView(viewer: AuthUser, upload: Upload): Promise<boolean> {
    if ((await this.contentSafety.withheldPhotos([upload.id])).size) return false;
    const wish = upload.purpose === 'assistance_photo' ? await this.wishes.withConfirmPhoto(upload.id) : null;
    if (wish) return this.access.canStaffRead(viewer, wish.orgPath);
    for (const app of await this.applications.involving(upload.ownerId)) {
      if (!this.codec.uploadIdsOf(app).includes(upload.id)) continue;
      if (app.applicantId === viewer.id && upload.purpose === 'assistance_document') return true;
      return app.applicantId !== viewer.id && (await this.access.canStaffRead(viewer, app.orgPath));
    }
    return false;
  }
}
