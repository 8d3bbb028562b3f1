import Taro from '@tarojs/taro';
import { ErrorCode, type CheckinBody, type UploadView } from '@jingcai/shared';
import { authResult, meView } from '../../test/fixtures';
import { callsOf, fakeApi } from '../../test/fake-api';
import { onWechat } from '../../test/platform-env';
import { checkinResult } from '../packages/reading/reading-fixtures';
import {
  canSaveToAlbum,
  checkIn,
  currentSeason,
  isReadingError,
  orgReadingLeaderboard,
  readerLeaderboard,
  readingFeed,
  setLiked,
  uploadReadingPhoto,
} from './reading';
import { saveTokens } from './tokens';

const body: CheckinBody = { bookId: 51, minutes: 45, note: '孙少平在苦难中不失尊严，读来很受鼓舞。', photoIds: ['upl_1'] };

describe('reading services', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('asks for the season open to me, which may be none', async () => {
    const seen = fakeApi({ 'GET /reading/seasons/current': { statusCode: 200, data: { season: null } } });

    await expect(currentSeason()).resolves.toEqual({ season: null });
    expect(seen[0].authorization).toBe('Bearer access-1');
  });

  it('posts a check-in with its body', async () => {
    const seen = fakeApi({ 'POST /reading/seasons/5/checkins': { statusCode: 201, data: checkinResult() } });

    await expect(checkIn(5, body)).resolves.toMatchObject({ me: { checkedInToday: true } });
    expect(seen[0]).toMatchObject({ method: 'POST', body });
  });

  it('toasts a refused check-in and lets the page tell which refusal it was', async () => {
    fakeApi({
      'POST /reading/seasons/5/checkins': { statusCode: 409, data: { code: 'ALREADY_CHECKED_IN', message: '今天已经打卡了' } },
    });

    const error: unknown = await checkIn(5, body).catch((caught: unknown) => caught);

    expect(isReadingError(error, ErrorCode.AlreadyCheckedIn)).toBe(true);
    expect(isReadingError(error, ErrorCode.DuplicateNote)).toBe(false);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '今天已经打卡了', icon: 'none' });
  });

  it('pages the feed with the cursor it was given', async () => {
    const seen = fakeApi({
      'GET /reading/seasons/5/feed': { statusCode: 200, data: { items: [], nextCursor: null } },
    });

    await readingFeed(5);
    await readingFeed(5, 'c-901');

    expect(callsOf(seen)).toEqual(['GET /reading/seasons/5/feed?limit=20', 'GET /reading/seasons/5/feed?cursor=c-901&limit=20']);
  });

  it('likes with POST and unlikes with DELETE, on WeChat too (wx.request has DELETE)', async () => {
    const seen = fakeApi({
      'POST /reading/checkins/901/like': { statusCode: 201, data: { liked: true, likeCount: 3 } },
      'DELETE /reading/checkins/901/like': { statusCode: 200, data: { liked: false, likeCount: 2 } },
    });

    await expect(setLiked(901, true)).resolves.toEqual({ liked: true, likeCount: 3 });
    await expect(onWechat(() => setLiked(901, false))).resolves.toEqual({ liked: false, likeCount: 2 });

    expect(callsOf(seen)).toEqual(['POST /reading/checkins/901/like', 'DELETE /reading/checkins/901/like']);
    expect(seen[1].header['X-HTTP-Method-Override']).toBeUndefined();
  });

  it('asks for the person and the org rankings', async () => {
    const seen = fakeApi({ 'GET /reading/seasons/5/leaderboard': { statusCode: 200, data: { top: [], me: null } } });

    await readerLeaderboard(5);
    await orgReadingLeaderboard(5);

    expect(callsOf(seen)).toEqual([
      'GET /reading/seasons/5/leaderboard?scope=person&limit=50',
      'GET /reading/seasons/5/leaderboard?scope=org&limit=50',
    ]);
  });

  it('uploads a photo for a check-in', async () => {
    const uploaded: UploadView = { id: 'upl_1', url: 'http://api.test/api/uploads/upl_1?sig=x', contentType: 'image/jpeg', size: 900, width: 40, height: 30 };
    const seen = fakeApi({ 'POST /uploads': { statusCode: 201, data: uploaded } });

    await expect(uploadReadingPhoto('blob:http://localhost/1')).resolves.toEqual(uploaded);
    expect(seen[0].body).toEqual({ filePath: 'blob:http://localhost/1', name: 'file', formData: { purpose: 'reading_photo' } });
  });
});

describe(canSaveToAlbum.name, () => {
  it('saves to the album only inside WeChat', async () => {
    expect(canSaveToAlbum()).toBe(false);
    await expect(onWechat(() => canSaveToAlbum())).resolves.toBe(true);
  });
});
