import { Text, View } from '@tarojs/components';
import type { AssistanceApplicationView } from '@jingcai/shared';
import { formatShanghaiDateTime } from '../../../format';
import { stepEntries } from '../assistance-format';
import './assistance.css';

type Props = Pick<AssistanceApplicationView, 'createdAt' | 'steps' | 'status'>;

/** 提交 → 核实走访 → 街道审批 → 区总发放, each step with its state, its time, and a return's reason. */
export default function StepList({ createdAt, steps, status }: Props) {
  return (
    <View className='assistance-steps' role='list' aria-label='办理进度'>
      {stepEntries({ createdAt, steps, status }).map((entry) => (
        <View
          key={entry.key}
          role='listitem'
          className={`assistance-step assistance-step--${entry.state}`}
          aria-label={`${entry.label}：${entry.stateLabel}`}
        >
          <View className='assistance-step__dot' />
          <View className='assistance-step__body'>
            <View className='assistance-step__heading'>
              <Text className='assistance-step__label'>{entry.label}</Text>
              <Text className='assistance-step__state'>{entry.stateLabel}</Text>
            </View>
            {entry.at && <Text className='assistance-step__at'>{formatShanghaiDateTime(entry.at)}</Text>}
            {entry.note && <Text className='assistance-step__note'>退回原因：{entry.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
