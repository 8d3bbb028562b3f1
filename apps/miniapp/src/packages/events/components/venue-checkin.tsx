import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { EventCheckinView } from '@jingcai/shared';
import { checkInWithVenueCode, CHECKIN_REFUSALS, isVenueCode, venueCodeFromScan } from '../../../services/events';
import { canScanCode, scanCode } from '../../../services/platform';
import { ApiError } from '../../../services/request';

/**
 * 现场签到 by the worker: the 6-digit code on the venue's screen (it changes every 30 s and works only during
 * the session), scanned inside WeChat or typed (a browser has no scanner).
 */
export default function VenueCheckin({ sessionId, onCheckedIn }: { sessionId: number; onCheckedIn: (view: EventCheckinView) => void }) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (code: string) => {
    if (busy) return;
    if (!isVenueCode(code)) {
      setProblem('签到码为 6 位数字，请看现场屏幕');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onCheckedIn(await checkInWithVenueCode(sessionId, code));
      void Taro.showToast({ title: '签到成功', icon: 'success' });
    } catch (error) {
      if (error instanceof ApiError && (CHECKIN_REFUSALS as readonly string[]).includes(error.code)) setProblem(error.message);
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    const scanned = await scanCode();
    if (!scanned) return;
    const code = venueCodeFromScan(scanned);
    if (code) await send(code);
    else setProblem('未识别到签到码，请手动输入屏幕上的 6 位数字');
  };

  return (
    <View className='card event-ticket__venue'>
      <Text className='events-label'>现场签到</Text>
      <Text className='muted'>到场后扫描或输入现场屏幕上的签到码（每 30 秒更新）</Text>
      {canScanCode() && (
        <Button block type='primary' onClick={() => void scan()}>
          扫码签到
        </Button>
      )}
      <Input
        className='events-input'
        type='number'
        aria-label='现场签到码'
        placeholder='输入 6 位签到码'
        maxlength={6}
        value={typed}
        onInput={(event) => {
          setTyped(event.detail.value);
          setProblem(null);
        }}
        onConfirm={() => void send(typed)}
      />
      {problem && <Text className='events-refusal'>{problem}</Text>}
      <Button block type={canScanCode() ? 'default' : 'primary'} loading={busy} disabled={busy} onClick={() => void send(typed)}>
        签到
      </Button>
    </View>
  );
}
