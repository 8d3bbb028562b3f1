import { useState } from 'react';
import { Cell } from '@nutui/nutui-react-taro';
import LabelledSwitch from '../labelled-switch';
import { useCareMode } from '../../hooks/use-care-mode';
import { updateMe } from '../../services/users';

/**
 * 长辈模式 in 我的. Saved on the profile (it follows the worker to a new phone); the app shell applies it to
 * every page as soon as the API answers with the updated profile.
 */
export default function CareModeSwitch() {
  const careMode = useCareMode();
  const [saving, setSaving] = useState(false);

  const toggle = async (on: boolean) => {
    setSaving(true);
    try {
      await updateMe({ careMode: on });
    } catch {
      // The request helper has shown a toast; the switch stays as the server has it.
    } finally {
      setSaving(false);
    }
  };

  return (
    <Cell
      title='长辈模式'
      description='大字体、大按钮，限时答题时间延长'
      extra={
        <LabelledSwitch
          label='长辈模式'
          checked={careMode}
          disabled={saving}
          onChange={(on) => void toggle(on)}
        />
      }
    />
  );
}
