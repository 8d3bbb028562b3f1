export { FakeWechatServer } from './fake-wechat-server';
export type {
  Behaviour,
  FakeWechatOptions,
  PushedVerdict,
  RecordedCall,
  SubscribeSend,
  Suggest,
  WechatPath,
} from './fake-wechat-server';
