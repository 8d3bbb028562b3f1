import { Select as AntSelect, type SelectProps } from 'antd';
import type { BaseOptionType, DefaultOptionType } from 'antd/es/select';

/**
 * antd's Select for use in forms and filters. Form.Item hands its control `aria-required`; Select puts it on
 * its wrapper div, which has no role, and ARIA allows `aria-required` only on fields (axe aria-allowed-attr,
 * critical). It is dropped here: the label's required mark and the validation message say it instead.
 * Everything else, `aria-label` included (Select gives it to its search input), goes through.
 */
export function Select<V = unknown, O extends BaseOptionType | DefaultOptionType = DefaultOptionType>(
  props: SelectProps<V, O>,
) {
  const rest: SelectProps<V, O> & { 'aria-required'?: unknown } = { ...props };
  delete rest['aria-required'];
  return <AntSelect<V, O> {...rest} />;
}
