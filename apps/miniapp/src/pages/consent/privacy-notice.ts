/**
 * The privacy notice workers consent to. Any change to this text must come with a new
 * `PRIVACY_POLICY_VERSION` in @jingcai/shared, so that every worker is asked again.
 */
export interface NoticeSection {
  heading: string;
  paragraphs: string[];
}

export const PRIVACY_NOTICE_TITLE = '京彩职工隐私政策';

export const PRIVACY_NOTICE: readonly NoticeSection[] = [
  {
    heading: '一、我们收集哪些信息',
    paragraphs: [
      '为了向您提供工会服务，我们会收集：您的真实姓名、手机号码、所属工会组织和职工类别；身份证号为选填项，仅在您办理需要核验身份的业务（如入会、法律援助）时填写。',
      '您登录时，我们通过微信获取用于识别您身份的标识（openid），不会获取您的微信聊天记录、好友关系等信息。',
    ],
  },
  {
    heading: '二、我们为什么收集',
    paragraphs: [
      '这些信息仅用于：确认您的职工身份和所属工会，办理入会、关爱礼包领取、法律咨询等服务，统计各级工会的活动参与情况。',
      '我们不会将您的信息用于与工会服务无关的用途。',
    ],
  },
  {
    heading: '三、我们如何保护您的信息',
    paragraphs: [
      '您的手机号码和身份证号经加密后存储，在页面和接口中始终以部分遮挡的形式显示（如 138****1234），不会写入系统日志。',
      '只有为您办理业务的工会工作人员，才能在其职责范围内查看必要的信息。',
    ],
  },
  {
    heading: '四、信息共享',
    paragraphs: ['我们不会向任何第三方出售、出租或共享您的个人信息，法律法规另有规定的除外。'],
  },
  {
    heading: '五、您的权利',
    paragraphs: [
      '您可以随时在“我的—编辑资料”中查看和修改个人信息；如需注销账号或撤回同意，可拨打职工服务热线 12351 或联系所在工会。',
    ],
  },
];
