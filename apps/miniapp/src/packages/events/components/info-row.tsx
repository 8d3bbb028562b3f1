import { Text, View } from '@tarojs/components';

/** A label and its value on one line, as the ticket and check-in results list them. */
export default function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View className='events-row'>
      <Text className='events-row__label'>{label}</Text>
      <Text className='events-row__value'>{value}</Text>
    </View>
  );
}
