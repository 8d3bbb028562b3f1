import { Text, View } from '@tarojs/components';

/** A filter or choice chip: a button that says whether it is on, for screen readers too. */
export default function Chip({ label, active, onClick }: { label: string; active: boolean; onClick: () => void }) {
  return (
    <View className={`events-chip${active ? ' events-chip--active' : ''}`} role='button' aria-pressed={active} onClick={onClick}>
      <Text>{label}</Text>
    </View>
  );
}
