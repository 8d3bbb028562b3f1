import { useEffect, useState } from 'react';
import { Text } from '@tarojs/components';
import { timeLeft } from '../care-format';
import './care.css';

/** Minutes are the smallest unit shown, so a tick every 20 s keeps the text right to the minute. */
const TICK_MS = 20_000;

/** Live time left to pick up a claim: `剩余 2天3小时15分`, then `已过期`. */
export default function Countdown({ expiresAt }: { expiresAt: string }) {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const left = timeLeft(expiresAt, now);
  const over = left === '已过期';
  return <Text className={`countdown${over ? ' countdown--over' : ''}`}>{over ? left : `剩余 ${left}`}</Text>;
}
