import {
  HAND_OVER_KIND_LABELS,
  WISH_DONOR_NAME_MAX,
  WISH_HAND_OVER_PLACE_MAX,
  WISH_STORY_MAX,
  WISH_TITLE_MAX,
  type HandOverKind,
  type StaffWishView,
} from '@jingcai/shared';
import { Alert, App, Button, Descriptions, Drawer, Form, Image, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { formatTime } from '../../format';
import { errorMessage } from '../../services/http';
import { assistanceApi } from '../../services/assistance';
import { WishStatusTag } from './assistance-labels';
import { PhotoUpload } from './photo-upload';

type WishAction = 'publish' | 'reject' | 'claim' | 'handedOver' | 'confirm';

const ACTION_LABELS: Record<WishAction, string> = {
  publish: '审核通过并发布',
  reject: '不予发布',
  claim: '登记企业认领',
  handedOver: '登记已送达',
  confirm: '确认圆梦',
};

/** One line on why the caller is not offered the step the wish awaits (the API's flags and `ownPart` say). */
function whyNot(w: StaffWishView): string | null {
  switch (w.status) {
    case 'pending_review':
      if (w.mayVet || !w.ownPart) return null;
      return w.ownPart === 'author' ? '这条心愿由你代写，须由其他工作人员审核' : '这是你本人的心愿，须由其他工作人员审核';
    case 'claimed':
      if (w.mayMarkHandedOver || w.donor?.kind !== 'enterprise') return null;
      return `这笔企业认领由${w.donor.recordedByName ?? '其他工作人员'}登记，须由其登记已送达`;
    case 'handed_over':
      if (w.mayConfirm || !w.ownPart) return null;
      if (w.ownPart === 'beneficiary') return '这是你本人的心愿，须由其他工作人员确认圆梦';
      return w.donor?.kind === 'enterprise' ? '你登记了这笔企业认领，须由其他工作人员确认圆梦' : '你认领了这条心愿，须由其他工作人员确认圆梦';
    case 'open':
    case 'rejected':
    case 'fulfilled':
      return null;
  }
}

interface Values {
  title?: string;
  story?: string;
  handOverKind?: HandOverKind;
  handOverPlace?: string;
  reason?: string;
  enterpriseName?: string;
}

function actionsFor(wish: StaffWishView): WishAction[] {
  switch (wish.status) {
    case 'pending_review':
      // The family and whoever wrote the wish leave the vetting to another staff member (the API says who may).
      return wish.mayVet ? ['publish', 'reject'] : [];
    case 'open':
      return ['claim'];
    case 'claimed':
      // The donor says 已送达: a worker on the phone, the staff member who recorded an enterprise here (the API says who).
      return wish.mayMarkHandedOver ? ['handedOver'] : [];
    case 'handed_over':
      // Neither the family nor the donor (for an enterprise, whoever recorded it) confirms.
      return wish.mayConfirm ? ['confirm'] : [];
    case 'rejected':
    case 'fulfilled':
      return [];
  }
}

/** A wish in full for staff (what the family wrote, who benefits, the donor) and what can be done with it now. */
export function WishDrawer({
  wish: w,
  onClose,
  onChanged,
}: {
  wish: StaffWishView | null;
  onClose: () => void;
  /** Null closes the drawer. */
  onChanged: (next: StaffWishView | null) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [action, setAction] = useState<WishAction | null>(null);
  // The dialog keeps its title while it closes (an untitled dialog has no accessible name: axe aria-dialog-name).
  const [titled, setTitled] = useState<WishAction | null>(null);
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const note = w && whyNot(w);

  /** The wish as staff now see it, or null where the API answers with the donor's view (the list reloads). */
  const send = async (id: number, a: WishAction, v: Values): Promise<StaffWishView | null> => {
    switch (a) {
      case 'publish':
        return assistanceApi.publishWish(id, {
          title: v.title?.trim(),
          story: v.story?.trim(),
          handOverKind: v.handOverKind as HandOverKind,
          handOverPlace: (v.handOverPlace ?? '').trim(),
        });
      case 'reject':
        return assistanceApi.rejectWish(id, { reason: (v.reason ?? '').trim() });
      case 'claim':
        await assistanceApi.claimForEnterprise(id, { enterpriseName: (v.enterpriseName ?? '').trim() });
        return null;
      case 'handedOver':
        await assistanceApi.handedOver(id);
        return null;
      case 'confirm':
        return assistanceApi.confirmWish(id, photoIds[0] ? { photoUploadId: photoIds[0] } : {});
    }
  };

  const submit = async () => {
    if (!w || !action) return;
    // A field that fails shows its own message under it.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    try {
      const next = await send(w.id, action, values);
      void message.success(`${ACTION_LABELS[action]}：已完成`);
      setAction(null);
      onChanged(next);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const start = (next: WishAction) => {
    form.resetFields();
    setPhotoIds([]);
    setAction(next);
    setTitled(next);
  };

  return (
    <Drawer title={w ? `微心愿 · ${w.originalTitle}` : ''} open={w !== null} onClose={onClose} width={600} destroyOnHidden>
      {w && (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="状态">
              <WishStatusTag status={w.status} />
            </Descriptions.Item>
            <Descriptions.Item label="职工">
              {w.beneficiary.name}（{w.beneficiary.org.name}）
            </Descriptions.Item>
            <Descriptions.Item label="填写人">{w.authorName}</Descriptions.Item>
            <Descriptions.Item label="心愿（原文）">{w.originalTitle}</Descriptions.Item>
            <Descriptions.Item label="故事（原文）">
              <div style={{ whiteSpace: 'pre-wrap' }}>{w.originalStory}</div>
            </Descriptions.Item>
            {w.status !== 'pending_review' && w.status !== 'rejected' && (
              <Descriptions.Item label="心愿墙显示">
                {w.title}：{w.story}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="价值">{w.amountYuan} 元</Descriptions.Item>
            {w.handOver && (
              <Descriptions.Item label="交接地点">
                {HAND_OVER_KIND_LABELS[w.handOver.kind]}：{w.handOver.place}
              </Descriptions.Item>
            )}
            {w.rejectReason && <Descriptions.Item label="不予发布原因">{w.rejectReason}</Descriptions.Item>}
            {w.donor && (
              <Descriptions.Item label="认领人">
                {w.donor.name}
                {w.donor.recordedByName ? `（${w.donor.recordedByName} 登记）` : ''}，{formatTime(w.claimedAt)}
              </Descriptions.Item>
            )}
            {w.handedOverAt && <Descriptions.Item label="送达">{formatTime(w.handedOverAt)}</Descriptions.Item>}
            {w.fulfilledAt && <Descriptions.Item label="圆梦">{formatTime(w.fulfilledAt)}</Descriptions.Item>}
          </Descriptions>
          {w.confirmPhoto && (
            <Image src={w.confirmPhoto.url} width={160} style={{ marginTop: 12 }} alt="交接照片（仅工作人员可见）" />
          )}
          {note && <Alert type="info" showIcon style={{ marginTop: 16 }} message={note} />}
          <Space wrap style={{ marginTop: 16 }}>
            {actionsFor(w).map((a) => (
              <Button key={a} type={a === 'reject' ? 'default' : 'primary'} danger={a === 'reject'} onClick={() => start(a)}>
                {ACTION_LABELS[a]}
              </Button>
            ))}
          </Space>
          <Modal
            title={titled ? ACTION_LABELS[titled] : ''}
            open={action !== null}
            okText="确认"
            okButtonProps={{ loading: busy, danger: action === 'reject' }}
            cancelText="取消"
            onCancel={() => setAction(null)}
            onOk={() => void submit()}
            destroyOnHidden
          >
            <Form
              form={form}
              layout="vertical"
              preserve={false}
              initialValues={{ title: w.originalTitle, story: w.originalStory, handOverKind: 'union_office' }}
            >
              {action === 'publish' && (
                <>
                  <Form.Item name="title" label="心愿墙标题" rules={[{ required: true, whitespace: true }, { max: WISH_TITLE_MAX }]}>
                    <Input maxLength={WISH_TITLE_MAX} />
                  </Form.Item>
                  <Form.Item
                    name="story"
                    label="心愿墙故事（请去掉姓名、单位、住址等可识别信息）"
                    rules={[{ required: true, whitespace: true }, { max: WISH_STORY_MAX }]}
                  >
                    <Input.TextArea rows={4} maxLength={WISH_STORY_MAX} showCount />
                  </Form.Item>
                  <Form.Item name="handOverKind" label="交接方式">
                    <Radio.Group
                      options={(['union_office', 'station'] as const).map((kind) => ({ value: kind, label: HAND_OVER_KIND_LABELS[kind] }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name="handOverPlace"
                    label="交接地点（告知认领人，切勿填写家庭住址）"
                    rules={[{ required: true, whitespace: true, message: '请填写交接地点' }, { max: WISH_HAND_OVER_PLACE_MAX }]}
                  >
                    <Input maxLength={WISH_HAND_OVER_PLACE_MAX} placeholder="如：大市口街道工会办公室（解放路 1 号，工作日 9:00–17:00）" />
                  </Form.Item>
                </>
              )}
              {action === 'reject' && (
                <Form.Item name="reason" label="原因（职工可见）" rules={[{ required: true, whitespace: true, message: '请说明原因' }, { max: 500 }]}>
                  <Input.TextArea rows={3} maxLength={500} />
                </Form.Item>
              )}
              {action === 'claim' && (
                <Form.Item
                  name="enterpriseName"
                  label="认领企业名称"
                  rules={[{ required: true, whitespace: true, message: '请填写企业名称' }, { max: WISH_DONOR_NAME_MAX }]}
                >
                  <Input maxLength={WISH_DONOR_NAME_MAX} />
                </Form.Item>
              )}
              {action === 'handedOver' && <p>确认{w.donor?.kind === 'enterprise' ? '认领企业' : '你'}已把礼物送到交接地点？</p>}
              {action === 'confirm' && (
                <Form.Item label="交接照片（选填，仅工作人员可见，不会公开）">
                  <PhotoUpload purpose="assistance_photo" max={1} label="添加照片" onChange={setPhotoIds} />
                </Form.Item>
              )}
            </Form>
          </Modal>
        </>
      )}
    </Drawer>
  );
}
