import { Switch, type SwitchProps } from '@nutui/nutui-react-taro';

export interface LabelledSwitchProps extends Partial<Omit<SwitchProps, 'aria-label'>> {
  /** What the switch turns on, read out by screen readers (the visible text beside it, usually). */
  label: string;
}

/**
 * NutUI's Switch with a name and a role both builds understand. NutUI hands `ariaRole` to its view: WeChat reads
 * that as the role, but Taro's H5 writes it out as an `aria-role` attribute, which is not ARIA (axe
 * aria-valid-attr) and leaves the browser without a role. On H5 the role goes out as `role` instead.
 */
export default function LabelledSwitch({ label, ...props }: LabelledSwitchProps) {
  const role = process.env.TARO_ENV === 'h5' ? { ariaRole: undefined, role: 'switch' } : {};
  return <Switch aria-label={label} {...props} {...(role as Partial<SwitchProps>)} />;
}
