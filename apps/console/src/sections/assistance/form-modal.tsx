import { App, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../services/http';

/** What a page gives a dialog it opens: whether it shows, how to close it, and what to do once it succeeded. */
export interface DialogProps {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** Required, trimmed, and `min`–`max` characters long (the API's bounds), each message naming the field. */
export function textRules(what: string, min: number, max: number) {
  return [
    { required: true, whitespace: true, message: `请填写${what}` },
    { min, max, message: `${what}请写 ${min}–${max} 个字` },
  ];
}

/**
 * A dialog whose form is its confirmation. The fields check themselves first (each failing one says why
 * under it); then `submit` runs once, the OK button busy until the API answers so a second click cannot
 * send it twice, and what it resolves to is the success message. On an error the dialog stays open with
 * what was typed, so nothing is lost to a refusal.
 */
export function FormModal<V extends object>({
  title,
  open,
  okText,
  onClose,
  submit,
  initialValues,
  children,
}: {
  title: string;
  open: boolean;
  okText: string;
  onClose: () => void;
  submit: (values: V) => Promise<string>;
  initialValues?: Partial<V>;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      void message.success(await submit(values));
      onClose();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      okButtonProps={{ loading: busy }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => void run()}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}
