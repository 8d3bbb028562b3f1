import { Select as AntSelect, type SelectProps } from 'antd';
import type { BaseOptionType, DefaultOptionType } from 'antd/es/select';

/**
 * antd's Select for use in forms and filters. Form.Item hands its control `aria-required`; Select puts it on
 * its wrapper div, which has no role, and ARIA allows `aria-required` only on fields (axe aria-allowed-attr,
 * critical). It is dropped here: the label's required mark and the validation message say it instead.
 * A filter Select outside any form (no `id` from a Form.Item label) without its own `aria-label` is named by
 * its placeholder, which is what it asks for (全部分类…): antd gives `aria-label` to the search input.
 */
export function Select<V = unknown, O extends BaseOptionType | DefaultOptionType = DefaultOptionType>(
  props: SelectProps<V, O>,
) {
  const rest: SelectProps<V, O> & { 'aria-required'?: unknown } = { ...props };
  delete rest['aria-required'];
  if (!rest['aria-label'] && !rest.id && typeof rest.placeholder === 'string') rest['aria-label'] = rest.placeholder;
  return <AntSelect<V, O> {...rest} />;
}
