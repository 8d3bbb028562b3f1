import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { treeOptions } from '../session/org-scope';
import { useScope } from '../session/scope-context';

/** Picks an org inside the staff member's scope: nothing else is offered. */
export function OrgPicker(props: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  /** Read out for a picker with no form label (a filter); a form field is named by its label through `id`. */
  'aria-label'?: string;
}) {
  const { scope } = useScope();
  const data = useMemo(() => treeOptions(scope.roots), [scope]);
  return (
    <TreeSelect<number>
      id={props.id}
      aria-label={props.id ? undefined : (props['aria-label'] ?? props.placeholder ?? '选择组织')}
      treeData={data}
      value={props.value ?? undefined}
      onChange={(value) => props.onChange?.(value ?? null)}
      placeholder={props.placeholder ?? '选择组织'}
      allowClear={props.allowClear}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      style={{ width: '100%' }}
    />
  );
}
